/**
 * GEXF 1.3 writer for the actor graph: the file users take to Gephi, Gephi Lite and NetworkX.
 *
 * Pure (no Node APIs, no DOM), deterministic, linear in the size of the graph: the XML is
 * built as an array of strings joined once at the end.
 *
 * What it writes, and why (the facts are in docs/export.md):
 * - valid against the official GEXF 1.3 RELAX NG grammar: no xsi:schemaLocation, only 1.3
 *   attribute types, dates as strings;
 * - a directed graph (defaultedgetype="directed") whose undirected (symmetric) edges are
 *   written type="mutual": NetworkX then adds them in both directions and graphology-gexf
 *   reads them back as undirected, where type="undirected" would make NetworkX raise. Directed
 *   edges come first because graphology-gexf (and so Gephi Lite) creates its graph with the
 *   type of the first edge and cannot create a "mutual" one. A graph with only undirected
 *   edges is written as an undirected graph, which every reader takes as it is. A mutual edge
 *   may be written with its endpoints swapped (see below): they have no order;
 * - colours as viz:color r/g/b (NetworkX cannot read hex), positions, sizes and edge
 *   thickness as viz elements;
 * - the relation both as an attribute (NetworkX ignores `kind`) and as the edge's `kind`,
 *   which Gephi uses to keep parallel edges apart;
 * - list attributes as liststring in the syntax Gephi and graphology-gexf read, which is also
 *   a JSON array (see formatList);
 * - with `dynamic`, a dynamic graph for Gephi's timeline (docs/time.md): mode="dynamic",
 *   timeformat="date", each edge's spells (one per month with evidence, a year for a year
 *   alone, first to last day, src/core/time/spells.ts), each node's spells the union of its
 *   edges' (none when one of its edges has no dated evidence, or it has no edge: then it is
 *   there throughout), the graph's start and end, and the edges' first and last event dates.
 *   Without it the output is what it always was.
 */
import type { Attributes } from 'graphology-types';
import { calendarDateProblem, isCalendarDay } from '../dates.ts';
import type { Evidence } from '../model.ts';
import { isDateKind, type DateKind } from '../time/kinds.ts';
import { evidenceSpells, mergeSpells, spanOf, type Spell } from '../time/spells.ts';
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
import {
  escapeAposAttribute,
  escapeAttribute,
  escapeText,
  formatList,
  formatNumber,
  parseColor,
} from './xml.ts';

/** How undirected (symmetric) edges are written. */
export type UndirectedEdges = 'mutual' | 'undirected';

export interface GexfOptions {
  /** meta creator. Default: `actor-graph`. */
  creator?: string;
  /** meta description. Default: the graph's `description` attribute, if any. */
  description?: string;
  /** meta keywords. Default: none. */
  keywords?: string;
  /**
   * meta lastmodifieddate, as YYYY-MM-DD. Default: none. The caller passes it (the CLI uses
   * the date graph.json was last written) so that the writer stays deterministic.
   */
  lastModified?: string;
  /**
   * Carry the evidence quotes (edge attribute `evidenceQuotes`, one per piece of evidence,
   * beside `evidenceArticles` and `evidenceModalities`). Default: true.
   */
  quotes?: boolean;
  /**
   * How to write undirected edges. Default: `mutual`, which NetworkX, graphology-gexf and Gephi
   * Lite read. `undirected` is for Gephi desktop, which does not know `mutual` (it reports an
   * issue and imports such edges as directed); NetworkX refuses such a file.
   */
  undirectedEdges?: UndirectedEdges;
  /** Indent the XML, one element per line. Default: true. */
  pretty?: boolean;
  /**
   * Write a dynamic graph whose spells come from the statements' dates of this kind: their
   * articles' dates (`statement`) or the dates of the events they report (`event`). Default:
   * none, a static graph.
   */
  dynamic?: DateKind;
}

