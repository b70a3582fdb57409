/**
 * sameState (src/app/annotate/sameState.ts): whether the state a look answered holds nothing
 * the page does not show already, so that the page skips redrawing the list and the matcher.
 */
import { describe, expect, it } from 'vitest';
import type { StateAnswer, WorkbenchState } from '../../src/core/annotate/api.ts';
import { sameState } from '../../src/app/annotate/sameState.ts';

const shown = (): WorkbenchState => ({
  dataDir: 'graph-data',
  articles: [{ id: 'a1', title: 'Talks', relations: 2 }],
  actors: [{ id: 'alpha', label: 'Alpha', kind: 'state', aliases: [] }],
  relationTypes: [{ id: 'opposes', label: 'opposes', directed: true, color: '#c0392b' }],
  versions: {
    'actors.yaml': 'v-actors',
    'relation-types.yaml': 'v-types',
    'articles/a1.yaml': 'v-a1',
    'articles/a1.txt': 't-a1',
  },
  graphVersion: 3,
  undo: 'Added a relation to articles/a1.yaml',
  problems: [{ message: 'articles/a2.yaml:4: broken', file: 'articles/a2.yaml', line: 4 }],
});

/** The server's answer to a look that found the folder as it had it, with `changes`. */
const answer = (changes: Partial<StateAnswer> = {}): StateAnswer => ({
  ...shown(),
  unchanged: true,
  ...changes,
});

describe('sameState', () => {
  it('is true for the state shown, answered unchanged, whatever the order of the versions', () => {
    expect(sameState(shown(), answer())).toBe(true);
    const reordered = Object.fromEntries(Object.entries(shown().versions).reverse());
    expect(sameState(shown(), answer({ versions: reordered }))).toBe(true);
    expect(sameState({ ...shown(), problems: [] }, answer({ problems: [] }))).toBe(true);
    expect(sameState({ ...shown(), undo: null }, answer({ undo: null }))).toBe(true);
  });

  it('is false unless the server says it found the folder unchanged', () => {
    expect(sameState(shown(), answer({ unchanged: false }))).toBe(false);
    const notSaid = answer();
    delete notSaid.unchanged;
    expect(sameState(shown(), notSaid)).toBe(false);
  });

  it('is false when the graph, the undo or the data folder differ', () => {
    expect(sameState(shown(), answer({ graphVersion: 4 }))).toBe(false);
    expect(sameState(shown(), answer({ undo: null }))).toBe(false);
    expect(sameState(shown(), answer({ undo: 'Deleted relation 1 of articles/a1.yaml' }))).toBe(
      false,
    );
    expect(sameState({ ...shown(), undo: null }, answer())).toBe(false);
    expect(sameState(shown(), answer({ dataDir: 'my-data' }))).toBe(false);
  });

  it('is false when the problems differ in number or in what they say', () => {
    expect(sameState(shown(), answer({ problems: [] }))).toBe(false);
    expect(sameState({ ...shown(), problems: [] }, answer())).toBe(false);
    expect(
      sameState(shown(), answer({ problems: [...shown().problems, { message: 'another' }] })),
    ).toBe(false);
    expect(
      sameState(
        shown(),
        answer({ problems: [{ message: 'articles/a2.yaml:5: broken', file: 'articles/a2.yaml' }] }),
      ),
    ).toBe(false);
  });

  it('is false when a file has another version, or files came or went', () => {
    const versions = shown().versions;
    expect(
      sameState(shown(), answer({ versions: { ...versions, 'articles/a1.yaml': 'v-a1-new' } })),
    ).toBe(false);
    expect(
      sameState(shown(), answer({ versions: { ...versions, 'articles/a1.txt': 't-a1-new' } })),
    ).toBe(false);
    expect(
      sameState(shown(), answer({ versions: { ...versions, 'articles/a2.yaml': 'v-a2' } })),
    ).toBe(false);
    const without = { ...versions };
    delete without['articles/a1.txt'];
    expect(sameState(shown(), answer({ versions: without }))).toBe(false);
    expect(sameState({ ...shown(), versions: without }, answer())).toBe(false);
    // As many files, but another one in place of one shown.
    expect(
      sameState(shown(), answer({ versions: { ...without, 'articles/a2.txt': 't-a1' } })),
    ).toBe(false);
  });
});
