/**
 * The distributed path: the one aggregation, sql/gdelt-aggregate.sql, on a ClickHouse cluster of
 * two shards (two clickhouse-server processes on loopback, a Distributed table over them) gives
 * the rows DuckDB gives, row for row, on the shared GDELT 2.0 export split across the shards; and
 * those rows are the layer npm run import:gdelt writes. Needs clickhouse-server (Debian:
 * clickhouse-server, version 18.16; CLICKHOUSE_SERVER names another) and the GDELT file
 * (GDELT_EVENTS, default ../shared/event-data/gdelt/20150218230000.export.CSV); without them the
 * test fails, saying what is missing.
 */
import { mkdtempSync, readFileSync, readdirSync, existsSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderAggregation, type CameoMapping } from '../../src/core/events/cameo.ts';
import { GDELT_EVENT_COLUMNS, KEPT_COLUMNS } from '../../src/core/events/gdelt.ts';
import { formatLayer, layerRowFromSql, type LayerRow } from '../../src/core/events/layer.ts';
import { importGdelt, readMapping, SQL_FILE } from '../../src/node/events/importGdelt.ts';
import { missingClickHouse, startCluster, type ClickHouseCluster } from '../helpers/clickhouse.ts';
import { ROOT } from '../helpers/run.ts';

const GDELT_DIR = resolve(ROOT, '../shared/event-data/gdelt');
const GDELT =
  process.env.GDELT_EVENTS ??
  (existsSync(GDELT_DIR)
    ? join(GDELT_DIR, readdirSync(GDELT_DIR).find((f) => /\.export\.CSV$/i.test(f)) ?? 'none')
    : join(GDELT_DIR, 'none'));

const CLICKHOUSE_TYPE = { int: 'Int64', float: 'Float64', string: 'String' } as const;

describe('sql/gdelt-aggregate.sql on a two-shard ClickHouse cluster', () => {
  let cluster: ClickHouseCluster | undefined;
  let mapping: CameoMapping;
  let template: string;

  beforeAll(async () => {
    const missing = [
      missingClickHouse(),
      existsSync(GDELT)
        ? undefined
        : `the GDELT 2.0 event export is not at ${GDELT}; set GDELT_EVENTS to one (*.export.CSV)`,
    ].filter(Boolean);
    if (missing.length > 0)
      throw new Error(`Cannot run the ClickHouse check: ${missing.join('; ')}`);
    mapping = await readMapping(join(ROOT, 'graph-data'));
    template = readFileSync(SQL_FILE, 'utf8');
    cluster = await startCluster(2);
  });

  afterAll(async () => {
    await cluster?.stop();
  });

  it("gives DuckDB's rows, row for row, through a Distributed table, and the import's layer", async () => {
    const [a, b] = cluster!.servers as [
      NonNullable<typeof cluster>['servers'][number],
      NonNullable<typeof cluster>['servers'][number],
    ];
    // GDELT's 61 columns with their codebook names; the ones the aggregation reads typed.
    const columns = GDELT_EVENT_COLUMNS.map((name) => {
      const kept = (KEPT_COLUMNS as Record<string, keyof typeof CLICKHOUSE_TYPE>)[name];
      return `${name} ${kept ? CLICKHOUSE_TYPE[kept] : 'String'}`;
    }).join(', ');
    for (const server of [a, b]) {
      await server.query(
        `CREATE TABLE events_local (${columns}) ENGINE = MergeTree() ORDER BY GLOBALEVENTID`,
      );
      await server.query(
        'CREATE TABLE events_all AS events_local ENGINE = Distributed(gdelt, default, events_local, rand())',
      );
    }
    // The shared file split across the shards: every other line to each.
    const lines = readFileSync(GDELT, 'utf8')
      .split('\n')
      .filter((l) => l !== '');
    const halves = [lines.filter((_l, i) => i % 2 === 0), lines.filter((_l, i) => i % 2 === 1)];
    await a.query('INSERT INTO events_local FORMAT TabSeparated', `${halves[0]!.join('\n')}\n`);
    await b.query('INSERT INTO events_local FORMAT TabSeparated', `${halves[1]!.join('\n')}\n`);
    expect(Number((await a.query('SELECT count() FROM events_local')).trim())).toBe(
      halves[0]!.length,
    );
    expect(Number((await b.query('SELECT count() FROM events_local')).trim())).toBe(
      halves[1]!.length,
    );
    expect(Number((await a.query('SELECT count() FROM events_all')).trim())).toBe(lines.length);

    const sql = renderAggregation(template, {
      events: 'events_all',
      mapping,
      dialect: 'clickhouse',
    });
    const clickhouse = (
      JSON.parse(await a.query(`${sql} FORMAT JSON`)) as { data: Record<string, unknown>[] }
    ).data.map(layerRowFromSql);
    // The same from the other shard's server.
    const fromB = (
      JSON.parse(await b.query(`${sql} FORMAT JSON`)) as { data: Record<string, unknown>[] }
    ).data.map(layerRowFromSql);
    expect(fromB).toEqual(clickhouse);

    // DuckDB: the same file, the same SQL, its own dialect.
    const instance = await DuckDBInstance.create(':memory:');
    const db = await instance.connect();
    const duckColumns = GDELT_EVENT_COLUMNS.map((name) => {
      const kept = (KEPT_COLUMNS as Record<string, string>)[name];
      return `'${name}': '${kept === 'int' ? 'BIGINT' : kept === 'float' ? 'DOUBLE' : 'VARCHAR'}'`;
    }).join(', ');
    await db.run(
      `CREATE TABLE events AS SELECT * FROM read_csv('${GDELT.replace(/'/g, "''")}', delim = '\t', header = false, quote = '', escape = '', auto_detect = false, columns = {${duckColumns}})`,
    );
    const duckdb = (
      await db.runAndReadAll(
        renderAggregation(template, { events: 'events', mapping, dialect: 'duckdb' }),
      )
    )
      .getRowObjectsJS()
      .map(layerRowFromSql);
    db.closeSync();
    instance.closeSync();

    expect(clickhouse.length).toBeGreaterThan(5);
    expect(clickhouse).toEqual(duckdb);

    // And the layer the import writes from the same file is those rows.
    const data = mkdtempSync(join(tmpdir(), 'actor-graph-gdelt-'));
    cpSync(join(ROOT, 'graph-data', 'actors.yaml'), join(data, 'actors.yaml'));
    cpSync(join(ROOT, 'graph-data', 'relation-types.yaml'), join(data, 'relation-types.yaml'));
    await importGdelt({ dataDir: data, files: [GDELT] });
    expect(readFileSync(join(data, 'events', 'gdelt.csv'), 'utf8')).toBe(
      formatLayer(clickhouse as LayerRow[]),
    );
  });
});
