import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { edgeKey } from '../../src/core/graph/actorGraph.ts';
import { NO_FILTERS, computeVisibility } from '../../src/core/explore/filters.ts';
import { actorFocus, edgeFocus } from '../../src/core/explore/focus.ts';
import { focusLabelOrder, mapChanges, setChanges } from '../../src/core/explore/highlight.ts';
import { strokeOf } from '../../src/core/explore/strokes.ts';
import type { Evidence } from '../../src/core/model.ts';
import { summariseRelations } from '../../src/core/explore/relationsSummary.ts';
import { corroboration } from '../../src/core/explore/corroboration.ts';
import type { Modality } from '../../src/core/model.ts';
import { quoteInContext } from '../../src/core/explore/quoteContext.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

const graph = buildGraph(toDataFiles(smallDataset()), { layout: false }).graph!;
const visibility = computeVisibility(graph, NO_FILTERS);

describe('actorFocus', () => {
  it('keeps the actor, its counterparts and the relations between them', () => {
    const focus = actorFocus(graph, visibility, 'beta');
    expect([...focus.nodes].sort()).toEqual(['alpha', 'ann-minister', 'beta', 'gamma-front']);
    expect([...focus.edges].sort()).toEqual([
      edgeKey('cooperates-with', 'alpha', 'beta'),
      edgeKey('opposes', 'beta', 'gamma-front'),
      edgeKey('proposes-to', 'ann-minister', 'beta'),
    ]);
  });

  it('follows only visible relations', () => {
    const hidden = computeVisibility(graph, {
      ...NO_FILTERS,
      hiddenRelations: new Set(['opposes', 'proposes-to']),
    });
    expect([...actorFocus(graph, hidden, 'beta').nodes].sort()).toEqual(['alpha', 'beta']);
  });

  it('focuses a relation on its two actors', () => {
    expect([...edgeFocus(graph, edgeKey('opposes', 'beta', 'gamma-front')).nodes]).toEqual([
      'beta',
      'gamma-front',
    ]);
  });
});

describe('visibility', () => {
  it('hides filtered actors and their relations', () => {
    const hidden = computeVisibility(graph, { ...NO_FILTERS, hiddenKinds: new Set(['person']) });
    expect(hidden.nodes.has('ann-minister')).toBe(false);
    expect(hidden.edges.has(edgeKey('proposes-to', 'ann-minister', 'beta'))).toBe(false);
    expect(hidden.nodes.has('alpha')).toBe(true);
  });

  it('gives each shown relation the stroke of its shown statements', () => {
    expect(visibility.strokes.get(edgeKey('cooperates-with', 'alpha', 'gamma-front'))).toBe(
      'dotted',
    );
    expect(visibility.strokes.get(edgeKey('opposes', 'beta', 'gamma-front'))).toBe('solid');
    expect(visibility.strokes.size).toBe(visibility.edges.size);
  });
});

describe('strokeOf', () => {
  const said = (...modalities: Modality[]): Evidence[] =>
    modalities.map((modality, i) => ({
      article: 'a',
      quote: 'q',
      start: i,
      end: i + 1,
      modality,
      date: null,
    }));

  it('is solid when one statement is asserted, whatever the others say', () => {
    expect(strokeOf(said('asserted'))).toBe('solid');
    expect(strokeOf(said('negated', 'reported', 'asserted'))).toBe('solid');
  });

  it('is dashed when none is asserted but one is reported, conditional or proposed', () => {
    expect(strokeOf(said('reported'))).toBe('dashed');
    expect(strokeOf(said('conditional', 'negated'))).toBe('dashed');
    expect(strokeOf(said('proposed', 'denied'))).toBe('dashed');
  });

  it('is dotted when every statement is negated or denied', () => {
    expect(strokeOf(said('negated'))).toBe('dotted');
    expect(strokeOf(said('negated', 'denied'))).toBe('dotted');
  });
});

