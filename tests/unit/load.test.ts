import { describe, expect, it, vi } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { IssueSink } from '../../src/core/pipeline/issues.ts';
import { parseYaml, positionOf, positionOfKey } from '../../src/core/pipeline/load.ts';

// Counts the lexemes the YAML lexer hands out, to show how much of a file is read.
const lexed = vi.hoisted(() => ({ count: 0 }));
vi.mock('yaml', async (importOriginal) => {
  const yaml = await importOriginal<typeof import('yaml')>();
  class CountingLexer extends yaml.Lexer {
    override *lex(source: string, incomplete?: boolean): Generator<string> {
      for (const lexeme of super.lex(source, incomplete)) {
        lexed.count++;
        yield lexeme;
      }
    }
  }
  return { ...yaml, Lexer: CountingLexer };
});

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

describe('parseYaml refuses what escapes and structure smuggle in', () => {
  const issues = (text: string) => {
    const sink = new IssueSink();
    const parsed = parseYaml(file(text), sink);
    return { parsed, issues: sink.issues.map((i) => [i.severity, i.line, i.column, i.message]) };
  };

  it('refuses control characters written as escapes, in values and keys, at the scalar', () => {
    const found = issues(
      'note: "a\\x1bb"\noutlet: "\\u0085"\nx: ["\\0", "\\a", "\\e[2J", "\\x7f", "\\x9b"]\n"k\\x07": 1\n',
    );
    expect(found.parsed).toBeUndefined();
    expect(found.issues).toEqual([
      [
        'error',
        1,
        7,
        'the value of note contains the control character U+001B (escape): "a\\u001bb"',
      ],
      [
        'error',
        2,
        9,
        'the value of outlet contains the control character U+0085 (next line): "\\u0085"',
      ],
      ['error', 3, 5, 'a value contains the control character U+0000 (NUL): "\\u0000"'],
      ['error', 3, 11, 'a value contains the control character U+0007 (bell): "\\u0007"'],
      ['error', 3, 17, 'a value contains the control character U+001B (escape): "\\u001b[2J"'],
      ['error', 3, 26, 'a value contains the control character U+007F (DEL): "\\u007f"'],
      [
        'error',
        3,
        34,
        'a value contains the control character U+009B (control sequence introducer): "\\u009b"',
      ],
      [
        'error',
        4,
        1,
        'the key "k\\u0007" contains the control character U+0007 (bell): "k\\u0007"',
      ],
    ]);
  });

  it('refuses lone surrogates and noncharacters, escaped or written out', () => {
    const found = issues(
      'a: "\\ud800x"\nb: "\\uFFFE"\nc: "\\uFFFF"\nd: "\\U0010FFFF"\ne: x\uFDD0\n',
    );
    expect(found.parsed).toBeUndefined();
    expect(found.issues).toEqual([
      [
        'error',
        1,
        4,
        'the value of a contains U+D800, a lone surrogate (half of a UTF-16 pair, no character by itself): "\\ud800x"',
      ],
      ['error', 2, 4, 'the value of b contains the noncharacter U+FFFE: "\\ufffe"'],
      ['error', 3, 4, 'the value of c contains the noncharacter U+FFFF: "\\uffff"'],
      ['error', 4, 4, 'the value of d contains the noncharacter U+10FFFF: "\\u{10ffff}"'],
      // Written literally: the position of the character itself.
      ['error', 5, 5, 'the value of e contains the noncharacter U+FDD0: "x\\ufdd0"'],
    ]);
  });

  it('refuses a carriage return in a value (an escape or a lone CR inside quotes)', () => {
    expect(issues('a: "x\\ry"\n').issues).toEqual([
      [
        'error',
        1,
        4,
        'the value of a contains the control character U+000D (carriage return): "x\\u000dy"',
      ],
    ]);
    expect(issues('a: "x\ry"\n').issues[0]?.slice(1, 3)).toEqual([1, 6]);
  });

  it('accepts tab and line feed, however written, and a surrogate pair', () => {
    const ok = issues(
      'a: "t\\tn\\n"\nb: |\n  one\n  two\nc: >\n  folded\n\n  para\nd: "\\ud83d\\ude00 \\u00e9"\r\n',
    );
    expect(ok.issues).toEqual([]);
    expect(ok.parsed?.value).toEqual({
      a: 't\tn\n',
      b: 'one\ntwo\n',
      c: 'folded\npara\n',
      d: '\u{1F600} é',
    });
  });

  it('reports ten values per file, then counts the rest', () => {
    const text = Array.from({ length: 25 }, (_, i) => `k${i}: "\\x01"\n`).join('');
    const found = issues(text).issues;
    expect(found).toHaveLength(10);
    expect(found[9]![3]).toMatch(/\(and 15 more values like it in this file\)$/);
  });

  it('says a file is nested too deeply, at the bracket that goes too deep, cheaply', () => {
    const deep = (n: number) => `relations: ${'['.repeat(n)}${']'.repeat(n)}\n`;
    // The top-level mapping and 63 sequences: 64 levels.
    expect(issues(deep(63)).issues).toEqual([]);
    const message =
      'the file is nested too deeply: more than 64 mappings and sequences inside one another';
    expect(issues(deep(64)).issues).toEqual([['error', 1, 75, message]]);
    // Refused after reading the 65 brackets, not the two million: work counted, not timed.
    lexed.count = 0;
    const huge = issues(deep(1_000_000));
    expect(huge.issues).toEqual([['error', 1, 75, message]]);
    expect(lexed.count).toBeGreaterThan(64);
    expect(lexed.count).toBeLessThan(100);
    const dashes = issues(`relations:\n  ${'- '.repeat(5000)}x\n`);
    expect(dashes.issues).toEqual([['error', 2, 3 + 2 * 63, message]]);
    const blocks = issues(
      Array.from({ length: 3000 }, (_, i) => `${' '.repeat(i)}k:`).join('\n') + ' x\n',
    );
    // At the colon that opens the 65th mapping.
    expect(blocks.issues).toEqual([['error', 65, 66, message]]);
  });

  it('refuses keys that are collections or aliases, before they are stringified', () => {
    const found = issues('a:\n  - ? [a, b]\n    : Russia\n  - {x: 1}: y\nb: &k n\nc:\n  *k : 1\n');
    expect(found.parsed).toBeUndefined();
    expect(found.issues).toEqual([
      ['error', 2, 7, 'a key is a sequence; keys must be plain names'],
      ['error', 4, 5, 'a key is a mapping; keys must be plain names'],
      ['error', 7, 3, 'a key is an alias (*k); keys must be written out'],
    ]);
    expect(issues('"quoted key": 1\n? plain\n: 2\n').parsed?.value).toEqual({
      'quoted key': 1,
      plain: 2,
    });
  });

  it('still reports several documents in one file', () => {
    expect(issues('a: 1\n---\nb: 2\n').issues[0]?.slice(0, 3)).toEqual(['error', 2, 1]);
  });
});
