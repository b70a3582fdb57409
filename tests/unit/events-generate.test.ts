import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateGdeltEvents } from '../../src/core/generate/gdelt.ts';
import { importGdelt } from '../../src/node/events/importGdelt.ts';
import { writeDataset } from '../helpers/dataset.ts';
import { runScript } from '../helpers/run.ts';
import { readFileSync } from 'node:fs';

const text = (options: Parameters<typeof generateGdeltEvents>[0], chunk?: number) =>
  [...generateGdeltEvents(options, chunk)].join('');

describe('synthetic GDELT event exports', () => {
  it('are deterministic, in chunks or not, with 61 columns and plausible codes', () => {
    const a = text({ events: 2_000, seed: 's' });
    expect(text({ events: 2_000, seed: 's' }, 7)).toBe(a);
    expect(text({ events: 2_000, seed: 't' })).not.toBe(a);
    const lines = a.trimEnd().split('\n');
    expect(lines).toHaveLength(2_000);
    const rows = lines.map((l) => l.split('\t'));
    expect(rows.every((r) => r.length === 61)).toBe(true);
    expect(rows.map((r) => Number(r[0]))).toEqual(rows.map((_r, i) => 410_000_000 + i));
    // Roots are two digits, event codes begin with them, months are YYYYMM, URLs https.
    expect(rows.every((r) => /^(0[1-9]|1\d|20)$/.test(r[28]!) && r[26]!.startsWith(r[28]!))).toBe(
      true,
    );
    expect(rows.every((r) => /^20\d{4}$/.test(r[2]!) && /^https:\/\//.test(r[60]!))).toBe(true);
    const codes = new Set(rows.map((r) => r[5]!));
    expect(codes.has('USA')).toBe(true);
    expect(codes.has('USAGOV')).toBe(true);
    expect(codes.has('')).toBe(true);
  });

  it('import without a problem and map the seed data’s countries', async () => {
    const dir = writeDataset({
      'actors.yaml': readFileSync('graph-data/actors.yaml', 'utf8'),
      'relation-types.yaml': readFileSync('graph-data/relation-types.yaml', 'utf8'),
    });
    mkdirSync(join(dir, 'in'));
    const file = join(dir, 'in', 'g.export.CSV');
    writeFileSync(file, text({ events: 20_000 }));
    const report = await importGdelt({ dataDir: dir, files: [file] });
    expect(report.read).toBe(20_000);
    expect(report.total).toBeGreaterThan(500);
    expect(report.unmappedActors.map((c) => c.code)).toContain('GBR');
    expect(report.unmappedRoots.map((r) => r.code)).toContain('08');
    // The layer grows with actors and months, not with events.
    expect(report.rows).toBeLessThan(1_000);
  });

  it('npm run generate -- --gdelt-events writes one file', () => {
    const dir = writeDataset({});
    const file = join(dir, 'x.export.CSV');
    const run = runScript('generate.ts', [
      '--gdelt-events',
      '300',
      '--gdelt-file',
      file,
      '--seed',
      's',
    ]);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^Generated 300 GDELT events \(seed "s"\)/);
    expect(readFileSync(file, 'utf8')).toBe(text({ events: 300, seed: 's' }));
    const bad = runScript('generate.ts', ['--gdelt-events', '300']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--gdelt-events needs --gdelt-file FILE');
  });
});
