/**
 * What the workbench's save answers instead of the whole graph: the diff of two builds
 * (graphDiff), checked against the graph shown (checkGraphDiff) and applied in place
 * (applyGraphDiff); and over HTTP, the diff a change and an undo carry.
 */
import { MultiGraph } from 'graphology';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ChangeResult } from '../../src/core/annotate/api.ts';
import { checkGraphDiff, graphDiff, type GraphDiff } from '../../src/core/annotate/graphDiff.ts';
import { applyGraphDiff, GraphDiffError } from '../../src/core/annotate/mergeGraph.ts';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import {
  commentedDataset,
  change,
  get,
  NEW_RELATION,
  post,
  startAnnotateServer,
  stopAnnotateServer,
} from '../helpers/annotateServer.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

function build(files: Record<string, string>): ActorGraph {
  const result = buildGraph(toDataFiles(files), { layout: false });
  expect(result.graph, JSON.stringify(result.issues)).toBeDefined();
  return result.graph!;
}

/** A graph as plain data, in an order of its own: two graphs are the same if these are equal. */
function contents(graph: ActorGraph) {
  const data = graph.export();
  const byKey = (a: { key: string }, b: { key: string }) => a.key.localeCompare(b.key);
  return {
    attributes: data.attributes,
    nodes: [...data.nodes].sort(byKey),
    edges: data.edges
      .map((e) => ({ ...e, key: e.key ?? '', undirected: e.undirected === true }))
      .sort(byKey),
  };
}

const copy = (graph: ActorGraph): ActorGraph =>
  MultiGraph.from(JSON.parse(JSON.stringify(graph.export()))) as unknown as ActorGraph;

/** The diff as the page receives it: through JSON. */
const wire = (diff: GraphDiff): GraphDiff => JSON.parse(JSON.stringify(diff)) as GraphDiff;

const base = smallDataset();
/** The small dataset with a new actor, a relation naming it, and a second article. */
const grown = (): Record<string, string> => ({
  ...base,
  'actors.yaml': `${base['actors.yaml']}  - id: delta
    label: Delta
    kind: state
`,
  'articles/a1.txt': `${base['articles/a1.txt']}Delta met Alpha.\n`,
  'articles/a1.yaml': `${base['articles/a1.yaml']}  - source: Delta
    type: cooperates-with
    target: alpha
    quote: Delta met Alpha.
`,
  'articles/a3.txt': 'Betaburg criticised Gamma Front again.\n',
  'articles/a3.yaml': `title: Again
published:
  date: '2022'
  basis: stated
  how: The dateline.
relations:
  - source: beta
    type: opposes
    target: Gamma Front
    quote: Betaburg criticised Gamma Front again.
`,
});

describe('graphDiff', () => {
  it('is empty between a graph and its rebuild', () => {
    const diff = graphDiff(build(base), build(base));
    expect(diff).toEqual({
      attributes: { set: {}, removed: [] },
      articles: { set: {}, removed: [] },
      nodes: { added: [], changed: [], removed: [] },
      edges: { added: [], changed: [], removed: [] },
    });
  });

  it('names what was added, what changed and what was removed', () => {
    const a = build(base);
    const b = build(grown());
    b.setAttribute('texts', 'articles.0123456789abcdef.json');
    const diff = graphDiff(a, b);
    expect(diff.nodes.added.map((n) => n.key)).toEqual(['delta']);
    expect(diff.nodes.removed).toEqual([]);
    // Alpha has one more relation, Beta and Gamma Front one more statement; sizes follow the
    // largest number of statements, Alpha's now.
    expect(diff.nodes.changed.map((n) => n.key).sort()).toEqual([
      'alpha',
      'ann-minister',
      'beta',
      'gamma-front',
    ]);
    expect(diff.edges.added.map((e) => e.key)).toEqual([
      expect.stringMatching(/^cooperates-with:(alpha:delta|delta:alpha)$/),
    ]);
    expect(diff.edges.added[0]!.undirected).toBe(true);
    expect(diff.edges.changed.map((e) => e.key)).toEqual(['opposes:beta:gamma-front']);
    expect(diff.edges.changed[0]!.attributes.weight).toBe(2);
    expect(diff.attributes).toEqual({
      set: { texts: 'articles.0123456789abcdef.json' },
      removed: [],
    });
    expect(Object.keys(diff.articles.set)).toEqual(['a1', 'a3']);
    expect(diff.articles.removed).toEqual([]);

    // And back.
    const back = graphDiff(b, a);
    expect(back.nodes.removed).toEqual(['delta']);
    expect(back.edges.removed).toEqual(diff.edges.added.map((e) => e.key));
    expect(back.articles.removed).toEqual(['a3']);
    expect(back.attributes.removed).toEqual(['texts']);
  });

  it('removes and adds a relation whose direction changed', () => {
    const a = build(base);
    const b = copy(a);
    const key = 'opposes:gamma-front:alpha';
    const attr = b.getEdgeAttributes(key);
    b.dropEdge(key);
    b.addUndirectedEdgeWithKey(key, 'gamma-front', 'alpha', attr);
    const diff = graphDiff(a, b);
    expect(diff.edges.removed).toEqual([key]);
    expect(diff.edges.added).toEqual([
      { key, source: 'gamma-front', target: 'alpha', undirected: true, attributes: attr },
    ]);
    expect(diff.edges.changed).toEqual([]);
  });
});

