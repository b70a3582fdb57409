/**
 * Writing output so that a reader never sees a half-written file, a failure leaves the previous
 * output byte for byte and no temporary file, and every failure says, in words, which file and
 * what to do.
 *
 * The build's output (writeGraphOutput) is a pair: graph.json and the texts its evidence offsets
 * refer to. The texts go to a content-addressed file, articles.<hash>.json, that graph.json
 * names (its `texts` attribute); graph.json is written last and renamed into place, so that one
 * rename switches the pair. A lock file keeps two builds from writing the same folder at once.
 */
import { createHash } from 'node:crypto';
import { unlinkSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { SerializedGraph } from 'graphology-types';
import type { ActorGraph } from '../core/graph/actorGraph.ts';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../core/model.ts';

/** An open file, as much of node:fs/promises' FileHandle as the writers use. */
export interface OutputFile {
  writeFile(data: string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file operations the writers use: node:fs/promises, or a stand-in that fails in tests. */
export interface OutputFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  open(path: string, flags: 'w' | 'wx'): Promise<OutputFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  stat(path: string): Promise<{ isDirectory(): boolean; mtimeMs: number }>;
  link(existing: string, newPath: string): Promise<void>;
}

export const nodeFs: OutputFs = fsPromises;

/** A failure to write, with a message that names the file and says what to do. */
export class OutputError extends Error {}

type Action = 'write' | 'read' | 'remove' | 'create';

/**
 * Says in words why a file operation failed and what to do about it. `file` is the file the
 * user knows (graph.json, not its temporary file).
 */
export function describeFsError(error: unknown, file: string, action: Action = 'write'): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const verb = action === 'create' ? 'create the folder' : action;
  if (action === 'read') {
    if (code === 'EISDIR') return `${file} is a folder, not a file. Name the file to read.`;
    if (code === 'EACCES' || code === 'EPERM') {
      return `cannot read ${file}: permission denied. Make it readable for you (check its owner and mode).`;
    }
  }
  switch (code) {
    case 'EISDIR':
      return `${file} is a folder, where the file should be. Move that folder away (or write elsewhere with --out) and run again.`;
    case 'ENOTDIR':
      return `cannot ${verb} ${file}: part of its path is a file, not a folder. Move that file away, or write elsewhere with --out.`;
    case 'ENOENT':
      return `cannot ${verb} ${file}: its folder does not exist (was it removed meanwhile?). Run again.`;
    case 'ENOSPC':
      return `cannot ${verb} ${file}: the disk is full. Free some space and run again.`;
    case 'EDQUOT':
      return `cannot ${verb} ${file}: your disk quota is used up. Free some space (or have the quota raised) and run again.`;
    case 'EROFS':
      return `cannot ${verb} ${file}: it is on a read-only file system. Write elsewhere with --out, or make that disk writable.`;
    case 'EACCES':
    case 'EPERM':
      return `cannot ${verb} ${file}: permission denied. Make its folder writable for you (check its owner and mode), or write elsewhere with --out.`;
    case 'EEXIST':
      return `cannot ${verb} ${file}: something else already has its name. Move it away and run again.`;
    case 'EMFILE':
    case 'ENFILE':
      return `cannot ${verb} ${file}: too many files are open. Close other programs (or raise the limit, ulimit -n) and run again.`;
    case 'EIO':
      return `cannot ${verb} ${file}: the disk reported an input/output error. Check the disk, or write elsewhere with --out.`;
    case 'ENAMETOOLONG':
      return `cannot ${verb} ${file}: the path is too long. Write to a shorter path with --out.`;
    default: {
      const why = code ?? (error instanceof Error ? error.message : String(error));
      return `cannot ${verb} ${file} (${why}). Check the folder and the disk, and run again.`;
    }
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException | undefined)?.code;

/** Whether a process of this machine is running. */
function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return errorCode(error) === 'EPERM';
  }
}

