/**
 * Sentence and token boundaries, parts of speech, lemmas and negation, from wink-nlp and its
 * English model (an npm package: nothing is downloaded). docs/suggest.md says why wink-nlp and
 * not compromise: the same tags for this task at about eight times the speed.
 */
import winkNLP, { type ItsFunction, type WinkMethods } from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { afterNameAndEach, isIngForm } from './grammar.ts';

/** Universal Dependencies tags, as wink's English model gives them. */
export type PartOfSpeech = string;

export interface Token {
  /** UTF-16 offsets into the text read. */
  start: number;
  end: number;
  text: string;
  /** Lower case, for comparing with the lexicon. */
  lower: string;
  lemma: string;
  /**
   * For a noun whose plural the model did not reduce ("airstrikes"), or a capitalised plural
   * it took for a name ("Clashes between ..." opening a sentence): the singular, to compare
   * with the lexicon and with nouns of acts; else undefined.
   */
  singular?: string;
  /**
   * For a past participle the model tagged as an adjective ("were mediated by"): the verbs it
   * may come from ("mediate"; "backed": back, "banned": ban, "allied": ally).
   */
  participleOf?: readonly string[];
  pos: PartOfSpeech;
  /** Inside the scope of a negation, as wink-nlp's negation model marks it. */
  negated: boolean;
}

export interface Sentence {
  /** UTF-16 offsets into the text, without surrounding whitespace. */
  start: number;
  end: number;
  /** Its tokens: tokens[first] up to, not including, tokens[last]. */
  first: number;
  last: number;
}

export interface ReadText {
  text: string;
  tokens: Token[];
  sentences: Sentence[];
}

/**
 * The longest sentence passed on, in tokens. Text with no sentence punctuation (a list, a
 * transcript, a broken copy) would otherwise be one sentence, and the later stages look at
 * pairs of words within a sentence: cut into windows, the work stays linear in the text.
 */
export const MAX_SENTENCE_TOKENS = 80;

/** The pipe this module needs: sentences, negation and parts of speech (no entities). */
const PIPE = ['sbd', 'negation', 'pos'];

let nlp: WinkMethods | undefined;

// wink's declarations give its.lemma a signature its own `out` does not accept; it works.
const lemmaOf = (its: WinkMethods['its']) => its.lemma as unknown as ItsFunction<string>;

let withSentiment: WinkMethods | undefined;

/**
 * wink-nlp's sentiment of a short text, -1 to 1 (its English model's word list, negation
 * aware). For the few words of a judgement ("called the plan 'a direct threat'"), not a
 * whole article: it is a second reading.
 */
export function sentimentOf(text: string): number {
  withSentiment ??= winkNLP(model, ['sbd', 'negation', 'sentiment']);
  return withSentiment.readDoc(text).out(withSentiment.its.sentiment) as unknown as number;
}

const verbLemmas = new Map<string, string>();

/**
 * The lemma of a form the tagger missed as a verb, as wink-nlp gives it in a clause that makes
 * it one ("they accused", "they were arming"); for a form in -ing it does not know, the form
 * without -ing and a doubled last consonant ("arming": arm, "shipping": ship). Cached by form.
 */
function lemmaAsVerb(form: string): string {
  let lemma = verbLemmas.get(form);
  if (lemma === undefined) {
    const nlp = library();
    const ing = form.endsWith('ing');
    const words = nlp
      .readDoc(`they ${ing ? 'were ' : ''}${form}`)
      .tokens()
      .out(lemmaOf(nlp.its));
    const read = (words as string[])[ing ? 2 : 1];
    const stem = form.slice(0, -3);
    lemma =
      read && (read !== form || !ing)
        ? read
        : /([bdgmnprt])\1$/.test(stem)
          ? stem.slice(0, -1)
          : stem;
    if (verbLemmas.size < 10_000) verbLemmas.set(form, lemma);
  }
  return lemma;
}

/** wink-nlp with its English model, made on first use (about 60 ms). */
export function library(): WinkMethods {
  nlp ??= winkNLP(model, PIPE);
  return nlp;
}

/**
 * What ends a line: line feed, carriage return, vertical tab (a manual line break pasted from a
 * word processor), form feed, next line, and the Unicode line and paragraph separators.
 */
const LINE_END = /[\n\r\v\f\u0085\u2028\u2029]/;
const NOTHING = 1;
const A_LINE_END = 2;

