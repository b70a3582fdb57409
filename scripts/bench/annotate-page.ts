/**
 * The workbench's save as the user sees it: in headless Chromium on vite's dev server (the
 * annotate plugin) over a data folder, from the page's save (the path the form's "Save
 * relation" takes: POST, then the answer's graph diff checked and applied to the shown graph,
 * the views told) to the next frame drawn with the new relation in the network. Each save is
 * undone through the page, and the undo's frame drawn, before the next; one save and undo
 * before the timed ones warm the page (the reader's first drawing, the JIT). Used by
 * bench/annotate.ts.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import type { Change } from '../../src/core/annotate/api.ts';
import { launchBrowser } from '../lib/browser.ts';
import { median, round } from './stats.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface PageSaveFigures {
  /** Medians, ms: the page's save to the frame that shows the new relation. */
  saveToFrameMs: number;
  /** Of which: the save answered (POST → 200), as the page saw it. */
  postMs: number;
  /**
   * Of which: the save to the new graph taken in and the views told (the page's own
   * annotate-save-to-shown measure); the rest is the frame, sigma drawing the network.
   */
  takenInMs: number;
  /** Every timed run, ms: save → frame, and save → taken in. */
  runsMs: number[];
  takenInRunsMs: number[];
  /** How many times the page fetched graph.json in all the saves (the fallback to the diff). */
  graphFetches: number;
}

export async function measurePageSave(
  dataDir: string,
  change: Extract<Change, { kind: 'add-relation' }>,
  runs: number,
): Promise<PageSaveFigures> {
  const before = process.env.ANNOTATE_DATA;
  process.env.ANNOTATE_DATA = dataDir;
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    logLevel: 'error',
    server: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
  const browser = await launchBrowser();
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('the dev server has no port');
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(`http://127.0.0.1:${address.port}/`);
    await page.waitForSelector('body[data-workbench="ready"]', { timeout: 120_000 });
    const total: number[] = [];
    const post: number[] = [];
    const takenIn: number[] = [];
    let graphFetches = 0;
    // The first run warms the page and is not counted.
    for (let i = -1; i < runs; i++) {
      const figures = await page.evaluate(
        async ({ change }) => {
          const app = window.app!;
          const fetchBefore = performance.getEntriesByType('resource').length;
          const t0 = performance.now();
          const problems = await app.annotate!.apply([change]);
          if (problems) throw new Error(`the save was refused: ${JSON.stringify(problems)}`);
          const { source, target, type } = change.relation;
          const g = app.explorer.graph;
          const shown = [...g.edges(source, target), ...g.edges(target, source)].some(
            (e) => g.getEdgeAttribute(e, 'relation') === type,
          );
          if (!shown) throw new Error(`${source} ${type} ${target} is not in the network`);
          // The frame that draws it.
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          const t1 = performance.now();
          const fetched = performance.getEntriesByType('resource').slice(fetchBefore);
          const change_ = fetched.find((e) => e.name.endsWith('/api/annotate/change'));
          const graphs = fetched.filter((e) => /\/graph\.json(\?|$)/.test(e.name)).length;
          const shownMs = performance.getEntriesByName('annotate-save-to-shown').at(-1)?.duration;
          await app.annotate!.undo();
          // The undo's frame, before the next save.
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return {
            total: t1 - t0,
            post: change_ ? change_.duration : NaN,
            takenIn: shownMs ?? NaN,
            graphs,
          };
        },
        { change },
      );
      if (i < 0) continue;
      total.push(figures.total);
      post.push(figures.post);
      takenIn.push(figures.takenIn);
      graphFetches += figures.graphs;
    }
    return {
      saveToFrameMs: round(median(total)),
      postMs: round(median(post)),
      takenInMs: round(median(takenIn)),
      runsMs: total.map(round),
      takenInRunsMs: takenIn.map(round),
      graphFetches,
    };
  } finally {
    await browser.close();
    await server.close();
    if (before === undefined) delete process.env.ANNOTATE_DATA;
    else process.env.ANNOTATE_DATA = before;
  }
}
