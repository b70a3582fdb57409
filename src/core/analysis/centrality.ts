import { UndirectedGraph } from 'graphology';
import louvain from 'graphology-communities-louvain';
import betweennessCentrality from 'graphology-metrics/centrality/betweenness';
import pagerank from 'graphology-metrics/centrality/pagerank';
import type { ActorGraph } from '../graph/actorGraph.ts';
import { Random } from '../generate/random.ts';
import { byId } from './signs.ts';

/**
 * Actor metrics and communities, as Gephi computes them, over the (filtered) graph:
 *
 * - degree: the actor's relations (edges of the multigraph: one per relation type and
 *   counterpart, a pair of opposite directed relations counting twice), as graph.json's own
 *   `degree`; weightedDegree: their shown statements;
 * - PageRank (Brin and Page 1998; damping 0.85) and betweenness (Brandes 2001; not normalised,
 *   each unordered pair of actors counted once) from graphology-metrics, and Louvain
 *   communities (Blondel et al. 2008) from graphology-communities-louvain with a seeded random
 *   source, so the same graph gives the same communities.
 *
 * These algorithms take a simple graph (Louvain refuses mixed graphs, and parallel relations
 * would count a pair several times), so the multigraph is first reduced to one undirected edge
 * per pair of actors whose weight is the pair's shown statements, whatever their type and
 * direction (`pairGraph`). PageRank and Louvain use those weights; betweenness counts steps
 * (a statement count is no distance). Opposition links actors as much as cooperation does
 * here: communities are who deals with whom; the camps (camps.ts) are who sides with whom.
 */
export interface ActorMetrics {
  degree: number;
  weightedDegree: number;
  /** Distinct actors related to this one. */
  neighbours: number;
  pagerank: number;
  betweenness: number;
  /** Community number: 0 is the largest (ties: the one with the first actor id). */
  community: number;
}

export interface CentralityResult {
  actors: Map<string, ActorMetrics>;
  communities: number;
  /** Louvain's modularity of the communities (on the weighted pair graph); null without edges. */
  modularity: number | null;
}

export interface CentralityOptions {
  /** Louvain's seed (default 'louvain'). */
  seed?: string;
}

export type PairGraph = UndirectedGraph<Record<string, never>, { weight: number }>;

/** One undirected edge per related pair, weighted by the pair's statements. */
export function pairGraph(graph: ActorGraph): PairGraph {
  const pairs: PairGraph = new UndirectedGraph();
  graph.forEachNode((node) => pairs.addNode(node));
  graph.forEachEdge((_edge, attr, source, target) => {
    pairs.updateEdge(source, target, (a) => ({ weight: (a.weight ?? 0) + attr.evidence.length }));
  });
  return pairs;
}

export function actorMetrics(graph: ActorGraph, options: CentralityOptions = {}): CentralityResult {
  const pairs = pairGraph(graph);
  const actors = new Map<string, ActorMetrics>();
  if (pairs.order === 0) return { actors, communities: 0, modularity: null };
  const ranks = pagerank(pairs, { getEdgeWeight: 'weight', maxIterations: 1000 });
  const between = betweennessCentrality(pairs, { getEdgeWeight: null, normalized: false });
  const random = new Random(options.seed ?? 'louvain');
  const detailed = louvain.detailed(pairs, {
    getEdgeWeight: 'weight',
    rng: () => random.float(),
  });
  const community = renumber(detailed.communities);
  graph.forEachNode((node) => {
    let weightedDegree = 0;
    graph.forEachEdge(node, (_edge, attr) => (weightedDegree += attr.evidence.length));
    actors.set(node, {
      degree: graph.degree(node),
      weightedDegree,
      neighbours: pairs.degree(node),
      pagerank: ranks[node] ?? 0,
      betweenness: between[node] ?? 0,
      community: community.get(node)!,
    });
  });
  return {
    actors,
    communities: new Set(community.values()).size,
    modularity: Number.isFinite(detailed.modularity) ? detailed.modularity : null,
  };
}

/** Communities numbered by size (largest 0), ties by their first actor id. */
function renumber(raw: Readonly<Record<string, number>>): Map<string, number> {
  const members = new Map<number, string[]>();
  for (const [node, c] of Object.entries(raw)) {
    let list = members.get(c);
    if (!list) members.set(c, (list = []));
    list.push(node);
  }
  const order = [...members.values()]
    .map((list) => list.sort(byId))
    .sort((x, y) => y.length - x.length || byId(x[0]!, y[0]!));
  const result = new Map<string, number>();
  order.forEach((list, i) => list.forEach((node) => result.set(node, i)));
  return result;
}
