/**
 * npm run import:gdelt: GDELT 2.0 event exports (.CSV, or .CSV.zip as GDELT publishes them)
 * into the data folder's machine-coded layer, through DuckDB embedded in the process.
 *
 * The layer is two files in <data>/events/, written together or not at all
 * (writeFilesAtomically): gdelt-events.csv, the events that count (both actors and the root
 * mapped), one row per GLOBALEVENTID, so that importing more files adds to the layer without
 * counting an event twice; and gdelt.csv, their aggregation by sql/gdelt-aggregate.sql, which
 * the build reads. Every check comes before anything is written: a failed import leaves the
 * previous layer byte for byte.
 */
import { isUtf8 } from 'node:buffer';
import { constants } from 'node:fs';
import * as fs from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { unzipSync } from 'fflate';
import {
  actorCase,
  cameoMapping,
  relationCase,
  renderAggregation,
  type CameoMapping,
} from '../../core/events/cameo.ts';
import { GDELT_EVENT_COLUMNS, KEPT_COLUMNS } from '../../core/events/gdelt.ts';
import {
  EVENTS_FOLDER,
  LAYER_FILE,
  STORE_FILE,
  formatLayer,
  layerRowFromSql,
  type LayerRow,
} from '../../core/events/layer.ts';
import { formatIssue, IssueSink, sortIssues } from '../../core/pipeline/issues.ts';
import { parseYaml, type SourceFile } from '../../core/pipeline/load.ts';
import { validateAgainstSchema } from '../../core/pipeline/validate.ts';
import { errorCode, fsErrorLine } from '../fsErrors.ts';
import { writeFilesAtomically } from '../writeOutput.ts';

/** A problem with the input: the message names the file (and line) and says what to do. */
export class ImportError extends Error {}

export const SQL_FILE = new URL('../../../sql/gdelt-aggregate.sql', import.meta.url);

/** DuckDB's memory limit unless the command says otherwise. */
export const DEFAULT_MEMORY_LIMIT = '1GB';

export interface ImportOptions {
  dataDir: string;
  files: readonly string[];
  /** Start from an empty layer (after the mapping changed) instead of adding to it. */
  replace?: boolean;
  /** DuckDB's memory_limit, e.g. "1GB". */
  memoryLimit?: string;
  /** DuckDB's threads (default: DuckDB's, one per core). */
  threads?: number;
}

export interface CodeCount {
  code: string;
  events: number;
}

export interface ImportReport {
  files: { path: string; events: number; invalidUtf8Lines: number; firstInvalidLine?: number }[];
  /** Events read from the files. */
  read: number;
  /** Events between two mapped actors with a mapped root, newly counted. */
  added: number;
  /** Of the events that count, those already in the layer or twice in the files. */
  duplicates: number;
  /** Events in the layer now. */
  total: number;
  /** Rows of gdelt.csv (source, relation, target, month). */
  rows: number;
  /** Codes no actors.yaml entry covers, with the events naming them, most frequent first. */
  unmappedActors: CodeCount[];
  unmappedActorCodes: number;
  /** Events between mapped actors whose root code maps to no relation type. */
  unmappedRoots: CodeCount[];
  /** Events whose two actors map to the same actor. */
  sameActor: number;
  memoryLimit: string;
  /** Whether the layer's files changed (false: the same bytes, nothing written). */
  changed: boolean;
}

const MiB = 1024 * 1024;
/** GDELT publishes 15-minute files of a few MiB; a zip of more than this is refused. */
const MAX_ZIP_BYTES = 1024 * MiB;

