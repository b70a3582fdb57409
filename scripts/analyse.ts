/**
 * npm run analyse -- [--graph FILE] [--json] [filters] [--path A,B]
 * Analyses a built graph.json under the page's filters (src/core/analysis/): the signed
 * network and its balance (unbalanced triads, two camps, frustration), contradictions, actor
 * metrics and communities, and the paths between two actors. Prints a report, or one JSON
 * object with --json. See docs/analysis.md.
 */

import { join } from 'node:path';
import { analyse, analysisJson, type Analysis } from '../src/core/analysis/index.ts';
import { filteredGraph } from '../src/core/explore/filteredGraph.ts';
import {
  FILTER_KEYS,
  NO_FILTERS,
  computeVisibility,
  filterDefinition,
  isPartialDate,
  type FilterDefinition,
  type Filters,
} from '../src/core/explore/filters.ts';
import type { ActorGraph } from '../src/core/graph/actorGraph.ts';
import type { Modality } from '../src/core/model.ts';
import { parseCommandLine, runCommand, say, UsageError } from '../src/node/cli.ts';
import { loadGraphFile } from '../src/node/loadGraphFile.ts';

const DEFAULT_GRAPH = join('graph-data', 'build', 'graph.json');

/** What each kind of filter control takes on the command line. */
const VALUE_OF_CONTROL = {
  checklist: 'LIST',
  toggle: '',
  date: 'DATE',
  choice: 'KIND',
  strict: 'K,M',
  minimum: 'N',
} as const;

const filterHelp = FILTER_KEYS.map((key) => {
  const d = filterDefinition(key);
  const c = d.control;
  const value = VALUE_OF_CONTROL[c.kind];
  const option = `--${d.param}${value ? ` ${value}` : ''}`;
  const what =
    c.kind === 'checklist'
      ? `hide these ${c.title.toLowerCase()} (comma-separated ids)`
      : c.kind === 'date'
        ? `${c.label.toLowerCase()} this date (YYYY, YYYY-MM or YYYY-MM-DD); undated statements are hidden`
        : c.kind === 'strict'
          ? 'strict evidence: at least K asserted statements from M distinct outlets'
          : c.kind === 'minimum'
            ? 'relations with at least N shown statements'
            : c.kind === 'choice'
              ? `${c.label.toLowerCase()}: ${c.options.map((o) => o.value).join(' or ')} (the date the range tests)`
              : c.label.toLowerCase();
  return `  ${option.padEnd(25)}${what}`;
}).join('\n');

const USAGE = `Usage: npm run analyse -- [options]

Analyses the actor graph built by \`npm run build:graph\` under the page's filters: signs of
pairs, unbalanced triads, two camps and their frustration, contradictions, metrics and
communities, and paths between two actors. See docs/analysis.md.

Options:
  --graph FILE             the graph.json to analyse, or a folder holding one
                           (default: ${DEFAULT_GRAPH}, the last build)
  --json                   print one JSON object instead of a report
  --path A,B               the paths between two actors (ids or names)
  --max-steps N            the longest path, in steps, 1 to 6 (default: 4)
  --max-paths N            paths listed (default: 20; all are counted)
  --count-reported         count reported statements toward signs, beside asserted ones
  --seed TEXT              seed of the camps' heuristic and of Louvain
  -h, --help               show this help

Filters (as on the page, and in its address):
${filterHelp}
  --filter PARAM=VALUE     any filter by its address parameter, e.g. --filter strict=2,2
  --view QUERY             the filters of a page address or its query string, e.g.
                           --view '?from=2015&hide-modalities=negated,denied'

Examples:
  npm run analyse
  npm run analyse -- --json --hide-modalities negated,denied --from 2015
  npm run analyse -- --path united-states,iran --strict 2,1`;

const filterOptions = Object.fromEntries(
  FILTER_KEYS.map((key) => {
    const d = filterDefinition(key);
    return [d.param, d.control.kind === 'toggle' ? { type: 'boolean' } : { type: 'string' }];
  }),
) as Record<string, { type: 'string' } | { type: 'boolean' }>;

