/**
 * The learned reader's examples from an annotated article: every candidate pair of the
 * structure's reading (learned.ts), labelled 1 when the annotators recorded that relation with
 * a quote overlapping the candidate's sentence. The structure is read without the learned
 * stage, as it is when the model is applied.
 */
import { recordedIn } from './annotated.ts';
import type { Statement } from './evaluate.ts';
import type { Example } from './learned.ts';
import { learnedCandidates, readSentences, type Suggester } from './suggest.ts';

export function trainingExamples(
  text: string,
  suggester: Suggester,
  annotated: readonly Statement[],
  types: readonly string[],
): Example[] {
  const reading = readSentences(text, suggester);
  return learnedCandidates(reading, suggester, types).map(({ sentence, candidate }) => {
    const relation = {
      source: candidate.source.actor!,
      type: candidate.type,
      target: candidate.target.actor!,
    };
    const recorded = recordedIn(relation, sentence.view.sentence, annotated, suggester.directed);
    return { features: candidate.features, label: recorded ? 1 : 0 };
  });
}
