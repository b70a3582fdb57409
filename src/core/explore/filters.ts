import type Graph from 'graphology';
import type { ActorGraph } from '../graph/actorGraph.ts';
import type {
  ArticleMeta,
  EdgeAttributes,
  Evidence,
  GraphAttributes,
  Modality,
  NodeAttributes,
} from '../model.ts';
import { corroboration } from './corroboration.ts';
import { strokeOf, type Stroke } from './strokes.ts';
import { ACTOR_KINDS, MODALITIES, UNCONFIRMED_MODALITIES } from '../model.ts';
import { calendarDateProblem } from '../dates.ts';
import { KIND_COLORS, KIND_LABELS, MODALITY_TEXT } from '../style.ts';
import { DATE_KINDS, DATE_KIND_LABELS, isDateKind, type DateKind } from '../time/kinds.ts';

/**
 * The filters, each declared once: its URL parameter and default, what it hides, and how it is
 * shown. Everything else is derived from this list: the filter state's type, reading and
 * writing the URL, dropping what a graph does not know, what the network and the counts show,
 * what the exports hold, and the controls the page draws. Filters hide, they never delete:
 * the graph itself is never changed, only what is drawn, counted and exported.
 *
 * A filter hides at one stage of deciding what is shown, in this order:
 *   actor          an actor (and so its relations) by its attributes     (kind)
 *   relation       a relation by its attributes                          (type)
 *   evidence       a statement                                           (modality, article, dates)
 *   shownRelation  a relation by the statements still shown              (minimum, strict evidence)
 *   shownActor     an actor by whether any of its relations is shown     (hide isolated)
 * A filter of stage `setting` hides nothing itself: it is a choice other filters read through
 * their context (the kind of date the date range tests).
 */

/** One choice in a checklist control. */
export interface FilterOption {
  value: string;
  label: string;
  /** A second line or a tooltip: an explanation, an outlet and date. */
  note?: string;
  /** A swatch colour. */
  color?: string;
  /** The relation-type legend shows which relations are directed. */
  directed?: boolean;
}

export type FilterSection = 'legend' | 'statements' | 'actors' | 'articles';

/**
 * How a filter is shown. `id` names the control's element (a checklist's options get
 * `<id>-<value>`), so that labels, tests and keyboard focus can find it again after a redraw.
 */
export type FilterControl =
  | {
      /** One checkbox per option; checked means shown. Long lists are searched. */
      kind: 'checklist';
      section: FilterSection;
      id: string;
      title: string;
      /** A modality badge, a colour swatch, or a title with a note under it. */
      look: 'badge' | 'swatch' | 'title';
      options(graph: ActorGraph): FilterOption[];
      /** How many shown items each option has, where the control shows counts (the legend). */
      counts?(graph: ActorGraph, visibility: Visibility): Map<string, number>;
    }
  | { kind: 'toggle'; section: FilterSection; id: string; label: string }
  | {
      /** A partial date (YYYY, YYYY-MM, YYYY-MM-DD) chosen among those the data has. */
      kind: 'date';
      section: FilterSection;
      id: string;
      label: string;
      options(graph: ActorGraph): string[];
      /** Said while the filter is active. */
      activeNote?: string;
    }
  | {
      /**
       * Strict evidence: on or off, with two whole numbers, at least `asserted` asserted
       * statements from at least `outlets` distinct outlets.
       */
      kind: 'strict';
      section: FilterSection;
      id: string;
      label: string;
    }
  | {
      /** One of a few values, as radio buttons (the kind of date). */
      kind: 'choice';
      section: FilterSection;
      id: string;
      label: string;
      options: readonly FilterOption[];
    }
  | {
      /** A whole number from 1 to max, dragged: intermediate values are transient. */
      kind: 'minimum';
      section: FilterSection;
      id: string;
      label: string;
      max(graph: ActorGraph): number;
    };

