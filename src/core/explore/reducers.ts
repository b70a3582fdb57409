import type { Visibility } from './filters.ts';

/** The display fields our reducers set (a subset of sigma's NodeDisplayData/EdgeDisplayData). */
export interface NodeDisplay {
  label?: string | null;
  color?: string;
  size?: number;
  hidden?: boolean;
}

export interface EdgeDisplay {
  color?: string;
  size?: number;
  hidden?: boolean;
  type?: string;
  curvature?: number;
}

/**
 * Node display under the filters: hidden when filtered out, as built otherwise. (A highlight
 * does not go through the reducers: the focus layer draws it over the unchanged network.)
 * Runs for every node on each refresh, so it mutates the copy sigma hands it.
 */
export function reduceNode<T extends NodeDisplay>(
  node: string,
  data: T,
  visibility: Visibility,
): T {
  if (!visibility.nodes.has(node)) data.hidden = true;
  return data;
}

/**
 * Edge display under the filters: hidden when filtered out; a relation none of whose visible
 * evidence says it happened (negated, denied, conditional, proposed) is drawn thin and faint,
 * so that it does not read as a fact.
 */
export function reduceEdge<T extends EdgeDisplay>(
  edge: string,
  data: T,
  visibility: Visibility,
): T {
  if (!visibility.edges.has(edge)) {
    data.hidden = true;
    return data;
  }
  if (visibility.unconfirmed.has(edge)) {
    if (data.color) data.color = fade(data.color);
    if (data.size) data.size = Math.max(0.5, data.size * 0.6);
  }
  return data;
}

/** #rrggbb -> #rrggbbaa at 45% opacity (sigma reads 8-digit hex colours). */
export function fade(color: string): string {
  return /^#[0-9a-f]{6}$/i.test(color) ? `${color}73` : color;
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