/** Reads the CAMEO mapping of a data folder: actors.yaml and relation-types.yaml. */
export async function readMapping(dataDir: string): Promise<CameoMapping> {
  const sink = new IssueSink();
  const read = async (name: string): Promise<SourceFile | undefined> => {
    const path = join(dataDir, name);
    try {
      return { path, text: await fs.readFile(path, 'utf8') };
    } catch (e) {
      sink.error(
        path,
        undefined,
        errorCode(e) === 'ENOENT'
          ? 'file not found'
          : fsErrorLine(e, { action: 'read', file: path }),
        'Pass --data the folder that holds actors.yaml and relation-types.yaml (default: graph-data).',
      );
      return undefined;
    }
  };
  const actorsFile = await read('actors.yaml');
  const typesFile = await read('relation-types.yaml');
  const actors = actorsFile && parseYaml(actorsFile, sink);
  const types = typesFile && parseYaml(typesFile, sink);
  const actorsOk = actors && validateAgainstSchema(actors, 'actors', sink);
  const typesOk = types && validateAgainstSchema(types, 'relation-types', sink);
  const mapping = actorsOk && typesOk ? cameoMapping(actors, types, sink) : undefined;
  const errors = sink.issues.filter((i) => i.severity === 'error');
  if (errors.length > 0 || !mapping) {
    throw new ImportError(sortIssues(errors).map(formatIssue).join('\n'));
  }
  return mapping;
}

/** A CSV file DuckDB is to read, with the name the user gave it. */
interface Input {
  path: string;
  shown: string;
  invalidUtf8Lines: number;
  firstInvalidLine?: number;
}

/**
 * Checks an input file and prepares it for DuckDB: it must be a non-empty regular file; a zip
 * is unpacked (its .CSV entries); bytes that are not UTF-8 (GDELT's names hold some) are
 * replaced by U+FFFD in a copy, and the lines counted, rather than refused.
 */
async function prepareInput(path: string, scratch: string, index: number): Promise<Input[]> {
  let stat;
  try {
    stat = await fs.stat(path);
  } catch (e) {
    throw new ImportError(
      errorCode(e) === 'ENOENT'
        ? `${path}: no such file. Check the path (GDELT's event files are named like 20150218230000.export.CSV or .CSV.zip).`
        : fsErrorLine(e, { action: 'read', file: path }),
    );
  }
  if (!stat.isFile()) {
    throw new ImportError(
      `${path}: not a regular file. Name GDELT event files (.CSV or .CSV.zip).`,
    );
  }
  if (stat.size === 0) {
    throw new ImportError(
      `${path}: the file is empty. A GDELT event export has one event a line; download it again.`,
    );
  }
  if (/\.zip$/i.test(path)) {
    if (stat.size > MAX_ZIP_BYTES) {
      throw new ImportError(`${path}: larger than ${MAX_ZIP_BYTES / MiB} MiB; unzip it first.`);
    }
    let entries: Record<string, Uint8Array>;
    try {
      entries = unzipSync(new Uint8Array(await fs.readFile(path)));
    } catch (e) {
      throw new ImportError(
        `${path}: not a readable zip file (${(e as Error).message}). Download it again, or unzip it and import the .CSV.`,
      );
    }
    const csv = Object.keys(entries).filter((name) => /\.csv$/i.test(name));
    if (csv.length === 0) {
      throw new ImportError(
        `${path}: the zip holds no .CSV file (it has ${Object.keys(entries).join(', ') || 'nothing'}).`,
      );
    }
    const inputs: Input[] = [];
    for (const [i, name] of csv.entries()) {
      const bytes = entries[name]!;
      const shown = `${path}:${name}`;
      if (bytes.length === 0) throw new ImportError(`${shown}: the file is empty.`);
      const out = join(scratch, `${index}-${i}.csv`);
      const { bytes: clean, lines, first } = sanitise(bytes);
      await fs.writeFile(out, clean);
      inputs.push({
        path: out,
        shown,
        invalidUtf8Lines: lines,
        ...(first ? { firstInvalidLine: first } : {}),
      });
    }
    return inputs;
  }
  return [await checkUtf8(path, scratch, index)];
}

/** The bytes with every line that is not UTF-8 decoded leniently (U+FFFD), and those lines. */
function sanitise(bytes: Uint8Array): { bytes: Uint8Array; lines: number; first?: number } {
  if (isUtf8(bytes)) return { bytes, lines: 0 };
  const lenient = new TextDecoder('utf-8');
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let lines = 0;
  let first: number | undefined;
  let start = 0;
  let line = 1;
  while (start < bytes.length) {
    let end = bytes.indexOf(10, start);
    if (end < 0) end = bytes.length - 1;
    const part = bytes.subarray(start, end + 1);
    if (isUtf8(part)) parts.push(part);
    else {
      lines++;
      first ??= line;
      parts.push(encoder.encode(lenient.decode(part)));
    }
    start = end + 1;
    line++;
  }
  return { bytes: Buffer.concat(parts), lines, ...(first ? { first } : {}) };
}

