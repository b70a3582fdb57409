import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDataset } from '../helpers/dataset.ts';
import { cameoDataset } from '../helpers/gdelt.ts';
import { runScript } from '../helpers/run.ts';

const LAYER = [
  'source,relation,target,month,events,mentions,sources,articles,goldstein,tone,url_first,url_last',
  'alpha,cooperates-with,beta,2015-02,2,14,3,12,2,0.5,,',
  'alpha,opposes,ann-minister,2015-03,1,1,1,1,-5,-2.5,,',
  '',
].join('\n');

describe('exports of a graph with machine-coded evidence', () => {
  const dir = writeDataset({ ...cameoDataset(), 'events/gdelt.csv': LAYER });
  const build = runScript('build-graph.ts', ['--data', dir, '--layout-iterations', '5']);
  const graph = join(dir, 'build', 'graph.json');
  const exported = (args: string[]) => {
    const run = runScript('export.ts', ['--graph', graph, '--out', '-', ...args]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    return run.stdout;
  };

  it('leave it out by default, as the page does', () => {
    expect(build.status).toBe(0);
    expect(build.stdout + build.stderr).toContain(
      'Machine-coded (GDELT, events/gdelt.csv): 3 events on 2 edges, 1 of them with no statement',
    );
    const csv = exported(['--format', 'csv']);
    expect(csv).not.toContain('machine');
    expect(csv).not.toContain('opposes:alpha:ann-minister');
    const json = JSON.parse(exported(['--format', 'json'])) as {
      edges: { key: string; attributes: Record<string, unknown> }[];
    };
    expect(json.edges.some((e) => 'machine' in e.attributes)).toBe(false);
  });

  it('carry it, labelled, with --machine-coded', () => {
    const csv = exported(['--format', 'csv', '--machine-coded']).replace(/^\uFEFF/, '');
    const [header, ...rows] = csv.trim().split('\r\n');
    expect(header!.endsWith(',machineCoder,machineEvents,machineFirstMonth,machineLastMonth')).toBe(
      true,
    );
    const only = rows.find((r) => r.startsWith('opposes:alpha:ann-minister'))!;
    expect(only).toMatch(/,0,0,.*,GDELT,1,2015-03,2015-03$/);
    expect(rows.find((r) => r.startsWith('cooperates-with:alpha:beta'))).toMatch(
      /,GDELT,2,2015-02,2015-02$/,
    );
    const gexf = exported(['--format', 'gexf', '--machine-coded']);
    expect(gexf).toContain('title="machineEvents" type="integer"');
    const graphml = exported(['--format', 'graphml', '--machine-coded']);
    expect(graphml).toContain('attr.name="machineCoder"');
    expect(readFileSync(graph, 'utf8')).toContain('"kind":"machine-coded"');
  });
});
