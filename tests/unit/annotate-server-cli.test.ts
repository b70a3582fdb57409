/**
 * npm run annotate as a process: its errors (no folder, data that does not build, a bad port)
 * and a start on a temporary folder, whose API answers on 127.0.0.1.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ANNOTATE_HEADER } from '../../src/core/annotate/api.ts';
import { smallDataset, writeDataset } from '../helpers/dataset.ts';
import { ROOT, runScript } from '../helpers/run.ts';

const folders: string[] = [];
afterEach(() => {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm run annotate', () => {
  it('refuses a missing folder, a file, and data that does not build, exit 1', () => {
    const missing = runScript('annotate.ts', ['--data', '/nonexistent/graph-data', '--no-open']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/the data folder \/nonexistent\/graph-data does not exist/);

    const files = smallDataset();
    files['articles/a1.yaml'] = files['articles/a1.yaml']!.replace('type: opposes', 'type: bribes');
    const broken = writeDataset(files);
    folders.push(broken);
    const run = runScript('annotate.ts', ['--data', broken, '--no-open']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/bribes/);
    expect(run.stderr).toMatch(/Build failed: 1 error/);

    const file = runScript('annotate.ts', ['--data', join(broken, 'actors.yaml'), '--no-open']);
    expect(file.status).toBe(1);
    expect(file.stderr).toMatch(/is a file, not a folder/);
  });

  it('refuses a port that is not one, with the usage (exit 2)', () => {
    const run = runScript('annotate.ts', ['--port', 'http', '--no-open']);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--port must be a port number/);
    expect(run.stderr).toMatch(/Usage: npm run annotate/);
  });

  it('builds the folder and serves the page with the workbench on 127.0.0.1', async () => {
    const dir = writeDataset(smallDataset());
    folders.push(dir);
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(ROOT, 'scripts/annotate.ts'),
        '--data',
        dir,
        '--port',
        '0',
        '--no-open',
      ],
      { cwd: ROOT, env: { ...process.env, NO_COLOR: '1' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let err = '';
        const timer = setTimeout(() => reject(new Error(`no URL in 60 s: ${out}${err}`)), 60_000);
        child.stdout.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
          if (m) {
            clearTimeout(timer);
            resolve(m[0]);
          }
        });
        child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
        child.on('exit', (code) => reject(new Error(`exited ${code}: ${out}${err}`)));
      });
      const page = await fetch(url);
      expect(await page.text()).toContain('<meta name="annotate-api" content="api/annotate/">');
      // The page's header, which another site's page cannot send: without it, 403.
      expect((await fetch(`${url}api/annotate/state`)).status).toBe(403);
      const state = (await (
        await fetch(`${url}api/annotate/state`, { headers: { [ANNOTATE_HEADER]: '1' } })
      ).json()) as {
        dataDir: string;
        graphVersion: number;
      };
      expect(state.dataDir).toBe(dir);
      expect(state.graphVersion).toBe(1);
      const graph = await fetch(`${url}graph.json`);
      expect(graph.status).toBe(200);
    } finally {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('close', resolve));
    }
    // One line names the folder and the address; vite's plugin does not say it a second time.
    expect(out.match(/Annotation workbench on/g)).toEqual(['Annotation workbench on']);
    expect(out).toContain(`Annotation workbench on ${dir}: http://127.0.0.1:`);
  }, 90_000);
});
