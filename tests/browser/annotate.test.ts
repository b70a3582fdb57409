/**
 * The annotation workbench in real Chromium, against vite's dev server (with the annotate
 * plugin) on a temporary copy of graph-data: add an article, annotate it, see the network and
 * the evidence change, edit, delete, undo; refusals that write nothing.
 */
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ANNOTATE_HEADER, type RelationInput } from '../../src/core/annotate/api.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { ROOT } from '../helpers/run.ts';
import { startDevServer, type DevServer } from './devServer.ts';
import { desktopPageForFile, openExplorer } from './page.ts';

let server: DevServer;
let base: string;
let data: string;

beforeAll(async () => {
  server = await startDevServer();
  ({ base, data } = server);
}, 180_000);

afterAll(async () => {
  await server?.close();
});

const page = desktopPageForFile();

const TEXT = `Atlantis and Lemuria sign a fishing pact

The government of Russia said on Monday it would work with the Atlantic Fisheries Council to protect stocks.

Officials in Moscow denied that they had threatened the council. The council did not cooperate with Iran, its chairman said.

Iran condemned Russia over the new fishing quotas.
`;

/** The new article's id, as the workbench made it (from outlet, date and title). */
let articleId = '';
const articleFile = () => articlePaths(articleId)[1];

async function openArticle(p: Page): Promise<void> {
  await p.locator('.article-details summary').click();
  await p.locator(`[data-article="${articleId}"]`).click();
  await p.locator('#reader-title', { hasText: 'fishing pact' }).waitFor();
}

/** Selects `quote` in the reader's text as a user would, and lets go of the mouse. */
async function selectInReader(p: Page, quote: string): Promise<void> {
  await p.evaluate((q) => {
    const text = document.querySelector('.reader-text')!;
    const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
    let offset = 0;
    const all = text.textContent!;
    const at = all.indexOf(q);
    if (at < 0) throw new Error(`"${q}" is not in the reader`);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const length = node.textContent!.length;
      if (at >= offset && at <= offset + length) range.setStart(node, at - offset);
      if (at + q.length >= offset && at + q.length <= offset + length) {
        range.setEnd(node, at + q.length - offset);
        break;
      }
      offset += length;
    }
    const selection = window.getSelection()!;
    selection.removeAllRanges();
    selection.addRange(range);
    text.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
  }, quote);
}

async function chooseActor(p: Page, field: string, typed: string, option: string) {
  const input = p.locator(`.relation-form input[name="${field}"]`);
  await input.fill('');
  await input.pressSequentially(typed);
  await p.locator(`[role="option"]`, { hasText: option }).first().waitFor();
  await input.press('Enter');
  expect(await input.inputValue()).toBe(option);
}

/** The text and YAML files of an article of the data folder, in that order. */
function articlePaths(id: string): [string, string] {
  return [join(data, 'articles', `${id}.txt`), join(data, 'articles', `${id}.yaml`)];
}

/** The window coming back, as the workbench listens for it. */
function focus(p: Page): Promise<void> {
  return p.evaluate(() => void window.dispatchEvent(new Event('focus')));
}

/** Whether a request or response URL is the workbench's state. */
const isState = (url: string): boolean => new URL(url).pathname.endsWith('/api/annotate/state');

/** The explorer on the dev server, once its workbench is ready. */
async function openWorkbench(p: Page): Promise<void> {
  await openExplorer(p, base);
  await p.waitForSelector('body[data-workbench="ready"]');
}

const graphVersion = (p: Page) => p.getAttribute('body', 'data-graph-version');

/** Adds a relation to an article through the page's workbench: the refusal's problems, or null. */
function addRelation(p: Page, article: string, relation: RelationInput) {
  return p.evaluate(
    ({ article, relation }) =>
      window.app!.annotate!.apply([{ kind: 'add-relation', article, relation }]),
    { article, relation },
  );
}

async function saveAndWait(p: Page, button: string | RegExp = 'Save relation'): Promise<void> {
  const before = await graphVersion(p);
  await p.getByRole('button', { name: button, exact: true }).click();
  try {
    await p.waitForFunction((v) => document.body.getAttribute('data-graph-version') !== v, before, {
      timeout: 30_000,
    });
  } catch (error) {
    // What the page said instead.
    const said = await p.evaluate(() =>
      [...document.querySelectorAll('.field-error:not([hidden]), .form-status, .workbench-status')]
        .map((el) => el.textContent)
        .join(' | '),
    );
    throw new Error(`${(error as Error).message}; the page says: ${said}`, { cause: error });
  }
}

/** The requests for graph.json that the page makes from now on (its URLs). */
function graphRequests(p: Page): string[] {
  const urls: string[] = [];
  p.on('request', (request) => {
    if (new URL(request.url()).pathname.endsWith('/graph.json')) urls.push(request.url());
  });
  return urls;
}

interface SerialisedGraph {
  attributes: Record<string, unknown>;
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: {
    key: string;
    source: string;
    target: string;
    undirected?: boolean;
    attributes: Record<string, unknown>;
  }[];
}

/** A graph as plain data in key order, without what the page adds to relations for display. */
function comparable(graph: SerialisedGraph) {
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  return {
    attributes: graph.attributes,
    nodes: [...graph.nodes].sort(byKey),
    edges: graph.edges
      .map(({ attributes: { baseStroke: _, ...attributes }, ...edge }) => ({
        ...edge,
        undirected: edge.undirected === true,
        attributes,
      }))
      .sort(byKey),
  };
}

/** The page shows the graph the workbench has built (fetched by the test, not the page). */
async function expectShownIsServed(p: Page): Promise<void> {
  const shown = (await p.evaluate(() =>
    window.app!.explorer.graph.export(),
  )) as unknown as SerialisedGraph;
  const served = (await (
    await p.request.get(`${base}api/annotate/graph.json`)
  ).json()) as SerialisedGraph;
  expect(comparable(shown)).toEqual(comparable(served));
}

