import { join } from 'node:path';
import Graph, { MultiGraph } from 'graphology';
import { parse } from 'graphology-gexf';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { computeActorMetrics } from '../../src/core/graph/metrics.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { writeGexf } from '../../src/core/export/gexf.ts';
import { escapeAttribute, escapeText, formatList, parseColor } from '../../src/core/export/xml.ts';
import type {
  EdgeAttributes,
  Evidence,
  NodeAttributes,
  RelationType,
} from '../../src/core/model.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { ROOT } from '../helpers/run.ts';

// ---------------------------------------------------------------------------------------------
// A small graph of edge cases, built by hand so that it can hold what YAML could not.

const RELATION_TYPES: RelationType[] = [
  ['cooperates-with', 'cooperates with', false, '#1b9e77'] as const,
  ['opposes', 'opposes', true, '#d7301f'] as const,
  ['proposes-to', 'proposes to', true, '#6a51a3'] as const,
].map(([id, label, directed, color]) => ({
  id,
  label,
  directed,
  sign: 0,
  color,
  description: 'd',
  cameo: [],
}));

const MARKUP = `<b>&"'</b>`;

function fixture(): ActorGraph {
  const graph: ActorGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
  graph.replaceAttributes({
    name: 'Fixture',
    description: `Edge cases ${MARKUP}`,
    relationTypes: RELATION_TYPES,
    articles: {},
  });
  const node = (id: string, attributes: Partial<NodeAttributes>) =>
    graph.addNode(id, {
      label: id,
      kind: 'state',
      aliases: [],
      x: 1.5,
      y: -2.25,
      size: 4,
      color: '#3a6ea5',
      degree: 0,
      evidenceCount: 0,
      degreeByRelation: { 'cooperates-with': 0, opposes: 0, 'proposes-to': 0 },
      ...attributes,
    });
  node('alpha', {
    label: `Alpha ${MARKUP}`,
    aliases: ['Alphaville', 'The "A", Inc.', 'back\\slash'],
  });
  node('beta', { label: 'Bêta – Пекин 北京 🚀', color: '#abc' });
  node('gamma', {
    label: 'Gam\u0001ma\u0008 Front\tTab\nLine',
    kind: 'armed-group',
    note: 'lone \ud800 surrogate and \ufffe noncharacter',
    color: 'rgba(10, 20, 30, 0.5)',
  });
  node('lonely', { kind: 'organisation', color: 'red', x: Number.NaN });
  node('delta', { kind: 'person', affiliation: 'alpha', wikidata: 'Q1' });

  const edge = (
    relation: string,
    source: string,
    target: string,
    evidence: Partial<Evidence>[],
  ) => {
    const type = RELATION_TYPES.find((t) => t.id === relation)!;
    const full: Evidence[] = evidence.map((e) => ({
      article: 'a1',
      quote: 'q',
      start: 0,
      end: 1,
      modality: 'asserted',
      date: '2020-05-01',
      ...e,
    }));
    const dates = full.map((e) => e.date).filter((d): d is string => d !== null);
    const attributes: EdgeAttributes = {
      relation,
      label: type.label,
      weight: full.length,
      evidence: full,
      articles: [...new Set(full.map((e) => e.article))],
      firstDate: dates.sort()[0] ?? null,
      lastDate: dates.sort()[dates.length - 1] ?? null,
      color: type.color,
      size: full.length,
    };
    const key = `${relation}:${source}:${target}`;
    if (type.directed) graph.addDirectedEdgeWithKey(key, source, target, attributes);
    else graph.addUndirectedEdgeWithKey(key, source, target, attributes);
  };
  // The undirected edge first: the writer must still put a directed edge first.
  edge('cooperates-with', 'alpha', 'beta', [
    { quote: 'Alpha and Beta agree' },
    { quote: 'A pact', article: 'a2', date: '2021-02', modality: 'proposed' },
  ]);
  edge('opposes', 'alpha', 'beta', [{ quote: 'Alpha criticised Beta' }]);
  edge('opposes', 'beta', 'alpha', [{ quote: 'Beta criticised Alpha' }]);
  edge('proposes-to', 'alpha', 'beta', [{ quote: 'Alpha offered' }]);
  edge('opposes', 'gamma', 'alpha', [
    {
      quote: `He said "no" ${MARKUP} a\\b\u0007 end\nof\r\nline`,
      date: null,
      modality: 'negated',
    },
  ]);
  computeActorMetrics(graph);
  graph.setNodeAttribute('lonely', 'size', -1);
  return graph;
}

