import { describe, expect, it } from 'vitest';
import { NO_FILTERS } from '../../src/core/explore/filters.ts';
import {
  EMPTY_VIEW,
  parseViewState,
  sanitizeViewState,
  serializeViewState,
  type ViewState,
} from '../../src/core/explore/viewState.ts';

const view: ViewState = {
  actor: 'russia',
  edge: 'cooperates-with:iran:united-states',
  filters: {
    hiddenRelations: new Set(['proposes-to', 'opposes']),
    hiddenModalities: new Set(['negated', 'denied']),
    hiddenKinds: new Set(['person']),
    hiddenArticles: new Set(['rudaw-2016-us-proposal-against-nusra']),
    from: '2015',
    to: '2016-07',
    hideIsolated: true,
  },
};

describe('view state in the URL', () => {
  it('round-trips through the query string', () => {
    const query = serializeViewState(view);
    expect(parseViewState(query)).toEqual(view);
  });

  it('writes short, readable, stable URLs', () => {
    expect(serializeViewState(view)).toBe(
      '?actor=russia&edge=cooperates-with%3Airan%3Aunited-states&hide-relations=opposes,proposes-to&hide-modalities=denied,negated&hide-kinds=person&hide-articles=rudaw-2016-us-proposal-against-nusra&from=2015&to=2016-07&hide-isolated=1',
    );
    expect(serializeViewState({ ...EMPTY_VIEW, actor: 'russia' })).toBe('?actor=russia');
    expect(serializeViewState(EMPTY_VIEW)).toBe('');
  });

  it('reads the default view from an empty query', () => {
    expect(parseViewState('')).toEqual({ actor: null, edge: null, filters: NO_FILTERS });
  });

  it('ignores malformed dates', () => {
    expect(parseViewState('?from=yesterday&to=2016-13').filters).toMatchObject({
      from: null,
      to: null,
    });
  });

  it('drops ids the graph does not know', () => {
    const clean = sanitizeViewState(
      parseViewState('?actor=atlantis&hide-relations=opposes,loves&hide-kinds=planet'),
      {
        hasActor: (id) => id === 'russia',
        hasEdge: () => false,
        relations: new Set(['opposes']),
        modalities: new Set(['negated']),
        kinds: new Set(['state']),
        articles: new Set(),
      },
    );
    expect(clean.actor).toBeNull();
    expect([...clean.filters.hiddenRelations]).toEqual(['opposes']);
    expect(clean.filters.hiddenKinds.size).toBe(0);
  });
});
