import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { RelationInput } from '../../src/core/annotate/api.ts';
import {
  EditRefused,
  addActor,
  addRelation,
  deleteRelation,
  editRelation,
  newArticleFiles,
} from '../../src/core/annotate/edits.ts';
import { articleIdFor } from '../../src/core/annotate/articleId.ts';
import { ARTICLE_ID } from '../../src/core/pipeline/ids.ts';
import { applyChanges } from '../../src/core/annotate/applyChanges.ts';
import { commentedArticle } from '../helpers/articleYaml.ts';

const seed = (path: string) =>
  readFileSync(new URL(`../../graph-data/${path}`, import.meta.url), 'utf8');
const WP = seed('articles/washington-post-2014-10-kerry-lavrov-paris.yaml');
const ACTORS = seed('actors.yaml');

const ARTICLE = commentedArticle(`    eventDate: {date: 2020-05, basis: inferred, how: In May}
  # Second relation.
  - source: Beta
    type: opposes
    target: Gamma
    modality: proposed
    quote: Beta may fight Gamma.
    note: A plan.
`);

const REL: RelationInput = {
  source: 'Russia',
  type: 'opposes',
  target: 'Islamic State',
  quote: 'Russia will fight',
};

/** Lines of `after` as a diff against `before`: the removed and the added lines. */
function diff(before: string, after: string): { removed: string[]; added: string[] } {
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && a[start] === b[start]) start++;
  let end = 0;
  while (end < a.length - start && a[a.length - 1 - end] === b[b.length - 1 - end]) end++;
  return { removed: a.slice(start, a.length - end), added: b.slice(start, b.length - end) };
}

function refusal(run: () => unknown): EditRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof EditRefused) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('addRelation', () => {
  it('appends only new lines at the end of the list, before the trailing comment', () => {
    const out = addRelation(WP, { ...REL, modality: 'proposed', note: 'A note.' });
    const { removed, added } = diff(WP, out);
    expect(removed).toEqual([]);
    expect(added).toEqual([
      '  - source: Russia',
      '    type: opposes',
      '    target: Islamic State',
      '    modality: proposed',
      '    quote: Russia will fight',
      '    note: A note.',
    ]);
    expect(out.endsWith('# a relation.\n')).toBe(true);
    expect(parse(out).relations.at(-1)).toEqual({ ...REL, modality: 'proposed', note: 'A note.' });
  });

  it('leaves out an asserted modality and an empty note', () => {
    const out = addRelation(ARTICLE, { ...REL, modality: 'asserted', note: '  ' });
    expect(diff(ARTICLE, out).added).toEqual([
      '  - source: Russia',
      '    type: opposes',
      '    target: Islamic State',
      '    quote: Russia will fight',
    ]);
  });

  it.each([
    'He said: "yes" # not a comment',
    "it's 'quoted' and “curly”",
    '  leading and trailing spaces  ',
    'two\nlines\n\n  indented',
    '- a dash, [brackets], {braces}, &anchor *alias !tag %',
    '2014',
    'true',
    'null',
    '',
  ])('writes the quote %j so that it reads back exactly', (quote) => {
    const input = { ...REL, quote: quote === '' ? 'x' : quote, note: quote === '' ? 'x' : quote };
    for (const file of [ARTICLE, WP]) {
      const out = addRelation(file, input);
      expect(parse(out).relations.at(-1)).toEqual(input);
      expect(diff(file, out).removed).toEqual([]);
    }
  });

  it('turns an empty flow list into a block list', () => {
    const file = '# head\ntitle: T\nrelations: [] # none yet\n# tail\n';
    const out = addRelation(file, REL);
    expect(out).toBe(
      '# head\ntitle: T\nrelations: # none yet\n  - source: Russia\n    type: opposes\n    target: Islamic State\n    quote: Russia will fight\n# tail\n',
    );
    expect(parse(out).relations).toEqual([REL]);
  });

  it('keeps CRLF line ends', () => {
    const file = ARTICLE.replace(/\n/g, '\r\n');
    const out = addRelation(file, REL);
    expect(out.replace(/\r\n/g, '')).not.toContain('\n');
    expect(parse(out).relations).toHaveLength(3);
  });

  it('appends to a file without a final line break', () => {
    const out = addRelation(
      'title: T\nrelations:\n  - source: a\n    type: t\n    target: b\n    quote: q',
      REL,
    );
    expect(parse(out).relations).toEqual([
      { source: 'a', type: 't', target: 'b', quote: 'q' },
      REL,
    ]);
  });

  it.each([
    ['source', { ...REL, source: ' ' }],
    ['target', { ...REL, target: '' }],
    ['type', { ...REL, type: '' }],
    ['quote', { ...REL, quote: '  \n' }],
    ['modality', { ...REL, modality: 'maybe' as never }],
  ])('refuses an empty or unknown %s', (field, relation) => {
    expect(refusal(() => addRelation(ARTICLE, relation)).field).toBe(field);
  });

  it('refuses a file that does not parse, or has no relations list', () => {
    expect(refusal(() => addRelation('title: [unclosed\n', REL)).message).toMatch(/does not parse/);
    expect(refusal(() => addRelation('title: T\n', REL)).message).toMatch(/has no relations list/);
    expect(refusal(() => addRelation('title: T\nrelations:\n', REL)).message).toMatch(
      /relations is not a list/,
    );
  });
});

