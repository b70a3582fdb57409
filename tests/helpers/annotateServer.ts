/**
 * The workbench's API over real HTTP for the annotate-server tests: a temporary copy of a
 * dataset, the workbench on it, the API on node:http at 127.0.0.1:0, and requests to it.
 *
 * One server at a time: startAnnotateServer makes it the one that send, post, get, state,
 * change and snapshot talk to, until stopAnnotateServer (each test file has its own copy of
 * this module, and runs its tests one after another).
 */
import { request as httpRequest, createServer, type Server } from 'node:http';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative } from 'node:path';
import {
  ANNOTATE_HEADER,
  type ApiFailure,
  type Change,
  type ChangeResult,
  type WorkbenchState,
} from '../../src/core/annotate/api.ts';
import { annotateApi } from '../../src/node/annotate/api.ts';
import { Workbench } from '../../src/node/annotate/workbench.ts';
import { smallDataset, writeDataset } from './dataset.ts';

/** The small dataset, with comments and a sentence no relation quotes yet. */
export function commentedDataset(): Record<string, string> {
  const files = smallDataset();
  files['articles/a1.txt'] += 'Ann Minister met Betaburg officials on Monday.\n';
  files['articles/a1.yaml'] = files['articles/a1.yaml']!.replace(
    'relations:\n',
    '# Checked by hand.\nrelations:  # in text order\n',
  ).replace('  - source: Minister\n', '  # The call:\n  - source: Minister\n');
  return files;
}

/** A relation commentedDataset's a1 can take: its quote is the sentence no relation quotes. */
export const NEW_RELATION = {
  source: 'Ann Minister',
  type: 'cooperates-with',
  target: 'Betaburg',
  quote: 'Ann Minister met Betaburg officials on Monday.',
};

export interface Answer<T = unknown> {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body parsed as JSON, or its text when it is not JSON. */
  body: T;
  text: string;
}

export interface AnnotateServer {
  /** The temporary data folder. */
  dir: string;
  port: number;
  workbench: Workbench;
  server: Server;
}

let current: AnnotateServer | undefined;

const running = (): AnnotateServer => {
  if (!current) throw new Error('no annotate server: call startAnnotateServer first');
  return current;
};

/**
 * The files written to a temporary folder, the workbench opened on it and the API served on
 * 127.0.0.1 (any free port); what is not the API is answered 418.
 */
export async function startAnnotateServer(files: Record<string, string>): Promise<AnnotateServer> {
  return serve(writeDataset(files), { iterations: 20 });
}

/** The server closed, and the workbench opened again on the same folder and served anew. */
export async function restartAnnotateServer(layout: {
  iterations: number;
}): Promise<AnnotateServer> {
  const { server, dir } = running();
  await new Promise((resolve) => server.close(resolve));
  return serve(dir, layout);
}

async function serve(dir: string, layout: { iterations: number }): Promise<AnnotateServer> {
  const workbench = await Workbench.open({ dataDir: dir, startLayout: 'full', layout });
  const api = annotateApi({ workbench });
  const server = createServer((req, res) =>
    api(req, res, () => {
      res.statusCode = 418;
      res.end('not the API');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  current = { dir, port, workbench, server };
  return current;
}

/** The server closed and its data folder removed. */
export async function stopAnnotateServer(): Promise<void> {
  const { server, dir } = running();
  current = undefined;
  await new Promise((resolve) => server.close(resolve));
  rmSync(dir, { recursive: true, force: true });
}

/**
 * A request as a browser (or anyone) could send it; headers override the page's own (its
 * ANNOTATE_HEADER, and Content-Type with a body); a header given as undefined is not sent.
 */
export function send<T = unknown>(
  method: string,
  path: string,
  options: { body?: string | Buffer; headers?: Record<string, string | undefined> } = {},
): Promise<Answer<T>> {
  const { port } = running();
  const headers = Object.fromEntries(
    Object.entries({
      [ANNOTATE_HEADER]: '1',
      ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      ...options.headers,
    }).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        method,
        path: `/api/annotate/${path}`,
        headers,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let body: unknown = text;
          try {
            body = JSON.parse(text);
          } catch {
            /* Not JSON: the test says so. */
          }
          resolve({ status: res.statusCode!, headers: res.headers, body: body as T, text });
        });
      },
    );
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

export const get = <T = unknown>(path: string) => send<T>('GET', path);

export const post = <T = ChangeResult | ApiFailure>(
  path: string,
  value: unknown,
  headers?: Record<string, string | undefined>,
) => send<T>('POST', path, { body: JSON.stringify(value), headers: headers ?? {} });

export async function state(): Promise<WorkbenchState> {
  return (await get<WorkbenchState>('state')).body;
}

/** A change request with the versions the page has read. */
export async function change(...changes: Change[]): Promise<Answer<ChangeResult | ApiFailure>> {
  return post('change', { changes, versions: (await state()).versions });
}

/** Every file under the data folder (build included), by relative path. */
export function snapshot(): Record<string, string> {
  const { dir } = running();
  const out: Record<string, string> = {};
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else out[relative(dir, path)] = readFileSync(path, 'latin1');
    }
  };
  walk(dir);
  return out;
}
