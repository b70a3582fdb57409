/**
 * A count and its noun, the noun in -s unless the count is 1: "1 statement", "2 statements".
 * `shown` is how the count is written, when not as String(n) (a number with separators).
 */
export const plural = (n: number, word: string, shown: string = String(n)): string =>
  `${shown} ${word}${n === 1 ? '' : 's'}`;

/** "1,234 actors": a count with separators and its noun. */
export const count = (n: number, word: string): string => plural(n, word, n.toLocaleString('en'));
