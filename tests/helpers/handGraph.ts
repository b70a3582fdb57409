/**
 * Hand-made actor graphs for the analysis tests: `a + b` (cooperates), `a - b` (a opposes b),
 * `a > b` (proposes), each with its statements (default: one asserted).
 */
import { MultiGraph } from 'graphology';
import { edgeKey, type ActorGraph } from '../../src/core/graph/actorGraph.ts';
import type { Evidence, Modality, RelationType } from '../../src/core/model.ts';
import { COOPERATES, OPPOSES, testNode } from './dataset.ts';

export const PROPOSES: RelationType = {
  ...OPPOSES,
  id: 'proposes-to',
  label: 'proposes to',
  sign: 0,
};
const TYPES = { '+': COOPERATES, '-': OPPOSES, '>': PROPOSES } as const;

/** A statement: its modality, article and date (defaults: asserted, its own article, 2020). */
export type S = Modality | { modality?: Modality; article?: string; date?: string | null };

/**
 * A graph from lines such as `a + b` (cooperates), `a - b` (a opposes b), `a > b` (proposes),
 * each with its statements (default: one asserted). Statements get distinct spans.
 */
export function handGraph(relations: [string, S[]?][]): ActorGraph {
  const graph: ActorGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
  graph.replaceAttributes({
    name: 'test',
    description: 'test',
    relationTypes: [COOPERATES, OPPOSES, PROPOSES],
    articles: {},
  });
  let offset = 0;
  for (const [line, given] of relations) {
    const statements: S[] = given ?? ['asserted'];
    const [s, op, t] = line.split(' ') as [string, keyof typeof TYPES, string];
    const type = TYPES[op];
    for (const n of [s, t]) if (!graph.hasNode(n)) graph.addNode(n, testNode(n));
    const [source, target] = type.directed || s < t ? [s, t] : [t, s];
    const key = edgeKey(type.id, source, target);
    const evidence: Evidence[] = statements.map((st) => {
      const o: Exclude<S, Modality> = typeof st === 'string' ? { modality: st } : st;
      offset += 10;
      return {
        article: o.article ?? `article-${offset}`,
        quote: `${line} #${offset}`,
        start: offset,
        end: offset + 5,
        modality: o.modality ?? 'asserted',
        date: o.date === undefined ? '2020' : o.date,
      };
    });
    if (graph.hasEdge(key)) {
      graph.updateEdgeAttribute(key, 'evidence', (e) => [...e!, ...evidence]);
      continue;
    }
    const attributes = {
      relation: type.id,
      label: type.label,
      weight: evidence.length,
      evidence,
      articles: [...new Set(evidence.map((e) => e.article))],
      firstDate: null,
      lastDate: null,
      color: type.color,
      size: 1,
    };
    if (type.directed) graph.addDirectedEdgeWithKey(key, source, target, attributes);
    else graph.addUndirectedEdgeWithKey(key, source, target, attributes);
  }
  return graph;
}

export const g = (...lines: (string | [string, S[]])[]) =>
  handGraph(lines.map((l): [string, S[]?] => (typeof l === 'string' ? [l] : l)));
