import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Flags that work on our build machines (see DESIGN.md); the closed network needs the last four. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

const SYSTEM_BROWSERS = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
];

/**
 * Starts headless Chromium for the browser tests and the benchmark: the browser named by CHROME_PATH, else a
 * system Chrome or Chromium, else the Chromium that @sparticuz/chromium ships inside its npm
 * package (so a fresh machine needs no system browser). BROWSER=bundled skips the system
 * browsers. Throws, never skips, when no browser starts.
 */
export async function launchBrowser(): Promise<Browser> {
  const tried: string[] = [];
  const candidates: (() => Promise<{ name: string; path: string; args: string[] }>)[] = [];
  if (process.env.CHROME_PATH) {
    const path = process.env.CHROME_PATH;
    candidates.push(async () => ({ name: `CHROME_PATH (${path})`, path, args: CHROMIUM_FLAGS }));
  }
  if (process.env.BROWSER !== 'bundled') {
    for (const path of SYSTEM_BROWSERS.filter((p) => existsSync(p))) {
      candidates.push(async () => ({ name: path, path, args: CHROMIUM_FLAGS }));
    }
  }
  candidates.push(async () => {
    const { default: bundled } = await import('@sparticuz/chromium');
    // Its own flags (software WebGL through SwiftShader, no zygote) plus ours for the closed
    // network; not --single-process, with which closing the last page ends the browser.
    const args = [
      ...new Set([
        ...bundled.args.filter((a) => !a.startsWith('--headless') && a !== '--single-process'),
        ...CHROMIUM_FLAGS,
      ]),
    ];
    return { name: '@sparticuz/chromium', path: await bundled.executablePath(), args };
  });

  for (const candidate of candidates) {
    let name = 'a candidate';
    try {
      const c = await candidate();
      name = c.name;
      return await chromium.launch({
        executablePath: c.path,
        args: c.args,
        headless: true,
        timeout: 60_000,
      });
    } catch (error) {
      tried.push(`${name}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  throw new Error(
    `No browser could be started for the browser tests. Tried:\n  ${tried.join('\n  ')}\n` +
      'Run "npm ci" (it installs @sparticuz/chromium), or install Chromium, or set CHROME_PATH.',
  );
}
