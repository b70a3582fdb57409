import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/build/buildGraph.ts';
import { edgeKey } from '../../src/core/build/assemble.ts';
import { NO_FILTERS, computeVisibility } from '../../src/core/explore/filters.ts';
import { actorFocus, edgeFocus } from '../../src/core/explore/focus.ts';
import {
  DIMMED_EDGE_COLOUR,
  DIMMED_NODE_COLOUR,
  fade,
  reduceEdge,
  reduceNode,
  type EdgeDisplay,
  type NodeDisplay,
  type RenderState,
  changedItems,
} from '../../src/core/explore/reducers.ts';
import { summariseRelations } from '../../src/core/explore/relationsSummary.ts';
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

describe('reducers', () => {
  const focused: RenderState = {
    visibility,
    focus: actorFocus(graph, visibility, 'ann-minister'),
    focusActor: 'ann-minister',
    selectedEdge: null,
  };
  const idle: RenderState = { visibility, focus: null, focusActor: null, selectedEdge: null };
  const node = (id: string, state: RenderState) =>
    reduceNode(id, { ...graph.getNodeAttributes(id) } as NodeDisplay, state);
  const edge = (id: string, state: RenderState) =>
    reduceEdge(id, { ...graph.getEdgeAttributes(id) } as EdgeDisplay, state);

  it('leave everything as built when nothing is focused', () => {
    expect(node('alpha', idle)).toEqual(graph.getNodeAttributes('alpha'));
    expect(edge(edgeKey('opposes', 'beta', 'gamma-front'), idle).color).toBe('#d7301f');
  });

  it('dim what is outside the focus and force the labels inside it', () => {
    expect(node('alpha', focused)).toMatchObject({ color: DIMMED_NODE_COLOUR, label: null });
    expect(node('beta', focused)).toMatchObject({
      forceLabel: true,
      color: graph.getNodeAttribute('beta', 'color'),
    });
    expect(node('ann-minister', focused).highlighted).toBe(true);
    expect(edge(edgeKey('opposes', 'beta', 'gamma-front'), focused).color).toBe(DIMMED_EDGE_COLOUR);
    expect(edge(edgeKey('proposes-to', 'ann-minister', 'beta'), focused).color).toBe('#6a51a3');
  });

  it('hide filtered items', () => {
    const hidden = computeVisibility(graph, { ...NO_FILTERS, hiddenKinds: new Set(['person']) });
    expect(node('ann-minister', { ...idle, visibility: hidden }).hidden).toBe(true);
    expect(
      edge(edgeKey('proposes-to', 'ann-minister', 'beta'), { ...idle, visibility: hidden }).hidden,
    ).toBe(true);
  });

  it('draw a relation supported only by negated evidence faint and thin', () => {
    const key = edgeKey('cooperates-with', 'alpha', 'gamma-front');
    const shown = edge(key, idle);
    expect(shown.color).toBe(fade('#1b9e77'));
    expect(shown.size).toBeLessThan(graph.getEdgeAttribute(key, 'size'));
  });

  it('fade adds an alpha channel', () => {
    expect(fade('#1b9e77')).toBe('#1b9e7773');
  });
});

describe('summariseRelations', () => {
  it("groups an actor's relations by type and direction, with the vocabulary's phrases", () => {
    const groups = summariseRelations(
      graph,
      'beta',
      graph.getAttribute('relationTypes'),
      visibility,
    );
    expect(
      groups.map((g) => [g.phrase, g.items.map((i) => [i.counterpartLabel, i.evidence])]),
    ).toEqual([
      ['cooperates with', [['Alpha Republic', 2]]],
      ['opposes', [['Gamma Front', 1]]],
      ['receives proposals from', [['Ann Minister', 1]]],
    ]);
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

describe('changedItems', () => {
  const idle: RenderState = { visibility, focus: null, focusActor: null, selectedEdge: null };
  const on = (actor: string): RenderState => ({
    visibility,
    focus: actorFocus(graph, visibility, actor),
    focusActor: actor,
    selectedEdge: null,
  });

  it('is nothing when the focus has not changed', () => {
    const state = on('beta');
    expect(changedItems(graph, state, { ...state })).toBeNull();
  });

  it('is every item when a focus starts or ends (everything else dims or brightens)', () => {
    expect(changedItems(graph, idle, on('beta'))).toEqual({
      nodes: graph.nodes(),
      edges: graph.edges(),
    });
    expect(changedItems(graph, on('beta'), idle)).toEqual({
      nodes: graph.nodes(),
      edges: graph.edges(),
    });
  });

  it('is only the items of either focus when moving from one actor to another', () => {
    const items = changedItems(graph, on('ann-minister'), on('gamma-front'))!;
    expect(items.nodes.sort()).toEqual(['alpha', 'ann-minister', 'beta', 'gamma-front']);
    expect(items.edges).not.toContain(edgeKey('cooperates-with', 'alpha', 'beta'));
  });
});

describe('reducers on large graphs', () => {
  it('hide the relations outside the focus instead of dimming them', () => {
    const state: RenderState = {
      visibility,
      focus: actorFocus(graph, visibility, 'ann-minister'),
      focusActor: 'ann-minister',
      selectedEdge: null,
      hideContextEdges: true,
    };
    const outside = reduceEdge(
      edgeKey('opposes', 'beta', 'gamma-front'),
      { ...graph.getEdgeAttributes(edgeKey('opposes', 'beta', 'gamma-front')) } as EdgeDisplay,
      state,
    );
    const inside = reduceEdge(
      edgeKey('proposes-to', 'ann-minister', 'beta'),
      { ...graph.getEdgeAttributes(edgeKey('proposes-to', 'ann-minister', 'beta')) } as EdgeDisplay,
      state,
    );
    expect(outside.hidden).toBe(true);
    expect(inside.hidden).toBeUndefined();
  });
});