/** Our temporary files: `<name>.<pid>.tmp` beside the file they become. */
const temporaryName = (file: string) => `${file}.${process.pid}.tmp`;
const TEMPORARY = /^(.+)\.(\d+)\.tmp$/;

/**
 * Files being written, removed if the process is interrupted: a SIGINT, SIGTERM or SIGHUP while
 * any are pending removes them (and the lock) before the process ends by that signal.
 */
const pending = new Set<string>();
let signalsHooked = false;

function onSignal(signal: NodeJS.Signals): void {
  const writing = [...pending].some((file) => !file.endsWith(LOCK_FILE));
  for (const file of pending) {
    try {
      unlinkSync(file);
    } catch {
      /* Already gone. */
    }
  }
  pending.clear();
  process.stderr.write(
    writing
      ? `\nInterrupted (${signal}): the files being written were removed; the previous output is unchanged.\n`
      : `\nInterrupted (${signal}).\n`,
  );
  unhookSignals();
  process.kill(process.pid, signal);
}

function hookSignals(): void {
  if (signalsHooked) return;
  signalsHooked = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}

function unhookSignals(): void {
  if (!signalsHooked || pending.size > 0) return;
  signalsHooked = false;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.off('SIGHUP', onSignal);
}

/** The files one write has pending: registered for the signal handler too. */
class Pending {
  readonly files = new Set<string>();
  add(file: string): void {
    this.files.add(file);
    pending.add(file);
    hookSignals();
  }
  delete(file: string): void {
    this.files.delete(file);
    pending.delete(file);
    unhookSignals();
  }
  has(file: string): boolean {
    return this.files.has(file);
  }
  /** Removes what is still pending (after a failure) and forgets it. */
  async removeAll(fs: OutputFs): Promise<void> {
    for (const file of [...this.files]) {
      await removeQuietly(fs, file);
      this.delete(file);
    }
  }
}

/** Writes a file's content to `temporary`, flushed to disk. Throws the raw error. */
async function writeDurably(fs: OutputFs, temporary: string, content: string): Promise<void> {
  const handle = await fs.open(temporary, 'w');
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (error) {
    await handle.close().catch(() => undefined);
    throw error;
  }
  await handle.close();
}

async function removeQuietly(fs: OutputFs, file: string): Promise<void> {
  try {
    await fs.unlink(file);
  } catch {
    /* Gone already, or not ours to remove: nothing more to do. */
  }
}

/**
 * Removes temporary files that a killed run left in `dir`: those of the files `isOurs` accepts,
 * of any process when `anyProcess` (the caller holds the lock, so no one else writes there),
 * else only of processes no longer running.
 */
async function removeStaleTemporaries(
  fs: OutputFs,
  dir: string,
  isOurs: (name: string) => boolean,
  anyProcess: boolean,
): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const match = TEMPORARY.exec(entry);
    if (!match || !isOurs(match[1]!)) continue;
    const pid = Number(match[2]);
    if (pending.has(join(dir, entry)) || (!anyProcess && isRunning(pid))) continue;
    await removeQuietly(fs, join(dir, entry));
  }
}

async function makeFolder(fs: OutputFs, dir: string, nothingChanged: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    const code = errorCode(error);
    const why =
      code === 'EEXIST'
        ? `${dir} is a file, not a folder. Move it away, or write elsewhere with --out.`
        : describeFsError(error, dir, 'create');
    throw new OutputError(`${capitalise(why)}${nothingChanged}`, { cause: error });
  }
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/**
 * Writes files so that a reader never sees a half-written one: each goes to a temporary file
 * beside its destination, and only when all are written are they renamed into place. On a
 * failure (or SIGINT/SIGTERM) the temporary files are removed and an OutputError says which file
 * and what to do; temporary files a killed earlier run left for these names are removed first.
 */