describe('applyGraphDiff', () => {
  it('makes B of A with the diff of A to B: additions, changes, removals, graph attributes', () => {
    const a = build(base);
    const b = build(grown());
    a.setAttribute('texts', 'articles.aaaaaaaaaaaaaaaa.json');
    b.setAttribute('texts', 'articles.bbbbbbbbbbbbbbbb.json');
    const shown = copy(a);
    applyGraphDiff(shown, wire(graphDiff(a, b)));
    expect(contents(shown)).toEqual(contents(b));
    // And back: the actor, its relation and the article go, the attribute returns.
    applyGraphDiff(shown, wire(graphDiff(b, a)));
    expect(contents(shown)).toEqual(contents(a));
  });

  it('takes an attribute away, and a relation whose direction changed', () => {
    const a = build(base);
    a.setAttribute('texts', 'articles.aaaaaaaaaaaaaaaa.json');
    const b = copy(a);
    b.removeAttribute('texts');
    const key = 'opposes:gamma-front:alpha';
    const attr = b.getEdgeAttributes(key);
    b.dropEdge(key);
    b.addUndirectedEdgeWithKey(key, 'alpha', 'gamma-front', { ...attr, weight: 1 });
    const shown = copy(a);
    applyGraphDiff(shown, wire(graphDiff(a, b)));
    expect(contents(shown)).toEqual(contents(b));
    expect(shown.hasAttribute('texts')).toBe(false);
    expect(shown.isUndirected(key)).toBe(true);
  });

  it('keeps the positions shown, adds what the page adds to relations, touches only what changed', () => {
    const a = build(base);
    const b = build(grown());
    b.updateEachNodeAttributes((_n, attr) => ({ ...attr, x: 100, y: 200 }));
    const shown = copy(a);
    shown.updateEachNodeAttributes((node, attr) => ({ ...attr, x: node.length, y: 7 }));
    const events: string[] = [];
    shown.on('nodeAdded', ({ key }) => events.push(`+${key}`));
    shown.on('nodeAttributesUpdated', ({ key }) => events.push(`~${key}`));
    shown.on('edgeAdded', ({ key }) => events.push(`+${key}`));
    shown.on('edgeAttributesUpdated', ({ key }) => events.push(`~${key}`));
    shown.on('edgeDropped', ({ key }) => events.push(`-${key}`));
    const changes = applyGraphDiff(shown, wire(graphDiff(a, b)), {
      edgeAttributes: (attr) => ({ ...attr, baseStroke: 'solid' }),
    });
    expect(events.sort()).toEqual(
      [
        '+delta',
        `+${changes.edgesAdded[0]}`,
        '~alpha',
        '~ann-minister',
        '~beta',
        '~gamma-front',
        '~opposes:beta:gamma-front',
      ].sort(),
    );
    expect(changes).toMatchObject({
      nodesAdded: ['delta'],
      nodesDropped: [],
      edgesDropped: [],
      edgesChanged: ['opposes:beta:gamma-front'],
    });
    // Actors already shown stay where the page has them; a new one where the build put it.
    expect([shown.getNodeAttribute('alpha', 'x'), shown.getNodeAttribute('alpha', 'y')]).toEqual([
      5, 7,
    ]);
    expect(shown.getNodeAttribute('alpha', 'degree')).toBe(b.getNodeAttribute('alpha', 'degree'));
    expect([shown.getNodeAttribute('delta', 'x'), shown.getNodeAttribute('delta', 'y')]).toEqual([
      100, 200,
    ]);
    expect(shown.getEdgeAttribute(changes.edgesAdded[0]!, 'baseStroke')).toBe('solid');
    expect(shown.getEdgeAttribute('opposes:beta:gamma-front', 'baseStroke')).toBe('solid');
  });
});

