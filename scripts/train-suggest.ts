/**
 * npm run train:suggest -- [--data DIR]... [--out FILE] [--threshold P] [--check]
 * Trains the learned reader of the suggester (src/core/suggest/learned.ts) on annotated
 * articles and writes its weights. See docs/suggest.md, "The learned reader".
 */
import { readFile, rename, rm, writeFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { annotatedStatements } from '../src/core/suggest/annotated.ts';
import { readModel, trainLogistic, type Example } from '../src/core/suggest/learned.ts';
import { articleText, prepareSuggestions } from '../src/core/suggest/setup.ts';
import { trainingExamples } from '../src/core/suggest/training.ts';
import { IssueSink, formatIssue, hasErrors, sortIssues } from '../src/core/pipeline/issues.ts';
import { complain, parseCommandLine, runCommand, say, UsageError } from '../src/node/cli.ts';
import { readDataDir } from '../src/node/readData.ts';
import { cuesPathFor, readCueSource } from '../src/node/suggestCues.ts';

/** The annotated sets it learns from by default: the seeds and the sets already read. */
export const TRAINING_SETS = [
  'graph-data',
  ...'bcdefghijklmnoq'.split('').map((s) => `tests/fixtures/heldout-${s}`),
];
/** Never trained on, never read: what the suggester is judged by (docs/suggest.md). */
export const UNSEEN_SETS = ['tests/fixtures/heldout-p', 'tests/fixtures/heldout-r'];

const DEFAULT_OUT = fileURLToPath(
  new URL('../src/core/suggest/learned-model.json', import.meta.url),
);
/** Chosen by leaving each training set out in turn (docs/suggest.md). */
const DEFAULT_THRESHOLD = '0.3';

const USAGE = `Usage: npm run train:suggest -- [options]

Trains the suggester's learned reader: a logistic regression over every pair of actors named
in a sentence with a cue, which the rules did not relate, labelled by whether the annotators
recorded the relation there. Repeatable: the same articles give the same weights.

Options:
  --data DIR        an annotated graph-data folder to learn from; repeat for several
                    (default: graph-data and the held-out sets ${TRAINING_SETS.slice(1)
                      .map((s) => s.slice(-1))
                      .join(', ')} under tests/fixtures;
                    never ${UNSEEN_SETS.map((s) => s.slice(-1)).join(' or ')}, kept unseen)
  --out FILE        where to write the model (default: src/core/suggest/learned-model.json)
  --threshold P     the probability from which a candidate is suggested (default: ${DEFAULT_THRESHOLD})
  --check           write nothing; exit 1 if FILE differs from what training gives
  -h, --help        show this help`;

runCommand(USAGE, async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      data: { type: 'string', multiple: true },
      out: { type: 'string', default: DEFAULT_OUT },
      threshold: { type: 'string', default: DEFAULT_THRESHOLD },
      check: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const threshold = Number(args.threshold);
  if (!/^0?\.\d+$/.test(args.threshold) || !(threshold > 0 && threshold < 1))
    throw new UsageError(`--threshold must be a number between 0 and 1, not "${args.threshold}"`);
  const dirs = args.data ?? TRAINING_SETS;
  const examples: Example[] = [];
  let articles = 0;
  for (const dir of dirs) {
    const read = await readDataDir(dir);
    const setup = prepareSuggestions(read.files, await readCueSource(cuesPathFor(dir, undefined)));
    const sink = new IssueSink();
    const issues = sortIssues([...read.issues, ...setup.issues]);
    if (!setup.suggester || hasErrors(issues)) {
      for (const issue of issues.filter((i) => i.severity === 'error'))
        complain(`${formatIssue(issue)}\n`);
      complain(`${dir}: cannot be read as annotated articles; nothing written\n`);
      return 1;
    }
    const types = setup.relationTypes.map((t) => t.id);
    for (const article of [...read.files.articles].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (!article.meta || !article.text) continue;
      const text = articleText(read.files, article.id)!;
      const annotated = annotatedStatements(article.meta, text, setup.index, sink);
      if (!annotated) continue;
      examples.push(...trainingExamples(text, setup.suggester, annotated, types));
      articles++;
    }
  }
  const positives = examples.filter((e) => e.label === 1).length;
  if (positives === 0) {
    complain(`no annotated relation among ${examples.length} candidate pairs; nothing written\n`);
    return 1;
  }
  const weights = trainLogistic(examples);
  const kept = [...weights]
    .map(([f, w]) => [f, Math.round(w * 1e4) / 1e4] as const)
    .filter(([, w]) => w !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const model = {
    about:
      'The learned reader of npm run suggest (src/core/suggest/learned.ts). Written by npm run ' +
      'train:suggest; do not edit by hand.',
    trainedOn: dirs,
    articles,
    examples: examples.length,
    positives,
    threshold,
    weights: Object.fromEntries(kept),
  };
  const text = `${JSON.stringify(model, null, 1)}\n`;
  readModel(JSON.parse(text), args.out);
  const summary = `${articles} articles, ${examples.length} candidate pairs (${positives} recorded), ${kept.length} weights`;
  if (args.check) {
    const current = await readFile(args.out, 'utf8').catch(() => '');
    if (current !== text) {
      complain(`${args.out} is not what training gives (${summary}); run npm run train:suggest\n`);
      return 1;
    }
    say(`${args.out} is up to date: ${summary}\n`);
    return 0;
  }
  const partial = `${args.out}.${process.pid}.part`;
  try {
    await writeFile(partial, text);
    await rename(partial, args.out);
  } finally {
    await rm(partial, { force: true });
  }
  say(`Wrote ${args.out}: ${summary}, threshold ${threshold}\n`);
  return 0;
});
