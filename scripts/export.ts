/**
 * npm run export -- --out FILE [--graph FILE] [--format gexf|graphml|json|csv] [--dynamic]
 * Exports a built graph.json to GEXF (Gephi, Gephi Lite, NetworkX), GraphML, JSON or CSV with
 * the writers the page uses (src/core/export/). Files are written atomically.
 */
import { stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import {
  EXPORT_FORMAT_IDS,
  exportFilePath,
  exportFormat,
  formatOfFileName,
  type ExportOptions,
} from '../src/core/export/formats.ts';
import { isCalendarDay } from '../src/core/dates.ts';
import { DATE_KINDS, isDateKind } from '../src/core/time/kinds.ts';
import { parseCommandLine, runCommand, say, UsageError } from '../src/node/cli.ts';
import { loadGraphFile } from '../src/node/loadGraphFile.ts';
import { writeFilesAtomically } from '../src/node/writeOutput.ts';

const DEFAULT_GRAPH = join('graph-data', 'build', 'graph.json');

const USAGE = `Usage: npm run export -- --out FILE [options]

Exports the actor graph built by \`npm run build:graph\`.

Options:
  --out FILE               the file to write (required); - writes to standard output.
                           With --format csv, FILE gets the edge list and the node list
                           goes beside it: out/graph.csv -> out/graph.nodes.csv.
                           With --out - csv writes the edge list only.
  --format FORMAT          gexf, graphml, json or csv (default: from the extension of
                           --out, otherwise gexf)
  --graph FILE             the graph.json to export, or a folder holding one
                           (default: ${DEFAULT_GRAPH}, the last build)
  --no-quotes              leave the evidence quotes out (gexf, graphml); the articles
                           and counts of each edge stay
  --machine-coded          include the machine-coded GDELT evidence (events/gdelt.csv):
                           the relations only GDELT supports, and the machineCoder,
                           machineEvents, machineFirstMonth and machineLastMonth fields
  --undirected-edges HOW   how symmetric relations (cooperates-with) are written:
                           mutual (the default: in gexf type="mutual", which NetworkX
                           and Gephi Lite read; in graphml two directed edges, which
                           NetworkX, igraph and Gephi Lite read) or undirected (gexf
                           for Gephi desktop; graphml directed="false"). See
                           docs/export.md.
  --no-neutralise          csv: write cells that begin with = + - @ as they are, without
                           the apostrophe that stops a spreadsheet running them as
                           formulas (for programs only; see docs/export.md)
  --date YYYY-MM-DD        the GEXF lastmodifieddate (default: the date the graph
                           file was last written)
  --dynamic                gexf: a dynamic graph for Gephi's timeline, each relation
                           present in the months its statements are dated (docs/time.md)
  --dates KIND             with --dynamic: statement (the default: the articles' dates)
                           or event (the dates of the events they report, where the
                           text gives them)
  --quiet                  print only errors
  -h, --help               show this help

Examples:
  npm run export -- --out seed.gexf
  npm run export -- --dynamic --out seed-time.gexf         # open in Gephi, Timeline
  npm run export -- --format csv --out exports/seed.csv    # seed.csv + seed.nodes.csv
  npm run export -- --format json --out - | head -c 200`;

runCommand(USAGE, async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      graph: { type: 'string', default: DEFAULT_GRAPH },
      format: { type: 'string' },
      out: { type: 'string' },
      'no-quotes': { type: 'boolean', default: false },
      'machine-coded': { type: 'boolean', default: false },
      'undirected-edges': { type: 'string' },
      'no-neutralise': { type: 'boolean', default: false },
      date: { type: 'string' },
      dynamic: { type: 'boolean', default: false },
      dates: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
    USAGE,
  );

  const out = args.out;
  if (out === undefined || out === '') {
    throw new UsageError('--out is required: a file to write, or - for standard output');
  }
  const known = EXPORT_FORMAT_IDS.join(', ');
  const fromName = out === '-' ? undefined : formatOfFileName(out);
  const format =
    args.format === undefined ? (fromName ?? exportFormat('gexf')!) : exportFormat(args.format);
  if (!format) {
    throw new UsageError(`unknown format "${args.format}"; the formats are ${known}`);
  }
  if (fromName && fromName.id !== format.id) {
    throw new UsageError(
      `--out ${out} names a .${fromName.extension} file but --format is ${format.id}; ` +
        `change the file name, or leave --format out to write ${fromName.id}`,
    );
  }
  const undirected = args['undirected-edges'];
  if (undirected !== undefined && undirected !== 'mutual' && undirected !== 'undirected') {
    throw new UsageError(`--undirected-edges must be mutual or undirected, not "${undirected}"`);
  }
  if (args.date !== undefined && !isCalendarDay(args.date)) {
    throw new UsageError(`--date must be a date as YYYY-MM-DD, not "${args.date}"`);
  }
  if (args.dynamic && !format.dynamic) {
    throw new UsageError(
      `--dynamic writes time into GEXF only, not ${format.id}; use --format gexf (or a .gexf file)`,
    );
  }
  const dates = args.dates;
  if (dates !== undefined && !args.dynamic) {
    throw new UsageError('--dates chooses the dates of --dynamic; add --dynamic');
  }
  if (dates !== undefined && !isDateKind(dates)) {
    throw new UsageError(`--dates must be ${DATE_KINDS.join(' or ')}, not "${dates}"`);
  }

  const { graph, path, modified } = await loadGraphFile(args.graph, 'Export');
  // Machine-coded evidence (GDELT, events/gdelt.csv) stays out unless asked for, as in the
  // page's default view: relations only GDELT supports are left out, the others lose it.
  if (!args['machine-coded']) {
    for (const edge of graph.edges()) {
      const attr = graph.getEdgeAttributes(edge);
      if (attr.machine === undefined) continue;
      if (attr.weight === 0) graph.dropEdge(edge);
      else graph.removeEdgeAttribute(edge, 'machine');
    }
  }
  const options: ExportOptions = {
    lastModified: args.date ?? modified,
    quotes: !args['no-quotes'],
    ...(undirected === undefined ? {} : { undirectedEdges: undirected }),
    neutraliseFormulas: !args['no-neutralise'],
    ...(args.dynamic ? { dynamic: dates ?? 'statement' } : {}),
  };
  const files = format.write(graph, options);

  if (out === '-') {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      // A reader that stops early (| head) is not an error.
      if (error.code !== 'EPIPE') throw error;
    });
    process.stdout.write(files[0]!.content);
    return 0;
  }

  if ((await stat(out).catch(() => undefined))?.isDirectory()) {
    throw new UsageError(
      `--out ${out} is a folder; name the file to write, e.g. ${join(out, `graph.${format.extension}`)}`,
    );
  }
  const written = files.map((file) => exportFilePath(out, file));
  await writeFilesAtomically(
    dirname(out),
    Object.fromEntries(files.map((file, i) => [basename(written[i]!), file.content])),
  );
  if (!args.quiet) {
    const what = files.map((file, i) =>
      file.role === 'graph'
        ? written[i]
        : `${written[i]} (${file.role === 'edges' ? 'edge' : 'node'} list)`,
    );
    say(
      `Exported ${path} (${graph.order} actors, ${graph.size} relations) as ${format.id}${
        options.dynamic === undefined ? '' : ` with time (${options.dynamic} dates)`
      }: wrote ${what.join(' and ')}.\n`,
    );
  }
  return 0;
});
