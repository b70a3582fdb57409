import { describe, expect, it } from 'vitest';
import {
  actorCase,
  cameoMapping,
  renderAggregation,
  resolveCameo,
} from '../../src/core/events/cameo.ts';
import {
  formatLayer,
  machineEvidenceByEdge,
  parseLayer,
  splitCsvLine,
  type LayerRow,
} from '../../src/core/events/layer.ts';
import {
  computeVisibility,
  FILTERS,
  isFiltering,
  NO_FILTERS,
  visibleEvidence,
  type EvidenceKind,
} from '../../src/core/explore/filters.ts';
import {
  EMPTY_VIEW,
  parseViewState,
  serializeViewState,
} from '../../src/core/explore/viewState.ts';
import { filteredGraph } from '../../src/core/explore/filteredGraph.ts';
import { summariseRelations } from '../../src/core/explore/relationsSummary.ts';
import { connectionPaths, pathIndex } from '../../src/core/analysis/paths.ts';
import { checkGraph } from '../../src/core/graph/checkGraph.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { IssueSink } from '../../src/core/pipeline/issues.ts';
import { parseYaml } from '../../src/core/pipeline/load.ts';
import { toDataFiles } from '../helpers/dataset.ts';
import { cameoDataset } from '../helpers/gdelt.ts';

const HEADER =
  'source,relation,target,month,events,mentions,sources,articles,goldstein,tone,url_first,url_last';

function mappingOf(files: Record<string, string>) {
  const sink = new IssueSink();
  const actors = parseYaml({ path: 'data/actors.yaml', text: files['actors.yaml']! }, sink)!;
  const types = parseYaml(
    { path: 'data/relation-types.yaml', text: files['relation-types.yaml']! },
    sink,
  )!;
  return { mapping: cameoMapping(actors, types, sink), issues: sink.issues };
}

describe('the CAMEO mapping', () => {
  it('takes actors.yaml cameo: codes and relation-types.yaml roots', () => {
    const { mapping, issues } = mappingOf(cameoDataset());
    expect(issues).toEqual([]);
    expect([...mapping.actors]).toEqual([
      ['ALP', 'alpha'],
      ['BET', 'beta'],
      ['ALPREB', 'gamma-front'],
    ]);
    expect(mapping.roots.get('04')).toBe('cooperates-with');
    expect(mapping.roots.get('19')).toBe('opposes');
    expect(mapping.roots.has('08')).toBe(false);
    expect([...mapping.undirected]).toEqual(['cooperates-with']);
  });

  it('resolves a code to the longest entry it begins with, and never guesses', () => {
    const { mapping } = mappingOf(cameoDataset());
    expect(resolveCameo('ALP', mapping.actors)).toBe('alpha');
    expect(resolveCameo('ALPGOV', mapping.actors)).toBe('alpha');
    expect(resolveCameo('ALPREB', mapping.actors)).toBe('gamma-front');
    expect(resolveCameo('ALPREBMIL', mapping.actors)).toBe('gamma-front');
    expect(resolveCameo('AL', mapping.actors)).toBeUndefined();
    expect(resolveCameo('XYZALP', mapping.actors)).toBeUndefined();
    // The SQL puts the longer code first, so that it wins there too.
    const sql = actorCase('Actor1Code', mapping.actors);
    expect(sql.indexOf("'ALPREB'")).toBeLessThan(sql.indexOf("'ALP'"));
  });

  it('refuses one code given to two actors, at the line of the second', () => {
    const files = cameoDataset();
    files['actors.yaml'] = files['actors.yaml']!.replace('cameo: [BET]', 'cameo: [BET, ALP]');
    const { issues } = mappingOf(files);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({
      severity: 'error',
      file: 'data/actors.yaml',
      message: 'the CAMEO code ALP is given to both "alpha" and "beta"',
    });
    expect(issues[0]!.line).toBeGreaterThan(1);
  });

  it('fills in the one SQL file per dialect, and refuses an unknown parameter', () => {
    const { mapping } = mappingOf(cameoDataset());
    const template = 'SELECT CAST(x AS {{INT64}}) FROM {{EVENTS}} WHERE {{UNDIRECTED}}';
    expect(renderAggregation(template, { events: 'e', mapping, dialect: 'duckdb' })).toBe(
      "SELECT CAST(x AS BIGINT) FROM e WHERE relation IN ('cooperates-with')",
    );
    expect(renderAggregation(template, { events: 'd', mapping, dialect: 'clickhouse' })).toBe(
      "SELECT CAST(x AS Int64) FROM d WHERE relation IN ('cooperates-with')",
    );
    expect(() =>
      renderAggregation('{{NOPE}}', { events: 'e', mapping, dialect: 'duckdb' }),
    ).toThrow(/unknown parameter \{\{NOPE\}\}/);
  });
});

