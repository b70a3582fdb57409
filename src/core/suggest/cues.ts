/**
 * Relation cues and modality cues in a sentence, from the lexicon: a cue's first word is
 * compared with each token's lemma and its lower-case form, the next words with the tokens
 * that follow. Verbs are looked for among verbs (and participles tagged as adjectives), nouns
 * among nouns; no cue is taken inside an actor's name.
 */
import type { Cue, CueModality, Lexicon } from './lexicon.ts';
import { afterNameAndEach, isPassiveAt, NOUN_PHRASE_POS, QUOTE_MARKS } from './grammar.ts';
import type { Token } from './read.ts';
import { mentionOn, type SentenceView } from './sentence.ts';

export interface CueHit {
  cue: Cue;
  /** Its tokens: first up to, not including, last. */
  first: number;
  last: number;
}

export interface ModalityHit {
  modality: CueModality;
  first: number;
  last: number;
}

const matchesWord = (t: Token, word: string): boolean =>
  t.lemma === word ||
  t.lower === word ||
  t.singular === word ||
  t.participleOf?.includes(word) === true;

/** Whether the words of a marker follow from token i, within [i, end). */
function matchesFrom(tokens: readonly Token[], i: number, end: number, words: readonly string[]) {
  if (i + words.length > end) return false;
  for (let k = 0; k < words.length; k++) if (!matchesWord(tokens[i + k]!, words[k]!)) return false;
  return true;
}

/**
 * Determiners a verb phrase cue may take before its noun ("lodge a protest", "recall its envoy"),
 * besides a number ("exchanged 150 prisoners", "sent 200 troops").
 */
const PHRASE_DETERMINERS = new Set(['a', 'an', 'the', 'its', 'their', 'his', 'her', 'our']);

/** Particles that make a verb another ("back down", "speak out", "back off"). */
const PARTICLES = new Set(['down', 'out', 'off', 'away']);

/** Whether token k is such a particle: one not followed by a noun phrase of its own. */
function isParticleAt(tokens: readonly Token[], k: number, end: number): boolean {
  if (k >= end || !PARTICLES.has(tokens[k]!.lower)) return false;
  const next = k + 1 < end ? tokens[k + 1] : undefined;
  return !next || (!NOUN_PHRASE_POS.has(next.pos) && next.pos !== 'PRON');
}

/** Words a noun cue may have between its words ("joint naval drills", "military and aid"). */
const MAX_INSERTED = 2;

/**
 * Where the words of a cue that follow from token i end (the index after its last token), or
 * -1. The words of a verb phrase may have one determiner between them ("fire a water cannon
 * at"); those of a noun phrase up to two adjectives ("joint naval drills").
 */
function cueEnd(
  tokens: readonly Token[],
  i: number,
  end: number,
  cue: Pick<Cue, 'words' | 'pos'>,
): number {
  let at = i;
  for (let k = 0; k < cue.words.length; k++) {
    if (k > 0) {
      let inserted = 0;
      while (at < end && !matchesWord(tokens[at]!, cue.words[k]!) && inserted < MAX_INSERTED) {
        const t = tokens[at]!;
        const fits =
          cue.pos === 'verb'
            ? inserted === 0 && (PHRASE_DETERMINERS.has(t.lower) || t.pos === 'NUM')
            : cue.pos === 'noun' && t.pos === 'ADJ';
        if (!fits) break;
        at++;
        inserted++;
      }
    }
    if (at >= end || !matchesWord(tokens[at]!, cue.words[k]!)) return -1;
    at++;
  }
  return at;
}

/** A participle as a predicate: after "be" ("were mediated") or before "by". */
function predicate(tokens: readonly Token[], i: number, first: number): boolean {
  return isPassiveAt(tokens, i, first) || tokens[i + 1]?.lower === 'by';
}

/**
 * A form in -ed or -en right after a determiner, a preposition or another verb and right
 * before a noun or a name: an adjective, whatever the model tagged it ("freed the jailed
 * Sudmark journalist", "treated wounded Sudmark soldiers", "the transfer of funds in frozen
 * Sudmark accounts").
 */
function attributive(tokens: readonly Token[], i: number, first: number, last: number): boolean {
  const t = tokens[i]!;
  if (!/(?:ed|en)$/.test(t.lower) || i <= first || i + 1 >= last) return false;
  // "the internationally recognised government", "Sudmark's newly appointed envoy": past
  // adverbs in -ly, after a determiner or a possessive.
  let b = i - 1;
  while (b > first && tokens[b]!.pos === 'ADV' && /ly$/.test(tokens[b]!.lower)) b--;
  const before = tokens[b]!;
  const after = tokens[i + 1]!;
  // "X and Y each signed memoranda": "each" after a name is no determiner of the noun.
  if (afterNameAndEach(tokens, i, first)) return false;
  const possessive = b < i - 1 && (before.lower === "'s" || before.lower === "'");
  return (
    (before.pos === 'DET' || before.pos === 'ADP' || before.pos === 'VERB' || possessive) &&
    (after.pos === 'NOUN' || after.pos === 'PROPN')
  );
}

function fitsPos(t: Token, pos: Cue['pos']): boolean {
  if (pos === 'noun') return t.pos === 'NOUN' || t.pos === 'PROPN';
  if (pos === 'adjective') return t.pos === 'ADJ' || t.pos === 'VERB';
  return t.pos === 'VERB' || (t.pos === 'ADJ' && /(?:ed|en)$/.test(t.lower));
}

