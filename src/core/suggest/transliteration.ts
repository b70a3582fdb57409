/**
 * A key under which the common Latin spellings of one person's name agree: "Sergei" and
 * "Sergey", "Mohammad", "Muhammad" and "Mohammed", "Zelensky" and "Zelenskyy", "Lavrov" and
 * "Lavroff". Vowels (and y) are dropped after the first letter, doubled letters written once,
 * and a few digraphs that transliterations trade are written one way. Used only for whole
 * names of persons (first and last name), where two unrelated names rarely agree.
 */
export function transliterationKey(word: string): string {
  let w = word
    .toLowerCase()
    .replace(/ph/g, 'f')
    .replace(/kh/g, 'h')
    .replace(/ck/g, 'k')
    .replace(/q/g, 'k')
    .replace(/w/g, 'v')
    .replace(/(?:dzh|dj|zh)/g, 'j')
    .replace(/x/g, 'ks')
    .replace(/ff$/, 'v')
    .replace(/[^a-z]/g, '');
  if (w.length === 0) return '';
  w = w[0] + w.slice(1).replace(/[aeiouy]/g, '');
  return w.replace(/(.)\1+/g, '$1');
}

/** The key of a name of several words, or undefined if any word gives too short a key. */
export function nameTransliterationKey(words: readonly string[]): string | undefined {
  const keys = words.map(transliterationKey);
  return keys.every((k) => k.length >= 2) ? keys.join(' ') : undefined;
}
