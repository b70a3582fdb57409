import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/core/explore/filters.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import {
  EMPTY_VIEW,
  historyStep,
  parseViewState,
  sanitizeViewState,
  serializeViewState,
  type ViewState,
} from '../../src/core/explore/viewState.ts';

const view: ViewState = {
  actor: 'russia',
  edge: 'cooperates-with:iran:united-states',
  path: null,
  filters: {
    hiddenRelations: new Set(['proposes-to', 'opposes']),
    hiddenModalities: new Set(['negated', 'denied']),
    evidenceKinds: new Set(['annotated']),
    hiddenKinds: new Set(['person']),
    hiddenArticles: new Set(['rudaw-2016-us-proposal-against-nusra']),
    dateKind: 'event',
    from: '2015',
    to: '2016-07',
    hideIsolated: true,
    minStatements: 3,
    strictEvidence: { asserted: 3, outlets: 2 },
  },
};

describe('view state in the URL', () => {
  it('round-trips through the query string', () => {
    const query = serializeViewState(view);
    expect(parseViewState(query)).toEqual(view);
  });

  it('writes short, readable, stable URLs', () => {
    expect(serializeViewState(view)).toBe(
      '?actor=russia&edge=cooperates-with%3Airan%3Aunited-states&hide-relations=opposes,proposes-to&hide-modalities=denied,negated&hide-evidence=annotated&min-statements=3&strict=3,2&hide-kinds=person&hide-isolated=1&dates=event&from=2015&to=2016-07&hide-articles=rudaw-2016-us-proposal-against-nusra',
    );
    expect(serializeViewState({ ...EMPTY_VIEW, actor: 'russia' })).toBe('?actor=russia');
    expect(serializeViewState(EMPTY_VIEW)).toBe('');
  });

  it('reads the default view from an empty query', () => {
    expect(parseViewState('')).toEqual({
      actor: null,
      edge: null,
      path: null,
      filters: NO_FILTERS,
    });
  });

  it('ignores malformed and impossible dates, and minimums that are not whole numbers', () => {
    expect(parseViewState('?from=yesterday&to=2016-13').filters).toMatchObject({
      from: null,
      to: null,
    });
    expect(parseViewState('?from=2021-02-31&to=2016-02-29').filters).toMatchObject({
      from: null,
      to: '2016-02-29',
    });
    for (const bad of ['0', '-2', '1.5', 'many']) {
      expect(parseViewState(`?min-statements=${bad}`).filters.minStatements).toBe(1);
    }
    for (const bad of ['2', '0,2', '2,0', '2,2,2', 'a,b', '1.5,2']) {
      expect(parseViewState(`?strict=${bad}`).filters.strictEvidence).toBeNull();
    }
  });

  it('drops ids the graph does not know', () => {
    const graph = buildGraph(toDataFiles(smallDataset()), { layout: false }).graph!;
    const clean = sanitizeViewState(
      parseViewState(
        '?actor=atlantis&edge=loves:alpha:beta&hide-relations=opposes,loves&hide-kinds=planet,person&hide-articles=a1,zz',
      ),
      graph,
    );
    expect(clean.actor).toBeNull();
    expect(clean.edge).toBeNull();
    expect([...clean.filters.hiddenRelations]).toEqual(['opposes']);
    expect([...clean.filters.hiddenKinds]).toEqual(['person']);
    expect([...clean.filters.hiddenArticles]).toEqual(['a1']);
  });

  it('keeps a selected actor with a selected relation only if the relation is its own', () => {
    const graph = buildGraph(toDataFiles(smallDataset()), { layout: false }).graph!;
    const own = sanitizeViewState(
      parseViewState('?actor=alpha&edge=opposes:beta:gamma-front'),
      graph,
    );
    expect(own).toMatchObject({ actor: null, edge: 'opposes:beta:gamma-front' });
    const kept = sanitizeViewState(
      parseViewState('?actor=beta&edge=opposes:beta:gamma-front'),
      graph,
    );
    expect(kept).toMatchObject({ actor: 'beta', edge: 'opposes:beta:gamma-front' });
  });
});

describe('historyStep', () => {
  it('makes one entry per change the user makes, none for back and forward', () => {
    expect(historyStep(false, 'user', true)).toEqual({ action: 'push', gestureOpen: false });
    expect(historyStep(false, 'user', false)).toEqual({ action: 'none', gestureOpen: false });
    expect(historyStep(false, 'history', true)).toEqual({ action: 'none', gestureOpen: false });
  });

  it('makes one entry for a whole dragged gesture, its final value included', () => {
    let open = false;
    const actions: string[] = [];
    for (const origin of ['transient', 'transient', 'transient', 'user'] as const) {
      const step = historyStep(open, origin, true);
      actions.push(step.action);
      open = step.gestureOpen;
    }
    expect(actions).toEqual(['push', 'replace', 'replace', 'replace']);
    expect(open).toBe(false);
    // The next change is an entry of its own again.
    expect(historyStep(open, 'user', true).action).toBe('push');
  });

  it('does not replace the entry before a gesture that has not changed anything yet', () => {
    expect(historyStep(false, 'transient', false)).toEqual({ action: 'none', gestureOpen: false });
  });
});
