/**
 * Actor mentions in a text, from the registry: ids, labels and aliases; the demonyms of states
 * ("Russian", "Russians"); possessives ("Russia's"); persons by surname, with or without an
 * honorific ("Mr. Lavrov", "President Putin"); and persons' full names spelt another way
 * ("Sergey Lavrov" for Sergei). Longest match first, accents and case folded, except that a
 * name the registry writes with a capital must start with one in the text ("Bishop" is not
 * "bishop") and an acronym must be written in capitals ("IS" is not "is"). A name that several
 * actors share is reported with all of them, never guessed.
 */
import type { Actor } from '../model.ts';
import type { PlaceForms } from './capitals.ts';
import { demonymPlural, regularDemonyms } from './demonyms.ts';
import { foldName, foldNames, isWordChar, type FoldedNames } from './fold.ts';
import { nameTransliterationKey, transliterationKey } from './transliteration.ts';

/** How a mention was recognised, strongest first. */
export type MentionVia =
  | 'name'
  | 'demonym'
  /** A capital for its state ("Moscow"): see capitals.ts. */
  | 'capital'
  | 'honorific'
  | 'surname'
  | 'transliteration'
  | 'description'
  | 'pronoun'
  /** "We", "I" in a quotation, for its speaker: see speakers.ts. */
  | 'speaker'
  /** The doer of an act referred back to ("the protest"): see events.ts. */
  | 'act'
  /** The two sides an appeal for restraint or calm is made to ("urged restraint"): coref.ts. */
  | 'addressee';

export interface Mention {
  /** UTF-16 offsets into the text; a possessive 's is not included. */
  start: number;
  end: number;
  text: string;
  /** One actor; several when the name is ambiguous. */
  actorIds: string[];
  via: MentionVia;
  /** Followed by 's or ' ("Russia's"). */
  possessive: boolean;
  /** "the two": every one of actorIds at once, not one of them. */
  collective?: boolean;
  /** Written in capitals where the registry does not write the name so ("SEOUL" for Seoul). */
  shouted?: boolean;
}

interface NameEntry {
  folded: string;
  actorIds: string[];
  via: MentionVia;
  /** Written in capitals in the registry (an acronym): matched in capitals only. */
  acronym: boolean;
  /** Written with a capital first letter: the text must start it with one too. */
  capital: boolean;
  person: boolean;
}

interface TransliteratedName {
  key: string;
  words: number;
  actorIds: string[];
}

export interface NameIndex {
  /** Entries by the first word of their folded name, longest name first. */
  byFirstWord: Map<string, NameEntry[]>;
  /** Persons' full names by the transliteration key of their first word. */
  transliterated: Map<string, TransliteratedName[]>;
  /** Folded honorifics, without a final full stop. */
  honorifics: Set<string>;
}

export interface NameSources {
  /** Honorifics and titles that may stand before a surname ("Mr", "President", "Gen."). */
  honorifics: readonly string[];
  /** Irregular demonyms: place name (as the registry writes it) and its forms. */
  demonyms: readonly PlaceForms[];
  /** Cities that stand for states ("Moscow"): place name and its forms. */
  capitals?: readonly PlaceForms[];
}

const firstWord = (folded: string): string => {
  let i = 0;
  while (i < folded.length && isWordChar(folded.charCodeAt(i))) i++;
  return folded.slice(0, i);
};