/** graphology-gexf's parser, as Gephi Lite uses it. */
const parseGexf = (xml: string) => parse(Graph, xml);

/** A color as graphology-gexf reads back a viz:color r/g/b(/a); undefined if not written. */
const rgb = (color: string) => {
  const c = parseColor(color);
  if (!c) return undefined;
  return c.a === undefined ? `rgb(${c.r},${c.g},${c.b})` : `rgba(${c.r},${c.g},${c.b},${c.a})`;
};

/** A string as it survives XML 1.0: characters XML forbids are dropped. */
const xmlClean = (s: string) =>
  s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');

/** What a list item becomes: line breaks and tabs to one space, XML-illegal characters out. */
const listItem = (s: string) =>
  // eslint-disable-next-line no-control-regex
  s.replace(/[\t\n\r]+/g, ' ').replace(/[\u0000-\u001f]/g, '');

const attributeTypes = (xml: string, cls: 'node' | 'edge') => {
  const block = new RegExp(`<attributes class="${cls}">([\\s\\S]*?)</attributes>`).exec(xml)![1]!;
  return Object.fromEntries(
    [...block.matchAll(/<attribute id="([^"]+)" title="\1" type="([^"]+)"\/>/g)].map((m) => [
      m[1],
      m[2],
    ]),
  );
};

/**
 * Everything that should come back from the GEXF through graphology-gexf's parser: the same
 * nodes, edges, directions and attributes (under the export's field names).
 */
function expectSameGraph(original: ActorGraph, parsed: Graph, options: { quotes: boolean }) {
  expect(parsed.nodes().sort()).toEqual(original.nodes().sort());
  expect(parsed.edges().sort()).toEqual(original.edges().sort());
  original.forEachNode((node, a) => {
    const p = parsed.getNodeAttributes(node);
    expect(p.label).toBe(xmlClean(a.label));
    expect(p.kind).toBe(a.kind);
    expect(p.aliases).toEqual(a.aliases);
    expect(p.affiliation).toBe(a.affiliation);
    expect(p.wikidata).toBe(a.wikidata);
    expect(p.degree).toBe(a.degree);
    expect(p.evidenceCount).toBe(a.evidenceCount);
    for (const [relation, degree] of Object.entries(a.degreeByRelation)) {
      expect(p[`degree_${relation}`]).toBe(degree);
    }
    const positioned = Number.isFinite(a.x) && Number.isFinite(a.y);
    expect([p.x, p.y]).toEqual(positioned ? [a.x, a.y] : [undefined, undefined]);
    expect(p.size).toBe(a.size >= 0 ? a.size : undefined);
    expect(p.color).toBe(rgb(a.color));
  });
  original.forEachEdge((edge, a, source, target, _s, _t, undirected) => {
    const p = parsed.getEdgeAttributes(edge);
    const ends = [parsed.source(edge), parsed.target(edge)];
    // An undirected edge's endpoints have no order (the writer may swap them, for NetworkX).
    if (undirected) expect(ends.sort()).toEqual([source, target].sort());
    else expect(ends).toEqual([source, target]);
    expect(parsed.isUndirected(edge)).toBe(undirected);
    expect(p.relation).toBe(a.relation);
    expect(p.kind).toBe(a.relation);
    expect(p.label).toBe(a.label);
    expect(p.weight).toBe(a.weight);
    expect(p.evidenceCount).toBe(a.evidence.length);
    expect(p.firstDate).toBe(a.firstDate ?? undefined);
    expect(p.lastDate).toBe(a.lastDate ?? undefined);
    expect(p.articles).toEqual(a.articles);
    expect(p.evidenceArticles).toEqual(a.evidence.map((e) => e.article));
    expect(p.evidenceModalities).toEqual(a.evidence.map((e) => e.modality));
    if (options.quotes) {
      expect(p.evidenceQuotes).toEqual(a.evidence.map((e) => listItem(e.quote)));
    } else expect(p).not.toHaveProperty('evidenceQuotes');
    expect(p.thickness).toBe(a.size);
    expect(p.color).toBe(rgb(a.color));
  });
}

