/**
 * GraphML writer for the actor graph (graphology-graphml has only a parser).
 *
 * Pure and linear like the GEXF writer, and it carries the same fields (see gexf.ts) under the
 * same names. GraphML has no list type: lists travel as JSON array strings (`["a", "b"]`).
 *
 * The graph is directed (edgedefault="directed"). GraphML has no edge that goes both ways, so
 * by default (`undirectedEdges: 'mutual'`) each undirected edge is written as two directed
 * edges, the second with the id `<id>:reverse` and the same data: NetworkX (`read_graphml`, a
 * MultiDiGraph), python-igraph (`Graph.Read_GraphML`) and graphology-graphml (Gephi Lite) all
 * read that file with every attribute. `undirectedEdges: 'undirected'` writes one edge marked
 * directed="false" instead, as the GraphML specification provides for mixed graphs, for
 * readers that follow it there; NetworkX refuses such a file ("directed=false edge found in
 * directed graph"), and igraph and graphology-graphml read those edges as directed ones (see
 * docs/export.md). A graph with only undirected edges is written as an undirected
 * graph either way, which every reader takes as it is.
 */
import type { Attributes } from 'graphology-types';
import {
  asString,
  edgeFields,
  nodeFields,
  relationIdsOf,
  type ExportableGraph,
  type Field,
  type FieldType,
  hasAnalysis,
  hasMachineEvidence,
} from './fields.ts';
import { escapeAttribute, escapeText, formatList, formatNumber } from './xml.ts';

export interface GraphmlOptions {
  /**
   * Carry the evidence quotes (edge data `evidenceQuotes`, a JSON array with one quote per
   * piece of evidence). Default: true.
   */
  quotes?: boolean;
  /**
   * How to write undirected edges in a graph that also has directed ones. Default: `mutual`,
   * two directed edges (the second with the id `<id>:reverse`), which NetworkX, python-igraph
   * and graphology-graphml read. `undirected`: one edge marked directed="false", which follows
   * the GraphML specification but which NetworkX refuses and igraph reads as directed.
   */
  undirectedEdges?: 'undirected' | 'mutual';
  /** Indent the XML, one element per line. Default: true. */
  pretty?: boolean;
}

export const GRAPHML_DEFAULTS: Required<GraphmlOptions> = {
  quotes: true,
  undirectedEdges: 'mutual',
  pretty: true,
};

/** A GraphML key: a field plus where it applies, with its id in the document. */
interface Key {
  id: string;
  for: 'graph' | 'node' | 'edge';
  name: string;
  type: 'string' | 'int' | 'double';
  read(attributes: Attributes): string | undefined;
}

const GRAPHML_TYPES: Record<FieldType, Key['type']> = {
  string: 'string',
  integer: 'int',
  double: 'double',
  liststring: 'string',
};

function keyOf(domain: 'node' | 'edge', field: Field): Key {
  const type = field.type;
  return {
    id: `${domain[0]}_${field.name}`,
    for: domain,
    name: field.name,
    type: GRAPHML_TYPES[type],
    read: (a) => {
      const value = field.read(a);
      if (value === undefined) return undefined;
      if (type === 'liststring') return formatList(value as readonly unknown[]);
      if (type === 'double') return formatNumber(value);
      return String(value);
    },
  };
}

/**
 * Writes the graph as a GraphML document.
 *
 * @example
 *   const xml = writeGraphml(graph); // for networkx.read_graphml and igraph.Graph.Read_GraphML
 *   const yed = writeGraphml(graph, { undirectedEdges: 'undirected' }); // directed="false"
 */
