/**
 * The GraphML export against the commonest readers: NetworkX (`read_graphml`) and
 * python-igraph (`Graph.Read_GraphML`, Debian's python3-igraph). Run by `npm run test:interop`;
 * needs a Python with NetworkX (PYTHON, default python3) and one with igraph (IGRAPH_PYTHON,
 * default PYTHON; they may be the same), and fails, saying so, without them.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edgeCaseGraph, type SerialisedActorGraph } from '../helpers/dataset.ts';
import { runScript } from '../helpers/run.ts';
import { buildSeed, buildWithMachineLayer, interopFolder } from '../helpers/interop.ts';

const PYTHON = process.env.PYTHON ?? 'python3';
const IGRAPH_PYTHON = process.env.IGRAPH_PYTHON ?? PYTHON;

const LISTS = ['aliases', 'articles', 'evidenceArticles', 'evidenceModalities', 'evidenceQuotes'];

// Reads a GraphML file with NetworkX or with igraph and prints what the reader made of it:
// every attribute with its Python type, list attributes also decoded with json.loads as a user
// would, and any warning igraph gave. A reader that refuses the file gives {"error": ...}.
const TYPED = `
import json, math, sys, warnings
path, lists = sys.argv[1], set(json.loads(sys.argv[2]))

def typed(d):
    out = {}
    for k, v in d.items():
        if isinstance(v, float) and math.isnan(v):
            v = None  # igraph's missing number; JSON has no NaN
        out[k] = [type(v).__name__, v]
        if k in lists and isinstance(v, str) and v:
            out[k + ':json'] = json.loads(v)
    return out
`;
const READ_NETWORKX = `${TYPED}
import networkx as nx
try:
    g = nx.read_graphml(path)
    out = {
        'class': type(g).__name__,
        'graph': g.graph,
        'nodes': {n: typed(d) for n, d in g.nodes(data=True)},
        'edges': [[u, v, k, typed(d)] for u, v, k, d in g.edges(keys=True, data=True)],
    }
except nx.NetworkXError as error:
    out = {'error': str(error)}
json.dump(out, sys.stdout)
`;
const READ_IGRAPH = `${TYPED}
import igraph as ig
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter('always')
    h = ig.Graph.Read_GraphML(path)
json.dump({
    'directed': h.is_directed(),
    'graph': {k: h[k] for k in h.attributes()},
    'nodes': {v['id']: typed(v.attributes()) for v in h.vs},
    'edges': [[h.vs[e.source]['id'], h.vs[e.target]['id'], e['id'], typed(e.attributes())]
              for e in h.es],
    'warnings': [str(w.message) for w in caught],
}, sys.stdout)
`;

type Typed = Record<string, [string, unknown]> & Record<`${string}:json`, unknown>;
type Edge = [string, string, string, Typed];
interface Read {
  networkx: {
    error?: string;
    class: string;
    graph: Record<string, unknown>;
    nodes: Record<string, Typed>;
    edges: Edge[];
  };
  igraph: {
    directed: boolean;
    graph: Record<string, unknown>;
    nodes: Record<string, Typed>;
    edges: Edge[];
    warnings: string[];
  };
}

function runReader(python: string, script: string, file: string, what: string): unknown {
  const run = spawnSync(python, ['-c', script, file, JSON.stringify(LISTS)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${python} could not read ${file} with ${what}: ${run.error?.message ?? run.stderr}`,
    );
  }
  return JSON.parse(run.stdout);
}

function read(file: string): Read {
  return {
    networkx: runReader(PYTHON, READ_NETWORKX, file, 'networkx') as Read['networkx'],
    igraph: runReader(IGRAPH_PYTHON, READ_IGRAPH, file, 'igraph') as Read['igraph'],
  };
}

/** What XML 1.0 keeps of a string, and what a list item becomes (line breaks to a space). */
// eslint-disable-next-line no-control-regex
const xmlClean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const listItem = (s: string) => xmlClean(s.replace(/[\t\n\r]+/g, ' '));

/** The edges a reader should have: the directed ones, and each undirected one both ways. */
const mutualEdges = (graph: SerialisedActorGraph) =>
  graph.edges
    .flatMap((e) =>
      e.undirected
        ? [`${e.source} ${e.target} ${e.key}`, `${e.target} ${e.source} ${e.key}:reverse`]
        : [`${e.source} ${e.target} ${e.key}`],
    )
    .sort();

/**
 * Checks a reader's nodes and edges against the graph.json the file was exported from.
 * NetworkX keeps the declared types (int, float, str) and leaves missing values out; igraph
 * has one numeric type (float) and gives '' for a missing string and NaN (here null) for a
 * missing number.
 */
