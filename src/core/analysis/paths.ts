import { UndirectedGraph } from 'graphology';
import { bfsFromNode } from 'graphology-traversal';
import type { ActorGraph } from '../graph/actorGraph.ts';
import type { EdgeAttributes, Evidence } from '../model.ts';
import { corroboration } from '../explore/corroboration.ts';
import { byId } from './signs.ts';
import { statementsOf, type Statement } from './statements.ts';

/**
 * "How is A connected to B?": the simple paths of at most `maxSteps` steps (4) between two
 * actors, over relations of any type and either direction. Each step is the pair's best
 * relation: the most asserted statements, then the most distinct articles, then the most
 * statements (then the edge key). Paths are ranked by their weakest step (fewest asserted
 * statements, then fewest distinct articles): a chain is as strong as its weakest link; then
 * the shorter first, then by their actors. Each returned step carries its strongest statement
 * (asserted first, then the latest) with its article: a relation that machine-coded events
 * alone support (no statement) is no step.
 */
export interface StepStrength {
  /** Asserted statements the relation shows. */
  asserted: number;
  /** Distinct articles of its shown statements. */
  articles: number;
}

/** The best relation between two actors, with its strength. */
export interface PairLink extends StepStrength {
  edge: string;
  relation: string;
  statements: number;
}

export interface PathStep extends PairLink {
  from: string;
  to: string;
  /** The relation's strongest shown statement (asserted first, then the latest). */
  statement: Statement;
}

export interface ConnectionPath {
  /** The actors along the path, from the first to the last. */
  actors: string[];
  steps: PathStep[];
  weakest: StepStrength;
}

export interface PathsResult {
  from: string;
  to: string;
  maxSteps: number;
  /** Simple paths found in all (of at most maxSteps steps). */
  found: number;
  /** The best `limit` of them, best first. */
  paths: ConnectionPath[];
}

export interface PathOptions {
  /** The longest path, in steps (default 4). */
  maxSteps?: number;
  /** Paths returned (default 20); `found` counts them all. */
  limit?: number;
}

/**
 * The pairs of actors of a (filtered) graph as a simple undirected graph, each edge holding
 * the pair's best relation; built once per graph, it answers any number of path questions.
 */
export interface PathIndex {
  graph: ActorGraph;
  /** The statements of a relation the index counts (all, or what a view shows). */
  evidenceOf: (attr: EdgeAttributes) => readonly Evidence[];
  pairs: UndirectedGraph<Record<string, never>, PairLink>;
  /** Each actor's neighbours in code-unit order, with the pair's best relation. */
  neighbours: Map<string, { actor: string; link: PairLink }[]>;
}

const stronger = (x: PairLink, y: PairLink): boolean =>
  x.asserted !== y.asserted
    ? x.asserted > y.asserted
    : x.articles !== y.articles
      ? x.articles > y.articles
      : x.statements !== y.statements
        ? x.statements > y.statements
        : x.edge < y.edge;

/**
 * What a view of the graph shows (the page's filters): the actors and relations it shows and
 * the statements of each. Without one, the index takes the whole graph.
 */
export interface PathView {
  nodes: ReadonlySet<string>;
  edges: { has(edge: string): boolean };
  evidenceOf: (attr: EdgeAttributes) => readonly Evidence[];
}

/**
 * The index of a graph, or of what `view` shows of it: the same as the index of that view's
 * copy (filteredGraph), without making the copy.
 */
export function pathIndex(graph: ActorGraph, view?: PathView): PathIndex {
  const pairs = new UndirectedGraph<Record<string, never>, PairLink>();
  const articles = graph.getAttribute('articles') ?? {};
  const evidenceOf = view?.evidenceOf ?? ((attr: EdgeAttributes) => attr.evidence);
  graph.forEachNode((node) => {
    if (!view || view.nodes.has(node)) pairs.addNode(node);
  });
  graph.forEachEdge((edge, attr, source, target) => {
    if (view && (!view.edges.has(edge) || !pairs.hasNode(source) || !pairs.hasNode(target))) return;
    // A relation with no statement shown (machine-coded events alone) is no step: every step
    // of a path comes with its quote.
    const evidence = evidenceOf(attr);
    if (evidence.length === 0) return;
    const c = corroboration(evidence, articles);
    const link: PairLink = {
      edge,
      relation: attr.relation,
      asserted: c.asserted,
      articles: c.articles,
      statements: c.statements,
    };
    const existing = pairs.edge(source, target);
    if (existing === undefined) pairs.addEdge(source, target, link);
    else if (stronger(link, pairs.getEdgeAttributes(existing)))
      pairs.replaceEdgeAttributes(existing, link);
  });
  const neighbours: PathIndex['neighbours'] = new Map();
  pairs.forEachNode((node) => {
    const around: { actor: string; link: PairLink }[] = [];
    pairs.forEachEdge(node, (_edge, link, source, target) =>
      around.push({ actor: source === node ? target : source, link }),
    );
    neighbours.set(
      node,
      around.sort((x, y) => byId(x.actor, y.actor)),
    );
  });
  return { graph, evidenceOf, pairs, neighbours };
}

