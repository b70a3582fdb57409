/**
 * What every interop test file sets up: a temporary folder of its own, every test failing
 * (never skipped) with the reason when a tool it needs is missing, and the seed graph built
 * by the real build into that folder (so that graph-data/build stays as it is).
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, expect } from 'vitest';
import { LAYER_COLUMNS } from '../../src/core/events/layer.ts';
import { cameoDataset } from './gdelt.ts';
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

/**
 * A machine-coded layer (events/gdelt.csv) for cameoDataset: GDELT's months for a relation the
 * annotations have too (alpha cooperates with beta) and for one only GDELT has (alpha opposes
 * beta, no statement).
 */
const MACHINE_LAYER = [
  LAYER_COLUMNS.join(','),
  'alpha,cooperates-with,beta,2015-02,2,14,3,12,2,0.5,http://a.example/1,http://a.example/2',
  'alpha,cooperates-with,beta,2015-03,1,3,3,3,7,1.25,http://d.example/9,',
  'alpha,opposes,beta,2015-03,4,9,2,6,-5,-2.5,https://b.example/x,',
  '',
].join('\n');

/**
 * Builds cameoDataset with MACHINE_LAYER into `dir`/machine by the real build; returns
 * graph.json's path and its parsed content.
 */
export function buildWithMachineLayer<G>(dir: string): { graphPath: string; graph: G } {
  const data = join(dir, 'machine-data');
  for (const [name, text] of Object.entries({
    ...cameoDataset(),
    'events/gdelt.csv': MACHINE_LAYER,
  })) {
    mkdirSync(join(data, name, '..'), { recursive: true });
    writeFileSync(join(data, name), text);
  }
  const out = join(dir, 'machine');
  const build = runScript('build-graph.ts', ['--data', data, '--out', out, '--quiet']);
  expect(build.status, build.stderr).toBe(0);
  const graphPath = join(out, 'graph.json');
  return { graphPath, graph: JSON.parse(readFileSync(graphPath, 'utf8')) as G };
}
