import { describe, expect, it } from 'vitest';
import { IssueSink } from '../../src/core/pipeline/issues.ts';
import { parseYaml } from '../../src/core/pipeline/load.ts';
import { describePath, validateAgainstSchema } from '../../src/core/pipeline/validate.ts';

function check(schema: 'actors' | 'article' | 'relation-types', text: string) {
  const sink = new IssueSink();
  const parsed = parseYaml({ path: 'f.yaml', text }, sink)!;
  const ok = validateAgainstSchema(parsed, schema, sink);
  return { ok, issues: sink.issues };
}

describe('validateAgainstSchema', () => {
  it('accepts a valid article', () => {
    const { ok, issues } = check(
      'article',
      'title: T\nrelations:\n  - {source: a, type: opposes, target: b, quote: q, modality: negated}\n',
    );
    expect(ok).toBe(true);
    expect(issues).toEqual([]);
  });

  it('reports a missing quote at the relation, saying what to add', () => {
    const { ok, issues } = check(
      'article',
      'title: T\nrelations:\n  - source: a\n    type: opposes\n    target: b\n',
    );
    expect(ok).toBe(false);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ file: 'f.yaml', line: 3, column: 5 });
    expect(issues[0]!.message).toBe('relations[0] is missing the required field "quote"');
    expect(issues[0]!.hint).toMatch(/verbatim span/);
  });

  it('suggests the right name for a misspelt field, at the key', () => {
    const { issues } = check(
      'article',
      'title: T\nrelations:\n  - {source: a, type: t, target: b, qoute: q}\n',
    );
    const unknown = issues.find((i) => i.message.includes('unknown field'));
    expect(unknown?.message).toBe('relations[0] has an unknown field "qoute"');
    expect(unknown?.hint).toMatch(/Did you mean "quote"/);
    expect(unknown).toMatchObject({ line: 3 });
  });

  it('lists the allowed values of an enum', () => {
    const { issues } = check(
      'article',
      'title: T\nrelations:\n  - {source: a, type: t, target: b, quote: q, modality: maybe}\n',
    );
    expect(issues[0]!.message).toBe('relations[0].modality is "maybe", which is not allowed');
    expect(issues[0]!.hint).toMatch(/asserted, negated, conditional, proposed, reported, denied/);
  });

  it('reports every error, not only the first', () => {
    const { issues } = check(
      'actors',
      'actors:\n  - {id: Bad Id, label: X, kind: state}\n  - {id: ok, label: Y, kind: planet}\n  - {id: z, kind: state}\n',
    );
    expect(issues.map((i) => i.line)).toEqual([2, 3, 4]);
  });

  it('requires inverseLabel on a directed relation type', () => {
    const { issues } = check(
      'relation-types',
      'relationTypes:\n  - {id: opposes, label: opposes, directed: true, sign: -1, color: "#ff0000", description: d, cameo: ["10"]}\n',
    );
    expect(issues).toHaveLength(1);
    expect(issues[0]!.message).toMatch(/"inverseLabel"/);
  });

  it('rejects a date that is not YYYY, YYYY-MM or YYYY-MM-DD', () => {
    const { issues } = check(
      'article',
      'title: T\npublished: {date: 13/10/2015, basis: stated, how: h}\nrelations: []\n',
    );
    expect(issues[0]!.message).toMatch(/published.date "13\/10\/2015" is not in the expected form/);
  });

  it('names the expected type', () => {
    const { issues } = check(
      'article',
      'title: T\npublished: {date: 2016, basis: stated, how: h}\nrelations: []\n',
    );
    expect(issues[0]!.message).toBe('published.date must be a string, not a number');
    expect(issues[0]!.hint).toMatch(
      /^Write it in quotes, '2016': unquoted, YAML reads it as a number\./,
    );
  });
});

describe('describePath', () => {
  it('reads like code', () => {
    expect(describePath(['relations', 3, 'quote'])).toBe('relations[3].quote');
    expect(describePath([])).toBe('The file');
  });
});
