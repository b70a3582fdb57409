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
import { join, relative } from 'node:path';
import type { ApiFailure, FieldProblem, SuggestionsView } from '../../core/annotate/api.ts';
import { dismissedIn, isDismissed } from '../../core/annotate/dismiss.ts';
import type { Actor, ArticleDocument, Modality, RelationType } from '../../core/model.ts';
import type { DataFiles } from '../../core/pipeline/buildGraph.ts';
import { formatIssue, IssueSink, type BuildIssue } from '../../core/pipeline/issues.ts';
import { parseYaml, type SourceFile } from '../../core/pipeline/load.ts';
import { checkActors, checkRelationTypes } from '../../core/pipeline/registry.ts';
import { indexActors, resolveActor, type ActorIndex } from '../../core/pipeline/resolve.ts';
import {
  foldForMatching,
  isMatch,
  locateQuote,
  normaliseArticleText,
} from '../../core/pipeline/text.ts';
import { validateAgainstSchema } from '../../core/pipeline/validate.ts';
import { compileLexicon, readCueFile, type Lexicon } from '../../core/suggest/lexicon.ts';
import type { Statement } from '../../core/suggest/evaluate.ts';
import { toJson } from '../../core/suggest/format.ts';
import type { Suggester } from '../../core/suggest/suggest.ts';
import { MAX_YAML_BYTES, nodeFs, readRegularFile } from '../readData.ts';
import { DEFAULT_CUES } from '../suggestCues.ts';

/** The cue file's name in a data folder. */
export const CUES_FILE = 'suggest-cues.yaml';

/** An answer that is not a SuggestionsView. */
export interface SuggestFailure {
  status: number;
  body: ApiFailure;
}

/** The pipeline's modules, loaded on first use (wink-nlp's model takes some 60 ms to load). */
type Pipeline = typeof import('../../core/suggest/suggest.ts') &
  typeof import('../../core/suggest/annotated.ts');
let pipeline: Promise<Pipeline> | undefined;
const loadPipeline = (): Promise<Pipeline> =>
  (pipeline ??= Promise.all([
    import('../../core/suggest/suggest.ts'),
    import('../../core/suggest/annotated.ts'),
  ]).then(([suggest, annotated]) => ({ ...suggest, ...annotated })));

interface Compiled {
  key: string;
  lexicon: Lexicon;
  relationTypes: RelationType[];
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
    const { suggestRelations, isAnnotated } = await loadPipeline();
    const prepared = await this.prepare(data, cueFile);
    if ('status' in prepared) return prepared;

    const text = entry.text ? normaliseArticleText(entry.text.text) : '';
    const sink = new IssueSink();
    const parsed = parseYaml(entry.meta, sink);
    if (!parsed || !validateAgainstSchema(parsed, 'article', sink)) {
      return this.cannot(
        `${this.shown(entry.meta.path)} cannot be read, so what it already annotates cannot be told`,
        sink.issues,
      );
    }
    const annotated = annotatedIn(parsed.value as ArticleDocument, text, prepared.index);
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
    const own = join(this.dataDir, CUES_FILE);
    const paths = this.cues === undefined ? [own, DEFAULT_CUES] : [this.cues];
    for (const path of paths) {
      const outcome = await readRegularFile(nodeFs, path, MAX_YAML_BYTES);
      if (outcome.kind === 'missing') continue;
      if (outcome.kind === 'problem') {
        return this.cannot(`${this.shown(path)}: ${outcome.message}. ${outcome.hint}`, []);
      }
      try {
        return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(outcome.bytes) };
      } catch {
        return this.cannot(`${this.shown(path)}: the cue lexicon is not UTF-8 text`, []);
      }
    }
    return this.cannot(
      `there is no cue lexicon: neither ${this.shown(own)} nor ${paths.at(-1)!} exists`,
      [],
    );
  }

  /** The lexicon (compiled once per cue file and relation types) and the suggester (once per actors.yaml). */
  private async prepare(data: DataFiles, cues: SourceFile): Promise<Prepared | SuggestFailure> {
    const { makeSuggester } = await loadPipeline();
    const sink = new IssueSink();
    const types = data.relationTypes;
    const lexiconKey = `${cues.path}\u0000${cues.text}\u0000${types?.text ?? ''}`;
    if (this.compiled?.key !== lexiconKey) {
      if (!types) return this.cannot('the data folder has no relation-types.yaml', []);
      const cueFile = readCueFile(cues, sink);
      const parsedTypes = parseYaml(types, sink);
      if (!cueFile || !parsedTypes || !validateAgainstSchema(parsedTypes, 'relation-types', sink)) {
        return this.cannot('the cue lexicon or the relation types have errors', sink.issues);
      }
      const relationTypes = [...checkRelationTypes(parsedTypes, sink).values()];
      if (hasError(sink.issues)) return this.cannot('the relation types have errors', sink.issues);
      // Warnings (a CAMEO code no relation type lists) do not stop suggesting.
      const lexicon = compileLexicon(cueFile, relationTypes, { warn: () => undefined });
      this.compiled = { key: lexiconKey, lexicon, relationTypes };
      this.prepared = undefined;
    }
    const compiled = this.compiled;
    const actorsFile = data.actors;
    const key = `${lexiconKey}\u0000${actorsFile?.text ?? ''}`;
    if (this.prepared?.key !== key) {
      if (!actorsFile) return this.cannot('the data folder has no actors.yaml', []);
      const parsed = parseYaml(actorsFile, sink);
      if (!parsed || !validateAgainstSchema(parsed, 'actors', sink)) {
        return this.cannot('actors.yaml has errors', sink.issues);
      }
      checkActors(parsed, sink);
      if (hasError(sink.issues)) return this.cannot('actors.yaml has errors', sink.issues);
      const actors = (parsed.value as { actors: Actor[] }).actors;
      const directed = new Map(compiled.relationTypes.map((t) => [t.id, t.directed]));
      this.prepared = {
        key,
        suggester: makeSuggester(actors, compiled.relationTypes, compiled.lexicon),
        index: indexActors(actors),
        directed: (type) => directed.get(type) ?? true,
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

/**
 * The article's relations as statements (actor ids, type, the quote's span), as
 * annotatedStatements (src/core/suggest/annotated.ts) gives them for npm run suggest --new-only,
 * with the actor index made once per actors.yaml rather than once per article. A relation whose
 * names do not resolve is left out.
 */
function annotatedIn(document: ArticleDocument, text: string, index: ActorIndex): Statement[] {
  const folded = foldForMatching(text);
  return document.relations.flatMap((relation) => {
    const source = resolveActor(index, relation.source);
    const target = resolveActor(index, relation.target);
    if (!source.ok || !target.ok) return [];
    const found = locateQuote(folded, relation.quote);
    return [
      {
        source: source.id,
        type: relation.type,
        target: target.id,
        modality: (relation.modality ?? 'asserted') as Modality,
        ...(isMatch(found) ? { span: { start: found.start, end: found.end } } : {}),
      },
    ];
  });
}

const hasError = (issues: readonly BuildIssue[]): boolean =>
  issues.some((i) => i.severity === 'error');

function failure(status: number, reason: ApiFailure['reason'], message: string): SuggestFailure {
  return { status, body: { ok: false, reason, message } };
}
