import { describe, expect, it } from 'vitest';
import {
  boxesIntersect,
  labelBox,
  placeLabels,
  type LabelCandidate,
} from '../../src/core/explore/labelPlacement.ts';

const at = (key: string, x: number, y: number, width = 60, radius = 5): LabelCandidate => ({
  key,
  x,
  y,
  radius,
  width,
  height: 14,
});

const boxesOf = (candidates: LabelCandidate[], positions: Map<string, string>, hidden: string[]) =>
  candidates
    .filter((c) => !hidden.includes(c.key))
    .map((c) => labelBox(c, positions.get(c.key) as 'right', 5));

describe('labelBox', () => {
  it('starts the text margin pixels from the disc, on the chosen side', () => {
    const c = at('a', 100, 100, 40, 10);
    expect(labelBox(c, 'right', 5)).toEqual({ minX: 115, maxX: 155, minY: 93, maxY: 107 });
    expect(labelBox(c, 'left', 5)).toEqual({ minX: 45, maxX: 85, minY: 93, maxY: 107 });
    expect(labelBox(c, 'above', 5)).toEqual({ minX: 80, maxX: 120, minY: 71, maxY: 85 });
    expect(labelBox(c, 'below', 5)).toEqual({ minX: 80, maxX: 120, minY: 115, maxY: 129 });
  });
});

describe('placeLabels', () => {
  it('keeps every label on the right when nothing is in the way', () => {
    const { positions, crowded } = placeLabels([at('a', 0, 0), at('b', 0, 100)]);
    expect([...positions.values()]).toEqual(['right', 'right']);
    expect(crowded).toEqual([]);
  });

  it('moves a label whose right side is taken, the larger actor keeping the right', () => {
    // b sits just below a's label: a is larger and keeps the right; b's label would cover
    // a's on the right and above, and a's disc on the left, so it goes below.
    const big = at('a', 0, 0, 60, 8);
    const small = at('b', 20, 14, 60, 4);
    const { positions, crowded } = placeLabels([small, big]);
    expect(positions.get('a')).toBe('right');
    expect(positions.get('b')).toBe('below');
    expect(crowded).toEqual([]);
    const [first, second] = boxesOf([big, small], positions, crowded);
    expect(boxesIntersect(first!, second!)).toBe(false);
  });

  it('never lets two placed labels meet, nor a label cover a disc, in a dense cluster', () => {
    const candidates: LabelCandidate[] = [];
    for (let i = 0; i < 60; i++) candidates.push(at(`n${i}`, (i % 8) * 45, Math.floor(i / 8) * 22));
    const { positions, crowded } = placeLabels(candidates);
    const boxes = boxesOf(candidates, positions, crowded);
    for (let i = 0; i < boxes.length; i++)
      for (let j = i + 1; j < boxes.length; j++)
        expect(boxesIntersect(boxes[i]!, boxes[j]!)).toBe(false);
    expect(crowded.length).toBeGreaterThan(0);
  });

  it('keeps labels inside the bounds given', () => {
    const c = at('a', 95, 50);
    const { positions } = placeLabels([c], { bounds: { minX: 0, minY: 0, maxX: 100, maxY: 100 } });
    expect(positions.get('a')).toBe('left');
  });
});
