/**
 * npm run train:suggest -- [--data DIR]... [--out FILE] [--threshold P] [--check]
 * Trains the learned reader of the suggester (src/core/suggest/learned.ts) on annotated
 * articles and writes its weights. See docs/suggest.md, "The learned reader".
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { annotatedStatements } from '../src/core/suggest/annotated.ts';
import {
  MIN_WORD_ARTICLES,
  readModel,
  trainLogistic,
  withoutRareWords,
  type Example,
} from '../src/core/suggest/learned.ts';
import { articleText, prepareSuggestions } from '../src/core/suggest/setup.ts';
import { trainingExamples } from '../src/core/suggest/training.ts';
import { IssueSink, formatIssue, hasErrors, sortIssues } from '../src/core/pipeline/issues.ts';
import { complain, parseCommandLine, runCommand, say, UsageError } from '../src/node/cli.ts';
import { readDataDir } from '../src/node/readData.ts';
import { cuesPathFor, readCueSource } from '../src/node/suggestCues.ts';
import { DEFAULT_MODEL, writeCommand } from '../src/node/suggestModel.ts';
import { writeFilesAtomically } from '../src/node/writeOutput.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** The annotated sets it learns from by default: the seeds and the sets already read. */
const TRAINING_SETS = [
  'graph-data',
  ...'bcdefghijklmnoq'.split('').map((s) => `tests/fixtures/heldout-${s}`),
];
/** Never trained on, never read: what the suggester is judged by (docs/suggest.md). */
const UNSEEN_SETS = ['p', 'r', 's', 't'].map((s) => `tests/fixtures/heldout-${s}`);

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
                      .join(', ')} under tests/fixtures)
  --allow-unseen    let --data name a set kept unseen (${UNSEEN_SETS.map((s) => s.slice(-1)).join(', ')}): it is then seen
  --out FILE        where to write the model (default: src/core/suggest/learned-model.json)
  --threshold P     the probability from which a candidate is suggested (default: ${DEFAULT_THRESHOLD})
  --check           write nothing; exit 1 if FILE differs from what training gives
  -h, --help        show this help`;

runCommand(USAGE, async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      data: { type: 'string', multiple: true },
      'allow-unseen': { type: 'boolean', default: false },
      out: { type: 'string', default: DEFAULT_MODEL },
      threshold: { type: 'string', default: DEFAULT_THRESHOLD },
      check: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const threshold = Number(args.threshold);
  if (!/^0?\.\d+$/.test(args.threshold) || !(threshold > 0 && threshold < 1))
    throw new UsageError(`--threshold must be a number between 0 and 1, not "${args.threshold}"`);
  if (args.out.trim() === '') throw new UsageError('--out needs a file name');
  const dirs = args.data ?? TRAINING_SETS.map((d) => resolve(ROOT, d));
  const unseen = dirs.filter((d) => UNSEEN_SETS.some((u) => resolve(d) === resolve(ROOT, u)));
  if (unseen.length > 0 && !args['allow-unseen'])
    throw new UsageError(
      `${unseen.join(', ')} ${unseen.length === 1 ? 'is a set' : 'are sets'} kept unseen to judge the suggester by; pass --allow-unseen to learn from it anyway`,
    );
  const perArticle: Example[][] = [];
  let located = 0;
  let unlocated = 0;
  for (const dir of dirs) {
    const read = await readDataDir(dir);
    const setup = prepareSuggestions(read.files, await readCueSource(cuesPathFor(dir, undefined)));
    const sink = new IssueSink();
    const types = setup.relationTypes.map((t) => t.id);
    const articles: { text: string; annotated: ReturnType<typeof annotatedStatements> }[] = [];
    if (setup.suggester)
      for (const article of [...read.files.articles].sort((a, b) => (a.id < b.id ? -1 : 1))) {
        if (!article.meta || !article.text) continue;
        const text = articleText(read.files, article.id, sink);
        if (text === undefined) continue;
        articles.push({
          text,
          annotated: annotatedStatements(article.meta, text, setup.index, sink),
        });
      }
    const issues = sortIssues([...read.issues, ...setup.issues, ...sink.issues]);
    if (!setup.suggester || hasErrors(issues)) {
      for (const issue of issues.filter((i) => i.severity === 'error'))
        complain(`${formatIssue(issue)}\n`);
      complain(
        `\n${dir}: cannot be learned from until the errors above are fixed; nothing written\n`,
      );
      return 1;
    }
    // Relations left out (a name that does not resolve): their pairs would be learned as
    // unrecorded, so say which.
    for (const issue of sink.issues) complain(`${formatIssue(issue)}\n`);
    for (const { text, annotated } of articles) {
      if (!annotated) continue;
      located += annotated.filter((a) => a.span).length;
      unlocated += annotated.filter((a) => !a.span).length;
      perArticle.push(trainingExamples(text, setup.suggester, annotated, types));
    }
  }
  if (unlocated > 0)
    complain(
      `note: ${unlocated} annotated relations whose quote was not found in the text teach nothing (${located} do)\n`,
    );
  const examples = withoutRareWords(perArticle, MIN_WORD_ARTICLES);
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
    trainedOn: dirs.map((d) => relative(ROOT, resolve(d)) || '.'),
    articles: perArticle.length,
    examples: examples.length,
    positives,
    threshold,
    weights: Object.fromEntries(kept),
  };
  const text = `${JSON.stringify(model, null, 1)}\n`;
  readModel(JSON.parse(text), args.out);
  const summary = `${perArticle.length} articles, ${examples.length} candidate pairs (${positives} recorded), ${kept.length} weights`;
  if (args.check) {
    const current = await readFile(args.out, 'utf8').catch(() => undefined);
    if (current === undefined) {
      complain(`${args.out} does not exist; run ${writeCommand(args.out)} to write it\n`);
      return 1;
    }
    if (current !== text) {
      complain(
        `${args.out} is not what training gives (${summary}); run ${writeCommand(args.out)}\n`,
      );
      return 1;
    }
    say(`${args.out} is up to date: ${summary}\n`);
    return 0;
  }
  await writeFilesAtomically(dirname(resolve(args.out)), { [basename(args.out)]: text });
  say(`Wrote ${args.out}: ${summary}, threshold ${threshold}\n`);
  return 0;
});
