import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { desktopPageForFile, edgeDisplay, openExplorer } from './page.ts';

const base = inject('baseUrl');
const pageOf = desktopPageForFile();
let page: Page;
beforeEach(() => {
  page = pageOf();
});

const ONLY_GDELT = 'opposes:russia:ukraine';
const BOTH = 'cooperates-with:russia:united-states';

const edgeState = (edge: string) =>
  page.evaluate((e) => window.app!.sigma.getEdgeState(e).machineOnly, edge);

describe('machine-coded evidence (GDELT) in the page', () => {
  it('leaves the seed view unchanged by default: same counts, GDELT-only relations hidden', async () => {
    await openExplorer(page, `${base}/seed/`);
    const seedCounts = await page.locator('#graph-counts').textContent();
    const seedShown = await page.evaluate(() => window.app!.explorer.current.visibility.edges.size);
    await openExplorer(page, `${base}/gdelt/`);
    expect(await page.locator('#graph-counts').textContent()).toBe(seedCounts);
    expect(await page.evaluate(() => window.app!.explorer.current.visibility.edges.size)).toBe(
      seedShown,
    );
    expect((await edgeDisplay(page, ONLY_GDELT)).hidden).toBe(true);
    expect((await edgeDisplay(page, 'opposes:united-states:australia')).hidden).toBe(true);
    expect(new URL(page.url()).search).toBe('');
    // The legend explains the line it would draw.
    await expect
      .poll(() => page.locator('[data-stroke="machine"]').textContent())
      .toContain('Machine-coded only (GDELT)');
  });

  it('draws relations only GDELT supports apart once machine-coded evidence is on', async () => {
    await openExplorer(page, `${base}/gdelt/?hide-evidence=none`);
    expect((await edgeDisplay(page, ONLY_GDELT)).hidden).toBe(false);
    expect(await edgeState(ONLY_GDELT)).toBe(true);
    expect(await edgeState(BOTH)).toBe(false);
    // Hiding the annotations leaves the machine-coded relations alone, each drawn apart.
    await page.evaluate(() => {
      const x = window.app!.explorer;
      x.setFilters({ ...x.current.view.filters, evidenceKinds: new Set(['annotated']) });
    });
    await expect.poll(async () => (await edgeDisplay(page, BOTH)).hidden).toBe(false);
    expect(await edgeState(BOTH)).toBe(true);
    expect(new URL(page.url()).searchParams.get('hide-evidence')).toBe('annotated');
    // And back to the default: hidden again.
    await page.evaluate(() => {
      const x = window.app!.explorer;
      x.setFilters({ ...x.current.view.filters, evidenceKinds: new Set(['machine-coded']) });
    });
    await expect.poll(async () => (await edgeDisplay(page, ONLY_GDELT)).hidden).toBe(true);
    expect(await edgeState(BOTH)).toBe(false);
  });

  it('shows the monthly counts, tone and source links apart from the quotes, labelled machine-coded', async () => {
    await openExplorer(page, `${base}/gdelt/?hide-evidence=none&edge=${ONLY_GDELT}`);
    const section = page.locator('.machine-evidence');
    await section.waitFor();
    expect(await page.locator('.evidence .counts').first().textContent()).toBe(
      'No annotated statement: only machine-coded events support this relation.',
    );
    expect(await section.locator('.badge-machine').textContent()).toBe('Machine-coded');
    expect(await section.textContent()).toContain('Events coded by GDELT');
    expect(await section.locator('.counts').textContent()).toContain(
      '9 events in 2 months (2015-01 to 2015-02)',
    );
    expect(await section.locator('tbody tr').allTextContents()).toEqual([
      '2015-0128-5-3.5',
      '2015-02742-7.2857-4.7483',
    ]);
    const links = section.locator('a');
    expect(await links.count()).toBe(2);
    for (let i = 0; i < 2; i++) {
      expect(await links.nth(i).getAttribute('rel')).toBe('noopener noreferrer');
      expect(await links.nth(i).getAttribute('href')).toMatch(/^http:\/\/news\.example\/ukraine-/);
    }
    expect(await page.locator('.statements .machine-evidence').count()).toBe(0);
  });

  it("counts an actor's machine-coded events apart from its statements, only when they are on", async () => {
    const button = (edge: string) => page.locator(`[id="statements-${edge}"]`);
    await openExplorer(page, `${base}/gdelt/?actor=russia`);
    await button(BOTH).waitFor();
    expect(await button(BOTH).textContent()).toMatch(/^\d+ statements?( · .*)?$/);
    expect(await page.locator('.details .machine-count').count()).toBe(0);
    expect(await button(ONLY_GDELT).count()).toBe(0);
    await openExplorer(page, `${base}/gdelt/?hide-evidence=none&actor=russia`);
    await button(ONLY_GDELT).waitFor();
    // A relation only GDELT supports: its events, not "0 statements".
    expect(await button(ONLY_GDELT).textContent()).toBe('9 machine-coded events');
    expect(await button(ONLY_GDELT).getAttribute('aria-label')).toMatch(
      /^Show 9 machine-coded events: Russia /,
    );
    expect(await button(BOTH).textContent()).toMatch(
      // The statements' articles and outlets first, GDELT's events last, apart.
      /^\d+ statements?( · \d+ articles, \d+ outlets?)? · \d+ machine-coded events?$/,
    );
  });

  it('puts both kinds side by side on a relation both support, the machine-coded only when on', async () => {
    await openExplorer(page, `${base}/gdelt/?edge=${BOTH}`);
    await page.locator('.statements .statement').first().waitFor();
    expect(await page.locator('.machine-evidence').count()).toBe(0);
    await page.evaluate(() => {
      const x = window.app!.explorer;
      x.setFilters({ ...x.current.view.filters, evidenceKinds: new Set() });
    });
    await page.locator('.machine-evidence').waitFor();
    expect(await page.locator('.statements .statement').count()).toBeGreaterThan(1);
    expect(
      await page
        .locator('.machine-evidence a')
        .evaluateAll((a) => a.map((x) => x.getAttribute('href'))),
    ).toEqual(['https://news.example/a', 'https://news.example/b']);
  });
});
