import type { ActorGraph } from '../graph/actorGraph.ts';
import type { Modality } from '../model.ts';
import { actorMetrics, type CentralityResult } from './centrality.ts';
import { splitCamps, type CampSplit } from './camps.ts';
import { contradictions, type Contradiction } from './contradictions.ts';
import { connectionPaths, pathIndex, type PathsResult } from './paths.ts';
import { signedNetwork, type SignedNetwork } from './signs.ts';
import { triadCensus, type TriadCensus } from './triads.ts';

/**
 * Every analysis of a graph at once, for the command line and the page: give it the filtered
 * graph (filteredGraph(graph, filters, visibility)), so that the analysis follows the filters.
 */
export interface AnalysisOptions {
  /** The modalities counted toward a sign (default: asserted). */
  counted?: readonly Modality[];
  /** Camps: the largest component split exactly (default 20). */
  exactLimit?: number;
  /** Camps: starts of the heuristic (default 16). */
  restarts?: number;
  /** The seed of the camps' heuristic and of Louvain (default: their own). */
  seed?: string;
  /** Contradictions: statements listed per side (default 3). */
  perSide?: number;
  /** "How is A connected to B?", when asked. */
  path?: { from: string; to: string; maxSteps?: number; limit?: number };
}

export interface Analysis {
  network: SignedNetwork;
  triads: TriadCensus;
  camps: CampSplit;
  contradictions: Contradiction[];
  metrics: CentralityResult;
  paths?: PathsResult;
}

export function analyse(graph: ActorGraph, options: AnalysisOptions = {}): Analysis {
  const network = signedNetwork(graph, options.counted ? { counted: options.counted } : {});
  const seeded = options.seed === undefined ? {} : { seed: options.seed };
  const analysis: Analysis = {
    network,
    triads: triadCensus(network),
    camps: splitCamps(network, {
      ...seeded,
      ...(options.exactLimit === undefined ? {} : { exactLimit: options.exactLimit }),
      ...(options.restarts === undefined ? {} : { restarts: options.restarts }),
    }),
    contradictions: contradictions(
      graph,
      network,
      options.perSide === undefined ? {} : { perSide: options.perSide },
    ),
    metrics: actorMetrics(graph, seeded),
  };
  if (options.path) {
    const { from, to, ...rest } = options.path;
    analysis.paths = connectionPaths(pathIndex(graph), from, to, rest);
  }
  return analysis;
}
