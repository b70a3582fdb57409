/**
 * Page measurements in headless Chromium, for the explorer and for the bare reference page
 * (graph.json loaded into graphology and handed to sigma with default settings).
 */
import type { Browser, Page } from 'playwright-core';
import type { AppHandles } from '../../src/app/handles.ts';

export interface PageFigures {
  firstFrameMs: number[];
  panFrameMs: number[];
  fullRefresh: Timing[];
  /** A frame with nothing new to process: sigma's render() alone. */
  render: Timing[];
}

export interface ExplorerFigures extends PageFigures {
  highlight: Timing[];
  hover: Timing[];
  moveHighlight: Timing[];
  /** The timeline's brush moved a month (its window set as a drag sets it), to the next frame. */
  brush: Timing[];
  searchMs: number[];
  fa2IterationsPerSecond: number;
  /** A filter changed with the analysis closed and open (measureAnalysis). */
  analysis: AnalysisFigures;
}

/** A change of the filters: how long the page froze, and when the analysis was drawn. */
export interface AnalysisTiming {
  frozen: number;
  figures: number;
}

export interface AnalysisFigures {
  closed: AnalysisTiming[];
  open: AnalysisTiming[];
}

/**
 * The bare page exposes its sigma as window.bare; the explorer exposes window.app, typed by
 * the page's own AppHandles (src/app/handles.ts), so this cannot drift from what it exposes.
 */
type Win = Window & { bare?: { sigma: SigmaLike }; app?: AppHandles };
interface SigmaLike {
  refresh(): void;
  getCamera(): {
    getState(): { x: number; y: number; ratio: number; angle: number };
    setState(s: object): void;
  };
  getGraph(): { on(event: string, f: () => void): void; off(event: string, f: () => void): void };
}

async function open(
  browser: Browser,
  url: string,
): Promise<{ page: Page; firstFrame: number; close: () => Promise<void> }> {
  // A new context each time: nothing cached from an earlier run.
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 300_000 });
  if (errors.length > 0) throw new Error(`${url}: ${errors.join('; ')}`);
  const firstFrame = await page.evaluate(
    () => performance.getEntriesByName('first-frame')[0]!.startTime,
  );
  return { page, firstFrame, close: () => context.close() };
}

/** How long each page is left to settle after its first frame before steady-state figures. */
const SETTLE_MS = 2000;

/** Waits for the next frame to be presented (a task after the animation frame). */
const FRAME = 'new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)))';

/** An action's time: to the end of the next frame, and its synchronous main-thread part. */
export interface Timing {
  total: number;
  mainThread: number;
}

async function timeInPage(page: Page, body: string, times: number): Promise<Timing[]> {
  const out: Timing[] = [];
  for (let i = 0; i < times; i++) {
    out.push(
      await page.evaluate(
        `(async () => { await ${FRAME}; const t0 = performance.now(); ${body}; const t1 = performance.now(); await ${FRAME}; return { total: performance.now() - t0, mainThread: t1 - t0 }; })()`,
      ),
    );
  }
  return out;
}

async function panFrames(page: Page, sigmaPath: string): Promise<number[]> {
  return page.evaluate(`(async () => {
    const camera = ${sigmaPath}.getCamera();
    const start = camera.getState();
    const frames = [];
    let last = performance.now();
    for (let i = 0; i < 40; i++) {
      camera.setState({ ...camera.getState(), x: start.x + 0.004 * (i + 1) });
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    camera.setState(start);
    return frames.slice(5);
  })()`);
}

export const emptyPageFigures = (): PageFigures => ({
  firstFrameMs: [],
  panFrameMs: [],
  fullRefresh: [],
  render: [],
});
export const emptyExplorerFigures = (): ExplorerFigures => ({
  ...emptyPageFigures(),
  highlight: [],
  hover: [],
  moveHighlight: [],
  brush: [],
  searchMs: [],
  fa2IterationsPerSecond: 0,
  analysis: { closed: [], open: [] },
});