const row = (over: Partial<LayerRow> = {}): LayerRow => ({
  source: 'alpha',
  relation: 'cooperates-with',
  target: 'beta',
  month: '2015-02',
  events: 2,
  mentions: 14,
  sources: 3,
  articles: 12,
  goldstein: 2,
  tone: 0.5,
  urls: ['http://a.example/1', 'http://a.example/2'],
  ...over,
});

const context = {
  actors: new Set(['alpha', 'beta', 'gamma-front', 'ann-minister']),
  directed: new Map([
    ['cooperates-with', false],
    ['opposes', true],
    ['proposes-to', true],
  ]),
};

describe('the layer file (events/gdelt.csv)', () => {
  it('round-trips, quoting what CSV needs and dropping links that are not http(s)', () => {
    const rows = [
      row(),
      row({
        relation: 'opposes',
        month: '2015-03',
        urls: ['http://x.example/a,"b"', 'javascript:alert(1)'],
      }),
    ];
    const text = formatLayer(rows);
    expect(text.split('\n')[2]).toBe(
      'alpha,opposes,beta,2015-03,2,14,3,12,2,0.5,"http://x.example/a,""b""",',
    );
    const sink = new IssueSink();
    const parsed = parseLayer({ path: 'd/events/gdelt.csv', text }, context, sink);
    expect(sink.issues).toEqual([]);
    expect(parsed).toEqual([rows[0], { ...rows[1], urls: ['http://x.example/a,"b"'] }]);
    expect(splitCsvLine('a,"b')).toBeUndefined();
  });

  it('reports every bad row with its line and leaves it out', () => {
    const text = [
      HEADER,
      'alpha,cooperates-with,beta,2015-02,2,14,3,12,2,0.5,,',
      'alpha,cooperates-with,delta,2015-02,2,14,3,12,2,0.5,,',
      'beta,cooperates-with,alpha,2015-02,2,14,3,12,2,0.5,,',
      'alpha,fights,beta,2015-13,0,x,3,12,20,0.5,ftp://no,',
      'alpha,cooperates-with,beta,2015-02,1,1,1,1,1,1,,',
      'short,row',
    ].join('\n');
    const sink = new IssueSink();
    const parsed = parseLayer({ path: 'd/events/gdelt.csv', text }, context, sink);
    expect(parsed).toHaveLength(1);
    const at = (line: number) => sink.issues.filter((i) => i.line === line).map((i) => i.message);
    expect(at(3)).toEqual(['unknown actor "delta" as target']);
    expect(at(4)).toEqual(['"cooperates-with" is undirected: its two actors must be in id order']);
    expect(at(5)).toEqual([
      'unknown relation type "fights"',
      '"2015-13" is not a month (YYYY-MM)',
      'events: "0" is not a count from 1',
      'mentions: "x" is not a count',
      'goldstein: "20" is not a number from -10 to 10',
      'a sample URL that is not an http or https address',
    ]);
    expect(at(6)).toEqual([
      'a second row for alpha cooperates-with beta in 2015-02 (first at line 2)',
    ]);
    expect(at(7)).toEqual(['expected 12 comma-separated fields, found 2']);
    expect(
      sink.issues.every((i) => i.file === 'd/events/gdelt.csv' && i.severity === 'error'),
    ).toBe(true);
    const notLayer = new IssueSink();
    parseLayer({ path: 'x.csv', text: 'a,b\n' }, context, notLayer);
    expect(notLayer.issues[0]).toMatchObject({
      line: 1,
      message: expect.stringMatching(/^not a machine-coded layer/),
    });
  });

  it('gathers the months of an edge: sums, means weighted by events, first and last month', () => {
    const byEdge = machineEvidenceByEdge([
      row({
        month: '2015-03',
        events: 1,
        mentions: 3,
        sources: 3,
        articles: 3,
        goldstein: 7,
        tone: 1.25,
        urls: ['http://d.example/9'],
      }),
      row(),
    ]);
    expect(byEdge.get('cooperates-with:alpha:beta')).toEqual({
      kind: 'machine-coded',
      coder: 'GDELT',
      events: 3,
      mentions: 17,
      sources: 6,
      articles: 15,
      goldstein: 3.6667,
      tone: 0.75,
      firstMonth: '2015-02',
      lastMonth: '2015-03',
      months: [
        {
          month: '2015-02',
          events: 2,
          mentions: 14,
          sources: 3,
          articles: 12,
          goldstein: 2,
          tone: 0.5,
        },
        {
          month: '2015-03',
          events: 1,
          mentions: 3,
          sources: 3,
          articles: 3,
          goldstein: 7,
          tone: 1.25,
        },
      ],
      urls: ['http://d.example/9', 'http://a.example/1', 'http://a.example/2'],
    });
  });
});