/** Indexes every name of every actor. Explicit names win over derived ones for the same key. */
export function indexNames(actors: readonly Actor[], sources: NameSources): NameIndex {
  const rank: Record<MentionVia, number> = {
    name: 0,
    honorific: 1,
    demonym: 2,
    surname: 3,
    transliteration: 4,
    capital: 5,
    description: 6,
    pronoun: 7,
    speaker: 7,
    act: 8,
    addressee: 8,
  };
  const byKey = new Map<string, NameEntry>();
  const add = (written: string, id: string, via: MentionVia, person: boolean) => {
    const folded = foldName(written);
    if (folded.length === 0 || firstWord(folded).length === 0) return;
    const entry = byKey.get(folded);
    if (entry && rank[entry.via] < rank[via]) return;
    const letters = written.replace(/[^\p{L}]/gu, '');
    const acronym = letters.length >= 2 && !/\p{Ll}/u.test(letters);
    const capital = /^\p{Lu}/u.test(written);
    if (entry && rank[entry.via] === rank[via]) {
      if (!entry.actorIds.includes(id)) entry.actorIds.push(id);
      // The same name written two ways ("Armed groups", "armed groups"): the laxer one holds.
      entry.acronym &&= acronym;
      entry.capital &&= capital;
      return;
    }
    byKey.set(folded, {
      folded,
      actorIds: [id],
      via,
      acronym,
      capital,
      person,
    });
  };

  const irregular = byPlace(sources.demonyms);
  const capitals = byPlace(sources.capitals ?? []);
  const transliterated = new Map<string, TransliteratedName[]>();

  for (const actor of actors) {
    const person = actor.kind === 'person';
    for (const name of [actor.label, ...(actor.aliases ?? [])]) add(name, actor.id, 'name', person);
    // An id is a name too, but never loosens how a label or alias of the same actor is written
    // (the id "who" of the WHO must not make the pronoun "who" a mention).
    if (!byKey.get(foldName(actor.id))?.actorIds.includes(actor.id))
      add(actor.id, actor.id, 'name', person);
    if (actor.kind === 'state') {
      for (const name of [actor.label, ...(actor.aliases ?? [])]) {
        const forms = irregular.get(foldName(name)) ?? [];
        for (const form of forms) {
          add(form, actor.id, 'demonym', false);
          const plural = demonymPlural(form);
          if (plural) add(plural, actor.id, 'demonym', false);
        }
        if (!/\s/.test(name.trim())) {
          for (const form of regularDemonyms(name)) add(form, actor.id, 'demonym', false);
        }
        for (const form of capitals.get(foldName(name)) ?? [])
          add(form, actor.id, 'capital', false);
      }
    }
    if (person) {
      for (const name of [actor.label, ...(actor.aliases ?? [])]) {
        const words = name.trim().split(/\s+/);
        if (words.length < 2) continue;
        const surname = words[words.length - 1]!;
        if (/^\p{Lu}/u.test(surname) && surname.length >= 3)
          add(surname, actor.id, 'surname', true);
        const key = nameTransliterationKey(words.map(foldName));
        if (!key) continue;
        const first = key.split(' ')[0]!;
        const list = transliterated.get(first) ?? [];
        const same = list.find((t) => t.key === key);
        if (same) {
          if (!same.actorIds.includes(actor.id)) same.actorIds.push(actor.id);
        } else list.push({ key, words: words.length, actorIds: [actor.id] });
        transliterated.set(first, list);
      }
    }
  }

  const byFirstWord = new Map<string, NameEntry[]>();
  for (const entry of byKey.values()) {
    const word = firstWord(entry.folded);
    const list = byFirstWord.get(word) ?? [];
    list.push(entry);
    byFirstWord.set(word, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.folded.length - a.folded.length);
  return {
    byFirstWord,
    transliterated,
    honorifics: new Set(sources.honorifics.map((h) => foldName(h).replace(/\.$/, ''))),
  };
}

/** The forms of each place, by its folded name (several entries for one place add up). */
function byPlace(list: readonly PlaceForms[]): Map<string, string[]> {
  const forms = new Map<string, string[]>();
  for (const { place, forms: more } of list) {
    const key = foldName(place);
    forms.set(key, [...(forms.get(key) ?? []), ...more]);
  }
  return forms;
}

/** Every mention in the text, left to right, none overlapping another. Linear in the text. */
export function findMentions(text: string, index: NameIndex): Mention[] {
  const folded = foldNames(text);
  const f = folded.text;
  const mentions: Mention[] = [];
  let p = 0;
  while (p < f.length) {
    // The next word start.
    if (!isWordChar(f.charCodeAt(p)) || (p > 0 && isWordChar(f.charCodeAt(p - 1)))) {
      p++;
      continue;
    }
    const found =
      matchName(folded, text, p, index, () => true) ??
      matchHonorific(folded, text, p, index) ??
      matchTransliterated(folded, text, p, index);
    if (!found) {
      while (p < f.length && isWordChar(f.charCodeAt(p))) p++;
      continue;
    }
    mentions.push(toMention(folded, text, found));
    p = found.to;
  }
  return mentions;
}

interface Found {
  from: number;
  to: number;
  actorIds: string[];
  via: MentionVia;
  shouted?: boolean;
}

const wordEnd = (f: string, p: number): number => {
  let q = p;
  while (q < f.length && isWordChar(f.charCodeAt(q))) q++;
  return q;
};

/** The original text under folded characters [from, to). */
const originalOf = (folded: FoldedNames, text: string, from: number, to: number): string =>
  text.slice(folded.start[from]!, folded.end[to - 1]!);

function matchName(
  folded: FoldedNames,
  text: string,
  p: number,
  index: NameIndex,
  accept: (entry: NameEntry) => boolean,
): Found | undefined {
  const f = folded.text;
  const entries = index.byFirstWord.get(f.slice(p, wordEnd(f, p)));
  if (!entries) return undefined;
  for (const entry of entries) {
    const to = p + entry.folded.length;
    if (!accept(entry) || !f.startsWith(entry.folded, p)) continue;
    if (to < f.length && isWordChar(f.charCodeAt(to)) && isWordChar(f.charCodeAt(to - 1))) continue;
    const written = originalOf(folded, text, p, to);
    if (entry.acronym && /\p{Ll}/u.test(written)) continue;
    if (entry.capital && !/^\p{Lu}/u.test(written)) continue;
    const shouted = !entry.acronym && !/\p{Ll}/u.test(written) && /\p{Lu}/u.test(written);
    return {
      from: p,
      to,
      actorIds: [...entry.actorIds],
      via: entry.via,
      ...(shouted ? { shouted } : {}),
    };
  }
  return undefined;
}

/** "Mr. Lavrov", "President Putin", "Gen. Dunford": an honorific, then a person's name. */
function matchHonorific(
  folded: FoldedNames,
  text: string,
  p: number,
  index: NameIndex,
): Found | undefined {
  const f = folded.text;
  const end = wordEnd(f, p);
  if (!index.honorifics.has(f.slice(p, end))) return undefined;
  let q = end;
  if (f[q] === '.') q++;
  if (f[q] !== ' ') return undefined;
  q++;
  if (q >= f.length || !isWordChar(f.charCodeAt(q))) return undefined;
  const name = matchName(folded, text, q, index, (e) => e.person);
  if (!name) return undefined;
  return { ...name, from: p, via: name.via === 'name' ? 'name' : 'honorific' };
}

/** A person's full name in another spelling: "Sergey Lavrov" for "Sergei Lavrov". */
function matchTransliterated(
  folded: FoldedNames,
  text: string,
  p: number,
  index: NameIndex,
): Found | undefined {
  if (index.transliterated.size === 0) return undefined;
  const f = folded.text;
  const end = wordEnd(f, p);
  // A person's name starts with a capital (checked again below, word by word): a word
  // without one needs no key, which is most of the text.
  if (!/^\p{Lu}/u.test(originalOf(folded, text, p, end))) return undefined;
  const candidates = index.transliterated.get(transliterationKey(f.slice(p, end)));
  if (!candidates) return undefined;
  for (const candidate of candidates) {
    const keys: string[] = [];
    let q = p;
    let to = p;
    for (let w = 0; w < candidate.words; w++) {
      if (w > 0) {
        if (f[q] !== ' ') break;
        q++;
      }
      const e = wordEnd(f, q);
      if (e === q || !/^\p{Lu}/u.test(originalOf(folded, text, q, e))) break;
      keys.push(transliterationKey(f.slice(q, e)));
      to = e;
      q = e;
    }
    if (keys.length === candidate.words && keys.join(' ') === candidate.key) {
      return { from: p, to, actorIds: [...candidate.actorIds], via: 'transliteration' };
    }
  }
  return undefined;
}

function toMention(folded: FoldedNames, text: string, found: Found): Mention {
  const start = folded.start[found.from]!;
  const end = folded.end[found.to - 1]!;
  const f = folded.text;
  const possessive =
    f[found.to] === "'" &&
    ((f[found.to + 1] === 's' && !isWordChar(f.charCodeAt(found.to + 2))) ||
      (f[found.to - 1] === 's' && !isWordChar(f.charCodeAt(found.to + 1))));
  return {
    start,
    end,
    text: text.slice(start, end),
    actorIds: found.actorIds,
    via: found.via,
    possessive,
    ...(found.shouted ? { shouted: true } : {}),
  };
}
