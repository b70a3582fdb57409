/**
 * The cue lexicon (graph-data/suggest-cues.yaml, or --cues FILE): read, checked against its
 * JSON Schema with every problem at its line, and compiled against the relation vocabulary
 * (each CAMEO root code to the relation type whose `cameo` list holds it).
 */
import { builtInCapitals, type PlaceForms } from './capitals.ts';
import type { Modality, RelationType } from '../model.ts';
import type { IssueSink } from '../pipeline/issues.ts';
import { parseYaml, type SourceFile } from '../pipeline/load.ts';
import { validateAgainstSchema } from '../pipeline/validate.ts';

export type CueModality = Exclude<Modality, 'asserted'>;
export const CUE_MODALITIES: readonly CueModality[] = [
  'negated',
  'conditional',
  'proposed',
  'reported',
  'denied',
];

/** The file as written. */
export interface CueFile {
  roots: {
    code: string;
    name: string;
    verbs?: string[];
    nouns?: string[];
    adjectives?: string[];
    prepositions?: string[];
  }[];
  modality: Partial<Record<CueModality, string[]>>;
  concessions?: string[];
  reciprocals?: string[];
  standing?: string[];
  refusals?: string[];
  honorifics?: string[];
  demonyms?: PlaceForms[];
  capitals?: PlaceForms[];
}

/** A cue as matched: its words in lower case (the first compared with lemmas too). */
export interface Cue {
  words: string[];
  /** Looked for among verbs, nouns or adjectives. */
  pos: 'verb' | 'noun' | 'adjective';
  code: string;
  rootName: string;
  type: string;
  prepositions: ReadonlySet<string>;
  /** A mutual act ("clash", "exchange fire"): parties joined by "and" do it to each other. */
  reciprocal: boolean;
  /**
   * A noun of a standing relation ("ally", "partner"): between the name it is said of and its
   * possessor ("China, North Korea's main ally", "an ally of Y").
   */
  standing: boolean;
  /** Its negation is a refusal ("does not recognise"): the cue file's `refusals`. */
  refusal: boolean;
}

export interface Lexicon {
  /** Cues by their first word, longest first. */
  cues: Map<string, Cue[]>;
  /** Modality cues by their first word, longest first. */
  modality: Map<string, { words: string[]; modality: CueModality }[]>;
  /** Verbs of yielding (lemmas): "would withdraw ... if" is an offer. */
  concessions: ReadonlySet<string>;
  honorifics: string[];
  demonyms: readonly PlaceForms[];
  /** Cities that stand for states: the built-in capitals, then the cue file's. */
  capitals: readonly PlaceForms[];
}

/**
 * Reads a cue file. Problems go to the sink with their line and column, worded as the build
 * words every schema problem (validate.ts); undefined when the file cannot be used.
 */
export function readCueFile(file: SourceFile, sink: IssueSink): CueFile | undefined {
  const parsed = parseYaml(file, sink);
  if (!parsed || !validateAgainstSchema(parsed, 'suggest-cues', sink)) return undefined;
  return parsed.value as CueFile;
}

const words = (cue: string): string[] => cue.trim().toLowerCase().split(/\s+/);

/** Prepositions a noun cue may end in ("dispute with"): the cue's own way to its other side. */
const CUE_PREPOSITIONS = new Set([
  'with',
  'to',
  'on',
  'against',
  'at',
  'over',
  'from',
  'for',
  'of',
  'about',
  'toward',
  'towards',
  'between',
  'among',
  'upon',
  'in',
]);

/**
 * Compiles a cue file against the relation types. A root code that no relation type lists is
 * a warning (its cues cannot suggest anything), as is a root given twice.
 */
export function compileLexicon(
  cues: CueFile,
  relationTypes: readonly RelationType[],
  sink?: { warn(message: string, hint?: string): void },
): Lexicon {
  const typeOf = new Map<string, string>();
  for (const type of relationTypes) for (const code of type.cameo) typeOf.set(code, type.id);
  const byFirst = new Map<string, Cue[]>();
  const seen = new Set<string>();
  const reciprocals = new Set((cues.reciprocals ?? []).map((c) => words(c).join(' ')));
  const standing = new Set((cues.standing ?? []).map((c) => words(c).join(' ')));
  const refusals = new Set((cues.refusals ?? []).map((c) => words(c).join(' ')));
  for (const root of cues.roots) {
    if (seen.has(root.code)) {
      sink?.warn(`CAMEO root ${root.code} is listed twice; both lists are used`);
    }
    seen.add(root.code);
    const type = typeOf.get(root.code);
    if (!type) {
      sink?.warn(
        `CAMEO root ${root.code} (${root.name}) belongs to no relation type, so its cues suggest nothing`,
        'Add the code to the cameo list of a type in relation-types.yaml, or remove the root.',
      );
      continue;
    }
    const prepositions = new Set((root.prepositions ?? []).map((p) => p.toLowerCase().trim()));
    for (const [pos, list] of [
      ['verb', root.verbs ?? []],
      ['noun', root.nouns ?? []],
      ['adjective', root.adjectives ?? []],
    ] as const) {
      for (const cue of list) {
        let w = words(cue);
        let own: ReadonlySet<string> = prepositions;
        // "dispute with", "fire water cannon at": the cue, whose other side that preposition
        // alone introduces. A verb keeps a preposition after one word ("fire at", "call on").
        const end = w[w.length - 1]!;
        if (w.length > (pos === 'noun' ? 1 : 2) && CUE_PREPOSITIONS.has(end)) {
          own = new Set([end]);
          w = w.slice(0, -1);
        }
        const entry: Cue = {
          words: w,
          pos,
          code: root.code,
          rootName: root.name,
          type,
          prepositions: own,
          reciprocal: reciprocals.has(w.join(' ')),
          standing: pos === 'noun' && standing.has(w.join(' ')),
          refusal: refusals.has(w.join(' ')),
        };
        const bucket = byFirst.get(w[0]!) ?? [];
        bucket.push(entry);
        byFirst.set(w[0]!, bucket);
      }
    }
  }
  for (const bucket of byFirst.values()) bucket.sort((a, b) => b.words.length - a.words.length);

  const modality = new Map<string, { words: string[]; modality: CueModality }[]>();
  for (const m of CUE_MODALITIES) {
    for (const cue of cues.modality[m] ?? []) {
      const w = words(cue);
      const bucket = modality.get(w[0]!) ?? [];
      bucket.push({ words: w, modality: m });
      modality.set(w[0]!, bucket);
    }
  }
  for (const bucket of modality.values()) bucket.sort((a, b) => b.words.length - a.words.length);
  return {
    cues: byFirst,
    modality,
    concessions: new Set((cues.concessions ?? []).map((c) => c.trim().toLowerCase())),
    honorifics: cues.honorifics ?? [],
    demonyms: cues.demonyms ?? [],
    capitals: [...builtInCapitals(), ...(cues.capitals ?? [])],
  };
}