describe('setChanges and mapChanges', () => {
  it('list what enters and what leaves a set, and nothing that stays', () => {
    expect(setChanges(new Set(['a', 'b']), new Set(['b', 'c']))).toEqual({
      added: ['c'],
      removed: ['a'],
    });
    expect(setChanges(new Set(['a']), new Set(['a']))).toEqual({ added: [], removed: [] });
  });

  it('group changed values by their new value, an absent key counting as the fallback', () => {
    const before = new Map([
      ['x', 'dashed'],
      ['y', 'solid'],
      ['z', 'dotted'],
    ]);
    const after = new Map([
      ['x', 'solid'],
      ['y', 'solid'],
      ['w', 'dotted'],
    ]);
    expect(Object.fromEntries(mapChanges(before, after, 'solid'))).toEqual({
      solid: ['x', 'z'],
      dotted: ['w'],
    });
  });
});

describe('focusLabelOrder', () => {
  const items: [string, { size: number; label: string | null }][] = [
    ['a', { size: 3, label: 'A' }],
    ['b', { size: 9, label: 'B' }],
    ['c', { size: 5, label: null }],
    ['d', { size: 7, label: 'D' }],
  ];

  it('puts the focused actor first, then the largest, leaving out unlabelled ones', () => {
    expect(focusLabelOrder(items, 'a', 10).map(([id]) => id)).toEqual(['a', 'b', 'd']);
  });

  it('stops at the limit', () => {
    expect(focusLabelOrder(items, null, 2).map(([id]) => id)).toEqual(['b', 'd']);
  });
});

describe('summariseRelations', () => {
  it("groups an actor's relations by type and direction, with the vocabulary's phrases", () => {
    const groups = summariseRelations(graph, 'beta', visibility, NO_FILTERS);
    expect(
      groups.map((g) => [g.phrase, g.items.map((i) => [i.counterpartLabel, i.evidence])]),
    ).toEqual([
      ['cooperates with', [['Alpha Republic', 2]]],
      ['opposes', [['Gamma Front', 1]]],
      ['receives proposals from', [['Ann Minister', 1]]],
    ]);
  });
});

describe('corroboration', () => {
  it('counts distinct articles and outlets, not statements; unknown outlets count as one', () => {
    const articles = {
      a: { id: 'a', title: 'A', outlet: 'Wire', relationCount: 2 },
      b: { id: 'b', title: 'B', outlet: 'Wire', relationCount: 1 },
      c: { id: 'c', title: 'C', outlet: 'Daily', relationCount: 1 },
      d: { id: 'd', title: 'D', relationCount: 1 },
      e: { id: 'e', title: 'E', relationCount: 1 },
    };
    const said = (article: string, modality: Modality = 'asserted') => ({
      article,
      quote: 'q',
      start: 0,
      end: 1,
      modality,
      date: null,
    });
    expect(
      corroboration(
        [said('a'), said('a'), said('b'), said('c', 'negated'), said('d'), said('e')],
        articles,
      ),
    ).toEqual({
      statements: 6,
      asserted: 5,
      articles: 5,
      outlets: 3,
      assertedArticles: 4,
      assertedOutlets: 2,
    });
  });

  it('is given per relation by summariseRelations, from the shown statements', () => {
    const [cooperation] = summariseRelations(graph, 'beta', visibility, NO_FILTERS);
    expect(cooperation!.items[0]!.corroboration).toMatchObject({ statements: 2, articles: 2 });
  });
});

describe('quoteInContext', () => {
  const text =
    'First paragraph.\nThe quick brown fox jumps over the lazy dog near the river bank.\nLast.';
  it('extends to the paragraph around the quote', () => {
    const start = text.indexOf('fox');
    expect(quoteInContext(text, start, start + 9)).toEqual({
      before: 'The quick brown ',
      quote: 'fox jumps',
      after: ' over the lazy dog near the river bank.',
      clippedBefore: false,
      clippedAfter: false,
    });
  });

  it('cuts long context at word boundaries and says so', () => {
    const start = text.indexOf('fox');
    const c = quoteInContext(text, start, start + 9, 10);
    expect(c.before).toBe('brown ');
    expect(c.after).toBe(' over the');
    expect([c.clippedBefore, c.clippedAfter]).toEqual([true, true]);
  });
});