describe('a diff that does not fit, or is malformed', () => {
  const a = build(base);
  const b = build(grown());
  const good = () => wire(graphDiff(a, b));

  /** The problems applying `diff` to A finds, one a line; A is left as it was. */
  function refused(diff: unknown): string {
    const shown = copy(a);
    const before = contents(shown);
    let error: unknown;
    try {
      applyGraphDiff(shown, diff);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(GraphDiffError);
    expect((error as Error).message).toMatch(/^The network's changes cannot be taken in: /);
    expect(contents(shown)).toEqual(before);
    return (error as GraphDiffError).problems.join('\n');
  }

  it('is refused with a message saying what is wrong, and nothing changes', () => {
    expect(() => applyGraphDiff(copy(a), null)).toThrow(
      "The network's changes cannot be taken in: not a graph diff: null, not an object.",
    );
    expect(refused([])).toBe('not a graph diff: a list, not an object');
    expect(refused({ ...good(), nodes: { added: {}, changed: [], removed: [] } })).toMatch(
      /nodes\.added: not a list \(an object\)/,
    );
    expect(refused({ ...good(), edges: undefined })).toMatch(/edges: not an object \(missing\)/);

    // An added relation's evidence that is not a list, named by its place in the diff.
    const evidence = good();
    (evidence.edges.added[0]!.attributes as unknown as Record<string, unknown>).evidence = 'x';
    expect(refused(evidence)).toMatch(
      /edges\.added\[0\] \(cooperates-with:[a-z:]+\)\.attributes\.evidence: not a list/,
    );
    // A changed actor without a label.
    const label = good();
    delete (label.nodes.changed[0]!.attributes as unknown as Record<string, unknown>).label;
    expect(refused(label)).toMatch(
      /nodes\.changed\[0\] \([a-z-]+\)\.attributes\.label: not a string/,
    );
    // A relation to an actor that is nowhere.
    const end = good();
    end.edges.added[0]!.target = 'nobody';
    expect(refused(end)).toMatch(/target: no actor has the key "nobody"/);
    // Statements from an article the graph does not have.
    const article = good();
    delete article.articles.set.a3;
    expect(refused(article)).toMatch(/"a3" is not among the graph's articles/);
  });

  it('is refused when it is not for the graph shown', () => {
    // Applied twice: the second time, what it adds is there already.
    const shown = copy(a);
    applyGraphDiff(shown, good());
    const after = contents(shown);
    expect(() => applyGraphDiff(shown, good())).toThrow(
      /nodes\.added\[0\] \("delta"\): already an actor of the graph shown/,
    );
    expect(contents(shown)).toEqual(after);
    // What it changes or removes is not there.
    const gone = wire(graphDiff(b, a));
    expect(refused(gone)).toMatch(/nodes\.removed: "delta" is not an actor of the graph shown/);
    const changed = good();
    changed.edges.changed[0]!.key = 'opposes:beta:alpha';
    expect(refused(changed)).toMatch(
      /edges\.changed\[0\] \("opposes:beta:alpha"\): not a relation/,
    );
    const flipped = good();
    flipped.edges.changed[0]!.undirected = true;
    expect(refused(flipped)).toMatch(/its ends or its direction are not the relation's/);
  });

  it('is refused when it would leave a relation without its actor, type or article', () => {
    const noEdges = wire(graphDiff(a, b));
    noEdges.nodes.removed = ['gamma-front'];
    expect(refused(noEdges)).toMatch(
      /nodes\.removed: "gamma-front" is removed but its relation "[a-z:-]+" is not/,
    );
    const article = wire(graphDiff(a, b));
    article.articles.removed = ['a2'];
    expect(refused(article)).toMatch(
      /articles\.removed: the article "a2" of "[a-z:-]+" is gone, and the diff leaves that relation as it is/,
    );
    const types = wire(graphDiff(a, b));
    types.attributes.set.relationTypes = a
      .getAttribute('relationTypes')
      .filter((t) => t.id !== 'proposes-to');
    expect(refused(types)).toMatch(/the relation type "proposes-to" of "[a-z:-]+" is gone/);
    const twice = wire(graphDiff(b, a));
    twice.edges.removed.push(twice.edges.removed[0]!);
    const shown = copy(b);
    expect(() => applyGraphDiff(shown, twice)).toThrow(/edges\.removed: names a key twice/);
  });

  it('finds nothing wrong with a diff of two builds', () => {
    expect(checkGraphDiff(a, good())).toMatchObject({ problems: [], more: false });
    expect(checkGraphDiff(b, wire(graphDiff(b, a))).problems).toEqual([]);
  });
});

describe('the save answers with the diff (over HTTP)', () => {
  afterEach(() => stopAnnotateServer());

  interface GraphFile {
    nodes: unknown[];
  }
  const servedGraph = async (): Promise<ActorGraph> =>
    MultiGraph.from((await get<GraphFile>('graph.json')).body as never) as unknown as ActorGraph;

  it('carries the diff from the version before to the one after, for a change and its undo', async () => {
    await startAnnotateServer(commentedDataset());
    const before = await servedGraph();
    const saved = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
    expect(saved.status, saved.text).toBe(200);
    const result = saved.body as ChangeResult;
    expect(result.graphDiff).toMatchObject({ from: 1, to: 2 });
    expect(result.graphDiff!.edges.added).toHaveLength(1);
    const after = await servedGraph();
    const shown = copy(before);
    applyGraphDiff(shown, result.graphDiff);
    expect(contents(shown)).toEqual(contents(after));

    const undone = await post('undo', {});
    expect(undone.status, undone.text).toBe(200);
    const undo = undone.body as ChangeResult;
    expect(undo.graphDiff).toMatchObject({ from: 2, to: 3 });
    expect(undo.graphDiff!.edges.removed).toEqual(result.graphDiff!.edges.added.map((e) => e.key));
    applyGraphDiff(shown, undo.graphDiff);
    expect(contents(shown)).toEqual(contents(await servedGraph()));
    expect(contents(shown)).toEqual(contents(before));
  });

  it('serialises the diff once: the text weighed against graph.json is the one sent', async () => {
    await startAnnotateServer(commentedDataset());
    // Every value JSON.stringify is given that holds a graph diff: the diff, or an answer with it.
    const holdsDiff = (value: unknown): boolean =>
      typeof value === 'object' &&
      value !== null &&
      (('from' in value && 'edges' in value) || 'graphDiff' in value);
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const saved = await change({ kind: 'add-relation', article: 'a1', relation: NEW_RELATION });
      expect(saved.status, saved.text).toBe(200);
      expect((saved.body as ChangeResult).graphDiff).toMatchObject({ from: 1, to: 2 });
      expect(stringify.mock.calls.filter(([value]) => holdsDiff(value))).toHaveLength(1);
      stringify.mockClear();
      const undone = await post('undo', {});
      expect(undone.status, undone.text).toBe(200);
      expect((undone.body as ChangeResult).graphDiff).toMatchObject({ from: 2, to: 3 });
      expect(stringify.mock.calls.filter(([value]) => holdsDiff(value))).toHaveLength(1);
    } finally {
      stringify.mockRestore();
    }
  });

  it('carries no diff when the graph did not change (a dismissal)', async () => {
    await startAnnotateServer(commentedDataset());
    const answer = await change({
      kind: 'dismiss-suggestion',
      article: 'a1',
      suggestion: {
        source: 'alpha',
        type: 'opposes',
        target: 'beta',
        quote: 'Alpha and Beta agree to share intelligence.',
      },
    });
    expect(answer.status, answer.text).toBe(200);
    const result = answer.body as ChangeResult;
    expect(result.state.graphVersion).toBe(1);
    expect(result.graphDiff).toBeUndefined();
  });
});
