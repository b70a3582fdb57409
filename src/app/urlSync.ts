import type { Explorer } from '../core/explore/explorer.ts';
import {
  parseViewState,
  sanitizeViewState,
  serializeViewState,
  type ViewState,
} from '../core/explore/viewState.ts';
import { ACTOR_KINDS, MODALITIES } from '../core/model.ts';

/**
 * Keeps the address bar and the view in step: each selection or filter change the user makes
 * becomes a history entry (so a view can be shared, and back and forward work); opening a
 * link or moving through history restores the view it names.
 */
export function readViewFromUrl(explorer: Pick<Explorer, 'graph'>, search: string): ViewState {
  const graph = explorer.graph;
  const view = sanitizeViewState(parseViewState(search), {
    hasActor: (id) => graph.hasNode(id),
    hasEdge: (key) => graph.hasEdge(key),
    relations: new Set(graph.getAttribute('relationTypes').map((t) => t.id)),
    modalities: new Set(MODALITIES),
    kinds: new Set(ACTOR_KINDS),
    articles: new Set(Object.keys(graph.getAttribute('articles'))),
  });
  // As when clicking: a selected relation keeps the selected actor only if it is one of its two.
  if (view.actor !== null && view.edge !== null && !graph.hasExtremity(view.edge, view.actor)) {
    return { ...view, actor: null };
  }
  return view;
}

export function syncUrl(explorer: Explorer, onRestore: (view: ViewState) => void): void {
  explorer.subscribe((state, changes, origin) => {
    if (origin !== 'user' || !(changes.has('selection') || changes.has('filters'))) return;
    const query = serializeViewState(state.view);
    if (query !== window.location.search) {
      window.history.pushState(
        null,
        '',
        `${window.location.pathname}${query}${window.location.hash}`,
      );
    }
  });
  window.addEventListener('popstate', () => {
    const view = readViewFromUrl(explorer, window.location.search);
    explorer.setView(view, 'history');
    onRestore(view);
  });
}
