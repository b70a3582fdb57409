import { MultiGraph } from 'graphology';
import type { Actor, ArticleMeta, EdgeAttributes, RelationType } from '../model.ts';
import { KIND_COLORS, edgeSize, nodeSize } from '../style.ts';
import { edgeKey, emptyEdgeAttributes, type ActorGraph } from '../graph/actorGraph.ts';
import { computeActorMetrics } from '../graph/metrics.ts';
import { edgeDateRange } from '../time/edgeDates.ts';
import type { LocatedRelation } from './evidence.ts';

export interface AssembleInput {
  name: string;
  description: string;
  actors: readonly Actor[];
  relationTypes: readonly RelationType[];
  articles: readonly ArticleMeta[];
  located: readonly LocatedRelation[];
}

/**
 * Assembles the multigraph: one node per actor, one edge per (source, relation type, target)
 * aggregating its evidence (weight = pieces of evidence, first and last dates of each kind,
 * articles).
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
      color: KIND_COLORS[actor.kind],
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
        attributes: emptyEdgeAttributes(type),
      };
      edges.set(key, entry);
    }
    const a = entry.attributes;
    const e = item.evidence;
    a.evidence.push(e);
    a.weight = a.evidence.length;
    if (!a.articles.includes(e.article)) a.articles.push(e.article);
  }

  for (const [key, { item, attributes }] of edges) {
    Object.assign(attributes, edgeDateRange(attributes.evidence));
    attributes.size = edgeSize(attributes.weight);
    if (item.directed) graph.addDirectedEdgeWithKey(key, item.source, item.target, attributes);
    else graph.addUndirectedEdgeWithKey(key, item.source, item.target, attributes);
  }

  computeActorMetrics(graph);
  return graph;
}
