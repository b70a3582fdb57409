/**
 * npm run suggest -- [--data DIR] (--article ID | --all) [--json] [--new-only] [--cues FILE]
 * Prints the relations the text of an article suggests (src/core/suggest), best first: YAML to
 * paste under the article's `relations:`, or a JSON array. See docs/suggest.md.
 */
import { join } from 'node:path';
import { dismissedIn, isDismissed } from '../src/core/annotate/dismiss.ts';
import { isAnnotated, readArticleMeta, statementsOf } from '../src/core/suggest/annotated.ts';
import { toJson, toYaml, type SuggestionJson } from '../src/core/suggest/format.ts';
import { articleText, prepareSuggestions } from '../src/core/suggest/setup.ts';
import { suggestRelations } from '../src/core/suggest/suggest.ts';
import { IssueSink, formatIssue, hasErrors, sortIssues } from '../src/core/pipeline/issues.ts';
import { complain, parseCommandLine, runCommand, say, UsageError } from '../src/node/cli.ts';
import { readDataDir } from '../src/node/readData.ts';
import { cuesPathFor, parseMinScore, readCueSource } from '../src/node/suggestCues.ts';
import { learnedModelFor, modelTypesNote } from '../src/node/suggestModel.ts';

const USAGE = `Usage: npm run suggest -- (--article ID | --all) [options]

Suggests relations found in an article's text: actor mentions from actors.yaml, relation cues
from the cue lexicon (by CAMEO root code), the two sides from the sentence's structure, and
the modality. Prints YAML items to paste under the article's relations:, best first, each
with its score and why as a comment. Nothing is written. See docs/suggest.md.

Options:
  --data DIR        graph-data folder to read (default: graph-data)
  --article ID      the article (articles/ID.txt; its .yaml is not needed)
  --all             every article of the folder
  --new-only        leave out what the article's .yaml already annotates (the same relation
                    with a quote in the same sentence) and what it has dismissed (its
                    dismissedSuggestions: the same relation and sentence)
  --json            print a JSON array: {source, type, target, modality, quote, score, why,
                    evidence: character offsets of the sentence, names and cue words}
  --cues FILE       the cue lexicon (default: DIR/suggest-cues.yaml if there is one, else
                    the project's graph-data/suggest-cues.yaml)
  --min-score X     leave out suggestions scored below X, 0 to 1 (default: 0)
  --model FILE      the learned reader's model (default: the project's,
                    src/core/suggest/learned-model.json), as npm run train:suggest -- --out
                    FILE writes it
  --rules-only      without the learned reader's suggestions (docs/suggest.md)
  -h, --help        show this help

Examples:
  npm run suggest -- --article washington-post-2014-10-kerry-lavrov-paris
  npm run suggest -- --all --new-only --json`;

runCommand(USAGE, async () => {
  const args = parseCommandLine(
    process.argv.slice(2),
    {
      data: { type: 'string', default: 'graph-data' },
      article: { type: 'string' },
      all: { type: 'boolean', default: false },
      'new-only': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
      cues: { type: 'string' },
      'min-score': { type: 'string', default: '0' },
      model: { type: 'string' },
      'rules-only': { type: 'boolean', default: false },
    },
    USAGE,
  );
  if ((args.article === undefined) === !args.all) {
    throw new UsageError('name one article with --article ID, or all of them with --all');
  }
  const minScore = parseMinScore(args['min-score']);
  const learned = await learnedModelFor({ model: args.model, rulesOnly: args['rules-only'] });
  const dataDir = args.data.replace(/\/+$/, '') || '/';
  const read = await readDataDir(dataDir);
  const cuesPath = cuesPathFor(dataDir, args.cues);
  const cues = await readCueSource(cuesPath);
  const setup = prepareSuggestions(read.files, cues, learned);
  const issues = sortIssues([...read.issues, ...setup.issues]);
  const problems = issues.filter(
    (i) => i.severity === 'error' || i.file === cuesPath || i.file.endsWith('.yaml'),
  );
  for (const issue of problems) complain(`${formatIssue(issue)}\n`);
  if (hasErrors(issues) || !setup.suggester) {
    complain(`\nCannot suggest: the data or the cue lexicon has errors (above).\n`);
    return 1;
  }
  const suggester = setup.suggester;
  const note = modelTypesNote(
    learned,
    setup.relationTypes.map((t) => t.id),
  );
  if (note) complain(note);

  const withText = read.files.articles
    .filter((a) => a.text)
    .map((a) => a.id)
    .sort();
  const ids = args.all ? withText : [args.article!];
  if (!args.all && !withText.includes(args.article!)) {
    const near = withText.filter((id) => id.includes(args.article!) || args.article!.includes(id));
    complain(
      `error: no article "${args.article}" in ${join(dataDir, 'articles')}: there is no ${args.article}.txt.\n` +
        `    ${near.length > 0 ? `Did you mean ${near.slice(0, 3).join(', ')}? ` : ''}${withText.length === 0 ? 'The folder has no article texts.' : `Articles: ${withText.slice(0, 10).join(', ')}${withText.length > 10 ? `, … (${withText.length})` : ''}.`}\n`,
    );
    return 1;
  }

  const json: SuggestionJson[] = [];
  const yaml: string[] = [];
  let refused = false;
  for (const id of ids) {
    const textSink = new IssueSink();
    const text = articleText(read.files, id, textSink);
    if (text === undefined) {
      for (const issue of textSink.issues) complain(`${formatIssue(issue)}\n`);
      complain(`error: ${id}: nothing suggested from a text the build refuses\n`);
      if (!args.all) return 1;
      refused = true;
      continue;
    }
    const result = suggestRelations(text, suggester);
    let suggestions = result.suggestions.filter((s) => s.score >= minScore);
    const meta = read.files.articles.find((a) => a.id === id)?.meta;
    if (args['new-only'] && meta) {
      const sink = new IssueSink();
      const parsed = readArticleMeta(meta, sink);
      const annotated = parsed && statementsOf(parsed, text, setup.index, sink);
      for (const issue of sink.issues) complain(`${formatIssue(issue)}\n`);
      if (!annotated) {
        complain(`error: ${meta.path} cannot be read, so --new-only cannot tell what is new\n`);
        return 1;
      }
      const dismissed = dismissedIn(parsed.value);
      suggestions = suggestions.filter(
        (s) =>
          !isAnnotated(s, annotated, setup.directed) && !isDismissed(s, dismissed, setup.directed),
      );
    }
    for (const a of result.ambiguous) {
      complain(
        `note: ${id}: "${a.text}" (at ${a.start}) could name ${a.actors.join(' or ')}; not used (give each its own name in actors.yaml)\n`,
      );
    }
    if (text.trim() === '') complain(`note: ${id}: the article text is empty\n`);
    else if (result.mentions === 0)
      complain(`note: ${id}: no actor of actors.yaml is named in the text\n`);
    if (args.json) json.push(...suggestions.map((s) => toJson(s, args.all ? id : undefined)));
    else {
      yaml.push(
        `# ${id}: ${suggestions.length} suggestion${suggestions.length === 1 ? '' : 's'}${args['new-only'] ? ' not yet annotated or dismissed' : ''}, best first`,
        ...(suggestions.length > 0 ? [toYaml(suggestions).trimEnd()] : []),
      );
    }
  }
  if (args.json) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE') throw error;
    });
    // JSON escapes control characters itself.
    process.stdout.write(`${JSON.stringify(json, null, 2)}\n`);
  } else say(`${yaml.join('\n')}\n`);
  return refused ? 1 : 0;
});
