/**
 * What every interop test file sets up: a temporary folder of its own, every test failing
 * (never skipped) with the reason when a tool it needs is missing, and the seed graph built
 * by the real build into that folder (so that graph-data/build stays as it is).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { runScript } from './run.ts';

/** The folder for this file's outputs; `missing` (what tools lack) fails each test. */
export function interopFolder(prefix: string, missing: string | undefined): () => string {
  let dir: string | undefined;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), `actor-graph-interop-${prefix}-`));
  });
  beforeEach(() => {
    if (missing) throw new Error(missing);
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('The folder is made before the tests (beforeAll has not run).');
    return dir;
  };
}

/** Builds the seed data into `dir`/seed; returns graph.json's path and its parsed content. */
export function buildSeed<G>(dir: string): { graphPath: string; graph: G } {
  const build = runScript('build-graph.ts', ['--out', join(dir, 'seed'), '--quiet']);
  expect(build.status, build.stderr).toBe(0);
  const graphPath = join(dir, 'seed', 'graph.json');
  return { graphPath, graph: JSON.parse(readFileSync(graphPath, 'utf8')) as G };
}
