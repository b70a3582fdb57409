import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
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
    return { color: d.color, hidden: d.hidden, label: d.label };
  }, node);

export const edgeDisplay = (page: Page, edge: string) =>
  page.evaluate((e) => {
    const d = window.app!.sigma.getEdgeDisplayData(e)!;
    return { color: d.color, hidden: d.hidden };
  }, edge);

/** Where a node is drawn, in page coordinates. */
export const nodeOnScreen = (page: Page, node: string) =>
  page.evaluate((n) => {
    const { sigma } = window.app!;
    const p = sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!);
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, node);

export const currentView = (page: Page) =>
  page.evaluate(() => ({ ...window.app!.explorer.current.view }));

/** What the focus layer draws over the veil: the highlighted actors and relations. */
export const highlighted = (page: Page) =>
  page.evaluate(() => {
    const shown = window.app!.focusLayer.shown();
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