describe('editRelation', () => {
  it('changes only the lines of the changed keys, keeping eventDate and comments', () => {
    const out = editRelation(ARTICLE, 0, {
      source: 'Alpha',
      type: 'cooperates-with',
      target: 'Beta',
      quote: 'Alpha and Beta agree:',
    });
    expect(diff(ARTICLE, out)).toEqual({
      removed: ['    quote: Alpha and Beta agree.'],
      added: ['    quote: "Alpha and Beta agree:"'],
    });
    expect(out).toContain('    target: Beta # by alias\n');
  });

  it('adds a modality after the target and a note after the quote', () => {
    const out = editRelation(ARTICLE, 0, {
      source: 'Alpha',
      type: 'cooperates-with',
      target: 'Beta',
      modality: 'negated',
      quote: 'Alpha and Beta agree.',
      note: 'Now negated.',
    });
    expect(out).toBe(
      ARTICLE.replace('# by alias\n', '# by alias\n    modality: negated\n').replace(
        '    quote: Alpha and Beta agree.\n',
        '    quote: Alpha and Beta agree.\n    note: Now negated.\n',
      ),
    );
  });

  it('removes the modality when asserted and the note when empty', () => {
    const out = editRelation(ARTICLE, 1, {
      source: 'Beta',
      type: 'opposes',
      target: 'Gamma',
      modality: 'asserted',
      quote: 'Beta may fight Gamma.',
      note: '',
    });
    expect(diff(ARTICLE, out)).toEqual({
      removed: ['    modality: proposed', '    quote: Beta may fight Gamma.', '    note: A plan.'],
      added: ['    quote: Beta may fight Gamma.'],
    });
    expect(parse(out).relations[1]).toEqual({
      source: 'Beta',
      type: 'opposes',
      target: 'Gamma',
      quote: 'Beta may fight Gamma.',
    });
  });

  it('rewrites the first key on the dash line and keeps a folded note of another relation', () => {
    const out = editRelation(WP, 18, {
      ...REL,
      source: 'Moscow',
      type: 'opposes',
      target: 'Nadiya Savchenko',
      quote: 'ended up in a Russian prison',
      note: parse(WP).relations[18].note,
    });
    const { removed, added } = diff(WP, out);
    expect(removed).toEqual(['  - source: Russia']);
    expect(added).toEqual(['  - source: Moscow']);
    expect(parse(out).relations[18].note).toBe(parse(WP).relations[18].note);
  });

  it('refuses an index with no relation', () => {
    for (const index of [-1, 2, 1.5]) {
      expect(refusal(() => editRelation(ARTICLE, index, REL)).message).toMatch(
        /no relation .* in the file \(it has 2\)/,
      );
    }
  });

  it('writes a flow-mapping relation anew', () => {
    const file =
      'title: T\nrelations:\n  - {source: a, type: t, target: b, quote: q, eventDate: {date: "2020", basis: stated, how: x}}\n';
    const out = editRelation(file, 0, { ...REL, note: 'n' });
    expect(parse(out).relations).toEqual([
      { ...REL, note: 'n', eventDate: { date: '2020', basis: 'stated', how: 'x' } },
    ]);
  });
});