// ---------------------------------------------------------------------------------------------

describe('writeGexf on the seed graph', () => {
  let graph: ActorGraph;
  let xml: string;
  beforeAll(async () => {
    const read = await readDataDir(join(ROOT, 'graph-data'));
    // The annotations alone: a GDELT layer imported into graph-data/events/ is not the seed's.
    graph = buildGraph({ ...read.files, events: undefined }).graph!;
    xml = writeGexf(graph, { lastModified: '2024-05-01' });
  });

  it('writes a GEXF 1.3 document without xsi:schemaLocation, as a directed graph', () => {
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<gexf ')).toBe(true);
    expect(xml).toContain(
      '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">',
    );
    expect(xml).not.toContain('xsi:');
    expect(xml).toContain('<graph defaultedgetype="directed" idtype="string">');
    expect(xml).toContain('<meta lastmodifieddate="2024-05-01">');
    expect(xml).toContain('<creator>actor-graph</creator>');
    expect(xml).toContain(`<description>${graph.getAttribute('description')}</description>`);
  });

  it('writes every actor and every relation', () => {
    expect(xml.match(/<node /g)).toHaveLength(graph.order);
    expect(xml.match(/<edge /g)).toHaveLength(graph.size);
    expect(xml).toContain(`<nodes count="${graph.order}">`);
    expect(xml).toContain(`<edges count="${graph.size}">`);
  });

  it('declares the attributes with 1.3 types that NetworkX reads', () => {
    expect(attributeTypes(xml, 'node')).toEqual({
      kind: 'string',
      affiliation: 'string',
      aliases: 'liststring',
      wikidata: 'string',
      note: 'string',
      degree: 'integer',
      evidenceCount: 'integer',
      'degree_cooperates-with': 'integer',
      degree_opposes: 'integer',
      'degree_proposes-to': 'integer',
    });
    expect(attributeTypes(xml, 'edge')).toEqual({
      relation: 'string',
      evidenceCount: 'integer',
      firstDate: 'string',
      lastDate: 'string',
      articles: 'liststring',
      evidenceArticles: 'liststring',
      evidenceModalities: 'liststring',
      evidenceQuotes: 'liststring',
    });
  });

  it('writes symmetric relations as mutual edges, after all the directed ones', () => {
    const edges = [...xml.matchAll(/<edge id="([^"]+)"[^>]*?(?: type="(\w+)")?(?: kind=)/g)];
    expect(edges).toHaveLength(graph.size);
    const types = edges.map((m) => [m[1], m[2] ?? 'directed']);
    for (const [edge, type] of types) {
      expect(type).toBe(graph.isUndirected(edge!) ? 'mutual' : 'directed');
    }
    const firstMutual = types.findIndex(([, type]) => type === 'mutual');
    expect(firstMutual).toBe(graph.directedSize);
  });

  it('writes colours as r/g/b, never hex, and positions, sizes and thickness as viz', () => {
    expect(xml).not.toContain('hex=');
    const a = graph.getNodeAttributes('russia');
    const c = parseColor(a.color)!;
    expect(xml).toContain(`<viz:color r="${c.r}" g="${c.g}" b="${c.b}"/>`);
    expect(xml).toContain(`<viz:position x="${a.x}" y="${a.y}"/>`);
    expect(xml).toContain(`<viz:size value="${a.size}"/>`);
    expect(xml.match(/<viz:thickness /g)).toHaveLength(graph.size);
  });

  it('gives the relation as the edge kind, label and weight as XML attributes', () => {
    const a = graph.getEdgeAttributes('proposes-to:united-states:russia');
    expect(xml).toContain(
      `<edge id="proposes-to:united-states:russia" source="united-states" target="russia" kind="proposes-to" label="proposes to" weight="${a.weight}">`,
    );
  });

  it('comes back through graphology-gexf (Gephi Lite) as the same graph', () => {
    const parsed = parseGexf(xml);
    expect(parsed.type).toBe('mixed');
    expect(parsed.multi).toBe(true);
    expectSameGraph(graph, parsed, { quotes: true });
    expect(parsed.getAttributes()).toEqual({
      creator: 'actor-graph',
      description: graph.getAttribute('description'),
      lastModifiedDate: '2024-05-01',
    });
  });

  it('is deterministic', () => {
    expect(writeGexf(graph, { lastModified: '2024-05-01' })).toBe(xml);
  });

  it('leaves the quotes out on request, keeping articles and counts', () => {
    const withoutQuotes = writeGexf(graph, { quotes: false });
    expect(withoutQuotes).not.toContain('evidenceQuotes');
    expect(withoutQuotes).not.toContain('lastmodifieddate');
    expectSameGraph(graph, parseGexf(withoutQuotes), { quotes: false });
  });
});

