/**
 * The workbench takes in what another program changes in the data folder while it runs (an
 * article dropped into articles/, a git pull, an editor): when the page asks for the state, the
 * folder is looked at, the changed files read, the graph rebuilt and its diff sent. Over real
 * HTTP on a temporary copy of the small dataset.
 */
import { readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type {
  ApiFailure,
  ArticleView,
  ChangeResult,
  StateAnswer,
  WorkbenchState,
} from '../../src/core/annotate/api.ts';
import { MultiGraph } from 'graphology';
import { applyGraphDiff } from '../../src/core/annotate/mergeGraph.ts';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { versionOf, Workbench } from '../../src/node/annotate/workbench.ts';
import { describeLook } from '../../src/app/annotate/lookResult.ts';
import { sameState } from '../../src/app/annotate/sameState.ts';
import {
  change,
  commentedDataset,
  get,
  NEW_RELATION,
  post,
  send,
  startAnnotateServer,
  stopAnnotateServer,
} from '../helpers/annotateServer.ts';

let dir: string;
let workbench: Workbench;

beforeEach(async () => {
  ({ dir, workbench } = await startAnnotateServer(commentedDataset()));
});
afterEach(() => stopAnnotateServer());

const look = async (): Promise<StateAnswer> => {
  const answer = await get<StateAnswer>('state');
  expect(answer.status, answer.text).toBe(200);
  return answer.body;
};

const NEW_TEXT = 'Gamma Front proposed talks to Alphaville at dawn.\nBeta said nothing.\n';
const NEW_YAML = `title: Gamma Front attacks
outlet: The Test Post
published:
  date: 2020-06-02
  basis: stated
  how: The dateline.
relations:
  - source: Gamma Front
    type: proposes-to
    target: alpha
    quote: Gamma Front proposed talks to Alphaville
`;

/** Writes an article pair as another program would. */
const dropArticle = (id: string, yaml = NEW_YAML, text = NEW_TEXT) => {
  writeFileSync(join(dir, `articles/${id}.txt`), text);
  writeFileSync(join(dir, `articles/${id}.yaml`), yaml);
};

const edgesBetween = (a: string, b: string, relation: string) =>
  workbench.graph.filterEdges(
    (_e, attr, s, t) =>
      attr.relation === relation && ((s === a && t === b) || (s === b && t === a)),
  );

/** The graph.json the API serves, as the page has it. */
const servedGraph = async (): Promise<ActorGraph> => {
  const graph: ActorGraph = new MultiGraph();
  graph.import(JSON.parse((await send('GET', 'graph.json')).text) as never);
  return graph;
};

describe('the workbench looks at the data folder when the state is asked for', () => {
  it('takes in an article another program added: listed, its relation in the graph, a diff', async () => {
    const shown = await servedGraph();
    expect(edgesBetween('gamma-front', 'alpha', 'proposes-to')).toHaveLength(0);
    dropArticle('a3');
    const state = await look();
    expect(state.articles.map((a) => a.id)).toContain('a3');
    expect(state.articles.find((a) => a.id === 'a3')).toMatchObject({
      title: 'Gamma Front attacks',
      relations: 1,
    });
    expect(state.graphVersion).toBe(2);
    expect(state.problems).toEqual([]);
    expect(state.versions['articles/a3.yaml']).toBeDefined();
    expect(edgesBetween('gamma-front', 'alpha', 'proposes-to')).toHaveLength(1);
    // The diff takes the page's graph (version 1) to the server's.
    expect(state.graphDiff).toMatchObject({ from: 1, to: 2 });
    applyGraphDiff(shown, state.graphDiff!);
    expect(
      shown.someEdge(
        (_e, attr, s, t) => attr.relation === 'proposes-to' && s === 'gamma-front' && t === 'alpha',
      ),
    ).toBe(true);
    // The build folder has it too, and the article opens.
    const onDisk = readFileSync(join(dir, 'build', 'graph.json'), 'utf8');
    expect(onDisk).toBe((await send('GET', 'graph.json')).text);
    expect((await get('article?id=a3')).status).toBe(200);
  });

  it('changes nothing when nothing changed: no rebuild, the same graphVersion, no diff', async () => {
    const graph = workbench.graph;
    const first = await look();
    const second = await look();
    expect(first.graphVersion).toBe(1);
    expect(second.graphVersion).toBe(1);
    expect(second.graphDiff).toBeUndefined();
    expect(workbench.graph).toBe(graph);
    // Said so, for the page to skip redrawing (sameState); a change on disk is not unchanged.
    expect(second.unchanged).toBe(true);
    expect(sameState(first, second)).toBe(true);
    dropArticle('a3');
    const third = await look();
    expect(third.unchanged).toBe(false);
    expect(sameState(second, third)).toBe(false);
    rmSync(join(dir, 'articles/a3.yaml'));
    rmSync(join(dir, 'articles/a3.txt'));
    const fourth = await look();
    expect(fourth.graphVersion).toBe(3);
    // Unchanged on disk, but the page shows an older state (another tab saved): redrawn.
    const fifth = await look();
    expect(fifth.unchanged).toBe(true);
    expect(sameState(fourth, fifth)).toBe(true);
    expect(sameState(second, fifth)).toBe(false);
    expect(sameState({ ...fourth, undo: 'Added a relation' }, fifth)).toBe(false);
    expect(
      sameState({ ...fourth, versions: { ...fourth.versions, 'articles/a1.yaml': 'x' } }, fifth),
    ).toBe(false);
    const now = workbench.graph;
    // A file touched (its times changed, not its text) is read and found the same.
    const later = new Date(Date.now() + 5_000);
    utimesSync(join(dir, 'articles/a1.yaml'), later, later);
    expect((await look()).graphVersion).toBe(3);
    expect(workbench.graph).toBe(now);
    // So is a file the workbench wrote itself: its save moved the version, the look does not.
    expect(
      (await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION })).status,
    ).toBe(200);
    const saved = workbench.graph;
    expect((await look()).graphVersion).toBe(4);
    expect(workbench.graph).toBe(saved);
  });

  it('drops an article removed on disk (a git pull), and its relations', async () => {
    expect(edgesBetween('ann-minister', 'beta', 'proposes-to').length).toBeGreaterThan(0);
    rmSync(join(dir, 'articles/a1.yaml'));
    rmSync(join(dir, 'articles/a1.txt'));
    const state = await look();
    expect(state.articles.map((a) => a.id)).not.toContain('a1');
    expect(state.versions['articles/a1.yaml']).toBeUndefined();
    expect(state.graphVersion).toBe(2);
    expect(edgesBetween('ann-minister', 'beta', 'proposes-to')).toHaveLength(0);
    expect((await get('article?id=a1')).status).toBe(404);
  });

  it('takes in a file changed in place (an editor on actors.yaml)', async () => {
    const actors = readFileSync(join(dir, 'actors.yaml'), 'utf8').replace(
      'label: Gamma Front\n    kind: armed-group\n',
      'label: Gamma Liberation Front\n    kind: armed-group\n    aliases: [Gamma Front]\n',
    );
    expect(actors).toContain('Gamma Liberation Front');
    writeFileSync(join(dir, 'actors.yaml'), actors);
    const state = await look();
    expect(state.actors.find((a) => a.id === 'gamma-front')?.label).toBe('Gamma Liberation Front');
    expect(state.graphVersion).toBe(2);
    expect(workbench.graph.getNodeAttribute('gamma-front', 'label')).toBe('Gamma Liberation Front');
  });

  it('reports a broken new YAML by file and line, keeps serving the last good graph, then takes the fix', async () => {
    const served = (await send('GET', 'graph.json')).text;
    dropArticle('a3', `${NEW_YAML}  - source: [broken\n`);
    const state = await look();
    expect(state.graphVersion).toBe(1);
    expect(state.graphDiff).toBeUndefined();
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]).toMatchObject({ file: 'articles/a3.yaml' });
    expect(state.problems[0]!.line).toBeGreaterThan(1);
    expect(state.problems[0]!.message).toMatch(
      /^articles\/a3\.yaml:\d+: .*The network shows the data as it last built/,
    );
    expect((await send('GET', 'graph.json')).text).toBe(served);
    expect(edgesBetween('gamma-front', 'alpha', 'proposes-to')).toHaveLength(0);
    // Asked again, the same: nothing is built again.
    expect((await look()).problems).toEqual(state.problems);
    // A save meanwhile is refused, naming the file; nothing is written.
    const before = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    const refused = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
    expect(refused.status).toBe(422);
    expect((refused.body as ApiFailure).message).toMatch(/articles\/a3\.yaml:\d+/);
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toBe(before);
    // Fixed on disk: taken in, and the problems are gone.
    writeFileSync(join(dir, 'articles/a3.yaml'), NEW_YAML);
    const fixed = await look();
    expect(fixed.problems).toEqual([]);
    expect(fixed.graphVersion).toBe(2);
    expect(fixed.graphDiff).toMatchObject({ from: 1, to: 2 });
    expect(edgesBetween('gamma-front', 'alpha', 'proposes-to')).toHaveLength(1);
  });

  it('reports a new article whose relation names an unknown actor, with its line', async () => {
    dropArticle('a3', NEW_YAML.replace('  - source: Gamma Front\n', '  - source: Nobody Known\n'));
    const state = await look();
    expect(state.graphVersion).toBe(1);
    expect(state.problems[0]).toMatchObject({ file: 'articles/a3.yaml', line: 8 });
    expect(state.problems[0]!.message).toMatch(/unknown actor "Nobody Known"/);
  });

  it('runs in turn with the changes: a look asked during a save sees the saved files', async () => {
    const { versions } = await look();
    dropArticle('a3');
    // Both asked at once: the save first, then the look, one after the other.
    const saving = workbench.apply({
      changes: [{ kind: 'add-relation', article: 'a1', relation: NEW_RELATION }],
      versions,
    });
    const looking = workbench.look();
    const [saved, looked] = await Promise.all([saving, looking]);
    expect(saved.status, JSON.stringify(saved.body)).toBe(200);
    if ('ok' in looked.body) throw new Error(looked.body.message);
    const { state } = looked.body;
    expect(state.graphVersion).toBe(workbench.graphVersion);
    expect(state.articles.find((a) => a.id === 'a1')?.relations).toBe(5);
    expect(state.articles.map((a) => a.id)).toContain('a3');
    expect(edgesBetween('gamma-front', 'alpha', 'proposes-to')).toHaveLength(1);
  });
});