runCommand(USAGE, async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      graph: { type: 'string', default: DEFAULT_GRAPH },
      json: { type: 'boolean', default: false },
      path: { type: 'string' },
      'max-steps': { type: 'string', default: '4' },
      'max-paths': { type: 'string', default: '20' },
      'count-reported': { type: 'boolean', default: false },
      seed: { type: 'string' },
      filter: { type: 'string', multiple: true, default: [] },
      view: { type: 'string' },
      ...filterOptions,
    },
    USAGE,
  );
  const values = args as Record<string, string | boolean | string[] | undefined>;

  const maxSteps = wholeNumber('--max-steps', args['max-steps'], 1, 6);
  const maxPaths = wholeNumber('--max-paths', args['max-paths'], 0, 10_000);
  const path = args.path === undefined ? undefined : pathEnds(args.path);

  // Every filter given, by its URL parameter, with the option that gave it (for messages).
  const given: { param: string; raw: string; option: string }[] = [];
  if (args.view !== undefined) {
    const query = args.view.includes('?') ? args.view.slice(args.view.indexOf('?')) : args.view;
    for (const [param, raw] of new URLSearchParams(query.split('#')[0])) {
      if (FILTER_KEYS.some((key) => filterDefinition(key).param === param))
        given.push({ param, raw, option: `--view (${param}=${raw})` });
    }
  }
  for (const entry of args.filter) {
    const eq = entry.indexOf('=');
    const param = eq < 0 ? entry : entry.slice(0, eq);
    if (!FILTER_KEYS.some((key) => filterDefinition(key).param === param)) {
      throw new UsageError(
        `--filter ${entry}: unknown filter "${param}"; the filters are ${FILTER_KEYS.map((k) => filterDefinition(k).param).join(', ')}`,
      );
    }
    given.push({ param, raw: eq < 0 ? '' : entry.slice(eq + 1), option: `--filter ${entry}` });
  }
  for (const key of FILTER_KEYS) {
    const d = filterDefinition(key);
    const value = values[d.param];
    if (value === undefined || value === false) continue;
    given.push({
      param: d.param,
      raw: value === true ? '1' : String(value),
      option: `--${d.param}`,
    });
  }

  const { graph: full, path: graphPath } = await loadGraphFile(args.graph, 'Analyse');
  const filters = readFilters(given, full);
  const graph = filteredGraph(full, filters, computeVisibility(full, filters));
  const counted: Modality[] = args['count-reported'] ? ['asserted', 'reported'] : ['asserted'];

  let ends: { from: string; to: string } | undefined;
  if (path) {
    const [from, to] = path.map((name) => actorId(full, graph, name)) as [string, string];
    if (from === to) throw new UsageError(`--path ${args.path}: name two different actors`);
    ends = { from, to };
  }
  const analysis = analyse(graph, {
    counted,
    ...(args.seed === undefined ? {} : { seed: args.seed }),
    ...(ends ? { path: { ...ends, maxSteps, limit: maxPaths } } : {}),
  });

  if (args.json) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
    // JSON escapes control characters itself.
    process.stdout.write(`${JSON.stringify(analysisJson(analysis, graph, counted), null, 2)}\n`);
    return 0;
  }
  say(report(analysis, graph, graphPath, given, counted));
  return 0;
});