function expectReads(
  read: { nodes: Record<string, Typed>; edges: Edge[] },
  graph: SerialisedActorGraph,
  reader: 'networkx' | 'igraph',
) {
  const int = (n: number): [string, number] => [reader === 'igraph' ? 'float' : 'int', n];
  const str = (s: string | null | undefined): [string, string] | undefined =>
    s === null || s === undefined || s === ''
      ? reader === 'igraph'
        ? ['str', '']
        : undefined
      : ['str', xmlClean(s)];
  expect(Object.keys(read.nodes).sort()).toEqual(graph.nodes.map((n) => n.key).sort());
  for (const { key, attributes: a } of graph.nodes) {
    const n = read.nodes[key]!;
    expect(n.label).toEqual(str(a.label));
    expect(n.kind).toEqual(str(a.kind));
    expect(n.affiliation).toEqual(str(a.affiliation));
    expect(n.note).toEqual(str(a.note));
    expect(n.degree).toEqual(int(a.degree));
    expect(n.evidenceCount).toEqual(int(a.evidenceCount));
    for (const [relation, degree] of Object.entries(a.degreeByRelation)) {
      expect(n[`degree_${relation}`]).toEqual(int(degree));
    }
    expect(n['aliases:json']).toEqual(a.aliases.map(listItem));
    expect([n.x, n.y, n.size, n.color]).toEqual([
      ['float', a.x],
      ['float', a.y],
      ['float', a.size],
      ['str', a.color],
    ]);
  }

  expect(read.edges.map(([u, v, k]) => `${u} ${v} ${k}`).sort()).toEqual(mutualEdges(graph));
  const byKey = new Map(graph.edges.map((e) => [e.key, e.attributes]));
  for (const [, , key, d] of read.edges) {
    const a = byKey.get(key.replace(/:reverse$/, ''))!;
    expect(d.relation).toEqual(str(a.relation));
    expect(d.label).toEqual(str(a.label));
    expect(d.weight).toEqual(['float', a.weight]);
    expect(d.evidenceCount).toEqual(int(a.evidence.length));
    expect(d.firstDate).toEqual(str(a.firstDate));
    expect(d.lastDate).toEqual(str(a.lastDate));
    expect(d['articles:json']).toEqual(a.articles);
    expect(d['evidenceArticles:json']).toEqual(a.evidence.map((e) => e.article));
    expect(d['evidenceModalities:json']).toEqual(a.evidence.map((e) => e.modality));
    expect(d['evidenceQuotes:json']).toEqual(a.evidence.map((e) => listItem(e.quote)));
    expect([d.size, d.color]).toEqual([
      ['float', a.size],
      ['str', a.color],
    ]);
  }
}

// Without NetworkX or igraph every test fails (each one, with the reason), none is skipped.
const canImport = (python: string, module: string): string | undefined => {
  const run = spawnSync(python, ['-c', `import ${module}`], { encoding: 'utf8' });
  return run.error || run.status !== 0
    ? (run.error?.message ?? run.stderr.trim().split('\n').pop())
    : undefined;
};
const missing =
  [
    [PYTHON, 'networkx', 'PYTHON', 'pip install networkx'],
    [
      IGRAPH_PYTHON,
      'igraph',
      'IGRAPH_PYTHON',
      'apt-get install python3-igraph, then IGRAPH_PYTHON=/usr/bin/python3',
    ],
  ]
    .map(([python, module, variable, how]) => {
      const why = canImport(python!, module!);
      return why === undefined
        ? undefined
        : `The GraphML interop tests cannot run: ${python} cannot import ${module} (${how}; or set ${variable} to a Python that has it): ${why}`;
    })
    .filter((m) => m !== undefined)
    .join('\n') || undefined;
const folder = interopFolder('graphml', missing);