export async function writeFilesAtomically(
  dir: string,
  files: Record<string, string>,
  options: { fs?: OutputFs } = {},
): Promise<void> {
  const fs = options.fs ?? nodeFs;
  await makeFolder(fs, dir, '');
  const targets = Object.keys(files).map((name) => join(dir, name));
  for (const folder of new Set(targets.map((target) => dirname(target)))) {
    await makeFolder(fs, folder, '');
    const names = new Set(targets.filter((t) => dirname(t) === folder).map((t) => basename(t)));
    await removeStaleTemporaries(fs, folder, (name) => names.has(name), false);
  }
  const staged: [string, string][] = [];
  const mine = new Pending();
  const renamed: string[] = [];
  let current = '';
  try {
    for (const [name, content] of Object.entries(files)) {
      const target = join(dir, name);
      current = target;
      await refuseFolder(fs, target);
      const temporary = temporaryName(target);
      staged.push([temporary, target]);
      mine.add(temporary);
      await writeDurably(fs, temporary, content);
    }
    for (const [temporary, target] of staged) {
      current = target;
      await fs.rename(temporary, target);
      mine.delete(temporary);
      renamed.push(target);
    }
  } catch (error) {
    await mine.removeAll(fs);
    const outcome =
      renamed.length === 0
        ? ' Nothing was changed.'
        : ` Only ${renamed.join(' and ')} ${renamed.length === 1 ? 'was' : 'were'} written.`;
    throw new OutputError(`${capitalise(describeFsError(error, current))}${outcome}`, {
      cause: error,
    });
  }
}

/** Throws an EISDIR-coded error when `target` is a folder (rename would say so too late). */
async function refuseFolder(fs: OutputFs, target: string): Promise<void> {
  let isFolder = false;
  try {
    isFolder = (await fs.stat(target)).isDirectory();
  } catch {
    /* Not there yet (or unreadable, which writing will report). */
  }
  if (isFolder) {
    throw Object.assign(new Error(`EISDIR: ${target} is a directory`), { code: 'EISDIR' });
  }
}

/** The name of the texts file the build writes for given texts (the hash of its bytes). */
export function textsFileName(content: string): string {
  return `articles.${createHash('sha256').update(content).digest('hex').slice(0, 16)}.json`;
}

/** graph.json's companion texts files, current and former (articles.json was the old name). */
const TEXTS_FILE = /^articles(\.[0-9a-f]{16})?\.json$/;
/** The files whose temporary files a build owns in its folder. */
const isBuildFile = (name: string) =>
  name === GRAPH_FILE || name === LOCK_FILE || TEXTS_FILE.test(name);

export const GRAPH_FILE = 'graph.json';
export const LOCK_FILE = 'graph.json.lock';

export interface GraphOutputOptions {
  fs?: OutputFs;
  /** How long to wait for another build writing the same folder (default 60 s). */
  lockWaitMs?: number;
  /** How often to look whether that build is done (default 100 ms). */
  pollMs?: number;
  /** Told once when this build waits for another one. */
  onWait?: (message: string) => void;
  /** Told when something after the switch failed (an old texts file not removed). */
  onWarning?: (message: string) => void;
}

export interface GraphOutput {
  graphFile: string;
  textsFile: string;
}

/**
 * Writes the build's output to `dir`: the texts to articles.<hash>.json, then graph.json, which
 * names that file, by one rename. Then removes the texts files graph.json no longer names (and
 * an old articles.json). Holds graph.json.lock meanwhile, so that two builds never interleave:
 * a second one waits for the first (a lock whose process is gone is taken over). On a failure
 * the previous graph.json and its texts stay byte for byte, no temporary file is left, and an
 * OutputError says which file and what to do.
 */
