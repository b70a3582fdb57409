import { describe, expect, it } from 'vitest';
import { MultiGraph } from 'graphology';
import { actorIdFor, actorMatcher, withoutTitles } from '../../src/core/annotate/actorChoices.ts';
import type { ActorChoice, WorkbenchState } from '../../src/core/annotate/api.ts';
import { describeLook } from '../../src/app/annotate/lookResult.ts';
import { markRuns } from '../../src/core/annotate/marks.ts';
import { mergeGraph } from '../../src/core/annotate/mergeGraph.ts';
import { Explorer, type Change } from '../../src/core/explore/explorer.ts';
import { EMPTY_VIEW } from '../../src/core/explore/viewState.ts';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

describe('markRuns', () => {
  it('cuts the text at every quote boundary, overlapping quotes sharing a run', () => {
    expect(
      markRuns(20, [
        { index: 0, start: 2, end: 8 },
        { index: 1, start: 5, end: 12 },
        { index: 2, start: 5, end: 12 },
      ]),
    ).toEqual([
      { start: 0, end: 2, relations: [] },
      { start: 2, end: 5, relations: [0] },
      { start: 5, end: 8, relations: [0, 1, 2] },
      { start: 8, end: 12, relations: [1, 2] },
      { start: 12, end: 20, relations: [] },
    ]);
  });

  it('leaves out spans outside the text or empty, and keeps plain text in one run', () => {
    expect(
      markRuns(10, [
        { index: 0, start: 8, end: 30 },
        { index: 1, start: 4, end: 4 },
      ]),
    ).toEqual([{ start: 0, end: 10, relations: [] }]);
    expect(markRuns(0, [])).toEqual([]);
  });
});

const actors: ActorChoice[] = [
  { id: 'john-kerry', label: 'John Kerry', kind: 'person', aliases: ['Kerry'] },
  { id: 'sergey-lavrov', label: 'Sergey Lavrov', kind: 'person', aliases: [] },
  { id: 'russia', label: 'Russia', kind: 'state', aliases: ['Moscow'] },
  { id: 'cote-divoire', label: "Côte d'Ivoire", kind: 'state', aliases: [] },
];

describe('actorMatcher', () => {
  const matcher = actorMatcher(actors);
  it('matches ids, labels and aliases, accent-insensitively', () => {
    expect(matcher.match('moscow')[0]?.id).toBe('russia');
    expect(matcher.match('cote')[0]?.id).toBe('cote-divoire');
    expect(matcher.match('sergey-lavrov')[0]?.id).toBe('sergey-lavrov');
  });
  it('finds a person by title and surname', () => {
    expect(matcher.match('Mr. Lavrov')[0]?.id).toBe('sergey-lavrov');
    expect(matcher.match('Foreign Minister Lavrov')[0]?.id).toBe('sergey-lavrov');
    expect(matcher.match('Secretary of State Kerry')[0]?.id).toBe('john-kerry');
    expect(matcher.match('Lavrov')[0]?.id).toBe('sergey-lavrov');
  });
  it('finds nothing for an unknown name', () => {
    expect(matcher.match('Mr. Nobody')).toEqual([]);
  });
  it('strips titles only at the start', () => {
    expect(withoutTitles('Mr. John Kerry')).toBe('john kerry');
    expect(withoutTitles('President')).toBe('president');
    expect(withoutTitles('Prime Minister Mr. Abe')).toBe('abe');
  });
  it('makes registry ids that are not taken', () => {
    expect(actorIdFor('Julie Bishop', new Set())).toBe('julie-bishop');
    expect(actorIdFor('Côte d’Ivoire', new Set())).toBe('cote-d-ivoire');
    expect(actorIdFor('Russia', new Set(['russia']))).toBe('russia-2');
    expect(actorIdFor('Путин', new Set())).toBe('actor');
    // Letters that do not decompose are spelt plainly, not dropped.
    expect(actorIdFor('Søren Østergaard', new Set())).toBe('soren-ostergaard');
    expect(actorIdFor('Łukasz Straße', new Set())).toBe('lukasz-strasse');
  });
});

function build(files: Record<string, string>): ActorGraph {
  const result = buildGraph(toDataFiles(files), { layout: false });
  expect(result.graph, JSON.stringify(result.issues)).toBeDefined();
  return result.graph!;
}