/**
 * What a filter may read of the other filters' values when it decides what it hides: the
 * settings (stage `setting`). `Filters` has every field of it.
 */
export interface FilterContext {
  /** Which date of a statement the date range tests: its article's or its event's. */
  readonly dateKind: DateKind;
}

type Hides<V> =
  | { stage: 'setting' }
  | { stage: 'actor'; hides(value: V): (attr: NodeAttributes) => boolean }
  | { stage: 'relation'; hides(value: V): (attr: EdgeAttributes) => boolean }
  | {
      stage: 'evidence';
      hides(value: V, context: FilterContext): (evidence: Evidence) => boolean;
    }
  | {
      stage: 'shownRelation';
      hides(
        value: V,
      ): (
        shown: readonly Evidence[],
        attr: EdgeAttributes,
        articles: Readonly<Record<string, ArticleMeta>>,
      ) => boolean;
    }
  | { stage: 'shownActor'; hides(value: V): (hasShownRelations: boolean) => boolean }
  /**
   * A kind of evidence as a whole: the annotated statements, the machine-coded events. Asked
   * even when the filter is at its default, which hides machine-coded evidence.
   */
  | { stage: 'kind'; hides(value: V): (kind: EvidenceKind) => boolean };

/** The kinds of evidence an edge can stand on, never mixed (docs/events.md). */
export const EVIDENCE_KINDS = ['annotated', 'machine-coded'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];
const isEvidenceKind = (value: string): value is EvidenceKind =>
  (EVIDENCE_KINDS as readonly string[]).includes(value);

export type FilterDefinition<V> = Hides<V> & {
  /** The URL parameter. */
  param: string;
  defaultValue: V;
  /** The value a URL parameter stands for (null: absent); what cannot be read is dropped. */
  read(raw: string | null): V;
  /** The URL parameter's value, or null to leave it out (the default). */
  write(value: V): string | null;
  isActive(value: V): boolean;
  /** The value without what the graph does not know (a stale link must not break the page). */
  sanitize(value: V, graph: ActorGraph): V;
  control: FilterControl;
};

// ---- the kinds of filter --------------------------------------------------------------------

/**
 * A function of the graph, computed once per graph: a control's options and bounds are asked
 * for on every redraw and every sanitised link, and the graph itself never changes.
 */
function perGraph<T>(compute: (graph: ActorGraph) => T): (graph: ActorGraph) => T {
  const cache = new WeakMap<ActorGraph, T>();
  return (graph) => {
    if (!cache.has(graph)) cache.set(graph, compute(graph));
    return cache.get(graph)!;
  };
}

type SetHides<T extends string> =
  | { stage: 'actor'; key: (attr: NodeAttributes) => T }
  | { stage: 'relation'; key: (attr: EdgeAttributes) => T }
  | { stage: 'evidence'; key: (evidence: Evidence) => T };

/** Hides the items whose key is in the set; the control lists the options the graph has. */
function hiddenSet<T extends string>(spec: {
  param: string;
  hides: SetHides<T>;
  control: Extract<FilterControl, { kind: 'checklist' }>;
}): FilterDefinition<ReadonlySet<T>> {
  const common = {
    param: spec.param,
    defaultValue: new Set<T>() as ReadonlySet<T>,
    read: (raw: string | null) =>
      new Set(
        (raw ?? '')
          .split(',')
          .map((s) => s.trim())
          .filter((s) => s.length > 0) as T[],
      ),
    // Sorted, so that the same view always has the same URL.
    write: (value: ReadonlySet<T>) => (value.size > 0 ? [...value].sort().join(',') : null),
    isActive: (value: ReadonlySet<T>) => value.size > 0,
    sanitize: (value: ReadonlySet<T>, graph: ActorGraph) => {
      const known = new Set(spec.control.options(graph).map((o) => o.value));
      return new Set([...value].filter((v) => known.has(v)));
    },
    control: spec.control,
  };
  const h = spec.hides;
  switch (h.stage) {
    case 'actor':
      return { ...common, stage: 'actor', hides: (v) => (attr) => v.has(h.key(attr)) };
    case 'relation':
      return { ...common, stage: 'relation', hides: (v) => (attr) => v.has(h.key(attr)) };
    case 'evidence':
      return { ...common, stage: 'evidence', hides: (v) => (e) => v.has(h.key(e)) };
  }
}

