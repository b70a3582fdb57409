/**
 * The annotation workbench on a phone (390 x 844, touch), in real Chromium against vite's dev
 * server on a temporary copy of graph-data: nothing overflows sideways, the reader takes the
 * screen over the network and scrolls, and its text, the relation form and the suggestions are
 * in view, uncovered, and take taps.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewArticle } from '../../src/core/annotate/api.ts';
import { startDevServer, type DevServer } from './devServer.ts';
import { browserForFile, openExplorer } from './page.ts';

const PHONE = { width: 390, height: 844 };

let server: DevServer;
beforeAll(async () => {
  server = await startDevServer();
}, 180_000);
afterAll(async () => {
  await server?.close();
});
const browser = browserForFile();

const ARTICLE: NewArticle = {
  title: 'Atlantis and Lemuria sign a fishing pact',
  outlet: 'The Phone Post',
  published: { date: '2024-05-01', basis: 'stated', how: 'The dateline.' },
  text: `Atlantis and Lemuria sign a fishing pact

Julie Bishop thanked Sergei Lavrov for the pact at a meeting in Canberra.

Iran condemned Russia over the new fishing quotas.
`,
};

/** Whether the page or anything in it scrolls sideways. */
const sideways = (page: Page) =>
  page.evaluate(() => ({
    page: document.documentElement.scrollWidth - window.innerWidth,
    elements: [...document.querySelectorAll<HTMLElement>('#app *')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
      .filter((el) => ['auto', 'scroll'].includes(getComputedStyle(el).overflowX))
      .map((el) => el.id || el.className),
  }));

/**
 * Scrolls as a user does, a gesture at a time in the middle of the screen, until `locator` is
 * on the screen; fails when a gesture moves nothing. Never by script (scrollIntoView), which
 * moves even what a user cannot scroll (overflow: hidden). The gestures are Chromium's own
 * input (Input.synthesizeScrollGesture), from the mouse wheel: synthesised from touch, they
 * scroll nothing in headless Chromium.
 */
async function scrollTo(page: Page, locator: Locator): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  try {
    for (let gesture = 0; gesture < 30; gesture++) {
      const box = await locator.boundingBox();
      if (!box) throw new Error(`${locator.toString()} is not shown`);
      if (box.y >= 0 && box.y + box.height <= PHONE.height) return;
      const distance = Math.max(-400, Math.min(400, box.y + box.height / 2 - PHONE.height / 2));
      await cdp.send('Input.synthesizeScrollGesture', {
        x: PHONE.width / 2,
        y: PHONE.height / 2,
        yDistance: -distance,
        gestureSourceType: 'mouse',
        speed: 2000,
      });
      const moved = (await locator.boundingBox())?.y !== box.y;
      if (!moved) throw new Error(`Scrolling does not bring ${locator.toString()} into view`);
    }
    throw new Error(`${locator.toString()} is not in view after 30 scroll gestures`);
  } finally {
    await cdp.detach();
  }
}

/**
 * Brought into view as a user scrolls to it (scrollTo): within the screen, and what a tap at
 * its middle hits is the element itself (nothing over it).
 */
async function inViewUncovered(page: Page, locator: Locator): Promise<void> {
  await scrollTo(page, locator);
  const hit = await locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    const top = document.elementFromPoint(x, y);
    return {
      inside: r.left >= 0 && r.right <= window.innerWidth && r.top >= 0 && r.bottom <= innerHeight,
      width: r.width,
      hits: top !== null && (top === el || el.contains(top)),
      top: top ? `${top.tagName}.${top.className}` : null,
    };
  });
  expect(hit, await locator.evaluate((el) => el.outerHTML.slice(0, 120))).toMatchObject({
    inside: true,
    hits: true,
  });
  expect(hit.width).toBeGreaterThan(0);
}

const graphVersion = (page: Page) => page.getAttribute('body', 'data-graph-version');

/** Taps `button` and waits for the network to take the saved change in. */
async function tapAndWaitForGraph(page: Page, button: Locator): Promise<void> {
  const before = await graphVersion(page);
  await button.tap();
  await page.waitForFunction(
    (v) => document.body.getAttribute('data-graph-version') !== v,
    before,
    { timeout: 30_000 },
  );
}