function wholeNumber(option: string, raw: string, min: number, max: number): number {
  if (!/^\d{1,6}$/.test(raw) || Number(raw) < min || Number(raw) > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}, not "${raw}"`);
  }
  return Number(raw);
}

function pathEnds(raw: string): [string, string] {
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length !== 2 || parts.some((p) => p === '')) {
    throw new UsageError(
      `--path takes two actors separated by a comma, e.g. --path united-states,iran; not "${raw}"`,
    );
  }
  return parts as [string, string];
}

/** An actor named by id or by name (any case); an error that says what to do otherwise. */
function actorId(full: ActorGraph, shown: ActorGraph, name: string): string {
  let id: string | undefined = full.hasNode(name) ? name : undefined;
  if (id === undefined) {
    const lower = name.toLocaleLowerCase('en');
    id = full.findNode(
      (_n, a) =>
        a.label.toLocaleLowerCase('en') === lower ||
        a.aliases.some((alias) => alias.toLocaleLowerCase('en') === lower),
    );
  }
  if (id === undefined) {
    const near = full
      .filterNodes(
        (n, a) =>
          n.includes(name.toLowerCase()) || a.label.toLowerCase().includes(name.toLowerCase()),
      )
      .slice(0, 5);
    throw new UsageError(
      `--path: no actor "${name}" in the graph; name an actor by its id or its name${near.length > 0 ? ` (perhaps ${near.join(', ')})` : ''}`,
    );
  }
  if (!shown.hasNode(id)) {
    throw new UsageError(
      `--path: the filters hide the actor "${id}"; change the filters to reach it`,
    );
  }
  return id;
}

/**
 * The filters given, read by their own definitions (FILTERS) as the page reads its address, but
 * strictly: a value the page would silently drop is an error naming the option and what it
 * takes, and ids the graph does not know are errors listing the ones it does.
 */
function readFilters(
  given: readonly { param: string; raw: string; option: string }[],
  graph: ActorGraph,
): Filters {
  const filters: Record<string, unknown> = { ...NO_FILTERS };
  for (const { param, raw, option } of given) {
    const key = FILTER_KEYS.find((k) => filterDefinition(k).param === param)!;
    const d = filterDefinition(key) as FilterDefinition<unknown>;
    const value = d.read(raw);
    const c = d.control;
    const wrong = (takes: string) =>
      new UsageError(`${option}: "${raw}" is not a value this filter takes; ${takes}`);
    switch (c.kind) {
      case 'checklist': {
        const known = c.options(graph).map((o) => o.value);
        const unknown = [...(value as ReadonlySet<string>)].filter((v) => !known.includes(v));
        if (unknown.length > 0) {
          throw new UsageError(
            `${option}: ${unknown.map((v) => `"${v}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in this graph; give comma-separated values among ${known.length > 30 ? `its ${known.length} (see graph.json)` : known.join(', ')}`,
          );
        }
        break;
      }
      case 'date':
        if (!isPartialDate(raw)) throw wrong('give a real date as YYYY, YYYY-MM or YYYY-MM-DD');
        break;
      case 'strict':
        if (value === null)
          throw wrong(
            'give K,M, two whole numbers of at least 1, e.g. 2,2 (K asserted statements from M outlets)',
          );
        break;
      case 'minimum':
        if (!/^\d{1,6}$/.test(raw) || Number(raw) < 1)
          throw wrong(`give a whole number of at least 1 (at most ${c.max(graph)} in this graph)`);
        break;
      case 'toggle':
        if (raw !== '1' && raw !== '0') throw wrong('give 1 (on) or 0 (off)');
        break;
      case 'choice':
        if (!c.options.some((o) => o.value === raw))
          throw wrong(`give ${c.options.map((o) => o.value).join(' or ')}`);
        break;
    }
    filters[key] = d.sanitize(value, graph);
  }
  return filters as unknown as Filters;
}

// ---- the report -------------------------------------------------------------------------------

