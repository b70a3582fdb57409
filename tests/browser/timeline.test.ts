import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import { desktopPageForFile, currentView, edgeDisplay, openExplorer } from './page.ts';

const base = inject('baseUrl');
const pageOf = desktopPageForFile();
let page: Page;
beforeEach(() => {
  page = pageOf();
});

/** Opens the seed explorer and waits for the timeline (mounted after the first frame). */
const open = async (query = '') => {
  await openExplorer(page, `${base}/seed/${query}`);
  await page.locator('.timeline-chart .timeline-month').first().waitFor();
};

const param = (name: string) => new URL(page.url()).searchParams.get(name);
const historyLength = () => page.evaluate(() => window.history.length);

/** The seed's relations whose every statement is dated 2014 (the 2014 relations). */
const relationsOf2014 = () =>
  page.evaluate(() =>
    window.app!.explorer.graph.filterEdges((_e, a) =>
      a.evidence.every((e) => e.date !== null && e.date.startsWith('2014')),
    ),
  );

/**
 * Where month `index` of the timeline's axis is drawn, in page coordinates: the seed's axis runs
 * over whole years, 2014-01 to 2016-12 (36 months), inside a padding of 10 px.
 */
async function monthX(index: number): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.timeline-chart').boundingBox())!;
  const months = 36;
  const width = (box.width - 20) / months;
  return { x: box.x + 10 + (index + 0.5) * width, y: box.y + 30 };
}

async function dragBrush(fromIndex: number, toIndex: number): Promise<void> {
  const from = await monthX(fromIndex);
  const to = await monthX(toIndex);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let i = 1; i <= 6; i++)
    await page.mouse.move(from.x + ((to.x - from.x) * i) / 6, from.y, { steps: 2 });
  await page.mouse.up();
}

describe('the timeline', () => {
  it('shows statements by month in the legend’s colours, the year-only band and what has no date', async () => {
    await open();
    const months = await page
      .locator('.timeline-month')
      .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-month')));
    expect(months).toEqual(['2014-10', '2015-09', '2015-10', '2016-07']);
    // The Rudaw article is dated "2016" alone: a band across 2016, not a bar in January.
    expect(await page.locator('.timeline-year').getAttribute('data-year')).toBe('2016');
    const colours = await page
      .locator('.timeline-month rect')
      .evaluateAll((rects) => [...new Set(rects.map((r) => r.getAttribute('fill')))].sort());
    const legend = await page.evaluate(() =>
      window
        .app!.explorer.graph.getAttribute('relationTypes')
        .map((t) => t.color)
        .sort(),
    );
    expect(colours).toEqual(legend);
    expect(await page.locator('.timeline-summary').textContent()).toMatch(/102 statements/);
    // By event date, nearly every seed statement is undated: counted apart, never on the axis.
    await page.getByText('Event date', { exact: true }).click();
    await expect.poll(() => page.locator('.timeline-undated').textContent()).toMatch(/^100 /);
    expect(
      await page
        .locator('.timeline-month')
        .evaluateAll((groups) => groups.map((g) => g.getAttribute('data-month'))),
    ).toEqual(['2016-02', '2016-05']);
  });

  it('hides the 2014 relations when brushed to 2016, with from/to in the URL and one history entry; a reload restores it', async () => {
    await open();
    const of2014 = await relationsOf2014();
    expect(of2014.length).toBeGreaterThan(0);
    for (const edge of of2014) expect((await edgeDisplay(page, edge)).hidden).toBe(false);
    const before = await historyLength();

    await dragBrush(24, 35);
    await expect.poll(() => param('from')).toBe('2016-01');
    expect(param('to')).toBe('2016-12');
    for (const edge of of2014) expect((await edgeDisplay(page, edge)).hidden).toBe(true);
    // A 2016 relation stays: the United States and Russia cooperating (2016-07).
    expect((await edgeDisplay(page, 'cooperates-with:russia:united-states')).hidden).toBe(false);
    // The whole drag is one entry in the history, not one per month crossed.
    await expect.poll(historyLength).toBe(before + 1);
    expect(await page.locator('.timeline-summary').textContent()).toMatch(
      /2016-01 to 2016-12\s*35 of 102 statements/,
    );
    // The header counts the same statements as the brush.
    expect(await page.textContent('#graph-counts')).toMatch(/ · 35 of 102 statements$/);

    await page.goBack();
    await expect.poll(() => param('from')).toBeNull();
    expect((await currentView(page)).filters.from).toBeNull();
    await page.goForward();
    await expect.poll(() => param('from')).toBe('2016-01');

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.locator('.timeline-chart .timeline-month').first().waitFor();
    const filters = (await currentView(page)).filters;
    expect([filters.from, filters.to]).toEqual(['2016-01', '2016-12']);
    for (const edge of of2014) expect((await edgeDisplay(page, edge)).hidden).toBe(true);
    expect(await page.locator('.timeline-brush').getAttribute('class')).not.toContain('is-empty');
    expect(await page.locator('.timeline-summary').textContent()).toMatch(/2016-01 to 2016-12/);
  });

  it('moves a brush by dragging its body, one history entry for the gesture', async () => {
    await open('?from=2014-10&to=2014-12');
    const before = await historyLength();
    const start = await monthX(10);
    const end = await monthX(21);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    for (let i = 1; i <= 8; i++)
      await page.mouse.move(start.x + ((end.x - start.x) * i) / 8, start.y);
    await page.mouse.up();
    await expect.poll(() => param('from')).toBe('2015-09');
    expect(param('to')).toBe('2015-11');
    await expect.poll(historyLength).toBe(before + 1);
  });

  it('plays the window through time, the camera still, and pauses into one history entry', async () => {
    await open('?from=2014-10&to=2014-12');
    await page.selectOption('#timeline-speed', { label: '4×' });
    const camera = () => page.evaluate(() => window.app!.sigma.getCamera().getState());
    const cameraBefore = await camera();
    const before = await historyLength();
    await page.getByRole('button', { name: 'Play' }).click();
    await expect.poll(() => param('from'), { timeout: 10_000 }).not.toBe('2014-10');
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Play' }).waitFor();
    const paused = param('from');
    // The window moved forward a month at a time, its length kept.
    const { from, to } = (await currentView(page)).filters;
    expect(from! > '2014-10').toBe(true);
    const months = (m: string) => Number(m.slice(0, 4)) * 12 + Number(m.slice(5, 7));
    expect(months(to!) - months(from!)).toBe(2);
    await page.waitForTimeout(600);
    expect(param('from')).toBe(paused);
    expect(await camera()).toEqual(cameraBefore);
    await expect.poll(historyLength).toBe(before + 1);
    // Step moves it one month, as one entry.
    await page.getByRole('button', { name: 'Step' }).click();
    await expect.poll(historyLength).toBe(before + 2);
    const stepped = (await currentView(page)).filters.from!;
    expect(stepped > paused!).toBe(true);
  });

  it('switches between statement and event dates, in the URL and in what the window holds', async () => {
    await open('?from=2016-05&to=2016-05');
    // By statement date May 2016 holds the Rudaw article, dated "2016" alone (a year is in any
    // window that holds part of it): many relations...
    await expect
      .poll(() => page.evaluate(() => window.app!.explorer.current.visibility.edges.size))
      .toBeGreaterThan(5);
    await page.getByText('Event date', { exact: true }).click();
    await expect.poll(() => param('dates')).toBe('event');
    // ... by event date it holds Russia's offer "In May" to coordinate with the Americans.
    await expect
      .poll(() => page.evaluate(() => [...window.app!.explorer.current.visibility.edges.keys()]))
      .toEqual(['proposes-to:russia:united-states']);
    expect((await edgeDisplay(page, 'proposes-to:russia:united-states')).hidden).toBe(false);
    expect(await page.locator('#timeline-dates-event').isChecked()).toBe(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    expect((await currentView(page)).filters.dateKind).toBe('event');
    await page.locator('#timeline-dates-event').waitFor();
    expect(await page.locator('#timeline-dates-event').isChecked()).toBe(true);
    await page.getByText('Statement date', { exact: true }).click();
    await expect.poll(() => param('dates')).toBeNull();
  });

  it('exports the dynamic GEXF of what is shown, by the timeline’s kind of date', async () => {
    await open();
    await page.getByText('Layout and export').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export dynamic GEXF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^actor-graph-\d{4}-\d{2}-\d{2}-time\.gexf$/);
    const xml = readFileSync((await file.path())!, 'utf8');
    expect(xml).toMatch(/<graph [^>]*mode="dynamic"[^>]*timeformat="date"/);
    expect(xml).toContain('<spell start="2014-10-01" end="2014-10-31"');
  });
});

