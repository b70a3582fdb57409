/**
 * npm run eval:suggest -- [--data DIR] [--cues FILE] [--json] [--details]
 * Scores the suggestions of every annotated article against its annotated relations
 * (src/core/suggest/evaluate.ts): precision, recall and F1 overall and per relation type, and
 * modality accuracy on the matched ones. See docs/suggest.md.
 */
import { annotatedStatements } from '../src/core/suggest/annotated.ts';
import {
  evaluate,
  formatEvaluation,
  matchArticle,
  rates,
  type Statement,
} from '../src/core/suggest/evaluate.ts';
import { articleText, prepareSuggestions } from '../src/core/suggest/setup.ts';
import { suggestRelations } from '../src/core/suggest/suggest.ts';
import { IssueSink, formatIssue, hasErrors, sortIssues } from '../src/core/pipeline/issues.ts';
import { complain, parseCommandLine, runCommand, say } from '../src/node/cli.ts';
import { readDataDir } from '../src/node/readData.ts';
import { cuesPathFor, parseMinScore, readCueSource } from '../src/node/suggestCues.ts';
import { learnedModelFor, modelTypesNote } from '../src/node/suggestModel.ts';

const USAGE = `Usage: npm run eval:suggest -- [options]

Scores what npm run suggest finds in every annotated article against the article's annotated
relations: precision, recall and F1 overall and per relation type, and modality accuracy on
the matched ones. A match is the same source, type and target (a symmetric type such as
cooperates-with in either order); each annotation matches one suggestion at most, and every
suggestion counts (a relation found in two sentences is two). Also: "same sentence", only the
matches whose suggestion comes from the sentence the annotation quotes; "by relation", each
relation of an article once.

Options:
  --data DIR        graph-data folder to read (default: graph-data)
  --cues FILE       the cue lexicon (default: DIR/suggest-cues.yaml if there is one, else
                    the project's graph-data/suggest-cues.yaml)
  --min-score X     score only the suggestions scored X or more, 0 to 1 (default: 0): what
                    npm run suggest -- --min-score X gives
  --model FILE      the learned reader's model (default: the project's,
                    src/core/suggest/learned-model.json), as npm run train:suggest -- --out
                    FILE writes it
  --rules-only      score the rules alone, without the learned reader
  --details         also list, per article, what was matched, missed and suggested in excess
  --json            print the figures as one JSON object
  -h, --help        show this help`;

runCommand(USAGE, async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      data: { type: 'string', default: 'graph-data' },
      cues: { type: 'string' },
      details: { type: 'boolean', default: false },
      'min-score': { type: 'string', default: '0' },
      model: { type: 'string' },
      'rules-only': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
    USAGE,
  );
  const minScore = parseMinScore(args['min-score']);
  const learned = await learnedModelFor({ model: args.model, rulesOnly: args['rules-only'] });
  const dataDir = args.data.replace(/\/+$/, '') || '/';
  const read = await readDataDir(dataDir);
  const cuesPath = cuesPathFor(dataDir, args.cues);
  const setup = prepareSuggestions(read.files, await readCueSource(cuesPath), learned);
  const note = modelTypesNote(
    learned,
    setup.relationTypes.map((t) => t.id),
  );
  if (note) complain(note);
  const sink = new IssueSink();
  const articles: { id: string; suggested: Statement[]; annotated: Statement[] }[] = [];
  if (setup.suggester) {
    for (const article of [...read.files.articles].sort((a, b) => (a.id < b.id ? -1 : 1))) {
      if (!article.meta || !article.text) continue;
      const text = articleText(read.files, article.id, sink);
      if (text === undefined) continue;
      const annotated = annotatedStatements(article.meta, text, setup.index, sink);
      if (!annotated) continue;
      const suggested = suggestRelations(text, setup.suggester)
        .suggestions.filter((s) => s.score >= minScore)
        .map((s) => ({
          source: s.source,
          type: s.type,
          target: s.target,
          modality: s.modality,
          span: s.evidence.sentence,
        }));
      articles.push({ id: article.id, suggested, annotated });
    }
  }
  const issues = sortIssues([...read.issues, ...setup.issues, ...sink.issues]);
  for (const issue of issues.filter((i) => i.severity === 'error'))
    complain(`${formatIssue(issue)}\n`);
  if (hasErrors(issues) || !setup.suggester) {
    complain(`\nCannot evaluate: the data or the cue lexicon has errors (above).\n`);
    return 1;
  }
  if (articles.length === 0) {
    complain(
      `error: ${dataDir} has no annotated article (articles/ID.txt with its ID.yaml) to score\n`,
    );
    return 1;
  }
  const evaluation = evaluate(articles, setup.relationTypes);
  if (args.json) {
    const withRates = (t: (typeof evaluation)['overall']) => ({ ...t, ...rates(t) });
    process.stdout.write(
      `${JSON.stringify(
        {
          data: dataDir,
          cues: cuesPath,
          minScore,
          rulesOnly: args['rules-only'],
          model: args.model ?? null,
          articles: evaluation.articles,
          overall: withRates(evaluation.overall),
          sameSentence: withRates(evaluation.sameSentence),
          relations: withRates(evaluation.relations),
          byType: Object.fromEntries(
            Object.entries(evaluation.byType).map(([k, t]) => [k, withRates(t)]),
          ),
          modality: evaluation.modality,
        },
        null,
        2,
      )}\n`,
    );
    return 0;
  }
  say(
    `Suggestions${args['rules-only'] ? ' of the rules alone' : ''}${minScore > 0 ? ` with a score of ${minScore} or more,` : ''} scored against the annotations of ${dataDir} (cues: ${cuesPath})\n\n`,
  );
  say(formatEvaluation(evaluation));
  if (args.details) {
    const show = (s: Statement) => `${s.source} ${s.type} ${s.target} (${s.modality})`;
    for (const a of articles) {
      const pairs = matchArticle(a.suggested, a.annotated, setup.directed);
      const matchedS = new Set(pairs.map(([i]) => i));
      const matchedA = new Set(pairs.map(([, j]) => j));
      say(`\n${a.id}\n`);
      for (const [i, j] of pairs)
        say(`  matched  ${show(a.suggested[i]!)} ~ ${a.annotated[j]!.modality}\n`);
      a.annotated.forEach((s, j) => matchedA.has(j) || say(`  missed   ${show(s)}\n`));
      a.suggested.forEach((s, i) => matchedS.has(i) || say(`  excess   ${show(s)}\n`));
    }
  }
  return 0;
});
