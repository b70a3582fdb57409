/**
 * Where each actor's label goes so that no two labels are drawn over each other: right of
 * the actor if that is free, else left, above or below; a label that fits nowhere keeps the
 * position where it covers least and is reported as crowded (the page shows it only when
 * zoomed in enough, or highlighted). Pure geometry in viewport
 * pixels, the same boxes sigma draws (text starting `margin` pixels from the disc).
 */

export type LabelPosition = 'right' | 'left' | 'above' | 'below';
export const LABEL_POSITIONS: readonly LabelPosition[] = ['right', 'left', 'above', 'below'];

export interface LabelCandidate {
  key: string;
  /** Centre of the actor's disc, viewport pixels (y down). */
  x: number;
  y: number;
  /** Disc radius in pixels. */
  radius: number;
  /** Text width and height in pixels. */
  width: number;
  height: number;
}

export interface Box {
  minX: number;
  maxX: number;
  minY: number;
  maxY: number;
}

/** The box a label at `position` covers (as sigma's label renderer places it). */
export function labelBox(c: LabelCandidate, position: LabelPosition, margin: number): Box {
  const start = c.radius + margin;
  const hw = c.width / 2;
  const hh = c.height / 2;
  let cx = c.x;
  let cy = c.y;
  if (position === 'right') cx += start + hw;
  else if (position === 'left') cx -= start + hw;
  else if (position === 'above') cy -= start + hh;
  else cy += start + hh;
  return { minX: cx - hw, maxX: cx + hw, minY: cy - hh, maxY: cy + hh };
}

export const boxesIntersect = (a: Box, b: Box, gap = 0): boolean =>
  a.minX < b.maxX + gap && b.minX < a.maxX + gap && a.minY < b.maxY + gap && b.minY < a.maxY + gap;

const discBox = (c: LabelCandidate): Box => ({
  minX: c.x - c.radius,
  maxX: c.x + c.radius,
  minY: c.y - c.radius,
  maxY: c.y + c.radius,
});

export interface Placement {
  positions: Map<string, LabelPosition>;
  /** Labels that fit nowhere without covering another (placed where they cover least). */
  crowded: string[];
}

/**
 * Places the labels greedily, the largest actors first (they are the most looked for): each
 * takes the first position whose box meets no label already placed and no other actor's
 * disc, and stays inside `bounds` (the canvas) when given. Grid buckets keep it near-linear.
 * `gap` pixels are kept between labels.
 */
export function placeLabels(
  candidates: readonly LabelCandidate[],
  { margin = 5, gap = 2, bounds }: { margin?: number; gap?: number; bounds?: Box } = {},
): Placement {
  const order = [...candidates].sort(
    (a, b) => b.radius - a.radius || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
  );
  const cell = Math.max(32, ...candidates.map((c) => c.width + c.radius * 2 + margin));
  const grid = new Map<string, Box[]>();
  const cellsOf = (b: Box): string[] => {
    const keys: string[] = [];
    for (let i = Math.floor(b.minX / cell); i <= Math.floor(b.maxX / cell); i++)
      for (let j = Math.floor(b.minY / cell); j <= Math.floor(b.maxY / cell); j++)
        keys.push(`${i}:${j}`);
    return keys;
  };
  const add = (b: Box) => {
    for (const k of cellsOf(b)) {
      const list = grid.get(k);
      if (list) list.push(b);
      else grid.set(k, [b]);
    }
  };
  const outside = (b: Box) =>
    bounds !== undefined &&
    (b.minX < bounds.minX || b.minY < bounds.minY || b.maxX > bounds.maxX || b.maxY > bounds.maxY);
  const overlaps = (b: Box, own: Box) => {
    let count = 0;
    const seen = new Set<Box>();
    for (const k of cellsOf(b))
      for (const o of grid.get(k) ?? [])
        if (o !== own && !seen.has(o) && boxesIntersect(b, o, gap)) {
          seen.add(o);
          count++;
        }
    return count;
  };

  // Every disc is an obstacle from the start; labels join as they are placed.
  const discs = new Map<string, Box>();
  for (const c of candidates) {
    const d = discBox(c);
    discs.set(c.key, d);
    add(d);
  }
  const positions = new Map<string, LabelPosition>();
  const crowded: string[] = [];
  for (const c of order) {
    const own = discs.get(c.key)!;
    // The first free position; failing that, the one covering least, inside the canvas.
    let placed: LabelPosition | null = null;
    let fallback: { position: LabelPosition; cost: number } | null = null;
    for (const position of LABEL_POSITIONS) {
      const box = labelBox(c, position, margin);
      const cost = (outside(box) ? 1_000_000 : 0) + overlaps(box, own);
      if (cost === 0) {
        placed = position;
        add(box);
        break;
      }
      if (fallback === null || cost < fallback.cost) fallback = { position, cost };
    }
    if (placed === null) {
      crowded.push(c.key);
      placed = fallback!.position;
    }
    positions.set(c.key, placed);
  }
  return { positions, crowded };
}