export const GEXF_DEFAULTS: Required<
  Omit<GexfOptions, 'description' | 'keywords' | 'lastModified' | 'dynamic'>
> = {
  creator: 'actor-graph',
  quotes: true,
  undirectedEdges: 'mutual',
  pretty: true,
};

/** A field's value as GEXF attvalue text, or undefined when there is none to write. */
function gexfValue(type: FieldType, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (type === 'liststring') return formatList(value as readonly unknown[]);
  if (type === 'double') return formatNumber(value);
  return String(value);
}

/**
 * Writes the graph as a GEXF 1.3 document.
 *
 * @example
 *   const xml = writeGexf(graph, { lastModified: '2024-05-01' });
 */
export function writeGexf(graph: ExportableGraph, options: GexfOptions = {}): string {
  const creator = options.creator ?? GEXF_DEFAULTS.creator;
  const quotes = options.quotes ?? GEXF_DEFAULTS.quotes;
  const undirectedAs = options.undirectedEdges ?? GEXF_DEFAULTS.undirectedEdges;
  const pretty = options.pretty ?? GEXF_DEFAULTS.pretty;
  const graphDescription = graph.getAttribute('description') as unknown;
  const description =
    options.description ?? (typeof graphDescription === 'string' ? graphDescription : undefined);
  if (options.lastModified !== undefined && !isCalendarDay(options.lastModified)) {
    throw new Error(
      `writeGexf: lastModified must be a date as YYYY-MM-DD, not "${options.lastModified}"`,
    );
  }
  const dynamic = options.dynamic;
  if (dynamic !== undefined && !isDateKind(dynamic)) {
    throw new Error(
      `writeGexf: dynamic must be "statement" or "event", not "${String(dynamic as unknown)}"`,
    );
  }
  if (undirectedAs !== 'mutual' && undirectedAs !== 'undirected') {
    throw new Error(
      `writeGexf: undirectedEdges must be "mutual" or "undirected", not "${String(undirectedAs)}"`,
    );
  }

  // Indentation by depth; empty strings when not pretty.
  const ind = pretty
    ? ['', '  ', '    ', '      ', '        ', '          ']
    : ['', '', '', '', '', ''];
  const nl = pretty ? '\n' : '';
  const out: string[] = [];

  out.push(
    `<?xml version="1.0" encoding="UTF-8"?>${nl}`,
    `<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz" version="1.3">${nl}`,
    `${ind[1]}<meta${options.lastModified === undefined ? '' : ` lastmodifieddate="${options.lastModified}"`}>${nl}`,
    `${ind[2]}<creator>${escapeText(creator)}</creator>${nl}`,
  );
  if (description !== undefined) {
    out.push(`${ind[2]}<description>${escapeText(description)}</description>${nl}`);
  }
  if (options.keywords !== undefined) {
    out.push(`${ind[2]}<keywords>${escapeText(options.keywords)}</keywords>${nl}`);
  }
  out.push(`${ind[1]}</meta>${nl}`);

  const onlyUndirected = graph.directedSize === 0 && graph.undirectedSize > 0;
  const undirectedType = onlyUndirected ? '' : ` type="${undirectedAs}"`;
  const time = dynamic === undefined ? undefined : timeOf(graph, dynamic);
  const timeAttributes =
    time === undefined
      ? ''
      : ` mode="dynamic" timeformat="date"${time.span ? ` start="${time.span.start}" end="${time.span.end}"` : ''}`;
  out.push(
    `${ind[1]}<graph defaultedgetype="${onlyUndirected ? 'undirected' : 'directed'}" idtype="string"${timeAttributes}>${nl}`,
  );

  const nodeFieldList = nodeFields(relationIdsOf(graph), hasAnalysis(graph));
  const machine = hasMachineEvidence(graph);
  const edgeFieldList = edgeFields(
    time === undefined ? { quotes, machine } : { quotes, eventDates: true, machine },
  );
  for (const [cls, fields] of [
    ['node', nodeFieldList],
    ['edge', edgeFieldList],
  ] as const) {
    out.push(`${ind[2]}<attributes class="${cls}">${nl}`);
    for (const f of fields) {
      const id = escapeAttribute(f.name);
      out.push(`${ind[3]}<attribute id="${id}" title="${id}" type="${f.type}"/>${nl}`);
    }
    out.push(`${ind[2]}</attributes>${nl}`);
  }

  // One attvalue per field that has a value; pushed straight into `out`. The start of each
  // attvalue element is made once per field, not once per value.
  const attvalueStarts = (fields: readonly Field[]) =>
    fields.map((f) => `${ind[5]}<attvalue for="${escapeAttribute(f.name)}" value=`);
  const nodeStarts = attvalueStarts(nodeFieldList);
  const edgeStarts = attvalueStarts(edgeFieldList);
  const writeAttvalues = (
    fields: readonly Field[],
    starts: readonly string[],
    attributes: Attributes,
  ): boolean => {
    let opened = false;
    for (let i = 0; i < fields.length; i++) {
      const f = fields[i]!;
      const value = gexfValue(f.type, f.read(attributes));
      if (value === undefined) continue;
      if (!opened) {
        out.push(`>${nl}${ind[4]}<attvalues>${nl}`);
        opened = true;
      }
      // Lists go between apostrophes: their many double quotes then need no escaping.
      out.push(
        starts[i]!,
        f.type === 'liststring'
          ? `'${escapeAposAttribute(value)}'/>${nl}`
          : `"${escapeAttribute(value)}"/>${nl}`,
      );
    }
    if (opened) out.push(`${ind[4]}</attvalues>${nl}`);
    return opened;
  };
  // A viz element after the attvalues; opens the parent element if nothing did yet.
  const writeViz = (open: boolean, element: string): boolean => {
    out.push(`${open ? '' : `>${nl}`}${ind[4]}<viz:${element}/>${nl}`);
    return true;
  };
  const color = (value: unknown): string | undefined => {
    const c = parseColor(value);
    if (!c) return undefined;
    return `color r="${c.r}" g="${c.g}" b="${c.b}"${c.a === undefined ? '' : ` a="${c.a}"`}`;
  };
  // Spells after the attvalues; opens the parent element if nothing did yet.
  const writeSpells = (open: boolean, spells: readonly Spell[] | undefined): boolean => {
    if (spells === undefined || spells.length === 0) return open;
    out.push(`${open ? '' : `>${nl}`}${ind[4]}<spells>${nl}`);
    for (const s of spells) out.push(`${ind[5]}<spell start="${s.start}" end="${s.end}"/>${nl}`);
    out.push(`${ind[4]}</spells>${nl}`);
    return true;
  };
  const nonNegative = (value: unknown): string | undefined =>
    typeof value === 'number' && value >= 0 ? formatNumber(value) : undefined;

  out.push(`${ind[2]}<nodes count="${graph.order}">${nl}`);
  graph.forEachNode((node, attributes) => {
    const label = typeof attributes.label === 'string' ? attributes.label : node;
    out.push(`${ind[3]}<node id="${escapeAttribute(node)}" label="${escapeAttribute(label)}"`);
    let open = writeAttvalues(nodeFieldList, nodeStarts, attributes);
    if (time) open = writeSpells(open, time.nodes.get(node));
    const c = color(attributes.color);
    if (c) open = writeViz(open, c);
    const x = formatNumber(attributes.x);
    const y = formatNumber(attributes.y);
    if (x !== undefined && y !== undefined) {
      open = writeViz(open, `position x="${x}" y="${y}"`);
    }
    const size = nonNegative(attributes.size);
    if (size !== undefined) open = writeViz(open, `size value="${size}"`);
    out.push(open ? `${ind[3]}</node>${nl}` : `/>${nl}`);
  });
  out.push(`${ind[2]}</nodes>${nl}`);

  out.push(`${ind[2]}<edges count="${graph.size}">${nl}`);
  const writeEdge = (
    edge: string,
    attributes: Attributes,
    source: string,
    target: string,
    type: string,
  ) => {
    const kind = asString(attributes.relation);
    const label = asString(attributes.label);
    const weight = formatNumber(attributes.weight);
    out.push(
      `${ind[3]}<edge id="${escapeAttribute(edge)}" source="${escapeAttribute(source)}" target="${escapeAttribute(target)}"${type}${
        kind === undefined ? '' : ` kind="${escapeAttribute(kind)}"`
      }${label === undefined ? '' : ` label="${escapeAttribute(label)}"`}${
        weight === undefined ? '' : ` weight="${weight}"`
      }`,
    );
    let open = writeAttvalues(edgeFieldList, edgeStarts, attributes);
    if (time) open = writeSpells(open, time.edges.get(edge));
    const c = color(attributes.color);
    if (c) open = writeViz(open, c);
    const thickness = nonNegative(attributes.size);
    if (thickness !== undefined) open = writeViz(open, `thickness value="${thickness}"`);
    out.push(open ? `${ind[3]}</edge>${nl}` : `/>${nl}`);
  };
  graph.forEachDirectedEdge((edge, attributes, source, target) =>
    writeEdge(edge, attributes, source, target, ''),
  );
  graph.forEachUndirectedEdge((edge, attributes, source, target) => {
    // NetworkX reads a graph as a simple DiGraph, collapsing parallel edges, unless it meets an
    // edge whose (source, target) it has already seen; it does not check the reverse copy it
    // adds for a mutual edge. So a mutual edge beside a directed edge the other way round is
    // written in that direction, where NetworkX sees the parallel edge and keeps both.
    if (
      undirectedAs === 'mutual' &&
      graph.hasDirectedEdge(target, source) &&
      !graph.hasDirectedEdge(source, target)
    ) {
      writeEdge(edge, attributes, target, source, undirectedType);
    } else writeEdge(edge, attributes, source, target, undirectedType);
  });
  out.push(`${ind[2]}</edges>${nl}`, `${ind[1]}</graph>${nl}`, `</gexf>\n`);
  return out.join('');
}