describe('deleteRelation', () => {
  it('removes only the relation’s lines', () => {
    const out = deleteRelation(ARTICLE, 1);
    expect(diff(ARTICLE, out).added).toEqual([]);
    expect(diff(ARTICLE, out).removed).toEqual([
      '  - source: Beta',
      '    type: opposes',
      '    target: Gamma',
      '    modality: proposed',
      '    quote: Beta may fight Gamma.',
      '    note: A plan.',
    ]);
    expect(parse(out).relations).toHaveLength(1);
  });

  it('writes relations: [] when the last relation goes', () => {
    const one = deleteRelation(ARTICLE, 0);
    const none = deleteRelation(one, 0);
    expect(parse(none).relations).toEqual([]);
    expect(none).toContain('relations: []\n');
    expect(none.startsWith(ARTICLE.slice(0, ARTICLE.indexOf('relations:')))).toBe(true);
    expect(none.endsWith('# Trailing comment.\n')).toBe(true);
  });

  it('refuses an index with no relation', () => {
    expect(refusal(() => deleteRelation(ARTICLE, 5)).message).toMatch(/no relation 5/);
  });
});

describe('addActor', () => {
  const actor = {
    id: 'new-actor',
    label: 'New Actor',
    kind: 'person' as const,
    aliases: ['Newbie', 'N. A.'],
    affiliation: 'russia',
  };

  it('appends the actor at the end of the list, aliases as a flow list', () => {
    const out = addActor(ACTORS, actor);
    const { removed, added } = diff(ACTORS, out);
    expect(removed).toEqual([]);
    expect(added).toEqual([
      '  - id: new-actor',
      '    label: New Actor',
      '    kind: person',
      '    aliases: [Newbie, N. A.]',
      '    affiliation: russia',
    ]);
    expect(parse(out).actors.at(-1)).toEqual(actor);
  });

  it.each([
    ['actor.id', { ...actor, id: 'russia' }, /already exists/],
    ['actor.id', { ...actor, id: 'moscow' }, /already names the actor "russia"/],
    ['actor.id', { ...actor, id: 'Not An Id' }, /cannot be an actor id/],
    ['actor.label', { ...actor, label: 'russian federation' }, /already names the actor "russia"/],
    ['actor.label', { ...actor, label: ' ' }, /empty/],
    [
      'actor.aliases',
      { ...actor, aliases: ['Kremlin', 'US'] },
      /the alias "US" already names the actor "united-states"/,
    ],
    ['actor.kind', { ...actor, kind: 'alien' as never }, /unknown actor kind/],
    ['actor.affiliation', { ...actor, affiliation: 'nobody' }, /not an actor id/],
  ])('refuses %s: %j', (field, bad, message) => {
    const refused = refusal(() => addActor(ACTORS, bad));
    expect(refused.field).toBe(field);
    expect(refused.message).toMatch(message);
  });
});

describe('newArticleFiles', () => {
  const article = {
    title: 'Kerry and Lavrov meet in Paris',
    outlet: 'The Washington Post',
    url: 'https://example.com/a?b=1',
    published: { date: '2014-10-14', basis: 'stated' as const, how: 'The dateline: "Oct. 14".' },
    text: '  Text\r\nas given  \n',
  };

  it('writes the schema line, the fields in order and relations: [], and the text as given', () => {
    const files = newArticleFiles(article, new Set());
    expect(files.id).toBe('washington-post-2014-10-kerry-lavrov-meet-paris');
    expect(files.text).toBe(article.text);
    expect(files.yaml.split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schemas/article.schema.json',
    );
    expect(parse(files.yaml)).toEqual({
      title: article.title,
      outlet: article.outlet,
      url: article.url,
      published: article.published,
      relations: [],
    });
    expect(Object.keys(parse(files.yaml))).toEqual([
      'title',
      'outlet',
      'url',
      'published',
      'relations',
    ]);
    expect(files.yaml).toContain('\nrelations: []\n');
  });

  it('writes a year alone as a string', () => {
    const files = newArticleFiles(
      { ...article, published: { ...article.published, date: '2014' } },
      new Set(),
    );
    expect(parse(files.yaml).published.date).toBe('2014');
  });

  it('leaves out what is not given', () => {
    const files = newArticleFiles({ title: 'T', text: 'x' }, new Set());
    expect(parse(files.yaml)).toEqual({ title: 'T', relations: [] });
  });

  it.each([
    ['text', { text: ' \n\t' }],
    ['title', { title: '  ' }],
    ['url', { url: 'ftp://example.com/x' }],
    ['url', { url: 'javascript:alert(1)' }],
    ['url', { url: 'http://exa mple.com/' }],
    ['url', { url: 'https://' }],
    ['date', { published: { ...article.published, date: '2014-13' } }],
    ['date', { published: { ...article.published, date: '2023-02-29' } }],
    ['date', { published: { ...article.published, date: '14 Oct 2014' } }],
    ['basis', { published: { ...article.published, basis: 'guessed' as never } }],
    ['how', { published: { ...article.published, how: ' ' } }],
    ['how', { published: { date: '2014', basis: 'stated' } as never }],
  ])('refuses a bad %s', (field, change) => {
    expect(refusal(() => newArticleFiles({ ...article, ...change }, new Set())).field).toBe(field);
  });
});

