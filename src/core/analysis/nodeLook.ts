import type { ActorKind } from '../model.ts';
import { KIND_COLORS, KIND_LABELS, nodeSize } from '../style.ts';
import type { Camp } from './camps.ts';
import type { ActorMetrics } from './centrality.ts';
import { plural } from '../text/plural.ts';

/**
 * "Size by" and "colour by" for the actors, from the analysis: what the page draws and what its
 * legend says. Pure: the choices and the figures in, a size and a colour per actor out.
 */
export const METRICS = ['degree', 'weightedDegree', 'pagerank', 'betweenness'] as const;
export type Metric = (typeof METRICS)[number];

export const METRIC_LABELS: Record<Metric, string> = {
  degree: 'Degree (relations)',
  weightedDegree: 'Weighted degree (statements)',
  pagerank: 'PageRank',
  betweenness: 'Betweenness',
};

export type SizeBy = 'evidence' | Metric;
export type ColourBy = 'kind' | 'community' | 'camp' | Metric;

export const SIZE_BY: readonly SizeBy[] = ['evidence', ...METRICS];
export const COLOUR_BY: readonly ColourBy[] = ['kind', 'community', 'camp', ...METRICS];

export const SIZE_BY_LABELS: Record<SizeBy, string> = {
  evidence: 'Evidence (as built)',
  ...METRIC_LABELS,
};
export const COLOUR_BY_LABELS: Record<ColourBy, string> = {
  kind: 'Kind (as built)',
  community: 'Community (Louvain)',
  camp: 'Camp (structural balance)',
  ...METRIC_LABELS,
};

/** Colours of communities (the first ten; the others share the last, grey). */
export const COMMUNITY_COLORS = [
  '#4e79a7',
  '#f28e2b',
  '#59a14f',
  '#b07aa1',
  '#edc948',
  '#76b7b2',
  '#ff9da7',
  '#9c755f',
  '#e15759',
  '#bab0ac',
] as const;
export const CAMP_COLORS: Record<Camp | 'none', string> = {
  0: '#2f6db5',
  1: '#d9822b',
  none: '#b8bec6',
};
/** A metric's colour ramp, from the least to the most. */
export const RAMP = ['#e3ecf7', '#08306b'] as const;

export interface LegendEntry {
  color: string;
  label: string;
}

export interface NodeLook {
  sizes: Map<string, number>;
  colors: Map<string, string>;
  legend: LegendEntry[];
}

export interface LookInput {
  /** Every actor drawn, with its kind and the size it was built with. */
  actors: ReadonlyMap<string, { kind: ActorKind; size: number; color: string }>;
  metrics: ReadonlyMap<string, ActorMetrics>;
  camps: ReadonlyMap<string, Camp>;
  /** Actors in the graph (the size range follows it, as the build's does). */
  order: number;
}

/** Sizes and colours for the choices, with the legend of the colours. */
export function nodeLook(input: LookInput, sizeBy: SizeBy, colourBy: ColourBy): NodeLook {
  const sizes = new Map<string, number>();
  const colors = new Map<string, string>();
  const metricOf = (actor: string, metric: Metric) => input.metrics.get(actor)?.[metric] ?? 0;

  if (sizeBy === 'evidence') for (const [a, x] of input.actors) sizes.set(a, x.size);
  else {
    const max = Math.max(0, ...[...input.actors.keys()].map((a) => metricOf(a, sizeBy)));
    for (const a of input.actors.keys())
      sizes.set(a, nodeSize(metricOf(a, sizeBy), max, input.order));
  }

  let legend: LegendEntry[];
  if (colourBy === 'kind') {
    const kinds = new Set<ActorKind>();
    for (const [a, x] of input.actors) {
      colors.set(a, x.color);
      kinds.add(x.kind);
    }
    legend = [...kinds].sort().map((k) => ({ color: KIND_COLORS[k], label: KIND_LABELS[k] }));
  } else if (colourBy === 'community') {
    const sizesOf = new Map<number, number>();
    for (const a of input.actors.keys()) {
      const c = input.metrics.get(a)?.community ?? -1;
      colors.set(a, c >= 0 ? communityColor(c) : CAMP_COLORS.none);
      sizesOf.set(c, (sizesOf.get(c) ?? 0) + 1);
    }
    legend = [...sizesOf]
      .filter(([c]) => c >= 0)
      .sort(([x], [y]) => x - y)
      .slice(0, COMMUNITY_COLORS.length)
      .map(([c, n]) => ({
        color: communityColor(c),
        label:
          c === COMMUNITY_COLORS.length - 1 && sizesOf.size > COMMUNITY_COLORS.length
            ? `Communities ${c + 1} and after`
            : `Community ${c + 1} (${plural(n, 'actor')})`,
      }));
  } else if (colourBy === 'camp') {
    for (const a of input.actors.keys()) {
      const camp = input.camps.get(a);
      colors.set(a, camp === undefined ? CAMP_COLORS.none : CAMP_COLORS[camp]);
    }
    legend = [
      { color: CAMP_COLORS[0], label: 'Camp A' },
      { color: CAMP_COLORS[1], label: 'Camp B' },
      { color: CAMP_COLORS.none, label: 'No signed relation' },
    ];
  } else {
    // From the lowest value shown to the highest.
    const values = [...input.actors.keys()].map((a) => metricOf(a, colourBy));
    const min = Math.min(...values);
    const max = Math.max(...values);
    for (const a of input.actors.keys())
      colors.set(a, ramp(max > min ? (metricOf(a, colourBy) - min) / (max - min) : 0));
    legend = [
      {
        color: RAMP[0],
        label: `Lowest ${METRIC_LABELS[colourBy].toLowerCase()} (${formatMetric(min)})`,
      },
      { color: RAMP[1], label: `Highest (${formatMetric(max)})` },
    ];
  }
  return { sizes, colors, legend };
}

const communityColor = (c: number): string =>
  COMMUNITY_COLORS[Math.min(c, COMMUNITY_COLORS.length - 1)]!;

/** The colour at `t` (0 to 1) between the ramp's two ends. */
export function ramp(t: number): string {
  const from = hex(RAMP[0]);
  const to = hex(RAMP[1]);
  const mix = from.map((f, i) => Math.round(f + (to[i]! - f) * Math.min(1, Math.max(0, t))));
  return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const hex = (color: string): number[] => [1, 3, 5].map((i) => parseInt(color.slice(i, i + 2), 16));

/** A metric for display: whole numbers as they are, others to three significant digits. */
export const formatMetric = (value: number): string =>
  Number.isInteger(value) ? String(value) : value.toPrecision(3);
