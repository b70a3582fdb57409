/**
 * npm run generate -- --out DIR [--relations N] [--actors N] [--articles N] [--seed TEXT]
 * Writes a synthetic graph-data folder (invented actors, articles and annotated relations) in
 * the project's data format, for tests and benchmarks. The same options give the same files.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { GENERATED_MARKER, generateCorpus } from '../src/core/generate/corpus.ts';
import { generateGdeltEvents } from '../src/core/generate/gdelt.ts';
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import {
  DEFAULT_RELATIONS,
  DEFAULT_SEED,
  MAX_ACTORS,
  MAX_RELATIONS,
  countsProblem,
  defaultActors,
  defaultArticles,
} from '../src/core/generate/options.ts';
import { parseCommandLine, runCommand, say, UsageError } from '../src/node/cli.ts';

const USAGE = `Usage: npm run generate -- --out DIR [options]

Generates a graph-data folder of invented actors and news articles with annotated relations,
in the project's format (npm run build:graph -- --data DIR builds it without warnings). The
same options give the same files, byte for byte.

Options:
  --out DIR          folder to write to: new, empty, or an earlier output of this command
  --relations N      relations to annotate (default: ${DEFAULT_RELATIONS})
  --actors N         actors (default: by relations, as the benchmark tiers have it:
                     1,000 -> 300, 10,000 -> 2,000, 100,000 -> 10,000)
  --articles N       articles (default: one per 8 relations, rounded up)
  --seed TEXT        seed of every random choice (default: ${DEFAULT_SEED})
  --force            write into a non-empty folder that is not an earlier output
                     (its relation-types.yaml, actors.yaml and articles/ are replaced)
  --gdelt-events N   instead of a corpus, write one synthetic GDELT 2.0 event export of N
                     events (61 tab-separated columns, plausible CAMEO codes) to
  --gdelt-file FILE  (npm run import:gdelt reads it)
  --gdelt-first-id N GLOBALEVENTID of its first event (default: 410000000)
  -h, --help         show this help

Every actor takes part in a relation and every article has one, so relations must be at
least half the actors and at least the articles. Limits: ${MAX_ACTORS.toLocaleString('en')} actors, ${MAX_RELATIONS.toLocaleString('en')} relations.`;

const SCHEMAS = fileURLToPath(new URL('../graph-data/schemas', import.meta.url));

runCommand(USAGE, async () => {
  const started = performance.now();
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      out: { type: 'string' },
      relations: { type: 'string' },
      actors: { type: 'string' },
      articles: { type: 'string' },
      seed: { type: 'string', default: DEFAULT_SEED },
      force: { type: 'boolean', default: false },
      'gdelt-events': { type: 'string' },
      'gdelt-file': { type: 'string' },
      'gdelt-first-id': { type: 'string' },
    },
    USAGE,
  );
  if (args['gdelt-events'] !== undefined) {
    const events = count('--gdelt-events', args['gdelt-events'], 1, 100_000_000)!;
    const firstId = count('--gdelt-first-id', args['gdelt-first-id'], 1, 2 ** 52) ?? 410_000_000;
    const file = args['gdelt-file'];
    if (!file) throw new UsageError('--gdelt-events needs --gdelt-file FILE');
    const out = createWriteStream(file);
    let bytes = 0;
    for (const chunk of generateGdeltEvents({ events, seed: args.seed, firstId })) {
      bytes += chunk.length;
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
    say(
      `Generated ${events.toLocaleString('en')} GDELT events (seed ${JSON.stringify(args.seed)}): ${(bytes / 1e6).toFixed(1)} MB in ${file}, ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
    );
    return 0;
  }
  if (args.out === undefined || args.out === '') throw new UsageError('--out DIR is required');
  const relations = count('--relations', args.relations, 1, MAX_RELATIONS) ?? DEFAULT_RELATIONS;
  const actors = count('--actors', args.actors, 2, MAX_ACTORS) ?? defaultActors(relations);
  const articles =
    count('--articles', args.articles, 1, MAX_RELATIONS) ?? defaultArticles(relations);
  const problem = countsProblem({ actors, relations, articles });
  if (problem) throw new UsageError(problem.replace(/^(actors|relations|articles)\b/, '--$1'));

  const outDir = args.out;
  await prepareOutput(outDir, args.force);

  // The YAML files name the project's schemas by a path relative to where they are written.
  const schemaDir = relative(resolve(outDir), SCHEMAS).split(sep).join('/');
  const corpus = generateCorpus({ actors, relations, articles, seed: args.seed, schemaDir });
  const written = writeCorpus(outDir, corpus.files);

  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const megabytes = (written.bytes / 1e6).toFixed(1);
  say(
    `Generated ${actors} actors, ${relations} relations in ${articles} articles (seed ${JSON.stringify(args.seed)}): ${written.files} files, ${megabytes} MB in ${outDir}, ${seconds} s.\n`,
  );
  return 0;
});

/** A whole number option within bounds, or undefined when it was not given. */
function count(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  const n = /^\d+$/.test(value.replace(/[_,]/g, '')) ? Number(value.replace(/[_,]/g, '')) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    throw new UsageError(
      `${name} must be a whole number from ${min} to ${max.toLocaleString('en')}, not "${value}"`,
    );
  }
  return n;
}

/**
 * Makes sure `dir` may be written: it does not exist, is empty, or holds an earlier output of
 * this command (its actors.yaml says so); anything else only with --force.
 */
async function prepareOutput(dir: string, force: boolean): Promise<void> {
  let entries: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new UsageError(`--out ${dir} exists and is not a folder`);
    entries = await readdir(dir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (entries.length === 0 || force) return;
  let actors = '';
  try {
    actors = await readFile(join(dir, 'actors.yaml'), 'utf8');
  } catch {
    // No readable actors.yaml: not ours.
  }
  const head = actors.split('\n', 3);
  if (!head.some((line) => line.startsWith(GENERATED_MARKER))) {
    throw new Error(
      `${dir} is not empty and is not an earlier output of npm run generate (its actors.yaml does not start with "${GENERATED_MARKER}"). Choose a new or empty folder, or pass --force to replace its relation-types.yaml, actors.yaml and articles/.`,
    );
  }
}

/**
 * Writes the files, replacing those of an earlier output: article files of the earlier output
 * that the new one does not have are removed, so that the folder holds exactly the new corpus.
 * Anything else in the folder (a build/ folder, say) is left alone. Synchronous on purpose: for
 * tens of thousands of small files it is several times faster than fs/promises here.
 */
function writeCorpus(dir: string, files: Record<string, string>): { files: number; bytes: number } {
  const articlesDir = join(dir, 'articles');
  mkdirSync(articlesDir, { recursive: true });
  for (const name of readdirSync(articlesDir)) {
    if (/\.(ya?ml|txt)$/.test(name) && !(`articles/${name}` in files)) {
      rmSync(join(articlesDir, name), { force: true });
    }
  }
  let bytes = 0;
  let count = 0;
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    bytes += data.length;
    count++;
    writeFileSync(join(dir, name), data);
  }
  return { files: count, bytes };
}