describe('writeGexf on edge cases', () => {
  const graph = fixture();
  const xml = writeGexf(graph);
  const parsed = parseGexf(xml);

  it('keeps every node and edge, parallel and opposite ones included', () => {
    expectSameGraph(graph, parsed, { quotes: true });
    expect(parsed.edges('alpha', 'beta').sort()).toEqual([
      'cooperates-with:alpha:beta',
      'opposes:alpha:beta',
      'opposes:beta:alpha',
      'proposes-to:alpha:beta',
    ]);
    expect(parsed.outEdges('beta', 'alpha')).toEqual(['opposes:beta:alpha']);
    expect(parsed.isUndirected('cooperates-with:alpha:beta')).toBe(true);
  });

  it('writes the directed edges before the mutual one, so graphology-gexf can read it', () => {
    expect(xml.indexOf('id="opposes:alpha:beta"')).toBeLessThan(
      xml.indexOf('id="cooperates-with:alpha:beta"'),
    );
    expect(xml).toMatch(/<edge id="cooperates-with:alpha:beta" [^>]*type="mutual"/);
  });

  it('escapes markup in attributes and text', () => {
    expect(xml).toContain('label="Alpha &lt;b&gt;&amp;&quot;\'&lt;/b&gt;"');
    expect(xml).toContain('<description>Edge cases &lt;b&gt;&amp;"\'&lt;/b&gt;</description>');
    expect(parsed.getNodeAttribute('alpha', 'label')).toBe(`Alpha ${MARKUP}`);
  });

  it('keeps non-ASCII text, tabs and line breaks, and drops characters XML 1.0 forbids', () => {
    expect(parsed.getNodeAttribute('beta', 'label')).toBe('Bêta – Пекин 北京 🚀');
    expect(xml).toContain('label="Gamma Front&#9;Tab&#10;Line"');
    expect(parsed.getNodeAttribute('gamma', 'label')).toBe('Gamma Front\tTab\nLine');
    expect(parsed.getNodeAttribute('gamma', 'note')).toBe('lone  surrogate and  noncharacter');
    // eslint-disable-next-line no-control-regex
    expect(xml).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/);
  });

  it('writes lists in the syntax Gephi and graphology read, which is also JSON', () => {
    expect(xml).toContain(
      `<attvalue for="aliases" value='["Alphaville", "The \\"A\\", Inc.", "back\\\\slash"]'/>`,
    );
    expect(parsed.getNodeAttribute('alpha', 'aliases')).toEqual([
      'Alphaville',
      'The "A", Inc.',
      'back\\slash',
    ]);
    const quotes = parsed.getEdgeAttribute('opposes:gamma:alpha', 'evidenceQuotes');
    expect(quotes).toEqual([`He said "no" ${MARKUP} a\\b end of line`]);
    const value = /for="evidenceQuotes" value='([^']*(?:&apos;[^']*)*)'/.exec(
      xml.slice(xml.indexOf('id="opposes:gamma:alpha"')),
    )![1]!;
    const unescaped = value
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&');
    expect(JSON.parse(unescaped)).toEqual(quotes);
  });

  it('writes an actor without relations, and leaves out missing and null values', () => {
    expect(parsed.degree('lonely')).toBe(0);
    const lonely = parsed.getNodeAttributes('lonely');
    expect(lonely).not.toHaveProperty('affiliation');
    expect(lonely.aliases).toEqual([]);
    expect(lonely.degree).toBe(0);
    const undated = parsed.getEdgeAttributes('opposes:gamma:alpha');
    expect(undated).not.toHaveProperty('firstDate');
    expect(undated).not.toHaveProperty('lastDate');
    expect(parsed.getNodeAttribute('delta', 'affiliation')).toBe('alpha');
  });

  it('writes colours and viz values only when they are valid', () => {
    expect(xml).toMatch(/<node id="beta"[\s\S]*?<viz:color r="170" g="187" b="204"\/>/);
    expect(xml).toMatch(/<node id="gamma"[\s\S]*?<viz:color r="10" g="20" b="30" a="0.5"\/>/);
    const lonely = /<node id="lonely"[\s\S]*?<\/node>/.exec(xml)![0];
    expect(lonely).not.toContain('viz:color'); // "red" is not a color the writer knows
    expect(lonely).not.toContain('viz:position'); // x is NaN
    expect(lonely).not.toContain('viz:size'); // negative
  });

  it('writes a mutual edge the way of a directed edge opposite it, so NetworkX keeps both', () => {
    const pair = new MultiGraph({ type: 'mixed' });
    pair.addNode('a');
    pair.addNode('b');
    pair.addDirectedEdgeWithKey('opposes:b:a', 'b', 'a', { relation: 'opposes' });
    pair.addUndirectedEdgeWithKey('cooperates-with:a:b', 'a', 'b', { relation: 'cooperates-with' });
    expect(writeGexf(pair)).toContain(
      '<edge id="cooperates-with:a:b" source="b" target="a" type="mutual"',
    );
    pair.addDirectedEdgeWithKey('opposes:a:b', 'a', 'b', { relation: 'opposes' });
    expect(writeGexf(pair)).toContain(
      '<edge id="cooperates-with:a:b" source="a" target="b" type="mutual"',
    );
  });

  it('can write undirected edges as type="undirected", for Gephi desktop', () => {
    const forGephi = writeGexf(graph, { undirectedEdges: 'undirected' });
    expect(forGephi).toMatch(/<edge id="cooperates-with:alpha:beta" [^>]*type="undirected"/);
    expect(forGephi).not.toContain('mutual');
    expect(parseGexf(forGephi).isUndirected('cooperates-with:alpha:beta')).toBe(true);
  });

  it('writes a graph of undirected edges only as an undirected graph', () => {
    const undirectedOnly = fixture();
    undirectedOnly.forEachDirectedEdge((edge) => undirectedOnly.dropEdge(edge));
    const written = writeGexf(undirectedOnly);
    expect(written).toContain('<graph defaultedgetype="undirected"');
    expect(written).not.toContain('type="mutual"');
    const back = parseGexf(written);
    expect(back.type).toBe('undirected');
    expect(back.edges()).toEqual(['cooperates-with:alpha:beta']);
  });

  it('writes a graph without edges', () => {
    const empty = new MultiGraph();
    empty.addNode('only', { label: 'Only' });
    const written = writeGexf(empty);
    expect(written).toContain('<edges count="0">');
    expect(written).toContain('<node id="only" label="Only"/>');
    expect(parseGexf(written).order).toBe(1);
  });

  it('checks its options', () => {
    expect(() => writeGexf(graph, { lastModified: '2024-05' })).toThrow(/YYYY-MM-DD/);
    expect(() => writeGexf(graph, { lastModified: '2023-02-29' })).toThrow(/YYYY-MM-DD/);
    expect(() => writeGexf(graph, { undirectedEdges: 'both' as unknown as 'mutual' })).toThrow(
      /undirectedEdges/,
    );
  });

  it('writes without indentation on request, to the same graph', () => {
    const compact = writeGexf(graph, { pretty: false });
    expect(compact.split('\n')).toHaveLength(2); // the trailing newline only
    expectSameGraph(graph, parseGexf(compact), { quotes: true });
  });
});

