/**
 * Suggestions as npm run suggest prints them: YAML items to paste under an article's
 * `relations:` (each with its score and why as a comment), or JSON.
 */
import { stringify } from 'yaml';
import type { Suggestion } from './suggest.ts';

/** One suggestion as the JSON output gives it. */
export interface SuggestionJson {
  article?: string;
  source: string;
  type: string;
  target: string;
  modality: Suggestion['modality'];
  quote: string;
  score: number;
  why: string;
  /** Offsets into the article's text (line ends as \n), for showing the evidence. */
  evidence: Suggestion['evidence'];
}

export function toJson(suggestion: Suggestion, article?: string): SuggestionJson {
  const { source, type, target, modality, quote, score, why, evidence } = suggestion;
  return {
    ...(article === undefined ? {} : { article }),
    source,
    type,
    target,
    modality,
    quote,
    score,
    why,
    evidence,
  };
}

/** A comment line: no line breaks can leave it. */
const comment = (text: string): string => `# ${text.replace(/[\r\n\u2028\u2029]+/g, ' ')}`;

/**
 * The suggestions as YAML list items, indented to sit under `relations:`. The modality is left
 * out when asserted (the schema's default).
 */
export function toYaml(suggestions: readonly Suggestion[], indent = '  '): string {
  const items = suggestions.map((s) => {
    const item = {
      source: s.source,
      type: s.type,
      target: s.target,
      ...(s.modality === 'asserted' ? {} : { modality: s.modality }),
      quote: s.quote,
    };
    const body = stringify([item], { lineWidth: 0 }).trimEnd();
    return [comment(`score ${s.score.toFixed(2)}: ${s.why}`), ...body.split('\n')]
      .map((line) => `${indent}${line}`)
      .join('\n');
  });
  return items.length === 0 ? '' : `${items.join('\n')}\n`;
}
