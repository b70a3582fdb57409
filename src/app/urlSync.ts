import type { ActorGraph } from '../core/graph/actorGraph.ts';
import type { Explorer } from '../core/explore/explorer.ts';
import {
  historyStep,
  parseViewState,
  sanitizeViewState,
  serializeViewState,
  type ViewState,
} from '../core/explore/viewState.ts';

/** The view a query string names, without what the graph does not know. */
export function readViewFromUrl(graph: ActorGraph, search: string): ViewState {
  return sanitizeViewState(parseViewState(search), graph);
}

/**
 * Keeps the address bar and the view in step: each selection or filter change the user makes
 * becomes a history entry (so a view can be shared, and back and forward work), a dragged
 * control one entry for the whole gesture; opening a link or moving through history restores
 * the view it names. Returns the function that stops it.
 */
export function syncUrl(explorer: Explorer, onRestore: (view: ViewState) => void): () => void {
  let gestureOpen = false;
  const unsubscribe = explorer.subscribe((state, changes, origin) => {
    if (!(changes.has('selection') || changes.has('filters'))) return;
    const query = serializeViewState(state.view);
    // A rebuild (the workbench) may drop what the address names (a deleted actor): the
    // address follows, in place, with no history entry.
    if (changes.has('data')) {
      if (query !== window.location.search) {
        window.history.replaceState(
          null,
          '',
          `${window.location.pathname}${query}${window.location.hash}`,
        );
      }
      return;
    }
    const step = historyStep(gestureOpen, origin, query !== window.location.search);
    gestureOpen = step.gestureOpen;
    if (step.action === 'none') return;
    const url = `${window.location.pathname}${query}${window.location.hash}`;
    if (step.action === 'push') window.history.pushState(null, '', url);
    else window.history.replaceState(null, '', url);
  });
  const onPopState = () => {
    gestureOpen = false;
    const view = readViewFromUrl(explorer.graph, window.location.search);
    explorer.setView(view, 'history');
    onRestore(view);
  };
  window.addEventListener('popstate', onPopState);
  return () => {
    unsubscribe();
    window.removeEventListener('popstate', onPopState);
  };
}
