import { describe, expect, it } from 'vitest';
import { sizePolicy, sizeTier } from '../../src/core/sizePolicy.ts';
import { nodeSize } from '../../src/core/style.ts';

describe('sizePolicy', () => {
  it('puts graphs in tiers by their number of actors', () => {
    expect([1, 100, 101, 500, 501, 5000, 5001].map(sizeTier)).toEqual([
      'small',
      'small',
      'medium',
      'medium',
      'large',
      'large',
      'huge',
    ]);
  });

  it('shows every label on a small graph, thins them on a large one', () => {
    const small = sizePolicy({ order: 32, size: 65 });
    expect(small).toMatchObject({ labelRenderedSizeThreshold: 0, stagePadding: 24 });
    const large = sizePolicy({ order: 2000, size: 10_000 });
    expect(large).toMatchObject({ labelRenderedSizeThreshold: 4, stagePadding: 30 });
  });

  it('switches to Barnes-Hut and fewer iterations as the graph grows', () => {
    expect(sizePolicy({ order: 500, size: 0 })).toMatchObject({
      barnesHut: false,
      layoutIterations: 1000,
    });
    expect(sizePolicy({ order: 501, size: 0 })).toMatchObject({
      barnesHut: true,
      layoutIterations: 300,
    });
    expect(sizePolicy({ order: 20_000, size: 0 }).layoutIterations).toBe(100);
  });

  it('turns edge picking off by number of relations, not actors', () => {
    expect(sizePolicy({ order: 10, size: 5000 }).edgeEvents).toBe(true);
    expect(sizePolicy({ order: 10, size: 5001 }).edgeEvents).toBe(false);
  });

  it('gives node sizes within the tier range', () => {
    expect(nodeSize(0, 10, 30)).toBe(4);
    expect(nodeSize(10, 10, 30)).toBe(20);
    expect(nodeSize(10, 10, 3000)).toBe(9);
  });
});