/** One load of the bare page: its first frame and its pan frames; the first run also refreshes. */
export async function measureBare(
  browser: Browser,
  url: string,
  figures: PageFigures,
  first: boolean,
): Promise<void> {
  const { page, firstFrame, close } = await open(browser, url);
  figures.firstFrameMs.push(firstFrame);
  // Both pages settle first (the explorer mounts its timeline after the first frame); pan
  // frames are taken on every load, so that neither page is measured only at one moment.
  await page.waitForTimeout(SETTLE_MS);
  figures.panFrameMs.push(...(await panFrames(page, 'window.bare.sigma')));
  if (first) {
    figures.fullRefresh = await timeInPage(page, 'window.bare.sigma.refresh()', 5);
    figures.render = await timeInPage(page, 'window.bare.sigma.render()', 5);
  }
  await close();
}

/** One load of the explorer: first frame and pan frames; the first run also times the rest. */
export async function measureExplorer(
  browser: Browser,
  url: string,
  figures: ExplorerFigures,
  first: boolean,
  actors: { hub: string; typical: string; other: string },
): Promise<void> {
  const { page, firstFrame, close } = await open(browser, url);
  figures.firstFrameMs.push(firstFrame);
  await page.waitForTimeout(SETTLE_MS);
  figures.panFrameMs.push(...(await panFrames(page, 'window.app.sigma')));
  if (first) {
    const e = 'window.app.explorer';
    figures.fullRefresh = await timeInPage(page, 'window.app.sigma.refresh()', 5);
    figures.render = await timeInPage(page, 'window.app.sigma.render()', 5);
    // Selecting an actor from nothing dims everything else: the costliest highlight.
    for (const actor of [actors.hub, actors.typical, actors.hub, actors.typical, actors.hub]) {
      figures.highlight.push(
        ...(await timeInPage(page, `${e}.selectActor(${JSON.stringify(actor)})`, 1)),
      );
      await page.evaluate(`${e}.clearSelection()`);
    }
    for (const actor of [actors.hub, actors.typical, actors.hub, actors.typical, actors.hub]) {
      figures.hover.push(...(await timeInPage(page, `${e}.hover(${JSON.stringify(actor)})`, 1)));
      await page.evaluate(`${e}.hover(null)`);
    }
    // From one selected actor to another touches only the two neighbourhoods.
    await page.evaluate(`${e}.selectActor(${JSON.stringify(actors.hub)})`);
    for (const actor of [
      actors.typical,
      actors.other,
      actors.typical,
      actors.other,
      actors.typical,
    ]) {
      figures.moveHighlight.push(
        ...(await timeInPage(page, `${e}.selectActor(${JSON.stringify(actor)})`, 1)),
      );
    }
    await page.evaluate(`${e}.clearSelection()`);
    figures.brush = await measureBrush(page);
    figures.searchMs = await measureSearch(page);
    figures.fa2IterationsPerSecond = await measureWorkerLayout(page);
    figures.analysis = await measureAnalysis(page);
  }
  await close();
}

/**
 * The timeline's brush moved by a month: a six-month window set as a dragged brush sets it
 * each frame (`from`/`to` through explorer.setFilters, a transient change), to the end of the
 * next frame. The network follows through item states (canvas.ts), the header, legend and
 * timeline redraw what changed; the histogram is not computed again (only the window moved).
 */
async function measureBrush(page: Page): Promise<Timing[]> {
  await page.waitForSelector('.timeline-chart .timeline-month');
  await page.evaluate(() => {
    (window as unknown as { __brushAt: number }).__brushAt = 0;
  });
  const times = await timeInPage(
    page,
    `{
      const explorer = window.app.explorer;
      const i = window.__brushAt++;
      const month = (k) => (2015 + Math.floor(k / 12)) + '-' + String((k % 12) + 1).padStart(2, '0');
      explorer.setFilters({ ...explorer.current.view.filters, from: month(i), to: month(i + 5) }, 'transient');
    }`,
    7,
  );
  await page.evaluate(() => {
    const { explorer } = window.app!;
    explorer.setFilters({ ...explorer.current.view.filters, from: null, to: null }, 'user');
  });
  // The first moves open the gesture and warm the path up; the rest are the drag.
  return times.slice(2);
}

