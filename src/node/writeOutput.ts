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
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync, unlinkSync } from 'node:fs';
import * as fsPromises from 'node:fs/promises';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import type { SerializedGraph } from 'graphology-types';
import type { ActorGraph } from '../core/graph/actorGraph.ts';
import type { EdgeAttributes, GraphAttributes, NodeAttributes } from '../core/model.ts';
import { errorCode, fsErrorLine, type FsAction } from './fsErrors.ts';

/** An open file, as much of node:fs/promises' FileHandle as the writers use. */
export interface OutputFile {
  writeFile(data: string): Promise<void>;
  sync(): Promise<void>;
  close(): Promise<void>;
}

/** The file operations the writers use: node:fs/promises, or a stand-in that fails in tests. */
export interface OutputFs {
  mkdir(path: string, options: { recursive: boolean }): Promise<unknown>;
  open(path: string, flags: 'w' | 'wx'): Promise<OutputFile>;
  rename(from: string, to: string): Promise<void>;
  unlink(path: string): Promise<void>;
  readdir(path: string): Promise<string[]>;
  readFile(path: string, encoding: 'utf8'): Promise<string>;
  stat(
    path: string,
  ): Promise<{ isDirectory(): boolean; isFile(): boolean; size: number; mtimeMs: number }>;
  link(existing: string, newPath: string): Promise<void>;
}

export const nodeFs: OutputFs = fsPromises;

/** A failure to write, with a message that names the file and says what to do. */
export class OutputError extends Error {}