/** Whether a YYYY, YYYY-MM or YYYY-MM-DD string names a real period (no 2021-02-31). */
export const isPartialDate = (value: string): boolean => calendarDateProblem(value) === undefined;

/** The first day a partial date (YYYY, YYYY-MM, YYYY-MM-DD) can stand for. */
const firstDay = (date: string): string =>
  date.length === 4 ? `${date}-01-01` : date.length === 7 ? `${date}-01` : date;
/** The last day it can stand for (a month's "31" compares correctly with any of its days). */
const lastDay = (date: string): string =>
  date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date;

/**
 * One end of a date range. A partial date counts as the period it stands for ("2016" is in a
 * range from 2016-07, since part of 2016 is); undated statements are hidden by either bound.
 * The date tested is the statement's or its event's, as the `dateKind` setting says: without
 * an event date a statement is undated for the event kind.
 */
function dateBound(spec: {
  param: string;
  end: 'from' | 'to';
  control: Extract<FilterControl, { kind: 'date' }>;
}): FilterDefinition<string | null> {
  return {
    param: spec.param,
    defaultValue: null,
    read: (raw) => (raw !== null && isPartialDate(raw) ? raw : null),
    write: (value) => value,
    isActive: (value) => value !== null,
    // Any real date may bound the range, whether or not a statement has it.
    sanitize: (value) => value,
    control: spec.control,
    stage: 'evidence',
    hides: (bound, context) => {
      if (bound === null) return () => false;
      // Runs for every statement on every change of the filters (a dragged brush included):
      // compare strings, no arrays; the kind of date is chosen once, not per statement.
      const dateOf =
        context.dateKind === 'event'
          ? (e: Evidence) => e.eventDate ?? null
          : (e: Evidence) => e.date;
      if (spec.end === 'from') {
        const limit = firstDay(bound);
        return (e) => {
          const date = dateOf(e);
          return date === null || lastDay(date) < limit;
        };
      }
      const limit = lastDay(bound);
      return (e) => {
        const date = dateOf(e);
        return date === null || firstDay(date) > limit;
      };
    },
  };
}

// ---- the filters ----------------------------------------------------------------------------

const articleOptions = perGraph((graph: ActorGraph): FilterOption[] =>
  Object.values(graph.getAttribute('articles'))
    .sort(
      (a, b) =>
        (a.published?.date ?? '').localeCompare(b.published?.date ?? '') ||
        a.title.localeCompare(b.title),
    )
    .map((a) => ({
      value: a.id,
      label: a.title,
      note: [a.outlet ?? 'outlet unknown', a.published?.date].filter(Boolean).join(' · '),
    })),
);

/**
 * The years and months the articles are dated, and those of the events statements report, for
 * the date bounds (either kind of date may be tested).
 */
const articleDates = perGraph((graph: ActorGraph): string[] => {
  const dates = new Set<string>();
  const add = (date: string) => {
    dates.add(date.slice(0, 4));
    dates.add(date.slice(0, 7));
  };
  for (const a of Object.values(graph.getAttribute('articles')))
    if (a.published) add(a.published.date);
  graph.forEachEdge((_e, attr) => {
    for (const e of attr.evidence) if (e.eventDate) add(e.eventDate);
  });
  return [...dates].sort();
});

/**
 * Which date of a statement the date range (and the timeline) uses: the statement date, its
 * article's (the default), or the date of the event it reports, where the text gives one
 * (`?dates=event`). A setting: alone it hides nothing, so it is never "active".
 */
