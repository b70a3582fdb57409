import { describe, expect, it } from 'vitest';
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
