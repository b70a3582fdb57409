import { describe, expect, it } from 'vitest';
import type { Change, RelationInput } from '../../src/core/annotate/api.ts';
import { applyChanges } from '../../src/core/annotate/applyChanges.ts';
import { checkChanges, filesOf, placeOf } from '../../src/core/annotate/checkChanges.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

const GOOD: RelationInput = {
  source: 'Gamma Front',
  type: 'opposes',
  target: 'Betaburg',
  quote: 'Gamma Front attacked Alphaville',
};

function check(changes: Change[], files = smallDataset()) {
  const data = toDataFiles(files);
  const { writes } = applyChanges(filesOf(data), changes);
  return checkChanges(data, writes, changes);
}

const addTo = (relation: Partial<RelationInput>): Change => ({
  kind: 'add-relation',
  article: 'a1',
  relation: { ...GOOD, ...relation },
});

describe('checkChanges', () => {
  it('finds nothing wrong with a good change', () => {
    expect(check([addTo({})])).toEqual([]);
  });

  it('points a quote that is not in the text at the quote field, with the build’s message', () => {
    const problems = check([
      { kind: 'add-actor', actor: { id: 'x', label: 'X', kind: 'state' } },
      addTo({ quote: 'Gamma Front attacked Betaburg' }),
    ]);
    expect(problems).toEqual([
      {
        field: 'quote',
        change: 1,
        message: expect.stringMatching(/^quote not found in the article text: it agrees up to/),
        hint: expect.stringContaining('verbatim'),
        file: 'articles/a1.yaml',
        line: 28,
      },
    ]);
  });

  it('points an unknown actor at source or target', () => {
    const [problem] = check([addTo({ source: 'Nobody' })]);
    expect(problem).toMatchObject({
      field: 'source',
      change: 0,
      message: 'unknown actor "Nobody" as source',
    });
    expect(check([addTo({ target: 'Deltaland' })])[0]).toMatchObject({
      field: 'target',
      change: 0,
    });
  });

  it('points a self-relation at the target', () => {
    expect(check([addTo({ source: 'alpha', target: 'Alphaville' })])).toMatchObject([
      { field: 'target', change: 0, message: 'relation from Alpha Republic (alpha) to itself' },
    ]);
  });

  it('points an unknown relation type at the type', () => {
    expect(check([addTo({ type: 'oposes' })])).toMatchObject([
      {
        field: 'type',
        change: 0,
        message: 'unknown relation type "oposes"',
        hint: expect.stringContaining('"opposes"'),
      },
    ]);
  });

  it('names the change among several, after deletes and edits moved the indexes', () => {
    const problems = check([
      addTo({}),
      { kind: 'delete-relation', article: 'a1', index: 0 },
      { kind: 'edit-relation', article: 'a1', index: 0, relation: { ...GOOD, quote: 'nowhere' } },
    ]);
    expect(problems).toMatchObject([{ field: 'quote', change: 2, file: 'articles/a1.yaml' }]);
  });

  it('points a problem of a new article’s relation at the change that added it', () => {
    const problems = check([
      { kind: 'add-article', article: { title: 'New', text: 'Alpha meets Beta.' } },
      {
        kind: 'add-relation',
        article: 'unknown-outlet-new',
        relation: {
          ...GOOD,
          source: 'alpha',
          target: 'beta',
          type: 'cooperates-with',
          quote: 'Alpha met Beta.',
        },
      },
    ]);
    expect(problems).toMatchObject([
      { field: 'quote', change: 1, file: 'articles/unknown-outlet-new.yaml' },
    ]);
  });

  it('points a problem of a new actor at its field', () => {
    const problems = check([
      { kind: 'add-actor', actor: { id: 'delta', label: 'Del\u200bta', kind: 'state' } },
    ]);
    expect(problems).toMatchObject([
      {
        field: 'actor.label',
        change: 0,
        file: 'actors.yaml',
        message: expect.stringContaining('invisible'),
      },
    ]);
  });

  it('leaves out errors the data had before, and reports new ones only', () => {
    const files = smallDataset();
    files['articles/a2.yaml'] = files['articles/a2.yaml']!.replace(
      'quote: Beta and Alpha signed a pact.',
      'quote: not in the text',
    );
    const broken = toDataFiles(files);
    expect(checkChanges(broken, new Map(), [])).toEqual([]);
    expect(check([addTo({})], files)).toEqual([]);
    expect(check([addTo({ source: 'Nobody' })], files)).toMatchObject([
      { field: 'source', file: 'articles/a1.yaml' },
    ]);
  });

  it('refuses a duplicate relation the request writes, at the quote of the later one', () => {
    expect(check([addTo({}), addTo({})])).toMatchObject([
      {
        field: 'quote',
        change: 1,
        message: expect.stringMatching(
          /^duplicate relation: the same actors, type and quote as the relation at line 25/,
        ),
      },
    ]);
  });

  it('does not count other warnings, nor a duplicate already in the data, as problems', () => {
    const files = smallDataset();
    files['articles/a2.yaml'] +=
      '  - source: beta\n    type: opposes\n    target: gamma-front\n    quote: Beta later criticised Gamma Front.\n';
    // A quote occurring twice is a warning.
    files['articles/a1.txt'] += 'Gamma Front attacked Alphaville.\n';
    expect(check([addTo({})], files)).toEqual([]);
  });

  it('keeps an article stored as <id>.yml under its own name: errors it had are not new', () => {
    const files = smallDataset();
    // An error the file already has: an actor nobody knows, in its last relation.
    files['articles/a1.yaml'] +=
      '  - source: Nobody Known\n    type: opposes\n    target: beta\n    quote: Alpha and Beta agree to share intelligence.\n';
    const data = toDataFiles(files);
    const a1 = data.articles.find((a) => a.id === 'a1')!;
    a1.meta = { ...a1.meta!, path: 'data/articles/a1.yml' };
    const checked = (changes: Change[]) =>
      checkChanges(data, applyChanges(filesOf(data), changes).writes, changes);
    expect(checked([addTo({})])).toEqual([]);
    // An error the change brings is still told, at its field, by the API's path.
    expect(checked([addTo({ source: 'Nobody' })])).toMatchObject([
      {
        field: 'source',
        change: 0,
        message: 'unknown actor "Nobody" as source',
        file: 'articles/a1.yaml',
      },
    ]);
  });
});

describe('placeOf', () => {
  const text =
    'title: T\npublished:\n  date: "2020"\n  how: x\nrelations:\n  - source: a\n    quote: q\n  - source: b\n';
  it('finds the list item and key of a line', () => {
    expect(placeOf(text, 7)).toEqual({ list: 'relations', index: 0, key: 'quote' });
    expect(placeOf(text, 8, 5)).toEqual({ list: 'relations', index: 1, key: 'source' });
    expect(placeOf(text, 3, 3)).toEqual({ key: 'date' });
    expect(placeOf(text, 1)).toEqual({ key: 'title' });
    expect(placeOf(text, 99)).toEqual({});
  });
});
