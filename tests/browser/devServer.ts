/**
 * vite's dev server (`npm start`: the explorer with the annotation workbench) on a temporary
 * copy of graph-data, for the browser tests: the seed's data without its build and its GDELT
 * layer, on a free loopback port.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { ROOT } from '../helpers/run.ts';

export interface DevServer {
  base: string;
  /** The data folder the workbench reads and writes. */
  data: string;
  close(): Promise<void>;
}

export async function startDevServer(options: { freshCache?: boolean } = {}): Promise<DevServer> {
  const work = mkdtempSync(join(tmpdir(), 'actor-graph-dev-'));
  const data = join(work, 'graph-data');
  cpSync(join(ROOT, 'graph-data'), data, {
    recursive: true,
    // Only the data: the build is made again, and a GDELT layer is not the seed's.
    filter: (source) => !/[/\\](build|events)$/.test(source),
  });
  process.env.ANNOTATE_DATA = data;
  /** The server stopped, its folder removed, the variable the workbench reads unset. */
  const cleanUp = async (running: ViteDevServer | undefined) => {
    delete process.env.ANNOTATE_DATA;
    await running?.close();
    rmSync(work, { recursive: true, force: true });
  };
  let server: ViteDevServer | undefined;
  let port: number;
  try {
    server = await createServer({
      root: ROOT,
      configFile: join(ROOT, 'vite.config.ts'),
      // An empty dependency cache of its own: what a fresh clone has.
      ...(options.freshCache ? { cacheDir: join(work, 'vite-cache') } : {}),
      logLevel: 'warn',
      server: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
    });
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('The dev server has no port');
    port = address.port;
  } catch (error) {
    // Nothing left behind.
    await cleanUp(server);
    throw error;
  }
  const running = server;
  return { base: `http://127.0.0.1:${port}/`, data, close: () => cleanUp(running) };
}
