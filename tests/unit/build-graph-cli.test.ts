import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDataset, writeDataset } from '../helpers/dataset.ts';
import { ROOT, runScript, type Run } from '../helpers/run.ts';

/** Every file of a folder with its bytes. */
const snapshot = (folder: string) =>
  Object.fromEntries(
    readdirSync(folder)
      .sort()
      .map((name) => [name, readFileSync(join(folder, name), 'latin1')]),
  );

/** runScript, without blocking: for builds that run at the same time. */
function runScriptAsync(script: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', `${ROOT}/scripts/${script}`, ...args],
      {
        cwd: ROOT,
        env: { ...process.env, NO_COLOR: '1' },
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

// Each case breaks a good dataset in one way; the build must fail, say where, and leave the
// previous output byte for byte as it was.
const BAD_INPUTS: [string, (files: Record<string, string>) => void, RegExp][] = [
  [
    'an unknown actor',
    (f) =>
      void (f['articles/a1.yaml'] = f['articles/a1.yaml']!.replace(
        'source: Minister',
        'source: Ministry',
      )),
    /articles\/a1\.yaml:17:13: error: unknown actor "Ministry" as source/,
  ],
  [
    'an unknown relation type',
    (f) =>
      void (f['articles/a1.yaml'] = f['articles/a1.yaml']!.replace(
        'type: proposes-to',
        'type: proposes',
      )),
    /articles\/a1\.yaml:18:11: error: unknown relation type "proposes"/,
  ],
  [
    'a quote not in the article',
    (f) =>
      void (f['articles/a2.yaml'] = f['articles/a2.yaml']!.replace(
        'signed a pact.',
        'signed a treaty.',
      )),
    /articles\/a2\.yaml:10:12: error: quote not found in the article text/,
  ],
  [
    'a missing quote',
    (f) =>
      void (f['articles/a2.yaml'] = f['articles/a2.yaml']!.replace(
        '    quote: Beta later criticised Gamma Front.\n',
        '',
      )),
    /articles\/a2\.yaml:11:5: error: relations\[1\] is missing the required field "quote"/,
  ],
  [
    'broken YAML',
    (f) =>
      void (f['articles/a2.yaml'] = f['articles/a2.yaml']!.replace(
        '  - source: beta\n',
        '  - source: beta\n   oops\n',
      )),
    /articles\/a2\.yaml:\d+:\d+: error: YAML syntax/,
  ],
  [
    'a missing article text',
    (f) => void delete f['articles/a2.txt'],
    /articles\/a2\.yaml: error: the article text is missing/,
  ],
  [
    'a duplicate actor id',
    (f) => void (f['actors.yaml'] += '  - id: alpha\n    label: Alpha Two\n    kind: state\n'),
    /actors\.yaml:18:9: error: actor id "alpha" is used twice/,
  ],
  [
    'an alias claimed by two actors',
    (f) =>
      void (f['actors.yaml'] +=
        '  - id: delta\n    label: Delta\n    kind: state\n    aliases: [alphaville]\n'),
    /actors\.yaml:21:15: error: the name "alphaville" is claimed by both "alpha" and "delta"/,
  ],
  [
    'a relation from an actor to itself',
    (f) =>
      void (f['articles/a2.yaml'] = f['articles/a2.yaml']!.replace(
        'target: gamma-front',
        'target: Betaburg',
      )),
    /articles\/a2\.yaml:\d+:\d+: error: relation from Beta Kingdom \(beta\) to itself/,
  ],
];

describe('npm run build:graph', () => {
  let dir: string;
  let out: string;
  beforeAll(() => {
    dir = writeDataset(smallDataset());
    out = join(dir, 'out');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds a good dataset, writes graph.json and the texts it names, and prints a report', () => {
    const run = runScript('build-graph.ts', [
      '--data',
      dir,
      '--out',
      out,
      '--layout-iterations',
      '20',
    ]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/Actors: +4/);
    for (const type of ['cooperates-with', 'opposes', 'proposes-to'])
      expect(run.stdout).toContain(type);
    const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
    expect(graph.nodes).toHaveLength(4);
    const texts: string = graph.attributes.texts;
    expect(texts).toMatch(/^articles\.[0-9a-f]{16}\.json$/);
    expect(Object.keys(JSON.parse(readFileSync(join(out, texts), 'utf8')))).toEqual(['a1', 'a2']);
    expect(run.stdout).toContain(`Wrote ${join(out, 'graph.json')} and ${join(out, texts)}.`);
    expect(readdirSync(out).sort()).toEqual([texts, 'graph.json']);
  });

  it('gives the same bytes when run twice on the same data', () => {
    const before = snapshot(out);
    runScript('build-graph.ts', ['--data', dir, '--out', out, '--layout-iterations', '20']);
    expect(snapshot(out)).toEqual(before);
  });

  for (const [name, breakIt, expected] of BAD_INPUTS) {
    it(`fails on ${name}, naming file and line, and leaves the output unchanged`, () => {
      const before = snapshot(out);
      const files = smallDataset();
      breakIt(files);
      const bad = writeDataset(files);
      try {
        const run = runScript('build-graph.ts', ['--data', bad, '--out', out]);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(expected);
        expect(run.stderr).toContain(bad);
        expect(run.stderr).toMatch(/Build failed: \d+ errors?\. Nothing was written/);
        expect(snapshot(out)).toEqual(before);
      } finally {
        rmSync(bad, { recursive: true, force: true });
      }
    });
  }

  it('rejects an unknown option with its usage and exit code 2', () => {
    const run = runScript('build-graph.ts', ['--bogus']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/Unknown option '--bogus'/);
    expect(run.stderr).toMatch(/Usage: npm run build:graph/);
  });

  it('refuses an iteration count that is not plain digits from 1 to 100,000, before building', () => {
    for (const bad of [
      '0',
      '-5',
      ' 5',
      '5 ',
      '0x10',
      '1e3',
      '1.0',
      '+5',
      '100001',
      '99999999999',
    ]) {
      const run = runScript('build-graph.ts', [
        '--data',
        dir,
        '--out',
        out,
        '--layout-iterations',
        bad,
      ]);
      expect(run.status, bad).toBe(2);
      // parseArgs itself refuses "-5" (it reads like an option); ours the rest, by name.
      expect(run.stderr, bad).toMatch(
        bad === '-5'
          ? /Option '--layout-iterations' argument is ambiguous/
          : /--layout-iterations(?: must be a whole number written in digits|: the number of layout iterations must be a whole number from 1 to 100,000)/,
      );
    }
  });

  it('says when the data folder has no actors.yaml', () => {
    const empty = writeDataset({ 'README.txt': 'nothing here' });
    writeFileSync(join(empty, 'relation-types.yaml'), smallDataset()['relation-types.yaml']!);
    const run = runScript('build-graph.ts', ['--data', empty, '--out', join(empty, 'out')]);
    rmSync(empty, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/actors\.yaml: error: file not found/);
  });
});

describe('writing the output', () => {
  let dir: string;
  beforeAll(() => {
    dir = writeDataset(smallDataset());
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const build = (out: string) =>
    runScript('build-graph.ts', [
      '--data',
      dir,
      '--out',
      out,
      '--layout-iterations',
      '5',
      '--quiet',
    ]);

  it('says so when graph.json is a folder, writing nothing and leaving no temporary file', () => {
    const out = join(dir, 'out-folder');
    mkdirSync(join(out, 'graph.json', 'inside'), { recursive: true });
    const run = build(out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      `error: ${join(out, 'graph.json')} is a folder, where the file should be. Move that folder away (or write elsewhere with --out) and run again. Nothing was written.`,
    );
    expect(run.stderr).not.toMatch(/EISDIR|\n\s+at /);
    expect(readdirSync(out)).toEqual(['graph.json']);
  });

  it('says so when --out is a file', () => {
    const out = join(dir, 'a-file');
    writeFileSync(out, 'not a folder');
    const run = build(out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error: ${out} is a file, not a folder.`);
    expect(readFileSync(out, 'utf8')).toBe('not a folder');
  });

  it('removes what a killed build left: temporary files, its lock, old texts', () => {
    const out = join(dir, 'out-litter');
    expect(build(out).status).toBe(0);
    const before = snapshot(out);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(out, `graph.json.${dead}.tmp`), '{"nodes":[');
    writeFileSync(join(out, `articles.json.${dead}.tmp`), '{"a1":');
    writeFileSync(join(out, 'articles.0000000000000000.json'), '{}');
    writeFileSync(join(out, 'articles.json'), '{}');
    writeFileSync(join(out, 'graph.json.lock'), JSON.stringify({ pid: dead, host: hostname() }));
    const run = build(out);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(snapshot(out)).toEqual(before);
  });

  it('runs two builds at once to a consistent pair, the second waiting for the first', async () => {
    const out = join(dir, 'out-twice');
    const edited = smallDataset();
    edited['articles/a1.txt'] = `A first line, added.\n${edited['articles/a1.txt']}`;
    const other = writeDataset(edited);
    try {
      const [one, two] = await Promise.all(
        [dir, other].map((data) =>
          runScriptAsync('build-graph.ts', ['--data', data, '--out', out, '--quiet']),
        ),
      );
      expect([one!.status, two!.status]).toEqual([0, 0]);
      for (const run of [one!, two!]) {
        expect(run.stderr.replace(/^Waiting for another build .*\n/m, '')).toBe('');
      }
      const graph = JSON.parse(readFileSync(join(out, 'graph.json'), 'utf8'));
      const texts = JSON.parse(readFileSync(join(out, graph.attributes.texts), 'utf8'));
      for (const edge of graph.edges) {
        for (const e of edge.attributes.evidence) {
          expect(texts[e.article].slice(e.start, e.end)).toBe(e.quote);
        }
      }
      expect(readdirSync(out).sort()).toEqual([graph.attributes.texts, 'graph.json']);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe('reading a graph-data folder', () => {
  it('reports a file that is not UTF-8, by name', () => {
    const dir = writeDataset(smallDataset());
    writeFileSync(
      join(dir, 'articles/a2.txt'),
      Buffer.from([0x42, 0x65, 0x74, 0x61, 0xff, 0xfe, 0x0a]),
    );
    const run = runScript('build-graph.ts', ['--data', dir, '--out', join(dir, 'out')]);
    rmSync(dir, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/articles\/a2\.txt: error: the file is not valid UTF-8 text/);
  });
});
