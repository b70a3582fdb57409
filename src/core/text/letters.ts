/**
 * Latin letters that carry their accent in the letter itself: Unicode decomposition (NFD,
 * NFKD) leaves them whole, so removing accents does not reach them. Their plain spelling, for
 * every fold that takes names to plain Latin letters (search, name finding, ids).
 */
export const PLAIN_SPELLING: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
  ħ: 'h',
};

const LETTERS = new RegExp(`[${Object.keys(PLAIN_SPELLING).join('')}]`, 'g');

/** Lower-case text with those letters spelt plainly: "søren" -> "soren", "straße" -> "strasse". */
export const spellPlainly = (lower: string): string =>
  lower.replace(LETTERS, (c) => PLAIN_SPELLING[c]!);