function dateKindSetting(): FilterDefinition<DateKind> {
  return {
    param: 'dates',
    defaultValue: 'statement',
    read: (raw) => (isDateKind(raw) ? raw : 'statement'),
    write: (value) => (value === 'statement' ? null : value),
    isActive: () => false,
    sanitize: (value) => value,
    control: {
      kind: 'choice',
      section: 'articles',
      id: 'filter-dates',
      label: 'Dates',
      options: DATE_KINDS.map((kind) => ({ value: kind, label: DATE_KIND_LABELS[kind] })),
    },
    stage: 'setting',
  };
}

/** The most statements any relation has: the minimum's upper bound. */
const mostStatements = perGraph((graph: ActorGraph): number =>
  graph.reduceEdges((max, _e, a) => Math.max(max, a.evidence.length), 1),
);

/** Hides relations with fewer shown statements than the minimum (1, the default, hides none). */
function minimumStatements(): FilterDefinition<number> {
  return {
    param: 'min-statements',
    defaultValue: 1,
    read: (raw) => {
      const n = raw === null ? NaN : Number(raw);
      return Number.isInteger(n) && n >= 1 ? n : 1;
    },
    write: (value) => (value > 1 ? String(value) : null),
    isActive: (value) => value > 1,
    // A minimum above every relation's statements would hide everything: cap it.
    sanitize: (value, graph) => Math.min(value, mostStatements(graph)),
    control: {
      kind: 'minimum',
      section: 'statements',
      id: 'filter-min-statements',
      label: 'Relations with at least',
      max: mostStatements,
    },
    stage: 'shownRelation',
    hides: (min) => (shown) => shown.length < min,
  };
}

/** Strict evidence: at least `asserted` asserted statements from `outlets` distinct outlets. */
export interface Strictness {
  asserted: number;
  outlets: number;
}

/** The strict-evidence setting a user turns on first: corroborated by two outlets. */
export const DEFAULT_STRICTNESS: Strictness = { asserted: 2, outlets: 2 };

/**
 * Shows only relations whose shown statements include at least k asserted ones from at least m
 * distinct outlets (`?strict=k,m`): what an analyst can cite. Off (null) by default.
 */
function strictEvidence(): FilterDefinition<Strictness | null> {
  return {
    param: 'strict',
    defaultValue: null,
    read: (raw) => {
      const m = raw === null ? null : /^(\d{1,4}),(\d{1,4})$/.exec(raw);
      if (!m) return null;
      const [asserted, outlets] = [Number(m[1]), Number(m[2])];
      return asserted >= 1 && outlets >= 1 ? { asserted, outlets } : null;
    },
    write: (value) => (value === null ? null : `${value.asserted},${value.outlets}`),
    isActive: (value) => value !== null,
    sanitize: (value) => value,
    control: {
      kind: 'strict',
      section: 'statements',
      id: 'filter-strict',
      label: 'Strict evidence',
    },
    stage: 'shownRelation',
    hides: (value) => (shown, _attr, articles) => {
      if (value === null) return false;
      const c = corroboration(shown, articles);
      return c.asserted < value.asserted || c.assertedOutlets < value.outlets;
    },
  };
}

const hasMachineCoded = perGraph((graph: ActorGraph): boolean =>
  graph.someEdge((_e, a) => a.machine !== undefined),
);

/**
 * Evidence: annotated / machine-coded. Hides a kind of evidence as a whole
 * (`?hide-evidence=annotated`, `none`); machine-coded evidence is hidden by default, so that a
 * graph with a GDELT layer first looks as it does without one. Offered only when the graph has
 * machine-coded evidence.
 */
