/**
 * npm run import:gdelt -- [--data DIR] FILE...
 * Imports GDELT 2.0 event exports into the data folder's machine-coded layer (events/), with
 * DuckDB embedded in the process. On any error nothing is written.
 */
import { parseArgs } from 'node:util';
import { complain, runCommand, say, UsageError } from '../src/node/cli.ts';
import { readFileSync } from 'node:fs';
import { renderAggregation } from '../src/core/events/cameo.ts';
import {
  DEFAULT_MEMORY_LIMIT,
  ImportError,
  importGdelt,
  readMapping,
  SQL_FILE,
} from '../src/node/events/importGdelt.ts';

const USAGE = `Usage: npm run import:gdelt -- [options] FILE...

Imports GDELT 2.0 event exports (.CSV, or .CSV.zip as GDELT publishes them) into the data
folder's machine-coded layer, events/gdelt.csv, which the build reads. Actors are mapped by the
cameo: codes of actors.yaml, event root codes by the cameo: roots of relation-types.yaml.
Importing a file again changes nothing; more files add to the layer, each event counted once.

Options:
  --data DIR            graph-data folder (default: graph-data)
  --replace             start from an empty layer (after changing the mapping, import every
                        file again with --replace)
  --memory-limit SIZE   DuckDB's memory limit (default: ${DEFAULT_MEMORY_LIMIT})
  --threads N           DuckDB's threads (default: one per core)
  --print-sql DIALECT   print sql/gdelt-aggregate.sql filled in with this folder's mapping
                        for duckdb or clickhouse (the distributed path), and exit
  --table NAME          the events table the printed SQL reads (default: events_all)
  -h, --help            show this help`;

runCommand(USAGE, async () => {
  const argv = process.argv.slice(2);
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${USAGE}\n`);
    return 0;
  }
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        data: { type: 'string', default: 'graph-data' },
        replace: { type: 'boolean', default: false },
        'memory-limit': { type: 'string', default: DEFAULT_MEMORY_LIMIT },
        threads: { type: 'string' },
        'print-sql': { type: 'string' },
        table: { type: 'string', default: 'events_all' },
      },
    });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const { values, positionals } = parsed;
  const dialect = values['print-sql'];
  if (dialect !== undefined) {
    if (dialect !== 'duckdb' && dialect !== 'clickhouse') {
      throw new UsageError(`--print-sql takes duckdb or clickhouse, not "${dialect}"`);
    }
    try {
      const mapping = await readMapping(values.data.replace(/\/+$/, ''));
      const template = readFileSync(SQL_FILE, 'utf8');
      say(`${renderAggregation(template, { events: values.table, mapping, dialect })}\n`);
      return 0;
    } catch (error) {
      if (error instanceof ImportError) {
        complain(`${error.message}\n`);
        return 1;
      }
      throw error;
    }
  }
  if (positionals.length === 0 && !values.replace) {
    throw new UsageError('name at least one GDELT event file (.CSV or .CSV.zip)');
  }
  const memoryLimit = values['memory-limit'];
  if (!/^\d+(\.\d+)?\s*(KB|MB|GB|TB|KiB|MiB|GiB|TiB)$/i.test(memoryLimit)) {
    throw new UsageError(`--memory-limit takes a size such as 512MB or 2GB, not "${memoryLimit}"`);
  }
  const threads = values.threads;
  if (threads !== undefined && !/^[1-9]\d{0,3}$/.test(threads)) {
    throw new UsageError(`--threads takes a whole number from 1, not "${threads}"`);
  }
  const dataDir = values.data.replace(/\/+$/, '');
  let report;
  try {
    report = await importGdelt({
      dataDir,
      files: positionals,
      replace: values.replace,
      memoryLimit,
      ...(threads ? { threads: Number(threads) } : {}),
    });
  } catch (error) {
    if (error instanceof ImportError) {
      complain(
        `${error.message}\n\nImport failed. Nothing was written; ${dataDir}/events/ is unchanged.\n`,
      );
      return 1;
    }
    throw error;
  }
  const n = (x: number) => x.toLocaleString('en-US');
  const lines: string[] = [];
  for (const f of report.files) {
    lines.push(`${f.path}: ${n(f.events)} events`);
    if (f.invalidUtf8Lines > 0) {
      lines.push(
        `  ${n(f.invalidUtf8Lines)} line${f.invalidUtf8Lines === 1 ? '' : 's'} with bytes that are not UTF-8 (first: line ${f.firstInvalidLine}): read with U+FFFD in their place`,
      );
    }
  }
  lines.push(
    `Events read: ${n(report.read)}; between two mapped actors with a mapped root: ${n(report.added + report.duplicates)} (${n(report.added)} new, ${n(report.duplicates)} already counted)`,
    `Layer: ${n(report.total)} events in ${n(report.rows)} rows (source, relation, target, month) in ${dataDir}/events/gdelt.csv${report.changed ? '' : ' (unchanged)'}`,
  );
  if (report.sameActor > 0) {
    lines.push(`Events whose two actors are the same actor (left out): ${n(report.sameActor)}`);
  }
  if (report.unmappedRoots.length > 0) {
    lines.push(
      `Event roots between mapped actors that no relation type lists (not imported): ${report.unmappedRoots.map((r) => `${r.code} ${n(r.events)}`).join(', ')}`,
    );
  }
  if (report.unmappedActorCodes > 0) {
    lines.push(
      `Unmapped CAMEO actor codes: ${n(report.unmappedActorCodes)}; the most frequent (events naming them):`,
      ...report.unmappedActors.map((c) => `  ${c.code.padEnd(12)} ${n(c.events)}`),
      `  Map a code by adding it to an actor's cameo: list in ${dataDir}/actors.yaml, then import again with --replace.`,
    );
  }
  lines.push(`DuckDB memory limit: ${report.memoryLimit}`);
  say(`${lines.join('\n')}\n`);
  return 0;
});
