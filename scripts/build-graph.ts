/**
 * npm run build:graph -- [--data DIR] [--out DIR]
 * Builds graph.json (and articles.<hash>.json, the texts evidence offsets refer to, which
 * graph.json names) from a graph-data folder. On any error, in the data or in writing, the
 * previous output stays as it was, byte for byte.
 */
import { join } from 'node:path';
import { buildGraph } from '../src/core/pipeline/buildGraph.ts';
import { formatIssue, hasErrors, sortIssues } from '../src/core/pipeline/issues.ts';
import { checkLayoutIterations } from '../src/core/pipeline/layout.ts';
import { formatReport } from '../src/core/pipeline/report.ts';
import { complain, parseCommandLine, runCommand, say, UsageError } from '../src/node/cli.ts';
import { readDataDir } from '../src/node/readData.ts';
import { writeGraphOutput } from '../src/node/writeOutput.ts';

const USAGE = `Usage: npm run build:graph -- [options]

Builds the actor graph from annotated articles.

Options:
  --data DIR               graph-data folder to read (default: graph-data)
  --out DIR                folder to write graph.json and its texts to
                           (default: <data>/build)
  --layout-iterations N    ForceAtlas2 iterations (default: by graph size)
  --seed TEXT              seed of the layout's starting positions (default: actor-graph)
  --quiet                  print only errors and warnings
  -h, --help               show this help`;

runCommand(USAGE, async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      data: { type: 'string', default: 'graph-data' },
      out: { type: 'string' },
      'layout-iterations': { type: 'string' },
      seed: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    USAGE,
  );
  // Digits only: Number() would also take " 5", "0x10", "1e3" and "1.0".
  const rawIterations = args['layout-iterations'];
  const iterations = rawIterations === undefined ? undefined : Number(rawIterations);
  if (rawIterations !== undefined && !/^\d+$/.test(rawIterations)) {
    throw new UsageError(
      `--layout-iterations must be a whole number written in digits, not "${rawIterations}"`,
    );
  }
  const iterationsProblem =
    iterations === undefined ? undefined : checkLayoutIterations(iterations);
  if (iterationsProblem !== undefined) {
    throw new UsageError(`--layout-iterations: ${iterationsProblem}`);
  }
  const dataDir = args.data.replace(/\/+$/, '');
  const outDir = args.out ?? join(dataDir, 'build');

  const read = await readDataDir(dataDir);
  const result = buildGraph(read.files, {
    layout: {
      ...(iterations === undefined ? {} : { iterations }),
      ...(args.seed === undefined ? {} : { seed: args.seed }),
    },
  });
  const issues = sortIssues([...read.issues, ...result.issues]);
  for (const issue of issues) complain(`${formatIssue(issue)}\n`);

  if (hasErrors(issues) || !result.graph || !result.texts || !result.report) {
    const errors = issues.filter((i) => i.severity === 'error').length;
    complain(
      `\nBuild failed: ${errors} error${errors === 1 ? '' : 's'}. Nothing was written; ${join(outDir, 'graph.json')} is unchanged.\n`,
    );
    return 1;
  }

  const written = await writeGraphOutput(outDir, result.graph, result.texts, {
    onWait: (message) => complain(`${message}\n`),
    onWarning: (message) => complain(`warning: ${message}\n`),
  });
  if (!args.quiet) {
    say(
      `${formatReport(result.report, issues)}\nWrote ${written.graphFile} and ${written.textsFile}.\n`,
    );
  }
  return 0;
});