/** From a keystroke in "Search actors" to the frame that shows the suggestions. */
async function measureSearch(page: Page): Promise<number[]> {
  await page.evaluate(() => {
    const input = document.getElementById('search-input')!;
    const w = window as unknown as { __keys: number[]; __searchTimes: number[] };
    w.__keys = [];
    w.__searchTimes = [];
    input.addEventListener('keydown', (event) => w.__keys.push(event.timeStamp), { capture: true });
    input.addEventListener('input', () => {
      const t0 = w.__keys[w.__keys.length - 1]!;
      requestAnimationFrame(() =>
        setTimeout(() => w.__searchTimes.push(performance.now() - t0), 0),
      );
    });
  });
  await page.click('#search-input');
  for (const query of ['ka', 'ro', 'mi']) {
    await page.fill('#search-input', '');
    for (const ch of query) {
      await page.keyboard.type(ch);
      await page.waitForTimeout(150);
    }
  }
  return page.evaluate(() => (window as unknown as { __searchTimes: number[] }).__searchTimes);
}

/** ForceAtlas2 iterations per second in the page's web worker, while the network is drawn. */
async function measureWorkerLayout(page: Page): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as Win & { __iterations: number[] };
    w.__iterations = [];
    // Each ForceAtlas2 iteration in the worker (src/app/views/layoutRunner.ts), not each
    // time the shown network takes the positions.
    document.addEventListener('layout-iteration', () => w.__iterations.push(performance.now()));
  });
  await page.getByText('Layout and export').click();
  await page.getByRole('button', { name: 'Run layout' }).click();
  await page.waitForFunction(
    () => (window as unknown as { __iterations: number[] }).__iterations.length > 2,
    undefined,
    {
      timeout: 120_000,
    },
  );
  await page.waitForTimeout(4000);
  await page.getByRole('button', { name: 'Stop layout' }).click();
  return page.evaluate(() => {
    const times = (window as unknown as { __iterations: number[] }).__iterations.slice(1);
    return ((times.length - 1) / (times[times.length - 1]! - times[0]!)) * 1000;
  });
}

/**
 * A relation type hidden and shown again in turn, four times with the analysis section closed,
 * then four times with it open (each change asks for the analysis again). Per change: how long
 * the page's thread stays frozen (the longest run of back-to-back long tasks, PerformanceObserver
 * "longtask", from the change until a second after the section's figures are drawn; 0 when
 * none), and, with the section open, when its figures are drawn (`.analysis[aria-busy="false"]`
 * again).
 */
async function measureAnalysis(page: Page): Promise<AnalysisFigures> {
  const changes = async (settled: string): Promise<AnalysisTiming[]> => {
    const out: AnalysisTiming[] = [];
    for (let i = 0; i < 4; i++) {
      // A string, not a function: tsx would name the inner functions with a helper the page
      // does not have.
      out.push(
        await page.evaluate<AnalysisTiming>(`(async () => {
          const tasks = [];
          const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries()));
          observer.observe({ type: 'longtask' });
          await ${FRAME};
          const explorer = window.app.explorer;
          const t0 = performance.now();
          explorer.setFilters({
            ...explorer.current.view.filters,
            hiddenRelations: new Set(${i % 2 === 0 ? "['proposes-to']" : '[]'}),
          });
          await new Promise((resolve) => {
            const check = () =>
              document.querySelector(${JSON.stringify(settled)}) ? resolve() : requestAnimationFrame(check);
            check();
          });
          const figures = performance.now() - t0;
          await new Promise((resolve) => setTimeout(resolve, 1000));
          observer.disconnect();
          // Tasks that follow one another within a few milliseconds are one freeze.
          let frozen = 0;
          let start = -1;
          let end = -1;
          for (const t of tasks.filter((t) => t.startTime + t.duration >= t0)) {
            if (t.startTime - end > 5) start = t.startTime;
            end = t.startTime + t.duration;
            frozen = Math.max(frozen, end - start);
          }
          return { frozen, figures };
        })()`),
      );
    }
    return out;
  };
  const closed = await changes('body');
  await page.getByText('Analysis: balance, paths, metrics').click();
  const settled = '.analysis[aria-busy="false"]';
  await page.waitForSelector(settled, { timeout: 300_000 });
  return { closed, open: await changes(settled) };
}