describe('articleIdFor', () => {
  it('makes a readable id of outlet, year-month and title words', () => {
    expect(
      articleIdFor(
        {
          title: 'Russia to help fight Islamists in the Middle East',
          outlet: 'The Washington Post',
          published: { date: '2014-10-14' },
        },
        new Set(),
      ),
    ).toBe('washington-post-2014-10-russia-help-fight-islamists');
    expect(
      articleIdFor({ title: 'Iraq intelligence cell', published: { date: '2015-09' } }, new Set()),
    ).toBe('unknown-outlet-2015-09-iraq-intelligence-cell');
    expect(
      articleIdFor(
        { title: 'US proposal', outlet: 'Rudaw', published: { date: '2016' } },
        new Set(),
      ),
    ).toBe('rudaw-2016-us-proposal');
  });

  it('folds accents, drops other scripts and still gives a valid id', () => {
    expect(articleIdFor({ title: 'Émile Zoë à Straße', outlet: 'Le Monde' }, new Set())).toBe(
      'le-monde-emile-zoe-strasse',
    );
    const id = articleIdFor({ title: 'Путин и Асад', outlet: 'ТАСС' }, new Set());
    expect(id).toMatch(ARTICLE_ID);
    expect(id).toBe('unknown-outlet-article');
  });

  it('never returns an existing id, compared case-insensitively', () => {
    const existing = new Set(['Rudaw-2016-us-proposal', 'rudaw-2016-us-proposal-2']);
    expect(
      articleIdFor(
        { title: 'US proposal', outlet: 'Rudaw', published: { date: '2016' } },
        existing,
      ),
    ).toBe('rudaw-2016-us-proposal-3');
  });
});

describe('applyChanges', () => {
  const files = new Map([
    ['actors.yaml', ACTORS],
    ['relation-types.yaml', seed('relation-types.yaml')],
    ['articles/a.yaml', ARTICLE],
    ['articles/a.txt', 'text'],
  ]);

  it('applies changes in order, each seeing the earlier ones', () => {
    const result = applyChanges(files, [
      { kind: 'add-actor', actor: { id: 'zed', label: 'Zed', kind: 'person' } },
      { kind: 'add-article', article: { title: 'Zed speaks', text: 'Zed speaks to Russia.' } },
      {
        kind: 'add-relation',
        article: 'unknown-outlet-zed-speaks',
        relation: { ...REL, source: 'Zed', quote: 'Zed speaks' },
      },
      { kind: 'delete-relation', article: 'a', index: 0 },
      { kind: 'edit-relation', article: 'a', index: 0, relation: REL },
    ]);
    expect([...result.writes.keys()].sort()).toEqual([
      'actors.yaml',
      'articles/a.yaml',
      'articles/unknown-outlet-zed-speaks.txt',
      'articles/unknown-outlet-zed-speaks.yaml',
    ]);
    expect(result.articles).toEqual(['unknown-outlet-zed-speaks', 'a']);
    expect(parse(result.writes.get('articles/unknown-outlet-zed-speaks.yaml')!).relations).toEqual([
      { ...REL, source: 'Zed', quote: 'Zed speaks' },
    ]);
    expect(parse(result.writes.get('articles/a.yaml')!).relations).toEqual([REL]);
    expect(result.writes.get('articles/unknown-outlet-zed-speaks.txt')).toBe(
      'Zed speaks to Russia.',
    );
    expect(files.get('articles/a.yaml')).toBe(ARTICLE);
  });

  it('refuses a relation on an article that does not exist, naming the change', () => {
    const refused = refusal(() =>
      applyChanges(files, [
        { kind: 'add-actor', actor: { id: 'zed', label: 'Zed', kind: 'person' } },
        { kind: 'add-relation', article: 'nope', relation: REL },
      ]),
    );
    expect(refused.message).toBe('the article "nope" does not exist');
    expect(refused.change).toBe(1);
    expect(
      refusal(() =>
        applyChanges(files, [{ kind: 'add-relation', article: '../actors', relation: REL }]),
      ).message,
    ).toMatch(/does not exist/);
  });

  it('passes on an edit’s refusal with its field and change', () => {
    const refused = refusal(() =>
      applyChanges(files, [
        { kind: 'edit-relation', article: 'a', index: 0, relation: { ...REL, quote: '' } },
      ]),
    );
    expect([refused.field, refused.change]).toEqual(['quote', 0]);
  });

  it('refuses paths of unknown kinds', () => {
    expect(refusal(() => applyChanges(new Map([['../etc/passwd', '']]), [])).message).toMatch(
      /not a data file/,
    );
    expect(refusal(() => applyChanges(new Map([['articles/x.json', '']]), [])).message).toMatch(
      /not a data file/,
    );
  });
});

