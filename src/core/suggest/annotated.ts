/**
 * An article's annotated relations as statements (actor ids, type, modality, where the quote
 * is): what the evaluation scores suggestions against, and what --new-only leaves out. Names
 * are resolved and quotes located as the build does (resolve.ts, text.ts); a relation whose
 * names do not resolve is reported and left out.
 */
import type { ArticleDocument, Modality } from '../model.ts';
import type { IssueSink } from '../pipeline/issues.ts';
import { parseYaml, positionOf, type ParsedYaml, type SourceFile } from '../pipeline/load.ts';
import { resolveActor, type ActorIndex } from '../pipeline/resolve.ts';
import { foldForMatching, isMatch, locateQuote } from '../pipeline/text.ts';
import { validateAgainstSchema } from '../pipeline/validate.ts';
import type { Statement } from './evaluate.ts';
import { relationKey, type Span, type Suggestion } from './suggest.ts';

/**
 * The statements of article file `meta`, or undefined when it does not parse or fit the article
 * schema (the errors are in `sink`). `index` is the actors' (indexActors), made once by the
 * caller for all its articles.
 */
export function annotatedStatements(
  meta: SourceFile,
  text: string,
  index: ActorIndex,
  sink: IssueSink,
): Statement[] | undefined {
  const parsed = readArticleMeta(meta, sink);
  return parsed && statementsOf(parsed, text, index, sink);
}

/** Article file `meta` parsed and checked against the article schema; undefined if it is not. */
export function readArticleMeta(meta: SourceFile, sink: IssueSink): ParsedYaml | undefined {
  const parsed = parseYaml(meta, sink);
  return parsed && validateAgainstSchema(parsed, 'article', sink) ? parsed : undefined;
}

/** The statements of an article file read by readArticleMeta (its text is `text`). */
export function statementsOf(
  parsed: ParsedYaml,
  text: string,
  index: ActorIndex,
  sink: IssueSink,
): Statement[] {
  const folded = foldForMatching(text);
  const statements: Statement[] = [];
  (parsed.value as ArticleDocument).relations.forEach((relation, i) => {
    const source = resolveActor(index, relation.source);
    const target = resolveActor(index, relation.target);
    if (!source.ok || !target.ok) {
      sink.warn(
        parsed.file.path,
        positionOf(parsed, ['relations', i]),
        `relations[${i}] names an actor the registry does not know; it is left out`,
      );
      return;
    }
    const found = locateQuote(folded, relation.quote);
    const span: Span | undefined = isMatch(found)
      ? { start: found.start, end: found.end }
      : undefined;
    statements.push({
      source: source.id,
      type: relation.type,
      target: target.id,
      modality: (relation.modality ?? 'asserted') as Modality,
      ...(span ? { span } : {}),
    });
  });
  return statements;
}

/**
 * Whether a suggestion is already annotated: the same relation (a symmetric type in either
 * order) with a quote that overlaps the suggestion's sentence.
 */
export function isAnnotated(
  suggestion: Suggestion,
  annotated: readonly Statement[],
  isDirected: (type: string) => boolean,
): boolean {
  return recordedIn(suggestion, suggestion.evidence.sentence, annotated, isDirected);
}

/**
 * Whether the annotators recorded a relation in a sentence: the same relation (a symmetric type
 * in either order) with a quote that overlaps it. What isAnnotated asks of a suggestion, and
 * what labels the learned reader's training examples (training.ts).
 */
export function recordedIn(
  relation: { source: string; type: string; target: string },
  sentence: Span,
  annotated: readonly Statement[],
  isDirected: (type: string) => boolean,
): boolean {
  const key = relationKey(
    relation.source,
    relation.type,
    relation.target,
    isDirected(relation.type),
  );
  const { start, end } = sentence;
  return annotated.some(
    (a) =>
      relationKey(a.source, a.type, a.target, isDirected(a.type)) === key &&
      a.span !== undefined &&
      a.span.start < end &&
      start < a.span.end,
  );
}
