import seedrandom from 'seedrandom';

/**
 * A seeded source of randomness (seedrandom's Alea: fast, and the same numbers on every
 * platform). The generator draws everything from here, never from Math.random or the clock, so
 * the same seed gives the same corpus byte for byte.
 */
export class Random {
  private readonly next: () => number;

  constructor(readonly seed: string) {
    this.next = seedrandom.alea(seed);
  }

  /** An independent stream for one part of the corpus, so that parts do not disturb each other. */
  fork(label: string): Random {
    return new Random(`${this.seed}\u0000${label}`);
  }

  /** A number in [0, 1). */
  float(): number {
    return this.next();
  }

  /** A whole number in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** A whole number in [lo, hi], both included. */
  between(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Shuffles in place (Fisher-Yates) and returns the array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const t = items[i]!;
      items[i] = items[j]!;
      items[j] = t;
    }
    return items;
  }
}

/**
 * Picks indices with probability proportional to fixed weights: cumulative sums and a binary
 * search, O(log n) a pick.
 */
export class WeightedPicker {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(weights: ArrayLike<number>) {
    if (weights.length === 0) throw new RangeError('a weighted pick needs at least one weight');
    this.cumulative = new Float64Array(weights.length);
    let sum = 0;
    for (let i = 0; i < weights.length; i++) {
      const w = weights[i]!;
      if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`invalid weight ${w}`);
      sum += w;
      this.cumulative[i] = sum;
    }
    if (sum <= 0) throw new RangeError('the weights add up to zero');
    this.total = sum;
  }

  get size(): number {
    return this.cumulative.length;
  }

  pick(random: Random): number {
    const x = random.float() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/**
 * Splits `total` into whole parts proportional to `weights` (largest remainder), each at least
 * `minimum`. The caller guarantees total >= minimum * weights.length.
 */
export function apportion(total: number, weights: readonly number[], minimum = 0): number[] {
  const n = weights.length;
  const free = total - minimum * n;
  if (free < 0) throw new RangeError(`cannot give ${n} parts at least ${minimum} out of ${total}`);
  const sum = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (sum > 0 ? (w / sum) * free : free / n));
  const parts = exact.map((x) => Math.floor(x));
  let left = free - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) parts[order[k]![1]]!++;
  return parts.map((p) => p + minimum);
}