describe('mergeGraph', () => {
  const base = smallDataset();
  it('adds, drops and updates in place, keeping the shown positions', () => {
    const shown = build(base);
    shown.updateEachNodeAttributes((node, attr) => ({ ...attr, x: node.length, y: 7 }));
    const edgesBefore = shown.edges();
    const yaml = base['articles/a1.yaml']!;
    // A new relation (alpha opposes gamma-front) and a new actor it names.
    const next = build({
      ...base,
      'actors.yaml': `${base['actors.yaml']}  - id: delta
    label: Delta
    kind: state
`,
      'articles/a1.txt': `${base['articles/a1.txt']}Delta met Alpha.\n`,
      'articles/a1.yaml': `${yaml}  - source: Delta
    type: cooperates-with
    target: alpha
    quote: Delta met Alpha.
`,
    });
    const events: string[] = [];
    shown.on('nodeAdded', ({ key }) => events.push(`+${key}`));
    const changes = mergeGraph(shown, next);
    expect(changes.nodesAdded).toEqual(['delta']);
    expect(changes.edgesAdded).toHaveLength(1);
    expect(changes.nodesDropped).toEqual([]);
    expect(events).toEqual(['+delta']);
    expect(shown.getNodeAttribute('alpha', 'x')).toBe(5);
    expect(shown.getNodeAttribute('alpha', 'y')).toBe(7);
    expect(shown.getNodeAttribute('alpha', 'evidenceCount')).toBe(
      next.getNodeAttribute('alpha', 'evidenceCount'),
    );
    expect(shown.size).toBe(edgesBefore.length + 1);
    expect(shown.getAttribute('articles')).toEqual(next.getAttribute('articles'));
    // And back: what the rebuild no longer has goes.
    const back = mergeGraph(shown, build(base));
    expect(back.nodesDropped).toEqual(['delta']);
    expect(back.edgesDropped).toEqual(changes.edgesAdded);
    expect(shown.edges().sort()).toEqual([...edgesBefore].sort());
  });

  it('touches nothing that did not change', () => {
    const shown = build(base);
    const events: string[] = [];
    for (const type of [
      'nodeAttributesUpdated',
      'edgeAttributesUpdated',
      'nodeAdded',
      'edgeAdded',
      'nodeDropped',
      'edgeDropped',
    ] as const)
      shown.on(type, () => events.push(type));
    const changes = mergeGraph(shown, build(base));
    expect(events).toEqual([]);
    expect(changes.edgesChanged).toEqual([]);
  });

  it('takes in a graph with nothing in common', () => {
    const shown = build(base);
    const empty = new MultiGraph({ type: 'mixed' }) as unknown as ActorGraph;
    empty.replaceAttributes(shown.getAttributes());
    const changes = mergeGraph(shown, empty);
    expect(shown.order).toBe(0);
    expect(changes.nodesDropped.length).toBeGreaterThan(0);
  });
});

describe('Explorer.dataChanged', () => {
  it('keeps the view, drops a selection the graph lost, and tells views it is data', () => {
    const files = smallDataset();
    const shown = build(files);
    const e = new Explorer(shown, EMPTY_VIEW);
    const edge = shown.edges()[0]!;
    e.selectEdge(edge);
    const seen: [Change[], string][] = [];
    e.subscribe((_s, changes, origin) => seen.push([[...changes], origin]));
    e.dataChanged();
    expect(e.current.view.edge).toBe(edge);
    expect(seen).toEqual([[['data', 'filters', 'selection'], 'history']]);
    shown.dropEdge(edge);
    e.dataChanged();
    expect(e.current.view.edge).toBeNull();
    expect(e.current.visibility.edges.has(edge)).toBe(false);
  });
});

describe('describeLook', () => {
  const state = (ids: string[], graphVersion = 1, problems = 0): WorkbenchState => ({
    dataDir: 'graph-data',
    articles: ids.map((id) => ({ id, title: `Title ${id}`, relations: 0 })),
    actors: [],
    relationTypes: [],
    versions: {},
    graphVersion,
    undo: null,
    problems: Array.from({ length: problems }, () => ({ message: 'broken' })),
  });

  it('names the articles come and gone, the first three of each by title', () => {
    expect(describeLook(state(['a', 'b']), state(['b', 'c', 'd', 'e', 'f', 'g']), true)).toBe(
      'The data folder changed on disk (5 articles added: “Title c”, “Title d”, “Title e” and 2 more; 1 article removed: “Title a”): taken in.',
    );
    expect(describeLook(state(['a']), state(['a'], 2), true)).toBe(
      'The data folder changed on disk: taken in.',
    );
  });

  it('says so when the graph did not move, and why when files do not build', () => {
    expect(describeLook(state(['a']), state([]), false)).toBe(
      'The data folder changed on disk (1 article removed: “Title a”): taken in.',
    );
    expect(describeLook(state([]), state(['a'], 1, 1), false)).toBe(
      'The data folder changed on disk (1 article added: “Title a”): taken in; the network stays as it last built until the data folder builds.',
    );
    expect(describeLook(state(['a']), state(['a'], 1, 1), false)).toBeNull();
  });

  it('names the first file that does not build, with how many others: the reader shows no list', () => {
    const broken = (...files: string[]): WorkbenchState => ({
      ...state(['a'], 1),
      problems: files.map((file) => ({ message: 'broken', file })),
    });
    const said = (after: WorkbenchState) => describeLook(state([]), after, false);
    expect(said(broken('articles/a.yaml', 'articles/a.yaml'))).toBe(
      'The data folder changed on disk (1 article added: “Title a”): taken in; the network stays as it last built until articles/a.yaml builds.',
    );
    expect(said(broken('articles/a.yaml', 'actors.yaml', 'articles/a.yaml'))).toMatch(
      /until articles\/a\.yaml and 1 other file build\.$/,
    );
    expect(said(broken('articles/a.yaml', 'actors.yaml', 'articles/b.yaml'))).toMatch(
      /until articles\/a\.yaml and 2 other files build\.$/,
    );
  });

  it('shows titles as the article list does: the plain text between typographic quotes, no escapes', () => {
    const titled = (title: string): WorkbenchState => ({
      ...state([]),
      articles: [{ id: 'k', title, relations: 0 }],
    });
    expect(describeLook(state([]), titled('Kerry "warns" Lavrov \\ again'), true)).toBe(
      'The data folder changed on disk (1 article added: “Kerry "warns" Lavrov \\ again”): taken in.',
    );
    // A tab or a line feed (which a YAML value may hold) stays the character, not "\t".
    expect(describeLook(titled('Kerry\twarns\nLavrov'), state([]), true)).toBe(
      'The data folder changed on disk (1 article removed: “Kerry\twarns\nLavrov”): taken in.',
    );
  });
});
