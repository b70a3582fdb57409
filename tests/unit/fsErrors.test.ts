import { describe, expect, it } from 'vitest';
import { describeFsError, errorCode, fsErrorLine } from '../../src/node/fsErrors.ts';

const errno = (code: string) => Object.assign(new Error(`${code}: raw message`), { code });

describe('describeFsError of a file the report names beside it (the data reader)', () => {
  it.each([
    ['EACCES', /permission denied/, /chmod/],
    ['EPERM', /permission denied/, /readable/],
    ['ELOOP', /loop of symbolic links/, /link/],
    ['EISDIR', /a folder, not a file/, /Move the folder/],
    ['ENOTDIR', /part of its path is a file/, /path/],
    ['EMFILE', /too many files are open/, /ulimit/],
    ['EIO', /input\/output error/, /disk/],
  ])('says %s in words, with what to do', (code, message, hint) => {
    const problem = describeFsError(errno(code), { action: 'read' });
    expect(problem.message).toMatch(message);
    expect(problem.message).not.toContain(code);
    expect(problem.hint).toMatch(hint);
  });

  it('falls back to a sentence that still says what failed', () => {
    expect(describeFsError(errno('EWEIRD'), { action: 'read' }).message).toBe(
      'cannot be read (EWEIRD: EWEIRD: raw message)',
    );
  });
});

describe('describeFsError of a named file (the writers, the export)', () => {
  const file = '/out/graph.json';
  it.each([
    ['EISDIR', /^\/out\/graph\.json is a folder, where the file should be\. Move that folder away/],
    ['ENOTDIR', /part of its path is a file, not a folder/],
    ['ENOSPC', /cannot write \/out\/graph\.json: the disk is full\. Free some space and run again/],
    ['EDQUOT', /disk quota is used up\. Free some space/],
    ['EROFS', /read-only file system\. Write elsewhere with --out/],
    ['EACCES', /permission denied\. Make its folder writable for you/],
    ['EPERM', /permission denied\. Make its folder writable for you/],
    ['EEXIST', /something else already has its name\. Move it away/],
    ['EMFILE', /too many files are open\. Close other programs/],
    ['ENFILE', /too many files are open/],
    ['EIO', /input\/output error/],
    ['ENAMETOOLONG', /the path is too long\. Write to a shorter path/],
    ['EWHATEVER', /cannot write \/out\/graph\.json \(EWHATEVER\)\. Check the folder and the disk/],
  ])('%s names the file and says what to do', (code, expected) => {
    const line = fsErrorLine(errno(code), { action: 'write', file });
    expect(line).toMatch(expected);
    expect(line).toContain(file);
    const { message, hint } = describeFsError(errno(code), { action: 'write', file });
    expect(`${message}. ${hint}`).toBe(line);
    expect(message).toContain(file);
    expect(hint).toMatch(/^[A-Z].*\.$/);
  });

  it('words reading, removing and creating as such', () => {
    expect(fsErrorLine(errno('EACCES'), { action: 'read', file })).toBe(
      'cannot read /out/graph.json: permission denied. Make it readable for you (check its owner and mode).',
    );
    expect(fsErrorLine(errno('EISDIR'), { action: 'read', file })).toBe(
      '/out/graph.json is a folder, not a file. Name the file to read.',
    );
    expect(fsErrorLine(errno('EROFS'), { action: 'remove', file })).toMatch(/^cannot remove /);
    expect(fsErrorLine(errno('ENOSPC'), { action: 'create', file: '/out' })).toMatch(
      /^cannot create the folder \/out: the disk is full/,
    );
    expect(fsErrorLine(errno('EEXIST'), { action: 'create', file: '/out' })).toBe(
      '/out is a file, not a folder. Move it away, or write elsewhere with --out.',
    );
    expect(fsErrorLine(new Error('odd'), { action: 'write', file })).toContain('(odd)');
  });
});

describe('errorCode', () => {
  it('is the code of an error, if any', () => {
    expect(errorCode(errno('ENOENT'))).toBe('ENOENT');
    expect(errorCode(new Error('no code'))).toBeUndefined();
    expect(errorCode(undefined)).toBeUndefined();
    expect(errorCode(null)).toBeUndefined();
  });
});
