/**
 * npm run compare:gdelt -- [--data DIR]
 * Builds the graph of a data folder (without layout; nothing is written) and prints, for the
 * pairs of actors that both the annotations and GDELT's events have, whether they agree on the
 * relation type, then the pairs only one source has.
 */
import { compareSources, formatComparison } from '../src/core/events/compare.ts';
import { buildGraph } from '../src/core/pipeline/buildGraph.ts';
import { formatIssue, hasErrors, sortIssues } from '../src/core/pipeline/issues.ts';
import { complain, parseCommandLine, runCommand, say } from '../src/node/cli.ts';
import { readDataDir } from '../src/node/readData.ts';

const USAGE = `Usage: npm run compare:gdelt -- [options]

Compares the annotated relations with the machine-coded GDELT layer (events/gdelt.csv, written
by npm run import:gdelt), pair of actors by pair of actors.

Options:
  --data DIR     graph-data folder (default: graph-data)
  --limit N      pairs listed for each source alone (default: 15)
  --json         print the comparison as JSON
  -h, --help     show this help`;

runCommand(USAGE, async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      data: { type: 'string', default: 'graph-data' },
      limit: { type: 'string', default: '15' },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const dataDir = args.data.replace(/\/+$/, '');
  const read = await readDataDir(dataDir);
  const result = buildGraph(read.files, { layout: false });
  const issues = sortIssues([...read.issues, ...result.issues]).filter(
    (i) => i.severity === 'error',
  );
  if (hasErrors(issues) || !result.graph) {
    for (const issue of issues) complain(`${formatIssue(issue)}\n`);
    complain('\nThe data folder does not build; fix the errors above first.\n');
    return 1;
  }
  if (!read.files.events) {
    complain(
      `${dataDir}/events/gdelt.csv: no machine-coded layer. Import GDELT event files first: npm run import:gdelt -- --data ${dataDir} FILE...\n`,
    );
    return 1;
  }
  const graph = result.graph;
  const comparison = compareSources(graph);
  if (args.json) {
    say(`${JSON.stringify(comparison, null, 2)}\n`);
    return 0;
  }
  const limit = Number(args.limit);
  say(
    `${formatComparison(comparison, (id) => graph.getNodeAttribute(id, 'label'), Number.isInteger(limit) && limit >= 0 ? limit : 15)}\n`,
  );
  return 0;
});