describe('a save on a file memory has another text of', () => {
  it('is made on the text on disk, which the page read: taken in first, then edited', async () => {
    const { versions } = await look();
    const file = join(dir, 'articles/a1.yaml');
    const original = readFileSync(file, 'utf8');
    // Another program edits the file, a look (another tab's) takes it in, and the edit is
    // taken back on disk: memory has the edit, the disk and this page the original.
    writeFileSync(file, `${original}# edited by hand\n`);
    expect((await look()).versions['articles/a1.yaml']).not.toBe(versions['articles/a1.yaml']);
    writeFileSync(file, original);
    // No look in between: the save finds memory's text unlike the disk's.
    const saved = await post('change', {
      changes: [{ kind: 'add-relation', article: 'a1', relation: NEW_RELATION }],
      versions: { 'articles/a1.yaml': versions['articles/a1.yaml'] },
    });
    expect(saved.status, saved.text).toBe(200);
    const now = readFileSync(file, 'utf8');
    expect(now.startsWith(original)).toBe(true);
    expect(now).not.toContain('# edited by hand');
    expect(now).toContain(`quote: ${NEW_RELATION.quote}`);
    expect((saved.body as ChangeResult).state.versions['articles/a1.yaml']).toBe(versionOf(now));
  });
});

describe('undo and what was taken from disk', () => {
  it('undoes only the user’s change: an article taken from disk meanwhile stays', async () => {
    const before = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    expect(
      (await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION })).status,
    ).toBe(200);
    dropArticle('a3');
    const state: WorkbenchState = await look();
    // What undo would take back is still the user's change, not the article from disk.
    expect(state.undo).toBe('Added a relation to articles/a1.yaml');
    const undone = await post<ChangeResult>('undo', {});
    expect(undone.status, undone.text).toBe(200);
    expect(undone.body.state.undo).toBeNull();
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toBe(before);
    expect(readFileSync(join(dir, 'articles/a3.yaml'), 'utf8')).toBe(NEW_YAML);
    expect(undone.body.state.articles.map((a) => a.id)).toContain('a3');
    expect(edgesBetween('gamma-front', 'alpha', 'proposes-to')).toHaveLength(1);
    // Nothing more to undo: the article from disk is not the user's change.
    expect((await post<ApiFailure>('undo', {})).status).toBe(409);
    expect(readFileSync(join(dir, 'articles/a3.yaml'), 'utf8')).toBe(NEW_YAML);
  });

  it('refuses undo while files on disk do not build: the change stays, in the files and the graph', async () => {
    expect(
      (await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION })).status,
    ).toBe(200);
    const saved = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    expect(edgesBetween('ann-minister', 'beta', 'cooperates-with')).toHaveLength(1);
    dropArticle('a3', `${NEW_YAML}  - source: [broken\n`);
    expect((await look()).problems[0]).toMatchObject({ file: 'articles/a3.yaml' });
    const undo = await post<ApiFailure>('undo', {});
    expect(undo.status, undo.text).toBe(422);
    expect(undo.body).toMatchObject({ ok: false, reason: 'refused' });
    expect(undo.body.message).toMatch(/articles\/a3\.yaml:\d+/);
    expect(undo.body.problems?.[0]).toMatchObject({ file: 'articles/a3.yaml' });
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toBe(saved);
    expect(edgesBetween('ann-minister', 'beta', 'cooperates-with')).toHaveLength(1);
    expect((await look()).undo).toBe('Added a relation to articles/a1.yaml');
    // Fixed on disk: undo takes the change back.
    writeFileSync(join(dir, 'articles/a3.yaml'), NEW_YAML);
    expect((await look()).problems).toEqual([]);
    const undone = await post<ChangeResult>('undo', {});
    expect(undone.status, undone.text).toBe(200);
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).not.toContain(NEW_RELATION.quote);
    expect(edgesBetween('ann-minister', 'beta', 'cooperates-with')).toHaveLength(0);
  });

  it("gives an article's text version, which a look moves when the text changes on disk; a change naming the old one is refused (409)", async () => {
    const article = async () => (await get<ArticleView>('article?id=a1')).body;
    const read = await article();
    const text = readFileSync(join(dir, 'articles/a1.txt'), 'utf8');
    expect(read.textVersion).toBe(versionOf(text));
    // Another program changes the text alone (the quotes still in it).
    const edited = `${text}A line added elsewhere.\n`;
    writeFileSync(join(dir, 'articles/a1.txt'), edited);
    const state = await look();
    expect(state.unchanged).toBe(false);
    const now = await article();
    expect(now.version).toBe(read.version);
    expect(now.textVersion).toBe(versionOf(edited));
    expect(now.text).toContain('A line added elsewhere.');
    // A change made on the text as the reader had it: refused, nothing written.
    const yaml = readFileSync(join(dir, 'articles/a1.yaml'), 'utf8');
    const stale = await post<ApiFailure>('change', {
      changes: [{ kind: 'add-relation', article: 'a1', relation: NEW_RELATION }],
      versions: { 'articles/a1.yaml': read.version, 'articles/a1.txt': read.textVersion },
    });
    expect(stale.status, stale.text).toBe(409);
    expect(stale.body).toMatchObject({ reason: 'conflict', file: 'articles/a1.txt' });
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toBe(yaml);
    // Changed again without a look: the save finds it on disk all the same.
    writeFileSync(join(dir, 'articles/a1.txt'), `${edited}Another.\n`);
    const unseen = await post<ApiFailure>('change', {
      changes: [{ kind: 'add-relation', article: 'a1', relation: NEW_RELATION }],
      versions: { 'articles/a1.yaml': now.version, 'articles/a1.txt': now.textVersion },
    });
    expect(unseen.status, unseen.text).toBe(409);
    expect(unseen.body).toMatchObject({ reason: 'conflict', file: 'articles/a1.txt' });
    const fresh = await article();
    expect(fresh.textVersion).toBe(versionOf(`${edited}Another.\n`));
    const saved = await post<ChangeResult>('change', {
      changes: [{ kind: 'add-relation', article: 'a1', relation: NEW_RELATION }],
      versions: { 'articles/a1.yaml': fresh.version, 'articles/a1.txt': fresh.textVersion },
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body.article?.textVersion).toBe(fresh.textVersion);
  });

  it('lists an article added or removed with no relations, and says so whether or not the graph moved', async () => {
    const first = await look();
    // An empty relations list builds: the graph moves (its texts and articles).
    dropArticle('quiet', 'title: Quiet\nrelations: []\n', 'Nothing happened.\n');
    const empty = await look();
    expect(empty.articles.find((a) => a.id === 'quiet')).toMatchObject({ relations: 0 });
    expect(empty.graphVersion).toBe(2);
    expect(describeLook(first, empty, true)).toBe(
      'The data folder changed on disk (1 article added: “Quiet”): taken in.',
    );
    // No relations list at all does not build: listed, the graph kept, a problem named.
    dropArticle('bare', 'title: Bare\n', 'Nothing either.\n');
    const bare = await look();
    expect(bare.articles.map((a) => a.id)).toContain('bare');
    expect(bare.graphVersion).toBe(2);
    expect(bare.problems.map((p) => p.file)).toEqual(['articles/bare.yaml']);
    expect(describeLook(empty, bare, false)).toBe(
      'The data folder changed on disk (1 article added: “Bare”): taken in; the network stays as it last built until articles/bare.yaml builds.',
    );
    // Removed while bare.yaml still does not build: gone from the list, the graph kept.
    rmSync(join(dir, 'articles/quiet.yaml'));
    rmSync(join(dir, 'articles/quiet.txt'));
    const gone = await look();
    expect(gone.articles.map((a) => a.id)).not.toContain('quiet');
    expect(gone.graphVersion).toBe(2);
    expect(describeLook(bare, gone, false)).toMatch(
      /^The data folder changed on disk \(1 article removed: “Quiet”\): taken in; /,
    );
  });

  it('does not write old content over a file changed on disk and taken in: 409, the file kept', async () => {
    expect(
      (await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION })).status,
    ).toBe(200);
    const pulled = `${readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')}# pulled\n`;
    writeFileSync(join(dir, 'articles/a1.yaml'), pulled);
    const state = await look();
    expect(state.graphVersion).toBe(3);
    const undo = await post<ApiFailure>('undo', {});
    expect(undo.status).toBe(409);
    expect(undo.body).toMatchObject({ reason: 'conflict', file: 'articles/a1.yaml' });
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toBe(pulled);
  });

  it('does not write over a file another program saved while the change was checked: 409', async () => {
    const file = join(dir, 'articles/a1.yaml');
    const version = versionOf(readFileSync(file, 'utf8'));
    const edited = `${readFileSync(file, 'utf8')}# an editor's save\n`;
    // An editor saves a1.yaml after the versions were checked, while the change is built.
    const internals = workbench as unknown as { checkWritable: (...a: unknown[]) => unknown };
    const checkWritable = internals.checkWritable.bind(workbench);
    internals.checkWritable = (...args: unknown[]) => {
      writeFileSync(file, edited);
      return checkWritable(...args);
    };
    const answer = await post<ApiFailure>('change', {
      changes: [{ kind: 'add-relation', article: 'a1', relation: NEW_RELATION }],
      versions: { 'articles/a1.yaml': version },
    });
    expect(answer.status, answer.text).toBe(409);
    expect(answer.body).toMatchObject({ reason: 'conflict', file: 'articles/a1.yaml' });
    expect(readFileSync(file, 'utf8')).toBe(edited);
    // Taken into memory, for the page to reload it: its version is the editor's.
    const article = (await get<ArticleView>('article?id=a1')).body;
    expect(article.version).toBe(versionOf(edited));
  });
});

