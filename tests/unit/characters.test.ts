import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/pipeline/issues.ts';
import {
  describeChar,
  escapeForTerminal,
  findInvisible,
  lineColumnAt,
  showInvisible,
} from '../../src/core/text/characters.ts';

describe('escapeForTerminal', () => {
  it('writes C0, DEL, C1, bidi controls and line separators visibly', () => {
    expect(escapeForTerminal('a\u001b[2Jb\u0007\u007f\u009b\u202e\u2066\u2028\n')).toBe(
      'a\\u001b[2Jb\\u0007\\u007f\\u009b\\u202e\\u2066\\u2028\\u000a',
    );
  });

  it('leaves ordinary text, accents and emoji alone', () => {
    expect(escapeForTerminal('Café “x” \u{1F600}')).toBe('Café “x” \u{1F600}');
  });

  it('is applied to the file, message and hint of every formatted issue', () => {
    const line = formatIssue({
      severity: 'error',
      file: 'data/\u001b]0;x\u0007.yaml',
      line: 2,
      column: 3,
      message: 'unknown actor "\u001b[31mRed"',
      hint: 'Did you mean \u202eX?',
    });
    expect(line).toBe(
      'data/\\u001b]0;x\\u0007.yaml:2:3: error: unknown actor "\\u001b[31mRed"\n    Did you mean \\u202eX?',
    );
  });
});

describe('characters', () => {
  it('finds invisible characters and shows them', () => {
    for (const c of [
      '\u200b',
      '\u200d',
      '\u00ad',
      '\u2060',
      '\ufeff',
      '\u202e',
      '\ufe0f',
      '\u0001',
    ]) {
      expect(findInvisible(`a${c}b`)?.offset).toBe(1);
    }
    expect(findInvisible('Café Zürich')).toBeUndefined();
    expect(showInvisible('a\u200bb')).toBe('a\\u200bb');
    expect(describeChar('\u200b')).toBe('U+200B (zero-width space)');
  });

  it('gives lines and columns', () => {
    expect(lineColumnAt('ab\ncd\r\nef\rg', 10)).toEqual({ line: 4, column: 1 });
    expect(lineColumnAt('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });
});
