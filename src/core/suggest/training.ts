/**
 * The learned reader's examples from an annotated article: every candidate pair of the
 * structure's reading (learned.ts), labelled 1 when the annotators recorded that relation with
 * a quote overlapping the candidate's sentence. The structure is read without the learned
 * stage, as it is when the model is applied.
 */
import type { Statement } from './evaluate.ts';
import type { Example } from './learned.ts';
import { learnedCandidates, readSentences, relationKey, type Suggester } from './suggest.ts';

export function trainingExamples(
  text: string,
  suggester: Suggester,
  annotated: readonly Statement[],
  types: readonly string[],
): Example[] {
  const reading = readSentences(text, suggester);
  const key = (s: { source: string; type: string; target: string }) =>
    relationKey(s.source, s.type, s.target, suggester.directed(s.type));
  return learnedCandidates(reading, suggester, types).map(({ sentence, candidate }) => {
    const { start, end } = sentence.view.sentence;
    const wanted = key({
      source: candidate.source.actor!,
      type: candidate.type,
      target: candidate.target.actor!,
    });
    const recorded = annotated.some(
      (a) => a.span !== undefined && a.span.start < end && start < a.span.end && key(a) === wanted,
    );
    return { features: candidate.features, label: recorded ? 1 : 0 };
  });
}
