/**
 * The workbench's save as the user sees it: in headless Chromium on vite's dev server (the
 * annotate plugin) over a data folder, from the page's save (the path the form's "Save
 * relation" takes: POST, then graph.json fetched, checked, merged into the shown graph, the
 * views told) to the next frame drawn with the new relation in the network. Each save is
 * undone through the page before the next. Used by bench/annotate.ts.
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
    for (let i = 0; i < runs; i++) {
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
          const change_ = performance
            .getEntriesByType('resource')
            .slice(fetchBefore)
            .find((e) => e.name.endsWith('/api/annotate/change'));
          await app.annotate!.undo();
          return { total: t1 - t0, post: change_ ? change_.duration : NaN };
        },
        { change },
      );
      total.push(figures.total);
      post.push(figures.post);
    }
    return { saveToFrameMs: round(median(total)), postMs: round(median(post)) };
  } finally {
    await browser.close();
    await server.close();
    if (before === undefined) delete process.env.ANNOTATE_DATA;
    else process.env.ANNOTATE_DATA = before;
  }
}