function evidenceKinds(): FilterDefinition<ReadonlySet<EvidenceKind>> {
  const byDefault: ReadonlySet<EvidenceKind> = new Set<EvidenceKind>(['machine-coded']);
  const isDefault = (value: ReadonlySet<EvidenceKind>) =>
    value.size === byDefault.size && [...value].every((k) => byDefault.has(k));
  return {
    param: 'hide-evidence',
    defaultValue: byDefault,
    read: (raw) =>
      raw === null
        ? byDefault
        : new Set(
            raw
              .split(',')
              .map((s) => s.trim())
              .filter(isEvidenceKind),
          ),
    write: (value) =>
      isDefault(value) ? null : value.size === 0 ? 'none' : [...value].sort().join(','),
    isActive: (value) => !isDefault(value),
    sanitize: (value) => value,
    control: {
      kind: 'checklist',
      section: 'statements',
      id: 'filter-evidence-kind',
      title: 'Evidence',
      look: 'title',
      options: perGraph((graph) =>
        hasMachineCoded(graph)
          ? [
              {
                value: 'annotated',
                label: 'Annotated statements',
                note: 'quotes from the articles, each with its modality',
              },
              {
                value: 'machine-coded',
                label: 'Machine-coded events (GDELT)',
                note: 'counted by GDELT’s event coder: no quote, not checked by a reader',
              },
            ]
          : [],
      ),
    },
    stage: 'kind',
    hides: (value) => (kind) => value.has(kind),
  };
}

export const FILTERS = {
  hiddenRelations: hiddenSet({
    param: 'hide-relations',
    hides: { stage: 'relation', key: (attr) => attr.relation },
    control: {
      kind: 'checklist',
      section: 'legend',
      id: 'filter-relation',
      title: 'Relations',
      look: 'swatch',
      options: perGraph((graph) =>
        graph.getAttribute('relationTypes').map((t) => ({
          value: t.id,
          label: t.label,
          note: t.description,
          color: t.color,
          directed: t.directed,
        })),
      ),
      counts: (graph, visibility) => {
        const shown = new Map<string, number>();
        for (const edge of visibility.edges.keys()) {
          const relation = graph.getEdgeAttribute(edge, 'relation');
          shown.set(relation, (shown.get(relation) ?? 0) + 1);
        }
        return shown;
      },
    },
  }),
  hiddenModalities: hiddenSet({
    param: 'hide-modalities',
    hides: { stage: 'evidence', key: (e): Modality => e.modality },
    control: {
      kind: 'checklist',
      section: 'statements',
      id: 'filter-modality',
      title: 'Statements',
      look: 'badge',
      options: perGraph((graph) => {
        const present = new Set<Modality>();
        graph.forEachEdge((_e, a) => a.evidence.forEach((e) => present.add(e.modality)));
        return MODALITIES.filter((m) => present.has(m)).map((m) => ({
          value: m,
          label: MODALITY_TEXT[m].short,
          note: MODALITY_TEXT[m].explain,
        }));
      }),
    },
  }),
  evidenceKinds: evidenceKinds(),
  minStatements: minimumStatements(),
  strictEvidence: strictEvidence(),
  hiddenKinds: hiddenSet({
    param: 'hide-kinds',
    hides: { stage: 'actor', key: (attr) => attr.kind },
    control: {
      kind: 'checklist',
      section: 'actors',
      id: 'filter-kind',
      title: 'Actors',
      look: 'swatch',
      options: perGraph((graph) =>
        ACTOR_KINDS.filter((kind) => graph.someNode((_n, a) => a.kind === kind)).map((kind) => ({
          value: kind,
          label: KIND_LABELS[kind],
          color: KIND_COLORS[kind],
        })),
      ),
    },
  }),
  hideIsolated: {
    param: 'hide-isolated',
    defaultValue: false,
    read: (raw) => raw === '1',
    write: (value) => (value ? '1' : null),
    isActive: (value) => value,
    sanitize: (value) => value,
    control: {
      kind: 'toggle',
      section: 'actors',
      id: 'filter-hide-isolated',
      label: 'Hide actors without shown relations',
    },
    stage: 'shownActor',
    hides: () => (hasShownRelations) => !hasShownRelations,
  } satisfies FilterDefinition<boolean>,
  dateKind: dateKindSetting(),
  from: dateBound({
    param: 'from',
    end: 'from',
    control: {
      kind: 'date',
      section: 'articles',
      id: 'filter-from',
      label: 'From',
      options: articleDates,
      activeNote: 'Undated statements are hidden while a date range is set.',
    },
  }),
  to: dateBound({
    param: 'to',
    end: 'to',
    control: {
      kind: 'date',
      section: 'articles',
      id: 'filter-to',
      label: 'To',
      options: articleDates,
      activeNote: 'Undated statements are hidden while a date range is set.',
    },
  }),
  hiddenArticles: hiddenSet({
    param: 'hide-articles',
    hides: { stage: 'evidence', key: (e) => e.article },
    control: {
      kind: 'checklist',
      section: 'articles',
      id: 'filter-article',
      title: 'Articles',
      look: 'title',
      options: articleOptions,
    },
  }),
};