describe('the build with a machine-coded layer', () => {
  const layer = [
    HEADER,
    'alpha,cooperates-with,beta,2015-02,2,14,3,12,2,0.5,http://a.example/1,',
    'alpha,opposes,beta,2015-03,1,1,1,1,-5,-2.5,,',
    '',
  ].join('\n');

  it('puts machine-coded evidence beside the statements, never among them, and leaves the rest as it was', () => {
    const files = toDataFiles(cameoDataset());
    const plain = buildGraph(files, { layout: false });
    const withEvents = buildGraph(
      { ...files, events: { path: 'data/events/gdelt.csv', text: layer } },
      { layout: false },
    );
    expect(withEvents.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const g = withEvents.graph!;
    const p = plain.graph!;
    // An annotated edge keeps its statements and weight, and gains `machine` beside them.
    const coop = g.getEdgeAttributes('cooperates-with:alpha:beta');
    expect(coop.evidence).toEqual(p.getEdgeAttributes('cooperates-with:alpha:beta').evidence);
    expect(coop.weight).toBe(p.getEdgeAttributes('cooperates-with:alpha:beta').weight);
    expect(coop.machine).toMatchObject({ kind: 'machine-coded', coder: 'GDELT', events: 2 });
    // A relation only GDELT has: an edge with no statement.
    const only = g.getEdgeAttributes('opposes:alpha:beta');
    expect(only).toMatchObject({ weight: 0, evidence: [], articles: [], relation: 'opposes' });
    expect(only.machine!.events).toBe(1);
    // The actors' metrics stay those of the annotated graph.
    g.forEachNode((node, attr) => {
      expect(attr).toEqual(p.getNodeAttributes(node));
    });
    expect(withEvents.report!.machine).toEqual({ edges: 2, machineOnly: 1, events: 3 });
    expect(g.size).toBe(p.size + 1);
    // And the page's check accepts it.
    expect(checkGraph(g.export()).problems).toEqual([]);
  });

  it("counts an actor's machine-coded events apart from its statements, only when they are shown", () => {
    const files = toDataFiles(cameoDataset());
    const g = buildGraph(
      { ...files, events: { path: 'data/events/gdelt.csv', text: layer } },
      { layout: false },
    ).graph!;
    const counts = (filters: typeof NO_FILTERS) =>
      summariseRelations(g, 'alpha', computeVisibility(g, filters), filters).flatMap((group) =>
        group.items
          .filter((i) => i.counterpart === 'beta')
          .map((i) => [group.relation.id, i.evidence, i.machineEvents]),
      );
    const statements = g.getEdgeAttribute('cooperates-with:alpha:beta', 'evidence').length;
    // By default machine-coded evidence is hidden: no GDELT-only relation, no event count.
    expect(counts(NO_FILTERS)).toEqual([['cooperates-with', statements, 0]]);
    const shown = { ...NO_FILTERS, evidenceKinds: new Set<EvidenceKind>() };
    expect(counts(shown)).toEqual([
      ['cooperates-with', statements, 2],
      ['opposes', 0, 1],
    ]);
  });

  it('takes no relation that machine-coded events alone support as a step of a path', () => {
    const files = toDataFiles(cameoDataset());
    const g = buildGraph(
      {
        ...files,
        events: {
          path: 'data/events/gdelt.csv',
          text: `${layer}alpha,opposes,ann-minister,2015-03,3,3,3,3,-5,-2.5,,\n`,
        },
      },
      { layout: false },
    ).graph!;
    const shown = { ...NO_FILTERS, evidenceKinds: new Set<EvidenceKind>() };
    const visibility = computeVisibility(g, shown);
    expect(visibility.edges.has('opposes:alpha:ann-minister')).toBe(true);
    const index = pathIndex(g, {
      nodes: visibility.nodes,
      edges: visibility.edges,
      evidenceOf: (attr) => visibleEvidence(attr, shown),
    });
    const found = connectionPaths(index, 'alpha', 'ann-minister');
    expect(found.paths.length).toBeGreaterThan(0);
    // Not the direct step GDELT alone has; each step with its quote.
    expect(found.paths[0]!.actors).toEqual(['alpha', 'beta', 'ann-minister']);
    for (const path of found.paths) {
      expect(path.actors.length).toBeGreaterThan(2);
      for (const step of path.steps) expect(step.statement.evidence.quote).toBeTruthy();
    }
  });

  it('fails on a bad layer, naming the file and line', () => {
    const files = toDataFiles(cameoDataset());
    const result = buildGraph(
      {
        ...files,
        events: {
          path: 'data/events/gdelt.csv',
          text: layer.replace('alpha,opposes', 'omega,opposes'),
        },
      },
      { layout: false },
    );
    expect(result.graph).toBeUndefined();
    expect(result.issues).toContainEqual(
      expect.objectContaining({
        file: 'data/events/gdelt.csv',
        line: 3,
        message: 'unknown actor "omega" as source',
      }),
    );
  });

  it('checkGraph refuses malformed machine-coded evidence and an edge with no evidence at all', () => {
    const files = toDataFiles(cameoDataset());
    const g = buildGraph(
      { ...files, events: { path: 'e.csv', text: layer } },
      { layout: false },
    ).graph!;
    const data = g.export();
    const edge = data.edges!.find((e) => e.key === 'opposes:alpha:beta')!;
    edge.attributes!.machine = {
      ...edge.attributes!.machine!,
      urls: ['javascript:alert(1)'],
      events: -1,
    };
    const problems = checkGraph(data).problems;
    expect(problems.some((p) => p.includes('machine.urls'))).toBe(true);
    expect(problems.some((p) => p.includes('machine.events'))).toBe(true);
    delete edge.attributes!.machine;
    expect(
      checkGraph(data).problems.some((p) =>
        p.includes('empty, and the relation has no machine-coded'),
      ),
    ).toBe(true);
  });
});

describe('the filter "Evidence: annotated / machine-coded"', () => {
  const layer = [
    HEADER,
    'alpha,cooperates-with,beta,2015-02,2,14,3,12,2,0.5,,',
    'alpha,opposes,beta,2015-03,1,1,1,1,-5,-2.5,,',
    '',
  ].join('\n');
  const graph = buildGraph(
    { ...toDataFiles(cameoDataset()), events: { path: 'e.csv', text: layer } },
    { layout: false },
  ).graph!;
  const plain = buildGraph(toDataFiles(cameoDataset()), { layout: false }).graph!;

  it('hides machine-coded evidence by default, so the view is that of the graph without it', () => {
    const v = computeVisibility(graph, NO_FILTERS);
    expect([...v.edges.keys()].sort()).toEqual(
      [...computeVisibility(plain, NO_FILTERS).edges.keys()].sort(),
    );
    expect(v.machineOnly.size).toBe(0);
    expect(isFiltering(NO_FILTERS)).toBe(false);
    expect(serializeViewState({ ...EMPTY_VIEW })).toBe('');
    expect(
      FILTERS.evidenceKinds.control.kind === 'checklist' &&
        FILTERS.evidenceKinds.control.options(plain),
    ).toEqual([]);
  });

  it('shows relations only GDELT supports, apart, once on; hides the statements when asked', () => {
    const both = { ...NO_FILTERS, evidenceKinds: new Set<EvidenceKind>() };
    const v = computeVisibility(graph, both);
    expect(v.edges.get('opposes:alpha:beta')).toBe(0);
    expect([...v.machineOnly]).toEqual(['opposes:alpha:beta']);
    expect(v.edges.size).toBe(graph.size);
    const onlyMachine = { ...NO_FILTERS, evidenceKinds: new Set<EvidenceKind>(['annotated']) };
    const m = computeVisibility(graph, onlyMachine);
    expect([...m.edges.keys()].sort()).toEqual([
      'cooperates-with:alpha:beta',
      'opposes:alpha:beta',
    ]);
    expect([...m.machineOnly].sort()).toEqual(['cooperates-with:alpha:beta', 'opposes:alpha:beta']);
    expect(
      visibleEvidence(graph.getEdgeAttributes('cooperates-with:alpha:beta'), onlyMachine),
    ).toEqual([]);
    // A minimum of statements is about statements: it hides what has none.
    expect(computeVisibility(graph, { ...both, minStatements: 2 }).machineOnly.size).toBe(0);
  });

  it('travels into the page’s exports only while shown', () => {
    const hidden = filteredGraph(graph, NO_FILTERS, computeVisibility(graph, NO_FILTERS));
    expect(hidden.hasEdge('opposes:alpha:beta')).toBe(false);
    expect(hidden.getEdgeAttributes('cooperates-with:alpha:beta').machine).toBeUndefined();
    const both = { ...NO_FILTERS, evidenceKinds: new Set<EvidenceKind>() };
    const shown = filteredGraph(graph, both, computeVisibility(graph, both));
    expect(shown.getEdgeAttributes('opposes:alpha:beta').machine!.events).toBe(1);
    expect(shown.getEdgeAttributes('cooperates-with:alpha:beta').machine!.events).toBe(2);
  });

  it('round-trips through the URL', () => {
    for (const [kinds, query] of [
      [[], '?hide-evidence=none'],
      [['annotated'], '?hide-evidence=annotated'],
      [['annotated', 'machine-coded'], '?hide-evidence=annotated,machine-coded'],
    ] as const) {
      const view = {
        ...EMPTY_VIEW,
        filters: { ...NO_FILTERS, evidenceKinds: new Set<EvidenceKind>(kinds) },
      };
      expect(serializeViewState(view)).toBe(query);
      expect(parseViewState(query)).toEqual(view);
    }
    expect(parseViewState('?hide-evidence=bogus').filters.evidenceKinds).toEqual(new Set());
  });
});
