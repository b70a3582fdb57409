/**
 * The export field schema: which node and edge attributes travel to the export formats, under
 * which names and declared types, and how each is read from a graph. GEXF, GraphML and CSV all
 * take their columns from here, so a field added once appears in every format.
 */
import type { AbstractGraph, Attributes } from 'graphology-types';
import type { Evidence, GraphAttributes, MachineEvidence, NodeAttributes } from '../model.ts';
import { edgeDateRange } from '../time/edgeDates.ts';

/** Any graphology graph; attributes are read as src/core/model.ts describes them. */
export type ExportableGraph = AbstractGraph<Attributes, Attributes, Attributes>;

/**
 * The declared type of a field. `liststring` is written as a list in GEXF, as a JSON array
 * string in GraphML, and joined with a separator in CSV.
 */
export type FieldType = 'string' | 'integer' | 'double' | 'liststring';

/** One attribute that travels to the export formats, with how to read it from the graph. */
export interface Field {
  name: string;
  type: FieldType;
  /** The value, or undefined when there is none (missing, null, empty, wrong type). */
  read(attributes: Attributes): unknown;
}

/**
 * The one coercion of an attribute to text that every writer uses: a non-empty string as it
 * is, a number or boolean as text, anything else (missing, empty, an object) as no value.
 */
export const asString = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value === ''
      ? undefined
      : value
    : typeof value === 'number' || typeof value === 'boolean'
      ? String(value)
      : undefined;
export const asInteger = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isInteger(value) ? value : undefined;
export const asList = (value: unknown): readonly unknown[] | undefined =>
  Array.isArray(value) ? value : undefined;
const evidenceOf = (a: Attributes): readonly Partial<Evidence>[] | undefined =>
  Array.isArray(a.evidence) ? (a.evidence as Partial<Evidence>[]) : undefined;

/** The earliest and latest event dates of an edge's evidence, or undefined when none has one. */
function eventRange(a: Attributes): { first: string; last: string } | undefined {
  const evidence = evidenceOf(a);
  if (!evidence) return undefined;
  const range = edgeDateRange(
    evidence.map((e) => ({
      date: null,
      eventDate: typeof e.eventDate === 'string' ? e.eventDate : null,
    })),
  );
  return range.firstEventDate === null || range.lastEventDate === null
    ? undefined
    : { first: range.firstEventDate, last: range.lastEventDate };
}

/**
 * The relation type ids of the graph, for the per-relation degree fields: those of the
 * graph's `relationTypes` attribute in its order, then any other found in the nodes'
 * `degreeByRelation`, in the order met.
 */
export function relationIdsOf(graph: ExportableGraph): string[] {
  const ids = new Set<string>();
  const types = (graph.getAttributes() as Partial<GraphAttributes>).relationTypes;
  if (Array.isArray(types)) for (const t of types) if (typeof t?.id === 'string') ids.add(t.id);
  graph.forEachNode((_node, a) => {
    const byRelation = (a as Partial<NodeAttributes>).degreeByRelation;
    if (byRelation && typeof byRelation === 'object') for (const k in byRelation) ids.add(k);
  });
  return [...ids];
}

const asNumber = (value: unknown): number | undefined =>
  typeof value === 'number' && Number.isFinite(value) ? value : undefined;

/** The analysis's figures on the actors, when the page has computed them (docs/analysis.md). */
export const ANALYSIS_NODE_FIELDS: readonly Field[] = [
  { name: 'weightedDegree', type: 'integer', read: (a) => asInteger(a.weightedDegree) },
  { name: 'pagerank', type: 'double', read: (a) => asNumber(a.pagerank) },
  { name: 'betweenness', type: 'double', read: (a) => asNumber(a.betweenness) },
  { name: 'community', type: 'integer', read: (a) => asInteger(a.community) },
  { name: 'camp', type: 'integer', read: (a) => asInteger(a.camp) },
];

/** Whether any actor carries the analysis's figures (then the exports carry them too). */
export const hasAnalysis = (graph: ExportableGraph): boolean =>
  graph.someNode((_node, a) => typeof a.pagerank === 'number');

