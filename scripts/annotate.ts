/**
 * npm run annotate -- --data DIR [--port N]
 * Builds the graph of a data folder (as npm run build:graph does) and starts the explorer with
 * the annotation workbench on it: vite's dev server on the loopback interface, whose write API
 * (src/node/annotate) changes the folder's YAML files and rebuilds the graph.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { buildGraph } from '../src/core/pipeline/buildGraph.ts';
import { formatIssue, hasErrors, sortIssues } from '../src/core/pipeline/issues.ts';
import { complain, parseCommandLine, runCommand, say, UsageError } from '../src/node/cli.ts';
import { browserCanOpen } from '../src/node/openBrowser.ts';
import { readDataDir } from '../src/node/readData.ts';
import { writeGraphOutput } from '../src/node/writeOutput.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

const USAGE = `Usage: npm run annotate -- [options]

Builds the graph of a data folder and opens the explorer with the annotation workbench:
relations, actors and articles added in the page are written to the folder's YAML files.

Options:
  --data DIR     graph-data folder to read and write (default: graph-data)
  --port N       port of the server on 127.0.0.1 (default: 5173, or the next free one)
  --no-open      do not open a browser
  -h, --help     show this help`;

runCommand(USAGE, async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      data: { type: 'string', default: 'graph-data' },
      port: { type: 'string' },
      'no-open': { type: 'boolean', default: false },
    },
    USAGE,
  );
  const rawPort = args.port;
  if (rawPort !== undefined && (!/^\d+$/.test(rawPort) || Number(rawPort) > 65535)) {
    throw new UsageError(`--port must be a port number from 0 to 65535, not "${rawPort}"`);
  }
  const dataDir = args.data.replace(/(.)\/+$/, '$1');
  if (!existsSync(dataDir)) {
    complain(
      `error: the data folder ${dataDir} does not exist. Pass --data the folder that holds relation-types.yaml, actors.yaml and articles/.\n`,
    );
    return 1;
  }
  if (!statSync(dataDir).isDirectory()) {
    complain(`error: ${dataDir} is a file, not a folder: pass --data a graph-data folder.\n`);
    return 1;
  }

  // The build first, as npm start does: the workbench starts from its graph.
  const outDir = join(dataDir, 'build');
  const read = await readDataDir(dataDir);
  const result = buildGraph(read.files);
  const issues = sortIssues([...read.issues, ...result.issues]);
  for (const issue of issues) complain(`${formatIssue(issue)}\n`);
  if (hasErrors(issues) || !result.graph || !result.texts) {
    const errors = issues.filter((i) => i.severity === 'error').length;
    complain(
      `\nBuild failed: ${errors} error${errors === 1 ? '' : 's'}. Fix ${errors === 1 ? 'it' : 'them'} (the workbench changes only data that builds), then run again.\n`,
    );
    return 1;
  }
  await writeGraphOutput(outDir, result.graph, result.texts, {
    onWait: (message) => complain(`${message}\n`),
    onWarning: (message) => complain(`warning: ${message}\n`),
  });

  // vite.config.ts reads the data folder from ANNOTATE_DATA (plugin and public folder).
  process.env.ANNOTATE_DATA = dataDir;
  const server = await createServer({
    root: ROOT,
    configFile: join(ROOT, 'vite.config.ts'),
    server: {
      host: '127.0.0.1',
      ...(rawPort === undefined ? {} : { port: Number(rawPort), strictPort: true }),
      open: !args['no-open'] && browserCanOpen(),
    },
  });
  await server.listen();
  const address = server.httpServer?.address();
  const port = address && typeof address === 'object' ? address.port : undefined;
  say(
    `Annotation workbench on ${dataDir}: http://127.0.0.1:${port ?? '?'}/\n` +
      `Changes are written to ${dataDir} and its graph to ${outDir}. Ctrl-C stops the server.\n`,
  );
  // Runs until interrupted: vite closes the server on SIGTERM; Ctrl-C ends the process.
  await new Promise<void>((resolve) => server.httpServer?.once('close', () => resolve()));
  return 0;
});