/** Nouns of persons named by an act: "prisoners of war", "veterans of war". */
const NAMED_BY_ACT = new Set(['prisoner', 'veteran']);

export function findCues(view: SentenceView, lexicon: Lexicon): CueHit[] {
  const { tokens, sentence } = view;
  const hits: CueHit[] = [];
  for (let i = sentence.first; i < sentence.last; i++) {
    const t = tokens[i]!;
    if (mentionOn(view, i)) continue;
    const one = t.singular;
    const candidates = [
      ...(lexicon.cues.get(t.lemma) ?? []),
      ...(t.lower !== t.lemma ? (lexicon.cues.get(t.lower) ?? []) : []),
      ...(one ? (lexicon.cues.get(one) ?? []) : []),
      // "were mediated by": a participle the model took for an adjective, as its verb, in a
      // predicate only (not "a shared border", "the disputed islands"), or a verb read.ts found
      // whose lemma the model did not know ("Ostria mediated between").
      ...(t.participleOf && (t.pos === 'VERB' || predicate(tokens, i, sentence.first))
        ? t.participleOf.flatMap((v) => (lexicon.cues.get(v) ?? []).filter((c) => c.pos === 'verb'))
        : []),
    ].sort((a, b) => b.words.length - a.words.length);
    for (const cue of candidates) {
      const last = cueEnd(tokens, i, sentence.last, cue);
      if (last < 0) continue;
      // A verb is known by its first word ("call on"), a noun by its last ("air strike").
      const head = cue.pos === 'noun' ? tokens[last - 1] : t;
      if (!head || !fitsPos(head, cue.pos)) continue;
      // "treated wounded Sudmark soldiers", "the jailed Sudmark journalist": a participle
      // qualifying the noun after it is no act of the sentence.
      if (cue.pos === 'verb' && attributive(tokens, i, sentence.first, sentence.last)) continue;
      // "warned Norland against supplying weapons to Sudmark": what is warned against is not
      // done, and not by the subject.
      if (cue.pos === 'verb' && i > sentence.first && tokens[i - 1]!.lower === 'against') continue;
      // "backed down", "spoke out", "backed out of the deal": another verb than the cue's,
      // unless the cue has the particle ("lash out", "pull out of"); not a preposition with
      // its noun ("clashed off the coast", "fought off the Red Front").
      if (cue.pos === 'verb' && isParticleAt(tokens, last, sentence.last)) continue;
      let inName = false;
      for (let k = i; k < last; k++) if (mentionOn(view, k)) inName = true;
      if (inName) continue;
      // "the opposition movement", "aid agencies", "attack helicopters": a noun that qualifies
      // the noun after it names no act.
      const next = tokens[last];
      if (cue.pos === 'noun' && next && last < sentence.last && next.pos === 'NOUN') continue;
      // "prisoners of war": persons named by a war, not the war.
      if (
        cue.pos === 'noun' &&
        i - 2 >= sentence.first &&
        tokens[i - 1]!.lower === 'of' &&
        NAMED_BY_ACT.has(tokens[i - 2]!.lemma)
      )
        continue;
      hits.push({ cue, first: i, last });
      i = last - 1;
      break;
    }
  }
  return hits;
}

/**
 * Whether an infinitive's verb comes at token `k` (adverbs skipped): a plan's marker ending in
 * "to" plans a deed ("agreed to resume talks"), not a noun's ("agreed to a truce brokered by X",
 * "due to the attack").
 */
function infinitiveAt(view: SentenceView, k: number): boolean {
  const { tokens, sentence } = view;
  // "prepared to \"cooperate with ...\"": a quotation opening on the verb.
  while (k < sentence.last && (tokens[k]!.pos === 'ADV' || QUOTE_MARKS.has(tokens[k]!.text))) k++;
  const t = tokens[k];
  return k < sentence.last && t !== undefined && (t.pos === 'VERB' || t.pos === 'AUX');
}

export function findModalityCues(view: SentenceView, lexicon: Lexicon): ModalityHit[] {
  const { tokens, sentence } = view;
  const hits: ModalityHit[] = [];
  for (let i = sentence.first; i < sentence.last; i++) {
    const t = tokens[i]!;
    const candidates = [
      ...(lexicon.modality.get(t.lemma) ?? []),
      ...(t.lower !== t.lemma ? (lexicon.modality.get(t.lower) ?? []) : []),
    ].sort((a, b) => b.words.length - a.words.length);
    // "3 May", "in May": the month, which the model tags as a noun, not the modal.
    if (t.lower === 'may' && t.pos !== 'AUX' && t.pos !== 'VERB') continue;
    // A name is no marker ("Will will criticise": the first is an actor).
    if (view.mentionAt[i - sentence.first]! >= 0) continue;
    for (const marker of candidates) {
      if (!matchesFrom(tokens, i, sentence.last, marker.words)) continue;
      if (
        marker.modality === 'proposed' &&
        marker.words[marker.words.length - 1] === 'to' &&
        !infinitiveAt(view, i + marker.words.length)
      )
        continue;
      hits.push({ modality: marker.modality, first: i, last: i + marker.words.length });
      i += marker.words.length - 1;
      break;
    }
  }
  return hits;
}