/** Whether a process of this machine is running. */
function isRunning(pid: number): boolean {
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
 * What a SIGINT, SIGTERM or SIGHUP removes before the process ends by that signal: our
 * temporary files, and our lock files (only while they still hold what we wrote in them, or
 * before we wrote anything). Never a file renamed into place: a new texts file may already be
 * named by graph.json, whose rename may have completed before the handler runs even though the
 * code after it has not. A texts file that a signal leaves unnamed is removed by the next build
 * (removeOldTexts, after its switch).
 */
type Interruptible = { kind: 'temporary' } | { kind: 'lock'; content?: string };
const interruptible = new Map<string, Interruptible>();
let signalsHooked = false;

function onSignal(signal: NodeJS.Signals): void {
  const writing = [...interruptible.values()].some((entry) => entry.kind === 'temporary');
  for (const [file, entry] of interruptible) {
    try {
      if (entry.kind === 'temporary' || entry.content === undefined) unlinkSync(file);
      else if (readFileSync(file, 'utf8') === entry.content) unlinkSync(file);
    } catch {
      /* Already gone. */
    }
  }
  interruptible.clear();
  process.stderr.write(
    writing
      ? `\nInterrupted (${signal}): the files being written were removed; the previous output is unchanged.\n`
      : `\nInterrupted (${signal}).\n`,
  );
  unhookSignals();
  process.kill(process.pid, signal);
}

function holdForSignal(file: string, entry: Interruptible): void {
  interruptible.set(file, entry);
  if (signalsHooked) return;
  signalsHooked = true;
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
}

function releaseForSignal(file: string): void {
  interruptible.delete(file);
  unhookSignals();
}

function unhookSignals(): void {
  if (!signalsHooked || interruptible.size > 0) return;
  signalsHooked = false;
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  process.off('SIGHUP', onSignal);
}

/** The files one write removes if it fails: its temporary files (which a signal removes too). */
class Pending {
  private readonly files = new Set<string>();
  /** A temporary file: removed on a failure or a signal. */
  add(file: string): void {
    this.files.add(file);
    holdForSignal(file, { kind: 'temporary' });
  }
  /** A file renamed into place (a new texts file): removed on a failure, never by a signal. */
  addOnFailureOnly(file: string): void {
    this.files.add(file);
  }
  delete(file: string): void {
    this.files.delete(file);
    releaseForSignal(file);
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
 * else only of processes no longer running (or of our pid but not of this process).
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
    const path = join(dir, entry);
    // Ours of this process: being written. Another of our pid: an earlier run's (a container
    // gives its build the same pid every run).
    if (interruptible.has(path)) continue;
    const pid = Number(match[2]);
    if (!anyProcess && pid !== process.pid && isRunning(pid)) continue;
    await removeQuietly(fs, path);
  }
}

async function makeFolder(fs: OutputFs, dir: string, nothingChanged: string): Promise<void> {
  try {
    await fs.mkdir(dir, { recursive: true });
  } catch (error) {
    throw failure(await realMkdirError(fs, dir, error), dir, 'create', nothingChanged);
  }
}

/**
 * Node's recursive mkdir says ENOENT on a read-only file system whenever a folder is missing on
 * the way: making the first missing folder under the nearest existing one, on its own, says
 * what is really wrong (EROFS, EACCES). If that succeeds after all, the original error stands.
 */
async function realMkdirError(fs: OutputFs, dir: string, error: unknown): Promise<unknown> {
  if (errorCode(error) !== 'ENOENT') return error;
  let missing = dir;
  for (let parent = dirname(missing); parent !== missing; parent = dirname(missing)) {
    if (
      await fs.stat(parent).then(
        () => true,
        () => false,
      )
    ) {
      return fs.mkdir(missing, { recursive: false }).then(
        () => error,
        (direct: unknown) => direct,
      );
    }
    missing = parent;
  }
  return error;
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** The OutputError for a failed operation on `file`, with what that left (`outcome`). */
const failure = (error: unknown, file: string, action: FsAction, outcome: string) =>
  new OutputError(`${capitalise(fsErrorLine(error, { action, file }))}${outcome}`, {
    cause: error,
  });

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
    throw failure(error, current, 'write', outcome);
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
/**
 * The files whose temporary files a build owns in its folder. Not the lock: it has none (it is
 * created in place), and a lock file is only ever removed by its holder or a takeover.
 */
const isBuildFile = (name: string) => name === GRAPH_FILE || TEXTS_FILE.test(name);

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
export function writeGraphOutput(
  dir: string,
  graph: ActorGraph,
  texts: Record<string, string>,
  options: GraphOutputOptions = {},
): Promise<GraphOutput> {
  return writeSerialisedOutput(dir, serialiseGraphOutput(graph, texts), options);
}

/** The build's output as the files hold it: graph.json names its texts file. */
export interface SerialisedOutput {
  graphJson: string;
  textsJson: string;
  /** articles.<hash>.json, by the texts' content. */
  textsName: string;
}

export function serialiseGraphOutput(
  graph: ActorGraph,
  texts: Record<string, string>,
): SerialisedOutput {
  const textsJson = `${JSON.stringify(texts)}\n`;
  const textsName = textsFileName(textsJson);
  const exported = graph.export() as SerializedGraph<
    NodeAttributes,
    EdgeAttributes,
    GraphAttributes
  >;
  const graphJson = `${JSON.stringify({
    ...exported,
    attributes: { ...exported.attributes, texts: textsName },
  })}\n`;
  return { graphJson, textsJson, textsName };
}

/** writeGraphOutput with the output already serialised (the workbench serves the same text). */
export async function writeSerialisedOutput(
  dir: string,
  output: SerialisedOutput,
  options: GraphOutputOptions = {},
): Promise<GraphOutput> {
  const fs = options.fs ?? nodeFs;
  const graphFile = join(dir, GRAPH_FILE);
  const { textsName, textsJson: textsContent, graphJson: graphContent } = output;
  const textsFile = join(dir, textsName);

  const previous = await fs.stat(graphFile).then(
    (s) => (s.isDirectory() ? 'folder' : 'file'),
    () => 'none',
  );
  const unchanged =
    previous === 'file'
      ? ` Nothing was changed: ${graphFile} and its texts are as they were.`
      : ' Nothing was written.';
  await makeFolder(fs, dir, unchanged);
  if (previous === 'folder') throw failure({ code: 'EISDIR' }, graphFile, 'write', unchanged);

  const lock = await acquireLock(fs, dir, options, unchanged);
  // Until graph.json is switched, everything written is removed on a failure; the temporary
  // files also on a signal. The lock is released on its own (only while it is still ours).
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
    // be the one graph.json names now, so it is never removed. A new one is removed if this
    // write fails, but never by a signal (see `interruptible`).
    if (!textsExisted) mine.addOnFailureOnly(textsFile);
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
    throw failure(error, current, 'write', unchanged);
  }

  // graph.json now names the new texts: the others are no one's.
  try {
    await removeOldTexts(fs, dir, textsName, options.onWarning);
  } finally {
    await releaseLock(fs, lock);
  }
  return { graphFile, textsFile };
}

/**
 * Removes the texts files other than `current` (and an old articles.json); never throws. This
 * also removes a texts file that an interrupted build left and no graph.json names.
 */
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
    onWarning?.(
      `old texts files were not removed: ${fsErrorLine(error, { action: 'read', file: dir })}`,
    );
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
        `an old texts file was left: ${fsErrorLine(error, { action: 'remove', file: old })} (graph.json does not use it)`,
      );
    }
  }
}

