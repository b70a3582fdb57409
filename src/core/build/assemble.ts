import { MultiGraph } from 'graphology';
import type {
  Actor,
  ArticleMeta,
  EdgeAttributes,
  GraphAttributes,
  NodeAttributes,
  RelationType,
} from '../model.ts';
import { KIND_COLOURS, edgeSize, nodeSize } from '../style.ts';
import type { LocatedRelation } from './evidence.ts';

export type ActorGraph = MultiGraph<NodeAttributes, EdgeAttributes, GraphAttributes>;

export interface AssembleInput {
  name: string;
  description: string;
  actors: readonly Actor[];
  relationTypes: readonly RelationType[];
  articles: readonly ArticleMeta[];
  located: readonly LocatedRelation[];
}

/** The key of the edge aggregating one (source, relation type, target). */
export function edgeKey(relation: string, source: string, target: string): string {
  return `${relation}:${source}:${target}`;
}

/**
 * Assembles the multigraph: one node per actor, one edge per (source, relation type, target)
 * aggregating its evidence (weight = pieces of evidence, first and last dates, articles).
 * Symmetric relations are undirected edges whose endpoints come in id order.
 */
export function assembleGraph(input: AssembleInput): ActorGraph {
  const graph: ActorGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
  graph.replaceAttributes({
    name: input.name,
    description: input.description,
    relationTypes: [...input.relationTypes],
    articles: Object.fromEntries(input.articles.map((a) => [a.id, a])),
  });
  const typeById = new Map(input.relationTypes.map((t) => [t.id, t]));

  for (const actor of input.actors) {
    if (graph.hasNode(actor.id)) continue;
    graph.addNode(actor.id, {
      label: actor.label,
      kind: actor.kind,
      aliases: actor.aliases ?? [],
      ...(actor.affiliation === undefined ? {} : { affiliation: actor.affiliation }),
      ...(actor.wikidata === undefined ? {} : { wikidata: actor.wikidata }),
      ...(actor.note === undefined ? {} : { note: actor.note }),
      x: 0,
      y: 0,
      size: nodeSize(0, 0, input.actors.length),
      color: KIND_COLOURS[actor.kind],
      degree: 0,
      evidenceCount: 0,
      degreeByRelation: Object.fromEntries(input.relationTypes.map((t) => [t.id, 0])),
    });
  }

  const edges = new Map<string, { item: LocatedRelation; attributes: EdgeAttributes }>();
  for (const item of input.located) {
    const key = edgeKey(item.relation, item.source, item.target);
    let entry = edges.get(key);
    if (!entry) {
      const type = typeById.get(item.relation)!;
      entry = {
        item,
        attributes: {
          relation: type.id,
          label: type.label,
          weight: 0,
          evidence: [],
          articles: [],
          firstDate: null,
          lastDate: null,
          color: type.colour,
          size: 1,
        },
      };
      edges.set(key, entry);
    }
    const a = entry.attributes;
    const e = item.evidence;
    a.evidence.push(e);
    a.weight = a.evidence.length;
    if (!a.articles.includes(e.article)) a.articles.push(e.article);
    if (e.date !== null) {
      if (a.firstDate === null || e.date < a.firstDate) a.firstDate = e.date;
      if (a.lastDate === null || e.date > a.lastDate) a.lastDate = e.date;
    }
  }

  for (const [key, { item, attributes }] of edges) {
    attributes.size = edgeSize(attributes.weight);
    if (item.directed) graph.addDirectedEdgeWithKey(key, item.source, item.target, attributes);
    else graph.addUndirectedEdgeWithKey(key, item.source, item.target, attributes);
  }

  computeActorMetrics(graph);
  return graph;
}

/** Degree (distinct edges), evidence count and degree per relation type; node size follows. */
export function computeActorMetrics(graph: ActorGraph): void {
  let maxEvidence = 0;
  graph.forEachNode((node, attr) => {
    const byRelation: Record<string, number> = Object.fromEntries(
      Object.keys(attr.degreeByRelation).map((k) => [k, 0]),
    );
    let evidenceCount = 0;
    graph.forEachEdge(node, (_edge, edgeAttr) => {
      byRelation[edgeAttr.relation] = (byRelation[edgeAttr.relation] ?? 0) + 1;
      evidenceCount += edgeAttr.weight;
    });
    maxEvidence = Math.max(maxEvidence, evidenceCount);
    graph.mergeNodeAttributes(node, {
      degree: graph.degree(node),
      evidenceCount,
      degreeByRelation: byRelation,
    });
  });
  graph.updateEachNodeAttributes((_node, attr) => ({
    ...attr,
    size: nodeSize(attr.evidenceCount, maxEvidence, graph.order),
  }));
}