export async function writeGraphOutput(
  dir: string,
  graph: ActorGraph,
  texts: Record<string, string>,
  options: GraphOutputOptions = {},
): Promise<GraphOutput> {
  const fs = options.fs ?? nodeFs;
  const graphFile = join(dir, GRAPH_FILE);
  const textsContent = `${JSON.stringify(texts)}\n`;
  const textsName = textsFileName(textsContent);
  const textsFile = join(dir, textsName);
  const serialised = graph.export() as SerializedGraph<
    NodeAttributes,
    EdgeAttributes,
    GraphAttributes
  >;
  const graphContent = `${JSON.stringify({
    ...serialised,
    attributes: { ...serialised.attributes, texts: textsName },
  })}\n`;

  const previous = await fs.stat(graphFile).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    () => 'none',
  );
  const unchanged =
    previous === 'file'
      ? ` Nothing was changed: ${graphFile} and its texts are as they were.`
      : ' Nothing was written.';
  await makeFolder(fs, dir, unchanged);
  if (previous === 'folder') {
    throw new OutputError(
      `${capitalise(describeFsError({ code: 'EISDIR' }, graphFile))}${unchanged}`,
    );
  }

  const lock = await acquireLock(fs, dir, options, unchanged);
  // Until graph.json is switched, everything written is pending: removed on a failure or a
  // signal. The lock is too, but it is released on its own (only while it is still ours).
  const mine = new Pending();
  let current = textsFile;
  try {
    // Only the holder of the lock writes here: any temporary file of ours is a killed run's.
    await removeStaleTemporaries(fs, dir, isBuildFile, true);

    const textsExisted = await fs.stat(textsFile).then(
      () => true,
      () => false,
    );
    const textsTemporary = temporaryName(textsFile);
    mine.add(textsTemporary);
    await writeDurably(fs, textsTemporary, textsContent);
    // A texts file that was there already has the same bytes (its name is their hash): it may
    // be the one graph.json names now, so it is never removed.
    if (!textsExisted) mine.add(textsFile);
    await fs.rename(textsTemporary, textsFile);
    mine.delete(textsTemporary);

    current = graphFile;
    const graphTemporary = temporaryName(graphFile);
    mine.add(graphTemporary);
    await writeDurably(fs, graphTemporary, graphContent);
    await fs.rename(graphTemporary, graphFile); // The switch.
    mine.delete(graphTemporary);
    mine.delete(textsFile);
  } catch (error) {
    await mine.removeAll(fs);
    await releaseLock(fs, lock);
    throw new OutputError(`${capitalise(describeFsError(error, current))}${unchanged}`, {
      cause: error,
    });
  }

  // graph.json now names the new texts: the others are no one's.
  try {
    await removeOldTexts(fs, dir, textsName, options.onWarning);
  } finally {
    await releaseLock(fs, lock);
  }
  return { graphFile, textsFile };
}

/** Removes the texts files other than `current` (and an old articles.json); never throws. */
async function removeOldTexts(
  fs: OutputFs,
  dir: string,
  current: string,
  onWarning: ((message: string) => void) | undefined,
): Promise<void> {
  let entries: string[];
  try {
    entries = await fs.readdir(dir);
  } catch (error) {
    onWarning?.(`old texts files were not removed: ${describeFsError(error, dir, 'read')}`);
    return;
  }
  for (const entry of entries) {
    if (entry === current || !TEXTS_FILE.test(entry)) continue;
    const old = join(dir, entry);
    try {
      // A folder of that name is not ours.
      if ((await fs.stat(old)).isDirectory()) continue;
      await fs.unlink(old);
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue;
      onWarning?.(
        `an old texts file was left: ${describeFsError(error, old, 'remove')} (graph.json does not use it)`,
      );
    }
  }
}

interface Lock {
  path: string;
  content: string;
  pending: Pending;
}

interface LockHolder {
  pid: number;
  host: string;
}

function parseLock(content: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(content) as Partial<LockHolder>;
    return typeof holder.pid === 'number' && typeof holder.host === 'string'
      ? { pid: holder.pid, host: holder.host }
      : undefined;
  } catch {
    return undefined;
  }
}

const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock file that holds nothing readable for this long is a crashed run's. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

