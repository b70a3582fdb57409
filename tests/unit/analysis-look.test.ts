import { describe, expect, it } from 'vitest';
import {
  CAMP_COLORS,
  COMMUNITY_COLORS,
  RAMP,
  nodeLook,
  ramp,
  type LookInput,
} from '../../src/core/analysis/nodeLook.ts';
import type { ActorMetrics } from '../../src/core/analysis/centrality.ts';
import { KIND_COLORS } from '../../src/core/style.ts';

const metrics = (m: Partial<ActorMetrics>): ActorMetrics => ({
  degree: 0,
  weightedDegree: 0,
  neighbours: 0,
  pagerank: 0,
  betweenness: 0,
  community: 0,
  ...m,
});

const input: LookInput = {
  actors: new Map([
    ['a', { kind: 'state', size: 10, color: KIND_COLORS.state }],
    ['b', { kind: 'person', size: 6, color: KIND_COLORS.person }],
    ['c', { kind: 'person', size: 4, color: KIND_COLORS.person }],
  ]),
  metrics: new Map([
    ['a', metrics({ pagerank: 0.5, betweenness: 4, community: 0 })],
    ['b', metrics({ pagerank: 0.3, betweenness: 1, community: 1 })],
    ['c', metrics({ pagerank: 0.2, betweenness: 0, community: 0 })],
  ]),
  camps: new Map([
    ['a', 0],
    ['b', 1],
  ]),
  order: 3,
};

describe('nodeLook', () => {
  it('keeps the built sizes and kind colours by default', () => {
    const look = nodeLook(input, 'evidence', 'kind');
    expect(look.sizes.get('a')).toBe(10);
    expect(look.colors.get('b')).toBe(KIND_COLORS.person);
    expect(look.legend.map((l) => l.label)).toEqual(['Person', 'State']);
  });

  it('sizes by a metric: the largest value gets the largest size, zero the smallest', () => {
    const look = nodeLook(input, 'betweenness', 'kind');
    expect(look.sizes.get('a')).toBe(20);
    expect(look.sizes.get('c')).toBe(4);
    expect(look.sizes.get('b')).toBeGreaterThan(4);
    expect(look.sizes.get('b')).toBeLessThan(20);
  });

  it('colours by a metric from the lowest value shown to the highest', () => {
    const look = nodeLook(input, 'evidence', 'pagerank');
    expect(look.colors.get('a')).toBe(RAMP[1]);
    expect(look.colors.get('c')).toBe(RAMP[0]);
    expect(look.colors.get('b')).toBe(ramp(1 / 3));
    expect(look.legend[1]!.label).toBe('Highest (0.500)');
  });

  it('colours by community and by camp, an actor without a signed relation apart', () => {
    const byCommunity = nodeLook(input, 'evidence', 'community');
    expect(byCommunity.colors.get('a')).toBe(COMMUNITY_COLORS[0]);
    expect(byCommunity.colors.get('b')).toBe(COMMUNITY_COLORS[1]);
    expect(byCommunity.legend[0]!.label).toBe('Community 1 (2 actors)');
    const byCamp = nodeLook(input, 'evidence', 'camp');
    expect(byCamp.colors.get('a')).toBe(CAMP_COLORS[0]);
    expect(byCamp.colors.get('b')).toBe(CAMP_COLORS[1]);
    expect(byCamp.colors.get('c')).toBe(CAMP_COLORS.none);
  });

  it('mixes the ramp between its two ends', () => {
    expect(ramp(0)).toBe(RAMP[0]);
    expect(ramp(1)).toBe(RAMP[1]);
    expect(ramp(2)).toBe(RAMP[1]);
  });
});