describe('the annotation workbench on a phone', () => {
  it('reads, annotates and accepts a suggestion: the reader scrolls over the network, nothing overflows', async () => {
    const context = await browser().newContext({
      viewport: PHONE,
      hasTouch: true,
      isMobile: true,
      deviceScaleFactor: 2,
    });
    try {
      const page = await context.newPage();
      const errors = await openExplorer(page, server.base);
      await page.waitForSelector('body[data-workbench="ready"]');
      expect(await sideways(page)).toEqual({ page: 0, elements: [] });

      // An article of known text, saved as "Add article" saves it (which opens the reader).
      const added = await page.evaluate(
        (article) => window.app!.annotate!.apply([{ kind: 'add-article', article }]),
        ARTICLE,
      );
      expect(added).toBeNull();
      await page.getByRole('button', { name: 'Close the reader' }).tap();

      // From the drawer, as a user comes to it: Filters, Articles, the article.
      await page.locator('#drawer-toggle').tap();
      await page.locator('.article-details summary').tap();
      const articleButton = page.locator('.article-button', { hasText: ARTICLE.title });
      await articleButton.tap();
      await page.locator('#reader-title', { hasText: 'fishing pact' }).waitFor();

      // The reader takes the screen; the network keeps its size under it.
      const panel = (await page.locator('#panel-left').boundingBox())!;
      expect(panel).toEqual({ x: 0, y: 0, width: PHONE.width, height: PHONE.height });
      expect((await page.locator('#sigma').boundingBox())!.height).toBeGreaterThan(300);
      await inViewUncovered(page, page.locator('#reader-title'));
      await inViewUncovered(page, page.locator('.reader-text'));
      expect(await page.locator('.reader-text').textContent()).toContain('Iran condemned Russia');
      expect(await sideways(page)).toEqual({ page: 0, elements: [] });

      // The relation form: every control in view when scrolled to, none covered, all usable.
      await page.getByRole('button', { name: 'New relation' }).tap();
      const form = page.locator('.relation-form');
      await form.waitFor();
      const source = form.locator('input[name="source"]');
      const target = form.locator('input[name="target"]');
      const type = form.locator('select[name="type"]');
      const modality = form.locator('select[name="modality"]');
      const quote = form.locator('textarea[name="quote"]');
      const note = form.locator('input[name="note"]');
      const save = form.getByRole('button', { name: 'Save relation', exact: true });
      for (const control of [source, type, target, modality, quote, note, save]) {
        await inViewUncovered(page, control);
      }
      for (const [field, typed, actor] of [
        [source, 'Bishop', 'Julie Bishop'],
        [target, 'Lavrov', 'Sergei Lavrov'],
      ] as const) {
        await field.tap();
        await field.pressSequentially(typed);
        const option = page.locator('[role="option"]', { hasText: actor }).first();
        await inViewUncovered(page, option);
        await option.tap();
        expect(await field.inputValue()).toBe(actor);
      }
      await type.selectOption('cooperates-with');
      await quote.fill('Julie Bishop thanked Sergei Lavrov for the pact');
      expect(await sideways(page)).toEqual({ page: 0, elements: [] });
      await inViewUncovered(page, save);
      await tapAndWaitForGraph(page, save);
      await page.locator('#reader-relations-title', { hasText: 'Relations (1)' }).waitFor();
      // The reader names the article's YAML (articles/<id>.yaml).
      const yaml = (await page.locator('.reader-meta code').textContent())!;
      expect(readFileSync(join(server.data, yaml), 'utf8')).toContain(
        'quote: Julie Bishop thanked Sergei Lavrov for the pact',
      );

      // The suggestions: opened, in view, and a tap on Accept saves one.
      const summary = page.locator('.suggestions-section summary');
      await inViewUncovered(page, summary);
      await summary.tap();
      const accept = page.getByRole('button', { name: /^Accept: / }).first();
      await accept.waitFor({ timeout: 30_000 });
      const accepted = (await accept.getAttribute('aria-label'))!.replace(/^Accept: /, '');
      await inViewUncovered(page, accept);
      await inViewUncovered(page, page.locator('.machine-suggestion').first());
      // However long the reader, the network keeps its size under it.
      expect((await page.locator('#sigma').boundingBox())!.height).toBeGreaterThan(300);
      expect(await sideways(page)).toEqual({ page: 0, elements: [] });
      await tapAndWaitForGraph(page, accept);
      await page.locator('#reader-relations-title', { hasText: 'Relations (2)' }).waitFor();
      await page
        .getByRole('button', { name: `Accept: ${accepted}`, exact: true })
        .waitFor({ state: 'detached' });

      // Closed, the reader gives the screen back to the network.
      await page.getByRole('button', { name: 'Close the reader' }).tap();
      await page.locator('#reader').waitFor({ state: 'hidden' });
      expect((await page.locator('#sigma').boundingBox())!.height).toBeGreaterThan(300);
      expect(await sideways(page)).toEqual({ page: 0, elements: [] });
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