/** A relation commentedDataset's a2 can take. */
const A2_RELATION = {
  source: 'gamma-front',
  type: 'opposes',
  target: 'alpha',
  quote: 'Beta and Alpha signed a pact.',
};

describe('read problems (a file not valid UTF-8) stand until fixed on disk', () => {
  /** An article's YAML with a Latin-1 é in a comment: it parses, its bytes are not UTF-8. */
  const latin1 = (article = 'a1') => {
    const file = join(dir, `articles/${article}.yaml`);
    const bytes = Buffer.concat([
      readFileSync(file),
      Buffer.from('# caf'),
      Buffer.from([0xe9]),
      Buffer.from('\n'),
    ]);
    writeFileSync(file, bytes);
    return bytes;
  };

  it('refuses a save to the file, or to another, naming it; its bytes stay as they were', async () => {
    const old = (await look()).versions;
    const bytes = latin1();
    // Saved before any look: the file is read strictly, and refused (not taken in as U+FFFD).
    const unlooked = await post<ApiFailure>('change', {
      changes: [{ kind: 'add-relation', article: 'a1', relation: NEW_RELATION }],
      versions: old,
    });
    expect(unlooked.status, unlooked.text).toBe(422);
    expect(unlooked.body).toMatchObject({ reason: 'refused' });
    expect(unlooked.body.problems?.[0]).toMatchObject({ file: 'articles/a1.yaml' });
    expect(unlooked.body.message).toMatch(/not valid UTF-8/);
    expect(readFileSync(join(dir, 'articles/a1.yaml')).equals(bytes)).toBe(true);
    const state = await look();
    expect(state.problems).toHaveLength(1);
    expect(state.problems[0]).toMatchObject({ file: 'articles/a1.yaml' });
    expect(state.problems[0]!.message).toMatch(/not valid UTF-8/);
    for (const article of ['a1', 'a2']) {
      const relation = article === 'a1' ? NEW_RELATION : A2_RELATION;
      const refused = await post<ApiFailure>('change', {
        changes: [{ kind: 'add-relation', article, relation }],
        versions: state.versions,
      });
      expect(refused.status, refused.text).toBe(422);
      expect(refused.body).toMatchObject({ ok: false, reason: 'refused' });
      expect(refused.body.message).toMatch(/articles\/a1\.yaml.*UTF-8/);
      // Said as a refusal: nothing is written.
      expect(refused.body.message).toMatch(/nothing is written/);
      expect(readFileSync(join(dir, 'articles/a1.yaml')).equals(bytes)).toBe(true);
      // The problem still stands.
      expect((await look()).problems[0]!.message).toMatch(/not valid UTF-8/);
    }
  });

  it('refuses undo while it stands, and takes the fix in', async () => {
    expect(
      (await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION })).status,
    ).toBe(200);
    const bytes = latin1('a2');
    expect((await look()).problems[0]!.message).toMatch(/not valid UTF-8/);
    const undo = await post<ApiFailure>('undo', {});
    expect(undo.status, undo.text).toBe(422);
    expect(undo.body).toMatchObject({ reason: 'refused' });
    expect(undo.body.message).toMatch(/articles\/a2\.yaml.*UTF-8/);
    expect(readFileSync(join(dir, 'articles/a2.yaml')).equals(bytes)).toBe(true);
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).toContain(NEW_RELATION.quote);
    // Saved as UTF-8: taken in, the problem gone, saves allowed again.
    const fixed = readFileSync(join(dir, 'articles/a2.yaml'), 'latin1');
    writeFileSync(join(dir, 'articles/a2.yaml'), fixed, 'utf8');
    expect((await look()).problems).toEqual([]);
    const undone = await post('undo', {});
    expect(undone.status, undone.text).toBe(200);
    expect(readFileSync(join(dir, 'articles/a1.yaml'), 'utf8')).not.toContain(NEW_RELATION.quote);
    expect(readFileSync(join(dir, 'articles/a2.yaml'), 'utf8')).toBe(fixed);
  });
});
