import { readFileSync } from 'node:fs';
import { parse } from 'graphology-gexf';
import Graph from 'graphology';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, inject, it } from 'vitest';
import {
  currentView,
  edgeDisplay,
  highlighted,
  inkAlongEdge,
  isPale,
  labelBoxes,
  strokeShown,
  nodeOnScreen,
  openExplorer,
  pixelAtNode,
  desktopPageForFile,
} from './page.ts';

const base = inject('baseUrl');
const pageOf = desktopPageForFile();
let page: Page;
beforeEach(() => {
  page = pageOf();
});

const open = async (query = '') => {
  await openExplorer(page, `${base}/seed/${query}`);
};

describe('the explorer on the seed data', () => {
  it('shows the network with its counts and legend', async () => {
    await open();
    await expect
      .poll(() => page.textContent('#graph-counts'))
      .toBe('34 actors · 67 relations · 102 statements');
    // sigma 4 draws the whole network into one WebGL canvas.
    expect(await page.locator('#sigma canvas').count()).toBeGreaterThanOrEqual(1);
    for (const label of ['cooperates with', 'opposes', 'proposes to']) {
      expect(
        await page
          .getByRole('button', { name: new RegExp(`^${label}`) })
          .getAttribute('aria-pressed'),
      ).toBe('true');
    }
    expect(isPale(await pixelAtNode(page, 'australia'))).toBe(false);
    expect(await highlighted(page)).toEqual({ nodes: [], edges: [] });
  });

  it('selects Russia when "Moscow" is searched and Enter pressed: URL, details, dimming', async () => {
    await open();
    const search = page.getByRole('combobox', { name: 'Search actors' });
    await search.fill('Moscow');
    await expect.poll(() => page.getByRole('option').first().textContent()).toContain('Russia');
    await search.press('Enter');

    await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe('russia');
    const region = page.getByRole('region', { name: 'Russia', exact: true });
    await region.waitFor();
    const headings = await region.getByRole('heading', { level: 4 }).allTextContents();
    expect(headings).toEqual([
      'Cooperates with (6)',
      'Opposes (6)',
      'Is opposed by (6)',
      'Proposes to (1)',
      'Receives proposals from (4)',
    ]);
    expect(
      await region
        .getByRole('region', { name: 'Russia cooperates with' })
        .getByRole('button', { name: 'Iran', exact: true })
        .count(),
    ).toBe(1);

    // The rest of the network is dimmed; Russia and its counterparts are not.
    await expect.poll(async () => (await highlighted(page)).nodes.length).toBe(17);
    const { nodes, edges } = await highlighted(page);
    expect(nodes).toContain('iran');
    expect(nodes).not.toContain('australia');
    expect(edges).toHaveLength(23);
    expect(edges.every((e) => e.split(':').slice(1).includes('russia'))).toBe(true);
    // On screen: an actor outside the focus is washed out, Russia and Iran are not.
    expect(isPale(await pixelAtNode(page, 'australia'))).toBe(true);
    expect(isPale(await pixelAtNode(page, 'iran'))).toBe(false);
    expect(isPale(await pixelAtNode(page, 'russia'))).toBe(false);
  });

  it('restores the same view from the URL in a new tab', async () => {
    await open('?actor=russia');
    await page.getByRole('region', { name: 'Russia', exact: true }).waitFor();
    await expect.poll(async () => (await highlighted(page)).nodes.length).toBe(17);
    expect(isPale(await pixelAtNode(page, 'australia'))).toBe(true);
    expect(isPale(await pixelAtNode(page, 'iran'))).toBe(false);
    expect(await page.inputValue('#search-input')).toBe('');
  });

  it('moves the selection through a counterpart, and back and forward restore it', async () => {
    await open('?actor=russia');
    await page
      .getByRole('region', { name: 'Russia cooperates with' })
      .getByRole('button', { name: 'Iran', exact: true })
      .click();
    await page.getByRole('region', { name: 'Iran', exact: true }).waitFor();
    expect(new URL(page.url()).searchParams.get('actor')).toBe('iran');

    await page.goBack();
    await page.getByRole('region', { name: 'Russia', exact: true }).waitFor();
    expect((await currentView(page)).actor).toBe('russia');
    await page.goForward();
    await page.getByRole('region', { name: 'Iran', exact: true }).waitFor();
  });

  it('hides a relation type from the legend, in the URL, the canvas, the counts and the panel', async () => {
    await open('?actor=russia');
    const opposes = page.getByRole('button', { name: /^opposes/ });
    await opposes.click();
    expect(await opposes.getAttribute('aria-pressed')).toBe('false');
    await expect.poll(() => new URL(page.url()).searchParams.get('hide-relations')).toBe('opposes');
    await expect
      .poll(async () => (await edgeDisplay(page, 'opposes:russia:islamic-state')).hidden)
      .toBe(true);
    await expect
      .poll(async () => (await edgeDisplay(page, 'cooperates-with:russia:syria')).hidden)
      .toBe(false);
    expect(await page.textContent('#graph-counts')).toBe(
      'Showing 34 of 34 actors · 30 of 67 relations · 54 of 102 statements',
    );
    const headings = await page
      .getByRole('region', { name: 'Russia', exact: true })
      .getByRole('heading', { level: 4 })
      .allTextContents();
    expect(headings).toEqual([
      'Cooperates with (6)',
      'Proposes to (1)',
      'Receives proposals from (4)',
    ]);

    await opposes.click();
    await expect.poll(() => new URL(page.url()).searchParams.get('hide-relations')).toBeNull();
    await expect
      .poll(async () => (await edgeDisplay(page, 'opposes:russia:islamic-state')).hidden)
      .toBe(false);
  });

  it('shows the statements behind a relation, with the negation plainly marked', async () => {
    await open('?actor=iran');
    await page
      .getByRole('button', { name: /^Show 1 statement: Iran cooperates with United States/ })
      .click();
    const evidence = page.getByRole('region', { name: 'Iran cooperates with United States' });
    await evidence.waitFor();
    expect(new URL(page.url()).searchParams.get('edge')).toBe('cooperates-with:iran:united-states');
    expect(await evidence.locator('.badge').allTextContents()).toEqual(['Negated']);
    expect(await evidence.getByRole('note').textContent()).toMatch(
      /None of these statements says that this relation happened/,
    );
    await expect
      .poll(() => evidence.locator('mark').textContent())
      .toBe('US officials insist they are not coordinating their efforts with Iran');
    // The quote is shown in its surrounding text, which arrives with articles.json.
    await expect
      .poll(() => evidence.locator('blockquote').textContent())
      .toMatch(/training and advising Iraqi forces, but US officials insist/);
    expect(await evidence.locator('cite').textContent()).toBe(
      'Russia, Iran, Syria ‘cooperating to counter ISIL’',
    );
  });

  it('previews an actor on hover and selects it on click; Escape clears', async () => {
    await open();
    const at = await nodeOnScreen(page, 'nusra-front');
    await page.mouse.move(at.x, at.y);
    await expect
      .poll(() => page.evaluate(() => window.app!.explorer.current.focusActor))
      .toBe('nusra-front');
    expect((await currentView(page)).actor).toBeNull();
    await expect.poll(async () => (await highlighted(page)).nodes).toContain('nusra-front');
    expect(isPale(await pixelAtNode(page, 'australia'))).toBe(true);
    await page.mouse.click(at.x, at.y);
    await expect.poll(async () => (await currentView(page)).actor).toBe('nusra-front');
    await page.mouse.move(5, 5);
    await page.keyboard.press('Escape');
    await expect.poll(async () => (await currentView(page)).actor).toBeNull();
    expect(await highlighted(page)).toEqual({ nodes: [], edges: [] });
    expect(isPale(await pixelAtNode(page, 'australia'))).toBe(false);
  });

  it('works from the keyboard: search suggestions with arrow keys', async () => {
    await open();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search-input');
    await page.keyboard.type('kerr');
    await page.getByRole('option').first().waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    const active = await page.getAttribute('#search-input', 'aria-activedescendant');
    expect(await page.textContent(`#${active}`)).toContain('John Kerry');
    await page.keyboard.press('Enter');
    await page.getByRole('region', { name: 'John Kerry', exact: true }).waitFor();
  });

  it('exports what is shown as GEXF, named with the date', async () => {
    await open('?hide-kinds=person');
    await page.getByText('Layout and export').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export GEXF' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^actor-graph-\d{4}-\d{2}-\d{2}\.gexf$/);
    const xml = readFileSync((await file.path())!, 'utf8');
    const graph = parse(Graph, xml, { allowUndeclaredAttributes: true });
    const shown = await page.evaluate(() => {
      const { visibility } = window.app!.explorer.current;
      return { nodes: visibility.nodes.size, edges: visibility.edges.size };
    });
    expect(graph.order).toBe(shown.nodes);
    expect(graph.size).toBe(shown.edges);
    expect(graph.hasNode('john-kerry')).toBe(false);
    expect(graph.hasNode('russia')).toBe(true);
    await expect.poll(() => page.getByText(/GEXF saved, with the filters applied/).count()).toBe(1);
  });

  it('filters statements by modality, in the URL, the canvas and the statements shown', async () => {
    await open('?actor=iran');
    await page.getByText('Filters: statements, actors, articles').click();
    const negated = page.getByRole('checkbox', { name: /Negated/ });
    expect(await negated.isChecked()).toBe(true);
    await negated.uncheck();
    await expect
      .poll(() => new URL(page.url()).searchParams.get('hide-modalities'))
      .toBe('negated');
    // The relation only a negated statement supported is hidden; Iran's others stay.
    await expect
      .poll(async () => (await edgeDisplay(page, 'cooperates-with:iran:united-states')).hidden)
      .toBe(true);
    await expect
      .poll(async () => (await edgeDisplay(page, 'cooperates-with:iran:russia')).hidden)
      .toBe(false);
    const region = page.getByRole('region', { name: 'Iran', exact: true });
    await expect
      .poll(() => region.getByRole('button', { name: 'United States', exact: true }).count())
      .toBe(0);
    expect(await page.textContent('#graph-counts')).toMatch(
      /^Showing 34 of 34 actors · 66 of 67 relations · 99 of 102 statements$/,
    );
  });

  it('opens the filters section when a shared link filters beyond the legend', async () => {
    await open('?hide-kinds=person&from=2015&to=2015-12');
    expect(await page.locator('#filters-section').getAttribute('open')).not.toBeNull();
    expect(await page.getByRole('checkbox', { name: 'Person' }).isChecked()).toBe(false);
    expect(await page.locator('#filter-from').inputValue()).toBe('2015');
    expect(await page.locator('#filter-to').inputValue()).toBe('2015-12');
    // Only 2015 statements are shown: Iraq's 2015 cooperation with Russia, not the 2014 and 2016
    // proposals of the United States to Russia.
    await expect
      .poll(async () => (await edgeDisplay(page, 'cooperates-with:iraq:russia')).hidden)
      .toBe(false);
    await expect
      .poll(async () => (await edgeDisplay(page, 'proposes-to:united-states:russia')).hidden)
      .toBe(true);
  });

  it('shows, under strict evidence from a link, only relations several outlets assert', async () => {
    await open('?actor=russia&strict=2,2');
    // The section opens for a link that filters in it; the setting reads back from the URL.
    expect(await page.locator('#filter-strict').isChecked()).toBe(true);
    expect(await page.inputValue('#filter-strict-asserted')).toBe('2');
    expect(await page.inputValue('#filter-strict-outlets')).toBe('2');
    await expect.poll(() => page.textContent('#graph-counts')).toMatch(/ · 9 of 67 relations · /);
    // Each relation says from how many articles and outlets its statements come.
    const row = page
      .getByRole('region', { name: 'Russia cooperates with' })
      .locator('li', { hasText: 'United States' });
    await expect.poll(() => row.textContent()).toMatch(/9 statements · 4 articles, 4 outlets/);
    // Asking for more outlets than any relation has hides them all; turning it off shows all.
    await page.fill('#filter-strict-outlets', '5');
    await page.locator('#filter-strict-outlets').dispatchEvent('change');
    await expect.poll(() => new URL(page.url()).searchParams.get('strict')).toBe('2,5');
    await expect.poll(() => page.textContent('#graph-counts')).toMatch(/ · 0 of 67 relations · /);
    await page.locator('#filter-strict').uncheck();
    await expect.poll(() => new URL(page.url()).searchParams.get('strict')).toBeNull();
    expect(await page.textContent('#graph-counts')).toBe(
      '34 actors · 67 relations · 102 statements',
    );
  });

  it('exports CSV as two files, the edge list and the node list', async () => {
    await open();
    await page.getByText('Layout and export').click();
    const files: Record<string, string> = {};
    page.on('download', async (d) => {
      files[d.suggestedFilename()] = readFileSync((await d.path())!, 'utf8');
    });
    await page.getByRole('button', { name: 'Export CSV' }).click();
    await expect
      .poll(() => Object.keys(files).sort())
      .toEqual([
        expect.stringMatching(/^actor-graph-\d{4}-\d{2}-\d{2}\.csv$/),
        expect.stringMatching(/^actor-graph-\d{4}-\d{2}-\d{2}\.nodes\.csv$/),
      ]);
    const [edges, nodes] = Object.keys(files)
      .sort()
      .map((name) => files[name]!.trimEnd().split('\r\n'));
    expect(edges!).toHaveLength(68);
    expect(nodes!).toHaveLength(35);
    expect(edges![0]).toMatch(/^id,source,target,type,relation/);
  });

  it('runs ForceAtlas2 in a worker and stops it; an actor can be dragged', async () => {
    await open();
    const before = await page.evaluate(() => ({
      ...window.app!.explorer.graph.getNodeAttributes('russia'),
    }));
    await page.getByText('Layout and export').click();
    await page.getByRole('button', { name: 'Run layout' }).click();
    await page.getByRole('button', { name: 'Stop layout' }).waitFor();
    await expect
      .poll(() => page.evaluate(() => window.app!.explorer.graph.getNodeAttributes('russia').x), {
        timeout: 10_000,
      })
      .not.toBe(before.x);
    await page.getByRole('button', { name: 'Stop layout' }).click();
    await page.getByRole('button', { name: 'Run layout' }).waitFor();

    const from = await nodeOnScreen(page, 'osce');
    const start = await page.evaluate(() => ({
      ...window.app!.explorer.graph.getNodeAttributes('osce'),
    }));
    await page.mouse.move(from.x, from.y);
    await page.mouse.down();
    await page.mouse.move(from.x + 60, from.y + 40, { steps: 5 });
    await page.mouse.up();
    const end = await page.evaluate(() => ({
      ...window.app!.explorer.graph.getNodeAttributes('osce'),
    }));
    expect(end.x).not.toBe(start.x);
    expect(end.y).not.toBe(start.y);
  });

  it('takes a click on an actor with a little jitter as a click, and does not move it', async () => {
    await open();
    const at = await nodeOnScreen(page, 'iran');
    const before = await page.evaluate(() => ({
      ...window.app!.explorer.graph.getNodeAttributes('iran'),
    }));
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x + 2, at.y + 1, { steps: 2 });
    await page.mouse.up();
    await expect.poll(() => new URL(page.url()).searchParams.get('actor')).toBe('iran');
    const after = await page.evaluate(() => ({
      ...window.app!.explorer.graph.getNodeAttributes('iran'),
    }));
    expect([after.x, after.y]).toEqual([before.x, before.y]);
  });

  it('follows a dragged minimum-statements slider at once and writes one history entry', async () => {
    await open();
    await page.getByText('Filters: statements, actors, articles').click();
    const slider = page.locator('#filter-min-statements');
    await slider.waitFor();
    const historyBefore = await page.evaluate(() => window.history.length);
    const shownEdges = () =>
      page.evaluate(() => window.app!.explorer.current.visibility.edges.size);
    const allEdges = await shownEdges();
    // Drag: several input events, then one change event when the slider is let go.
    await slider.focus();
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    await expect.poll(shownEdges).toBeLessThan(allEdges);
    await slider.evaluate((el) => el.dispatchEvent(new Event('change', { bubbles: true })));
    await expect.poll(() => new URL(page.url()).searchParams.get('min-statements')).toBe('4');
    // Arrow keys fire input and change each time; a pointer drag fires many inputs and one
    // change. Either way at most one entry per step, and dragging with the pointer one in all:
    const box = (await slider.boundingBox())!;
    const entriesAfterKeys = await page.evaluate(() => window.history.length);
    expect(entriesAfterKeys - historyBefore).toBeLessThanOrEqual(3);
    await page.mouse.move(box.x + 4, box.y + box.height / 2);
    await page.mouse.down();
    for (const f of [0.2, 0.4, 0.6])
      await page.mouse.move(box.x + box.width * f, box.y + box.height / 2);
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => window.history.length)).toBe(entriesAfterKeys + 1);
    const dragged = new URL(page.url()).searchParams.get('min-statements');
    expect(Number(dragged)).toBeGreaterThan(1);
    // One step back undoes the whole drag.
    await page.goBack();
    await expect.poll(() => new URL(page.url()).searchParams.get('min-statements')).toBe('4');
    expect(await page.evaluate(() => window.app!.explorer.current.view.filters.minStatements)).toBe(
      4,
    );
  });
});

