import { describe, expect, it } from 'vitest';
import { formatIssue } from '../../src/core/pipeline/issues.ts';
import {
  VALUE_FORBIDDEN,
  YAML_CONTROL,
  describeChar,
  escapeForTerminal,
  findInvisible,
  lineColumnAt,
  showForbidden,
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

describe('characters forbidden in YAML values', () => {
  const forbidden = (c: string) => new RegExp(VALUE_FORBIDDEN.source, 'u').test(c);

  it('are those forbidden in the raw file, carriage return, lone surrogates and noncharacters', () => {
    for (let code = 0; code <= 0x9f; code++) {
      const c = String.fromCharCode(code);
      if (new RegExp(YAML_CONTROL.source).test(c)) expect(forbidden(c)).toBe(true);
    }
    for (const c of ['\r', '\u000b', '\u000c', '\u0085', '\ud800', '\udfff', '\ufffe', '\uffff']) {
      expect(forbidden(c)).toBe(true);
    }
    for (const c of ['\ufdd0', '\ufdef', '\u{1fffe}', '\u{10ffff}'])
      expect(forbidden(c)).toBe(true);
    for (const c of ['\t', '\n', ' ', 'é', '\u{1F600}', '\ufffd', '\u200b', '\ufdf0']) {
      expect(forbidden(c)).toBe(false);
    }
    // Half of a pair is a lone surrogate; the two halves together are a character.
    expect(forbidden('x\ud83d')).toBe(true);
    expect(forbidden('\ude00x')).toBe(true);
  });

  it('are shown as escapes and described', () => {
    expect(showForbidden('a\u001b[2J\ud800\u{10ffff}\u00e9\n')).toBe(
      'a\\u001b[2J\\ud800\\u{10ffff}\u00e9\n', // line feed and é as they are
    );
    expect(describeChar('\ud800')).toBe('U+D800 (a lone surrogate)');
    expect(describeChar('\uffff')).toBe('U+FFFF (a noncharacter)');
    expect(describeChar('\u0085')).toBe('U+0085 (next line)');
  });
});