/** A lock file we hold, and what we wrote in it. */
interface Lock {
  path: string;
  content: string;
}

/** What a lock file says of its holder. */
interface LockHolder {
  pid: number;
  host: string;
  /** This process's token (absent in a lock of an older version). */
  token?: string;
}

/**
 * This process's random token, written in its locks: a lock with our pid but another token is
 * an earlier run's (in a container the build is often the same small pid every run), so stale.
 * Shared by every copy of this module in the process, which all hold their locks alike.
 */
const PROCESS_TOKEN: string = ((globalThis as unknown as Record<symbol, string | undefined>)[
  Symbol.for('actor-graph.writeOutput.lockToken')
] ??= randomUUID());

function parseLock(content: string): LockHolder | undefined {
  try {
    const holder = JSON.parse(content) as Partial<LockHolder>;
    if (typeof holder.pid !== 'number' || typeof holder.host !== 'string') return undefined;
    return {
      pid: holder.pid,
      host: holder.host,
      ...(typeof holder.token === 'string' ? { token: holder.token } : {}),
    };
  } catch {
    return undefined;
  }
}

const duration = (ms: number) => (ms >= 1000 ? `${Math.round(ms / 1000)} s` : `${ms} ms`);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A lock file that holds nothing readable for this long is a crashed run's. */
const UNREADABLE_LOCK_STALE_MS = 10_000;

/**
 * Whether a lock is a killed run's: one of this machine whose process is gone (or is us, but
 * under another token), or one holding nothing readable for a while. A lock of another machine
 * is never judged: its process cannot be looked at from here.
 */
function isStale(holder: LockHolder | undefined, ageMs: number): boolean {
  if (!holder) return ageMs > UNREADABLE_LOCK_STALE_MS;
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return holder.token !== PROCESS_TOKEN;
  return !isRunning(holder.pid);
}

/** A lock file as found: what it holds, and whether it is stale. */
interface HeldLock {
  content: string;
  holder: LockHolder | undefined;
  stale: boolean;
}

type Fail = (error: unknown, file: string, action?: FsAction) => OutputError;

/** A lock file is a few bytes of JSON; anything larger is not one of ours. */
const LOCK_MAX_BYTES = 4096;

/**
 * What a lock file holds, read only once it is known to be a small regular file: a named pipe
 * there would block the read for ever, a link to /dev/zero would fill the memory.
 */
async function readLock(fs: OutputFs, path: string): Promise<{ content: string; mtimeMs: number }> {
  const stat = await fs.stat(path);
  if (!stat.isFile() || stat.size > LOCK_MAX_BYTES) {
    throw new OutputError(
      `${path} is not a lock file this build wrote (it is ${stat.isDirectory() ? 'a folder' : stat.isFile() ? 'too large' : 'not a regular file'}). Remove it, then run again.`,
    );
  }
  return { content: await fs.readFile(path, 'utf8'), mtimeMs: stat.mtimeMs };
}

/** Reads the lock file at `path`; undefined if there is none (anymore). */
async function inspectLock(fs: OutputFs, path: string, fail: Fail): Promise<HeldLock | undefined> {
  try {
    const { content, mtimeMs } = await readLock(fs, path);
    const holder = parseLock(content);
    return { content, holder, stale: isStale(holder, Date.now() - mtimeMs) };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return undefined;
    if (error instanceof OutputError) throw error;
    throw fail(error, path, 'read');
  }
}

/**
 * Creates the lock file `path` if there is none (open 'wx', which only one process can win),
 * holding our pid, host, token and start time. Undefined if there is one already.
 */
async function createLock(fs: OutputFs, path: string, fail: Fail): Promise<Lock | undefined> {
  const content = `${JSON.stringify({
    pid: process.pid,
    host: hostname(),
    token: PROCESS_TOKEN,
    started: new Date().toISOString(),
  })}\n`;
  let handle: OutputFile;
  try {
    handle = await fs.open(path, 'wx');
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return undefined;
    throw fail(error, path);
  }
  // Ours from here, empty until written: a signal removes it.
  holdForSignal(path, { kind: 'lock' });
  const lock = { path, content };
  try {
    await handle.writeFile(content);
  } catch (error) {
    await handle.close().catch(() => undefined);
    await releaseLock(fs, lock, true);
    throw fail(error, path);
  }
  holdForSignal(path, { kind: 'lock', content });
  try {
    await handle.close();
  } catch (error) {
    await releaseLock(fs, lock);
    throw fail(error, path);
  }
  return lock;
}

