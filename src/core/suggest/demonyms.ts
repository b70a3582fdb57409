/**
 * The adjective and the plural noun English makes of a country's name ("Russia" -> "Russian",
 * "Russians"; "Iraq" -> "Iraqi", "Iraqis"), by the regular endings. Irregular ones ("French",
 * "Dutch") come from the cue lexicon's `demonyms` list, which a user can extend; a wrong guess
 * for an irregular name ("Chinan") is harmless, as no text writes it.
 */
export function regularDemonyms(place: string): string[] {
  const name = place.trim();
  if (!/^\p{Lu}[\p{L}'-]+$/u.test(name) || name.length < 4) return [];
  const lower = name.toLowerCase();
  let adjective: string | undefined;
  if (/ia$/.test(lower)) adjective = `${name}n`;
  else if (/stan$/.test(lower)) adjective = `${name}i`;
  else if (/[qtrl]$/.test(lower)) adjective = `${name}i`;
  else if (/a$/.test(lower)) adjective = `${name}n`;
  else if (/n$/.test(lower)) adjective = `${name}ian`;
  else if (/[ey]$/.test(lower)) adjective = `${name.slice(0, -1)}ian`;
  if (!adjective) return [];
  return [adjective, `${adjective}s`];
}

/** The plural of an irregular demonym used as a noun, where English has one ("Afghans"). */
export function demonymPlural(form: string): string | undefined {
  // "the French", "the Chinese", "the Swiss": no plural in -s.
  if (/(?:ch|sh|se|ss|s|ese)$/i.test(form)) return undefined;
  return `${form}s`;
}