/** The spells of a dynamic GEXF: each edge's, each node's, and the graph's span. */
interface GraphTime {
  edges: Map<string, Spell[]>;
  nodes: Map<string, Spell[]>;
  span: Spell | undefined;
}

function timeOf(graph: ExportableGraph, kind: DateKind): GraphTime {
  const edges = new Map<string, Spell[]>();
  graph.forEachEdge((edge, attributes) => {
    const evidence = Array.isArray(attributes.evidence)
      ? (attributes.evidence as Partial<Evidence>[]).map((e) => ({
          date: typeof e.date === 'string' && isPartialDate(e.date) ? e.date : null,
          eventDate:
            typeof e.eventDate === 'string' && isPartialDate(e.eventDate) ? e.eventDate : null,
        }))
      : [];
    edges.set(edge, evidenceSpells(evidence, kind));
  });
  const nodes = new Map<string, Spell[]>();
  graph.forEachNode((node) => {
    const spells: Spell[] = [];
    // A node is on the timeline only when all its edges are: one there throughout (no dated
    // evidence) would otherwise lose its end whenever the node is off.
    const timed =
      graph.someEdge(node, () => true) &&
      graph.everyEdge(node, (edge) => {
        const own = edges.get(edge)!;
        spells.push(...own);
        return own.length > 0;
      });
    if (timed) nodes.set(node, mergeSpells(spells));
  });
  return { edges, nodes, span: spanOf([...edges.values()].flat()) };
}

/** Only real dates become spells: a graph.json is checked, but a graph in memory may not be. */
const isPartialDate = (value: string): boolean => calendarDateProblem(value) === undefined;
