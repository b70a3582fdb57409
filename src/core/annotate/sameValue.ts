/**
 * Deep equality of plain data (what YAML and JSON parse to), regardless of key order; a key
 * whose value is undefined counts as absent. Allocates nothing: graphDiff compares every
 * relation of two builds with it.
 */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const list = Array.isArray(a);
  if (list !== Array.isArray(b)) return false;
  if (list) {
    const left = a as unknown[];
    const right = b as unknown[];
    if (left.length !== right.length) return false;
    for (let i = 0; i < left.length; i++) if (!sameValue(left[i], right[i])) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let keys = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key) || left[key] === undefined) continue;
    if (!Object.hasOwn(right, key) || !sameValue(left[key], right[key])) return false;
    keys++;
  }
  for (const key in right) {
    if (Object.hasOwn(right, key) && right[key] !== undefined) keys--;
  }
  return keys === 0;
}
