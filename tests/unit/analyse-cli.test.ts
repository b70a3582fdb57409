import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalysisJson } from '../../src/core/analysis/index.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { smallDataset, toDataFiles } from '../helpers/dataset.ts';
import { runScript } from '../helpers/run.ts';

/**
 * The small test dataset and a third article in which Beta and Gamma Front agree a truce:
 * Alpha + Beta, Alpha - Gamma Front, Beta + Gamma Front (two statements for, one against) make
 * one unbalanced triangle and one contradiction. Before 2022 the truce is not there.
 */
function dataset(): Record<string, string> {
  return {
    ...smallDataset(),
    'articles/a3.txt': 'Beta and Gamma Front agreed a truce. Beta and Gamma Front signed a deal.\n',
    'articles/a3.yaml': `title: A truce
outlet: The Other Post
published:
  date: 2022-01-10
  basis: stated
  how: The dateline.
relations:
  - source: beta
    type: cooperates-with
    target: gamma-front
    quote: Beta and Gamma Front agreed a truce.
  - source: gamma-front
    type: cooperates-with
    target: beta
    quote: Beta and Gamma Front signed a deal.
`,
  };
}

let dir: string;
let graphPath: string;
let graphData: { nodes: { key: string; attributes: { label: string } }[] };
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'actor-graph-analyse-'));
  const built = buildGraph(toDataFiles(dataset()), { layout: { iterations: 10 } });
  expect(built.issues.filter((i) => i.severity === 'error')).toEqual([]);
  graphData = built.graph!.export() as typeof graphData;
  graphPath = join(dir, 'graph.json');
  writeFileSync(graphPath, `${JSON.stringify(graphData)}\n`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const analyse = (...args: string[]) => runScript('analyse.ts', ['--graph', graphPath, ...args]);
const json = (...args: string[]): AnalysisJson => {
  const run = analyse('--json', ...args);
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return JSON.parse(run.stdout) as AnalysisJson;
};

describe('npm run analyse', { timeout: 60_000 }, () => {
  it('prints one JSON object with the signs, triads, camps, contradictions and metrics', () => {
    const result = json();
    expect(result.signs).toEqual([
      { a: 'alpha', b: 'beta', sign: 1 },
      { a: 'alpha', b: 'gamma-front', sign: -1 },
      { a: 'beta', b: 'gamma-front', sign: 1 },
    ]);
    expect(result.triads).toEqual([
      { actors: ['alpha', 'beta', 'gamma-front'], signs: [1, -1, 1] },
    ]);
    expect(Object.keys(result.camps)).toEqual(['alpha', 'beta', 'gamma-front']);
    expect(result.camps.alpha).toBe(0);
    expect(result.frustration).toBe(1);
    expect(result.contradictions).toEqual([
      { a: 'beta', b: 'gamma-front', positive: 2, negative: 1, sign: 1 },
    ]);
    expect(Object.keys(result.metrics)).toEqual(['alpha', 'ann-minister', 'beta', 'gamma-front']);
    expect(result.metrics['ann-minister']).toMatchObject({
      degree: 1,
      weightedDegree: 1,
      betweenness: 0,
    });
    expect(result.metrics.beta).toMatchObject({ degree: 4, weightedDegree: 6, betweenness: 2 });
    const ranks = Object.values(result.metrics).map((m) => m.pagerank);
    expect(ranks.reduce((x, y) => x + y, 0)).toBeCloseTo(1, 6);
    expect(result.summary).toMatchObject({
      actors: 4,
      triangles: 1,
      unbalancedTriads: 1,
      campsExact: true,
      counted: ['asserted'],
    });
    expect(result.paths).toBeUndefined();
  });

  it('follows the filters: before the truce the triangle is balanced', () => {
    for (const args of [
      ['--to', '2021'],
      ['--filter', 'to=2021'],
      ['--view', 'http://x/?to=2021&actor=alpha'],
    ]) {
      const result = json(...args);
      expect(result.signs.find((s) => s.a === 'beta' && s.b === 'gamma-front')!.sign).toBe(-1);
      expect([result.triads, result.frustration, result.contradictions]).toEqual([[], 0, []]);
    }
    // Hiding the statements of a1 leaves Alpha and Gamma Front without a sign.
    const withoutA1 = json('--hide-articles', 'a1');
    expect(withoutA1.signs.map((s) => `${s.a} ${s.b}`)).toEqual(['alpha beta', 'beta gamma-front']);
    // Strict evidence (two asserted statements from two outlets) keeps only Alpha and Beta's
    // cooperation: the truce's two statements come from one outlet.
    expect(json('--strict', '2,2').signs).toEqual([{ a: 'alpha', b: 'beta', sign: 1 }]);
    expect(json('--strict', '2,1').signs.map((s) => `${s.a} ${s.b}`)).toEqual([
      'alpha beta',
      'beta gamma-front',
    ]);
    // Hiding people drops the minister from the metrics.
    expect(Object.keys(json('--hide-kinds', 'person').metrics)).not.toContain('ann-minister');
  });

  it('gives the paths between two actors, by id or by name, best first', () => {
    const { paths } = json('--path', 'Alpha Republic,gamma-front');
    expect(paths).toMatchObject({ from: 'alpha', to: 'gamma-front', maxSteps: 4, found: 2 });
    expect(paths!.paths.map((p) => [p.actors, p.weakest])).toEqual([
      [['alpha', 'beta', 'gamma-front'], { asserted: 2, articles: 1 }],
      [['alpha', 'gamma-front'], { asserted: 1, articles: 1 }],
    ]);
    expect(paths!.paths[1]!.steps[0]).toMatchObject({
      relation: 'opposes',
      quote: 'Gamma Front attacked Alphaville',
      article: 'a1',
      date: '2020-05-01',
      modality: 'asserted',
    });
    expect(json('--path', 'alpha,gamma-front', '--max-steps', '1').paths!.found).toBe(1);
  });

  it('prints a readable report without --json', () => {
    const run = analyse('--path', 'alpha,gamma-front');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('4 actors and');
    expect(run.stdout).toContain('Triangles: 1, of which 0 balanced and 1 unbalanced.');
    expect(run.stdout).toContain('balanced when its actors split into two camps');
    expect(run.stdout).toContain(
      'Alpha Republic (alpha) + Beta Kingdom (beta) + Gamma Front (gamma-front) − Alpha Republic (alpha)',
    );
    expect(run.stdout).toContain('frustration 1 of 3 signed pairs');
    expect(run.stdout).toContain(
      'Beta Kingdom (beta) – Gamma Front (gamma-front): 2 +, 1 − (sign +)',
    );
    expect(run.stdout).toContain(
      'Paths from Alpha Republic (alpha) to Gamma Front (gamma-front) of at most 4 steps: 2 found',
    );
  });

  it('escapes control characters from the data in the report', () => {
    const hostile = structuredClone(graphData);
    hostile.nodes.find((n) => n.key === 'beta')!.attributes.label = 'Beta\u001b[31m Kingdom';
    const path = join(dir, 'hostile.json');
    writeFileSync(path, JSON.stringify(hostile));
    const run = runScript('analyse.ts', ['--graph', path]);
    expect(run.status).toBe(0);
    expect(run.stdout).not.toContain('\u001b');
    expect(run.stdout).toContain('Beta\\u001b[31m Kingdom');
  });

  it('says what to do when the graph is missing or is not a graph.json', () => {
    const missing = join(dir, 'nowhere', 'graph.json');
    const run = runScript('analyse.ts', ['--graph', missing]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(`${missing} not found. Run \`npm run build:graph\` first`);
    const broken = join(dir, 'broken.json');
    writeFileSync(broken, '{"nodes": 1}');
    const bad = runScript('analyse.ts', ['--graph', broken]);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain(`${broken} is not a graph.json`);
  });

  it('refuses filter values and actors it cannot use, naming the option', () => {
    const cases: [string[], string][] = [
      [
        ['--hide-modalities', 'negated,rumoured'],
        '--hide-modalities: "rumoured" is not in this graph; give comma-separated values among asserted, negated',
      ],
      [
        ['--from', '2021-02-31'],
        '--from: "2021-02-31" is not a value this filter takes; give a real date as YYYY, YYYY-MM or YYYY-MM-DD',
      ],
      [['--strict', 'two'], '--strict: "two" is not a value this filter takes; give K,M'],
      [['--min-statements', '0'], '--min-statements: "0" is not a value this filter takes'],
      [
        ['--filter', 'colour=red'],
        '--filter colour=red: unknown filter "colour"; the filters are hide-relations',
      ],
      [['--view', '?hide-kinds=robot'], '--view (hide-kinds=robot): "robot" is not in this graph'],
      [['--path', 'alpha'], '--path takes two actors separated by a comma'],
      [['--path', 'alpha,nobody'], '--path: no actor "nobody" in the graph'],
      [['--path', 'alpha,alpha'], '--path alpha,alpha: name two different actors'],
      [
        ['--hide-kinds', 'person', '--path', 'ann-minister,alpha'],
        '--path: the filters hide the actor "ann-minister"',
      ],
      [['--max-steps', '9'], '--max-steps must be a whole number from 1 to 6, not "9"'],
    ];
    for (const [args, message] of cases) {
      const run = analyse(...args);
      expect(run.status, args.join(' ')).toBe(2);
      expect(run.stderr).toContain(message);
      expect(run.stdout).toBe('');
    }
  });
});