export type FilterKey = keyof typeof FILTERS;
type ValueOf<D> = D extends FilterDefinition<infer V> ? V : never;

/** What the user has chosen to hide: one value per filter of FILTERS. */
export type Filters = { readonly [K in FilterKey]: ValueOf<(typeof FILTERS)[K]> };

export const FILTER_KEYS = Object.keys(FILTERS) as FilterKey[];

// The filter state is the context filters read the settings from (predicatesOf passes it).
const filtersAreContext = (filters: Filters): FilterContext => filters;
void filtersAreContext;

/** The definition of one filter, typed by the value it holds. */
export const filterDefinition = <K extends FilterKey>(key: K): FilterDefinition<Filters[K]> =>
  FILTERS[key] as unknown as FilterDefinition<Filters[K]>;

export const NO_FILTERS: Filters = Object.fromEntries(
  FILTER_KEYS.map((key) => [key, filterDefinition(key).defaultValue]),
) as unknown as Filters;

export const isFilterActive = <K extends FilterKey>(filters: Filters, key: K): boolean =>
  filterDefinition(key).isActive(filters[key]);

export const isFiltering = (filters: Filters): boolean =>
  FILTER_KEYS.some((key) => isFilterActive(filters, key));

/** The sections whose controls have an active filter (a shared link opens them). */
export const activeSections = (filters: Filters): Set<FilterSection> =>
  new Set(
    FILTER_KEYS.filter((key) => isFilterActive(filters, key)).map(
      (key) => filterDefinition(key).control.section,
    ),
  );

// ---- what the filters hide ------------------------------------------------------------------

interface Predicates {
  actor: ((attr: NodeAttributes) => boolean)[];
  relation: ((attr: EdgeAttributes) => boolean)[];
  evidence: ((e: Evidence) => boolean)[];
  shownRelation: ((
    shown: readonly Evidence[],
    attr: EdgeAttributes,
    articles: Readonly<Record<string, ArticleMeta>>,
  ) => boolean)[];
  shownActor: ((hasShownRelations: boolean) => boolean)[];
  kind: ((kind: EvidenceKind) => boolean)[];
}

// Derived once per filter state: visibility, counts and exports ask many times.
const predicateCache = new WeakMap<Filters, Predicates>();

/** What each active filter hides, grouped by stage. */
function predicatesOf(filters: Filters): Predicates {
  let p = predicateCache.get(filters);
  if (p) return p;
  p = { actor: [], relation: [], evidence: [], shownRelation: [], shownActor: [], kind: [] };
  for (const key of FILTER_KEYS) {
    const definition = filterDefinition(key) as FilterDefinition<unknown>;
    const value = filters[key] as unknown;
    if (definition.stage === 'setting') continue;
    if (definition.stage !== 'kind' && !definition.isActive(value)) continue;
    // Each definition's predicate goes to its own stage's list; a filter reads the settings
    // it depends on (the date kind) from the filter state itself.
    (p[definition.stage] as unknown[]).push(definition.hides(value, filters));
  }
  predicateCache.set(filters, p);
  return p;
}

