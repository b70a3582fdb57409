import { constants, type Dirent } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { join, sep } from 'node:path';
import type { ArticleSources, DataFiles } from '../core/pipeline/buildGraph.ts';
import type { BuildIssue } from '../core/pipeline/issues.ts';
import type { SourceFile } from '../core/pipeline/load.ts';
import { EVENTS_FOLDER, LAYER_FILE } from '../core/events/layer.ts';
import { describeFsError, errorCode, type FsProblem } from './fsErrors.ts';

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/** A file's text, or undefined when its bytes are not valid UTF-8. */
export function strictUtf8Text(bytes: Uint8Array): string | undefined {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return undefined;
  }
}

const lenientUtf8 = new TextDecoder('utf-8');

const MiB = 1024 * 1024;

/** The largest YAML file the build reads (relation-types.yaml, actors.yaml, articles' metadata). */
export const MAX_YAML_BYTES = 4 * MiB;
/** The largest article text the build reads. */
export const MAX_TEXT_BYTES = 32 * MiB;

/**
 * The largest machine-coded layer the build reads (events/gdelt.csv): its size follows the
 * actors, relation types and months, not the number of events (some 100 bytes a row).
 */
const MAX_EVENTS_BYTES = 64 * MiB;

/** The largest file the build reads at `path`: the events layer, an article text, or YAML. */
export const maxBytesOf = (path: string): number =>
  /\.csv$/i.test(path) ? MAX_EVENTS_BYTES : /\.txt$/i.test(path) ? MAX_TEXT_BYTES : MAX_YAML_BYTES;

/** Article files by extension, compared case-insensitively: .yaml and .yml, .txt. */
const ARTICLE_FILE = /^(.+)\.(yaml|yml|txt)$/i;

/**
 * The article id of a name in articles/ the build reads (an article file, not a hidden one):
 * the name without its extension; undefined for any other name.
 */
export const articleIdOfFileName = (name: string): string | undefined =>
  isHidden(name) ? undefined : ARTICLE_FILE.exec(name)?.[1];

/** An editor's or a system's hidden file (".DS_Store", ".a1.yaml.swp"): never read. */
const isHidden = (name: string): boolean => name.startsWith('.');

/** Whether a name in articles/ is one the build reads: an article file, not a hidden one. */
export const isArticleFileName = (name: string): boolean => articleIdOfFileName(name) !== undefined;

/** A read of a file the issue names beside the message. */
const READ = { action: 'read' } as const;

/**
 * The file-system calls the reader makes; tests pass their own to simulate failures that root
 * cannot provoke (a permission error).
 */
export interface ReaderFs {
  open(path: string, flags: number): Promise<ReaderHandle>;
  readdir(path: string, options: { withFileTypes: true }): Promise<Dirent[]>;
  stat(path: string): Promise<{ isDirectory(): boolean }>;
  lstat(path: string): Promise<{ isSymbolicLink(): boolean }>;
  realpath(path: string): Promise<string>;
}

export interface ReaderHandle {
  stat(): Promise<{
    isFile(): boolean;
    isDirectory(): boolean;
    isFIFO(): boolean;
    isCharacterDevice(): boolean;
    isBlockDevice(): boolean;
    isSocket(): boolean;
    size: number;
  }>;
  read(
    buffer: Uint8Array,
    offset: number,
    length: number,
    position: number | null,
  ): Promise<{ bytesRead: number }>;
  close(): Promise<void>;
}

export const nodeFs: ReaderFs = {
  open: (path, flags) => fsPromises.open(path, flags),
  readdir: (path, options) => fsPromises.readdir(path, options),
  stat: (path) => fsPromises.stat(path),
  lstat: (path) => fsPromises.lstat(path),
  realpath: (path) => fsPromises.realpath(path),
};

export interface ReadResult {
  files: DataFiles;
  /** Problems met while reading: files that cannot be read, are not UTF-8, or are ignored. */
  issues: BuildIssue[];
}

type ReadOutcome = { kind: 'ok'; file: SourceFile } | { kind: 'missing' } | { kind: 'unusable' };

/**
 * Reads a graph-data folder: relation-types.yaml, actors.yaml, articles/<id>.{yaml,yml,txt}
 * (extensions in any case) and, when there is one, the machine-coded layer events/gdelt.csv. Paths in the result are `dir`-relative as the user wrote `dir`, so
 * messages point at files the user can open. A missing file is left out (the build says what is
 * missing); a file that cannot be used (a folder, a pipe or device, too large, unreadable) is
 * reported here and listed in `files.unusable`. Only regular files are read: each is opened
 * without blocking and checked on its handle, so a named pipe cannot stall the build and a
 * swapped file cannot slip past the check.
 */
