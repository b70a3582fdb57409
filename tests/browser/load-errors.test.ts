import type { Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { openExplorer, browserForFile } from './page.ts';

// What the page says when what it loads is wrong (sites built by setup.ts): a message naming
// the file and what to do, never an exception.
const base = inject('baseUrl');
const browser = browserForFile();
let page: Page;
let errors: string[];

beforeEach(async () => {
  page = await browser().newPage({ viewport: { width: 1400, height: 900 } });
  errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
});
afterEach(async () => {
  expect(errors).toEqual([]);
  await page.close();
});

describe('the page, when what it loads is wrong', () => {
  it('says which part of graph.json is wrong when evidence is not a list', async () => {
    await page.goto(`${base}/bad-evidence/`);
    await page.waitForSelector('body[data-ready="error"]', { timeout: 30_000 });
    const alert = page.getByRole('alert');
    expect(await alert.getByRole('heading').textContent()).toBe('The network cannot be shown');
    expect(await alert.locator('p').textContent()).toMatch(
      /^graph\.json cannot be shown: edges\[\d+\] \(cooperates-with:iran:united-states\)\.attributes\.evidence: not a list \(string "US officials insist they are not coordinating"\)\. Rebuild it with npm run build:graph\.$/,
    );
    expect(await page.textContent('#graph-counts')).toBe('No graph loaded');
  });

  it('shows the quotes without a wrong context when the texts are of another build', async () => {
    errors = await openExplorer(
      page,
      `${base}/foreign-texts/?edge=cooperates-with:iran:united-states`,
    );
    const evidence = page.getByRole('region', { name: 'Iran cooperates with United States' });
    await evidence.waitFor();
    const problem = evidence.getByRole('alert');
    await expect
      .poll(() => problem.textContent())
      .toMatch(
        /^The article texts in articles\.[0-9a-f]{16}\.json do not belong to this graph: the quote of [\w:-]+ statement \d+ is not at \d+-\d+ in the text of article "[\w-]+" \(and (more than )?\d+ other problems?\)\. They are from another build, so the quotes are shown without their context\. Reload the page; if this persists, rebuild with npm run build:graph\.$/,
      );
    // The quote alone, from graph.json: no text around it, taken from the wrong texts.
    expect(await evidence.locator('blockquote').textContent()).toBe(
      'US officials insist they are not coordinating their efforts with Iran',
    );
  });

  it('shows quotes in context with the texts graph.json names', async () => {
    errors = await openExplorer(page, `${base}/seed/?edge=cooperates-with:iran:united-states`);
    const evidence = page.getByRole('region', { name: 'Iran cooperates with United States' });
    await expect
      .poll(() => evidence.locator('blockquote').textContent())
      .toMatch(/training and advising Iraqi forces, but US officials insist/);
    expect(await evidence.getByRole('alert').isHidden()).toBe(true);
    // The site holds graph.json and its texts file, and no lock or temporary file.
    const listing = await page.evaluate(async () => {
      const names: Record<string, number> = {};
      for (const name of ['graph.json.lock', 'articles.json', 'graph.json']) {
        names[name] = (await fetch(name)).status;
      }
      return names;
    });
    expect(listing).toEqual({ 'graph.json.lock': 404, 'articles.json': 404, 'graph.json': 200 });
  });
});
