import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smallDataset, writeDataset } from '../helpers/dataset.ts';
import { runScript } from '../helpers/run.ts';

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

  it('builds a good dataset, writes graph.json and articles.json, and prints a report', () => {
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
    expect(Object.keys(JSON.parse(readFileSync(join(out, 'articles.json'), 'utf8')))).toEqual([
      'a1',
      'a2',
    ]);
  });

  it('gives the same bytes when run twice on the same data', () => {
    const before = readFileSync(join(out, 'graph.json'));
    runScript('build-graph.ts', ['--data', dir, '--out', out, '--layout-iterations', '20']);
    expect(readFileSync(join(out, 'graph.json')).equals(before)).toBe(true);
  });

  for (const [name, breakIt, expected] of BAD_INPUTS) {
    it(`fails on ${name}, naming file and line, and leaves the output unchanged`, () => {
      const graphBefore = readFileSync(join(out, 'graph.json'));
      const textsBefore = readFileSync(join(out, 'articles.json'));
      const files = smallDataset();
      breakIt(files);
      const bad = writeDataset(files);
      try {
        const run = runScript('build-graph.ts', ['--data', bad, '--out', out]);
        expect(run.status).toBe(1);
        expect(run.stderr).toMatch(expected);
        expect(run.stderr).toContain(bad);
        expect(run.stderr).toMatch(/Build failed: \d+ errors?\. Nothing was written/);
        expect(readFileSync(join(out, 'graph.json')).equals(graphBefore)).toBe(true);
        expect(readFileSync(join(out, 'articles.json')).equals(textsBefore)).toBe(true);
        expect(readdirSync(out).sort()).toEqual(['articles.json', 'graph.json']);
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

  it('says when the data folder has no actors.yaml', () => {
    const empty = writeDataset({ 'README.txt': 'nothing here' });
    writeFileSync(join(empty, 'relation-types.yaml'), smallDataset()['relation-types.yaml']!);
    const run = runScript('build-graph.ts', ['--data', empty, '--out', join(empty, 'out')]);
    rmSync(empty, { recursive: true, force: true });
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/actors\.yaml: error: file not found/);
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
