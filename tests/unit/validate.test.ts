import { describe, expect, it } from 'vitest';
import { IssueSink } from '../../src/core/pipeline/issues.ts';
import { parseYaml } from '../../src/core/pipeline/load.ts';
import {
  checkEventDates,
  describePath,
  eventDateWordsProblem,
  validateAgainstSchema,
} from '../../src/core/pipeline/validate.ts';

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

describe('event dates', () => {
  const article = (eventDate: string, published = '{date: "2016", basis: inferred, how: h}') =>
    `title: T\npublished: ${published}\nrelations:\n  - source: a\n    type: t\n    target: b\n    quote: q\n    eventDate: ${eventDate}\n`;
  function checkEvents(text: string) {
    const sink = new IssueSink();
    const parsed = parseYaml({ path: 'f.yaml', text }, sink)!;
    const valid = validateAgainstSchema(parsed, 'article', sink);
    return { valid, ok: valid && checkEventDates(parsed, sink), issues: sink.issues };
  }

  it('accepts a date that rests on its words, the year inferred from the article', () => {
    for (const [date, how] of [
      ['2016-05', 'In May'],
      ['2016-02-27', 'on February 27'],
      ['2016-02-27', 'on Feb. 27th'],
      ['2016-09', 'in Sept'],
      ['2015-12', 'last December'],
      ['2017-01', 'in January'],
      ['"2016"', 'this year'],
    ]) {
      const { ok, issues } = checkEvents(article(`{date: ${date}, basis: inferred, how: ${how}}`));
      expect(issues, `${date} ${how}`).toEqual([]);
      expect(ok).toBe(true);
    }
    const stated = checkEvents(article('{date: 2014-11-24, basis: stated, how: "Nov. 24, 2014"}'));
    expect(stated.issues).toEqual([]);
  });

  it('refuses a date more precise than its words, or at odds with them, at the date', () => {
    const cases: [string, RegExp][] = [
      ['{date: 2016-05-01, basis: inferred, how: In May}', /do not give the day 1$/],
      ['{date: 2016-05, basis: inferred, how: in the spring}', /name no month$/],
      ['{date: 2016-05, basis: inferred, how: In March}', /name March, not May$/],
      ['{date: 2016-05, basis: stated, how: In May}', /give no year, and the basis is stated$/],
      ['{date: 2016-05, basis: stated, how: In May 2015}', /give the year 2015, not 2016$/],
      ['{date: 2016-05-02, basis: inferred, how: "May 2016"}', /do not give the day 2$/],
    ];
    for (const [eventDate, message] of cases) {
      const { ok, issues } = checkEvents(article(eventDate));
      expect(ok, eventDate).toBe(false);
      expect(issues).toHaveLength(1);
      expect(issues[0]).toMatchObject({ severity: 'error', file: 'f.yaml', line: 8 });
      expect(issues[0]!.message).toMatch(
        /^relations\[0\]\.eventDate\.date "[-0-9]+" does not rest/,
      );
      expect(issues[0]!.message).toMatch(message);
      expect(issues[0]!.hint).toMatch(/only as precisely as the words/);
    }
  });

  it('refuses a date that is not on the calendar', () => {
    const { ok, issues } = checkEvents(article('{date: 2015-02-29, basis: inferred, how: Feb 29}'));
    expect(ok).toBe(false);
    expect(issues[0]!.message).toBe(
      'relations[0].eventDate.date "2015-02-29" is not a date on the calendar: February 2015 has 28 days',
    );
  });

  it('infers a year only from an article that has a date, and only its own or the next', () => {
    const undated = checkEvents(
      'title: T\nrelations:\n  - {source: a, type: t, target: b, quote: q, eventDate: {date: 2016-05, basis: inferred, how: In May}}\n',
    );
    expect(undated.ok).toBe(false);
    expect(undated.issues[0]!.message).toBe(
      'relations[0].eventDate.basis is inferred, but the article has no published date to take the year from',
    );
    const far = checkEvents(article('{date: 2012-05, basis: inferred, how: In May}'));
    expect(far.issues[0]!.message).toMatch(/its year is not the article's \(2016\) or next to it/);
  });

  it('has a schema: all three fields, a date in form, a known basis', () => {
    const missing = checkEvents(article('{date: 2016-05, how: In May}'));
    expect(missing.valid).toBe(false);
    expect(missing.issues[0]!.message).toBe(
      'relations[0].eventDate is missing the required field "basis"',
    );
    const form = checkEvents(article('{date: May 2016, basis: inferred, how: In May}'));
    expect(form.issues[0]!.message).toMatch(
      /eventDate.date "May 2016" is not in the expected form/,
    );
  });

  it('reads the words of a date', () => {
    expect(eventDateWordsProblem({ date: '2016-03', basis: 'inferred', how: 'Mar.' })).toBe(
      undefined,
    );
    // "may" the verb is no month; "Marise" is no March.
    expect(eventDateWordsProblem({ date: '2016-05', basis: 'inferred', how: 'it may' })).toMatch(
      /no month/,
    );
    expect(
      eventDateWordsProblem({ date: '2016-03', basis: 'inferred', how: 'Marise Payne' }),
    ).toMatch(/no month/);
  });
});