/** A token that ends in one letter and a full stop: an initial ("U.", "Mekong-U."). */
const ENDS_IN_INITIAL = /(?:^|[^\p{L}])\p{L}\.$/u;

/**
 * wink's sentence spans, joined where one starts with no space after an initial: a cut inside
 * an abbreviation ("Mekong-U.S. Partnership" cut after "U."), not a sentence's end. A full stop
 * with no space after a word ("help.Ostria", pasted copy) still ends its sentence.
 */
function joinedInsideAbbreviations(
  spans: readonly [number, number][],
  values: readonly string[],
  /** What stands before each wink token (NOTHING, A_LINE_END or 0). */
  before: Uint8Array,
): [number, number][] {
  /** Whether the tokens before token a end in an initial: "U." as one token, or "U" and ".". */
  const endsInInitial = (a: number) =>
    ENDS_IN_INITIAL.test(values[a - 1]!) ||
    (values[a - 1] === '.' &&
      a >= 2 &&
      before[a - 1] === NOTHING &&
      /^\p{L}$/u.test(values[a - 2]!));
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const previous = out[out.length - 1];
    if (previous && a > 0 && before[a] === NOTHING && endsInInitial(a)) previous[1] = b;
    else out.push([a, b]);
  }
  return out;
}

/**
 * Reads a text into sentences and tokens with character offsets. Sentences also end at line
 * ends (news copy puts headlines, bylines and captions on lines of their own, without a full
 * stop) and are cut at MAX_SENTENCE_TOKENS; whitespace is not a token.
 */
export function readText(text: string): ReadText {
  const nlp = library();
  const its = nlp.its;
  const doc = nlp.readDoc(text);
  const values = doc.tokens().out() as string[];
  const spaces = doc.tokens().out(its.precedingSpaces) as string[];
  const lemmas = doc.tokens().out(lemmaOf(its)) as string[];
  const tags = doc.tokens().out(its.pos) as string[];
  const negations = doc.tokens().out(its.negationFlag) as unknown as boolean[];
  const spans = doc.sentences().out(its.span) as unknown as [number, number][];

  // Offsets: wink's tokens with their preceding spaces rebuild the text; checked as we go,
  // with a search forward should a token ever differ from the text (linear either way).
  const tokens: Token[] = [];
  /** Index in `tokens` of each wink token, or -1 for whitespace. */
  const kept = new Int32Array(values.length);
  /**
   * What stands between each wink token and the one before, in the text: 1 nothing, 2 a line
   * end (among its preceding spaces, or a character wink drops: a vertical tab, a line
   * separator), 0 other space.
   */
  const before = new Uint8Array(values.length);
  let at = 0;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const end = at;
    at += spaces[i]?.length ?? 0;
    if (!text.startsWith(value, at)) {
      const found = text.indexOf(value, Math.max(0, at - (spaces[i]?.length ?? 0)));
      if (found < 0) {
        kept[i] = -1;
        continue;
      }
      at = found;
    }
    const start = at;
    before[i] =
      start === end
        ? NOTHING
        : start - end === 1 && text.charCodeAt(end) === 32
          ? 0
          : LINE_END.test(text.slice(end, start))
            ? A_LINE_END
            : 0;
    at += value.length;
    if (value.trim() === '' || value === '\u0085') {
      kept[i] = -1;
      continue;
    }
    kept[i] = tokens.length;
    const lemma = (lemmas[i] ?? value).toLowerCase();
    const pos = tags[i] ?? 'X';
    tokens.push({
      start,
      end: at,
      text: value,
      lower: value.toLowerCase(),
      lemma,
      ...(pos === 'NOUN' && /[^s]s$/.test(lemma) ? { singular: lemma.slice(0, -1) } : {}),
      ...(pos === 'ADJ' && lemma === value.toLowerCase() && /^[a-z]{4,}ed$/.test(lemma)
        ? { participleOf: verbsOfParticiple(lemma) }
        : {}),
      pos,
      negated: negations[i] === true,
    });
  }

  const sentences: Sentence[] = [];
  /** Whether a cut before token k would split a run of capitalised words (a name). */
  const insideName = (k: number) =>
    /^\p{Lu}/u.test(tokens[k - 1]!.text) && /^\p{Lu}/u.test(tokens[k]!.text);
  const push = (first: number, last: number) => {
    for (let from = first; from < last;) {
      let to = Math.min(last, from + MAX_SENTENCE_TOKENS);
      // A window ends before a name rather than inside it ("... Lena | Holm met ...").
      if (to < last) {
        let k = to;
        while (k > from + MAX_SENTENCE_TOKENS / 2 && insideName(k)) k--;
        if (!insideName(k)) to = k;
      }
      sentences.push({
        start: tokens[from]!.start,
        end: tokens[to - 1]!.end,
        first: from,
        last: to,
      });
      from = to;
    }
  };
  for (const [a, b] of joinedInsideAbbreviations(spans, values, before)) {
    let first = -1;
    let last = -1;
    for (let i = a; i <= b && i < values.length; i++) {
      const k = kept[i]!;
      if (k < 0) {
        // A line end inside wink's sentence ends it here.
        if (first >= 0 && LINE_END.test(values[i]!)) {
          push(first, last + 1);
          first = -1;
        }
        continue;
      }
      // wink puts a line end before a token into the spaces before it, too (or drops it).
      if (first >= 0 && before[i] === A_LINE_END) {
        push(first, last + 1);
        first = -1;
      }
      if (first < 0) first = k;
      last = k;
    }
    if (first >= 0) push(first, last + 1);
  }
  for (const s of sentences) verbsTheTaggerMissed(tokens, s);
  for (const s of sentences) {
    // "Clashes between ...": a capitalised plural opening a sentence, which the model took for
    // a name, past an opening quote.
    let k = s.first;
    while (k < s.last && tokens[k]!.pos === 'PUNCT') k++;
    const t = tokens[k];
    if (t && k < s.last && t.pos === 'PROPN' && !t.singular) {
      const singular = singularOf(t.lemma);
      if (singular) t.singular = singular;
    }
  }
  return { text, tokens, sentences };
}

