import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import {
  nodeFs,
  OutputError,
  textsFileName,
  writeFilesAtomically,
  writeGraphOutput,
  type OutputFs,
} from '../../src/node/writeOutput.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';
import { ROOT } from '../helpers/run.ts';

const built = buildGraph(toDataFiles(smallDataset()), { layout: { iterations: 5 } });
const graph = built.graph!;
const texts = built.texts!;
/** The same graph with other texts: what another build of edited data writes. */
const otherTexts = Object.fromEntries(Object.entries(texts).map(([k, v]) => [k, `${v} More.`]));

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'actor-graph-output-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Every file of a folder with its bytes. */
const snapshot = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, readFileSync(join(folder, name), 'latin1')]),
  );

/**
 * graph.json and the texts it names agree: every quote is in its text at its offsets; and
 * nothing else is in the folder (no temporary file, no lock), but the `others` named.
 */
function expectConsistentPair(folder: string, others: string[] = []): string {
  const data = JSON.parse(readFileSync(join(folder, 'graph.json'), 'utf8'));
  const name: string = data.attributes.texts;
  const pair = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, string>;
  for (const edge of data.edges) {
    for (const e of edge.attributes.evidence) {
      expect(pair[e.article]!.slice(e.start, e.end)).toBe(e.quote);
    }
  }
  expect(readdirSync(folder).sort()).toEqual([name, 'graph.json', ...others].sort());
  return name;
}

const failing = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

/** A file system whose open() fails with `code` for files matching `which`. */
const failingOpen = (code: string, which: (path: string) => boolean): OutputFs => ({
  ...nodeFs,
  open: async (path, flags) => {
    if (which(path)) throw failing(code);
    return nodeFs.open(path, flags);
  },
});

