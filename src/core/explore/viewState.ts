import type { ActorGraph } from '../graph/actorGraph.ts';
import { FILTER_KEYS, NO_FILTERS, filterDefinition, type Filters } from './filters.ts';

/** What a shared link restores: the selection and the filters. */
export interface ViewState {
  actor: string | null;
  /** A selected relation (edge key). */
  edge: string | null;
  /** "How is A connected to B?": the two actors (`?path=a,b`); absent or null: none. */
  path?: readonly [string, string] | null;
  filters: Filters;
}

export const EMPTY_VIEW: ViewState = { actor: null, edge: null, path: null, filters: NO_FILTERS };

/** `a,b` (two actor ids) as a path question; anything else is none. */
export function parsePath(raw: string | null): readonly [string, string] | null {
  if (!raw) return null;
  const parts = raw.split(',');
  if (parts.length !== 2 || !parts[0] || !parts[1] || parts[0] === parts[1]) return null;
  return [parts[0], parts[1]];
}

/**
 * Reads a view from a query string such as
 * `?actor=russia&hide-relations=opposes&hide-modalities=negated,denied&from=2015`. Each filter
 * reads its own parameter (see FILTERS); unknown parameters are ignored; ids are checked
 * against the graph by sanitizeViewState.
 */
export function parseViewState(search: string): ViewState {
  const params = new URLSearchParams(search);
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => {
      const definition = filterDefinition(key);
      return [key, definition.read(params.get(definition.param))];
    }),
  ) as unknown as Filters;
  return {
    actor: params.get('actor') || null,
    edge: params.get('edge') || null,
    path: parsePath(params.get('path')),
    filters,
  };
}

/** The query string for a view ('' for the default view), parameters in FILTERS order. */
export function serializeViewState(view: ViewState): string {
  const params = new URLSearchParams();
  if (view.actor) params.set('actor', view.actor);
  if (view.edge) params.set('edge', view.edge);
  if (view.path) params.set('path', view.path.join(','));
  for (const key of FILTER_KEYS) {
    const definition = filterDefinition(key);
    const value = definition.write(view.filters[key]);
    if (value !== null) params.set(definition.param, value);
  }
  const query = params.toString().replace(/%2C/g, ',');
  return query ? `?${query}` : '';
}

/**
 * Drops whatever the graph does not know (a stale link must not break the page); a selected
 * relation keeps the selected actor only if it is one of its two, as when clicking.
 */
export function sanitizeViewState(view: ViewState, graph: ActorGraph): ViewState {
  const filters = Object.fromEntries(
    FILTER_KEYS.map((key) => [key, filterDefinition(key).sanitize(view.filters[key], graph)]),
  ) as unknown as Filters;
  const edge = view.edge !== null && graph.hasEdge(view.edge) ? view.edge : null;
  let actor = view.actor !== null && graph.hasNode(view.actor) ? view.actor : null;
  if (actor !== null && edge !== null && !graph.hasExtremity(edge, actor)) actor = null;
  const path = view.path && view.path.every((a) => graph.hasNode(a)) ? view.path : null;
  return { actor, edge, path, filters };
}

export type HistoryAction = 'push' | 'replace' | 'none';

/**
 * How a change of view reaches the browser's history. A user's change is one entry; a
 * transient change (a slider being dragged) updates the address without flooding history: its
 * gesture's first change makes one entry and the rest, its final commit included, replace it.
 * Changes that come from history itself (back, forward) write nothing.
 */
export function historyStep(
  gestureOpen: boolean,
  origin: 'user' | 'transient' | 'history',
  queryChanged: boolean,
): { action: HistoryAction; gestureOpen: boolean } {
  if (origin === 'history') return { action: 'none', gestureOpen: false };
  if (origin === 'transient') {
    if (gestureOpen) return { action: 'replace', gestureOpen: true };
    return queryChanged ? { action: 'push', gestureOpen: true } : { action: 'none', gestureOpen };
  }
  if (gestureOpen) return { action: 'replace', gestureOpen: false };
  return { action: queryChanged ? 'push' : 'none', gestureOpen: false };
}