/** Whether a kind of evidence (annotated, machine-coded) is shown under the filters. */
export const isKindVisible = (kind: EvidenceKind, filters: Filters): boolean =>
  !predicatesOf(filters).kind.some((h) => h(kind));

/** Whether a statement is shown under the filters. */
export function isEvidenceVisible(e: Evidence, filters: Filters): boolean {
  if (!isKindVisible('annotated', filters)) return false;
  const hide = predicatesOf(filters).evidence;
  for (const h of hide) if (h(e)) return false;
  return true;
}

/** The statements of a relation that the filters show. */
export const visibleEvidence = (edge: EdgeAttributes, filters: Filters): Evidence[] =>
  isKindVisible('annotated', filters) ? shownEvidence(edge, predicatesOf(filters).evidence) : [];

function shownEvidence(
  edge: EdgeAttributes,
  hide: readonly ((e: Evidence) => boolean)[],
): Evidence[] {
  if (hide.length === 0) return edge.evidence;
  return edge.evidence.filter((e) => !hide.some((h) => h(e)));
}

const UNCONFIRMED = new Set<Modality>(UNCONFIRMED_MODALITIES);

/** True when none of the evidence says the relation happened (negated, conditional, ...). */
export const allUnconfirmed = (evidence: readonly Evidence[]): boolean =>
  evidence.length > 0 && evidence.every((e) => UNCONFIRMED.has(e.modality));

export interface Visibility {
  nodes: Set<string>;
  /** Visible edges with their number of visible pieces of evidence. */
  edges: Map<string, number>;
  /** Visible edges whose visible evidence is all negated, denied, conditional or proposed. */
  unconfirmed: Set<string>;
  /** How each visible edge is drawn, from its visible evidence (see strokes.ts). */
  strokes: Map<string, Stroke>;
  /**
   * Visible edges that stand on machine-coded evidence alone (no statement shown): drawn apart.
   * Empty while machine-coded evidence is hidden (the default).
   */
  machineOnly: Set<string>;
}

/** Decides what is drawn under the filters: one pass over the nodes and the edges. */
export function computeVisibility(
  graph: Graph<NodeAttributes, EdgeAttributes, GraphAttributes>,
  filters: Filters,
): Visibility {
  const p = predicatesOf(filters);
  const articles = graph.getAttribute('articles') ?? {};
  const candidates = new Set<string>();
  graph.forEachNode((node, attr) => {
    if (!p.actor.some((h) => h(attr))) candidates.add(node);
  });
  const edges = new Map<string, number>();
  const unconfirmed = new Set<string>();
  const strokes = new Map<string, Stroke>();
  const machineOnly = new Set<string>();
  const connected = new Set<string>();
  const annotatedShown = !p.kind.some((h) => h('annotated'));
  const machineShown = !p.kind.some((h) => h('machine-coded'));
  graph.forEachEdge((edge, attr, source, target) => {
    if (!candidates.has(source) || !candidates.has(target) || p.relation.some((h) => h(attr)))
      return;
    const shown = annotatedShown ? shownEvidence(attr, p.evidence) : [];
    const byMachine = machineShown && attr.machine !== undefined;
    if (shown.length === 0 && !byMachine) return;
    if (p.shownRelation.some((h) => h(shown, attr, articles))) return;
    edges.set(edge, shown.length);
    if (shown.length === 0) machineOnly.add(edge);
    else if (allUnconfirmed(shown)) unconfirmed.add(edge);
    strokes.set(edge, shown.length === 0 ? 'solid' : strokeOf(shown));
    connected.add(source);
    connected.add(target);
  });
  const nodes =
    p.shownActor.length === 0
      ? candidates
      : new Set([...candidates].filter((n) => !p.shownActor.some((h) => h(connected.has(n)))));
  return { nodes, edges, unconfirmed, strokes, machineOnly };
}