describe('writeGexf with time (dynamic)', () => {
  /** The fixture with event dates on some statements, and a year alone. */
  function timed(): ActorGraph {
    const graph = fixture();
    graph.updateEdgeAttributes('cooperates-with:alpha:beta', (a) => ({
      ...a,
      evidence: [
        {
          ...a.evidence[0]!,
          eventDate: '2020-03-30',
          eventDateBasis: 'inferred',
          eventDateHow: 'on March 30',
        },
        {
          ...a.evidence[1]!,
          date: '2021',
          eventDate: '2020',
          eventDateBasis: 'stated',
          eventDateHow: 'in 2020',
        },
      ],
      lastDate: '2021',
      firstEventDate: '2020',
      lastEventDate: '2020-03-30',
    }));
    return graph;
  }
  /** Each element's spells, as [start, end] pairs, by id. */
  const spellsOf = (xml: string, element: 'node' | 'edge'): Record<string, string[][]> =>
    Object.fromEntries(
      [
        ...xml.matchAll(
          new RegExp(`<${element} id="([^"]+)"[^>]*?(?:/>|>([\\s\\S]*?)</${element}>)`, 'g'),
        ),
      ].map((m) => [
        m[1]!,
        [...(m[2] ?? '').matchAll(/<spell start="([^"]+)" end="([^"]+)"\/>/g)].map((s) => [
          s[1]!,
          s[2]!,
        ]),
      ]),
    );

  it('leaves the static file as it was, byte for byte, whatever event dates the graph has', () => {
    const withEvents = fixture();
    withEvents.forEachEdge((edge, a) =>
      withEvents.mergeEdgeAttributes(edge, {
        evidence: a.evidence.map((e) => ({
          ...e,
          eventDate: '2019-12',
          eventDateBasis: 'stated' as const,
          eventDateHow: 'December 2019',
        })),
        firstEventDate: '2019-12',
        lastEventDate: '2019-12',
      }),
    );
    const plain = fixture();
    for (const options of [
      {},
      { quotes: false },
      { pretty: false },
      { undirectedEdges: 'undirected' as const },
    ]) {
      expect(writeGexf(withEvents, options)).toBe(writeGexf(plain, options));
    }
    expect(writeGexf(withEvents)).not.toMatch(/spell|mode=|timeformat|EventDate/);
  });

  it('declares a dynamic graph of dates, with its start and end', () => {
    const xml = writeGexf(timed(), { dynamic: 'statement' });
    expect(xml).toContain(
      '<graph defaultedgetype="directed" idtype="string" mode="dynamic" timeformat="date" start="2020-05-01" end="2021-12-31">',
    );
    expect(attributeTypes(xml, 'edge')).toMatchObject({
      firstEventDate: 'string',
      lastEventDate: 'string',
    });
  });

  it('gives each edge a spell per month with statements, a year for a year alone', () => {
    const edges = spellsOf(writeGexf(timed(), { dynamic: 'statement' }), 'edge');
    expect(edges['cooperates-with:alpha:beta']).toEqual([
      ['2020-05-01', '2020-05-31'],
      ['2021-01-01', '2021-12-31'],
    ]);
    expect(edges['opposes:alpha:beta']).toEqual([['2020-05-01', '2020-05-31']]);
    // Undated evidence only: no time, so Gephi shows it throughout.
    expect(edges['opposes:gamma:alpha']).toEqual([]);
  });

  it("gives each node the union of its edges' spells, none when one of them has no time", () => {
    const nodes = spellsOf(writeGexf(timed(), { dynamic: 'statement' }), 'node');
    expect(nodes.beta).toEqual([
      ['2020-05-01', '2020-05-31'],
      ['2021-01-01', '2021-12-31'],
    ]);
    expect(nodes.alpha).toEqual([]); // its edge from gamma is undated
    expect(nodes.gamma).toEqual([]);
    expect(nodes.lonely).toEqual([]);
  });

  it('places the relations by the dates of the events they report on request', () => {
    const xml = writeGexf(timed(), { dynamic: 'event' });
    expect(xml).toContain('start="2020-01-01" end="2020-12-31"');
    const edges = spellsOf(xml, 'edge');
    // 2020 and 2020-03-30: the year holds the month, one spell.
    expect(edges['cooperates-with:alpha:beta']).toEqual([['2020-01-01', '2020-12-31']]);
    expect(edges['opposes:alpha:beta']).toEqual([]);
    const parsed = parseGexf(xml);
    expect(parsed.getEdgeAttribute('cooperates-with:alpha:beta', 'firstEventDate')).toBe('2020');
    expect(parsed.getEdgeAttribute('cooperates-with:alpha:beta', 'lastEventDate')).toBe(
      '2020-03-30',
    );
    expect(parsed.getEdgeAttributes('opposes:alpha:beta')).not.toHaveProperty('firstEventDate');
  });

  it('writes a graph without dates as dynamic with no spells, and comes back through graphology-gexf', () => {
    const graph = fixture();
    graph.forEachEdge((edge, a) =>
      graph.setEdgeAttribute(
        edge,
        'evidence',
        a.evidence.map((e) => ({ ...e, date: null })),
      ),
    );
    const xml = writeGexf(graph, { dynamic: 'statement' });
    expect(xml).toContain('idtype="string" mode="dynamic" timeformat="date">');
    expect(xml).not.toContain('<spell');
    const withTime = timed();
    expectSameGraph(withTime, parseGexf(writeGexf(withTime, { dynamic: 'statement' })), {
      quotes: true,
    });
  });

  it('ignores dates that are not on the calendar, and checks its option', () => {
    const graph = timed();
    graph.updateEdgeAttribute('opposes:alpha:beta', 'evidence', (evidence) =>
      evidence!.map((e) => ({ ...e, date: '2020-02-30' })),
    );
    expect(
      spellsOf(writeGexf(graph, { dynamic: 'statement' }), 'edge')['opposes:alpha:beta'],
    ).toEqual([]);
    expect(() => writeGexf(graph, { dynamic: 'later' as unknown as 'event' })).toThrow(
      /dynamic must be "statement" or "event"/,
    );
  });
});