/** A quote of the seed's Rudaw article, for a relation another tab adds. */
const OTHER_QUOTE =
  'The United States has reportedly proposed to cooperate with Russia against the al-Qaeda affiliated Jabhat al-Nusra';

/** The quotes of a relation the page shows. */
const quotesOf = (p: Page, key: string) =>
  p.evaluate(
    (k) => window.app!.explorer.graph.getEdgeAttributes(k).evidence.map((e) => e.quote),
    key,
  );

const edgeOf = (p: Page, key: string) =>
  p.evaluate((k) => {
    const g = window.app!.explorer.graph;
    return g.hasEdge(k) ? g.getEdgeAttributes(k).evidence.map((e) => e.modality) : null;
  }, key);

describe('the annotation workbench', () => {
  it('adds an article, annotates it with a new actor, edits, deletes and undoes', async () => {
    const p = page();
    await openExplorer(p, base);
    const actorsBefore = readFileSync(join(data, 'actors.yaml'), 'utf8');

    // Add an article by pasting its text.
    await p.getByRole('button', { name: 'Add article' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('Title').fill('Atlantis and Lemuria sign a fishing pact');
    await dialog.getByLabel('Outlet').fill('Test Outlet');
    await dialog.getByLabel('Date').fill('2024-03-04');
    await dialog.getByLabel('How it is known').fill('The dateline.');
    await dialog.getByLabel('Text', { exact: true }).fill(TEXT);
    await dialog.getByRole('button', { name: 'Save article' }).click();
    await p.locator('#reader-title', { hasText: 'fishing pact' }).waitFor();
    const yamlName = await p.locator('.reader-meta code').textContent();
    articleId = /^articles\/(.+)\.yaml$/.exec(yamlName ?? '')?.[1] ?? '';
    expect(articleId).toMatch(/^test-outlet-2024-03-/);
    expect(readFileSync(articleFile().replace(/\.yaml$/, '.txt'), 'utf8')).toBe(TEXT);

    // A view to keep: an actor selected, a filter set, the camera moved.
    const view = () =>
      p.evaluate(() => {
        const { explorer, sigma } = window.app!;
        const { ratio, x, y } = sigma.getCamera().getState();
        return {
          actor: explorer.current.view.actor,
          filters: JSON.stringify(explorer.current.view.filters),
          camera: [ratio, x, y].map((n) => Math.round(n * 1e6)),
        };
      });
    await p.evaluate(() => {
      const { explorer, sigma } = window.app!;
      explorer.selectActor('russia');
      explorer.setFilters({ ...explorer.current.view.filters, hideIsolated: true });
      sigma.getCamera().setState({ ratio: 0.8, x: 0.45, y: 0.55 });
    });
    const viewBefore = await view();

    // Select a span: the form opens with it as the quote.
    const quote = 'would work with the Atlantic Fisheries Council to protect stocks';
    await selectInReader(p, quote);
    expect(await p.locator('.relation-form textarea[name="quote"]').inputValue()).toBe(quote);
    await chooseActor(p, 'source', 'Moscow', 'Russia');
    const target = p.locator('.relation-form input[name="target"]');
    await target.fill('Atlantic Fisheries Council');
    await p.getByRole('button', { name: 'New actor…' }).click();
    await p.locator('select[name="target-actor-kind"]').selectOption('organisation');
    await saveAndWait(p);

    // The view stayed.
    expect(await view()).toEqual(viewBefore);
    // The edge is in the network, the actor in actors.yaml, comments kept.
    const key = 'cooperates-with:atlantic-fisheries-council:russia';
    const alt = 'cooperates-with:russia:atlantic-fisheries-council';
    const edge = (await edgeOf(p, key)) !== null ? key : alt;
    expect(await edgeOf(p, edge)).toEqual(['asserted']);
    const actorsAfter = readFileSync(join(data, 'actors.yaml'), 'utf8');
    expect(actorsAfter.startsWith(actorsBefore.trimEnd())).toBe(true);
    expect(actorsAfter).toContain('id: atlantic-fisheries-council');
    expect(readFileSync(articleFile(), 'utf8')).toContain(`quote: ${quote}`);

    // Its evidence in the panel, with the quote in context.
    await p.evaluate((k) => window.app!.explorer.selectEdge(k), edge);
    await p.locator('.evidence .quote mark', { hasText: quote }).waitFor();
    // The reader marks the quote.
    expect(await p.locator('.reader-text mark.quote-mark').count()).toBe(1);

    // Edit its modality.
    await p.getByRole('button', { name: /^Edit relation 1/ }).click();
    await p.locator('.relation-form select[name="modality"]').selectOption('negated');
    await saveAndWait(p);
    expect(await edgeOf(p, edge)).toEqual(['negated']);
    expect(readFileSync(articleFile(), 'utf8')).toContain('modality: negated');

    // Delete it: the edge goes; undo brings it back.
    const before = await graphVersion(p);
    await p.getByRole('button', { name: /^Delete relation 1/ }).click();
    await p.waitForFunction((v) => document.body.getAttribute('data-graph-version') !== v, before);
    expect(await edgeOf(p, edge)).toBeNull();
    expect(await p.evaluate(() => window.app!.explorer.current.view.edge)).toBeNull();
    await saveAndWait(p, /^Undo: .*deleted|^Undo: .*Deleted/i);
    expect(await edgeOf(p, edge)).toEqual(['negated']);

    // Undoing the new actor's relation and the actor: the address no longer names it.
    await p.evaluate(() => window.app!.explorer.selectActor('atlantic-fisheries-council'));
    expect(new URL(p.url()).searchParams.get('actor')).toBe('atlantic-fisheries-council');
    await saveAndWait(p, /^Undo: /); // the modality edit
    await saveAndWait(p, /^Undo: /); // the relation and the actor
    expect(
      await p.evaluate(() => window.app!.explorer.graph.hasNode('atlantic-fisheries-council')),
    ).toBe(false);
    expect(new URL(p.url()).searchParams.get('actor')).toBeNull();
    // And again, for the tests that follow.
    await selectInReader(p, quote);
    await chooseActor(p, 'source', 'Moscow', 'Russia');
    await p.locator('.relation-form input[name="target"]').fill('Atlantic Fisheries Council');
    await p.getByRole('button', { name: 'New actor…' }).click();
    await p.locator('select[name="target-actor-kind"]').selectOption('organisation');
    await saveAndWait(p);

    // An input method's composition does not change the text: quotes stay verbatim.
    const cdp = await p.context().newCDPSession(p);
    await p.evaluate(() => {
      const text = document.querySelector<HTMLElement>('.reader-text')!;
      text.focus();
      window.getSelection()!.collapse(text, 0);
    });
    await cdp.send('Input.imeSetComposition', { text: 'あい', selectionStart: 2, selectionEnd: 2 });
    await cdp.send('Input.insertText', { text: 'あいう' });
    await p.waitForFunction(
      () => !document.querySelector('.reader-text')!.textContent!.includes('あ'),
    );
    expect(await p.locator('.reader-text').textContent()).toBe(TEXT);
  });

  it('refuses a quote not in the text, beside the field, and writes nothing', async () => {
    const p = page();
    await openExplorer(p, base);
    await openArticle(p);
    const bytes = readFileSync(articleFile());
    await p.getByRole('button', { name: 'New relation' }).click();
    await chooseActor(p, 'source', 'Mr. Kerry', 'John Kerry');
    await chooseActor(p, 'target', 'Iran', 'Iran');
    await p.locator('.relation-form textarea[name="quote"]').fill('Kerry met Iran in Vienna.');
    await p.getByRole('button', { name: 'Save relation' }).click();
    const error = p.locator(
      '#' +
        (await p
          .locator('.relation-form textarea[name="quote"]')
          .getAttribute('aria-describedby'))!,
    );
    await error.waitFor({ state: 'visible' });
    expect(await error.textContent()).toMatch(/not found|not in the text|quote/i);
    expect(
      await p.locator('.relation-form textarea[name="quote"]').getAttribute('aria-invalid'),
    ).toBe('true');
    expect(readFileSync(articleFile()).equals(bytes)).toBe(true);
  });

  it('refuses a new actor whose id is taken, beside its Id field', async () => {
    const p = page();
    await openExplorer(p, base);
    await openArticle(p);
    const actors = readFileSync(join(data, 'actors.yaml'));
    await selectInReader(p, 'Iran condemned Russia');
    await chooseActor(p, 'source', 'Iran', 'Iran');
    await p.locator('.relation-form input[name="target"]').fill('Zeta Fisheries Board');
    await p.getByRole('button', { name: 'New actor…' }).click();
    await p.locator('input[name="target-actor-id"]').fill('russia');
    await p.getByRole('button', { name: 'Save relation' }).click();
    const id = p.locator('input[name="target-actor-id"]');
    await p.waitForFunction(() =>
      document.querySelector('input[name="target-actor-id"]')?.getAttribute('aria-invalid'),
    );
    const error = p.locator(`#${await id.getAttribute('aria-describedby')}`);
    expect(await error.isVisible()).toBe(true);
    expect(await error.textContent()).toMatch(/russia/);
    expect(readFileSync(join(data, 'actors.yaml')).equals(actors)).toBe(true);
  });

  it('does not overwrite a file changed on disk, and says so', async () => {
    const p = page();
    await openExplorer(p, base);
    await openArticle(p);
    // Another editor changes the file after the page read it.
    const changed = `${readFileSync(articleFile(), 'utf8')}# edited elsewhere\n`;
    writeFileSync(articleFile(), changed);
    await selectInReader(p, 'The council did not cooperate with Iran');
    await chooseActor(p, 'source', 'Atlantic', 'Atlantic Fisheries Council');
    await chooseActor(p, 'target', 'Iran', 'Iran');
    await p.getByRole('button', { name: 'Save relation' }).click();
    await p.locator('.reader-message', { hasText: 'changed on disk' }).waitFor();
    expect(readFileSync(articleFile(), 'utf8')).toBe(changed);
    // Reloading the article shows the new version; the change can then be made.
    await p.getByRole('button', { name: 'Reload the article' }).click();
    await p.locator('.reader-message').waitFor({ state: 'hidden' });
  });

  it('keeps the reload offer when a delete meets a file changed on disk', async () => {
    const p = page();
    await openExplorer(p, base);
    await openArticle(p);
    const changed = `${readFileSync(articleFile(), 'utf8')}# edited elsewhere again\n`;
    writeFileSync(articleFile(), changed);
    await p.getByRole('button', { name: /^Delete relation 1/ }).click();
    await p.locator('.reader-message', { hasText: 'changed on disk' }).waitFor();
    // The delete's own answer does not say it again without the button.
    await p.waitForTimeout(300);
    await expect(p.getByRole('button', { name: 'Reload the article' }).isVisible()).resolves.toBe(
      true,
    );
    expect(readFileSync(articleFile(), 'utf8')).toBe(changed);
    await p.getByRole('button', { name: 'Reload the article' }).click();
    await p.locator('.reader-message').waitFor({ state: 'hidden' });
  });

  it('works from the keyboard: a quote selected with Shift and the arrows, the form by keys', async () => {
    const p = page();
    await openExplorer(p, base);
    await openArticle(p);
    const quote = 'Officials in Moscow denied that they had threatened the council';
    // The caret before the quote; then the keyboard alone.
    await p.evaluate((q) => {
      const text = document.querySelector<HTMLElement>('.reader-text')!;
      text.focus();
      const walker = document.createTreeWalker(text, NodeFilter.SHOW_TEXT);
      let offset = 0;
      const at = text.textContent!.indexOf(q);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const length = node.textContent!.length;
        if (at >= offset && at < offset + length) {
          window.getSelection()!.collapse(node, at - offset);
          return;
        }
        offset += length;
      }
    }, quote);
    for (let i = 0; i < quote.length; i++) await p.keyboard.press('Shift+ArrowRight');
    await p.keyboard.press('Enter');
    expect(await p.locator('.relation-form textarea[name="quote"]').inputValue()).toBe(quote);
    expect(await p.evaluate(() => document.activeElement?.getAttribute('name'))).toBe('source');
    await p.keyboard.type('Moscow');
    await p.keyboard.press('Enter');
    await p.keyboard.press('Tab');
    await p.keyboard.type('opposes');
    await p.keyboard.press('Tab');
    await p.keyboard.type('Atlantic');
    await p.locator('[role="option"]', { hasText: 'Atlantic Fisheries Council' }).waitFor();
    await p.keyboard.press('Enter');
    await p.keyboard.press('Tab');
    await p.keyboard.type('denied');
    await p.keyboard.press('Tab');
    await p.keyboard.press('Tab');
    const before = await graphVersion(p);
    await p.keyboard.press('Enter');
    await p.waitForFunction((v) => document.body.getAttribute('data-graph-version') !== v, before);
    expect(await edgeOf(p, 'opposes:russia:atlantic-fisheries-council')).toEqual(['denied']);
  });

  it('refuses an article with no text or a date of the wrong form, and writes nothing', async () => {
    const p = page();
    await openExplorer(p, base);
    const files = () => readdirSync(join(data, 'articles')).sort();
    const before = files();
    await p.getByRole('button', { name: 'Add article' }).click();
    const dialog = p.getByRole('dialog');
    await dialog.getByLabel('Title').fill('An empty article');
    await dialog.getByRole('button', { name: 'Save article' }).click();
    const textError = dialog.locator('#article-text-error');
    await textError.waitFor({ state: 'visible' });
    expect(await dialog.getByLabel('Text', { exact: true }).getAttribute('aria-invalid')).toBe(
      'true',
    );
    await dialog.getByLabel('Text', { exact: true }).fill('Some text.');
    await dialog.getByLabel('Date').fill('04/03/2024');
    await dialog.getByLabel('How it is known').fill('The dateline.');
    await dialog.getByRole('button', { name: 'Save article' }).click();
    await dialog.locator('#article-date-error').waitFor({ state: 'visible' });
    expect(await dialog.locator('#article-date-error').textContent()).toMatch(/YYYY/);
    expect(files()).toEqual(before);
  });

  it('suggests relations: one accepted becomes a relation, one dismissed stays away', async () => {
    const p = page();
    await openExplorer(p, base);
    await openArticle(p);
    await p.locator('.suggestions-section summary').click();
    const accept = p.getByRole('button', { name: 'Accept: Iran opposes Russia' });
    await accept.waitFor();
    // Machine-made, and said so; the sentence with its names and cue marked.
    const item = p.locator('.machine-suggestion', { has: accept });
    expect(await item.locator('.badge-machine').textContent()).toMatch(/^suggested/);
    expect(await item.locator('.sugg-actor').allTextContents()).toEqual(['Iran', 'Russia']);
    expect(await item.locator('.sugg-cue').textContent()).toBe('condemned');
    // In the reader's flow, not over the network (the search box's dropdown class once moved it).
    const list = (await p.locator('.machine-suggestions').boundingBox())!;
    const reader = (await p.locator('.reader').boundingBox())!;
    const stage = (await p.locator('#sigma').boundingBox())!;
    expect(list.x).toBeGreaterThanOrEqual(reader.x);
    expect(list.x + list.width).toBeLessThanOrEqual(reader.x + reader.width + 0.5);
    expect(list.x + list.width).toBeLessThanOrEqual(stage.x + 0.5);

    // A file changed on disk under the list: nothing saved, and the reader says why.
    const changed = `${readFileSync(articleFile(), 'utf8')}# edited elsewhere, under the list\n`;
    writeFileSync(articleFile(), changed);
    await accept.click();
    await p
      .locator('.suggestions-section .form-status', {
        hasText: 'Not saved: the reader says why, with a button to reload the article.',
      })
      .waitFor();
    await p.locator('.reader-message', { hasText: 'changed on disk' }).waitFor();
    expect(readFileSync(articleFile(), 'utf8')).toBe(changed);
    expect(await accept.isEnabled()).toBe(true);
    await p.getByRole('button', { name: 'Reload the article' }).click();
    await p.locator('.reader-message').waitFor({ state: 'hidden' });

    const before = await graphVersion(p);
    // A double click sends one change (a second would be refused as a conflict).
    const changes: string[] = [];
    const count = (request: Request) => {
      if (request.method() === 'POST' && request.url().endsWith('/change'))
        changes.push(request.url());
    };
    p.on('request', count);
    await accept.dblclick();
    await p.waitForFunction((v) => document.body.getAttribute('data-graph-version') !== v, before);
    await p
      .getByRole('button', { name: 'Accept: Iran opposes Russia' })
      .waitFor({ state: 'detached' });
    p.off('request', count);
    expect(changes).toHaveLength(1);
    const saved = readFileSync(articleFile(), 'utf8');
    expect(saved.split('quote: Iran condemned Russia over the new fishing quotas.')).toHaveLength(
      2,
    );
    const articles = await p.evaluate(
      (id) =>
        window
          .app!.explorer.graph.getEdgeAttributes('opposes:iran:russia')
          .evidence.filter((e) => e.article === id).length,
      articleId,
    );
    expect(articles).toBe(1);

    const dismiss = p.getByRole('button', {
      name: /^Dismiss: Atlantic Fisheries Council cooperates with Iran/,
    });
    await dismiss.click();
    await dismiss.waitFor({ state: 'detached' });
    expect(readFileSync(articleFile(), 'utf8')).toMatch(/dismissedSuggestions:/);
    // After a reload it stays away.
    await p.reload();
    await p.waitForSelector('body[data-workbench="ready"]');
    await openArticle(p);
    await p.locator('.suggestions-section summary').click();
    await p.locator('.suggestions-section .form-status', { hasText: /dismissed/ }).waitFor();
    expect(
      await p
        .getByRole('button', { name: /^Dismiss: Atlantic Fisheries Council cooperates with Iran/ })
        .count(),
    ).toBe(0);
  });

  it('leaves data that the build takes, with the comments of the files intact', async () => {
    const read = await readDataDir(data);
    const result = buildGraph(read.files, { layout: false });
    expect(result.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const actors = readFileSync(join(data, 'actors.yaml'), 'utf8');
    const original = readFileSync(join(ROOT, 'graph-data', 'actors.yaml'), 'utf8');
    expect(actors.startsWith(original)).toBe(true);
    expect(actors.slice(original.length)).toMatch(/^ {2}- id: atlantic-fisheries-council\n/);
  });

  it('is not there on the static site', async () => {
    const p = page();
    await openExplorer(p, `${inject('baseUrl')}/seed/`);
    expect(await p.locator('meta[name="annotate-api"]').count()).toBe(0);
    expect(await p.getByRole('button', { name: 'Add article' }).count()).toBe(0);
    expect(await p.locator('#workbench').innerHTML()).toBe('');
  });

  it('takes a save in as a diff: graph.json is not fetched again', async () => {
    const p = page();
    await openWorkbench(p);
    const fetched = graphRequests(p);
    await openArticle(p);
    await selectInReader(p, 'The council did not cooperate with Iran');
    await chooseActor(p, 'source', 'Atlantic', 'Atlantic Fisheries Council');
    await chooseActor(p, 'target', 'Iran', 'Iran');
    await p.locator('.relation-form select[name="modality"]').selectOption('negated');
    await saveAndWait(p);
    expect(fetched).toEqual([]);
    const key = (await edgeOf(p, 'cooperates-with:atlantic-fisheries-council:iran'))
      ? 'cooperates-with:atlantic-fisheries-council:iran'
      : 'cooperates-with:iran:atlantic-fisheries-council';
    expect(await edgeOf(p, key)).toEqual(['negated']);
    // Drawn: sigma has it.
    expect(
      await p.evaluate((k) => window.app!.sigma.getEdgeDisplayData(k) !== undefined, key),
    ).toBe(true);
    await expectShownIsServed(p);

    // Undo too.
    await saveAndWait(p, /^Undo: /);
    expect(fetched).toEqual([]);
    expect(await edgeOf(p, key)).toBeNull();
    await expectShownIsServed(p);
  });

  it('fetches the whole graph when another tab saved in between, and shows both changes', async () => {
    const p = page();
    await openWorkbench(p);
    const fetched = graphRequests(p);
    // Another tab saves: the server's graph moves on from the one this page shows.
    const other = await p.context().browser()!.newPage();
    try {
      await openWorkbench(other);
      // Another article than this page's: this page's save is not a conflict.
      const problems = await addRelation(other, 'rudaw-2016-us-proposal-against-nusra', {
        source: 'russia',
        type: 'opposes',
        target: 'nusra-front',
        modality: 'reported',
        quote: OTHER_QUOTE,
      });
      expect(problems).toBeNull();
    } finally {
      await other.close();
    }
    // This page's save: the answer's diff is from the other tab's version, not this page's.
    const problems = await addRelation(p, articleId, {
      source: 'iran',
      type: 'opposes',
      target: 'russia',
      quote: 'Iran condemned Russia',
    });
    expect(problems).toBeNull();
    expect(fetched).toHaveLength(1);
    expect(fetched[0]).toMatch(/\/graph\.json\?v=\d+$/);
    expect(await quotesOf(p, 'opposes:russia:nusra-front')).toContain(OTHER_QUOTE);
    expect(await quotesOf(p, 'opposes:iran:russia')).toContain('Iran condemned Russia');
    await expectShownIsServed(p);
    // The page knows the version it shows again: the next save is a diff.
    await p.evaluate(() => window.app!.annotate!.undo());
    expect(fetched).toHaveLength(1);
    await expectShownIsServed(p);
  });

  it('keeps the texts file it fetched across a save that changed no text', async () => {
    const p = page();
    await openWorkbench(p);
    const texts: string[] = [];
    p.on('request', (request) => {
      if (/\/articles\.[0-9a-f]+\.json$/.test(new URL(request.url()).pathname))
        texts.push(request.url());
    });
    const showStatements = async () => {
      await p.evaluate(() => window.app!.explorer.clearSelection());
      await p.evaluate(() =>
        window.app!.explorer.selectEdge('cooperates-with:russia:united-states'),
      );
      await p.locator('.statements .statement').first().waitFor();
    };
    await showStatements();
    await expect.poll(() => texts.length).toBe(1);
    // A relation saved and undone: the texts are the same, and so is their file.
    const problems = await addRelation(p, articleId, {
      source: 'iran',
      type: 'cooperates-with',
      target: 'russia',
      modality: 'negated',
      quote: 'Iran condemned Russia',
    });
    expect(problems).toBeNull();
    await p.evaluate(() => window.app!.annotate!.undo());
    await showStatements();
    // The quotes show in their context again, from what was fetched before.
    await expect
      .poll(() => p.locator('.statements .quote').first().textContent())
      .not.toBe(await p.locator('.statements .quote mark').first().textContent());
    expect(texts).toHaveLength(1);
  });

  it('fetches the whole graph when the diff does not fit, and says why in the console', async () => {
    const p = page();
    const warnings: string[] = [];
    p.on('console', (message) => {
      if (message.type() === 'warning') warnings.push(message.text());
    });
    await openWorkbench(p);
    const fetched = graphRequests(p);
    // The answer to the undo, spoilt: a changed actor the graph does not have.
    await p.route('**/api/annotate/undo', async (route) => {
      const response = await route.fetch();
      const json = (await response.json()) as { graphDiff?: { nodes: { changed: unknown[] } } };
      json.graphDiff?.nodes.changed.push({ key: 'nobody', attributes: {} });
      await route.fulfill({ response, json });
    });
    await p.evaluate(() => window.app!.annotate!.undo());
    expect(warnings.join('\n')).toMatch(
      /cannot be taken in: nodes\.changed\[\d+\] \("nobody"\): not an actor of the graph shown.*The whole graph is fetched instead/,
    );
    expect(fetched).toHaveLength(1);
    // The other tab's relation, undone, is gone; the graph is the server's.
    expect(await quotesOf(p, 'opposes:russia:nusra-front')).not.toContain(OTHER_QUOTE);
    await expectShownIsServed(p);
  });

  it('takes in an article another program drops into the folder when the window comes back', async () => {
    const p = page();
    await openWorkbench(p);
    const fetched = graphRequests(p);
    const id = 'dropped-2024-03-01-osce-offer';
    const quote = 'Australia proposed a ceasefire monitoring mission to the OSCE';
    const files = articlePaths(id);
    /** The relations of the page's graph that quote the dropped article. */
    const dropped = () =>
      p.evaluate(
        (q) =>
          window.app!.explorer.graph.filterEdges((_e, a) => a.evidence.some((x) => x.quote === q)),
        quote,
      );
    expect(await dropped()).toEqual([]);
    const before = Number(await graphVersion(p));
    try {
      // A user drops a pair of files into articles/ while the page is open.
      writeFileSync(files[0], `OSCE offer\n\n${quote} on Friday.\n`);
      writeFileSync(
        files[1],
        `title: OSCE offer\noutlet: Dropped News\npublished:\n  date: 2024-03-01\n  basis: stated\n  how: The dateline.\nrelations:\n  - source: australia\n    type: proposes-to\n    target: osce\n    quote: ${quote}\n`,
      );
      // The window comes back: the page asks, the server looks at the folder.
      await p.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));
      await p.locator(`[data-article="${id}"]`).waitFor({ state: 'attached' });
      await expect.poll(dropped).toEqual(['proposes-to:australia:osce']);
      expect(Number(await graphVersion(p))).toBeGreaterThan(before);
      // Taken in as a diff, as after a save: graph.json was not fetched again.
      expect(fetched).toEqual([]);
      await expectShownIsServed(p);
      // Undo does not take it back: it is not the page's change.
      const undo = await p.evaluate(() =>
        document
          .querySelector<HTMLButtonElement>('.workbench .form-actions button:not(.primary)')!
          .getAttribute('aria-label'),
      );
      expect(undo ?? '').not.toContain(id);
    } finally {
      for (const file of files) rmSync(file, { force: true });
    }
    // Removed again (a git pull): opening the Articles list looks, and it is gone.
    await p.locator('.article-details summary').click();
    await p.locator(`[data-article="${id}"]`).waitFor({ state: 'detached' });
    await expect.poll(dropped).toEqual([]);
    await expectShownIsServed(p);
  });

  it('notices a text changed on disk under the reader: says so on a look, refuses a save on it', async () => {
    const p = page();
    /** The page's requests to the API, with the workbench's header as sent. */
    const calls: { path: string; header: string | undefined }[] = [];
    p.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/api/annotate/')) {
        calls.push({ path, header: request.headers()[ANNOTATE_HEADER.toLowerCase()] });
      }
    });
    await openWorkbench(p);
    const id = 'dropped-2024-03-02-osce-reply';
    const quote = 'Australia proposed a ceasefire monitoring mission to the OSCE';
    const [text, yaml] = articlePaths(id);
    const reader = p.locator('.reader-text');
    try {
      writeFileSync(text, `OSCE reply\n\n${quote} on Friday.\n\nThe OSCE did not answer.\n`);
      writeFileSync(
        yaml,
        `title: OSCE reply\noutlet: Dropped News\nrelations:\n  - source: australia\n    type: proposes-to\n    target: osce\n    quote: ${quote}\n`,
      );
      // Opening the list looks: the article is there, and opens in the reader.
      await p.locator('.article-details summary').click();
      await p.locator(`[data-article="${id}"]`).click();
      await p.locator('#reader-title', { hasText: 'OSCE reply' }).waitFor();

      // Another program changes the text alone; the window comes back.
      writeFileSync(
        text,
        `OSCE reply\n\n${quote} on Friday.\n\nThe OSCE said it would answer on Monday.\n`,
      );
      const yamlBefore = readFileSync(yaml, 'utf8');
      await focus(p);
      const message = p.locator('.reader-message');
      await message.filter({ hasText: `articles/${id}.txt changed on disk` }).waitFor();
      // Not replaced under the user's hands: the old text stays until reloaded.
      expect(await reader.textContent()).toContain('The OSCE did not answer.');
      await p.getByRole('button', { name: 'Reload the article' }).click();
      await message.waitFor({ state: 'hidden' });
      expect(await reader.textContent()).toContain('said it would answer on Monday');

      // Changed again, and no look since: a relation saved on the text shown is refused.
      writeFileSync(
        text,
        `OSCE reply\n\n${quote} on Friday.\n\nThe OSCE said it would answer on Tuesday.\n`,
      );
      await selectInReader(p, 'The OSCE said it would answer on Monday');
      await chooseActor(p, 'source', 'OSCE', 'OSCE');
      await chooseActor(p, 'target', 'Austral', 'Australia');
      await p.getByRole('button', { name: 'Save relation' }).click();
      await message.filter({ hasText: `articles/${id}.txt changed on disk` }).waitFor();
      expect(readFileSync(yaml, 'utf8')).toBe(yamlBefore);
      await p.getByRole('button', { name: 'Reload the article' }).click();
      await message.waitFor({ state: 'hidden' });
      expect(await reader.textContent()).toContain('answer on Tuesday');
    } finally {
      for (const file of [text, yaml]) rmSync(file, { force: true });
    }
    // Every request of the page to the API but graph.json and the texts carried the header.
    const asked = calls.filter((c) => !/\/(graph|articles\.[0-9a-f]+)\.json$/.test(c.path));
    expect(asked.length).toBeGreaterThan(3);
    expect(asked.filter((c) => c.header !== '1')).toEqual([]);
  });

  it('lists articles with no relations come or gone on disk, and says so, though the network stays', async () => {
    const p = page();
    await openWorkbench(p);
    const status = p.locator('.workbench .workbench-status');
    const problems = p.locator('.workbench .workbench-problems');
    // No relations list at all (the build refuses it), and an empty one (which builds).
    const [bareText, bareYaml] = articlePaths('dropped-bare');
    const [emptyText, emptyYaml] = articlePaths('dropped-empty');
    const before = await graphVersion(p);
    try {
      writeFileSync(bareText, 'Nothing to annotate.\n');
      writeFileSync(bareYaml, 'title: Bare drop\noutlet: Dropped News\n');
      writeFileSync(emptyText, 'Nothing here either.\n');
      writeFileSync(emptyYaml, 'title: Empty drop\noutlet: Dropped News\nrelations: []\n');
      await focus(p);
      await status.filter({ hasText: '2 articles added' }).waitFor();
      expect(await status.textContent()).toBe(
        'The data folder changed on disk (2 articles added: “Bare drop”, “Empty drop”): taken in; the network stays as it last built until articles/dropped-bare.yaml builds.',
      );
      for (const id of ['dropped-bare', 'dropped-empty']) {
        await p.locator(`[data-article="${id}"]`).waitFor({ state: 'attached' });
      }
      expect(await problems.textContent()).toContain('articles/dropped-bare.yaml');
      // The network is as it was: the bare one does not build.
      expect(await graphVersion(p)).toBe(before);

      // One removed while the other still does not build: gone, said, the network the same.
      rmSync(emptyText);
      rmSync(emptyYaml);
      await focus(p);
      await status.filter({ hasText: '1 article removed: “Empty drop”' }).waitFor();
      await p.locator('[data-article="dropped-empty"]').waitFor({ state: 'detached' });
      expect(await graphVersion(p)).toBe(before);
    } finally {
      for (const file of [bareText, bareYaml, emptyText, emptyYaml]) {
        rmSync(file, { force: true });
      }
    }
    // The other removed: opening the list looks; the data builds again.
    await p.locator('.article-details summary').click();
    await status.filter({ hasText: '1 article removed: “Bare drop”' }).waitFor();
    await p.locator('[data-article="dropped-bare"]').waitFor({ state: 'detached' });
    expect(await problems.isHidden()).toBe(true);
    expect(Number(await graphVersion(p))).toBeGreaterThan(Number(before));
    await expectShownIsServed(p);
  });

  it("tells the reader its text changed on disk when another tab took the change in first, offers a reload when the text is gone, and reads no closed reader's article", async () => {
    const p = page();
    await openWorkbench(p);
    const id = 'washington-post-2014-10-kerry-lavrov-paris';
    const text = join(data, 'articles', `${id}.txt`);
    const original = readFileSync(text, 'utf8');
    const [unbuiltText, unbuiltYaml] = articlePaths('dropped-unbuilt');
    const message = p.locator('.reader-message');
    const reader = p.locator('.reader-text');
    /** Another tab's look (or curl's): the server takes in what changed on disk. */
    const otherTabLooks = async () => {
      const answer = await p.request.get(`${base}api/annotate/state`, {
        headers: { [ANNOTATE_HEADER]: '1' },
      });
      expect(answer.status()).toBe(200);
      return (await answer.json()) as { graphVersion: number; unchanged?: boolean };
    };
    try {
      // An article without a relations list: it fails the schema, so the graph version stays
      // put whatever else changes on disk.
      writeFileSync(unbuiltText, 'Nothing to annotate.\n');
      writeFileSync(unbuiltYaml, 'title: Unbuilt drop\noutlet: Dropped News\n');
      await p.locator('.article-details summary').click();
      await p.locator('[data-article="dropped-unbuilt"]').waitFor({ state: 'attached' });
      await p.locator(`[data-article="${id}"]`).click();
      await p.locator('#reader-title', { hasText: 'Russia to help fight Islamists' }).waitFor();
      const shown = await graphVersion(p);

      // The text changes; another tab looks first: the state this page gets next is the one
      // it has (unchanged, the same graph), and the reader says so all the same.
      writeFileSync(text, `${original}A line another program added.\n`);
      const taken = await otherTabLooks();
      expect(String(taken.graphVersion)).toBe(shown);
      expect((await otherTabLooks()).unchanged).toBe(true);
      await focus(p);
      await message.filter({ hasText: `articles/${id}.txt changed on disk` }).waitFor();
      expect(await reader.textContent()).not.toContain('A line another program added.');
      // Looks again before a reload find the same: the message is left as it is, its button
      // (marked here) kept, with the focus on it.
      const reload = p.getByRole('button', { name: 'Reload the article' });
      await reload.evaluate((button) => button.setAttribute('data-kept', ''));
      await reload.focus();
      const looks: string[] = [];
      p.on('request', (request) => {
        if (isState(request.url())) looks.push('');
      });
      // A look waits for the one before: two asked, the first is over.
      await expect
        .poll(
          async () => {
            await focus(p);
            return looks.length;
          },
          { timeout: 10_000 },
        )
        .toBeGreaterThanOrEqual(2);
      expect(await p.evaluate(() => document.activeElement?.hasAttribute('data-kept'))).toBe(true);
      await reload.click();
      await message.waitFor({ state: 'hidden' });
      expect(await reader.textContent()).toContain('A line another program added.');

      // The text removed (the YAML still there): said, with the reload the article still has.
      rmSync(text);
      await focus(p);
      await message.filter({ hasText: `articles/${id}.txt is no longer on disk` }).waitFor();
      expect(await reader.textContent()).toContain('A line another program added.');
      await p.getByRole('button', { name: 'Reload the article' }).click();
      await message.waitFor({ state: 'hidden' });
      await p.locator('#reader-title', { hasText: 'Russia to help fight Islamists' }).waitFor();
      writeFileSync(text, original);

      // The reader closed: a look that takes in a change does not read its article again.
      await p.getByRole('button', { name: 'Close the reader' }).click();
      const read: string[] = [];
      p.on('request', (request) => {
        const path = new URL(request.url()).pathname;
        if (path.endsWith('/api/annotate/article')) read.push(request.url());
      });
      rmSync(unbuiltText);
      rmSync(unbuiltYaml);
      await focus(p);
      await p
        .locator('.workbench .workbench-status', { hasText: '1 article removed: “Unbuilt drop”' })
        .waitFor();
      expect(read).toEqual([]);
    } finally {
      writeFileSync(text, original);
      for (const file of [unbuiltText, unbuiltYaml]) rmSync(file, { force: true });
    }
    await expectShownIsServed(p);
  });

  it('looks once when the window comes back (visibilitychange and focus), and redraws no list for an unchanged answer', async () => {
    const p = page();
    await openWorkbench(p);
    const asked: string[] = [];
    const answered: string[] = [];
    p.on('request', (request) => {
      if (isState(request.url())) asked.push(request.method());
    });
    p.on('response', (response) => {
      if (isState(response.url())) answered.push(response.request().method());
    });
    // The list's items as drawn, marked: a redraw makes new ones.
    const items = p.locator('.workbench .article-list > li');
    expect(await items.count()).toBeGreaterThan(1);
    await items.evaluateAll((lis) => lis.forEach((li) => ((li as { kept?: true }).kept = true)));
    // The window comes back: the browser fires both, as separate tasks.
    await p.evaluate(() => {
      document.dispatchEvent(new Event('visibilitychange'));
      setTimeout(() => window.dispatchEvent(new Event('focus')));
    });
    await expect.poll(() => answered.length).toBe(1);
    // Time for a second look, which would be sent as soon as the first is taken in.
    await p.waitForTimeout(500);
    expect(asked).toEqual(['GET']);
    expect(answered).toEqual(['GET']);
    // The folder did not change: the list is the one drawn before.
    expect(
      await items.evaluateAll((lis) => lis.length > 1 && lis.every((li) => 'kept' in li)),
    ).toBe(true);
  });

  it('asks for the state again only once the first state, still on its way when the window came back, is taken in', async () => {
    const p = page();
    const errors: string[] = [];
    p.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    const start = Date.now();
    const events: { what: 'request' | 'response'; at: number }[] = [];
    p.on('request', (request) => {
      if (isState(request.url())) events.push({ what: 'request', at: Date.now() - start });
    });
    p.on('response', (response) => {
      if (isState(response.url())) events.push({ what: 'response', at: Date.now() - start });
    });
    // The first state request held a second at the browser; the others go on at once.
    let held = 0;
    let seen!: () => void;
    const firstSeen = new Promise<void>((resolve) => (seen = resolve));
    await p.route('**/api/annotate/state', async (route) => {
      if (held++ === 0) {
        seen();
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
      await route.continue();
    });
    const opened = openWorkbench(p);
    await firstSeen;
    // The window comes back while the first state is on its way.
    await focus(p);
    await opened;
    await expect.poll(() => events.filter((e) => e.what === 'response').length).toBe(2);
    const [firstAsked, firstAnswered, secondAsked, secondAnswered] = events;
    expect(events.map((e) => e.what)).toEqual(['request', 'response', 'request', 'response']);
    expect(firstAnswered!.at - firstAsked!.at).toBeGreaterThanOrEqual(900);
    expect(secondAsked!.at).toBeGreaterThanOrEqual(firstAnswered!.at);
    expect(secondAnswered!.at).toBeGreaterThanOrEqual(secondAsked!.at);
    // The page ends as it should: ready, its list drawn, nothing said in error.
    expect(await p.getAttribute('body', 'data-workbench')).toBe('ready');
    expect(await p.locator('.workbench .article-list > li').count()).toBeGreaterThan(1);
    expect(await p.locator('#workbench').textContent()).not.toContain('not available');
    await p.unroute('**/api/annotate/state');
    await expectShownIsServed(p);
    expect(errors).toEqual([]);
  });

  it('refuses a write from another origin, and any call without the page header', async () => {
    const p = page();
    const response = await p.request.post(`${base}api/annotate/change`, {
      headers: {
        Origin: 'http://evil.example',
        'Content-Type': 'application/json',
        [ANNOTATE_HEADER]: '1',
      },
      data: { changes: [{ kind: 'delete-relation', article: 'x', index: 0 }], versions: {} },
    });
    expect(response.status()).toBe(403);
    // A request with no Origin and no Sec-Fetch-Site, as an <img src> of another site's page
    // may be: refused without the header, answered with it.
    const bare = await p.request.get(`${base}api/annotate/state`);
    expect(bare.status()).toBe(403);
    expect(((await bare.json()) as { message: string }).message).toContain(ANNOTATE_HEADER);
    const own = await p.request.get(`${base}api/annotate/state`, {
      headers: { [ANNOTATE_HEADER]: '1' },
    });
    expect(own.status()).toBe(200);
  });
});
