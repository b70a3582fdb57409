/**
 * The GraphML export against NetworkX's reader. Run by `npm run test:interop`; needs Python
 * with networkx (PYTHON, default python3) and fails, saying so, without it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SerialisedActorGraph } from '../helpers/dataset.ts';
import { runScript } from '../helpers/run.ts';

const PYTHON = process.env.PYTHON ?? 'python3';

const READ_WITH_NETWORKX = `
import json, sys
import networkx as nx
try:
    g = nx.read_graphml(sys.argv[1])
except nx.NetworkXError as error:
    json.dump({'error': str(error)}, sys.stdout)
    sys.exit(0)
def typed(d):
    return {k: [type(v).__name__, v] for k, v in d.items()}
json.dump({
    'class': type(g).__name__,
    'graph': g.graph,
    'nodes': {n: typed(d) for n, d in g.nodes(data=True)},
    'edges': [[u, v, k, typed(d)] for u, v, k, d in g.edges(keys=True, data=True)],
    'aliases': {n: json.loads(d['aliases']) for n, d in g.nodes(data=True)},
}, sys.stdout)
`;

interface NetworkxGraph {
  error?: string;
  class: string;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, [string, unknown]>>;
  edges: [string, string, string, Record<string, [string, unknown]>][];
  aliases: Record<string, string[]>;
}

function readWithNetworkx(file: string): NetworkxGraph {
  const run = spawnSync(PYTHON, ['-c', READ_WITH_NETWORKX, file], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${PYTHON} could not read ${file} with networkx (pip install networkx, or set PYTHON): ${
        run.error?.message ?? run.stderr
      }`,
    );
  }
  return JSON.parse(run.stdout) as NetworkxGraph;
}

describe('the seed graph exported as GraphML by npm run export', () => {
  let dir: string;
  let graph: SerialisedActorGraph;
  let graphPath: string;
  // Without NetworkX every test fails (each one, with the reason), none is skipped.
  const python = spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' });
  const missing =
    python.error || python.status !== 0
      ? `The GraphML interop tests cannot run: ${PYTHON} cannot import networkx (pip install networkx, or set PYTHON to a Python that has it).`
      : undefined;
  beforeEach(() => {
    if (missing) throw new Error(missing);
  });
  beforeAll(() => {
    if (missing) return;
    dir = mkdtempSync(join(tmpdir(), 'actor-graph-interop-graphml-'));
    const build = runScript('build-graph.ts', ['--out', join(dir, 'seed'), '--quiet']);
    expect(build.status, build.stderr).toBe(0);
    graphPath = join(dir, 'seed', 'graph.json');
    graph = JSON.parse(readFileSync(graphPath, 'utf8')) as SerialisedActorGraph;
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('is read by networkx.read_graphml with --undirected-edges mutual, every edge typed', () => {
    const file = join(dir, 'seed.graphml');
    const run = runScript('export.ts', [
      '--graph',
      graphPath,
      '--out',
      file,
      '--undirected-edges',
      'mutual',
    ]);
    expect(run.status, run.stderr).toBe(0);
    const read = readWithNetworkx(file);
    expect(read.error).toBeUndefined();
    expect(read.class).toBe('MultiDiGraph');
    expect(read.graph.name).toBe(graph.attributes.name);
    expect(Object.keys(read.nodes).sort()).toEqual(graph.nodes.map((n) => n.key).sort());
    for (const { key, attributes: a } of graph.nodes) {
      const n = read.nodes[key]!;
      expect(n.label).toEqual(['str', a.label]);
      expect(n.kind).toEqual(['str', a.kind]);
      expect(n.degree).toEqual(['int', a.degree]);
      expect(n.x).toEqual(['float', a.x]);
      expect(read.aliases[key]).toEqual(a.aliases);
    }
    const expected = graph.edges.flatMap((e) =>
      e.undirected
        ? [`${e.source} ${e.target} ${e.key}`, `${e.target} ${e.source} ${e.key}:reverse`]
        : [`${e.source} ${e.target} ${e.key}`],
    );
    expect(read.edges.map(([u, v, k]) => `${u} ${v} ${k}`).sort()).toEqual(expected.sort());
    const byKey = new Map(graph.edges.map((e) => [e.key, e.attributes]));
    for (const [, , key, d] of read.edges) {
      const a = byKey.get(key.replace(/:reverse$/, ''))!;
      expect(d.relation).toEqual(['str', a.relation]);
      expect(d.weight).toEqual(['float', a.weight]);
      expect(d.evidenceCount).toEqual(['int', a.evidence.length]);
      expect(JSON.parse(d.articles![1] as string)).toEqual(a.articles);
    }
  });

  it('marks undirected edges directed="false" by default, which NetworkX refuses', () => {
    // Documented in docs/export.md: the reason for --undirected-edges mutual.
    const file = join(dir, 'default.graphml');
    expect(runScript('export.ts', ['--graph', graphPath, '--out', file]).status).toBe(0);
    expect(readWithNetworkx(file).error).toBe('directed=false edge found in directed graph.');
  });
});