export function writeGraphml(graph: ExportableGraph, options: GraphmlOptions = {}): string {
  const quotes = options.quotes ?? GRAPHML_DEFAULTS.quotes;
  const undirectedAs = options.undirectedEdges ?? GRAPHML_DEFAULTS.undirectedEdges;
  const pretty = options.pretty ?? GRAPHML_DEFAULTS.pretty;
  if (undirectedAs !== 'mutual' && undirectedAs !== 'undirected') {
    throw new Error(
      `writeGraphml: undirectedEdges must be "undirected" or "mutual", not "${String(undirectedAs)}"`,
    );
  }
  const ind = pretty ? ['', '  ', '    ', '      '] : ['', '', '', ''];
  const nl = pretty ? '\n' : '';

  const graphKeys: Key[] = (['name', 'description'] as const).map((name) => ({
    id: `g_${name}`,
    for: 'graph',
    name,
    type: 'string',
    read: (a) => asString(a[name]),
  }));
  const number = (name: 'x' | 'y' | 'size') => (a: Attributes) => formatNumber(a[name]);
  const nodeKeys: Key[] = [
    {
      id: 'n_label',
      for: 'node',
      name: 'label',
      type: 'string',
      read: (a) => asString(a.label),
    },
    ...nodeFields(relationIdsOf(graph), hasAnalysis(graph)).map((f) => keyOf('node', f)),
    { id: 'n_x', for: 'node', name: 'x', type: 'double', read: number('x') },
    { id: 'n_y', for: 'node', name: 'y', type: 'double', read: number('y') },
    { id: 'n_size', for: 'node', name: 'size', type: 'double', read: number('size') },
    {
      id: 'n_color',
      for: 'node',
      name: 'color',
      type: 'string',
      read: (a) => asString(a.color),
    },
  ];
  const edgeKeys: Key[] = [
    {
      id: 'e_label',
      for: 'edge',
      name: 'label',
      type: 'string',
      read: (a) => asString(a.label),
    },
    {
      id: 'e_weight',
      for: 'edge',
      name: 'weight',
      type: 'double',
      read: (a) => formatNumber(a.weight),
    },
    ...edgeFields({ quotes, machine: hasMachineEvidence(graph) }).map((f) => keyOf('edge', f)),
    { id: 'e_size', for: 'edge', name: 'size', type: 'double', read: number('size') },
    {
      id: 'e_color',
      for: 'edge',
      name: 'color',
      type: 'string',
      read: (a) => asString(a.color),
    },
  ];

  const out: string[] = [
    `<?xml version="1.0" encoding="UTF-8"?>${nl}`,
    `<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">${nl}`,
  ];
  for (const k of [...graphKeys, ...nodeKeys, ...edgeKeys]) {
    out.push(
      `${ind[1]}<key id="${escapeAttribute(k.id)}" for="${k.for}" attr.name="${escapeAttribute(k.name)}" attr.type="${k.type}"/>${nl}`,
    );
  }

  const onlyUndirected = graph.directedSize === 0 && graph.undirectedSize > 0;
  out.push(
    `${ind[1]}<graph id="G" edgedefault="${onlyUndirected ? 'undirected' : 'directed'}">${nl}`,
  );
  // Graph data must come first: graphology-graphml reads only the leading <data> elements.
  const graphAttributes = graph.getAttributes();
  for (const k of graphKeys) {
    const value = k.read(graphAttributes);
    if (value !== undefined)
      out.push(`${ind[2]}<data key="${k.id}">${escapeText(value)}</data>${nl}`);
  }

  const writeData = (keys: readonly Key[], attributes: Attributes): boolean => {
    let any = false;
    for (const k of keys) {
      const value = k.read(attributes);
      if (value === undefined) continue;
      out.push(
        `${any ? '' : `>${nl}`}${ind[3]}<data key="${escapeAttribute(k.id)}">${escapeText(value)}</data>${nl}`,
      );
      any = true;
    }
    return any;
  };

  graph.forEachNode((node, attributes) => {
    out.push(`${ind[2]}<node id="${escapeAttribute(node)}"`);
    out.push(writeData(nodeKeys, attributes) ? `${ind[2]}</node>${nl}` : `/>${nl}`);
  });

  const writeEdge = (
    id: string,
    attributes: Attributes,
    source: string,
    target: string,
    marker: string,
  ) => {
    out.push(
      `${ind[2]}<edge id="${escapeAttribute(id)}" source="${escapeAttribute(source)}" target="${escapeAttribute(target)}"${marker}`,
    );
    out.push(writeData(edgeKeys, attributes) ? `${ind[2]}</edge>${nl}` : `/>${nl}`);
  };
  graph.forEachDirectedEdge((edge, attributes, source, target) =>
    writeEdge(edge, attributes, source, target, ''),
  );
  graph.forEachUndirectedEdge((edge, attributes, source, target) => {
    if (onlyUndirected) writeEdge(edge, attributes, source, target, '');
    else if (undirectedAs === 'undirected') {
      writeEdge(edge, attributes, source, target, ' directed="false"');
    } else {
      writeEdge(edge, attributes, source, target, '');
      writeEdge(`${edge}:reverse`, attributes, target, source, '');
    }
  });

  out.push(`${ind[1]}</graph>${nl}`, `</graphml>\n`);
  return out.join('');
}
