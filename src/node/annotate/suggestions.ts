/**
 * The workbench's suggested relations (GET suggestions?article=ID): the suggestion pipeline of
 * src/core/suggest on an article's text as the build reads it (ArticleView.text, so that the
 * offsets fit the reader), without what the article already annotates (as `npm run suggest --
 * --new-only` leaves it out) and without what it has dismissed (`dismissedSuggestions`).
 *
 * The cue lexicon is DIR/suggest-cues.yaml when the data folder has one, else the project's
 * graph-data/suggest-cues.yaml (as npm run suggest chooses). It is read at each request (a
 * small file) and parsed, checked and compiled only when its text or the relation types change;
 * the suggester (the actors' names indexed) is made once per actors.yaml text. The pipeline's
 * modules (wink-nlp and its model) are loaded when suggestions are first asked for, not when
 * the workbench starts.
 */
import { relative } from 'node:path';
import type { ApiFailure, FieldProblem, SuggestionsView } from '../../core/annotate/api.ts';
import { dismissedIn, isDismissed } from '../../core/annotate/dismiss.ts';
import type { DataFiles } from '../../core/pipeline/buildGraph.ts';
import { formatIssue, IssueSink, type BuildIssue } from '../../core/pipeline/issues.ts';
import type { SourceFile } from '../../core/pipeline/load.ts';
import type { ActorIndex } from '../../core/pipeline/resolve.ts';
import { toJson } from '../../core/suggest/format.ts';
import type { LearnedModel } from '../../core/suggest/learned.ts';
import type { LexiconSetup } from '../../core/suggest/setup.ts';
import type { Suggester } from '../../core/suggest/suggest.ts';
import { cuesCandidates, readCueText } from '../suggestCues.ts';
import { builtInModel } from '../suggestModel.ts';

/** An answer that is not a SuggestionsView. */
export interface SuggestFailure {
  status: number;
  body: ApiFailure;
}

/** The pipeline's modules, loaded on first use (wink-nlp's model takes some 60 ms to load). */
type Pipeline = typeof import('../../core/suggest/suggest.ts') &
  typeof import('../../core/suggest/annotated.ts') &
  typeof import('../../core/suggest/setup.ts');
let pipeline: Promise<Pipeline> | undefined;
const loadPipeline = (): Promise<Pipeline> =>
  (pipeline ??= Promise.all([
    import('../../core/suggest/suggest.ts'),
    import('../../core/suggest/annotated.ts'),
    import('../../core/suggest/setup.ts'),
  ]).then(([suggest, annotated, setup]) => ({ ...suggest, ...annotated, ...setup })));

interface Compiled extends LexiconSetup {
  key: string;
}

interface Prepared {
  key: string;
  suggester: Suggester;
  /** The actors' names as the build resolves them (indexing 2,000 actors takes some 30 ms). */
  index: ActorIndex;
  directed: (type: string) => boolean;
}

export class Suggestions {
  private compiled?: Compiled;
  private prepared?: Prepared;

  /**
   * @param dataDir the data folder (its suggest-cues.yaml, when there is one, is the lexicon)
   * @param cues a cue file to use instead (a test's, or one the user names)
   */
  constructor(
    private readonly dataDir: string,
    private readonly cues?: string,
  ) {}

  /** The suggestions for article `id` of `data`, whose articles/<id>.yaml is at `version`. */
  async forArticle(
    data: DataFiles,
    id: string,
    version: string,
  ): Promise<{ status: 200; body: SuggestionsView } | SuggestFailure> {
    const entry = data.articles.find((a) => a.id === id);
    if (!entry?.meta) {
      return failure(404, 'not-found', `There is no article "${id}".`);
    }
    const cueFile = await this.readCues();
    if ('status' in cueFile) return cueFile;
    const { suggestRelations, isAnnotated, articleText, readArticleMeta, statementsOf } =
      await loadPipeline();
    let model: LearnedModel;
    try {
      model = await builtInModel();
    } catch (error) {
      return this.cannot((error as Error).message, []);
    }
    const prepared = await this.prepare(data, cueFile, model);
    if ('status' in prepared) return prepared;

    const sink = new IssueSink();
    const text = articleText(data, id, sink) ?? '';
    if (sink.issues.length > 0)
      return this.cannot(`the text of "${id}" has characters the build refuses`, sink.issues);
    const parsed = readArticleMeta(entry.meta, sink);
    if (!parsed) {
      return this.cannot(
        `${this.shown(entry.meta.path)} cannot be read, so what it already annotates cannot be told`,
        sink.issues,
      );
    }
    // A relation whose names do not resolve is left out (its warning is not shown here).
    const annotated = statementsOf(parsed, text, prepared.index, sink);
    const dismissed = dismissedIn(parsed.value);
    const result = suggestRelations(text, prepared.suggester);
    let leftOut = 0;
    const suggestions = result.suggestions.filter((s) => {
      if (isAnnotated(s, annotated, prepared.directed)) return false;
      if (isDismissed(s, dismissed, prepared.directed)) {
        leftOut++;
        return false;
      }
      return true;
    });
    return {
      status: 200,
      body: {
        article: id,
        suggestions: suggestions.map((s) => toJson(s)),
        ambiguous: result.ambiguous.map(({ start, end, text: name, actors }) => ({
          start,
          end,
          text: name,
          actors: [...actors],
        })),
        dismissed: leftOut,
        version,
      },
    };
  }

