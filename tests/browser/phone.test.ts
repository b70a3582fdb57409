import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import {
  highlighted,
  isPale,
  nodeOnScreen,
  openExplorer,
  pixelAtNode,
  browserForFile,
} from './page.ts';

// A shared link opened on a phone: 390 x 844, touch, no hover.
const base = inject('baseUrl');
const PHONE = { width: 390, height: 844 };
const browser = browserForFile();
let context: BrowserContext;
let page: Page;
let errors: string[];

beforeEach(async () => {
  context = await browser().newContext({
    viewport: PHONE,
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 2,
  });
  page = await context.newPage();
});
afterEach(async () => {
  expect(errors ?? []).toEqual([]);
  await context.close();
});

const open = async (query = '') => {
  errors = await openExplorer(page, `${base}/seed/${query}`);
};

/** A box on the first screen, without scrolling. */
const box = async (selector: string) => (await page.locator(selector).boundingBox())!;
const onFirstScreen = (b: { x: number; y: number; width: number; height: number }) =>
  b.x >= 0 &&
  b.y >= 0 &&
  b.x + b.width <= PHONE.width + 0.5 &&
  b.y + b.height <= PHONE.height + 0.5;
/** Whether an element is within the first screen and not hidden under another one. */
const visibleAt = (selector: string) =>
  page.evaluate((s) => {
    const el = document.querySelector(s);
    if (!el) return false;
    // The first box: an inline element broken over lines starts on its first line.
    const r = el.getClientRects()[0] ?? el.getBoundingClientRect();
    const x = r.left + Math.min(r.width / 2, 20);
    const y = r.top + Math.min(r.height / 2, 12);
    if (r.width === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
    const top = document.elementFromPoint(x, y);
    return top !== null && (el === top || el.contains(top));
  }, selector);

describe('a shared link on a phone', () => {
  it('shows the network first, with the actor of the link highlighted, and a control that opens its relations', async () => {
    await open('?actor=russia');
    // The network fills most of the first screen.
    const stage = await box('#sigma');
    expect(onFirstScreen(stage)).toBe(true);
    expect(stage.height).toBeGreaterThan(PHONE.height * 0.6);
    expect(stage.width).toBe(PHONE.width);
    // Russia is highlighted, drawn in view, above the selection sheet.
    await expect.poll(async () => (await highlighted(page)).nodes).toContain('russia');
    const sheet = await box('#sheet');
    // The camera moves it there in an animation, which a loaded machine may take seconds over.
    await expect
      .poll(async () => (await nodeOnScreen(page, 'russia')).y, { timeout: 10_000 })
      .toBeLessThan(sheet.y);
    const russia = await nodeOnScreen(page, 'russia');
    expect(russia.x).toBeGreaterThan(0);
    expect(isPale(await pixelAtNode(page, 'russia'))).toBe(false);
    // An actor outside the highlight, drawn in view above the sheet, is washed out.
    const outside = await page.evaluate((sheetTop) => {
      const { sigma, highlight } = window.app!;
      const lit = new Set(highlight.shown().nodes);
      return sigma
        .getGraph()
        .nodes()
        .find((n) => {
          if (lit.has(n)) return false;
          const p = sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!);
          return p.x > 10 && p.x < window.innerWidth - 10 && p.y > 10 && p.y < sheetTop - 10;
        });
    }, sheet.y);
    expect(outside).toBeDefined();
    expect(isPale(await pixelAtNode(page, outside!))).toBe(true);
    // Its counterparts, above it, are drawn vivid too.
    for (const counterpart of ['syria', 'iran', 'nusra-front']) {
      expect(isPale(await pixelAtNode(page, counterpart)), counterpart).toBe(false);
    }
    // The sheet peeks; its button names what it opens.
    const toggle = page.locator('#sheet-toggle');
    expect(await toggle.textContent()).toBe("Show Russia's relations");
    expect(await visibleAt('#sheet-toggle')).toBe(true);
    await toggle.tap();
    await expect.poll(() => page.getAttribute('#app', 'data-sheet')).toBe('open');
    const groups = page
      .getByRole('region', { name: 'Russia', exact: true })
      .getByRole('heading', { level: 4 });
    await expect.poll(() => groups.count()).toBe(5);
    expect(await visibleAt('.details .relation-group, .details h4')).toBe(true);
  });

  it('shows the statements of a linked relation after at most one tap', async () => {
    await open('?actor=russia&edge=cooperates-with:russia:united-states');
    const statements = page.getByRole('region', { name: /Russia cooperates with United States/ });
    await statements.waitFor();
    // Peeking already shows them; one tap opens the sheet on them.
    expect(await page.locator('#sheet-toggle').textContent()).toBe('Show the statements');
    await page.locator('#sheet-toggle').tap();
    await expect.poll(() => page.getAttribute('#app', 'data-sheet')).toBe('open');
    await expect.poll(() => visibleAt('.evidence mark')).toBe(true);
    const quote = (await page.locator('.evidence mark').first().boundingBox())!;
    expect(onFirstScreen(quote)).toBe(true);
  });

  it('selects an actor with a tap, with no hover preview, and clears it with a tap on the background', async () => {
    await open();
    expect(await page.getAttribute('#app', 'data-sheet')).toBe('closed');
    const iran = await nodeOnScreen(page, 'iran');
    const stage = await box('#sigma');
    expect(iran.y).toBeGreaterThan(stage.y);
    await page.touchscreen.tap(iran.x, iran.y);
    await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe('iran');
    expect(await page.evaluate(() => window.app!.explorer.current.hovered)).toBeNull();
    await expect.poll(() => page.getAttribute('#app', 'data-sheet')).toBe('peek');
    // A tap on empty canvas, away from any actor (taps further apart than a double tap).
    await page.waitForTimeout(600);
    await page.touchscreen.tap(
      stage.x + 8,
      stage.y + stage.height - 8 - (await box('#sheet')).height,
    );
    await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBeNull();
    await expect.poll(() => page.getAttribute('#app', 'data-sheet')).toBe('closed');
  });

  it('pans with one finger and zooms with two', async () => {
    await open();
    const stage = await box('#sigma');
    const camera = () => page.evaluate(() => ({ ...window.app!.sigma.getCamera().getState() }));
    const touch = await context.newCDPSession(page);
    const fingers = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      touch.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map(([x, y], id) => ({ x, y, id })),
      });
    // One finger from an empty corner of the network, 120 px to the left.
    const [x, y] = [stage.x + stage.width - 30, stage.y + stage.height - 40];
    const before = await camera();
    await fingers('touchStart', [[x, y]]);
    for (let i = 1; i <= 6; i++) await fingers('touchMove', [[x - 20 * i, y]]);
    await fingers('touchEnd', []);
    await expect.poll(async () => (await camera()).x).not.toBe(before.x);
    expect(new URL(page.url()).searchParams.get('actor')).toBeNull();
    // Two fingers moving apart: the view zooms in (sigma's ratio falls).
    const panned = await camera();
    const [cx, cy] = [stage.x + stage.width / 2, stage.y + stage.height / 2];
    await fingers('touchStart', [
      [cx - 20, cy],
      [cx + 20, cy],
    ]);
    for (let i = 1; i <= 6; i++) {
      await fingers('touchMove', [
        [cx - 20 - 15 * i, cy],
        [cx + 20 + 15 * i, cy],
      ]);
    }
    await fingers('touchEnd', []);
    await expect.poll(async () => (await camera()).ratio).toBeLessThan(panned.ratio * 0.8);
  });

  it('opens the filters in a drawer, and a filter there works', async () => {
    await open();
    expect(await visibleAt('#legend')).toBe(false);
    await page.locator('#drawer-toggle').tap();
    expect(await page.getAttribute('#drawer-toggle', 'aria-expanded')).toBe('true');
    const negated = page.getByRole('checkbox', { name: /Negated/ });
    await negated.waitFor();
    await negated.tap();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('hide-modalities'))
      .toBe('negated');
    await expect
      .poll(() => page.textContent('#graph-counts'))
      .toMatch(/^Showing 34 of 34 actors · 66 of 67 relations/);
    // Closing the drawer gives the network back.
    await page.locator('#drawer-toggle').tap();
    expect(await visibleAt('#legend')).toBe(false);
    expect(onFirstScreen(await box('#sigma'))).toBe(true);
  });

  it('gives every button a finger can reach at least 44 px', async () => {
    await open('?actor=russia');
    const small = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('button, select, input, summary')]
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.bottom > 0 && r.top < innerHeight;
        })
        .map((el) => {
          const r = el.getBoundingClientRect();
          return { what: el.id || el.textContent?.trim().slice(0, 30), w: r.width, h: r.height };
        })
        .filter((b) => b.h < 44 || b.w < 44),
    );
    expect(small).toEqual([]);
  });
});

describe('a wide screen', () => {
  it('keeps the three columns, with no drawer button and no sheet bar', async () => {
    await context.close();
    context = await browser().newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    await open('?actor=russia');
    expect(await page.locator('#drawer-toggle').isVisible()).toBe(false);
    expect(await page.locator('.sheet-bar').isVisible()).toBe(false);
    expect(await page.locator('#legend').isVisible()).toBe(true);
    const left = await box('.panel-left');
    const right = await box('#details');
    const stage = await box('#sigma');
    expect(left.x).toBe(0);
    expect(stage.x).toBeGreaterThanOrEqual(left.width);
    expect(right.x).toBeGreaterThanOrEqual(stage.x + stage.width - 1);
    expect(right.height).toBe(900);
  });
});
