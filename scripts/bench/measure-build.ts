/**
 * One build, stage by stage, in a fresh process (run by scripts/bench.ts): wall time, heap in
 * use after the stage, and the process's peak resident memory so far. Prints JSON.
 *   tsx scripts/bench/measure-build.ts --data DIR --out DIR
 *   tsx scripts/bench/measure-build.ts --data DIR --plain-parse
 */
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { buildGraph, type Stage } from '../../src/core/pipeline/buildGraph.ts';
import { readDataDir } from '../../src/node/readData.ts';
import { writeGraphOutput } from '../../src/node/writeOutput.ts';

export interface StageFigure {
  stage: string;
  ms: number;
  heapMB: number;
  peakRssMB: number;
}

const mb = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const figure = (stage: string, ms: number): StageFigure => ({
  stage,
  ms: Math.round(ms * 10) / 10,
  heapMB: mb(process.memoryUsage().heapUsed),
  peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
});

const { values } = parseArgs({
  options: {
    data: { type: 'string' },
    out: { type: 'string' },
    'plain-parse': { type: 'boolean', default: false },
  },
});
const data = values.data!;

if (values['plain-parse']) {
  // The reference for the load stage: read the same files and parse the YAML, nothing else.
  const t0 = performance.now();
  const names = await readdir(join(data, 'articles'));
  const files = [
    join(data, 'relation-types.yaml'),
    join(data, 'actors.yaml'),
    ...names.map((n) => join(data, 'articles', n)),
  ];
  let parsed = 0;
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    if (file.endsWith('.yaml')) {
      parse(text);
      parsed++;
    }
  }
  process.stdout.write(
    `${JSON.stringify({ ms: performance.now() - t0, files: files.length, yaml: parsed })}\n`,
  );
} else {
  const figures: StageFigure[] = [];
  let t = performance.now();
  const read = await readDataDir(data);
  const readMs = performance.now() - t;
  const result = buildGraph(read.files, {
    measure: <T>(stage: Stage, run: () => T): T => {
      const start = performance.now();
      const value = run();
      // Reading the files is part of loading them.
      const ms = performance.now() - start + (stage === 'load' ? readMs : 0);
      figures.push(figure(stage, ms));
      return value;
    },
  });
  if (!result.graph || !result.texts || !result.report) {
    process.stderr.write(
      `build failed: ${result.issues.filter((i) => i.severity === 'error').length} errors\n`,
    );
    process.exit(1);
  }
  t = performance.now();
  // The build's own writer: the texts file, then graph.json by one rename, under the lock.
  await writeGraphOutput(values.out!, result.graph, result.texts);
  figures.push(figure('write', performance.now() - t));
  process.stdout.write(
    `${JSON.stringify({
      figures,
      warnings: result.issues.length,
      relations: result.report.annotations,
      actors: result.report.actors,
      edges: result.report.edges,
      articles: result.report.articles,
    })}\n`,
  );
}