describe('the XML helpers', () => {
  it('escape attributes and text, keeping surrogate pairs', () => {
    expect(escapeAttribute('plain')).toBe('plain');
    expect(escapeAttribute('a<b>&"c\'\t\n\r\u0000d🚀')).toBe(
      "a&lt;b&gt;&amp;&quot;c'&#9;&#10;&#13;d🚀",
    );
    expect(escapeText('a<b>&"c\'\t\n\r\u0000d')).toBe('a&lt;b&gt;&amp;"c\'\t\n&#13;d');
    expect(escapeText('x\udc00y\ud83d')).toBe('xy');
  });

  it('format lists as JSON arrays', () => {
    expect(formatList([])).toBe('[]');
    const items = ['a', 'b, c', 'd "e"', 'f\\g', 'h\ni', '', 'null'];
    expect(JSON.parse(formatList(items))).toEqual([
      'a',
      'b, c',
      'd "e"',
      'f\\g',
      'h i',
      '',
      'null',
    ]);
  });

  it('parse CSS colours', () => {
    expect(parseColor('#3a6ea5')).toEqual({ r: 58, g: 110, b: 165 });
    expect(parseColor('#3a6ea580')).toEqual({ r: 58, g: 110, b: 165, a: 0.502 });
    expect(parseColor('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3 });
    expect(parseColor('rgb(1, 2, 300)')).toBeUndefined();
    expect(parseColor('#12')).toBeUndefined();
    expect(parseColor(undefined)).toBeUndefined();
  });
});
