/**
 * The GDELT import against DuckDB's plain scan and group-by of the same file, each in a process
 * of its own (time inside the process, and its peak resident memory), alternated run by run.
 * Part of npm run bench; alone: npx tsx scripts/bench/gdelt.ts [--events N] [--runs N].
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { median, round } from './stats.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SELF = fileURLToPath(import.meta.url);

export interface GdeltFigures {
  events: number;
  fileMB: number;
  memoryLimit: string;
  runs: number;
  /** Medians: seconds inside the process, peak resident MB of the process. */
  import: { seconds: number; peakMB: number };
  scan: { seconds: number; peakMB: number };
  ratio: number;
  /** The layer: rows (source, relation, target, month) and bytes; events counted. */
  layerRows: number;
  layerKB: number;
  counted: number;
}

function child(args: string[]): Record<string, number> {
  const run = spawnSync(process.execPath, ['--import', 'tsx', SELF, '--child', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (run.status !== 0) throw new Error(`bench child ${args[0]} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as Record<string, number>;
}

/** Generates the events file (once per size and seed) and measures. */
export async function benchGdelt(
  options: { events?: number; runs?: number; memoryLimit?: string; log?: (s: string) => void } = {},
): Promise<GdeltFigures> {
  const events = options.events ?? 1_000_000;
  const runs = options.runs ?? 3;
  const memoryLimit = options.memoryLimit ?? '1GB';
  const log = options.log ?? (() => undefined);
  const work = mkdtempSync(join(tmpdir(), 'actor-graph-gdelt-bench-'));
  try {
    const file = join(work, 'bench.export.CSV');
    log(`gdelt: generating ${events.toLocaleString('en')} events`);
    const generated = spawnSync(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'scripts/generate.ts'),
        '--gdelt-events',
        String(events),
        '--gdelt-file',
        file,
      ],
      { cwd: ROOT, encoding: 'utf8' },
    );
    if (generated.status !== 0) throw new Error(generated.stderr);
    const imports: Record<string, number>[] = [];
    const scans: Record<string, number>[] = [];
    for (let run = 0; run < runs; run++) {
      log(`gdelt: run ${run + 1} of ${runs}`);
      scans.push(child(['scan', file, memoryLimit]));
      const data = join(work, `data-${run}`);
      for (const name of ['actors.yaml', 'relation-types.yaml']) {
        cpSync(join(ROOT, 'graph-data', name), join(data, name), { recursive: true });
      }
      imports.push(child(['import', file, memoryLimit, data]));
    }
    const layer = join(work, 'data-0', 'events', 'gdelt.csv');
    const figures: GdeltFigures = {
      events,
      fileMB: round(statSync(file).size / 2 ** 20, 1),
      memoryLimit,
      runs,
      import: {
        seconds: round(median(imports.map((r) => r.seconds!)), 2),
        peakMB: Math.round(median(imports.map((r) => r.peakMB!))),
      },
      scan: {
        seconds: round(median(scans.map((r) => r.seconds!)), 2),
        peakMB: Math.round(median(scans.map((r) => r.peakMB!))),
      },
      ratio: 0,
      layerRows: imports[0]!.rows!,
      layerKB: existsSync(layer) ? Math.round(statSync(layer).size / 1024) : 0,
      counted: imports[0]!.total!,
    };
    figures.ratio = round(figures.import.seconds / figures.scan.seconds, 2);
    return figures;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

/** The report's section. */
export function gdeltMarkdown(f: GdeltFigures): string[] {
  return [
    '## GDELT import (npm run import:gdelt)',
    '',
    `${f.events.toLocaleString('en')} synthetic GDELT 2.0 events (${f.fileMB} MB, npm run generate -- --gdelt-events), mapped with graph-data/actors.yaml; medians of ${f.runs} runs, each in a process of its own, DuckDB memory limit ${f.memoryLimit} in both. The reference is DuckDB's plain scan and group-by of the same file (the same read_csv, grouped by actor codes, root and month).`,
    '',
    '| step | seconds | peak memory (MB) |',
    '| --- | --- | --- |',
    `| import (check, read, map, count each event once, aggregate, write the layer) | ${f.import.seconds} | ${f.import.peakMB} |`,
    `| DuckDB scan and group-by | ${f.scan.seconds} | ${f.scan.peakMB} |`,
    '',
    `Import / scan: ${f.ratio}x (budget 1.5x). The layer: ${f.layerRows} rows, ${f.layerKB} KB, for ${f.counted.toLocaleString('en')} events counted.`,
  ];
}

async function runChild(argv: string[]): Promise<void> {
  const [mode, file, memoryLimit, data] = argv as [string, string, string, string | undefined];
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const started = performance.now();
  let extra: Record<string, number>;
  if (mode === 'scan') {
    const { readExport } = await import('../../src/node/events/importGdelt.ts');
    const instance = await DuckDBInstance.create(':memory:', { memory_limit: memoryLimit });
    const db = await instance.connect();
    const reader = await db.runAndReadAll(
      `SELECT Actor1Code, Actor2Code, EventRootCode, MonthYear, count(*) AS n, sum(NumMentions), sum(NumSources), sum(NumArticles), avg(GoldsteinScale), avg(AvgTone), min(SOURCEURL), max(SOURCEURL) FROM ${readExport(file)} GROUP BY Actor1Code, Actor2Code, EventRootCode, MonthYear`,
    );
    extra = { rows: reader.currentRowCount };
    db.closeSync();
    instance.closeSync();
  } else {
    const { importGdelt } = await import('../../src/node/events/importGdelt.ts');
    const report = await importGdelt({ dataDir: data!, files: [file], memoryLimit });
    extra = { rows: report.rows, total: report.total };
  }
  const seconds = (performance.now() - started) / 1000;
  process.stdout.write(
    `${JSON.stringify({ seconds, peakMB: process.resourceUsage().maxRSS / 1024, ...extra })}\n`,
  );
}

if (process.argv[1] === SELF) {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    allowPositionals: true,
    options: {
      child: { type: 'boolean', default: false },
      events: { type: 'string' },
      runs: { type: 'string' },
    },
  });
  if (values.child) {
    await runChild(process.argv.slice(3));
  } else {
    const figures = await benchGdelt({
      ...(values.events ? { events: Number(values.events) } : {}),
      ...(values.runs ? { runs: Number(values.runs) } : {}),
      log: (s) => process.stderr.write(`${s}\n`),
    });
    process.stdout.write(`${gdeltMarkdown(figures).join('\n')}\n\n${JSON.stringify(figures)}\n`);
  }
}
