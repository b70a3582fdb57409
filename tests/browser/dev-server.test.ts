/**
 * `npm start`'s dev server, started as a fresh clone starts it (an empty dependency cache):
 * opening what the page loads on first use (filters, analysis and its worker, layout and
 * export, an actor's panel, the statements) must not make vite discover a dependency late and
 * reload the page, which would lose what the user was doing (a half-filled form).
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/run.ts';
import { desktopPageForFile, openExplorer } from './page.ts';

let server: ViteDevServer;
let base: string;
let work: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'actor-graph-dev-'));
  const data = join(work, 'graph-data');
  cpSync(join(ROOT, 'graph-data'), data, {
    recursive: true,
    filter: (source) => !/[/\\](build|events)$/.test(source),
  });
  process.env.ANNOTATE_DATA = data;
  server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    // Its own dependency cache, empty: what a fresh clone has.
    cacheDir: join(work, 'vite-cache'),
    logLevel: 'warn',
    server: { port: 0, strictPort: false, host: '127.0.0.1', open: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('The dev server has no port');
  base = `http://127.0.0.1:${address.port}/`;
}, 180_000);

afterAll(async () => {
  delete process.env.ANNOTATE_DATA;
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

const page = desktopPageForFile();

describe('the dev server on an empty dependency cache', () => {
  it('loads every part used later without reloading the page', async () => {
    const p = page();
    await openExplorer(p, base);
    await p.waitForSelector('body[data-workbench="ready"]');
    // A reload clears what the page's window holds (the address changing with the selection
    // is no reload).
    await p.evaluate(() => {
      (window as unknown as { stayed: boolean }).stayed = true;
    });
    await p.getByText('Filters: statements, actors, articles').click();
    await p.getByText('Analysis: balance, paths, metrics').click();
    await p.locator('.analysis[aria-busy="false"]').waitFor({ timeout: 30_000 });
    await p.getByText('Layout and export').click();
    await p.getByRole('button', { name: 'Run layout' }).waitFor();
    await p.evaluate(() => window.app!.explorer.selectEdge('cooperates-with:russia:united-states'));
    await p.locator('.statements .statement').first().waitFor();
    // Time for a late discovery to be bundled and the reload it asks for to come.
    await p.waitForTimeout(3000);
    expect(await p.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
  });
});
