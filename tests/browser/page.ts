import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, expect } from 'vitest';
import { launchBrowser } from '../../scripts/lib/browser.ts';

import type { AppHandles } from '../../src/app/handles.ts';

declare global {
  interface Window {
    __pwned?: number;
  }
}

/**
 * What main.ts exposes as window.app, typed by the page's own AppHandles (declared on Window
 * there), so the tests cannot drift from it.
 */
export type { AppHandles };

/**
 * One Chromium for a test file: started before its tests, closed after them. Returns the getter
 * the tests call (the browser exists only once beforeAll has run).
 */
export function browserForFile(): () => Browser {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('The browser has not started (beforeAll has not run).');
    return browser;
  };
}

/**
 * A desktop page (1400 x 900, downloads accepted) for each test of a file, in the file's one
 * Chromium: made before each test, closed after it, and any error the page throws fails the
 * test. Returns the getter of the current page.
 */
export function desktopPageForFile(): () => Page {
  const browser = browserForFile();
  let page: Page | undefined;
  let errors: string[] = [];
  beforeEach(async () => {
    errors = [];
    page = await browser().newPage({
      viewport: { width: 1400, height: 900 },
      acceptDownloads: true,
    });
    page.on('pageerror', (error) => errors.push(error.message));
  });
  afterEach(async () => {
    expect(errors).toEqual([]);
    await page?.close();
  });
  return () => {
    if (!page) throw new Error('The page is made before each test (beforeEach has not run).');
    return page;
  };
}

/** Opens the explorer and waits for its first frame; page errors fail the test. */
export async function openExplorer(page: Page, url: string): Promise<string[]> {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(url);
  await page.waitForSelector('body[data-ready]', { timeout: 30_000 });
  expect(await page.getAttribute('body', 'data-ready')).toBe('true');
  return errors;
}

export const nodeDisplay = (page: Page, node: string) =>
  page.evaluate((n) => {
    const d = window.app!.sigma.getNodeDisplayData(n)!;
    return { color: d.color, hidden: d.visibility === 'hidden', label: d.label };
  }, node);

export const edgeDisplay = (page: Page, edge: string) =>
  page.evaluate((e) => {
    const d = window.app!.sigma.getEdgeDisplayData(e)!;
    return { color: d.color, hidden: d.visibility === 'hidden' };
  }, edge);

/** Where a node is drawn, in page coordinates. */
export const nodeOnScreen = (page: Page, node: string) =>
  page.evaluate((n) => {
    const { sigma } = window.app!;
    // From the graph's position: sigma's display data are not normalised while a refresh is
    // pending (see focusCameraOn).
    const p = sigma.graphToViewport(sigma.getGraph().getNodeAttributes(n));
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, node);

export const currentView = (page: Page) =>
  page.evaluate(() => ({ ...window.app!.explorer.current.view }));

/** What the highlight brings above the veil: the highlighted actors and relations. */
export const highlighted = (page: Page) =>
  page.evaluate(() => {
    const shown = window.app!.highlight.shown();
    return { nodes: shown.nodes.sort(), edges: shown.edges.sort() };
  });

/**
 * The color the page shows at a node's centre, read from a real screenshot (decoded by the
 * browser itself): what a user sees, whatever layer drew it.
 */
export async function pixelAtNode(page: Page, node: string): Promise<[number, number, number]> {
  const { x, y } = await nodeOnScreen(page, node);
  const png = await page.screenshot({
    clip: { x: Math.round(x) - 1, y: Math.round(y) - 1, width: 3, height: 3 },
  });
  return page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d')!;
    context.drawImage(bitmap, 0, 0);
    const [r, g, b] = context.getImageData(1, 1, 1, 1).data;
    return [r!, g!, b!] as [number, number, number];
  }, png.toString('base64'));
}

/** Whether a color is washed out towards white (dimmed) rather than vivid. */
export const isPale = ([r, g, b]: [number, number, number]) => Math.min(r, g, b) > 150;

