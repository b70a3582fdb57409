import type { ActorKind, Modality } from '../model.ts';
import { NO_FILTERS, type Filters } from './filters.ts';

/** What a shared link restores: the selection and the filters. */
export interface ViewState {
  actor: string | null;
  /** A selected relation (edge key). */
  edge: string | null;
  filters: Filters;
}

export const EMPTY_VIEW: ViewState = { actor: null, edge: null, filters: NO_FILTERS };

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

const list = (params: URLSearchParams, name: string): string[] =>
  (params.get(name) ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);

const date = (value: string | null): string | null =>
  value !== null && PARTIAL_DATE.test(value) ? value : null;

/**
 * Reads a view from a query string such as
 * `?actor=russia&hide-relations=opposes&hide-modalities=negated,denied&from=2015`.
 * Unknown parameters are ignored; ids are checked against the graph by the caller.
 */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  return {
    actor: params.get('actor') || null,
    edge: params.get('edge') || null,
    filters: {
      hiddenRelations: new Set(list(params, 'hide-relations')),
      hiddenModalities: new Set(list(params, 'hide-modalities') as Modality[]),
      hiddenKinds: new Set(list(params, 'hide-kinds') as ActorKind[]),
      hiddenArticles: new Set(list(params, 'hide-articles')),
      from: date(params.get('from')),
      to: date(params.get('to')),
      hideIsolated: params.get('hide-isolated') === '1',
    },
  };
}

/** The query string for a view ('' for the default view); lists are sorted for stable URLs. */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.actor) params.set('actor', view.actor);
  if (view.edge) params.set('edge', view.edge);
  const f = view.filters;
  const setList = (name: string, values: ReadonlySet<string>) => {
    if (values.size > 0) params.set(name, [...values].sort().join(','));
  };
  setList('hide-relations', f.hiddenRelations);
  setList('hide-modalities', f.hiddenModalities);
  setList('hide-kinds', f.hiddenKinds);
  setList('hide-articles', f.hiddenArticles);
  if (f.from) params.set('from', f.from);
  if (f.to) params.set('to', f.to);
  if (f.hideIsolated) params.set('hide-isolated', '1');
  const query = params.toString().replace(/%2C/g, ',');
  return query ? `?${query}` : '';
}

/** Drops whatever the graph does not know (a stale link must not break the page). */
export function sanitizeViewState(
  view: ViewState,
  known: {
    hasActor: (id: string) => boolean;
    hasEdge: (key: string) => boolean;
    relations: ReadonlySet<string>;
    modalities: ReadonlySet<string>;
    kinds: ReadonlySet<string>;
    articles: ReadonlySet<string>;
  },
): ViewState {
  const keep = <T extends string>(values: ReadonlySet<T>, allowed: ReadonlySet<string>) =>
    new Set([...values].filter((v) => allowed.has(v)));
  return {
    actor: view.actor !== null && known.hasActor(view.actor) ? view.actor : null,
    edge: view.edge !== null && known.hasEdge(view.edge) ? view.edge : null,
    filters: {
      ...view.filters,
      hiddenRelations: keep(view.filters.hiddenRelations, known.relations),
      hiddenModalities: keep(view.filters.hiddenModalities, known.modalities),
      hiddenKinds: keep(view.filters.hiddenKinds, known.kinds),
      hiddenArticles: keep(view.filters.hiddenArticles, known.articles),
    },
  };
}
