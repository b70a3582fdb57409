/**
 * The data model shared by the build, the exporters and the browser app.
 * Plain data only: everything here survives JSON.stringify.
 */

export const MODALITIES = [
  'asserted',
  'negated',
  'conditional',
  'proposed',
  'reported',
  'denied',
] as const;
export type Modality = (typeof MODALITIES)[number];

/** Modalities under which the relation did not (or not yet, or not surely) happen. */
export const UNCONFIRMED_MODALITIES: readonly Modality[] = [
  'negated',
  'conditional',
  'proposed',
  'denied',
];

export const ACTOR_KINDS = [
  'state',
  'organisation',
  'armed-group',
  'coalition',
  'military',
  'person',
] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export interface RelationType {
  id: string;
  label: string;
  inverseLabel?: string;
  directed: boolean;
  sign: -1 | 0 | 1;
  color: string;
  description: string;
  cameo: string[];
}

export interface Actor {
  id: string;
  label: string;
  kind: ActorKind;
  aliases?: string[];
  affiliation?: string;
  wikidata?: string;
  note?: string;
  /**
   * CAMEO actor codes that stand for this actor in machine-coded event data (GDELT): a code
   * also covers the longer codes it begins (USA covers USAGOV) unless another entry names
   * them. See docs/events.md.
   */
  cameo?: string[];
}

export interface PublishedDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  basis: 'stated' | 'inferred';
  how: string;
}

/**
 * When the event a relation reports happened, as the article's words give it (docs/time.md).
 * `stated`: the words give the whole date; `inferred`: the words give the day and month (or
 * the month) and the year is the article's.
 */
export interface EventDate {
  /** YYYY, YYYY-MM or YYYY-MM-DD: never more precise than the words. */
  date: string;
  basis: 'stated' | 'inferred';
  /** The words of the article text the date rests on, verbatim ("In May", "on February 27"). */
  how: string;
}

/** An annotated relation as written in an article's YAML file. */
export interface RelationAnnotation {
  source: string;
  type: string;
  target: string;
  quote: string;
  modality?: Modality;
  /** When the reported event happened, where the text says. */
  eventDate?: EventDate;
  note?: string;
}

export interface ArticleDocument {
  title: string;
  titleNote?: string;
  outlet?: string;
  outletNote?: string;
  url?: string;
  published?: PublishedDate;
  relations: RelationAnnotation[];
}

/** Article metadata as carried by the built graph (texts travel separately). */
export interface ArticleMeta {
  id: string;
  title: string;
  titleNote?: string;
  outlet?: string;
  outletNote?: string;
  url?: string;
  published?: PublishedDate;
  relationCount: number;
}

/** One piece of evidence: a verbatim span of an article supporting an edge. */
export interface Evidence {
  article: string;
  /** The article text between start and end, verbatim. */
  quote: string;
  /** UTF-16 offsets into the article's normalised text (BOM removed, line ends as \n). */
  start: number;
  end: number;
  modality: Modality;
  /** The article's published date (the statement's date), or null when it has none. */
  date: string | null;
  /**
   * The date of the event the statement reports (YYYY, YYYY-MM or YYYY-MM-DD), where the text
   * gives it; absent (or null) otherwise. See docs/time.md.
   */
  eventDate?: string | null;
  /** stated or inferred (the year taken from the article's date); with eventDate. */
  eventDateBasis?: 'stated' | 'inferred';
  /** The words of the text the event date rests on; with eventDate. */
  eventDateHow?: string;
  note?: string;
}

export interface NodeAttributes {
  label: string;
  kind: ActorKind;
  aliases: string[];
  affiliation?: string;
  wikidata?: string;
  note?: string;
  x: number;
  y: number;
  size: number;
  color: string;
  /** Number of distinct edges (relation type and counterpart) touching the actor. */
  degree: number;
  /** Number of pieces of evidence on those edges. */
  evidenceCount: number;
  /** degree per relation type id. */
  degreeByRelation: Record<string, number>;
  /**
   * Set by the page's analysis once computed (docs/analysis.md), so that exports carry them:
   * statements on the actor's relations, PageRank, betweenness, Louvain community (from 0)
   * and camp (0 or 1; absent without a signed relation).
   */
  weightedDegree?: number;
  pagerank?: number;
  betweenness?: number;
  community?: number;
  camp?: 0 | 1;
}

/** What machine-coded events add up to, for a month or for a whole relation. */
export interface MachineCounts {
  events: number;
  /** Sums over the events of GDELT's NumMentions, NumSources and NumArticles. */
  mentions: number;
  sources: number;
  articles: number;
  /** Means over the events of the Goldstein scale (-10..10) and of AvgTone (-100..100). */
  goldstein: number;
  tone: number;
}

/** One month of machine-coded events behind an edge (one row of events/gdelt.csv). */
export interface MachineMonth extends MachineCounts {
  /** YYYY-MM, the month of the events (GDELT's MonthYear). */
  month: string;
}

/**
 * Machine-coded evidence: what an event coder (GDELT) counted for a relation, aggregated by
 * month. It is its own kind, never mixed with the annotated statements: no quote, no modality,
 * and counts that are not independent evidence (the same event is in many articles).
 */
export interface MachineEvidence extends MachineCounts {
  kind: 'machine-coded';
  coder: 'GDELT';
  /** (Its goldstein and tone: means over all the events, weighted by each month's.) */
  firstMonth: string;
  lastMonth: string;
  months: MachineMonth[];
  /** A few source URLs of the events (http and https only). */
  urls: string[];
}

export interface EdgeAttributes {
  /**
   * How the page draws the line when every statement is shown (src/core/explore/strokes.ts);
   * set by the page when it loads the graph, not written by the build.
   */
  baseStroke?: 'solid' | 'dashed' | 'dotted';
  relation: string;
  label: string;
  /** Number of pieces of evidence. */
  weight: number;
  evidence: Evidence[];
  articles: string[];
  /** The earliest and latest statement dates (articles' published dates) of the evidence. */
  firstDate: string | null;
  lastDate: string | null;
  /**
   * The earliest and latest event dates of the evidence, null when none has one. Written by
   * every build since event dates exist; absent from graphs of older builds.
   */
  firstEventDate?: string | null;
  lastEventDate?: string | null;
  color: string;
  size: number;
  /**
   * Machine-coded events behind the relation (events/gdelt.csv), apart from the annotated
   * evidence: `weight` and `evidence` count statements only. An edge with machine-coded
   * evidence and no statement (weight 0) is one that only GDELT supports.
   */
  machine?: MachineEvidence;
}

export interface GraphAttributes {
  name: string;
  description: string;
  relationTypes: RelationType[];
  articles: Record<string, ArticleMeta>;
  /**
   * The file beside graph.json holding the article texts the evidence offsets refer to
   * (`articles.<hash>.json`), named by the writer (src/node/writeOutput.ts) when it writes
   * graph.json; absent from a graph not yet written, and from graphs of older builds, whose
   * texts are in articles.json.
   */
  texts?: string;
}
