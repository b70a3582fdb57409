import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { edgeKey } from '../../src/core/graph/actorGraph.ts';
import { Explorer, type Change, type Origin } from '../../src/core/explore/explorer.ts';
import { NO_FILTERS } from '../../src/core/explore/filters.ts';
import { EMPTY_VIEW } from '../../src/core/explore/viewState.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

const graph = buildGraph(toDataFiles(smallDataset()), { layout: false }).graph!;

function explorer() {
  const e = new Explorer(graph, EMPTY_VIEW);
  const events: [string[], Origin][] = [];
  e.subscribe((_s, changes: ReadonlySet<Change>, origin) => events.push([[...changes], origin]));
  return { e, events };
}

describe('Explorer', () => {
  it('focuses a selected actor and its counterparts', () => {
    const { e, events } = explorer();
    e.selectActor('beta');
    expect(e.current.view.actor).toBe('beta');
    expect(e.current.focusActor).toBe('beta');
    expect([...e.current.focus!.nodes].sort()).toEqual([
      'alpha',
      'ann-minister',
      'beta',
      'gamma-front',
    ]);
    expect(events).toEqual([[['selection'], 'user']]);
  });

  it('previews a hovered actor over the selection, and returns to it', () => {
    const { e } = explorer();
    e.selectActor('beta');
    e.hover('ann-minister');
    expect(e.current.focusActor).toBe('ann-minister');
    expect(e.current.view.actor).toBe('beta');
    e.hover(null);
    expect(e.current.focusActor).toBe('beta');
  });

  it('keeps the selected actor when one of its relations is selected, and drops it otherwise', () => {
    const { e } = explorer();
    e.selectActor('beta');
    e.selectEdge(edgeKey('cooperates-with', 'alpha', 'beta'));
    expect(e.current.view).toMatchObject({
      actor: 'beta',
      edge: edgeKey('cooperates-with', 'alpha', 'beta'),
    });
    e.selectEdge(edgeKey('opposes', 'gamma-front', 'alpha'));
    expect(e.current.view).toMatchObject({
      actor: null,
      edge: edgeKey('opposes', 'gamma-front', 'alpha'),
    });
    expect([...e.current.focus!.nodes].sort()).toEqual(['alpha', 'gamma-front']);
  });

  it('recomputes visibility when the filters change, and the focus with it', () => {
    const { e } = explorer();
    e.selectActor('beta');
    e.setFilters({ ...NO_FILTERS, hiddenRelations: new Set(['opposes', 'proposes-to']) });
    expect(e.current.visibility.edges.size).toBe(2);
    expect([...e.current.focus!.nodes].sort()).toEqual(['alpha', 'beta']);
  });

  it('clears the selection, and says nothing when nothing changes', () => {
    const { e, events } = explorer();
    e.clearSelection();
    e.selectActor(null);
    expect(events).toEqual([]);
    e.selectActor('alpha');
    e.clearSelection();
    expect(e.current.focus).toBeNull();
    expect(events.map(([c]) => c)).toEqual([['selection'], ['selection']]);
  });

  it('marks changes coming from history as such', () => {
    const { e, events } = explorer();
    e.setView({ ...EMPTY_VIEW, actor: 'alpha' }, 'history');
    expect(events).toEqual([[['filters', 'selection'], 'history']]);
  });

  it('stops calling a listener once it unsubscribes, even from within a call', () => {
    const e = new Explorer(graph, EMPTY_VIEW);
    const calls: string[] = [];
    const stopFirst = e.subscribe(() => {
      calls.push('first');
      stopFirst();
    });
    const stopSecond = e.subscribe(() => calls.push('second'));
    e.selectActor('beta');
    e.selectActor('alpha');
    stopSecond();
    e.selectActor('beta');
    expect(calls).toEqual(['first', 'second', 'second']);
  });

  it('passes a transient filter change on as transient', () => {
    const { e, events } = explorer();
    e.setFilters({ ...NO_FILTERS, minStatements: 2 }, 'transient');
    e.setFilters({ ...NO_FILTERS, minStatements: 2 });
    expect(events).toEqual([
      [['filters'], 'transient'],
      [['filters'], 'user'],
    ]);
    expect(e.current.visibility.edges.size).toBe(1);
  });
});