  /** The cue file's text: the data folder's, else the given one or the project's. */
  private async readCues(): Promise<SourceFile | SuggestFailure> {
    const paths = cuesCandidates(this.dataDir, this.cues);
    for (const path of paths) {
      const read = await readCueText(path);
      switch (read.kind) {
        case 'ok':
          return read.file;
        case 'missing':
          continue;
        case 'problem':
          return this.cannot(`${this.shown(path)}: ${read.message}. ${read.hint}`, []);
        case 'not-utf8':
          return this.cannot(`${this.shown(path)}: the cue lexicon is not UTF-8 text`, []);
      }
    }
    const own = cuesCandidates(this.dataDir, undefined)[0]!;
    return this.cannot(
      `there is no cue lexicon: neither ${this.shown(own)} nor ${paths.at(-1)!} exists`,
      [],
    );
  }

  /** The lexicon (compiled once per cue file and relation types) and the suggester (once per actors.yaml). */
  private async prepare(
    data: DataFiles,
    cues: SourceFile,
    model: LearnedModel,
  ): Promise<Prepared | SuggestFailure> {
    const { makeSuggester, prepareLexicon, prepareActors } = await loadPipeline();
    const sink = new IssueSink();
    const types = data.relationTypes;
    const lexiconKey = `${cues.path}\u0000${cues.text}\u0000${types?.text ?? ''}`;
    if (this.compiled?.key !== lexiconKey) {
      if (!types) return this.cannot('the data folder has no relation-types.yaml', []);
      // Its warnings (a CAMEO code no relation type lists) do not stop suggesting.
      const compiled = prepareLexicon(types, cues, sink);
      if ('failed' in compiled) {
        return this.cannot(
          compiled.failed === 'read'
            ? 'the cue lexicon or the relation types have errors'
            : 'the relation types have errors',
          sink.issues,
        );
      }
      this.compiled = { key: lexiconKey, ...compiled };
      this.prepared = undefined;
    }
    const compiled = this.compiled;
    const actorsFile = data.actors;
    const key = `${lexiconKey}\u0000${actorsFile?.text ?? ''}`;
    if (this.prepared?.key !== key) {
      if (!actorsFile) return this.cannot('the data folder has no actors.yaml', []);
      const actors = prepareActors(actorsFile, sink);
      if (!actors) return this.cannot('actors.yaml has errors', sink.issues);
      this.prepared = {
        key,
        suggester: makeSuggester(actors.actors, compiled.relationTypes, compiled.lexicon, model),
        index: actors.index,
        directed: compiled.directed,
      };
    }
    return this.prepared;
  }

  /** A path as the page shows it: relative to the data folder when inside it. */
  private shown(path: string): string {
    const inside = relative(this.dataDir, path);
    return inside !== '' && !inside.startsWith('..') && !inside.startsWith('/') ? inside : path;
  }

  /** 500: suggesting is impossible until a file is fixed; the message names the file and line. */
  private cannot(why: string, issues: readonly BuildIssue[]): SuggestFailure {
    const errors = issues.filter((i) => i.severity === 'error');
    const shown = errors.map((i) => ({ ...i, file: this.shown(i.file) }));
    const problems: FieldProblem[] = shown.map((i) => ({
      message: i.message,
      ...(i.hint ? { hint: i.hint } : {}),
      file: i.file,
      ...(i.line === undefined ? {} : { line: i.line }),
    }));
    const first = shown.slice(0, 5).map((i) => formatIssue(i));
    const more = shown.length > 5 ? `\n(and ${shown.length - 5} more)` : '';
    return {
      status: 500,
      body: {
        ok: false,
        reason: 'failed',
        message: `Cannot suggest relations: ${why}${first.length > 0 ? `:\n${first.join('\n')}${more}` : '.'}`,
        ...(problems.length > 0 ? { problems } : {}),
        ...(shown[0] ? { file: shown[0].file } : {}),
      },
    };
  }
}

function failure(status: number, reason: ApiFailure['reason'], message: string): SuggestFailure {
  return { status, body: { ok: false, reason, message } };
}