describe('writeGraphOutput', () => {
  it('writes graph.json naming a content-addressed texts file, the same bytes each time', async () => {
    const written = await writeGraphOutput(dir, graph, texts);
    const name = expectConsistentPair(dir);
    expect(name).toMatch(/^articles\.[0-9a-f]{16}\.json$/);
    expect(name).toBe(textsFileName(`${JSON.stringify(texts)}\n`));
    expect(written).toEqual({ graphFile: join(dir, 'graph.json'), textsFile: join(dir, name) });
    expect(JSON.parse(readFileSync(written.textsFile, 'utf8'))).toEqual(texts);
    const before = snapshot(dir);
    await writeGraphOutput(dir, graph, texts);
    expect(snapshot(dir)).toEqual(before);
    // The graph given is not changed by writing it.
    expect(graph.getAttribute('texts')).toBeUndefined();
  });

  it('switches the pair and removes the texts no graph.json names (and an old articles.json)', async () => {
    await writeGraphOutput(dir, graph, texts);
    const first = expectConsistentPair(dir);
    writeFileSync(join(dir, 'articles.json'), '{}');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html>');
    await writeGraphOutput(dir, graph, otherTexts);
    expect(readdirSync(dir).sort()).toEqual([
      textsFileName(`${JSON.stringify(otherTexts)}\n`),
      'assets',
      'graph.json',
      'index.html',
    ]);
    expect(readdirSync(dir)).not.toContain(first);
  });

  it('refuses a graph.json that is a folder, saying so, and writes nothing', async () => {
    mkdirSync(join(dir, 'graph.json'));
    const error = await writeGraphOutput(dir, graph, texts).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toBe(
      `${join(dir, 'graph.json')} is a folder, where the file should be. Move that folder away (or write elsewhere with --out) and run again. Nothing was written.`,
    );
    expect(readdirSync(dir)).toEqual(['graph.json']);
  });

  it('leaves a folder named articles.json alone: it is not in the way', async () => {
    mkdirSync(join(dir, 'articles.json'));
    await writeGraphOutput(dir, graph, texts);
    expect(statSync(join(dir, 'articles.json')).isDirectory()).toBe(true);
  });

  it('says when --out is a file', async () => {
    writeFileSync(join(dir, 'out'), 'a file');
    await expect(writeGraphOutput(join(dir, 'out'), graph, texts)).rejects.toThrow(
      `${join(dir, 'out')} is a file, not a folder. Move it away, or write elsewhere with --out. Nothing was written.`,
    );
    await expect(writeGraphOutput(join(dir, 'out', 'build'), graph, texts)).rejects.toThrow(
      /Cannot create the folder .*out\/build: part of its path is a file, not a folder/,
    );
  });

  // Each failure must leave the previous pair byte for byte, no temporary file and no lock.
  const failures: [string, string, (path: string) => boolean, RegExp][] = [
    ['a full disk for the texts', 'ENOSPC', (p) => /articles\..*\.tmp$/.test(p), /disk is full/],
    ['a full disk for graph.json', 'ENOSPC', (p) => /graph\.json\.\d+\.tmp$/.test(p), /full/],
    ['a used-up quota', 'EDQUOT', (p) => p.endsWith('.tmp'), /quota/],
    ['a read-only folder', 'EROFS', (p) => p.endsWith('.lock'), /read-only file system/],
    ['no permission', 'EACCES', (p) => p.endsWith('.lock'), /permission denied/],
    ['no permission for graph.json', 'EPERM', (p) => /graph\.json\.\d+/.test(p), /permission/],
    ['too many open files', 'EMFILE', (p) => p.endsWith('.tmp'), /too many files are open/],
  ];
  for (const [what, code, which, expected] of failures) {
    it(`on ${what} (${code}) says so and leaves the previous output as it was`, async () => {
      await writeGraphOutput(dir, graph, texts);
      const before = snapshot(dir);
      const error = await writeGraphOutput(dir, graph, otherTexts, {
        fs: failingOpen(code, which),
      }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(OutputError);
      const message = (error as Error).message;
      expect(message).toMatch(expected);
      expect(message).toMatch(
        /Nothing was changed: .*graph\.json and its texts are as they were\.$/,
      );
      expect(message).not.toMatch(/\.tmp/);
      expect(snapshot(dir)).toEqual(before);
    });
  }

  it('names the real cause when a new --out folder cannot be made on a read-only disk', async () => {
    // Node's recursive mkdir says ENOENT there; the folder's own mkdir says EROFS.
    const readOnly: OutputFs = {
      ...nodeFs,
      mkdir: async (_path, options) => {
        throw failing(options.recursive ? 'ENOENT' : 'EROFS');
      },
    };
    await expect(
      writeGraphOutput(join(dir, 'sub'), graph, texts, { fs: readOnly }),
    ).rejects.toThrow(/sub: .*read-only file system/);
    // Several folders deep, too: the first missing one names the cause.
    await expect(
      writeGraphOutput(join(dir, 'a', 'b', 'out'), graph, texts, { fs: readOnly }),
    ).rejects.toThrow(/read-only file system/);
  });

  it('leaves the previous pair when a write fails midway, after the texts are in place', async () => {
    await writeGraphOutput(dir, graph, texts);
    const before = snapshot(dir);
    // graph.json's temporary file gets half its bytes, then the disk is full.
    const fs: OutputFs = {
      ...nodeFs,
      open: async (path, flags) => {
        const handle = await nodeFs.open(path, flags);
        if (!/graph\.json\.\d+\.tmp$/.test(path)) return handle;
        return {
          writeFile: async (data: string) => {
            await handle.writeFile(data.slice(0, data.length / 2));
            throw failing('ENOSPC');
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    await expect(writeGraphOutput(dir, graph, otherTexts, { fs })).rejects.toThrow(
      `Cannot write ${join(dir, 'graph.json')}: the disk is full`,
    );
    expect(snapshot(dir)).toEqual(before);
  });

  it('leaves the previous pair when the switch itself fails', async () => {
    await writeGraphOutput(dir, graph, texts);
    const before = snapshot(dir);
    const fs: OutputFs = {
      ...nodeFs,
      rename: async (from, to) => {
        if (to.endsWith('graph.json')) throw failing('EIO');
        return nodeFs.rename(from, to);
      },
    };
    await expect(writeGraphOutput(dir, graph, otherTexts, { fs })).rejects.toThrow(/EIO|input/);
    expect(snapshot(dir)).toEqual(before);
  });

  it('warns, and keeps the new pair, when an old texts file cannot be removed', async () => {
    await writeGraphOutput(dir, graph, texts);
    const old = expectConsistentPair(dir);
    const warnings: string[] = [];
    const fs: OutputFs = {
      ...nodeFs,
      unlink: async (path) => {
        if (path.endsWith(old)) throw failing('EACCES');
        return nodeFs.unlink(path);
      },
    };
    await writeGraphOutput(dir, graph, otherTexts, {
      fs,
      onWarning: (w) => warnings.push(w),
    });
    expect(warnings).toEqual([
      `an old texts file was left: cannot remove ${join(dir, old)}: permission denied. Make its folder writable for you (check its owner and mode), or write elsewhere with --out. (graph.json does not use it)`,
    ]);
    const data = JSON.parse(readFileSync(join(dir, 'graph.json'), 'utf8'));
    expect(data.attributes.texts).toBe(textsFileName(`${JSON.stringify(otherTexts)}\n`));
  });

  it('cleans up the temporary files and the lock a killed run left', async () => {
    await writeGraphOutput(dir, graph, texts);
    const before = snapshot(dir);
    const dead = deadPid();
    writeFileSync(join(dir, `graph.json.${dead}.tmp`), '{"half');
    writeFileSync(join(dir, `articles.0123456789abcdef.json.${dead}.tmp`), '{"half');
    writeFileSync(join(dir, `articles.json.${dead}.tmp`), '{"half'); // an older version's
    writeFileSync(
      join(dir, 'graph.json.lock'),
      JSON.stringify({ pid: dead, host: hostname(), started: '2020-01-01T00:00:00Z' }),
    );
    writeFileSync(join(dir, 'notes.txt.123.tmp'), 'not ours'); // someone else's: left alone
    const waits: string[] = [];
    await writeGraphOutput(dir, graph, texts, { onWait: (m) => waits.push(m) });
    expect(waits).toEqual([]);
    expect(snapshot(dir)).toEqual({ ...before, 'notes.txt.123.tmp': 'not ours' });
  });

  it('refuses a lock that is not a small regular file, without blocking or reading it all', async () => {
    await writeGraphOutput(dir, graph, texts);
    const before = snapshot(dir);
    const lock = join(dir, 'graph.json.lock');
    // A named pipe would block a plain read for ever; a link to /dev/zero never ends.
    expect(spawnSync('mkfifo', [lock]).status).toBe(0);
    await expect(writeGraphOutput(dir, graph, otherTexts)).rejects.toThrow(
      /graph\.json\.lock is not a lock file this build wrote \(it is not a regular file\)\. Remove it/,
    );
    rmSync(lock);
    symlinkSync('/dev/zero', lock);
    await expect(writeGraphOutput(dir, graph, otherTexts)).rejects.toThrow(/not a regular file/);
    rmSync(lock);
    mkdirSync(lock);
    await expect(writeGraphOutput(dir, graph, otherTexts)).rejects.toThrow(/\(it is a folder\)/);
    rmSync(lock, { recursive: true });
    expect(snapshot(dir)).toEqual(before);
  });

  it('takes over a lock left empty by a crash long ago, but waits for a fresh one', async () => {
    const lock = join(dir, 'graph.json.lock');
    writeFileSync(lock, '');
    const waits: string[] = [];
    await expect(
      writeGraphOutput(dir, graph, texts, {
        lockWaitMs: 50,
        pollMs: 10,
        onWait: (m) => waits.push(m),
      }),
    ).rejects.toThrow(/^Another build has been writing to .* for more than 50 ms/);
    expect(waits).toHaveLength(1);
    expect(readdirSync(dir)).toEqual(['graph.json.lock']);
    const longAgo = new Date(Date.now() - 60_000);
    utimesSync(lock, longAgo, longAgo);
    await writeGraphOutput(dir, graph, texts);
    expectConsistentPair(dir);
  });

  it('waits for a running build holding the lock, then gives up saying what to do', async () => {
    await writeGraphOutput(dir, graph, texts);
    const before = snapshot(dir);
    // The lock of a live process (this test's parent) on this machine.
    const lock = JSON.stringify({ pid: process.ppid, host: hostname(), started: 'now' });
    writeFileSync(join(dir, 'graph.json.lock'), lock);
    const waits: string[] = [];
    const error = await writeGraphOutput(dir, graph, otherTexts, {
      lockWaitMs: 300,
      pollMs: 20,
      onWait: (m) => waits.push(m),
    }).catch((e: unknown) => e);
    expect(waits).toEqual([
      `Waiting for another build (process ${process.ppid} on ${hostname()}) to finish writing to ${dir} (up to 300 ms)…`,
    ]);
    expect((error as Error).message).toBe(
      `Another build (process ${process.ppid} on ${hostname()}) has been writing to ${dir} for more than 300 ms, so this build gave up. Run it again when that one is done; if no build is running, delete ${join(dir, 'graph.json.lock')} and run again. Nothing was changed: ${join(dir, 'graph.json')} and its texts are as they were.`,
    );
    expect(snapshot(dir)).toEqual({ ...before, 'graph.json.lock': lock });
  });

  it('takes over a lock with our pid but not our token: an earlier run’s in a container', async () => {
    await writeGraphOutput(dir, graph, texts);
    const before = snapshot(dir);
    for (const token of ['an-earlier-run', undefined]) {
      // A run killed earlier whose pid happens to be ours (a container's build is often pid 1
      // or another small pid every run), with another token or none (an older version's lock).
      writeFileSync(
        join(dir, 'graph.json.lock'),
        JSON.stringify({ pid: process.pid, host: hostname(), token, started: '2020-01-01' }),
      );
      const waits: string[] = [];
      await writeGraphOutput(dir, graph, texts, {
        lockWaitMs: 200,
        pollMs: 10,
        onWait: (m) => waits.push(m),
      });
      expect(waits).toEqual([]);
      expect(snapshot(dir)).toEqual(before);
    }
  });

  it('lets one build take over a stale lock while another looks at it, never both', async () => {
    // B reads the dead lock and is held there; A takes the lock over and holds it; then B goes
    // on. B must see A's lock as A's (and wait), not as the dead one: it must never remove A's
    // lock, nor may A's cleanup remove anything of B's that B relies on.
    const lock = join(dir, 'graph.json.lock');
    writeFileSync(lock, JSON.stringify({ pid: deadPid(), host: hostname(), token: 'dead' }));
    const gate = () => {
      let open!: () => void;
      const opened = new Promise<void>((resolve) => (open = resolve));
      // Never wait forever: a fixed implementation does not do what the other side waits for.
      const wait = () => Promise.race([opened, new Promise((r) => setTimeout(r, 300))]);
      return { open, wait };
    };
    const bHasRead = gate();
    const aHolds = gate();
    const bMovedIt = gate();
    const log: string[] = [];
    const watched = (who: string, hooks: Partial<OutputFs>): OutputFs => ({
      ...nodeFs,
      open: async (path, flags) => {
        const handle = await nodeFs.open(path, flags);
        if (path === lock) log.push(`${who} takes the lock`);
        return handle;
      },
      unlink: async (path) => {
        const held = await nodeFs.readFile(path, 'utf8').catch(() => '');
        await nodeFs.unlink(path);
        if (path === lock && held.includes(`"started"`)) log.push(`${who} removes a lock`);
      },
      ...hooks,
    });
    let bReads = 0;
    const b = writeGraphOutput(dir, graph, otherTexts, {
      pollMs: 5,
      fs: watched('B', {
        readFile: async (path, encoding) => {
          if (path.startsWith(`${lock}.`) && path.endsWith('.tmp')) {
            // Were B to move A's lock aside, A's cleanup of temporary files, in another
            // process, could remove it before B reads it back: so it does here.
            await nodeFs.unlink(path);
            throw failing('ENOENT');
          }
          const content = await nodeFs.readFile(path, encoding);
          if (path === lock && bReads++ === 0) {
            bHasRead.open();
            await aHolds.wait();
          }
          return content;
        },
        rename: async (from, to) => {
          await nodeFs.rename(from, to);
          if (from === lock) bMovedIt.open();
        },
      }),
    });
    await bHasRead.wait();
    const a = writeGraphOutput(dir, graph, texts, {
      pollMs: 5,
      fs: watched('A', {
        readdir: async (path) => {
          aHolds.open();
          await bMovedIt.wait();
          return nodeFs.readdir(path);
        },
      }),
    });
    await Promise.all([a, b]);
    // A took the dead lock over, wrote, and removed its lock; only then did B take it.
    expect(log).toEqual([
      'A takes the lock',
      'A removes a lock',
      'B takes the lock',
      'B removes a lock',
    ]);
    expect(expectConsistentPair(dir)).toBe(textsFileName(`${JSON.stringify(otherTexts)}\n`));
  });

  it('serialises two writes at once: the second waits, and the pair stays consistent', async () => {
    await writeGraphOutput(dir, graph, texts);
    // Slow writes, so that the two overlap.
    const slow: OutputFs = {
      ...nodeFs,
      open: async (path, flags) => {
        const handle = await nodeFs.open(path, flags);
        return {
          writeFile: async (data: string) => {
            await new Promise((resolve) => setTimeout(resolve, 30));
            await handle.writeFile(data);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    };
    const waits: string[] = [];
    const onWait = (m: string) => waits.push(m);
    await Promise.all([
      writeGraphOutput(dir, graph, otherTexts, { fs: slow, onWait, pollMs: 5 }),
      writeGraphOutput(dir, graph, texts, { fs: slow, onWait, pollMs: 5 }),
    ]);
    expect(waits).toHaveLength(1);
    expect([texts, otherTexts].map((t) => textsFileName(`${JSON.stringify(t)}\n`))).toContain(
      expectConsistentPair(dir),
    );
  });
});

describe('writeFilesAtomically', () => {
  it('writes, removes a killed run’s temporary files of the same names, and leaves others', async () => {
    const dead = deadPid();
    writeFileSync(join(dir, `a.gexf.${dead}.tmp`), 'half');
    writeFileSync(join(dir, `other.gexf.${dead}.tmp`), 'not for this name');
    await writeFilesAtomically(dir, { 'a.gexf': '<gexf/>' });
    expect(snapshot(dir)).toEqual({
      'a.gexf': '<gexf/>',
      [`other.gexf.${dead}.tmp`]: 'not for this name',
    });
  });

  it('says which file failed, removes its temporary files and changes nothing', async () => {
    writeFileSync(join(dir, 'a.csv'), 'old edges');
    const fs = failingOpen('ENOSPC', (p) => p.includes('a.nodes.csv'));
    await expect(
      writeFilesAtomically(dir, { 'a.csv': 'new edges', 'a.nodes.csv': 'new nodes' }, { fs }),
    ).rejects.toThrow(
      `Cannot write ${join(dir, 'a.nodes.csv')}: the disk is full. Free some space and run again. Nothing was changed.`,
    );
    expect(snapshot(dir)).toEqual({ 'a.csv': 'old edges' });
  });

  it('refuses a destination that is a folder', async () => {
    mkdirSync(join(dir, 'a.gexf'));
    await expect(writeFilesAtomically(dir, { 'a.gexf': 'x' })).rejects.toThrow(
      `${join(dir, 'a.gexf')} is a folder, where the file should be.`,
    );
    expect(readdirSync(dir)).toEqual(['a.gexf']);
  });
});

/**
 * Starts a child process that writes `dir` with writeGraphOutput: the other texts if `other`,
 * through the file system `fs` (an expression of the script, over `nodeFs`), after `before`
 * (statements of the script). Its stdout says what it was told: "wait: …" lines.
 */
function spawnWriter(
  folder: string,
  script: { other: boolean; fs?: string; before?: string },
): { run: ChildProcess; stdout: () => string; stderr: () => string; ended: Promise<Ended> } {
  const child = join(tmpdir(), `actor-graph-writer-${process.pid}-${++children}.mts`);
  writeFileSync(
    child,
    `import { buildGraph } from ${JSON.stringify(join(ROOT, 'src/core/pipeline/buildGraph.ts'))};
import { nodeFs, writeGraphOutput } from ${JSON.stringify(join(ROOT, 'src/node/writeOutput.ts'))};
import { smallDataset, toDataFiles } from ${JSON.stringify(join(ROOT, 'tests/helpers/dataset.ts'))};
const built = buildGraph(toDataFiles(smallDataset()), { layout: { iterations: 5 } });
const texts = ${script.other ? "Object.fromEntries(Object.entries(built.texts!).map(([k, v]) => [k, v + ' More.']))" : 'built.texts!'};
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
void sleep;
${script.before ?? ''}
const fs = ${script.fs ?? 'nodeFs'};
await writeGraphOutput(${JSON.stringify(folder)}, built.graph!, texts, {
  fs,
  pollMs: 5,
  onWait: (m) => process.stdout.write('wait: ' + m + '\\n'),
});
`,
  );
  const run = spawn(process.execPath, ['--import', 'tsx', child], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  run.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  run.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ended = new Promise<Ended>((resolve) =>
    run.on('exit', (code, signal) => {
      rmSync(child, { force: true });
      resolve({ code, signal });
    }),
  );
  return { run, stdout: () => stdout, stderr: () => stderr, ended };
}
let children = 0;
interface Ended {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** Resolves when the child's stdout says `word`; rejects if it ends first. */
function untilSays(writer: ReturnType<typeof spawnWriter>, word: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const look = () => writer.stdout().includes(word) && resolve();
    writer.run.stdout!.on('data', look);
    void writer.ended.then(() => reject(new Error(`the child ended early: ${writer.stderr()}`)));
  });
}

/** A file system (script text) whose graph.json temporary file write `then`s forever. */
const stallingGraphWrite = (then: string) => `{
  ...nodeFs,
  open: async (path: string, flags: 'w' | 'wx') => {
    const handle = await nodeFs.open(path, flags);
    if (!/graph\\.json\\.\\d+\\.tmp$/.test(path)) return handle;
    return {
      writeFile: async (data: string) => {
        ${then}
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
}`;

describe('an interrupted write', () => {
  it('removes its temporary files and the lock on SIGTERM, leaving the previous pair', async () => {
    await writeGraphOutput(dir, graph, texts);
    const before = snapshot(dir);
    // A child process writes the other texts with a file system that stops forever in the
    // middle of writing graph.json's temporary file, after telling us so.
    const writer = spawnWriter(dir, {
      other: true,
      fs: stallingGraphWrite(`await handle.writeFile(data.slice(0, 100));
        process.stdout.write('writing\\n');
        await new Promise(() => setInterval(() => {}, 1000));`),
    });
    await untilSays(writer, 'writing');
    // It is in the middle of it: a new texts file, graph.json's temporary file and the lock.
    expect(readdirSync(dir).length).toBeGreaterThan(Object.keys(before).length);
    writer.run.kill('SIGTERM');
    expect((await writer.ended).signal).toBe('SIGTERM');
    expect(writer.stderr()).toContain(
      'Interrupted (SIGTERM): the files being written were removed',
    );
    // graph.json and its texts are as they were. The new texts file, already in place, is left:
    // a signal never removes a file that graph.json might name. No graph.json names it, and
    // the next build removes it.
    const orphan = textsFileName(`${JSON.stringify(otherTexts)}\n`);
    const orphanBytes = Buffer.from(`${JSON.stringify(otherTexts)}\n`).toString('latin1');
    expect(snapshot(dir)).toEqual({ ...before, [orphan]: orphanBytes });
    await writeGraphOutput(dir, graph, texts);
    expect(snapshot(dir)).toEqual(before);
  });

  it('never removes the texts file graph.json names, even on a signal right after the switch', async () => {
    await writeGraphOutput(dir, graph, texts);
    const old = expectConsistentPair(dir);
    // A child whose rename of graph.json completes but whose code after it never runs: a
    // signal handled there must leave the new pair as it is.
    const writer = spawnWriter(dir, {
      other: true,
      fs: `{
        ...nodeFs,
        rename: async (from: string, to: string) => {
          await nodeFs.rename(from, to);
          if (!to.endsWith('graph.json')) return;
          process.stdout.write('switched\\n');
          await new Promise(() => setInterval(() => {}, 1000));
        },
      }`,
    });
    await untilSays(writer, 'switched');
    writer.run.kill('SIGINT');
    expect((await writer.ended).signal).toBe('SIGINT');
    // The new pair, whole; the old texts are left for the next build to remove.
    expect(expectConsistentPair(dir, [old])).toBe(textsFileName(`${JSON.stringify(otherTexts)}\n`));
  });
});

describe('two builds in two processes', () => {
  it('write the same folder at once one after the other, leaving a consistent pair', async () => {
    await writeGraphOutput(dir, graph, texts);
    // Both start at the same moment, each with slow writes, so that they overlap.
    const startAt = Date.now() + 2500;
    const slow = `{
      ...nodeFs,
      open: async (path: string, flags: 'w' | 'wx') => {
        const handle = await nodeFs.open(path, flags);
        return {
          writeFile: async (data: string) => {
            await sleep(40);
            await handle.writeFile(data);
          },
          sync: () => handle.sync(),
          close: () => handle.close(),
        };
      },
    }`;
    const before = `await sleep(${startAt} - Date.now());`;
    const writers = [true, false].map((other) => spawnWriter(dir, { other, fs: slow, before }));
    const ended = await Promise.all(writers.map((w) => w.ended));
    expect(ended, writers.map((w) => w.stderr()).join('\n')).toEqual([
      { code: 0, signal: null },
      { code: 0, signal: null },
    ]);
    // One waited for the other, by its pid.
    const waits = writers.map((w) => w.stdout()).join('');
    const pids = writers.map((w) => w.run.pid);
    expect(waits).toMatch(
      // (It names the other's pid, unless it found the lock just created, still empty.)
      new RegExp(
        `^wait: Waiting for another build( \\(process (${pids.join('|')}) on [^)]+\\))? to`,
      ),
    );
    expect(waits.split('\n').filter(Boolean)).toHaveLength(1);
    // graph.json names an existing texts file whose texts its quotes are in; nothing else left.
    expect([texts, otherTexts].map((t) => textsFileName(`${JSON.stringify(t)}\n`))).toContain(
      expectConsistentPair(dir),
    );
  }, 20_000);
});

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}