describe('robustness', () => {
  it('shows labels, titles and quotes that look like HTML as text', async () => {
    await openExplorer(page, `${base}/hostile/?actor=alpha&edge=opposes:gamma-front:alpha`);
    const region = page.getByRole('region', {
      name: '<img src=x onerror=window.__pwned=1>Alpha',
      exact: true,
    });
    await region.waitFor();
    expect(await region.locator('img').count()).toBe(0);
    const evidence = page.getByRole('region', { name: /Gamma <b>Front<\/b> & Co opposes/ });
    await expect
      .poll(() => evidence.locator('mark').textContent())
      .toBe('Gamma Front attacked <em>Alphaville</em>');
    expect(await evidence.locator('em, b, script').count()).toBe(0);
    expect(
      await page.getByText('<script>window.__pwned=2</script>Agreement').count(),
    ).toBeGreaterThan(0);
    expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  });

  it('says so when the graph cannot be loaded, instead of a blank page', async () => {
    await page.goto(`${base}/missing/`);
    await page.waitForSelector('body[data-ready="error"]');
    const alert = page.getByRole('alert');
    expect(await alert.textContent()).toMatch(
      /The network cannot be shown.*graph\.json answered 404.*npm run build:graph/,
    );
  });
});

describe('the network drawn by sigma 4', () => {
  const usRussia = 'cooperates-with:russia:united-states';

  it('draws an asserted relation solid, and the same relation dashed when only its conditional statement is shown', async () => {
    await open();
    expect(await strokeShown(page, usRussia)).toBe('solid');
    const solid = await inkAlongEdge(page, usRussia);
    expect(solid).toBeGreaterThan(0.9);

    await open('?hide-modalities=asserted,reported,negated,proposed,denied');
    expect(await strokeShown(page, usRussia)).toBe('dashed');
    const dashed = await inkAlongEdge(page, usRussia);
    expect(dashed).toBeGreaterThan(0.3);
    expect(dashed).toBeLessThan(0.8);
  });

  it('recomputes a stroke when the modality filter changes, and explains the strokes in the legend', async () => {
    await open();
    const legend = page.locator('.stroke-legend li');
    expect(await legend.count()).toBe(3);
    expect(await legend.nth(1).textContent()).toContain('Reported, conditional or proposed only');
    const stroke = (e: string) => strokeShown(page, e);
    // Russia's proposal to the OSCE stands on a proposed statement alone: dashed; Iran and
    // the United States cooperating, on a negated one: dotted.
    expect(await stroke('cooperates-with:osce:russia')).toBe('dashed');
    expect(await stroke('cooperates-with:iran:united-states')).toBe('dotted');
    await page.evaluate(() =>
      window.app!.explorer.setFilters({
        ...window.app!.explorer.current.view.filters,
        hiddenModalities: new Set(['asserted']),
      }),
    );
    await expect.poll(() => stroke(usRussia)).toBe('dashed');
  });

  it('highlights an actor on a layer of its own, without drawing the network again', async () => {
    await open();
    // The layer loads when the pointer first enters the network.
    await page.mouse.move(700, 450);
    await page.waitForTimeout(300);
    // The evaluate does not wait for the frame, as in analysis.test.ts (a promise it awaits may
    // be collected before the frame comes): the page keeps the count on the window, polled.
    await page.evaluate(() => {
      const { sigma, explorer } = window.app!;
      const counted = window as unknown as { highlightRenders?: number };
      let renders = 0;
      sigma.on('beforeRender', () => renders++);
      explorer.selectActor('iran');
      requestAnimationFrame(() => setTimeout(() => (counted.highlightRenders = renders), 100));
    });
    // Wrapped: a count of 0 is falsy, and waitForFunction waits for a truthy value.
    const drawn = await page.waitForFunction(
      () => {
        const n = (window as unknown as { highlightRenders?: number }).highlightRenders;
        return n === undefined ? undefined : { n };
      },
      undefined,
      { polling: 50 },
    );
    expect((await drawn.jsonValue())!.n).toBe(0);
    const { nodes } = await highlighted(page);
    expect(nodes).toEqual(expect.arrayContaining(['iran', 'russia']));
    expect(nodes).not.toContain('australia');
    expect(isPale(await pixelAtNode(page, 'australia'))).toBe(true);
    expect(isPale(await pixelAtNode(page, 'iran'))).toBe(false);
  });

  /** The pairs of shown labels drawn over each other, and how many labels are shown. */
  const labelOverlaps = async () => {
    const boxes = await labelBoxes(page);
    const overlaps: string[] = [];
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++) {
        const a = boxes[i]!;
        const b = boxes[j]!;
        if (a.minX < b.maxX && b.minX < a.maxX && a.minY < b.maxY && b.minY < a.maxY)
          overlaps.push(`${a.node} / ${b.node}`);
      }
    return { overlaps, boxes };
  };

  it('draws no two labels over each other at the default camera', async () => {
    await open();
    await page.waitForTimeout(300);
    const { overlaps, boxes } = await labelOverlaps();
    // Nearly every actor is labelled at once.
    expect(boxes.length).toBeGreaterThanOrEqual(30);
    expect(overlaps).toEqual([]);
    // "Islamic State" and "Donald Trump", which v3 drew over each other, are both shown.
    expect(boxes.map((b) => b.node)).toEqual(
      expect.arrayContaining(['islamic-state', 'donald-trump', 'united-states']),
    );
  });

  it('places the labels again when the canvas narrows without the window changing', async () => {
    await open();
    await page.waitForTimeout(300);
    expect((await labelOverlaps()).overlaps).toEqual([]);
    // As the workbench's reader does: the page's layout takes width from the network.
    await page.evaluate(() => {
      document.getElementById('sigma')!.style.width = '75%';
    });
    const wide = page.viewportSize()!.width;
    await expect
      .poll(() => page.evaluate(() => window.app!.sigma.getDimensions().width))
      .toBeLessThan(wide * 0.5);
    await expect.poll(async () => (await labelOverlaps()).overlaps).toEqual([]);
    expect((await labelBoxes(page)).length).toBeGreaterThanOrEqual(20);
  });

  it('exports the network as a PNG as it is on screen, labels included', async () => {
    await open('?actor=russia');
    await page.getByText('Layout and export').click();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PNG' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^actor-graph-\d{4}-\d{2}-\d{2}\.png$/);
    const bytes = readFileSync((await file.path())!);
    const picture = await page.evaluate(async (base64) => {
      const data = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
      const bitmap = await createImageBitmap(new Blob([data], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const { sigma } = window.app!;
      const ratio = bitmap.width / sigma.getDimensions().width;
      const at = (node: string) => {
        const p = sigma.framedGraphToViewport(sigma.getNodeDisplayData(node)!);
        const [r, g, b] = context.getImageData(
          Math.round(p.x * ratio),
          Math.round(p.y * ratio),
          1,
          1,
        ).data;
        return [r!, g!, b!] as [number, number, number];
      };
      // Dark pixels of label text just right of Russia's disc.
      const russia = sigma.framedGraphToViewport(sigma.getNodeDisplayData('russia')!);
      const radius = sigma.scaleSize(sigma.getNodeDisplayData('russia')!.size);
      const text = context.getImageData(
        Math.round((russia.x + radius + 6) * ratio),
        Math.round((russia.y - 6) * ratio),
        Math.round(40 * ratio),
        Math.round(12 * ratio),
      ).data;
      let dark = 0;
      for (let i = 0; i < text.length; i += 4) if (text[i]! < 100 && text[i + 1]! < 100) dark++;
      // An actor outside Russia's relationships, drawn inside the canvas: washed out.
      const lit = new Set(window.app!.highlight.shown().nodes);
      const { width, height } = sigma.getDimensions();
      const outside = sigma
        .getGraph()
        .nodes()
        .find((n) => {
          const p = sigma.framedGraphToViewport(sigma.getNodeDisplayData(n)!);
          return !lit.has(n) && p.x > 10 && p.y > 10 && p.x < width - 10 && p.y < height - 10;
        })!;
      return { width: bitmap.width, russia: at('russia'), outside: at(outside), dark };
    }, bytes.toString('base64'));
    expect(picture.width).toBeGreaterThan(500);
    expect(isPale(picture.russia)).toBe(false);
    expect(isPale(picture.outside)).toBe(true);
    expect(picture.dark).toBeGreaterThan(5);
  });
});