/**
 * Takes graph.json.lock in `dir`: creates it exclusively with our pid and host. While another
 * running build holds it, waits (telling onWait once) up to lockWaitMs, then gives up saying
 * what to do. A lock of this machine whose process is gone is a killed run's: taken over.
 */
async function acquireLock(
  fs: OutputFs,
  dir: string,
  options: GraphOutputOptions,
  unchanged: string,
): Promise<Lock> {
  const path = join(dir, LOCK_FILE);
  const content = `${JSON.stringify({ pid: process.pid, host: hostname(), started: new Date().toISOString() })}\n`;
  const waitMs = options.lockWaitMs ?? 60_000;
  const deadline = Date.now() + waitMs;
  let told = false;
  const fail = (error: unknown, action: Action = 'write') =>
    new OutputError(`${capitalise(describeFsError(error, path, action))}${unchanged}`, {
      cause: error,
    });
  for (;;) {
    let handle: OutputFile | undefined;
    try {
      handle = await fs.open(path, 'wx');
    } catch (error) {
      if (errorCode(error) !== 'EEXIST') throw fail(error);
    }
    if (handle) {
      // Ours from here: a signal removes it.
      const lock = { path, content, pending: new Pending() };
      lock.pending.add(path);
      try {
        await handle.writeFile(content);
      } catch (error) {
        await handle.close().catch(() => undefined);
        await lock.pending.removeAll(fs);
        throw fail(error);
      }
      try {
        await handle.close();
      } catch (error) {
        await lock.pending.removeAll(fs);
        throw fail(error);
      }
      return lock;
    }
    let held: string;
    let age: number;
    try {
      held = await fs.readFile(path, 'utf8');
      age = Date.now() - (await fs.stat(path)).mtimeMs;
    } catch (error) {
      if (errorCode(error) === 'ENOENT') continue; // Released meanwhile: try again.
      throw fail(error, 'read');
    }
    const holder = parseLock(held);
    const stale = holder
      ? holder.host === hostname() && !isRunning(holder.pid)
      : age > UNREADABLE_LOCK_STALE_MS;
    if (stale) {
      await takeOver(fs, path, held);
      continue;
    }
    const who = holder
      ? `another build (process ${holder.pid} on ${holder.host})`
      : 'another build';
    if (Date.now() >= deadline) {
      throw new OutputError(
        `${capitalise(who)} has been writing to ${dir} for more than ${duration(waitMs)}, so this build gave up.` +
          ` Run it again when that one is done; if no build is running, delete ${path} and run again.${unchanged}`,
      );
    }
    if (!told) {
      told = true;
      options.onWait?.(
        `Waiting for ${who} to finish writing to ${dir} (up to ${duration(waitMs)})…`,
      );
    }
    await sleep(Math.min(options.pollMs ?? 100, Math.max(1, deadline - Date.now())));
  }
}

/**
 * Removes a stale lock, and only that one: it is moved aside first, and put back if what was
 * moved turns out to be a fresh lock another build took meanwhile.
 */
async function takeOver(fs: OutputFs, path: string, staleContent: string): Promise<void> {
  const aside = temporaryName(path);
  const mine = new Pending();
  mine.add(aside);
  try {
    try {
      await fs.rename(path, aside);
    } catch {
      return; // Someone else moved it: look again.
    }
    const moved = await fs.readFile(aside, 'utf8').catch(() => staleContent);
    if (moved !== staleContent) await fs.link(aside, path).catch(() => undefined);
    await removeQuietly(fs, aside);
  } finally {
    mine.delete(aside);
  }
}

/** Removes the lock if it is still ours (it always should be). */
async function releaseLock(fs: OutputFs, lock: Lock): Promise<void> {
  const held = await fs.readFile(lock.path, 'utf8').catch(() => undefined);
  if (held === lock.content) await removeQuietly(fs, lock.path);
  lock.pending.delete(lock.path);
}