export async function readDataDir(dir: string, fs: ReaderFs = nodeFs): Promise<ReadResult> {
  const issues: BuildIssue[] = [];
  const unusable: string[] = [];
  const error = (file: string, message: string, hint?: string) =>
    issues.push({ severity: 'error', file, message, ...(hint ? { hint } : {}) });
  const warn = (file: string, message: string, hint?: string) =>
    issues.push({ severity: 'warning', file, message, ...(hint ? { hint } : {}) });

  const empty = (): ReadResult => ({ files: { root: dir, articles: [], unusable }, issues });
  const relationTypesPath = join(dir, 'relation-types.yaml');
  const actorsPath = join(dir, 'actors.yaml');
  try {
    if (!(await fs.stat(dir)).isDirectory()) {
      error(
        dir,
        'the data folder is a file, not a folder',
        'Pass --data the folder that holds relation-types.yaml, actors.yaml and articles/.',
      );
      unusable.push(relationTypesPath, actorsPath);
      return empty();
    }
  } catch (e) {
    const missing = errorCode(e) === 'ENOENT';
    const problem = describeFsError(e, READ);
    error(
      dir,
      missing ? 'the data folder does not exist' : `the data folder: ${problem.message}`,
      missing
        ? 'Pass --data the folder that holds relation-types.yaml, actors.yaml and articles/ (by default graph-data, relative to where the build runs).'
        : problem.hint,
    );
    unusable.push(relationTypesPath, actorsPath);
    return empty();
  }

  // Where the data really is: the data folder, and its articles folder, which may be a link to
  // a corpus kept elsewhere. A file is used only if it really is inside one of them, so that a
  // symbolic link in a colleague's project cannot publish /etc/passwd or ~/.ssh in the texts.
  const roots = (
    await Promise.all(
      [dir, join(dir, 'articles'), join(dir, EVENTS_FOLDER)].map((d) =>
        fs.realpath(d).catch(() => ''),
      ),
    )
  ).filter((r) => r !== '');
  const inside = (real: string): boolean =>
    roots.some((root) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep));

  const read = async (path: string, limit: number, listed: boolean): Promise<ReadOutcome> => {
    // What is read is the resolved file itself, opened without following a link, so that the
    // file checked to be inside is the file read (a link swapped meanwhile fails to open).
    let real: string | undefined;
    try {
      real = await fs.realpath(path);
    } catch (e) {
      if (errorCode(e) !== 'ENOENT') {
        const problem = describeFsError(e, READ);
        error(path, problem.message, problem.hint);
        unusable.push(path);
        return { kind: 'unusable' };
      }
    }
    const outcome =
      real === undefined
        ? ({ kind: 'missing' } as const)
        : await readRegularFile(fs, real, limit, { noFollow: true });
    if (outcome.kind === 'missing') {
      if (!listed) {
        // Not there at all, or a symbolic link to nothing.
        const link = await fs.lstat(path).then(
          (s) => s.isSymbolicLink(),
          () => false,
        );
        if (!link) return { kind: 'missing' };
      }
      error(
        path,
        'a symbolic link to a file that does not exist',
        'Restore the file it points to, or remove the link.',
      );
      unusable.push(path);
      return { kind: 'unusable' };
    }
    if (outcome.kind === 'problem') {
      error(path, outcome.message, outcome.hint);
      unusable.push(path);
      return { kind: 'unusable' };
    }
    // Checked once the file is known to be a regular one, so that a link to a device says so.
    if (!inside(real!)) {
      error(
        path,
        'a symbolic link to a file outside the data folder: it is not used',
        'Copy the file into the data folder (the texts of the articles are published with the graph).',
      );
      unusable.push(path);
      return { kind: 'unusable' };
    }
    const text = strictUtf8Text(outcome.bytes);
    if (text !== undefined) return { kind: 'ok', file: { path, text } };
    // Reported here; the build still reads what it can, so other problems show up too.
    error(path, 'the file is not valid UTF-8 text', 'Save it as UTF-8.');
    return { kind: 'ok', file: { path, text: lenientUtf8.decode(outcome.bytes) } };
  };

  const articlesDir = join(dir, 'articles');
  let entries: Dirent[] = [];
  try {
    entries = await fs.readdir(articlesDir, { withFileTypes: true });
  } catch (e) {
    const code = errorCode(e);
    if (code === 'ENOENT') {
      warn(articlesDir, 'no articles folder: the graph has no relations');
    } else if (code === 'ENOTDIR') {
      error(
        articlesDir,
        'articles is a file, not a folder',
        'Make articles/ a folder holding <id>.txt and <id>.yaml pairs.',
      );
    } else {
      const problem = describeFsError(e, READ);
      error(articlesDir, `the articles folder: ${problem.message}`, problem.hint);
    }
  }

  // Group the article files by id; the extension's case does not matter.
  const byId = new Map<string, { yaml: string[]; txt: string[] }>();
  for (const entry of [...entries].sort((a, b) =>
    a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
  )) {
    const name = entry.name;
    if (isHidden(name)) continue;
    const m = ARTICLE_FILE.exec(name);
    if (!m) {
      warn(
        join(articlesDir, name),
        entry.isDirectory()
          ? 'a folder in articles/ is ignored (articles are not read from subfolders)'
          : 'ignored: not an article file',
        'Article files are <id>.txt (the text) and <id>.yaml or <id>.yml (the annotations).',
      );
      continue;
    }
    const id = m[1]!;
    const group = byId.get(id) ?? { yaml: [], txt: [] };
    (m[2]!.toLowerCase() === 'txt' ? group.txt : group.yaml).push(name);
    byId.set(id, group);
  }

  const ids = [...byId.keys()].sort();
  // A few files at a time: reading thousands at once exhausts the open-file limit.
  const articles = await mapWithLimit(ids, 16, async (id): Promise<ArticleSources | undefined> => {
    const group = byId.get(id)!;
    // Two files for one role (a.yaml and a.yml, a.txt and a.TXT): which is meant is unknown.
    let conflict = false;
    for (const [names, what] of [
      [group.yaml, 'annotations'],
      [group.txt, 'text'],
    ] as const) {
      if (names.length < 2) continue;
      conflict = true;
      const paths = names.map((n) => join(articlesDir, n));
      error(
        paths[0]!,
        `two files for the ${what} of article "${id}": ${paths.join(' and ')}`,
        'Keep one of them (remove or rename the other).',
      );
      unusable.push(...paths);
    }
    if (conflict) return undefined;
    const pick = async (names: string[], limit: number) => {
      if (names.length === 0) return undefined;
      const outcome = await read(join(articlesDir, names[0]!), limit, true);
      return outcome.kind === 'ok' ? outcome.file : undefined;
    };
    const meta = await pick(group.yaml, MAX_YAML_BYTES);
    const text = await pick(group.txt, MAX_TEXT_BYTES);
    // An article whose only files could not be used has been reported already.
    if (!meta && !text) return undefined;
    return { id, ...(meta ? { meta } : {}), ...(text ? { text } : {}) };
  });

  const relationTypes = await read(relationTypesPath, MAX_YAML_BYTES, false);
  const actors = await read(actorsPath, MAX_YAML_BYTES, false);
  // The machine-coded layer (npm run import:gdelt), when there is one.
  const events = await read(join(dir, EVENTS_FOLDER, LAYER_FILE), MAX_EVENTS_BYTES, false);
  return {
    files: {
      root: dir,
      ...(relationTypes.kind === 'ok' ? { relationTypes: relationTypes.file } : {}),
      ...(actors.kind === 'ok' ? { actors: actors.file } : {}),
      ...(events.kind === 'ok' ? { events: events.file } : {}),
      articles: articles.filter((a): a is ArticleSources => a !== undefined),
      unusable,
    },
    issues,
  };
}

