import { nameKey } from '../pipeline/resolve.ts';
import type { Random } from './random.ts';

// Invented words built from syllables: pronounceable, and no real country, group or person.
// prettier-ignore
const ONSETS = [
  'b', 'd', 'f', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'z',
  'br', 'dr', 'gr', 'kr', 'tr', 'st', 'sh', 'kh', 'zh', 'vl',
];
const VOWELS = ['a', 'e', 'i', 'o', 'u', 'a', 'e', 'o'];
const CODAS = ['n', 'r', 'l', 's', 'k', 'm', 'sh', 't', 'v', 'z'];

export const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** Lower-case words joined by hyphens, as actor ids are (^[a-z0-9]+(-[a-z0-9]+)*$). */
export const slug = (s: string): string =>
  s
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');

/**
 * Coins invented words ("Karesh", "Valoma"), each one different from every other word it has
 * coined, so that names built on different roots can never be confused.
 */
export class WordMint {
  private readonly used = new Set<string>();

  constructor(private readonly random: Random) {}

  word(): string {
    for (let attempt = 0; ; attempt++) {
      // Mostly two syllables; three once the short words grow scarce.
      const syllables = attempt > 20 || this.random.chance(0.35) ? 3 : 2;
      let w = '';
      for (let i = 0; i < syllables; i++) w += this.random.pick(ONSETS) + this.random.pick(VOWELS);
      if (this.random.chance(0.55)) w += this.random.pick(CODAS);
      if (attempt > 60) w += this.random.pick(VOWELS) + this.random.pick(CODAS);
      if (!this.used.has(w)) {
        this.used.add(w);
        return capitalise(w);
      }
    }
  }
}

/**
 * Every name handed out so far (ids, labels, aliases), compared as the build compares them
 * (case- and whitespace-insensitively): a name belongs to one actor only.
 */
export class NameRegistry {
  private readonly taken = new Set<string>();

  isFree(name: string): boolean {
    return !this.taken.has(nameKey(name));
  }

  /**
   * Claims an actor's id and label (all or nothing: false if either is taken), then those of its
   * aliases that are still free. Returns the aliases kept, or undefined if id or label is taken.
   */
  claim(id: string, label: string, aliases: readonly string[]): string[] | undefined {
    const idKey = nameKey(id);
    const labelKey = nameKey(label);
    if (this.taken.has(idKey) || this.taken.has(labelKey)) return undefined;
    this.taken.add(idKey);
    this.taken.add(labelKey);
    const kept: string[] = [];
    for (const alias of aliases) {
      const key = nameKey(alias);
      if (key === idKey || key === labelKey || this.taken.has(key)) continue;
      this.taken.add(key);
      kept.push(alias);
    }
    return kept;
  }
}

/** Given names for people; surnames are coined, so that each person's names are their own. */
// prettier-ignore
export const GIVEN_NAMES = [
  'Adam', 'Amal', 'Amir', 'Anna', 'Arman', 'Aziz', 'Bela', 'Boris', 'Carla', 'Dana', 'Daniel',
  'Darya', 'David', 'Elena', 'Emil', 'Farid', 'Fatima', 'Georg', 'Hana', 'Hassan', 'Ilya',
  'Imran', 'Irina', 'Ivan', 'Jamal', 'Jana', 'Karim', 'Katya', 'Laila', 'Lena', 'Leon', 'Lucas',
  'Maya', 'Marco', 'Maria', 'Mikhail', 'Mira', 'Nadia', 'Nikolai', 'Nina', 'Omar', 'Oleg',
  'Paula', 'Petra', 'Rami', 'Rania', 'Rosa', 'Samir', 'Sara', 'Sergei', 'Sofia', 'Tamar',
  'Tarek', 'Tomas', 'Vera', 'Viktor', 'Yara', 'Yusuf', 'Zara', 'Zoran',
];
