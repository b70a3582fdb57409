/**
 * The workbench in vite's dev server (annotatePlugin): the page gets the annotate-api meta, the
 * API answers through vite's middleware, a save does not make vite reload the page (the data
 * files are not watched; the build folder is, and its new files are served, without a reload),
 * and neither `vite build` nor `vite preview` has the plugin.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, createServer, resolveConfig, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANNOTATE_HEADER, type ChangeResult } from '../../src/core/annotate/api.ts';
import { buildGraph } from '../../src/core/pipeline/buildGraph.ts';
import { ANNOTATE_PLUGIN, annotatePlugin } from '../../src/node/annotate/vitePlugin.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { writeGraphOutput } from '../../src/node/writeOutput.ts';
import { smallDataset, writeDataset } from '../helpers/dataset.ts';
import { ROOT } from '../helpers/run.ts';

const CONFIG = join(ROOT, 'vite.config.ts');

/**
 * A GET as the page sends it (with the workbench's header), `headers` added; `page: false`
 * leaves the header out, as another site's page would.
 */
function get(port: number, path: string, headers: Record<string, string> = {}, page = true) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const options = {
      host: '127.0.0.1',
      port,
      path,
      headers: page ? { [ANNOTATE_HEADER]: '1', ...headers } : headers,
    };
    const req = httpRequest(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function postJson(port: number, path: string, body: unknown) {
  return new Promise<{ status: number; text: string }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'POST',
        headers: {
          'Content-Type': 'application/json',
          Origin: `http://127.0.0.1:${port}`,
          [ANNOTATE_HEADER]: '1',
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode!, text: Buffer.concat(chunks).toString('utf8') }),
        );
      },
    );
    req.on('error', reject);
    req.end(JSON.stringify(body));
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('annotatePlugin in the dev server', () => {
  let dir: string;
  let server: ViteDevServer;
  let port: number;
  const sent: unknown[] = [];
  const watched: string[] = [];

  beforeAll(async () => {
    const files = smallDataset();
    files['articles/a1.txt'] += 'Ann Minister met Betaburg officials on Monday.\n';
    dir = writeDataset(files);
    // As npm start does: the build first, then the server.
    const read = await readDataDir(dir);
    const built = buildGraph(read.files, { layout: { iterations: 10 } });
    await writeGraphOutput(join(dir, 'build'), built.graph!, built.texts!);
    server = await createServer({
      root: ROOT,
      configFile: false,
      mode: 'development',
      logLevel: 'silent',
      publicDir: join(dir, 'build'),
      plugins: [annotatePlugin({ dataDir: dir })],
      server: { host: '127.0.0.1', port: 0, open: false },
    });
    await server.listen();
    port = (server.httpServer!.address() as { port: number }).port;
    // Every message vite sends the page (a full reload would be one).
    for (const channel of [server.ws, server.environments.client.hot]) {
      const original = channel.send.bind(channel) as (...args: unknown[]) => void;
      (channel as { send: (...args: unknown[]) => void }).send = (...args: unknown[]) => {
        sent.push(args[0]);
        original(...args);
      };
    }
    server.watcher.on('all', (_event, path) => watched.push(path));
  });

  afterAll(async () => {
    await server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('puts the annotate-api meta in the page', async () => {
    const page = await get(port, '/');
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/<meta name="annotate-api" content="api\/annotate\/">/);
  });

  it('saves through vite, and vite neither reloads the page nor watches the data files', async () => {
    const state = JSON.parse((await get(port, '/api/annotate/state')).text) as {
      versions: Record<string, string>;
    };
    const answer = await postJson(port, '/api/annotate/change', {
      changes: [
        {
          kind: 'add-relation',
          article: 'a1',
          relation: {
            source: 'Ann Minister',
            type: 'cooperates-with',
            target: 'Betaburg',
            quote: 'Ann Minister met Betaburg officials on Monday.',
          },
        },
      ],
      versions: state.versions,
    });
    expect(answer.status, answer.text).toBe(200);
    const result = JSON.parse(answer.text) as ChangeResult;
    expect(result.state.graphVersion).toBe(2);

    // The new texts file reaches vite's public files (as a reload would ask for it).
    const graph = JSON.parse(readFileSync(join(dir, 'build', 'graph.json'), 'utf8')) as {
      attributes: { texts: string };
    };
    let texts = { status: 0, text: '' };
    for (let i = 0; i < 50 && texts.status !== 200; i++) {
      await sleep(100);
      texts = await get(port, `/${graph.attributes.texts}`);
    }
    expect(texts.status).toBe(200);
    expect(texts.text).toContain('Ann Minister met Betaburg');
    expect((await get(port, '/graph.json')).text).toBe(
      readFileSync(join(dir, 'build', 'graph.json'), 'utf8'),
    );
    await sleep(500);
    expect(watched.some((p) => p.endsWith(join('build', 'graph.json')))).toBe(true);
    expect(watched.filter((p) => p.includes(join(dir, 'articles')))).toEqual([]);
    expect(sent.filter((m) => (m as { type?: string }).type === 'full-reload')).toEqual([]);
  });

  it('tells vite not to watch the data files, only the build folder', () => {
    const ignored = [server.config.server.watch?.ignored ?? []].flat();
    const ignores = (path: string) =>
      ignored.some((rule) => typeof rule === 'function' && rule(path));
    for (const file of [
      'articles/a1.yaml',
      'articles/a1.txt',
      'actors.yaml',
      'actors.yaml.12.tmp',
    ]) {
      expect(ignores(join(dir, file)), file).toBe(true);
    }
    for (const file of ['build', 'build/graph.json', 'build/articles.0123456789abcdef.json']) {
      expect(ignores(join(dir, file)), file).toBe(false);
    }
    expect(ignores(dir)).toBe(false);
    expect(ignores(join(ROOT, 'src/app/main.ts'))).toBe(false);
  });

  it('answers only loopback hosts through vite too', async () => {
    expect((await get(port, '/api/annotate/state', { Host: `evil.example:${port}` })).status).toBe(
      403,
    );
  });

  it(`answers only requests with ${ANNOTATE_HEADER} through vite too`, async () => {
    const bare = await get(port, '/api/annotate/state', {}, false);
    expect(bare.status, bare.text).toBe(403);
    expect(bare.text).toContain(ANNOTATE_HEADER);
    expect((await get(port, '/api/annotate/state')).status).toBe(200);
  });
});

function preflight(port: number, path: string, method = 'OPTIONS') {
  return new Promise<{ status: number; headers: Record<string, unknown> }>((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method,
        headers: {
          Origin: 'http://localhost:5173',
          'Access-Control-Request-Method': 'POST',
          'Access-Control-Request-Headers': `content-type, ${ANNOTATE_HEADER.toLowerCase()}`,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

describe('vite.config.ts: no CORS', () => {
  let dir: string;
  let server: ViteDevServer;
  let port: number;
  const before = process.env.ANNOTATE_DATA;

  beforeAll(async () => {
    dir = writeDataset(smallDataset());
    process.env.ANNOTATE_DATA = dir;
    server = await createServer({
      root: ROOT,
      configFile: CONFIG,
      mode: 'development',
      logLevel: 'silent',
      server: { port: 0, open: false },
    });
    await server.listen();
    port = (server.httpServer!.address() as { port: number }).port;
  });

  afterAll(async () => {
    await server.close();
    if (before === undefined) delete process.env.ANNOTATE_DATA;
    else process.env.ANNOTATE_DATA = before;
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers no preflight of another localhost origin, and serves nothing to it', async () => {
    expect(server.config.server.cors).toBe(false);
    expect(server.config.preview.cors).toBe(false);
    const answer = await preflight(port, '/api/annotate/change');
    expect(answer.headers['access-control-allow-origin']).toBeUndefined();
    for (const path of ['/src/app/main.ts', '/api/annotate/state']) {
      const got = await preflight(port, path, 'GET');
      expect(got.headers['access-control-allow-origin'], path).toBeUndefined();
    }
  });
});

describe('annotatePlugin outside the dev server', () => {
  const names = async (...args: Parameters<typeof resolveConfig>) =>
    (await resolveConfig(...args)).plugins.map((p) => p.name);

  it('is in the dev server of vite.config.ts, not in its build, preview or vitest', async () => {
    const inline = { configFile: CONFIG, root: ROOT, logLevel: 'silent' as const };
    expect(await names(inline, 'serve', 'development')).toContain(ANNOTATE_PLUGIN);
    expect(await names(inline, 'build', 'production')).not.toContain(ANNOTATE_PLUGIN);
    expect(await names(inline, 'serve', 'production', 'production', true)).not.toContain(
      ANNOTATE_PLUGIN,
    );
    expect(await names({ ...inline, mode: 'test' }, 'serve', 'test')).not.toContain(
      ANNOTATE_PLUGIN,
    );
  });

  it('leaves the built page without the annotate-api meta', async () => {
    const out = mkdtempSync(join(tmpdir(), 'actor-graph-site-'));
    try {
      await build({
        root: ROOT,
        configFile: CONFIG,
        logLevel: 'silent',
        publicDir: false,
        build: { outDir: out, emptyOutDir: true, sourcemap: false },
      });
      const html = readFileSync(join(out, 'index.html'), 'utf8');
      expect(html).toContain('<title>');
      expect(html).not.toContain('annotate-api');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 120_000);
});