/** Compares two paths: the stronger weakest step first, then the shorter, then by actors. */
function comparePaths(x: Found, y: Found): number {
  return (
    y.weakest.asserted - x.weakest.asserted ||
    y.weakest.articles - x.weakest.articles ||
    x.actors.length - y.actors.length ||
    compareActors(x.actors, y.actors)
  );
}

function compareActors(x: readonly string[], y: readonly string[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const c = byId(x[i]!, y[i]!);
    if (c !== 0) return c;
  }
  return x.length - y.length;
}

interface Found {
  actors: string[];
  weakest: StepStrength;
}

/**
 * The paths between two actors, best first. Actors the graph does not hold (hidden by the
 * filters) have no paths. Only actors within reach of the target are explored: a breadth-first
 * search from it (graphology-traversal) gives each actor's distance, and the depth-first
 * enumeration from the source steps only to actors close enough to still arrive in time.
 */
export function connectionPaths(
  index: PathIndex,
  from: string,
  to: string,
  options: PathOptions = {},
): PathsResult {
  const maxSteps = options.maxSteps ?? 4;
  const limit = options.limit ?? 20;
  const result: PathsResult = { from, to, maxSteps, found: 0, paths: [] };
  const { pairs, neighbours } = index;
  if (from === to || !pairs.hasNode(from) || !pairs.hasNode(to) || maxSteps < 1) return result;

  const distance = new Map<string, number>();
  bfsFromNode(pairs, to, (node, _attr, depth) => {
    distance.set(node, depth);
    return depth >= maxSteps;
  });
  if (!distance.has(from) || distance.get(from)! > maxSteps) return result;

  const top: Found[] = [];
  let found = 0;
  const path = [from];
  const onPath = new Set([from]);
  const links: PairLink[] = [];
  const record = () => {
    found++;
    if (limit <= 0) return;
    let weakest: StepStrength = links[0]!;
    for (const l of links)
      if (
        l.asserted < weakest.asserted ||
        (l.asserted === weakest.asserted && l.articles < weakest.articles)
      )
        weakest = l;
    const candidate: Found = {
      actors: path,
      weakest: { asserted: weakest.asserted, articles: weakest.articles },
    };
    if (top.length === limit && comparePaths(candidate, top[top.length - 1]!) >= 0) return;
    candidate.actors = [...path];
    let i = top.length;
    while (i > 0 && comparePaths(candidate, top[i - 1]!) < 0) i--;
    top.splice(i, 0, candidate);
    if (top.length > limit) top.pop();
  };
  const walk = (node: string, left: number) => {
    for (const { actor: next, link } of neighbours.get(node)!) {
      if (onPath.has(next)) continue;
      const d = distance.get(next);
      if (d === undefined || d > left - 1) continue;
      links.push(link);
      path.push(next);
      if (next === to) record();
      else if (left > 1) {
        onPath.add(next);
        walk(next, left - 1);
        onPath.delete(next);
      }
      path.pop();
      links.pop();
    }
  };
  walk(from, maxSteps);
  result.found = found;
  result.paths = top.map((p) => ({
    actors: p.actors,
    weakest: p.weakest,
    steps: p.actors.slice(1).map((next, i) => {
      const prev = p.actors[i]!;
      const link = pairs.getEdgeAttributes(pairs.edge(prev, next)!);
      return {
        ...link,
        from: prev,
        to: next,
        statement: statementsOf(index.graph, [link.edge], index.evidenceOf)[0]!,
      };
    }),
  }));
  return result;
}