/**
 * Verbs the model tagged otherwise, in one sentence: a form in -ed after "have" and at most one
 * word it tags an adverb or an adjective, before no noun ("has long accused the bloc", "had
 * since shelled X"); a form in -ing after "of", "for" or a verb and before a determiner, a
 * pronoun or a name ("accused Sudmark of arming the Red Front", "denied arming the Red Front"),
 * whose subject after "of" or "for" is the one named before it (arguments.ts). Not after other
 * prepositions: "warned against arming X" has no subject in the sentence. And a form in -ed
 * the model took for an adjective right after a name, before a preposition or a determiner,
 * with no verb before it in the sentence ("Ostria mediated between X and Y"). A form in -ed
 * whose lemma the model does not know as a verb either keeps the verbs it may come from
 * (`participleOf`), which cues.ts reads for a verb too.
 */
function verbsTheTaggerMissed(tokens: Token[], s: Sentence): void {
  /** Whether a verb or an auxiliary stands before token i in the sentence. */
  let verbBefore = false;
  for (let i = s.first + 1; i < s.last; i++) {
    const t = tokens[i]!;
    const previous = tokens[i - 1]!;
    verbBefore ||= previous.pos === 'VERB' || previous.pos === 'AUX';
    const next = i + 1 < s.last ? tokens[i + 1] : undefined;
    // "an offer of help from X", "asked for help": a bare verb form after "of" or "for" with
    // no object of its own is a noun.
    if (
      t.pos === 'VERB' &&
      t.lower === t.lemma &&
      (previous.lower === 'of' || previous.lower === 'for') &&
      !(next && ['DET', 'PROPN', 'PRON', 'NOUN', 'ADJ', 'NUM'].includes(next.pos))
    ) {
      t.pos = 'NOUN';
      continue;
    }
    if (!missedVerb(tokens, s, i, next, verbBefore)) continue;
    t.pos = 'VERB';
    t.lemma = lemmaAsVerb(t.lower);
    // A form the model does not know as a verb either ("mediated"): the verbs it may come from.
    if (t.lemma === t.lower && t.lower.endsWith('ed'))
      t.participleOf ??= verbsOfParticiple(t.lower);
    else delete t.participleOf;
  }
}

/** The particles of phrasal verbs of force, between the verb and its object ("shot down a drone"). */
const PARTICLES: ReadonlySet<string> = new Set(['down', 'up', 'off', 'out']);

