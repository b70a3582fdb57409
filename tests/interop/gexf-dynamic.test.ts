/**
 * The dynamic GEXF (npm run export -- --dynamic) against the real tools: the official GEXF 1.3
 * RELAX NG grammar with its dynamics module (xmllint) and NetworkX's reader, which keeps each
 * element's spells. Needs what tests/interop/gexf.test.ts needs (xmllint, Python with
 * networkx 3 or later, the grammar at GEXF_RNG, default ../shared/gexf-1.3/gexf.rng); without
 * them every test fails, saying what is missing.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { DateKind } from '../../src/core/time/kinds.ts';
import { evidenceSpells, mergeSpells } from '../../src/core/time/spells.ts';
import { edgeCaseGraph, type SerialisedActorGraph } from '../helpers/dataset.ts';
import { ROOT, runScript } from '../helpers/run.ts';
import { buildSeed, interopFolder } from '../helpers/interop.ts';

const RNG = resolve(ROOT, process.env.GEXF_RNG ?? '../shared/gexf-1.3/gexf.rng');
const PYTHON = process.env.PYTHON ?? 'python3';

function missingTools(): string | undefined {
  const missing: string[] = [];
  if (!existsSync(RNG)) missing.push(`the GEXF 1.3 grammar is not at ${RNG}; set GEXF_RNG`);
  if (!existsSync(join(RNG, '..', 'dynamics.rng'))) {
    missing.push(`the grammar's dynamics module is not beside ${RNG}`);
  }
  const xmllint = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (xmllint.error || xmllint.status !== 0) {
    missing.push('xmllint is not installed (Debian/Ubuntu: apt-get install libxml2-utils)');
  }
  const python = spawnSync(
    PYTHON,
    ['-c', 'from networkx.readwrite.gexf import GEXF; assert "1.3" in GEXF.versions'],
    { encoding: 'utf8' },
  );
  if (python.error || python.status !== 0) {
    missing.push(`${PYTHON} cannot read GEXF 1.3 with networkx (pip install 'networkx>=3')`);
  }
  return missing.length ? `The interop tests cannot run:\n- ${missing.join('\n- ')}` : undefined;
}

// Reads a GEXF with networkx.read_gexf; prints the graph's attributes and every node's and
// edge's spells.
const READ_WITH_NETWORKX = `
import json, sys
import networkx as nx
g = nx.read_gexf(sys.argv[1])
json.dump({
    'class': type(g).__name__,
    'graph': {k: v for k, v in g.graph.items() if isinstance(v, str)},
    'nodes': {n: d.get('spells', []) for n, d in g.nodes(data=True)},
    'edges': [[u, v, k, d.get('spells', []), d.get('firstEventDate')] for u, v, k, d in g.edges(keys=True, data=True)],
}, sys.stdout)
`;

interface NetworkxTime {
  class: string;
  graph: Record<string, string>;
  nodes: Record<string, [string, string][]>;
  edges: [string, string, string, [string, string][], string | null][];
}

function readWithNetworkx(file: string): NetworkxTime {
  const run = spawnSync(PYTHON, ['-c', READ_WITH_NETWORKX, file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.status !== 0) throw new Error(`networkx.read_gexf failed on ${file}:\n${run.stderr}`);
  return JSON.parse(run.stdout) as NetworkxTime;
}

function validate(file: string) {
  const run = spawnSync('xmllint', ['--noout', '--relaxng', RNG, file], { encoding: 'utf8' });
  return { status: run.status, output: `${run.stdout}${run.stderr}` };
}

/** The spells the writer should give each edge and node of a graph.json. */
function expectedSpells(graph: SerialisedActorGraph, kind: DateKind) {
  const edges = new Map(
    graph.edges.map((e) => [
      e.key,
      evidenceSpells(e.attributes.evidence, kind).map((s): [string, string] => [s.start, s.end]),
    ]),
  );
  const nodes = new Map<string, [string, string][]>();
  for (const { key } of graph.nodes) {
    const own = graph.edges.filter((e) => e.source === key || e.target === key);
    const timed = own.length > 0 && own.every((e) => edges.get(e.key)!.length > 0);
    const spells = own.flatMap((e) => edges.get(e.key)!).map(([start, end]) => ({ start, end }));
    nodes.set(key, timed ? mergeSpells(spells).map((s) => [s.start, s.end]) : []);
  }
  return { edges, nodes };
}

