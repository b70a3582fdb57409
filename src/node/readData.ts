import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { ArticleFiles, DataFiles } from '../core/build/buildGraph.ts';
import type { BuildIssue } from '../core/build/issues.ts';
import type { SourceFile } from '../core/build/load.ts';

const utf8 = new TextDecoder('utf-8', { fatal: true });

export interface ReadResult {
  files: DataFiles;
  /** Files that exist but cannot be read as UTF-8 text. */
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
      return { path, text: utf8.decode(bytes) };
    } catch {
      issues.push({
        severity: 'error',
        file: path,
        message: 'the file is not valid UTF-8 text',
        hint: 'Save it as UTF-8.',
      });
      return undefined;
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
  const ids = [
    ...new Set(
      names.filter((n) => /\.(ya?ml|txt)$/.test(n)).map((n) => n.replace(/\.(ya?ml|txt)$/, '')),
    ),
  ].sort();

  const articles: ArticleFiles[] = await Promise.all(
    ids.map(async (id) => {
      const yamlName = names.includes(`${id}.yaml`)
        ? `${id}.yaml`
        : names.includes(`${id}.yml`)
          ? `${id}.yml`
          : undefined;
      const meta = yamlName ? await read(join(dir, 'articles', yamlName)) : undefined;
      const text = names.includes(`${id}.txt`)
        ? await read(join(dir, 'articles', `${id}.txt`))
        : undefined;
      return { id, ...(meta ? { meta } : {}), ...(text ? { text } : {}) };
    }),
  );
  const relationTypes = await read(join(dir, 'relation-types.yaml'));
  const actors = await read(join(dir, 'actors.yaml'));
  // An article whose text could not be decoded is reported by read(); keep it out of the build
  // so that it is not also reported as missing.
  const undecodable = new Set(issues.map((i) => i.file));
  return {
    files: {
      root: dir,
      ...(relationTypes ? { relationTypes } : {}),
      ...(actors ? { actors } : {}),
      articles: articles.filter(
        (a) =>
          !undecodable.has(join(dir, 'articles', `${a.id}.txt`)) &&
          !undecodable.has(join(dir, 'articles', `${a.id}.yaml`)),
      ),
    },
    issues,
  };
}
