import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleSources, DataFiles } from '../core/pipeline/buildGraph.ts';
import type { BuildIssue } from '../core/pipeline/issues.ts';
import type { SourceFile } from '../core/pipeline/load.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

export interface ReadResult {
  files: DataFiles;
  /** Files that are not valid UTF-8 (their text is decoded with replacement characters). */
  issues: BuildIssue[];
}

/**
 * Reads a graph-data folder: relation-types.yaml, actors.yaml and articles/<id>.{yaml,txt}.
 * Paths in the result are `dir`-relative as the user wrote `dir`, so messages point at files
 * the user can open. A missing file is left out (the build says what is missing).
 */
export async function readDataDir(dir: string): Promise<ReadResult> {
  const issues: BuildIssue[] = [];
  const read = async (path: string): Promise<SourceFile | undefined> => {
    let bytes: Buffer;
    try {
      bytes = await readFile(path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
    try {
      return { path, text: strictUtf8.decode(bytes) };
    } catch {
      // Reported here; the build still reads what it can, so other problems show up too.
      issues.push({
        severity: 'error',
        file: path,
        message: 'the file is not valid UTF-8 text',
        hint: 'Save it as UTF-8.',
      });
      return { path, text: lenientUtf8.decode(bytes) };
    }
  };

  let names: string[] = [];
  try {
    names = await readdir(join(dir, 'articles'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    issues.push({
      severity: 'warning',
      file: join(dir, 'articles'),
      message: 'no articles folder: the graph has no relations',
    });
  }
  const present = new Set(names);
  const ids = [
    ...new Set(
      names.filter((n) => /\.(ya?ml|txt)$/.test(n)).map((n) => n.replace(/\.(ya?ml|txt)$/, '')),
    ),
  ].sort();

  // A few files at a time: reading thousands at once exhausts the open-file limit.
  const articles: ArticleSources[] = await mapWithLimit(ids, 16, async (id) => {
    const yamlName = present.has(`${id}.yaml`)
      ? `${id}.yaml`
      : present.has(`${id}.yml`)
        ? `${id}.yml`
        : undefined;
    const meta = yamlName ? await read(join(dir, 'articles', yamlName)) : undefined;
    const text = present.has(`${id}.txt`)
      ? await read(join(dir, 'articles', `${id}.txt`))
      : undefined;
    return { id, ...(meta ? { meta } : {}), ...(text ? { text } : {}) };
  });
  const relationTypes = await read(join(dir, 'relation-types.yaml'));
  const actors = await read(join(dir, 'actors.yaml'));
  return {
    files: {
      root: dir,
      ...(relationTypes ? { relationTypes } : {}),
      ...(actors ? { actors } : {}),
      articles,
    },
    issues,
  };
}

/** Maps over items with at most `limit` calls in flight, keeping the order of the results. */
async function mapWithLimit<T, R>(
  items: readonly T[],
  limit: number,
  f: (item: T) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await f(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
