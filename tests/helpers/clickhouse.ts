/**
 * ClickHouse servers for the interop suite: each a plain process (Debian's clickhouse-server
 * 18.16) with a config of ours in a temporary folder, listening on loopback ports only, and
 * stopped by its process id. The servers together form the cluster "gdelt", one shard each.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const CLICKHOUSE_SERVER =
  process.env.CLICKHOUSE_SERVER ??
  ['/usr/sbin/clickhouse-server', '/usr/bin/clickhouse-server'].find((p) => existsSync(p)) ??
  'clickhouse-server';

/** What is missing to run ClickHouse, or undefined. */
export function missingClickHouse(): string | undefined {
  const run = spawnSync(CLICKHOUSE_SERVER, ['--version'], { encoding: 'utf8', timeout: 20_000 });
  if (run.error) {
    return `clickhouse-server is not installed (${CLICKHOUSE_SERVER}: ${run.error.message}). Debian: apt-get install clickhouse-server clickhouse-client; or set CLICKHOUSE_SERVER.`;
  }
  return undefined;
}

/** A free TCP port on 127.0.0.1, as the system hands one out. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

export interface ClickHouseServer {
  pid: number;
  http: number;
  tcp: number;
  dir: string;
  /** Runs a query over HTTP; `body` is sent as the data of an INSERT. */
  query(sql: string, body?: string): Promise<string>;
}

export interface ClickHouseCluster {
  servers: ClickHouseServer[];
  /** Stops every server by its pid and removes their folders. */
  stop(): Promise<void>;
}

const USERS = `<?xml version="1.0"?>
<yandex>
  <profiles><default><max_memory_usage>2000000000</max_memory_usage></default></profiles>
  <users>
    <default>
      <password></password>
      <networks><ip>127.0.0.1</ip><ip>::1</ip></networks>
      <profile>default</profile>
      <quota>default</quota>
    </default>
  </users>
  <quotas><default><interval><duration>3600</duration><queries>0</queries><errors>0</errors><result_rows>0</result_rows><read_rows>0</read_rows><execution_time>0</execution_time></interval></default></quotas>
</yandex>
`;

function config(dir: string, http: number, tcp: number, shards: number[]): string {
  const shardXml = shards
    .map(
      (port) =>
        `      <shard><replica><host>127.0.0.1</host><port>${port}</port></replica></shard>`,
    )
    .join('\n');
  return `<?xml version="1.0"?>
<yandex>
  <logger><level>warning</level><log>${dir}/server.log</log><errorlog>${dir}/error.log</errorlog><console>0</console></logger>
  <listen_host>127.0.0.1</listen_host>
  <http_port>${http}</http_port>
  <tcp_port>${tcp}</tcp_port>
  <path>${dir}/data/</path>
  <tmp_path>${dir}/tmp/</tmp_path>
  <user_files_path>${dir}/user_files/</user_files_path>
  <format_schema_path>${dir}/format_schemas/</format_schema_path>
  <users_config>${dir}/users.xml</users_config>
  <default_profile>default</default_profile>
  <default_database>default</default_database>
  <mark_cache_size>268435456</mark_cache_size>
  <max_concurrent_queries>20</max_concurrent_queries>
  <remote_servers>
    <gdelt>
${shardXml}
    </gdelt>
  </remote_servers>
</yandex>
`;
}

async function query(http: number, sql: string, body?: string): Promise<string> {
  const response = await fetch(`http://127.0.0.1:${http}/?query=${encodeURIComponent(sql)}`, {
    method: 'POST',
    body: body ?? '',
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`ClickHouse on port ${http}: ${text.trim()}`);
  return text;
}

/** Starts `count` servers on loopback as the shards of one cluster, "gdelt". */
export async function startCluster(count: number): Promise<ClickHouseCluster> {
  const root = mkdtempSync(join(tmpdir(), 'actor-graph-clickhouse-'));
  const ports = [];
  for (let i = 0; i < count; i++) ports.push({ http: await freePort(), tcp: await freePort() });
  const children: ChildProcess[] = [];
  const servers: ClickHouseServer[] = [];
  const stop = async () => {
    await Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) {
              resolve();
              return;
            }
            const timer = setTimeout(() => {
              try {
                process.kill(child.pid!, 'SIGKILL');
              } catch {
                /* gone */
              }
            }, 15_000);
            child.once('exit', () => {
              clearTimeout(timer);
              resolve();
            });
            process.kill(child.pid!, 'SIGTERM');
          }),
      ),
    );
    rmSync(root, { recursive: true, force: true });
  };
  try {
    for (const [i, { http, tcp }] of ports.entries()) {
      const dir = join(root, `shard${i + 1}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, 'users.xml'), USERS);
      writeFileSync(
        join(dir, 'config.xml'),
        config(
          dir,
          http,
          tcp,
          ports.map((p) => p.tcp),
        ),
      );
      const child = spawn(CLICKHOUSE_SERVER, [`--config-file=${join(dir, 'config.xml')}`], {
        cwd: dir,
        stdio: 'ignore',
      });
      children.push(child);
      servers.push({
        pid: child.pid!,
        http,
        tcp,
        dir,
        query: (sql, body) => query(http, sql, body),
      });
    }
    for (const server of servers) {
      const deadline = Date.now() + 60_000;
      for (;;) {
        try {
          if ((await server.query('SELECT 1')).trim() === '1') break;
        } catch {
          /* not up yet */
        }
        const child = children[servers.indexOf(server)]!;
        if (child.exitCode !== null || Date.now() > deadline) {
          const log = join(server.dir, 'error.log');
          throw new Error(
            `clickhouse-server (pid ${server.pid}) did not start on 127.0.0.1:${server.http}: ${existsSync(log) ? readFileSync(log, 'utf8').slice(-2000) : 'no log'}`,
          );
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return { servers, stop };
}
