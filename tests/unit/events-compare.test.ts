import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareSources } from '../../src/core/events/compare.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { toDataFiles, writeDataset } from '../helpers/dataset.ts';
import { cameoDataset, FIRST_FILE, gdeltFile } from '../helpers/gdelt.ts';
import { runScript } from '../helpers/run.ts';

const LAYER = [
  'source,relation,target,month,events,mentions,sources,articles,goldstein,tone,url_first,url_last',
  'alpha,cooperates-with,beta,2015-02,2,14,3,12,2,0.5,,',
  'alpha,proposes-to,gamma-front,2015-02,4,4,4,4,-5,-2,,',
  'alpha,opposes,ann-minister,2015-03,1,1,1,1,-5,-2.5,,',
  '',
].join('\n');

describe('compare:gdelt', () => {
  it('sorts pairs into agreeing, disagreeing and one-source pairs', () => {
    const files = toDataFiles(cameoDataset());
    const graph = buildGraph(
      { ...files, events: { path: 'data/events/gdelt.csv', text: LAYER } },
      { layout: false },
    ).graph!;
    const c = compareSources(graph);
    // The small dataset annotates alpha-beta cooperation, and between alpha and gamma-front an
    // opposition and a negated cooperation (which does not count); the layer has a proposal.
    expect(c.both.map((p) => [p.a, p.b, p.shared])).toEqual([
      ['alpha', 'beta', ['cooperates-with']],
      ['alpha', 'gamma-front', []],
    ]);
    expect(c.onlyMachine.map((p) => [p.a, p.b, p.machine!.types])).toEqual([
      ['alpha', 'ann-minister', { opposes: 1 }],
    ]);
    expect(c.both[1]!.annotated!.types).toEqual({ opposes: 1 });
    expect(c.onlyAnnotated.map((p) => [p.a, p.b])).toEqual([
      ['ann-minister', 'beta'],
      ['beta', 'gamma-front'],
    ]);
  });

  it('prints a short report after an import, and says when there is no layer', () => {
    const dir = writeDataset(cameoDataset());
    const none = runScript('compare-gdelt.ts', ['--data', dir]);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(
      /events\/gdelt\.csv: no machine-coded layer\. Import GDELT event files first/,
    );
    mkdirSync(join(dir, 'in'));
    writeFileSync(join(dir, 'in', 'a.CSV'), gdeltFile(FIRST_FILE));
    const imported = runScript('import-gdelt.ts', ['--data', dir, join(dir, 'in', 'a.CSV')]);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toContain('Layer: 4 events in 3 rows');
    expect(imported.stdout).toMatch(/Unmapped CAMEO actor codes: 2;[\s\S]*XYZ +2/);
    expect(imported.stdout).toContain(
      'Event roots between mapped actors that no relation type lists (not imported): 08 1',
    );
    const run = runScript('compare-gdelt.ts', ['--data', dir]);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain(
      'Pairs both sources have: 2 (2 agree on a relation type, 0 do not)',
    );
    expect(run.stdout).toMatch(/agree {5}Alpha Republic - Beta Kingdom/);
    const sql = runScript('import-gdelt.ts', ['--data', dir, '--print-sql', 'clickhouse']);
    expect(sql.status).toBe(0);
    expect(sql.stdout).toContain('CAST(sum(NumMentions) AS Int64) AS mentions');
    expect(sql.stdout).toContain("WHEN substring(Actor1Code, 1, 6) = 'ALPREB' THEN 'gamma-front'");
    expect(sql.stdout).toContain('FROM events_all');
    const failed = runScript('import-gdelt.ts', ['--data', dir, join(dir, 'in', 'missing.CSV')]);
    expect(failed.status).toBe(1);
    expect(failed.stderr).toMatch(
      /missing\.CSV: no such file[\s\S]*Import failed\. Nothing was written/,
    );
  });
});
