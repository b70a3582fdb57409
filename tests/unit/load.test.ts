import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { IssueSink } from '../../src/core/pipeline/issues.ts';
import { parseYaml, positionOf, positionOfKey } from '../../src/core/pipeline/load.ts';

const file = (text: string) => ({ path: 'data/x.yaml', text });

describe('parseYaml', () => {
  it('parses a document and keeps the value', () => {
    const sink = new IssueSink();
    const parsed = parseYaml(file('a: 1\nb: [x, y]\n'), sink);
    expect(parsed?.value).toEqual({ a: 1, b: ['x', 'y'] });
    expect(sink.issues).toEqual([]);
  });

  it('keeps dates such as 2015-10-13 as strings', () => {
    const parsed = parseYaml(file('date: 2015-10-13\n'), new IssueSink());
    expect(parsed?.value).toEqual({ date: '2015-10-13' });
  });

  it('reports a syntax error with its file, line and column', () => {
    const sink = new IssueSink();
    // The annotator's usual slip: an unquoted value that itself contains ": ".
    const parsed = parseYaml(file('relations:\n  - source: a\n    quote: he said: "x"\n'), sink);
    expect(parsed).toBeUndefined();
    expect(sink.issues).toHaveLength(1);
    expect(sink.issues[0]).toMatchObject({
      severity: 'error',
      file: 'data/x.yaml',
      line: 3,
      column: 12,
    });
    expect(sink.issues[0]!.message).toMatch(/YAML syntax/);
    expect(sink.issues[0]!.hint).toMatch(/single quotes/);
  });

  it('reports a duplicated key', () => {
    const sink = new IssueSink();
    expect(parseYaml(file('a: 1\na: 2\n'), sink)).toBeUndefined();
    expect(sink.issues[0]).toMatchObject({ line: 2 });
  });
});

describe('positions', () => {
  const parsed = parseYaml(
    file('relations:\n  - source: a\n    type: opposes\n'),
    new IssueSink(),
  )!;

  it('locates a value by its path', () => {
    expect(positionOf(parsed, ['relations', 0, 'type'])).toEqual({ line: 3, column: 11 });
  });

  it('falls back to the nearest enclosing value for a missing field', () => {
    expect(positionOf(parsed, ['relations', 0, 'quote'])).toEqual({ line: 2, column: 5 });
  });

  it('locates a key', () => {
    expect(positionOfKey(parsed, ['relations', 0], 'type')).toEqual({ line: 3, column: 5 });
  });
});

describe('parseYaml refuses hostile YAML', () => {
  const issues = (text: string) => {
    const sink = new IssueSink();
    const parsed = parseYaml(file(text), sink);
    return { parsed, issues: sink.issues.map((i) => [i.severity, i.line, i.column, i.message]) };
  };

  it('refuses control characters, at their line and column, at most three reported', () => {
    expect(issues('a: x\nb: y\u0000z\n').issues).toEqual([
      ['error', 2, 5, 'the file contains the control character U+0000 (NUL)'],
    ]);
    const many = issues('a: \u0001\u0002\u0003\u0004\u0005\n');
    expect(many.parsed).toBeUndefined();
    expect(many.issues).toHaveLength(3);
    expect(many.issues[2]![3]).toMatch(/\(and 2 more\)$/);
    expect(issues('a: "tab\tand CRLF"\r\n').issues).toEqual([]);
  });

  it('puts control characters on the lines the parser counts, also in a CR-only file', () => {
    // The yaml parser ends lines at \n only: a file saved with lone CRs is one line to it.
    const crOnly = 'a: 1\rb: 2\rc: 3\rd: x\u0000y\r';
    const nul = crOnly.indexOf('\u0000');
    expect(issues(crOnly).issues).toEqual([
      ['error', 1, nul + 1, 'the file contains the control character U+0000 (NUL)'],
    ]);
    // A syntax error at the same place (the NUL replaced) is reported at the same position.
    const lineCounter = new LineCounter();
    const doc = parseDocument(crOnly.replace('\u0000', ' '), { lineCounter });
    expect(lineCounter.linePos(nul)).toEqual({ line: 1, col: nul + 1 });
    expect(doc.errors.length).toBeGreaterThan(0);
    const syntax = issues('a: 1\rb: [\r');
    expect(syntax.issues[0]?.slice(0, 2)).toEqual(['error', 1]);
    // With LF or CRLF line ends, the usual lines.
    expect(issues('a: 1\r\nb: 2\r\nc: x\u0000\r\n').issues[0]?.slice(1, 3)).toEqual([3, 5]);
  });

  it('refuses tags other than the core schema’s, where they are written', () => {
    expect(issues('a: !!js/function x\nb: !custom [1]\nc: !<tag:x> y\n').issues).toEqual([
      ['error', 1, 4, 'the tag "!!js/function" is not allowed'],
      ['error', 2, 4, 'the tag "!custom" is not allowed'],
      ['error', 3, 4, 'the tag "!<tag:x>" is not allowed'],
    ]);
    const core = issues('a: !!str 5\nb: !!int "7"\nc: !!seq [1]\n');
    expect(core.issues).toEqual([]);
    expect(core.parsed?.value).toEqual({ a: '5', b: 7, c: [1] });
  });

  it('refuses an unresolved alias and an alias bomb, with the file and a position', () => {
    expect(issues('a: 1\nb: *nope\n').issues).toEqual([
      ['error', 2, 4, 'the alias *nope refers to no anchor before it'],
    ]);
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 1; i < 8; i++) {
      const prev = String.fromCharCode(96 + i);
      levels.push(
        `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${prev}`).join(', ')}]`,
      );
    }
    const bomb = issues(`${levels.join('\n')}\n`);
    expect(bomb.parsed).toBeUndefined();
    expect(bomb.issues).toEqual([
      [
        'error',
        2,
        8,
        'the aliases expand to too large a value (more than 100 alias uses, counting nested ones)',
      ],
    ]);
    expect(issues('a: &x 1\nb: *x\n').parsed?.value).toEqual({ a: 1, b: 1 });
  });

  it('passes the parser’s warnings on, with their positions', () => {
    const { parsed, issues: found } = issues('%FOO bar\n---\na: 1\n');
    expect(parsed?.value).toEqual({ a: 1 });
    expect(found).toEqual([['warning', 1, 1, expect.stringMatching(/^YAML: /)]]);
  });
});
