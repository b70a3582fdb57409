import { spawnSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Graph from 'graphology';
import { parse } from 'graphology-gexf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';
import { ROOT, runScript } from '../helpers/run.ts';

// A graph.json as `npm run build:graph` writes it, from the small test dataset.
let dir: string;
let graphPath: string;
let exported: object;
let edgeCount: number;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'actor-graph-export-'));
  const graph = buildGraph(toDataFiles(smallDataset()), { layout: { iterations: 20 } }).graph!;
  exported = graph.export();
  edgeCount = graph.size;
  graphPath = join(dir, 'graph.json');
  writeFileSync(graphPath, `${JSON.stringify(exported)}\n`);
  // The GEXF's lastmodifieddate defaults to the date graph.json was written.
  const written = new Date('2021-03-04T12:00:00Z');
  utimesSync(graphPath, written, written);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const exportTo = (...args: string[]) => runScript('export.ts', ['--graph', graphPath, ...args]);

describe('npm run export', () => {
  it('writes a GEXF file and says what it wrote', () => {
    const out = join(dir, 'seed.gexf');
    const run = exportTo('--format', 'gexf', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      `Exported ${graphPath} (4 actors, ${edgeCount} relations) as gexf: wrote ${out}.\n`,
    );
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<meta lastmodifieddate="2021-03-04">');
    expect(xml).toContain('evidenceQuotes');
    const parsed = parse(Graph, xml);
    expect(parsed.order).toBe(4);
    expect(parsed.size).toBe(edgeCount);
    // Atomic writing leaves no temporary file behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('writes GEXF by default, and takes the date and --no-quotes', () => {
    const out = join(dir, 'plain.xml');
    const run = exportTo('--out', out, '--date', '2024-12-31', '--no-quotes', '--quiet');
    expect([run.status, run.stdout, run.stderr]).toEqual([0, '', '']);
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('<gexf xmlns="http://gexf.net/1.3"');
    expect(xml).toContain('lastmodifieddate="2024-12-31"');
    expect(xml).not.toContain('evidenceQuotes');
    expect(xml).toContain('evidenceArticles');
  });

  it('takes the format from the extension of --out', () => {
    const out = join(dir, 'seed.graphml');
    expect(exportTo('--out', out).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toContain('<graphml ');
  });

  it('writes CSV as an edge list and a node list beside it', () => {
    const out = join(dir, 'csv', 'seed.csv');
    const run = exportTo('--format', 'csv', '--out', out);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      `wrote ${out} (edge list) and ${join(dir, 'csv', 'seed.nodes.csv')} (node list).`,
    );
    expect(readdirSync(join(dir, 'csv')).sort()).toEqual(['seed.csv', 'seed.nodes.csv']);
    const edges = readFileSync(out, 'utf8').split('\r\n');
    expect(edges[0]).toMatch(/^id,source,target,type,relation,/);
    expect(edges).toHaveLength(edgeCount + 2); // the header, the edges, '' after the last CRLF
    const nodes = readFileSync(join(dir, 'csv', 'seed.nodes.csv'), 'utf8').split('\r\n');
    expect(nodes[0]).toMatch(/^id,label,kind,affiliation,aliases,/);
    expect(nodes).toHaveLength(4 + 2);
  });

  it('writes JSON, the graphology serialisation, to standard output with --out -', () => {
    const run = exportTo('--format', 'json', '--out', '-');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual(exported);
  });

  it('writes only the edge list to standard output for CSV', () => {
    const run = exportTo('--format', 'csv', '--out', '-');
    expect(run.status).toBe(0);
    expect(run.stdout.startsWith('id,source,target,')).toBe(true);
    expect(run.stdout).not.toContain('id,label,kind');
  });

  it('writes GEXF to standard output', () => {
    const run = exportTo('--out', '-', '--undirected-edges', 'undirected');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('type="undirected"');
    expect(parse(Graph, run.stdout).order).toBe(4);
  });

  it('says to build the graph first when graph.json is not there', () => {
    const missing = join(dir, 'nowhere', 'graph.json');
    const run = runScript('export.ts', ['--graph', missing, '--out', join(dir, 'x.gexf')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${missing} not found`);
    expect(run.stderr).toContain('npm run build:graph');
  });

  it('reads graph-data/build/graph.json by default', () => {
    // Run from an empty folder: tsx is imported by its absolute path so that it resolves.
    const empty = mkdtempSync(join(tmpdir(), 'actor-graph-empty-'));
    const tsx = import.meta.resolve('tsx');
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', tsx, join(ROOT, 'scripts/export.ts'), ...args], {
        cwd: empty,
        encoding: 'utf8',
        env: { ...process.env, NO_COLOR: '1' },
      });
    try {
      const missing = run('--out', 'x.gexf');
      expect(missing.status).toBe(1);
      expect(missing.stderr).toContain(
        'error: graph-data/build/graph.json not found. Run `npm run build:graph` first',
      );
      mkdirSync(join(empty, 'graph-data', 'build'), { recursive: true });
      writeFileSync(join(empty, 'graph-data', 'build', 'graph.json'), JSON.stringify(exported));
      const found = run('--out', 'x.gexf', '--quiet');
      expect(found.stderr).toBe('');
      expect(found.status).toBe(0);
      expect(readFileSync(join(empty, 'x.gexf'), 'utf8')).toContain('<node id="alpha"');
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('accepts the build folder for --graph', () => {
    const run = runScript('export.ts', ['--graph', dir, '--out', '-']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('<gexf ');
  });

  it('says when the file is not a graph.json', () => {
    const notJson = join(dir, 'not-json.json');
    writeFileSync(notJson, 'nodes: []');
    const notGraph = join(dir, 'not-graph.json');
    writeFileSync(notGraph, JSON.stringify({ actors: [] }));
    const broken = join(dir, 'broken.json');
    const edgeToNowhere = structuredClone(exported) as { edges: { target: string }[] };
    edgeToNowhere.edges[2]!.target = 'zzz';
    writeFileSync(broken, JSON.stringify(edgeToNowhere));
    const badEvidence = join(dir, 'bad-evidence.json');
    const notAList = structuredClone(exported) as {
      edges: { key: string; attributes: { evidence: unknown } }[];
    };
    notAList.edges[0]!.attributes.evidence = { quote: 'one' };
    writeFileSync(badEvidence, JSON.stringify(notAList));
    for (const [file, why] of [
      [notJson, 'it is not valid JSON'],
      [notGraph, 'attributes: not an object (missing) (and 2 other problems)'],
      [
        broken,
        `edges[2] (${(exported as { edges: { key: string }[] }).edges[2]!.key}).target: no actor has the key "zzz"`,
      ],
      [
        badEvidence,
        `edges[0] (${notAList.edges[0]!.key}).attributes.evidence: not a list (an object). Export a graph.json written by \`npm run build:graph\``,
      ],
    ] as const) {
      const run = runScript('export.ts', ['--graph', file, '--out', join(dir, 'x.gexf')]);
      expect(run.status).toBe(1);
      expect(run.stderr).toContain(`error: ${file} is not a graph.json: ${why}`);
      expect(run.stderr).not.toMatch(/\n\s+at /);
    }
    expect(readdirSync(dir)).not.toContain('x.gexf');
  });

  it('reads only a regular graph.json: a named pipe is refused at once, a BOM is tolerated', () => {
    const pipe = join(dir, 'pipe.json');
    expect(spawnSync('mkfifo', [pipe]).status).toBe(0);
    const run = runScript('export.ts', ['--graph', pipe, '--out', join(dir, 'x.gexf')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`error: ${pipe}: a named pipe, not a regular file`);
    const withBom = join(dir, 'bom.json');
    writeFileSync(withBom, `\ufeff${readFileSync(graphPath, 'utf8')}`);
    const bom = runScript('export.ts', ['--graph', withBom, '--out', join(dir, 'bom.gexf')]);
    expect(bom.stderr).toBe('');
    expect(bom.status).toBe(0);
  });

  it('says so when it cannot write, leaving the previous file and no temporary file', () => {
    const out = join(dir, 'locked', 'seed.gexf');
    mkdirSync(out, { recursive: true });
    // --out names a file whose place a folder holds: caught before writing.
    expect(exportTo('--out', out).status).toBe(2);
    // The node list of a CSV export is where a folder is: nothing is written.
    const csv = join(dir, 'locked', 'seed.csv');
    writeFileSync(csv, 'old edges');
    mkdirSync(join(dir, 'locked', 'seed.nodes.csv'));
    const run = exportTo('--format', 'csv', '--out', csv);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `error: ${join(dir, 'locked', 'seed.nodes.csv')} is a folder, where the file should be. Move that folder away (or write elsewhere with --out) and run again. Nothing was changed.\n`,
    );
    expect(readFileSync(csv, 'utf8')).toBe('old edges');
    expect(readdirSync(join(dir, 'locked')).sort()).toEqual([
      'seed.csv',
      'seed.gexf',
      'seed.nodes.csv',
    ]);
  });

  it('says so when graph.json cannot be read', () => {
    const folder = join(dir, 'graph-folder');
    mkdirSync(join(folder, 'graph.json'), { recursive: true });
    const run = runScript('export.ts', ['--graph', folder, '--out', '-']);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe(
      `error: ${join(folder, 'graph.json')}: a folder, not a file. Move the folder out of the way: only files are read here.\n`,
    );
  });

  it('lists the formats when the format is unknown, with usage and exit code 2', () => {
    const run = exportTo('--format', 'xml', '--out', join(dir, 'x.xml'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('unknown format "xml"; the formats are gexf, graphml, json, csv');
    expect(run.stderr).toContain('Usage: npm run export');
  });

  it('refuses usage mistakes with exit code 2', () => {
    for (const [args, message] of [
      [[], '--out is required'],
      [['--format', 'gexf', '--out', join(dir, 'x.csv')], 'names a .csv file but --format is gexf'],
      [['--out', '-', '--undirected-edges', 'both'], '--undirected-edges must be mutual or'],
      [['--out', '-', '--date', '2024-1-2'], '--date must be a date as YYYY-MM-DD'],
      [['--out', '-', '--date', '2024-13-02'], '--date must be a date as YYYY-MM-DD'],
      [['--out', '-', '--date', '2021-02-31'], '--date must be a date as YYYY-MM-DD'],
      [['--out', '-', '--date', '1900-02-29'], '--date must be a date as YYYY-MM-DD'],
      [['--out', dir], `--out ${dir} is a folder; name the file to write`],
      [['--out', '-', '--bogus'], "Unknown option '--bogus'"],
      [['--format', 'csv', '--out', '-', '--dynamic'], '--dynamic writes time into GEXF only'],
      [['--out', '-', '--dates', 'event'], '--dates chooses the dates of --dynamic'],
      [['--out', '-', '--dynamic', '--dates', 'later'], '--dates must be statement or event'],
    ] as const) {
      const run = exportTo(...args);
      expect(run.status).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stderr).toContain('Usage: npm run export');
    }
    expect(readdirSync(dir)).not.toContain('x.csv');
  });

  it('writes a dynamic GEXF with --dynamic, by statement or event dates', () => {
    const out = join(dir, 'time.gexf');
    const run = exportTo('--dynamic', '--out', out);
    expect([run.status, run.stderr]).toEqual([0, '']);
    expect(run.stdout).toBe(
      `Exported ${graphPath} (4 actors, ${edgeCount} relations) as gexf with time (statement dates): wrote ${out}.\n`,
    );
    const xml = readFileSync(out, 'utf8');
    expect(xml).toContain('mode="dynamic" timeformat="date" start="2020-05-01" end="2021-02-28"');
    expect(xml).toContain('<spell start="2021-02-01" end="2021-02-28"/>');
    expect(parse(Graph, xml).size).toBe(edgeCount);

    const events = exportTo('--dynamic', '--dates', 'event', '--out', '-');
    expect(events.status).toBe(0);
    // The small dataset has no event dates: a dynamic graph without spells.
    expect(events.stdout).toContain('idtype="string" mode="dynamic" timeformat="date">');
    expect(events.stdout).not.toContain('<spell');
  });

  it('writes the static GEXF as before when not asked for time', () => {
    const run = exportTo('--out', '-');
    expect(run.stdout).not.toMatch(/mode="dynamic"|<spells>|EventDate/);
  });

  it('explains itself with --help', () => {
    const run = runScript('export.ts', ['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: npm run export -- --out FILE [options]');
    expect(run.stdout).toContain('out/graph.csv -> out/graph.nodes.csv');
    expect(run.stdout).toContain('With --out - csv writes the edge list only');
    expect(run.stdout).toContain(
      "--dynamic                gexf: a dynamic graph for Gephi's timeline",
    );
  });
});
