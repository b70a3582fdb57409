/**
 * Capitals stand for their states in the news ("Moscow said", "talks between Oslo and
 * Moscow"). The table is countries-list's (ISO 3166-1 countries with their capitals and other
 * names): a state of the registry whose label or alias is a country's name (or one of the
 * package's other names for it) is also found by its capital. The cue file's `capitals` list
 * adds forms (a seat of government that is not the capital: "La Paz", "The Hague"). Names the
 * registry gives an actor win over these (mentions.ts ranks them below names).
 */
import { countries } from 'countries-list';

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