function expectNetworkxReadsTime(read: NetworkxTime, graph: SerialisedActorGraph, kind: DateKind) {
  expect(read.class).toBe('MultiDiGraph');
  expect(read.graph.mode).toBe('dynamic');
  const expected = expectedSpells(graph, kind);
  expect(read.nodes).toEqual(Object.fromEntries(expected.nodes));
  // Mutual edges come back in both directions, under the same key.
  const undirected = graph.edges.filter((e) => e.undirected).length;
  expect(read.edges).toHaveLength(graph.edges.length + undirected);
  for (const [, , key, spells] of read.edges) expect(spells).toEqual(expected.edges.get(key));
}

const missing = missingTools();
const folder = interopFolder('time', missing);

describe('the seed graph exported as a dynamic GEXF by npm run export -- --dynamic', () => {
  let graph: SerialisedActorGraph;
  let graphPath: string;
  beforeAll(() => {
    if (missing) return;
    ({ graphPath, graph } = buildSeed<SerialisedActorGraph>(folder()));
  });

  for (const kind of ['statement', 'event'] as const) {
    it(`by ${kind} dates: valid against the GEXF 1.3 grammar with its dynamics, read by NetworkX with every spell`, () => {
      const gexf = join(folder(), `seed-${kind}.gexf`);
      const run = runScript('export.ts', [
        '--graph',
        graphPath,
        '--dynamic',
        '--dates',
        kind,
        '--out',
        gexf,
      ]);
      expect(run.status, run.stderr).toBe(0);
      const { status, output } = validate(gexf);
      expect(output.trim()).toBe(`${gexf} validates`);
      expect(status).toBe(0);
      const read = readWithNetworkx(gexf);
      expectNetworkxReadsTime(read, graph, kind);
      const spells = read.edges.filter(([, , , s]) => s.length > 0);
      expect(spells.length).toBeGreaterThan(0);
      if (kind === 'event') {
        // The ceasefire of February 27 and the May offer, in their months.
        expect(read.graph).toMatchObject({ start: '2016-02-01', end: '2016-05-31' });
        expect(spells.map(([, , key, s]) => [key, s])).toContainEqual([
          'proposes-to:russia:united-states',
          [['2016-05-01', '2016-05-31']],
        ]);
      } else {
        expect(read.graph).toMatchObject({ start: '2014-10-01', end: '2016-12-31' });
      }
    });
  }

  it('stays valid without quotes and with undirected edges for Gephi desktop', () => {
    const gexf = join(folder(), 'seed-gephi.gexf');
    const run = runScript('export.ts', [
      ...['--graph', graphPath, '--dynamic', '--no-quotes'],
      ...['--undirected-edges', 'undirected', '--out', gexf],
    ]);
    expect(run.status, run.stderr).toBe(0);
    expect(validate(gexf).status).toBe(0);
  });

  it('needs whole days: the grammar refuses a spell written with a partial date', () => {
    // Why spells run from the first to the last day of a month (xsd:date), not "2016-05".
    const partial = join(folder(), 'partial.gexf');
    const xml = readFileSync(join(folder(), 'seed-event.gexf'), 'utf8').replace(
      '<spell start="2016-05-01" end="2016-05-31"/>',
      '<spell start="2016-05" end="2016-05"/>',
    );
    expect(xml).toContain('<spell start="2016-05" end="2016-05"/>');
    writeFileSync(partial, xml);
    expect(validate(partial).status).not.toBe(0);
  });
});

describe('a graph of edge cases exported as a dynamic GEXF', () => {
  it('is valid against the grammar and read by NetworkX with every spell', () => {
    const built = edgeCaseGraph({ aliases: ['Alphaville', 'The "A", Inc.'] });
    const graphPath = join(folder(), 'edge-cases.json');
    writeFileSync(graphPath, JSON.stringify(built.export()));
    const gexf = join(folder(), 'edge-cases-time.gexf');
    const run = runScript('export.ts', ['--graph', graphPath, '--dynamic', '--out', gexf]);
    expect(run.status, run.stderr).toBe(0);
    expect(validate(gexf).status).toBe(0);
    const graph = built.export() as unknown as SerialisedActorGraph;
    expectNetworkxReadsTime(readWithNetworkx(gexf), graph, 'statement');
  });
});
