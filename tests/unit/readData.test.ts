import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nodeFs, readDataDir, readRegularFile, type ReaderFs } from '../../src/node/readData.ts';
import { smallDataset, writeDataset } from '../helpers/dataset.ts';

const errno = (code: string) => Object.assign(new Error(`${code}: raw message`), { code });

let dirs: string[] = [];
const dataset = () => {
  const dir = writeDataset(smallDataset());
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  dirs = [];
});

/** The real file system, except that opening (or listing) `failing` fails with `code`. */
const failingFs = (failing: string, code: string): ReaderFs => ({
  ...nodeFs,
  open: (path, flags) =>
    path === failing ? Promise.reject(errno(code)) : nodeFs.open(path, flags),
  readdir: (path, options) =>
    path === failing ? Promise.reject(errno(code)) : nodeFs.readdir(path, options),
});

describe('readDataDir with a failing file system', () => {
  it('reports an unreadable article text by name, and nothing else about it', async () => {
    const dir = dataset();
    const path = join(dir, 'articles', 'a1.txt');
    const read = await readDataDir(dir, failingFs(path, 'EACCES'));
    expect(read.issues).toEqual([
      {
        severity: 'error',
        file: path,
        message: 'permission denied: the build may not read it',
        hint: expect.stringMatching(/chmod/),
      },
    ]);
    expect(read.files.unusable).toEqual([path]);
    expect(read.files.articles.find((a) => a.id === 'a1')?.text).toBeUndefined();
  });

  it('reports an unreadable actors.yaml and an unreadable articles folder', async () => {
    const dir = dataset();
    const actors = await readDataDir(dir, failingFs(join(dir, 'actors.yaml'), 'EACCES'));
    expect(actors.issues.map((i) => [i.file, i.message])).toEqual([
      [join(dir, 'actors.yaml'), 'permission denied: the build may not read it'],
    ]);
    expect(actors.files.actors).toBeUndefined();
    const articles = await readDataDir(dir, failingFs(join(dir, 'articles'), 'EACCES'));
    expect(articles.issues.map((i) => [i.severity, i.file, i.message])).toEqual([
      [
        'error',
        join(dir, 'articles'),
        'the articles folder: permission denied: the build may not read it',
      ],
    ]);
  });

  it('reads upper-case and .yml extensions as articles', async () => {
    const dir = dataset();
    const files = smallDataset();
    rmSync(join(dir, 'articles', 'a1.yaml'));
    rmSync(join(dir, 'articles', 'a2.txt'));
    writeFileSync(join(dir, 'articles', 'a1.YAML'), files['articles/a1.yaml']!);
    writeFileSync(join(dir, 'articles', 'a2.Txt'), files['articles/a2.txt']!);
    const read = await readDataDir(dir);
    expect(read.issues).toEqual([]);
    expect(read.files.articles.map((a) => [a.id, a.meta?.path, a.text?.path])).toEqual([
      ['a1', join(dir, 'articles', 'a1.YAML'), join(dir, 'articles', 'a1.txt')],
      ['a2', join(dir, 'articles', 'a2.yaml'), join(dir, 'articles', 'a2.Txt')],
    ]);
  });
});

describe('readRegularFile', () => {
  it('reads a file up to the limit and refuses one past it, saying the limit', async () => {
    const dir = dataset();
    const path = join(dir, 'ten.txt');
    writeFileSync(path, '0123456789');
    expect(await readRegularFile(nodeFs, path, 10)).toMatchObject({ kind: 'ok' });
    expect(await readRegularFile(nodeFs, path, 9)).toEqual({
      kind: 'problem',
      message: 'the file is larger than 1 KiB, the limit for this kind of file',
      hint: expect.any(String),
    });
  });

  it('reads a file whose size fstat understates (it grew, or it is a /proc file)', async () => {
    const small = { size: 2 };
    const chunks = ['ab', 'cdef', 'gh'];
    const fakeFs: ReaderFs = {
      ...nodeFs,
      open: async () => ({
        stat: async () => ({
          ...small,
          isFile: () => true,
          isDirectory: () => false,
          isFIFO: () => false,
          isCharacterDevice: () => false,
          isBlockDevice: () => false,
          isSocket: () => false,
        }),
        read: async (buffer: Uint8Array, offset: number, length: number) => {
          const chunk = chunks[0];
          if (!chunk) return { bytesRead: 0 };
          const n = Math.min(length, chunk.length);
          buffer.set(new TextEncoder().encode(chunk.slice(0, n)), offset);
          if (n === chunk.length) chunks.shift();
          else chunks[0] = chunk.slice(n);
          return { bytesRead: n };
        },
        close: async () => undefined,
      }),
    };
    const outcome = await readRegularFile(fakeFs, 'x', 100);
    expect(outcome.kind === 'ok' && new TextDecoder().decode(outcome.bytes)).toBe('abcdefgh');
    chunks.push('0123456789', '0123456789');
    expect(await readRegularFile(fakeFs, 'x', 15)).toMatchObject({ kind: 'problem' });
  });
});
