/**
 * What changes between two highlights, and which highlighted actors get a label: the pieces
 * of a highlight drawn through sigma's item states, where only changed items are touched.
 */

/**
 * Items that enter and leave a set: only these need their state changed. `exists`, when
 * given, leaves out items that are gone (a relation deleted since `before`).
 */
export function setChanges<T>(
  before: ReadonlySet<T>,
  after: ReadonlySet<T>,
  exists: (item: T) => boolean = () => true,
): { added: T[]; removed: T[] } {
  const added: T[] = [];
  const removed: T[] = [];
  for (const item of after) if (!before.has(item) && exists(item)) added.push(item);
  for (const item of before) if (!after.has(item) && exists(item)) removed.push(item);
  return { added, removed };
}

/** Items whose value differs between two maps (absent counts as `fallback`), by new value. */
export function mapChanges<K, V>(
  before: ReadonlyMap<K, V>,
  after: ReadonlyMap<K, V>,
  fallback: V,
): Map<V, K[]> {
  const changes = new Map<V, K[]>();
  const put = (key: K, value: V) => {
    const list = changes.get(value);
    if (list) list.push(key);
    else changes.set(value, [key]);
  };
  for (const [key, value] of after) if ((before.get(key) ?? fallback) !== value) put(key, value);
  for (const [key, value] of before) if (!after.has(key) && value !== fallback) put(key, fallback);
  return changes;
}

/**
 * Which highlighted actors get a label, most important first: the focused actor, then the
 * largest, up to `max` (a hub's hundreds of counterparts would only pile their labels up).
 */
export function focusLabelOrder<T extends { size: number; label: string | null }>(
  items: readonly [string, T][],
  focusActor: string | null,
  max: number,
): [string, T][] {
  return items
    .filter(([, data]) => data.label !== null && data.label !== '')
    .sort(
      ([a, x], [b, y]) =>
        Number(b === focusActor) - Number(a === focusActor) ||
        y.size - x.size ||
        a.localeCompare(b),
    )
    .slice(0, max);
}
