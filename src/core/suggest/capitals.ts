/**
 * Capitals stand for their states in the news ("Moscow said", "talks between Oslo and
 * Moscow"). The table is countries-list's (ISO 3166-1 countries with their capitals and other
 * names): a state of the registry whose label or alias is a country's name (or one of the
 * package's other names for it) is also found by its capital. The cue file's `capitals` list
 * adds forms (a seat of government that is not the capital: "La Paz"). Names the registry
 * gives an actor win over these (mentions.ts ranks them below names). A capital used as a place
 * or inside another name is the city, not the state (citiesLeftOut).
 */
import { countries } from 'countries-list';
import { MONTHS } from '../dates.ts';
import { isRulerNoun, MEMBER_NOUNS } from './grammar.ts';
import type { Mention } from './mentions.ts';
import type { Token } from './read.ts';

export interface PlaceForms {
  place: string;
  forms: readonly string[];
}

/** The forms of a capital as news writes it: "Washington D.C." is also "Washington". */
export function capitalForms(capital: string): string[] {
  const forms = [capital];
  const bare = capital.replace(/\s+(?:\p{Lu}\.)+$/u, '');
  if (bare !== capital && bare.length > 0) forms.push(bare);
  return forms;
}

let table: PlaceForms[] | undefined;

/**
 * Every country of the table with the forms of its capital, under each of its names; a capital
 * written as its country's name (Singapore, Monaco) is left out, the name already finds it.
 */
export function builtInCapitals(): readonly PlaceForms[] {
  if (table) return table;
  table = [];
  for (const country of Object.values(countries)) {
    if (!country.capital || country.capital === country.name) continue;
    const forms = capitalForms(country.capital);
    for (const place of new Set([country.name, ...(country.alias ?? [])])) {
      table.push({ place, forms });
    }
  }
  return table;
}

/** Prepositions after which a capital is a place ("in Suva", "talks held at Doha"). */
const PLACE_PREPOSITIONS = new Set(['in', 'at', 'near', 'outside', 'around', 'inside', 'across']);

/** Capitalised words before a name that are not part of it ("On Monday Moscow said"). */
const CALENDAR = new Set([
  ...['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'],
  ...MONTHS.map((m) => m.toLowerCase()),
]);

/**
 * The mentions without the capitals that name a city rather than its state: after a
 * preposition of place or "the" ("talks in Suva", "the Moscow metro"); inside a person's or
 * another name ("Carlos Lima", "Denzel Washington", "Santiago Peña"); before a noun they
 * qualify ("the Paris agreement", "Oslo Accords", "Moscow-backed"), but for the people who act
 * for the state ("Beijing officials"). `tokens` are the text's, in order.
 */
export function citiesLeftOut(mentions: readonly Mention[], tokens: readonly Token[]): Mention[] {
  return mentions.filter((m) => {
    if (m.via !== 'capital') return true;
    const first = tokenAt(tokens, m.start);
    if (first < 0) return false;
    let last = first;
    while (last < tokens.length && tokens[last]!.start < m.end) last++;
    // Part of a longer word ("Moscow-backed" read as one token).
    if (tokens[last - 1]!.end > m.end && !m.possessive) return false;
    const before = tokens[first - 1];
    if (before) {
      // "the government in Lima", "the authorities in Bamako": those who rule from there.
      // Not "the Norland government in Baghdad": a ruler a name qualifies is that name's.
      const ruling =
        before.lower === 'in' &&
        isRulerNoun(tokens[first - 2]) &&
        tokens[first - 3]?.pos !== 'PROPN' &&
        tokens[first - 3]?.pos !== 'ADJ';
      if ((PLACE_PREPOSITIONS.has(before.lower) && !ruling) || before.lower === 'the') return false;
      if (before.pos === 'PROPN' && !CALENDAR.has(before.lower) && before.end === m.start - 1)
        return false;
    }
    const after = tokens[last];
    if (after && !m.possessive) {
      // "Moscow-backed", but not "the Belgrade-Pristina dialogue" (a pair of states).
      if (
        after.text === '-' &&
        after.start === m.end &&
        !mentions.some((o) => o !== m && o.start === tokens[last + 1]?.start)
      )
        return false;
      if ((after.pos === 'NOUN' || after.pos === 'PROPN') && !MEMBER_NOUNS.has(after.lemma))
        return false;
    }
    return true;
  });
}

/** The index of the token that starts at `start`, or -1. */
function tokenAt(tokens: readonly Token[], start: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = tokens[mid]!.start;
    if (s === start) return mid;
    if (s < start) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
