/**
 * The dismiss-suggestion edit: `dismissedSuggestions` appended to (or created at the end of) an
 * article's YAML with every other byte kept, idempotent, refusals; and the schema and the
 * build accept the list.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import type { DismissedSuggestion } from '../../src/core/annotate/api.ts';
import { applyChanges } from '../../src/core/annotate/applyChanges.ts';
import { dismissSuggestion, dismissedIn, isDismissed } from '../../src/core/annotate/dismiss.ts';
import { EditRefused } from '../../src/core/annotate/edits.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { commentedArticle } from '../helpers/articleYaml.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';

const ARTICLE = commentedArticle();

const ONE: DismissedSuggestion = {
  source: 'alpha',
  type: 'opposes',
  target: 'gamma-front',
  quote: 'Alpha: "no talks" with Gamma Front.',
};
const TWO: DismissedSuggestion = {
  source: 'beta',
  type: 'cooperates-with',
  target: 'alpha',
  quote: 'Beta and Alpha signed a pact.',
};

function refusal(f: () => unknown): EditRefused {
  try {
    f();
  } catch (error) {
    if (error instanceof EditRefused) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('dismissSuggestion', () => {
  it('creates the list at the end of the file, every byte before it kept', () => {
    const out = dismissSuggestion(ARTICLE, ONE);
    expect(out.startsWith(ARTICLE)).toBe(true);
    expect(out.slice(ARTICLE.length)).toBe(
      `dismissedSuggestions:
  - source: alpha
    type: opposes
    target: gamma-front
    quote: 'Alpha: "no talks" with Gamma Front.'
`,
    );
    expect((parse(out) as { dismissedSuggestions: unknown }).dismissedSuggestions).toEqual([ONE]);
  });

  it('appends to an existing list, keeping its comments byte for byte', () => {
    const first = dismissSuggestion(ARTICLE, ONE);
    const commented = first.replace(
      'dismissedSuggestions:\n',
      'dismissedSuggestions: # not relations\n  # the first\n',
    );
    const out = dismissSuggestion(commented, TWO);
    expect(out.startsWith(commented)).toBe(true);
    expect(out.slice(commented.length)).toBe(
      `  - source: beta
    type: cooperates-with
    target: alpha
    quote: Beta and Alpha signed a pact.
`,
    );
    expect(dismissedIn(parse(out))).toEqual([ONE, TWO]);
  });

  it('is idempotent: the same suggestion twice gives the same text', () => {
    const once = dismissSuggestion(ARTICLE, ONE);
    expect(dismissSuggestion(once, ONE)).toBe(once);
    const twice = dismissSuggestion(once, TWO);
    expect(dismissSuggestion(twice, ONE)).toBe(twice);
    expect(dismissSuggestion(twice, TWO)).toBe(twice);
    // Another quote is another dismissal.
    expect(dismissSuggestion(once, { ...ONE, quote: 'Other.' })).not.toBe(once);
  });

  it('fills an empty flow list, and keeps CRLF line ends and a file without a last line end', () => {
    const flow = `title: T\nrelations: []\ndismissedSuggestions: [] # none yet\n`;
    const out = dismissSuggestion(flow, ONE);
    expect(out.startsWith('title: T\nrelations: []\ndismissedSuggestions: # none yet\n  - ')).toBe(
      true,
    );
    expect(dismissedIn(parse(out))).toEqual([ONE]);

    const crlf = 'title: T\r\nrelations: []\r\n';
    const outCrlf = dismissSuggestion(crlf, ONE);
    expect(outCrlf.startsWith(crlf)).toBe(true);
    expect(outCrlf.replace(/\r\n/g, '')).not.toContain('\n');
    expect(dismissedIn(parse(outCrlf))).toEqual([ONE]);

    const bare = 'title: T\nrelations: [] # end';
    const outBare = dismissSuggestion(bare, ONE);
    expect(outBare.startsWith(`${bare}\n`)).toBe(true);
    expect(dismissedIn(parse(outBare))).toEqual([ONE]);
  });

  it('puts the list before a document end marker', () => {
    const marked = 'title: T\nrelations: []\n...\n# after the end\n';
    const out = dismissSuggestion(marked, ONE);
    expect(out.startsWith('title: T\nrelations: []\ndismissedSuggestions:\n')).toBe(true);
    expect(out.endsWith('...\n# after the end\n')).toBe(true);
    expect(dismissedIn(parse(out))).toEqual([ONE]);
  });

  it('refuses empty fields, a file that does not parse, and a list that is not one', () => {
    for (const field of ['source', 'type', 'target', 'quote'] as const) {
      const error = refusal(() => dismissSuggestion(ARTICLE, { ...ONE, [field]: ' ' }));
      expect(error.field).toBe(field);
      expect(error.message).toMatch(/empty/);
    }
    expect(refusal(() => dismissSuggestion('title: [', ONE)).message).toMatch(/does not parse/);
    expect(
      refusal(() => dismissSuggestion('title: T\nrelations: []\ndismissedSuggestions: 3\n', ONE))
        .message,
    ).toMatch(/not a list/);
    expect(refusal(() => dismissSuggestion('{title: T, relations: []}', ONE)).message).toMatch(
      /block mapping/,
    );
  });
});

describe('isDismissed', () => {
  const directed = (type: string) => type !== 'cooperates-with';
  it('matches source, type, target and quote; a symmetric type in either order', () => {
    expect(isDismissed(ONE, [ONE], directed)).toBe(true);
    expect(isDismissed({ ...ONE, quote: 'x' }, [ONE], directed)).toBe(false);
    expect(isDismissed({ ...ONE, source: ONE.target, target: ONE.source }, [ONE], directed)).toBe(
      false,
    );
    expect(isDismissed({ ...TWO, source: TWO.target, target: TWO.source }, [TWO], directed)).toBe(
      true,
    );
    expect(isDismissed({ ...TWO, type: 'opposes' }, [TWO], directed)).toBe(false);
  });
});

describe('applyChanges: dismiss-suggestion', () => {
  const files = () => new Map(Object.entries(smallDataset()));

  it('writes the article YAML only, and the data still builds with the list', () => {
    const result = applyChanges(files(), [
      { kind: 'dismiss-suggestion', article: 'a1', suggestion: ONE },
    ]);
    expect([...result.writes.keys()]).toEqual(['articles/a1.yaml']);
    expect(result.articles).toEqual(['a1']);
    const yaml = result.writes.get('articles/a1.yaml')!;
    expect(yaml.startsWith(smallDataset()['articles/a1.yaml']!)).toBe(true);
    const data = { ...smallDataset(), 'articles/a1.yaml': yaml };
    const built = buildGraph(toDataFiles(data), { layout: false });
    expect(built.issues.filter((i) => i.severity === 'error')).toEqual([]);
    const before = buildGraph(toDataFiles(smallDataset()), { layout: false });
    expect(built.graph!.size).toBe(before.graph!.size);
  });

  it('refuses an unknown article and empty fields, naming the change', () => {
    const unknown = refusal(() =>
      applyChanges(files(), [
        { kind: 'dismiss-suggestion', article: 'a1', suggestion: ONE },
        { kind: 'dismiss-suggestion', article: 'nope', suggestion: ONE },
      ]),
    );
    expect(unknown.message).toMatch(/"nope" does not exist/);
    expect(unknown.change).toBe(1);
    const empty = refusal(() =>
      applyChanges(files(), [
        { kind: 'dismiss-suggestion', article: 'a1', suggestion: { ...ONE, target: '' } },
      ]),
    );
    expect(empty.field).toBe('target');
    expect(empty.change).toBe(0);
  });

  it('the schema refuses a dismissed suggestion with an unknown key or an empty field', () => {
    for (const extra of ['    note: x\n', '']) {
      const yaml = `${smallDataset()['articles/a1.yaml']!}dismissedSuggestions:\n  - source: alpha\n    type: opposes\n    target: ${extra ? 'beta' : '""'}\n    quote: Q.\n${extra}`;
      const built = buildGraph(toDataFiles({ ...smallDataset(), 'articles/a1.yaml': yaml }), {
        layout: false,
      });
      expect(
        built.issues.some((i) => i.severity === 'error' && /dismissedSuggestions/.test(i.message)),
      ).toBe(true);
    }
  });
});

describe('dismissSuggestion on every seed article', () => {
  const dir = new URL('../../graph-data/articles/', import.meta.url);
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.yaml'))) {
    it(`${name}: only lines are added, at the end`, () => {
      const yaml = readFileSync(new URL(name, dir), 'utf8');
      const out = dismissSuggestion(yaml, ONE);
      expect(out.startsWith(yaml)).toBe(true);
      expect(dismissSuggestion(out, ONE)).toBe(out);
    });
  }
});