type RawOutcome =
  { kind: 'ok'; bytes: Uint8Array } | { kind: 'missing' } | ({ kind: 'problem' } & FsProblem);

/** A size as people read it: "1.5 MiB", "12 KiB". */
export const formatSize = (bytes: number): string =>
  bytes >= MiB ? `${Math.round((bytes / MiB) * 10) / 10} MiB` : `${Math.ceil(bytes / 1024)} KiB`;

/**
 * Reads a regular file of at most `limit` bytes. The file is opened non-blocking (a named pipe
 * without a writer would otherwise wait forever) and checked with fstat on the open handle, so
 * what is read is what was checked. It is read only up to the limit, even if it grows.
 */
export async function readRegularFile(
  fs: ReaderFs,
  path: string,
  limit: number,
  options: { noFollow?: boolean } = {},
): Promise<RawOutcome> {
  let handle: ReaderHandle;
  try {
    handle = await fs.open(
      path,
      constants.O_RDONLY | constants.O_NONBLOCK | (options.noFollow ? constants.O_NOFOLLOW : 0),
    );
  } catch (e) {
    if (errorCode(e) === 'ENOENT') return { kind: 'missing' };
    return { kind: 'problem', ...describeFsError(e, READ) };
  }
  try {
    const stat = await handle.stat();
    if (stat.isDirectory())
      return { kind: 'problem', ...describeFsError({ code: 'EISDIR' }, READ) };
    if (!stat.isFile()) {
      const what = stat.isFIFO()
        ? 'a named pipe'
        : stat.isCharacterDevice() || stat.isBlockDevice()
          ? 'a device'
          : stat.isSocket()
            ? 'a socket'
            : 'not a regular file';
      return {
        kind: 'problem',
        message: `${what}, not a regular file: only regular files are read`,
        hint: 'Replace it with the file itself (a symbolic link to a regular file is fine).',
      };
    }
    const tooLarge = (): RawOutcome => ({
      kind: 'problem',
      message: `the file is larger than ${formatSize(limit)}, the limit for this kind of file`,
      hint: 'Check it is the right file; a longer article can be split into several articles.',
    });
    if (stat.size > limit) return tooLarge();
    // Read to the end, whatever fstat said (a file may grow, /proc files say 0), but never
    // more than one byte past the limit.
    let buffer = new Uint8Array(Math.min(stat.size, limit) + 1);
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > limit) return tooLarge();
        const grown = new Uint8Array(Math.min(buffer.length * 2, limit + 1));
        grown.set(buffer);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, buffer.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    return { kind: 'ok', bytes: buffer.subarray(0, length) };
  } catch (e) {
    return { kind: 'problem', ...describeFsError(e, READ) };
  } finally {
    await handle.close().catch(() => undefined);
  }
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