/** Whether token i is a verb the model tagged otherwise (see verbsTheTaggerMissed). */
function missedVerb(
  tokens: readonly Token[],
  s: Sentence,
  i: number,
  next: Token | undefined,
  verbBefore: boolean,
): boolean {
  const t = tokens[i]!;
  if (/^[a-z]{3,}ed$/.test(t.lower)) {
    // "Ostria mediated between X and Y": the first verb after a name, taken for an adjective;
    // "X and Y each signed memoranda": after "each" or "both" too.
    const each = afterNameAndEach(tokens, i, s.first);
    if (
      t.pos === 'ADJ' &&
      tokens[each ? i - 2 : i - 1]!.pos === 'PROPN' &&
      (next?.pos === 'ADP' || next?.pos === 'DET' || (each && next?.pos === 'NOUN')) &&
      !verbBefore
    )
      return true;
    if (t.pos !== 'NOUN' && t.pos !== 'ADJ') return false;
    let k = i - 1;
    if (k > s.first && (tokens[k]!.pos === 'ADV' || tokens[k]!.pos === 'ADJ')) k--;
    if (tokens[k]!.lemma !== 'have' || tokens[k]!.pos !== 'AUX') return false;
    return !(next && (next.pos === 'NOUN' || next.pos === 'ADJ'));
  }
  if (t.pos === 'NOUN' && /^[a-z]{3,}[^s]$/.test(t.lower)) {
    // "Norland shot down a drone", "troops shot two soldiers": an irregular past the model took
    // for a noun, after a name or a noun, before its object (past a particle); not "a shot".
    const previous = tokens[i - 1]!;
    const object = next?.pos === 'ADP' && PARTICLES.has(next.lower) ? tokens[i + 2] : next;
    if (
      (previous.pos === 'PROPN' || previous.pos === 'NOUN') &&
      object !== undefined &&
      ['DET', 'NUM', 'PRON', 'PROPN'].includes(object.pos)
    ) {
      // A verb's form: its lemma as a verb is neither the form nor the noun's ("data": datum).
      const verb = lemmaAsVerb(t.lower);
      if (verb !== t.lower && verb !== t.lemma) return true;
    }
  }
  if (t.pos === 'NOUN' && /^[a-z]{3,}ing$/.test(t.lower)) {
    // "of arming", "of secretly arming", "denied arming"; "of financing and training X".
    const b = tokens[i - 1]!.pos === 'ADV' && i - 1 > s.first ? i - 2 : i - 1;
    const before = tokens[b]!;
    const takesObject = (o: Token | undefined) =>
      o !== undefined && (o.pos === 'DET' || o.pos === 'PROPN' || o.pos === 'PRON');
    const joined = (j: number) =>
      (tokens[j]?.lower === 'and' || tokens[j]?.lower === 'or') && j < s.last;
    // The first of two: "financing and training X".
    if (
      (before.lower === 'of' || before.lower === 'for') &&
      joined(i + 1) &&
      i + 3 < s.last &&
      isIngForm(tokens[i + 2]!) &&
      takesObject(tokens[i + 3])
    )
      return true;
    // The second: "of financing and training X".
    if (
      joined(b) &&
      b - 2 >= s.first &&
      isIngForm(tokens[b - 1]!) &&
      (tokens[b - 2]!.lower === 'of' || tokens[b - 2]!.lower === 'for')
    )
      return takesObject(next);
    if (before.lower !== 'of' && before.lower !== 'for' && before.pos !== 'VERB') return false;
    return takesObject(next);
  }
  return false;
}

/** What wink-nlp alone does with a text, for the benchmark: read it and tag every token. */
export function readWithLibraryOnly(text: string): number {
  const nlp = library();
  const doc = nlp.readDoc(text);
  const its = nlp.its;
  return (
    doc.tokens().out(its.pos).length +
    doc.tokens().out(lemmaOf(its)).length +
    doc.tokens().out(its.negationFlag).length +
    doc.sentences().length()
  );
}

/** The singular of an English plural by its regular endings ("clashes", "sanctions"), or undefined. */
export function singularOf(lemma: string): string | undefined {
  if (!/^[a-z]+$/.test(lemma)) return undefined;
  if (/(?:sh|ch|ss|x|z)es$/.test(lemma)) return lemma.slice(0, -2);
  if (/[^aeiou]ies$/.test(lemma)) return `${lemma.slice(0, -3)}y`;
  return /[^siu]s$/.test(lemma) ? lemma.slice(0, -1) : undefined;
}

/** The verbs a past participle may come from: "mediated": mediat, mediate; "banned": ban. */
function verbsOfParticiple(w: string): string[] {
  const forms = [w.slice(0, -1), w.slice(0, -2)];
  if (/([bdgklmnprt])\1ed$/.test(w)) forms.push(w.slice(0, -3));
  if (w.endsWith('ied')) forms.push(`${w.slice(0, -3)}y`);
  return forms;
}