function report(
  analysis: Analysis,
  graph: ActorGraph,
  graphPath: string,
  given: readonly { param: string; raw: string }[],
  counted: readonly Modality[],
): string {
  const { network, triads, camps, metrics, paths } = analysis;
  const name = (id: string) => {
    const label = graph.hasNode(id) ? graph.getNodeAttribute(id, 'label') : id;
    return label === id ? id : `${label} (${id})`;
  };
  const sign = (s: number) => (s > 0 ? '+' : s < 0 ? '−' : '±');
  const lines: string[] = [];
  const filterText =
    given.length === 0
      ? 'no filters'
      : `filters ${given.map((g) => `${g.param}=${g.raw}`).join('&')}`;
  lines.push(
    `Analysis of ${graphPath}: ${graph.order} actors and ${graph.size} relations shown (${filterText}).`,
    `Signs count ${counted.join(' and ')} statements: cooperation +, opposition −; the majority decides a pair's sign, a tie gives none.`,
    '',
  );
  const positive = network.pairs.filter((p) => p.sign > 0).length;
  lines.push(
    `Signed network: ${network.pairs.length} signed pairs (${positive} +, ${network.pairs.length - positive} −), ${network.tallies.length - network.pairs.length} tied.`,
    'A signed network is balanced when its actors split into two camps with every positive pair within a camp and every negative pair across the camps.',
    `Triangles: ${triads.triangles}, of which ${triads.balanced} balanced and ${triads.unbalanced.length} unbalanced.`,
  );
  for (const t of triads.unbalanced) {
    const [x, y, z] = t.actors;
    lines.push(
      `  ${name(x)} ${sign(t.signs[0])} ${name(y)} ${sign(t.signs[2])} ${name(z)} ${sign(t.signs[1])} ${name(x)}`,
    );
  }
  lines.push('');
  const byCamp = (c: number) =>
    [...camps.camps]
      .filter(([, camp]) => camp === c)
      .map(([id]) => id)
      .sort();
  lines.push(
    `Two camps (${camps.exact ? 'exact: no split does better' : 'heuristic: a split at least this good exists'}), frustration ${camps.frustration} of ${network.pairs.length} signed pairs.`,
    `  Camp 0: ${byCamp(0).map(name).join(', ') || '–'}`,
    `  Camp 1: ${byCamp(1).map(name).join(', ') || '–'}`,
  );
  if (camps.components.length > 1)
    lines.push(
      `  (${camps.components.length} separate groups: each is split on its own; camp numbers of different groups are unrelated)`,
    );
  if (camps.frustrated.length > 0) lines.push('  Pairs against the split:');
  for (const p of camps.frustrated)
    lines.push(
      `    ${name(p.a)} ${sign(p.sign)} ${name(p.b)} (${p.sign > 0 ? 'positive across the camps' : 'negative within a camp'})`,
    );
  lines.push('');

  lines.push(
    `Contradictions (pairs with both cooperation and opposition): ${analysis.contradictions.length}.`,
  );
  for (const c of analysis.contradictions) {
    lines.push(
      `  ${name(c.a)} – ${name(c.b)}: ${c.positive.counted} +, ${c.negative.counted} − (${c.sign === 0 ? 'tied: no sign' : `sign ${sign(c.sign)}`})`,
    );
    for (const [mark, side] of [
      ['+', c.positive],
      ['−', c.negative],
    ] as const) {
      for (const s of side.strongest)
        lines.push(
          `    ${mark} ${s.evidence.date ?? 'undated'} ${s.evidence.modality}: “${s.evidence.quote}” (${s.evidence.article})`,
        );
    }
  }
  lines.push('');

  const ranked = [...metrics.actors].sort(
    (x, y) => y[1].pagerank - x[1].pagerank || (x[0] < y[0] ? -1 : 1),
  );
  lines.push(
    `Metrics: ${metrics.communities} Louvain communities${metrics.modularity === null ? '' : ` (modularity ${metrics.modularity.toFixed(3)})`}. Actors by PageRank (first 15):`,
    `  ${'actor'.padEnd(40)} degree  weighted  pagerank  betweenness  community`,
  );
  for (const [id, m] of ranked.slice(0, 15))
    lines.push(
      `  ${name(id).slice(0, 40).padEnd(40)} ${String(m.degree).padStart(6)}  ${String(m.weightedDegree).padStart(8)}  ${m.pagerank.toFixed(4).padStart(8)}  ${m.betweenness.toFixed(1).padStart(11)}  ${String(m.community).padStart(9)}`,
    );

  if (paths) {
    lines.push(
      '',
      `Paths from ${name(paths.from)} to ${name(paths.to)} of at most ${paths.maxSteps} steps: ${paths.found} found${paths.found > paths.paths.length ? `, the best ${paths.paths.length} listed` : ''} (ranked by their weakest step: asserted statements, then articles).`,
    );
    paths.paths.forEach((p, i) => {
      lines.push(
        `  ${i + 1}. ${p.actors.map(name).join(' → ')} (weakest step: ${p.weakest.asserted} asserted, ${p.weakest.articles} article${p.weakest.articles === 1 ? '' : 's'})`,
      );
      for (const s of p.steps) {
        const e = s.statement.evidence;
        lines.push(
          `     ${s.from} –${s.relation}– ${s.to}: “${e.quote}” (${e.article}, ${e.date ?? 'undated'}, ${e.modality})`,
        );
      }
    });
  }
  return `${lines.join('\n')}\n`;
}