/** Removes the lock if it is still ours (it always should be), or unconditionally if `empty`. */
async function releaseLock(fs: OutputFs, lock: Lock, empty = false): Promise<void> {
  const held = empty
    ? undefined
    : await readLock(fs, lock.path).then(
        (l) => l.content,
        () => undefined,
      );
  if (empty || held === lock.content) await removeQuietly(fs, lock.path);
  releaseForSignal(lock.path);
}

/** Removes the lock file `path` if it still holds `content`; true if it is gone. */
async function removeIfUnchanged(fs: OutputFs, path: string, content: string): Promise<boolean> {
  const now = await readLock(fs, path).then(
    (l) => l.content,
    () => undefined,
  );
  if (now === undefined) return true;
  if (now !== content) return false;
  await removeQuietly(fs, path);
  return true;
}

/**
 * Takes graph.json.lock in `dir` (createLock). While another running build holds it, waits
 * (telling onWait once) up to lockWaitMs, then gives up saying what to do. A stale lock (a
 * killed run's, isStale) is taken over (takeOver).
 */
async function acquireLock(
  fs: OutputFs,
  dir: string,
  options: GraphOutputOptions,
  unchanged: string,
): Promise<Lock> {
  const path = join(dir, LOCK_FILE);
  const waitMs = options.lockWaitMs ?? 60_000;
  const deadline = Date.now() + waitMs;
  let told = false;
  const fail: Fail = (error, file, action = 'write') => failure(error, file, action, unchanged);
  for (;;) {
    const lock = await createLock(fs, path, fail);
    if (lock) {
      // A takeover file a killed run left is no one's any more.
      const takeover = await inspectLock(fs, `${path}${TAKEOVER}`, fail).catch(() => undefined);
      if (takeover?.stale) await removeIfUnchanged(fs, `${path}${TAKEOVER}`, takeover.content);
      return lock;
    }
    const held = await inspectLock(fs, path, fail);
    if (!held) continue; // Released meanwhile: try again.
    if (held.stale && (await takeOver(fs, path, fail))) continue;
    const who =
      held.holder && !held.stale
        ? `another build (process ${held.holder.pid} on ${held.holder.host})`
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

/** The suffix of the lock that a takeover holds: graph.json.lock.takeover. */
const TAKEOVER = '.takeover';

/**
 * Removes the stale lock at `path`, and only that one. Reading a lock, judging it stale and
 * removing it is check-then-act: two builds doing it at once could each remove a lock the other
 * had just created after removing the stale one. So a takeover is done holding a second lock,
 * graph.json.lock.takeover, taken like the first (open 'wx'): holding it, we read the lock
 * again and remove it only if it is still stale. Nothing can replace it in between: a lock is
 * only created where there is none, and only removed by its holder (gone, for a stale one) or by
 * the holder of the takeover lock (us). Nothing is ever moved aside, so nothing can be lost.
 *
 * A takeover lock left by a build killed in the few milliseconds of a takeover is stale by the
 * same rules, and removed if it still holds what we read (check-then-act once more; it would
 * take that kill and two more builds in the same milliseconds to race there).
 *
 * Returns whether to look again at once (false: another build is taking over; wait a little).
 */
async function takeOver(fs: OutputFs, path: string, fail: Fail): Promise<boolean> {
  const takeoverPath = `${path}${TAKEOVER}`;
  const takeover = await createLock(fs, takeoverPath, fail);
  if (!takeover) {
    const held = await inspectLock(fs, takeoverPath, fail);
    if (!held) return true;
    return held.stale && (await removeIfUnchanged(fs, takeoverPath, held.content));
  }
  try {
    const held = await inspectLock(fs, path, fail);
    if (held?.stale) {
      try {
        await fs.unlink(path);
      } catch (error) {
        if (errorCode(error) !== 'ENOENT') throw fail(error, path, 'remove');
      }
    }
  } finally {
    await releaseLock(fs, takeover);
  }
  return true;
}
