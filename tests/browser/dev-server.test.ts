/**
 * `npm start`'s dev server, started as a fresh clone starts it (an empty dependency cache):
 * opening what the page loads on first use (filters, analysis and its worker, layout and
 * export, an actor's panel, the statements) must not make vite discover a dependency late and
 * reload the page, which would lose what the user was doing (a half-filled form).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDevServer, type DevServer } from './devServer.ts';
import { desktopPageForFile, openExplorer } from './page.ts';

let server: DevServer;

beforeAll(async () => {
  server = await startDevServer({ freshCache: true });
}, 180_000);

afterAll(async () => {
  await server?.close();
});

const page = desktopPageForFile();

describe('the dev server on an empty dependency cache', () => {
  it('loads every part used later without reloading the page', async () => {
    const p = page();
    await openExplorer(p, server.base);
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
