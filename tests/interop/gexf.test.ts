/**
 * The GEXF export against the real tools: the official GEXF 1.3 RELAX NG grammar (xmllint)
 * and NetworkX's reader. Run by `npm run test:interop`. Needs xmllint, Python with networkx 3
 * or later (PYTHON, default python3) and the grammar (GEXF_RNG, default
 * ../shared/gexf-1.3/gexf.rng from the project root); without them the tests fail, saying what
 * is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { edgeCaseGraph, type SerialisedActorGraph } from '../helpers/dataset.ts';
import { ROOT, runScript } from '../helpers/run.ts';
import { buildSeed, buildWithMachineLayer, interopFolder } from '../helpers/interop.ts';

const RNG = resolve(ROOT, process.env.GEXF_RNG ?? '../shared/gexf-1.3/gexf.rng');
const PYTHON = process.env.PYTHON ?? 'python3';

/** What is missing of xmllint, NetworkX and the grammar, or undefined when all are there. */
function missingTools(): string | undefined {
  const missing: string[] = [];
  if (!existsSync(RNG)) {
    missing.push(
      `the GEXF 1.3 RELAX NG grammar is not at ${RNG}; set GEXF_RNG to the official gexf.rng`,
    );
  }
  const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (xmllint.error || xmllint.status !== 0) {
    missing.push('xmllint is not installed (Debian/Ubuntu: apt-get install libxml2-utils)');
  }
  // NetworkX reads GEXF 1.3 from version 3.0 on (Debian 12's python3-networkx is 2.8).
  const python = spawnSync(
    PYTHON,
    [
      '-c',
      'import networkx; from networkx.readwrite.gexf import GEXF; assert "1.3" in GEXF.versions, "networkx " + networkx.__version__ + " does not read GEXF 1.3"',
    ],
    { encoding: 'utf8' },
  );
  if (python.error || python.status !== 0) {
    missing.push(
      `${PYTHON} cannot read GEXF 1.3 with networkx (pip install 'networkx>=3', or set PYTHON to a Python that has it; .ci/run shows how): ${
        python.error?.message ?? python.stderr.trim().split('\n').pop()
      }`,
    );
  }
  return missing.length ? `The interop tests cannot run:\n- ${missing.join('\n- ')}` : undefined;
}

const LISTS = ['aliases', 'articles', 'evidenceArticles', 'evidenceModalities', 'evidenceQuotes'];

// Reads a GEXF with networkx.read_gexf and prints every node and edge with the Python type
// of each attribute; list attributes are also decoded with json.loads, as a user would.
const READ_WITH_NETWORKX = `
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
lists = set(json.loads(sys.argv[2]))
def typed(d):
    out = {k: [type(v).__name__, v] for k, v in d.items()}
    for k in lists & set(d):
        out[k + ':json'] = json.loads(d[k])
    return out
json.dump({
    'class': type(g).__name__,
    'nodes': {n: typed(d) for n, d in g.nodes(data=True)},
    'edges': [[u, v, k, typed(d)] for u, v, k, d in g.edges(keys=True, data=True)],
}, sys.stdout)
`;

type Typed = Record<string, [string, unknown]> & Record<`${string}:json`, unknown>;
interface NetworkxGraph {
  class: string;
  nodes: Record<string, Typed>;
  edges: [string, string, string, Typed][];
}