describe('a pair’s story', () => {
  it('lists every statement between United States and Russia in date order, from the actor’s panel', async () => {
    await open('?actor=united-states');
    const region = page.getByRole('region', { name: 'United States', exact: true });
    await region.waitFor();
    await region
      .getByRole('button', { name: /^Between United States and Russia/ })
      .first()
      .click();
    const story = page.getByRole('region', { name: 'Between United States and Russia' });
    await story.waitFor();
    const dates = await story
      .locator('ol.pair-statements > li')
      .evaluateAll((items) => items.map((li) => li.getAttribute('data-date')!));
    const expected = await page.evaluate(() => {
      const graph = window.app!.explorer.graph;
      const all: string[] = [];
      graph.forEachEdge('united-states', 'russia', (_e, a) =>
        a.evidence.forEach((e) => all.push(e.date!)),
      );
      return all;
    });
    expect(dates).toHaveLength(expected.length);
    expect(dates.length).toBeGreaterThan(10);
    // In date order: 2014, then 2015, then 2016 (the year alone before its months).
    const firstDay = (d: string) => (d.length === 4 ? `${d}-01-01` : d.padEnd(10, '-01'));
    expect(dates.map(firstDay)).toEqual([...dates.map(firstDay)].sort());
    expect([...new Set(dates)]).toEqual(['2014-10', '2015-10', '2016', '2016-07']);
    // Each mark on the axis says its modality; the list says it in words.
    expect(await story.locator('.pair-axis .pair-mark').count()).toBe(dates.length);
    expect(await story.locator('ol .badge').allTextContents()).toContain('Negated');
    // A change of selection closes it.
    await page.keyboard.press('Escape');
    await expect.poll(() => story.count()).toBe(0);
  });

  it('is part of a relation’s statements, faded outside the window', async () => {
    await open('?edge=cooperates-with:russia:united-states&from=2016-01&to=2016-12');
    const story = page.getByRole('region', { name: 'Between Russia and United States' });
    await story.waitFor();
    const items = story.locator('ol.pair-statements > li');
    expect(await items.count()).toBeGreaterThan(10);
    const outside = await items.evaluateAll((lis) =>
      lis.filter((li) => li.classList.contains('outside-window')).map((li) => li.dataset.date),
    );
    expect(outside.length).toBeGreaterThan(0);
    expect(outside.every((d) => !d!.startsWith('2016'))).toBe(true);
  });
});