/**
 * How much of a relation's line is inked on screen, read back from a real screenshot: the
 * relation is selected (drawn above the veil, everything else washed out), the pixels of its
 * colour are projected on the axis between its two actors, and the share of short steps
 * along that axis (outside the discs) with ink is returned. A solid line covers nearly every
 * step, a dashed one leaves its gaps empty, whatever the curve of the line.
 */
export async function inkAlongEdge(page: Page, edge: string): Promise<number> {
  await page.evaluate((e) => window.app!.explorer.selectEdge(e), edge);
  await page.waitForTimeout(400);
  const stage = (await page.locator('#sigma').boundingBox())!;
  const png = await page.screenshot({ clip: stage });
  return page.evaluate(
    async ({ base64, e }) => {
      const { sigma } = window.app!;
      const graph = sigma.getGraph();
      const [s, t] = graph.extremities(e);
      const end = (n: string) => {
        const d = sigma.getNodeDisplayData(n)!;
        return { ...sigma.framedGraphToViewport(d), r: sigma.scaleSize(d.size) };
      };
      const a = end(s);
      const b = end(t);
      const hex = graph.getEdgeAttribute(e, 'color');
      const rgb = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { data, width, height } = context.getImageData(0, 0, bitmap.width, bitmap.height);
      const scale = bitmap.width / sigma.getDimensions().width;
      const dx = b.x - a.x;
      const dy = b.y - a.y;
      const length = Math.hypot(dx, dy);
      // Steps of 1 pixel from the edge of one disc (and its arrow) to the other's.
      const from = (a.r + 14) / length;
      const to = 1 - (b.r + 14) / length;
      const steps = Math.floor((to - from) * length);
      const inked = new Array<boolean>(steps).fill(false);
      for (let y = 0; y < height; y++)
        for (let x = 0; x < width; x++) {
          const i = (y * width + x) * 4;
          const distance = Math.hypot(
            data[i]! - rgb[0]!,
            data[i + 1]! - rgb[1]!,
            data[i + 2]! - rgb[2]!,
          );
          if (distance > 70) continue;
          const px = x / scale - a.x;
          const py = y / scale - a.y;
          const along = (px * dx + py * dy) / (length * length);
          const across = Math.abs(px * dy - py * dx) / length;
          if (along < from || along > to || across > length * 0.6) continue;
          const step = Math.floor((along - from) * length);
          if (step >= 0 && step < steps) inked[step] = true;
        }
      return inked.filter(Boolean).length / steps;
    },
    { base64: png.toString('base64'), e: edge },
  );
}

/**
 * Every shown label's box at the current camera, as sigma's own label renderer measures and
 * places it (its nodeLabelBox), in viewport pixels.
 */
export const labelBoxes = (page: Page) =>
  page.evaluate(() => {
    const { sigma } = window.app!;
    const renderer = (
      sigma as unknown as {
        labelRenderer: {
          nodeLabelBox(
            data: unknown,
            radius: number,
          ): { minX: number; maxX: number; minY: number; maxY: number } | null;
        };
      }
    ).labelRenderer;
    return [...sigma.getNodeDisplayedLabels()].flatMap((node) => {
      const data = sigma.getNodeDisplayData(node)!;
      const box = renderer.nodeLabelBox(data, sigma.scaleSize(data.size));
      if (!box) return [];
      const { x, y } = sigma.framedGraphToViewport(data);
      return [
        {
          node,
          minX: x + box.minX,
          maxX: x + box.maxX,
          minY: y + box.minY,
          maxY: y + box.maxY,
        },
      ];
    });
  });

/** The stroke a relation is drawn with: the filters' where they set one, else its own. */
export const strokeShown = (page: Page, edge: string) =>
  page.evaluate((e) => {
    const { sigma } = window.app!;
    const state = sigma.getEdgeState(e).stroke;
    return state === 'auto' ? sigma.getGraph().getEdgeAttribute(e, 'baseStroke') : state;
  }, edge);
