import { spawn, spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import {
  describeFsError,
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

/** graph.json and the texts it names agree: every quote is in its text at its offsets. */
function expectConsistentPair(folder: string): string {
  const data = JSON.parse(readFileSync(join(folder, 'graph.json'), 'utf8'));
  const name: string = data.attributes.texts;
  const pair = JSON.parse(readFileSync(join(folder, name), 'utf8')) as Record<string, string>;
  for (const edge of data.edges) {
    for (const e of edge.attributes.evidence) {
      expect(pair[e.article]!.slice(e.start, e.end)).toBe(e.quote);
    }
  }
  expect(readdirSync(folder).sort()).toEqual([name, 'graph.json']);
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

describe('describeFsError', () => {
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
    ['EWHATEVER', /cannot write \/out\/graph\.json \(EWHATEVER\)\. Check the folder and the disk/],
  ])('%s names the file and says what to do', (code, expected) => {
    const message = describeFsError(failing(code), file);
    expect(message).toMatch(expected);
    expect(message).toContain(file);
  });

  it('words reading and removing as such', () => {
    expect(describeFsError(failing('EACCES'), file, 'read')).toMatch(
      /cannot read \/out\/graph\.json: permission denied\. Make it readable/,
    );
    expect(describeFsError(failing('EROFS'), file, 'remove')).toMatch(/^cannot remove /);
    expect(describeFsError(new Error('odd'), file)).toContain('(odd)');
  });
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

describe('an interrupted write', () => {
  it('removes its temporary files and the lock on SIGTERM, leaving the previous pair', async () => {
    await writeGraphOutput(dir, graph, texts);
    const before = snapshot(dir);
    // A child process writes the other texts with a file system that stops forever in the
    // middle of writing graph.json's temporary file, after telling us so.
    const child = join(dir, '..', `${dir.split('/').pop()}-child.mts`);
    writeFileSync(
      child,
      `import { buildGraph } from ${JSON.stringify(join(ROOT, 'src/core/pipeline/buildGraph.ts'))};
import { nodeFs, writeGraphOutput } from ${JSON.stringify(join(ROOT, 'src/node/writeOutput.ts'))};
import { smallDataset, toDataFiles } from ${JSON.stringify(join(ROOT, 'tests/helpers/dataset.ts'))};
const built = buildGraph(toDataFiles(smallDataset()), { layout: { iterations: 5 } });
const texts = Object.fromEntries(Object.entries(built.texts!).map(([k, v]) => [k, v + ' More.']));
const fs = {
  ...nodeFs,
  open: async (path: string, flags: 'w' | 'wx') => {
    const handle = await nodeFs.open(path, flags);
    if (!/graph\\.json\\.\\d+\\.tmp$/.test(path)) return handle;
    return {
      writeFile: async (data: string) => {
        await handle.writeFile(data.slice(0, 100));
        process.stdout.write('writing\\n');
        await new Promise(() => setInterval(() => {}, 1000));
      },
      sync: () => handle.sync(),
      close: () => handle.close(),
    };
  },
};
await writeGraphOutput(${JSON.stringify(dir)}, built.graph!, texts, { fs });
`,
    );
    try {
      const run = spawn(process.execPath, ['--import', 'tsx', child], {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stderr = '';
      run.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      await new Promise<void>((resolve, reject) => {
        run.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('writing')) resolve();
        });
        run.on('exit', () => reject(new Error(`the child ended early: ${stderr}`)));
      });
      // It is in the middle of it: a new texts file, graph.json's temporary file and the lock.
      expect(readdirSync(dir).length).toBeGreaterThan(Object.keys(before).length);
      const ended = new Promise<NodeJS.Signals | null>((resolve) =>
        run.on('exit', (_code, signal) => resolve(signal)),
      );
      run.kill('SIGTERM');
      expect(await ended).toBe('SIGTERM');
      expect(stderr).toContain('Interrupted (SIGTERM): the files being written were removed');
      expect(snapshot(dir)).toEqual(before);
    } finally {
      rmSync(child, { force: true });
    }
  });
});

/** The pid of a process that has ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid!;
}