/**
 * Whether a CSV file is UTF-8, checked in chunks cut at line ends (a line end is never inside a
 * character); only a file that is not is read whole and copied, sanitised.
 */
async function checkUtf8(path: string, scratch: string, index: number): Promise<Input> {
  const handle = await fs.open(path, constants.O_RDONLY);
  // Read in place: the part after the last line end moves to the front for the next read.
  const buffer = Buffer.alloc(4 * MiB);
  let start = 0;
  let valid: boolean;
  try {
    for (;;) {
      const { bytesRead } = await handle.read(buffer, start, buffer.length - start, null);
      const end = start + bytesRead;
      if (bytesRead === 0) {
        valid = isUtf8(buffer.subarray(0, end));
        break;
      }
      const cut = buffer.lastIndexOf(10, end - 1) + 1;
      // A line longer than the buffer: the whole file is checked line by line below.
      if (cut === 0 && end === buffer.length) {
        valid = false;
        break;
      }
      if (!isUtf8(buffer.subarray(0, cut))) {
        valid = false;
        break;
      }
      buffer.copy(buffer, 0, cut, end);
      start = end - cut;
    }
  } finally {
    await handle.close();
  }
  if (valid) return { path, shown: path, invalidUtf8Lines: 0 };
  const { bytes, lines, first } = sanitise(new Uint8Array(await fs.readFile(path)));
  if (lines === 0) return { path, shown: path, invalidUtf8Lines: 0 };
  const out = join(scratch, `${index}.csv`);
  await fs.writeFile(out, bytes);
  return {
    path: out,
    shown: path,
    invalidUtf8Lines: lines,
    ...(first ? { firstInvalidLine: first } : {}),
  };
}

const SQL_TYPE = { int: 'BIGINT', float: 'DOUBLE', string: 'VARCHAR' } as const;
const KEPT = Object.keys(KEPT_COLUMNS) as (keyof typeof KEPT_COLUMNS)[];
const quoteSql = (s: string) => `'${s.replace(/'/g, "''")}'`;

/** read_csv of a GDELT export: 61 tab-separated columns, no header, no quoting. */
export function readExport(path: string): string {
  const columns = GDELT_EVENT_COLUMNS.map((name) => {
    const kept = (KEPT_COLUMNS as Record<string, 'int' | 'float' | 'string'>)[name];
    return `${quoteSql(name)}: '${kept ? SQL_TYPE[kept] : 'VARCHAR'}'`;
  }).join(', ');
  return `read_csv(${quoteSql(path)}, delim = '\t', header = false, quote = '', escape = '', auto_detect = false, strict_mode = true, columns = {${columns}})`;
}

/** read_csv of the layer's events (gdelt-events.csv), which DuckDB wrote. */
function readStore(path: string): string {
  const columns = KEPT.map((name) => `${quoteSql(name)}: '${SQL_TYPE[KEPT_COLUMNS[name]]}'`).join(
    ', ',
  );
  return `read_csv(${quoteSql(path)}, delim = ',', header = true, quote = '"', escape = '"', auto_detect = false, strict_mode = true, columns = {${columns}})`;
}

/** DuckDB's CSV error as a line of ours: the file, the line and what to do. */
function describeCsvError(error: unknown, shown: string): ImportError {
  const message = error instanceof Error ? error.message : String(error);
  const line = /CSV Error on Line: (\d+)/.exec(message)?.[1];
  const columns = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
  const where = line ? `${shown}:${line}` : shown;
  if (columns) {
    return new ImportError(
      `${where}: ${columns[2]} tab-separated columns where a GDELT 2.0 event export has ${columns[1]}. Is it a GDELT event file (*.export.CSV)? Mentions (*.mentions.CSV) and GKG files have other columns and are not imported.`,
    );
  }
  const conversion = /Could not convert string "([^"]*)" to '(\w+)'/.exec(message);
  const column = /column "?(\w+)"? /i.exec(
    message.split('\n').find((l) => /column/i.test(l)) ?? '',
  );
  if (conversion) {
    return new ImportError(
      `${where}: "${conversion[1]}" is not a number${column ? ` in ${column[1]}` : ''} (a ${conversion[2]}). Is it a GDELT 2.0 event export?`,
    );
  }
  const first = message.split('\n')[0];
  return new ImportError(`${where}: DuckDB could not read it: ${first}`);
}