/**
 * The node fields, besides the label and the viz properties (position, size, color); the
 * analysis's fields when the graph has them.
 */
export function nodeFields(relationIds: readonly string[], analysis = false): Field[] {
  return [
    { name: 'kind', type: 'string', read: (a) => asString(a.kind) },
    { name: 'affiliation', type: 'string', read: (a) => asString(a.affiliation) },
    { name: 'aliases', type: 'liststring', read: (a) => asList(a.aliases) },
    { name: 'wikidata', type: 'string', read: (a) => asString(a.wikidata) },
    { name: 'note', type: 'string', read: (a) => asString(a.note) },
    { name: 'degree', type: 'integer', read: (a) => asInteger(a.degree) },
    { name: 'evidenceCount', type: 'integer', read: (a) => asInteger(a.evidenceCount) },
    ...relationIds.map((id): Field => ({
      name: `degree_${id}`,
      type: 'integer',
      read: (a) =>
        a.degreeByRelation && typeof a.degreeByRelation === 'object'
          ? asInteger((a.degreeByRelation as Record<string, unknown>)[id])
          : undefined,
    })),
    ...(analysis ? ANALYSIS_NODE_FIELDS : []),
  ];
}

/**
 * The edge fields, besides the label, weight and viz properties (color, thickness).
 * `eventDates` adds the first and last event dates (the dynamic GEXF has them; the other
 * exports keep their columns as they were).
 */
export function edgeFields(
  options: { quotes?: boolean; eventDates?: boolean; machine?: boolean } = {},
): Field[] {
  const fields: Field[] = [
    { name: 'relation', type: 'string', read: (a) => asString(a.relation) },
    {
      name: 'evidenceCount',
      type: 'integer',
      read: (a) => evidenceOf(a)?.length ?? asInteger(a.weight),
    },
    { name: 'firstDate', type: 'string', read: (a) => asString(a.firstDate) },
    { name: 'lastDate', type: 'string', read: (a) => asString(a.lastDate) },
    ...(options.eventDates
      ? ([
          // From the evidence, which a filtered copy keeps true, as graphs of older builds do.
          { name: 'firstEventDate', type: 'string', read: (a) => eventRange(a)?.first },
          { name: 'lastEventDate', type: 'string', read: (a) => eventRange(a)?.last },
        ] satisfies Field[])
      : []),
    { name: 'articles', type: 'liststring', read: (a) => asList(a.articles) },
    {
      name: 'evidenceArticles',
      type: 'liststring',
      read: (a) => evidenceOf(a)?.map((e) => e.article),
    },
    {
      name: 'evidenceModalities',
      type: 'liststring',
      read: (a) => evidenceOf(a)?.map((e) => e.modality),
    },
  ];
  if (options.quotes ?? true) {
    fields.push({
      name: 'evidenceQuotes',
      type: 'liststring',
      read: (a) => evidenceOf(a)?.map((e) => e.quote),
    });
  }
  if (options.machine) fields.push(...MACHINE_EDGE_FIELDS);
  return fields;
}

const machineOf = (a: Attributes): Partial<MachineEvidence> | undefined =>
  a.machine && typeof a.machine === 'object' ? (a.machine as Partial<MachineEvidence>) : undefined;

/**
 * Machine-coded evidence (GDELT, docs/events.md), apart from the statements: which coder, how
 * many events, from which month to which. Only in exports of a graph that has some, so that
 * the others keep their columns as they were.
 */
const MACHINE_EDGE_FIELDS: Field[] = [
  { name: 'machineCoder', type: 'string', read: (a) => asString(machineOf(a)?.coder) },
  { name: 'machineEvents', type: 'integer', read: (a) => asInteger(machineOf(a)?.events) },
  { name: 'machineFirstMonth', type: 'string', read: (a) => asString(machineOf(a)?.firstMonth) },
  { name: 'machineLastMonth', type: 'string', read: (a) => asString(machineOf(a)?.lastMonth) },
];

/** Whether any edge of the graph carries machine-coded evidence. */
export const hasMachineEvidence = (graph: ExportableGraph): boolean =>
  graph.someEdge((_e, a) => machineOf(a) !== undefined);
