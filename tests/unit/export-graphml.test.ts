import { join } from 'node:path';
import Graph, { MultiGraph } from 'graphology';
import { parse } from 'graphology-graphml';
import { testNode } from '../helpers/dataset.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { computeActorMetrics } from '../../src/core/graph/metrics.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { writeGraphml } from '../../src/core/export/graphml.ts';
import type { EdgeAttributes, NodeAttributes } from '../../src/core/model.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { ROOT } from '../helpers/run.ts';

const parseGraphml = (xml: string) => parse(Graph, xml);

/** The start tags of the <edge> elements: id -> the whole tag. */
const edgeTags = (xml: string) =>
  new Map([...xml.matchAll(/<edge id="([^"]+)"[^>]*>/g)].map((m) => [m[1]!, m[0]]));

/** A list field as GraphML carries it: a JSON array in a string. */
const listItem = (s: string) => s.replace(/[\t\n\r]+/g, ' ');

function expectSameAttributes(original: ActorGraph, parsed: Graph) {
  original.forEachNode((node, a) => {
    const p = parsed.getNodeAttributes(node);
    expect(p.label).toBe(a.label);
    expect(p.kind).toBe(a.kind);
    expect(JSON.parse(p.aliases as string)).toEqual(a.aliases);
    expect(p.affiliation).toBe(a.affiliation);
    expect(p.degree).toBe(a.degree);
    expect(p.evidenceCount).toBe(a.evidenceCount);
    for (const [relation, degree] of Object.entries(a.degreeByRelation)) {
      expect(p[`degree_${relation}`]).toBe(degree);
    }
    expect([p.x, p.y, p.size, p.color]).toEqual([a.x, a.y, a.size, a.color]);
  });
  original.forEachEdge((edge, a, source, target) => {
    const p = parsed.getEdgeAttributes(edge);
    expect([parsed.source(edge), parsed.target(edge)]).toEqual([source, target]);
    expect(p.relation).toBe(a.relation);
    expect(p.label).toBe(a.label);
    expect(p.weight).toBe(a.weight);
    expect(p.evidenceCount).toBe(a.evidence.length);
    expect(p.firstDate).toBe(a.firstDate ?? undefined);
    expect(JSON.parse(p.articles as string)).toEqual(a.articles);
    expect(JSON.parse(p.evidenceModalities as string)).toEqual(a.evidence.map((e) => e.modality));
    expect(JSON.parse(p.evidenceQuotes as string)).toEqual(
      a.evidence.map((e) => listItem(e.quote)),
    );
    expect([p.size, p.color]).toEqual([a.size, a.color]);
  });
}

describe('writeGraphml on the seed graph', () => {
  let graph: ActorGraph;
  let xml: string;
  beforeAll(async () => {
    // The annotations alone: a GDELT layer imported into graph-data/events/ is not the seed's.
    graph = buildGraph({
      ...(await readDataDir(join(ROOT, 'graph-data'))).files,
      events: undefined,
    }).graph!;
    xml = writeGraphml(graph);
  });

  it('declares typed keys and a directed graph with its name and description', () => {
    expect(xml).toContain('<graphml xmlns="http://graphml.graphdrawing.org/xmlns"');
    expect(xml).toContain('<key id="n_degree" for="node" attr.name="degree" attr.type="int"/>');
    expect(xml).toContain('<key id="e_weight" for="edge" attr.name="weight" attr.type="double"/>');
    expect(xml).toContain(
      '<key id="n_aliases" for="node" attr.name="aliases" attr.type="string"/>',
    );
    expect(xml).toContain('<graph id="G" edgedefault="directed">');
    const parsed = parseGraphml(xml);
    expect(parsed.getAttribute('name')).toBe(graph.getAttribute('name'));
    expect(parsed.getAttribute('description')).toBe(graph.getAttribute('description'));
  });

  it('writes each undirected edge as two directed ones by default, with the same data', () => {
    expect(graph.undirectedSize).toBeGreaterThan(0);
    expect(xml).not.toContain('directed="false"');
    expect(writeGraphml(graph, { undirectedEdges: 'mutual' })).toBe(xml);
    const tags = edgeTags(xml);
    expect(tags.size).toBe(graph.directedSize + 2 * graph.undirectedSize);
    const parsed = parseGraphml(xml);
    expect(parsed.type).toBe('directed');
    expect(parsed.size).toBe(graph.directedSize + 2 * graph.undirectedSize);
    graph.forEachUndirectedEdge((edge, a, source, target) => {
      expect([parsed.source(edge), parsed.target(edge)]).toEqual([source, target]);
      const reverse = `${edge}:reverse`;
      expect([parsed.source(reverse), parsed.target(reverse)]).toEqual([target, source]);
      expect(parsed.getEdgeAttributes(reverse)).toEqual(parsed.getEdgeAttributes(edge));
      expect(parsed.getEdgeAttribute(reverse, 'relation')).toBe(a.relation);
    });
  });

  it('comes back through graphology-graphml with every node, edge and typed attribute', () => {
    const parsed = parseGraphml(xml);
    expect(parsed.nodes().sort()).toEqual(graph.nodes().sort());
    expect(parsed.edges().sort()).toEqual(
      [...graph.edges(), ...graph.undirectedEdges().map((e) => `${e}:reverse`)].sort(),
    );
    expectSameAttributes(graph, parsed);
  });

  it('marks exactly the undirected edges directed="false" on request', () => {
    const undirected = writeGraphml(graph, { undirectedEdges: 'undirected' });
    const tags = edgeTags(undirected);
    expect(tags.size).toBe(graph.size);
    graph.forEachEdge((edge, _a, _s, _t, _sa, _ta, isUndirected) => {
      expect(tags.get(edge)!.includes(' directed="false"')).toBe(isUndirected);
    });
    const parsed = parseGraphml(undirected);
    expect(parsed.edges().sort()).toEqual(graph.edges().sort());
    expectSameAttributes(graph, parsed);
  });

  it('leaves the quotes out on request', () => {
    const withoutQuotes = writeGraphml(graph, { quotes: false });
    expect(withoutQuotes).not.toContain('evidenceQuotes');
    expect(withoutQuotes).toContain('<data key="e_articles">');
  });
});

describe('writeGraphml on edge cases', () => {
  const graph: ActorGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
  graph.replaceAttributes({ name: 'F <&>', description: '', relationTypes: [], articles: {} });
  const node = (id: string, a: Partial<NodeAttributes>) =>
    graph.addNode(
      id,
      testNode(id, { degreeByRelation: { opposes: 0, 'cooperates-with': 0 }, ...a }),
    );
  node('a', { label: 'A <b>&"\'\u0001\ttab', aliases: ['x, "y"', 'z\\'] });
  node('b', { label: 'Bêta 北京 🚀', affiliation: 'a' });
  node('c', { label: 'Lonely' });
  const edge = (relation: string, s: string, t: string, quote: string): EdgeAttributes => ({
    relation,
    label: relation,
    weight: 1,
    evidence: [{ article: 'a1', quote, start: 0, end: 1, modality: 'asserted', date: null }],
    articles: ['a1'],
    firstDate: null,
    lastDate: null,
    color: '#d7301f',
    size: 1,
  });
  graph.addUndirectedEdgeWithKey(
    'cooperates-with:a:b',
    'a',
    'b',
    edge('cooperates-with', 'a', 'b', 'q'),
  );
  graph.addDirectedEdgeWithKey(
    'opposes:a:b',
    'a',
    'b',
    edge('opposes', 'a', 'b', '<i>"x"</i>\nline'),
  );
  graph.addDirectedEdgeWithKey('opposes:b:a', 'b', 'a', edge('opposes', 'b', 'a', 'y'));
  computeActorMetrics(graph);
  const xml = writeGraphml(graph);
  const parsed = parseGraphml(xml);

  it('keeps parallel and opposite edges, and the actor without relations', () => {
    expect(parsed.edges().sort()).toEqual([
      'cooperates-with:a:b',
      'cooperates-with:a:b:reverse',
      'opposes:a:b',
      'opposes:b:a',
    ]);
    expect(parseGraphml(writeGraphml(graph, { undirectedEdges: 'undirected' })).size).toBe(3);
    expect(parsed.hasNode('c')).toBe(true);
    expect(parsed.degree('c')).toBe(0);
    expectSameAttributes(
      (() => {
        // What survives XML 1.0: the control character goes, the tab stays.
        const expected = graph.copy();
        expected.setNodeAttribute('a', 'label', 'A <b>&"\'\ttab');
        return expected;
      })(),
      parsed,
    );
  });

  it('escapes markup and leaves out missing values', () => {
    expect(xml).toContain('<data key="n_label">A &lt;b&gt;&amp;"\'\ttab</data>');
    expect(xml).toContain('<data key="g_name">F &lt;&amp;&gt;</data>');
    expect(xml).not.toContain('g_description">'); // empty
    expect(parsed.getNodeAttributes('a')).not.toHaveProperty('affiliation');
    expect(parsed.getEdgeAttributes('opposes:a:b')).not.toHaveProperty('firstDate');
    expect(JSON.parse(parsed.getNodeAttribute('a', 'aliases') as string)).toEqual([
      'x, "y"',
      'z\\',
    ]);
  });

  it('writes a graph of undirected edges only as an undirected graph', () => {
    const undirected = graph.copy();
    undirected.forEachDirectedEdge((e) => undirected.dropEdge(e));
    for (const undirectedEdges of ['mutual', 'undirected'] as const) {
      const written = writeGraphml(undirected, { undirectedEdges });
      expect(written).toContain('edgedefault="undirected"');
      expect(written).not.toContain('directed="false"');
      expect(written).not.toContain(':reverse');
      expect(parseGraphml(written).type).toBe('undirected');
    }
  });

  it('checks its options', () => {
    expect(() => writeGraphml(graph, { undirectedEdges: 'both' as unknown as 'mutual' })).toThrow(
      /undirectedEdges/,
    );
  });
});