function readWithNetworkx(file: string): NetworkxGraph {
  const run = spawnSync(PYTHON, ['-c', READ_WITH_NETWORKX, file, JSON.stringify(LISTS)], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`networkx.read_gexf failed on ${file}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as NetworkxGraph;
}

function validate(file: string) {
  const run = spawnSync('xmllint', ['--noout', '--relaxng', RNG, file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** What XML 1.0 keeps of a string, and what a list item becomes (line breaks to a space). */
// eslint-disable-next-line no-control-regex
const xmlClean = (s: string) => s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
const listItem = (s: string) => xmlClean(s.replace(/[\t\n\r]+/g, ' '));

/** Checks NetworkX's reading against the graph.json the GEXF was exported from. */
function expectNetworkxReads(read: NetworkxGraph, graph: SerialisedActorGraph) {
  expect(read.class).toBe('MultiDiGraph');
  expect(Object.keys(read.nodes).sort()).toEqual(graph.nodes.map((n) => n.key).sort());
  for (const { key, attributes: a } of graph.nodes) {
    const n = read.nodes[key]!;
    expect(n.label).toEqual(['str', xmlClean(a.label)]);
    expect(n.kind).toEqual(['str', a.kind]);
    expect(n.degree).toEqual(['int', a.degree]);
    expect(n.evidenceCount).toEqual(['int', a.evidenceCount]);
    for (const [relation, degree] of Object.entries(a.degreeByRelation)) {
      expect(n[`degree_${relation}`]).toEqual(['int', degree]);
    }
    expect(n.aliases![0]).toBe('str'); // NetworkX keeps a liststring as its text...
    expect(n['aliases:json']).toEqual(a.aliases.map(listItem)); // ...which json.loads reads
    expect(n.affiliation).toEqual(a.affiliation === undefined ? undefined : ['str', a.affiliation]);
    const viz = n.viz![1] as { position: { x: number; y: number }; size: number };
    expect([viz.position.x, viz.position.y, viz.size]).toEqual([a.x, a.y, a.size]);
  }

  // Mutual edges appear in NetworkX in both directions, under the same key.
  const expected = graph.edges.flatMap((e) =>
    e.undirected
      ? [`${e.source} ${e.target} ${e.key}`, `${e.target} ${e.source} ${e.key}`]
      : [`${e.source} ${e.target} ${e.key}`],
  );
  expect(read.edges.map(([u, v, k]) => `${u} ${v} ${k}`).sort()).toEqual(expected.sort());
  const byKey = new Map(graph.edges.map((e) => [e.key, e.attributes]));
  for (const [, , key, d] of read.edges) {
    const a = byKey.get(key)!;
    expect(d.relation).toEqual(['str', a.relation]);
    expect(d.label).toEqual(['str', a.label]);
    expect(d.weight).toEqual(['float', a.weight]);
    expect(d.evidenceCount).toEqual(['int', a.evidence.length]);
    expect(d.firstDate).toEqual(a.firstDate === null ? undefined : ['str', a.firstDate]);
    expect(d.lastDate).toEqual(a.lastDate === null ? undefined : ['str', a.lastDate]);
    expect(d['articles:json']).toEqual(a.articles);
    expect(d['evidenceModalities:json']).toEqual(a.evidence.map((e) => e.modality));
    expect(d['evidenceQuotes:json']).toEqual(a.evidence.map((e) => listItem(e.quote)));
  }
}

// Without the tools every test fails (each one, with the reason), none is skipped.
const missing = missingTools();
const folder = interopFolder('gexf', missing);

describe('the seed graph exported as GEXF by npm run export', () => {
  let graph: SerialisedActorGraph;
  let gexf: string;
  beforeAll(() => {
    if (missing) return;
    const seed = buildSeed<SerialisedActorGraph>(folder());
    const graphPath = seed.graphPath;
    graph = seed.graph;
    gexf = join(folder(), 'seed.gexf');
    const run = runScript('export.ts', ['--graph', graphPath, '--format', 'gexf', '--out', gexf]);
    expect(run.status, run.stderr).toBe(0);
  });

  it('is valid against the official GEXF 1.3 RELAX NG grammar', () => {
    const { status, output } = validate(gexf);
    expect(output.trim()).toBe(`${gexf} validates`);
    expect(status).toBe(0);
  });

  it('is read by networkx.read_gexf with every node, edge, relation, label and kind', () => {
    expect(graph.nodes).toHaveLength(34);
    expect(graph.edges).toHaveLength(67);
    expectNetworkxReads(readWithNetworkx(gexf), graph);
  });

  it('stays valid and readable without the quotes and with undirected edges for Gephi', () => {
    const plain = join(folder(), 'plain.gexf');
    const graphPath = join(folder(), 'seed', 'graph.json');
    expect(
      runScript('export.ts', ['--graph', graphPath, '--out', plain, '--no-quotes']).status,
    ).toBe(0);
    expect(validate(plain).status).toBe(0);
    const read = readWithNetworkx(plain);
    expect(read.edges).toHaveLength(67 + graph.edges.filter((e) => e.undirected).length);
    expect(read.edges.every(([, , , d]) => !('evidenceQuotes' in d))).toBe(true);

    const forGephi = join(folder(), 'gephi.gexf');
    const run = runScript('export.ts', [
      '--graph',
      graphPath,
      '--out',
      forGephi,
      '--undirected-edges',
      'undirected',
    ]);
    expect(run.status).toBe(0);
    expect(validate(forGephi).status).toBe(0);
  });
});

describe('a graph of edge cases exported as GEXF by npm run export', () => {
  let graph: SerialisedActorGraph;
  let gexf: string;
  beforeAll(() => {
    if (missing) return;
    const built = edgeCaseGraph({
      aliases: ['Alphaville', 'The "A", Inc.', 'back\\slash [x]', ''],
    });
    const graphPath = join(folder(), 'edge-cases.json');
    writeFileSync(graphPath, JSON.stringify(built.export()));
    graph = built.export() as unknown as SerialisedActorGraph;
    gexf = join(folder(), 'edge-cases.gexf');
    const run = runScript('export.ts', ['--graph', graphPath, '--out', gexf]);
    expect(run.status, run.stderr).toBe(0);
  });

  it('is valid against the official GEXF 1.3 RELAX NG grammar', () => {
    const { status, output } = validate(gexf);
    expect(output.trim()).toBe(`${gexf} validates`);
    expect(status).toBe(0);
  });

  it('is read by networkx.read_gexf with every node, edge and attribute', () => {
    expectNetworkxReads(readWithNetworkx(gexf), graph);
  });
});

describe('a graph with machine-coded evidence exported as GEXF by npm run export --machine-coded', () => {
  let graph: SerialisedActorGraph;
  let graphPath: string;
  let gexf: string;
  beforeAll(() => {
    if (missing) return;
    ({ graph, graphPath } = buildWithMachineLayer<SerialisedActorGraph>(folder()));
    gexf = join(folder(), 'machine.gexf');
    const run = runScript('export.ts', ['--graph', graphPath, '--machine-coded', '--out', gexf]);
    expect(run.status, run.stderr).toBe(0);
  });

  it('is valid against the official GEXF 1.3 RELAX NG grammar', () => {
    const { status, output } = validate(gexf);
    expect(output.trim()).toBe(`${gexf} validates`);
    expect(status).toBe(0);
  });

  it('is read by networkx.read_gexf with the relation only GDELT has and the machine-coded fields, typed', () => {
    const read = readWithNetworkx(gexf);
    expectNetworkxReads(read, graph);
    const machine = graph.edges.filter((e) => e.attributes.machine);
    // The fixture has both: a relation both kinds support, one only GDELT has (no statement).
    expect(machine.map((e) => [e.key, e.attributes.weight])).toEqual([
      ['cooperates-with:alpha:beta', expect.any(Number)],
      ['opposes:alpha:beta', 0],
    ]);
    expect(machine[0]!.attributes.weight).toBeGreaterThan(0);
    for (const [, , key, d] of read.edges) {
      const m = graph.edges.find((e) => e.key === key)!.attributes.machine;
      expect([d.machineCoder, d.machineEvents, d.machineFirstMonth, d.machineLastMonth]).toEqual(
        m
          ? [
              ['str', 'GDELT'],
              ['int', m.events],
              ['str', m.firstMonth],
              ['str', m.lastMonth],
            ]
          : [undefined, undefined, undefined, undefined],
      );
    }
    const only = read.edges.find(([, , key]) => key === 'opposes:alpha:beta')![3];
    expect([only.machineEvents, only.evidenceCount]).toEqual([
      ['int', 4],
      ['int', 0],
    ]);
  });

  it('leaves out the relation only GDELT has, and every machine-coded field, without the option', () => {
    const plain = join(folder(), 'machine-plain.gexf');
    const run = runScript('export.ts', ['--graph', graphPath, '--out', plain]);
    expect(run.status, run.stderr).toBe(0);
    expect(validate(plain).status).toBe(0);
    const read = readWithNetworkx(plain);
    expect(read.edges.map(([, , key]) => key)).not.toContain('opposes:alpha:beta');
    expect(read.edges.length).toBeGreaterThan(0);
    for (const [, , , d] of read.edges)
      expect(Object.keys(d).filter((k) => k.startsWith('machine'))).toEqual([]);
  });
});
