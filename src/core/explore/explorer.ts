import type { ActorGraph } from '../graph/actorGraph.ts';
import { computeVisibility, type Filters, type Visibility } from './filters.ts';
import { actorFocus, edgeFocus, type Focus } from './focus.ts';
import type { ViewState } from './viewState.ts';

export type Change = 'filters' | 'selection' | 'hover';

export interface AppState {
  view: ViewState;
  hovered: string | null;
  visibility: Visibility;
  focus: Focus | null;
  /** The actor whose relationships are highlighted: hovered, else selected. */
  focusActor: string | null;
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
    this.state = { view, hovered: null, visibility, focus: null, focusActor: null };
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
    if (view.actor === null && view.edge === null) return;
    this.update({ view: { ...view, actor: null, edge: null } }, ['selection'], 'user');
  }

  private update(patch: Partial<AppState>, changes: Change[], origin: Origin): void {
    let next: AppState = { ...this.state, ...patch };
    if (changes.includes('filters'))
      next.visibility = computeVisibility(this.graph, next.view.filters);
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
    return { focus: null, focusActor: null };
  }
}
