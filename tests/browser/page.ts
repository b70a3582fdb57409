import type { Page } from 'playwright-core';
import { expect } from 'vitest';

/** What main.ts exposes on window for tests and benchmarks. */
export interface ExposedExplorer {
  explorer: {
    current: {
      view: { actor: string | null; edge: string | null };
      focusActor: string | null;
      visibility: { nodes: Set<string>; edges: Map<string, number> };
    };
    graph: { getNodeAttributes(n: string): { x: number; y: number } };
  };
  sigma: {
    getNodeDisplayData(
      n: string,
    ): { x: number; y: number; color: string; hidden: boolean; label: string | null } | undefined;
    getEdgeDisplayData(e: string): { color: string; hidden: boolean } | undefined;
    framedGraphToViewport(p: { x: number; y: number }): { x: number; y: number };
    getContainer(): HTMLElement;
  };
}

declare global {
  interface Window {
    explorer: ExposedExplorer;
    __pwned?: number;
  }
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
    const d = window.explorer.sigma.getNodeDisplayData(n)!;
    return { color: d.color, hidden: d.hidden, label: d.label };
  }, node);

export const edgeDisplay = (page: Page, edge: string) =>
  page.evaluate((e) => {
    const d = window.explorer.sigma.getEdgeDisplayData(e)!;
    return { color: d.color, hidden: d.hidden };
  }, edge);

/** Where a node is drawn, in page coordinates. */
export const nodeOnScreen = (page: Page, node: string) =>
  page.evaluate((n) => {
    const { sigma } = window.explorer;
    const p = sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!);
    const box = sigma.getContainer().getBoundingClientRect();
    return { x: box.left + p.x, y: box.top + p.y };
  }, node);

export const currentView = (page: Page) =>
  page.evaluate(() => ({ ...window.explorer.explorer.current.view }));