describe('edits on every seed article', () => {
  const dir = new URL('../../graph-data/articles/', import.meta.url);
  const names = readdirSync(dir).filter((n) => n.endsWith('.yaml'));

  it.each(names)(
    '%s: editing a relation to its own values changes nothing; each edit and delete reads back',
    (name) => {
      const file = readFileSync(new URL(name, dir), 'utf8');
      const relations = parse(file).relations as RelationInput[];
      relations.forEach((relation, i) => {
        const own = { ...relation } as RelationInput & { eventDate?: unknown };
        delete own.eventDate;
        expect(editRelation(file, i, own)).toBe(file);
        const edited = editRelation(file, i, {
          ...own,
          quote: `${own.quote}: changed # here`,
          note: '',
        });
        expect(parse(edited).relations[i]).toEqual({
          ...(relation as object),
          quote: `${own.quote}: changed # here`,
          note: undefined,
        });
        expect(parse(edited).relations[i]).not.toHaveProperty('note');
        const after = parse(deleteRelation(file, i)).relations;
        expect(after).toEqual(relations.toSpliced(i, 1));
      });
    },
  );
});

describe('edits of relations with YAML anchors and aliases', () => {
  const yaml = `title: t
relations:
  - source: A
    type: opposes
    target: B
    quote: &skep Kerry is skeptical
  - source: B
    type: opposes
    target: A
    quote: *skep
`;

  it('refuses to delete or rewrite the anchored value an alias refers to, naming the anchor and its line', () => {
    for (const edit of [
      () => deleteRelation(yaml, 0),
      () => editRelation(yaml, 0, { source: 'A', type: 'opposes', target: 'B', quote: 'Other' }),
    ]) {
      let error: unknown;
      try {
        edit();
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(EditRefused);
      expect((error as EditRefused).message).toMatch(/&skep, line 6/);
      expect((error as EditRefused).hint).toMatch(/by hand/);
    }
  });

  it('leaves an alias as written when the edit keeps its value', () => {
    const out = editRelation(yaml, 1, {
      source: 'B',
      type: 'opposes',
      target: 'C',
      quote: 'Kerry is skeptical',
    });
    expect(out).toBe(yaml.replace('    target: A\n', '    target: C\n'));
    expect(
      editRelation(yaml, 0, {
        source: 'A',
        type: 'opposes',
        target: 'C',
        quote: 'Kerry is skeptical',
      }),
    ).toBe(yaml.replace('    target: B\n', '    target: C\n'));
  });
});

describe('edits keep the comments and the style of the file', () => {
  const yaml = `title: t
relations:
  - source: A
    type: opposes  # why: the raids
    target: B
    quote: Kerry is skeptical
`;

  it("keeps the comment at the end of an edited key's line", () => {
    const out = editRelation(yaml, 0, {
      source: 'A',
      type: 'proposes-to',
      target: 'B',
      quote: 'Kerry is skeptical',
    });
    expect(out).toBe(yaml.replace('type: opposes  #', 'type: proposes-to  #'));
  });

  it("keeps the comment of an empty list on the key's line when a relation is added", () => {
    const empty = 'title: t\nrelations: []  # none yet\n';
    const out = addRelation(empty, { source: 'A', type: 'opposes', target: 'B', quote: 'Q' });
    expect(out).toBe(
      'title: t\nrelations:  # none yet\n  - source: A\n    type: opposes\n    target: B\n    quote: Q\n',
    );
  });

  it('writes new aliases as the file writes its flow lists', () => {
    const tight = 'actors:\n  - id: a\n    label: A\n    kind: state\n    aliases: [x, y]\n';
    const padded = tight.replace('[x, y]', '[ x, y ]');
    const actor = { id: 'b', label: 'B', kind: 'state' as const, aliases: ['p', 'q'] };
    expect(addActor(tight, actor)).toContain('    aliases: [p, q]\n');
    expect(addActor(padded, actor)).toContain('    aliases: [ p, q ]\n');
  });
});