const toNumber = (v: unknown): number =>
  typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : 0;

/**
 * The import writes only inside the data folder: an events folder that is a link leading
 * elsewhere (a colleague's project could point it at any folder) is refused, not followed.
 */
async function refuseEventsOutside(dataDir: string, eventsDir: string): Promise<void> {
  const real = await fs.realpath(eventsDir).catch((e: unknown) => {
    if (errorCode(e) === 'ENOENT') return undefined;
    throw new ImportError(fsErrorLine(e, { action: 'read', file: eventsDir }));
  });
  if (real === undefined) return;
  const root = await fs.realpath(dataDir);
  if (real !== root && !real.startsWith(root.endsWith(sep) ? root : root + sep))
    throw new ImportError(
      `${eventsDir} leads outside the data folder (to ${real}): the import writes only inside ${dataDir}. Make ${eventsDir} a folder of its own (remove the link), or import into the folder it leads to with --data.`,
    );
}

/** Imports GDELT event files into <dataDir>/events/. Throws ImportError on bad input. */
export async function importGdelt(options: ImportOptions): Promise<ImportReport> {
  const mapping = await readMapping(options.dataDir);
  const template = await fs.readFile(SQL_FILE, 'utf8');
  const eventsDir = join(options.dataDir, EVENTS_FOLDER);
  const storePath = join(eventsDir, STORE_FILE);
  const layerPath = join(eventsDir, LAYER_FILE);
  await refuseEventsOutside(options.dataDir, eventsDir);
  const scratch = await fs.mkdtemp(join(tmpdir(), 'import-gdelt-'));
  const memoryLimit = options.memoryLimit ?? DEFAULT_MEMORY_LIMIT;
  let instance: DuckDBInstance | undefined;
  let connection: DuckDBConnection | undefined;
  try {
    const inputs: Input[] = [];
    for (const [i, path] of options.files.entries()) {
      inputs.push(...(await prepareInput(path, scratch, i)));
    }
    instance = await DuckDBInstance.create(':memory:', {
      memory_limit: memoryLimit,
      temp_directory: join(scratch, 'duckdb'),
      ...(options.threads ? { threads: String(options.threads) } : {}),
    });
    connection = await instance.connect();
    const db = connection;
    const all = async (sql: string) => (await db.runAndReadAll(sql)).getRowObjectsJS();

    const kept = KEPT.map((c) => `${c}`).join(', ');
    const columnsDdl = KEPT.map((c) => `${c} ${SQL_TYPE[KEPT_COLUMNS[c]]}`).join(', ');
    // Each event with the actors and relation type the mapping gives it ('' where none), coded
    // as it is read: one pass over each file.
    const actor1 = actorCase('Actor1Code', mapping.actors);
    const actor2 = actorCase('Actor2Code', mapping.actors);
    const relation = relationCase('EventRootCode', mapping.roots);
    const coded = `${actor1} AS a1, ${actor2} AS a2, ${relation} AS rel`;
    await db.run(
      `CREATE TABLE incoming (${columnsDdl}, file INTEGER, a1 VARCHAR, a2 VARCHAR, rel VARCHAR)`,
    );

    let stored = 0;
    if (!options.replace && (await isFile(storePath))) {
      try {
        await db.run(
          `INSERT INTO incoming SELECT ${kept}, -1, ${coded} FROM ${readStore(storePath)}`,
        );
      } catch (e) {
        const problem = describeCsvError(e, storePath);
        throw new ImportError(
          `${problem.message}\nThe layer's events file is damaged: import every file again with --replace.`,
        );
      }
      stored = toNumber((await all('SELECT count(*) AS n FROM incoming'))[0]!.n);
    }
    const files: ImportReport['files'] = [];
    for (const [i, input] of inputs.entries()) {
      try {
        await db.run(
          `INSERT INTO incoming SELECT ${kept}, ${i}, ${coded} FROM ${readExport(input.path)}`,
        );
      } catch (e) {
        throw describeCsvError(e, input.shown);
      }
      const n = toNumber((await all(`SELECT count(*) AS n FROM incoming WHERE file = ${i}`))[0]!.n);
      files.push({
        path: input.shown,
        events: n,
        invalidUtf8Lines: input.invalidUtf8Lines,
        ...(input.firstInvalidLine ? { firstInvalidLine: input.firstInvalidLine } : {}),
      });
    }

    // The events that count, one per GLOBALEVENTID (the layer's own copy first).
    await db.run(
      `CREATE TABLE events AS SELECT DISTINCT ON (GLOBALEVENTID) ${kept} FROM incoming WHERE GLOBALEVENTID IS NOT NULL AND a1 <> '' AND a2 <> '' AND rel <> '' AND a1 <> a2 ORDER BY GLOBALEVENTID, file`,
    );
    const counting = toNumber(
      (
        await all(
          `SELECT count(*) AS n FROM incoming WHERE file >= 0 AND a1 <> '' AND a2 <> '' AND rel <> '' AND a1 <> a2`,
        )
      )[0]!.n,
    );
    const total = toNumber((await all('SELECT count(*) AS n FROM events'))[0]!.n);

    const aggregated = await all(
      renderAggregation(template, { events: 'events', mapping, dialect: 'duckdb' }),
    );
    const sqlRows = aggregated.map(layerRowFromSql);
    const badMonth = sqlRows.find((r) => r.month === undefined);
    if (badMonth) {
      throw new ImportError(
        `an event between ${badMonth.source} and ${badMonth.target} has no valid MonthYear: is every file a GDELT 2.0 event export?`,
      );
    }
    const rows = sqlRows as LayerRow[];

    const unmappedActors = (
      await all(
        `SELECT code, count(*) AS n FROM (SELECT Actor1Code AS code, a1 AS actor FROM incoming WHERE file >= 0 UNION ALL SELECT Actor2Code, a2 FROM incoming WHERE file >= 0) AS codes WHERE code IS NOT NULL AND code <> '' AND actor = '' GROUP BY code ORDER BY n DESC, code`,
      )
    ).map((r) => ({ code: String(r.code), events: toNumber(r.n) }));
    const unmappedRoots = (
      await all(
        `SELECT EventRootCode AS code, count(*) AS n FROM incoming WHERE file >= 0 AND a1 <> '' AND a2 <> '' AND a1 <> a2 AND rel = '' GROUP BY code ORDER BY n DESC, code`,
      )
    ).map((r) => ({ code: String(r.code ?? ''), events: toNumber(r.n) }));
    const sameActor = toNumber(
      (await all(`SELECT count(*) AS n FROM incoming WHERE file >= 0 AND a1 <> '' AND a1 = a2`))[0]!
        .n,
    );

    const storeOut = join(scratch, STORE_FILE);
    await db.run(
      `COPY (SELECT ${kept} FROM events ORDER BY GLOBALEVENTID) TO ${quoteSql(storeOut)} (FORMAT csv, HEADER true, DELIMITER ',', QUOTE '"', ESCAPE '"')`,
    );
    const store = await fs.readFile(storeOut, 'utf8');
    const layer = formatLayer(rows);
    const changed =
      (await readOrUndefined(storePath)) !== store || (await readOrUndefined(layerPath)) !== layer;
    if (changed) {
      await writeFilesAtomically(eventsDir, { [STORE_FILE]: store, [LAYER_FILE]: layer });
    }
    const read = files.reduce((n, f) => n + f.events, 0);
    const added = total - (options.replace ? 0 : stored);
    return {
      files,
      read,
      added,
      duplicates: counting - added,
      total,
      rows: rows.length,
      unmappedActors: unmappedActors.slice(0, 20),
      unmappedActorCodes: unmappedActors.length,
      unmappedRoots,
      sameActor,
      memoryLimit,
      changed,
    };
  } finally {
    connection?.closeSync();
    instance?.closeSync();
    await fs.rm(scratch, { recursive: true, force: true });
  }
}

async function isFile(path: string): Promise<boolean> {
  return fs.stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

async function readOrUndefined(path: string): Promise<string | undefined> {
  return fs.readFile(path, 'utf8').catch(() => undefined);
}