describe('the seed graph exported as GraphML by npm run export', () => {
  let graph: SerialisedActorGraph;
  let graphPath: string;
  let result: Read;
  beforeAll(() => {
    if (missing) return;
    ({ graphPath, graph } = buildSeed<SerialisedActorGraph>(folder()));
    const file = join(folder(), 'seed.graphml');
    const run = runScript('export.ts', ['--graph', graphPath, '--out', file]);
    expect(run.status, run.stderr).toBe(0);
    result = read(file);
  });

  it('is read by networkx.read_graphml by default, every node, edge and typed attribute', () => {
    expect(graph.nodes.length).toBeGreaterThan(0);
    expect(graph.edges.some((e) => e.undirected)).toBe(true);
    const { networkx } = result;
    expect(networkx.error).toBeUndefined();
    expect(networkx.class).toBe('MultiDiGraph');
    expect(networkx.graph.name).toBe(graph.attributes.name);
    expect(networkx.edges).toHaveLength(
      graph.edges.length + graph.edges.filter((e) => e.undirected).length,
    );
    expectReads(networkx, graph, 'networkx');
  });

  it('is read by python-igraph by default, every node, edge and attribute, without warnings', () => {
    const { igraph } = result;
    expect(igraph.warnings).toEqual([]);
    expect(igraph.directed).toBe(true);
    expect(igraph.graph.name).toBe(graph.attributes.name);
    expectReads(igraph, graph, 'igraph');
  });

  it('marks undirected edges directed="false" with --undirected-edges undirected', () => {
    // Documented in docs/export.md: why this form is an option and not the default.
    const file = join(folder(), 'undirected.graphml');
    const run = runScript('export.ts', [
      '--graph',
      graphPath,
      '--out',
      file,
      '--undirected-edges',
      'undirected',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const undirected = graph.edges.filter((e) => e.undirected);
    expect(readFileSync(file, 'utf8').match(/ directed="false"/g)).toHaveLength(undirected.length);
    const { networkx, igraph } = read(file);
    expect(networkx.error).toBe('directed=false edge found in directed graph.');
    // igraph takes the file but ignores the marker: each such edge goes one way only.
    expect(igraph.directed).toBe(true);
    expect(igraph.edges).toHaveLength(graph.edges.length);
    const cooperates = igraph.edges.find(([, , key]) => key === undirected[0]!.key)!;
    expect(cooperates.slice(0, 2)).toEqual([undirected[0]!.source, undirected[0]!.target]);
  });
});

describe('a graph of edge cases exported as GraphML by npm run export', () => {
  let graph: SerialisedActorGraph;
  let result: Read;
  beforeAll(() => {
    if (missing) return;
    const built = edgeCaseGraph({
      aliases: ['Alphaville', 'The "A", Inc.', 'back\\slash [x]', 'a|b', ''],
      note: '=HYPERLINK("x")',
    });
    const graphPath = join(folder(), 'edge-cases.json');
    writeFileSync(graphPath, JSON.stringify(built.export()));
    graph = built.export() as unknown as SerialisedActorGraph;
    expect(graph.edges.some((e) => e.undirected)).toBe(true);
    const file = join(folder(), 'edge-cases.graphml');
    const run = runScript('export.ts', ['--graph', graphPath, '--out', file]);
    expect(run.status, run.stderr).toBe(0);
    result = read(file);
  });

  it('is read by networkx.read_graphml with every node, edge and attribute', () => {
    expect(result.networkx.error).toBeUndefined();
    expectReads(result.networkx, graph, 'networkx');
  });

  it('is read by python-igraph with every node, edge and attribute', () => {
    expect(result.igraph.warnings).toEqual([]);
    expectReads(result.igraph, graph, 'igraph');
  });
});

describe('a graph with machine-coded evidence exported as GraphML by npm run export --machine-coded', () => {
  let graph: SerialisedActorGraph;
  let graphPath: string;
  let result: Read;
  beforeAll(() => {
    if (missing) return;
    ({ graph, graphPath } = buildWithMachineLayer<SerialisedActorGraph>(folder()));
    const file = join(folder(), 'machine.graphml');
    const run = runScript('export.ts', ['--graph', graphPath, '--machine-coded', '--out', file]);
    expect(run.status, run.stderr).toBe(0);
    result = read(file);
  });

  /** The machine-coded fields of every edge as the reader typed them. */
  const expectMachineFields = (edges: Edge[], reader: 'networkx' | 'igraph') => {
    const int = (n: number) => [reader === 'igraph' ? 'float' : 'int', n];
    const none =
      reader === 'igraph'
        ? [
            ['str', ''],
            // igraph's missing number is NaN, which the reader script gives as None.
            ['NoneType', null],
            ['str', ''],
            ['str', ''],
          ]
        : [];
    for (const [, , key, d] of edges) {
      const m = graph.edges.find((e) => e.key === key.replace(/:reverse$/, ''))!.attributes.machine;
      const fields = [d.machineCoder, d.machineEvents, d.machineFirstMonth, d.machineLastMonth];
      expect(fields.filter((f) => f !== undefined)).toEqual(
        m ? [['str', 'GDELT'], int(m.events), ['str', m.firstMonth], ['str', m.lastMonth]] : none,
      );
    }
    const only = edges.find(([, , key]) => key === 'opposes:alpha:beta')![3];
    expect([only.machineEvents, only.evidenceCount]).toEqual([int(4), int(0)]);
  };

  it('is read by networkx.read_graphml with the relation only GDELT has and the machine-coded fields', () => {
    expect(result.networkx.error).toBeUndefined();
    expect(graph.edges.filter((e) => e.attributes.machine).map((e) => e.key)).toEqual([
      'cooperates-with:alpha:beta',
      'opposes:alpha:beta',
    ]);
    expectReads(result.networkx, graph, 'networkx');
    expectMachineFields(result.networkx.edges, 'networkx');
  });

  it('is read by python-igraph with the same, without warnings', () => {
    expect(result.igraph.warnings).toEqual([]);
    expectReads(result.igraph, graph, 'igraph');
    expectMachineFields(result.igraph.edges, 'igraph');
  });

  it('leaves out the relation only GDELT has, and every machine-coded field, without the option', () => {
    const plain = join(folder(), 'machine-plain.graphml');
    const run = runScript('export.ts', ['--graph', graphPath, '--out', plain]);
    expect(run.status, run.stderr).toBe(0);
    expect(readFileSync(plain, 'utf8')).not.toMatch(/machine/);
    const { networkx } = read(plain);
    expect(networkx.error).toBeUndefined();
    expect(networkx.edges.map(([, , key]) => key)).not.toContain('opposes:alpha:beta');
    expect(networkx.edges.length).toBeGreaterThan(0);
  });
});
