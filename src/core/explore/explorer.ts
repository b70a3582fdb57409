import type { ActorGraph } from '../graph/actorGraph.ts';
import { connectionPaths, pathIndex, type PathsResult } from '../analysis/paths.ts';
import { computeVisibility, visibleEvidence, type Filters, type Visibility } from './filters.ts';
import { actorFocus, edgeFocus, pathFocus, type Focus } from './focus.ts';
import { sanitizeViewState, type ViewState } from './viewState.ts';

/**
 * What changed: the filters, the selection, the hovered actor, or the graph itself (`data`: a
 * rebuild taken in by the annotation workbench; it comes with `filters` and `selection`, which
 * views already redraw on).
 */
export type Change = 'filters' | 'selection' | 'hover' | 'data';

export interface AppState {
  view: ViewState;
  hovered: string | null;
  visibility: Visibility;
  focus: Focus | null;
  /** The actor whose relationships are highlighted: hovered, else selected. */
  focusActor: string | null;
  /** The paths between the two actors of `view.path` under the filters, best first. */
  paths: PathsResult | null;
  /** Which of them is highlighted (0: the best). */
  pathShown: number;
}

export type Listener = (state: AppState, changes: ReadonlySet<Change>, origin: Origin) => void;
/**
 * Where a change comes from: the user (one history entry), the user in the middle of a gesture
 * such as dragging a slider (`transient`: the view follows, history gets one entry for the whole
 * gesture, see historyStep), or history itself (back and forward: no entry).
 */
export type Origin = 'user' | 'transient' | 'history';

/**
 * The explorer's state and the only way to change it. Views call these actions and subscribe
 * to changes; the derived parts (visibility under the filters, the focus) are recomputed here,
 * once, rather than in each view.
 */
export class Explorer {
  private state: AppState;
  private readonly listeners: Listener[] = [];

  constructor(
    readonly graph: ActorGraph,
    view: ViewState,
  ) {
    const visibility = computeVisibility(graph, view.filters);
    this.state = {
      view,
      hovered: null,
      visibility,
      focus: null,
      focusActor: null,
      paths: null,
      pathShown: 0,
    };
    this.state = { ...this.state, paths: this.derivePaths(this.state) };
    this.state = { ...this.state, ...this.deriveFocus(this.state) };
  }

  get current(): AppState {
    return this.state;
  }

  /** Calls `listener` after every change; returns the function that stops it. */
  subscribe(listener: Listener): () => void {
    this.listeners.push(listener);
    return () => {
      const at = this.listeners.indexOf(listener);
      if (at >= 0) this.listeners.splice(at, 1);
    };
  }

  selectActor(actor: string | null, origin: Origin = 'user'): void {
    const { view } = this.state;
    if (view.actor === actor && view.edge === null) return;
    this.update({ view: { ...view, actor, edge: null } }, ['selection'], origin);
  }

  /** Selects a relation; the selected actor stays if it is one of the relation's two. */
  selectEdge(edge: string | null, origin: Origin = 'user'): void {
    const { view } = this.state;
    const keepActor =
      edge !== null && view.actor !== null && this.graph.hasExtremity(edge, view.actor);
    const actor = edge === null || keepActor ? view.actor : null;
    if (view.edge === edge && view.actor === actor) return;
    this.update({ view: { ...view, actor, edge } }, ['selection'], origin);
  }

  hover(actor: string | null): void {
    if (this.state.hovered === actor) return;
    this.update({ hovered: actor }, ['hover'], 'user');
  }

  setFilters(filters: Filters, origin: Origin = 'user'): void {
    this.update({ view: { ...this.state.view, filters } }, ['filters'], origin);
  }

  /** Replaces the whole view (opening a link, back and forward). */
  setView(view: ViewState, origin: Origin): void {
    this.update({ view }, ['filters', 'selection'], origin);
  }

  clearSelection(): void {
    const { view } = this.state;
    if (view.actor === null && view.edge === null && !view.path) return;
    this.update({ view: { ...view, actor: null, edge: null, path: null } }, ['selection'], 'user');
  }

  /**
   * The graph changed in place (mergeGraph): the view keeps what still exists (a deleted
   * relation's selection goes), and everything derived from the graph is computed again. The
   * address is not a step of history for it.
   */
  dataChanged(): void {
    const view = sanitizeViewState(this.state.view, this.graph);
    const hovered =
      this.state.hovered !== null && this.graph.hasNode(this.state.hovered)
        ? this.state.hovered
        : null;
    this.update({ view, hovered }, ['data', 'filters', 'selection'], 'history');
  }

  /** "How is A connected to B?": the paths between two actors, the best highlighted. */
  showPath(from: string, to: string, origin: Origin = 'user'): void {
    const { view } = this.state;
    if (view.path?.[0] === from && view.path[1] === to && view.actor === null) return;
    const path = from !== to ? ([from, to] as const) : null;
    this.update(
      { view: { ...view, actor: null, edge: null, path }, pathShown: 0 },
      ['selection'],
      origin,
    );
  }

  /** Highlights another of the paths found (by rank, 0 the best). */
  choosePath(rank: number): void {
    const found = this.state.paths?.paths.length ?? 0;
    if (rank < 0 || rank >= found || rank === this.state.pathShown) return;
    this.update({ pathShown: rank }, ['selection'], 'user');
  }

  private update(patch: Partial<AppState>, changes: Change[], origin: Origin): void {
    let next: AppState = { ...this.state, ...patch };
    if (changes.includes('filters'))
      next.visibility = computeVisibility(this.graph, next.view.filters);
    if (
      changes.includes('filters') ||
      next.view.path?.[0] !== this.state.view.path?.[0] ||
      next.view.path?.[1] !== this.state.view.path?.[1]
    ) {
      next.paths = this.derivePaths(next);
      if (!('pathShown' in patch)) next.pathShown = 0;
    }
    next = { ...next, ...this.deriveFocus(next) };
    this.state = next;
    const changed = new Set(changes);
    // A copy: a listener may unsubscribe itself (or another) while being called.
    for (const listener of [...this.listeners]) listener(next, changed, origin);
  }

  private deriveFocus(s: AppState): Pick<AppState, 'focus' | 'focusActor'> {
    const actor = s.hovered ?? s.view.actor;
    if (actor !== null && this.graph.hasNode(actor)) {
      return { focus: actorFocus(this.graph, s.visibility, actor), focusActor: actor };
    }
    if (s.view.edge !== null && this.graph.hasEdge(s.view.edge)) {
      return { focus: edgeFocus(this.graph, s.view.edge), focusActor: null };
    }
    const shown = s.paths?.paths[s.pathShown];
    if (shown) return { focus: pathFocus(shown.actors, shown.steps), focusActor: null };
    return { focus: null, focusActor: null };
  }

  /** The paths of `view.path` over what the filters show (null without a question). */
  private derivePaths(s: AppState): PathsResult | null {
    const path = s.view.path;
    if (!path || !path.every((a) => this.graph.hasNode(a))) return null;
    if (!path.every((a) => s.visibility.nodes.has(a)))
      return { from: path[0], to: path[1], maxSteps: 4, found: 0, paths: [] };
    // Over what the filters show, without copying it (pathIndex's view).
    const { filters } = s.view;
    const index = pathIndex(this.graph, {
      nodes: s.visibility.nodes,
      edges: s.visibility.edges,
      evidenceOf: (attr) => visibleEvidence(attr, filters),
    });
    return connectionPaths(index, path[0], path[1]);
  }
}
