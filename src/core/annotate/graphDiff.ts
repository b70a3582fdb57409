/**
 * What changed between two builds of the graph, as the workbench's save answers it (the
 * ChangeResult's `graphDiff`), so that the page takes in a small diff rather than fetching the
 * whole graph.json again: the graph attributes that changed (the texts file's name, the
 * relation types), the articles of the `articles` attribute set or removed, and the actors and
 * relations added, removed, or whose attributes changed (given whole, in graph.json's form).
 *
 * checkGraphDiff checks a diff received against the graph it is to change, as checkGraph
 * checks a graph.json: its form, every actor and relation it brings (by checkGraph itself),
 * and that it fits the graph (what it removes or changes is there, what it adds is not, no
 * relation is left without its actors, its relation type or its articles). mergeGraph.ts
 * applies it.
 */
import {
  checkGraph,
  describeValue,
  isObject,
  isStringList,
  Problems,
  PROBLEM_LIMIT,
  quoted,
  type CheckResult,
  type Dict,
} from '../graph/checkGraph.ts';
import type { ActorGraph } from '../graph/actorGraph.ts';
import type { ArticleMeta, EdgeAttributes, GraphAttributes, NodeAttributes } from '../model.ts';
import { sameValue } from './sameValue.ts';

/** An actor as graph.json has it. */
export interface DiffNode {
  key: string;
  attributes: NodeAttributes;
}

/** A relation as graph.json has it. */
export interface DiffEdge {
  key: string;
  source: string;
  target: string;
  /** True for an undirected relation (graph.json's form); absent or false: directed. */
  undirected?: boolean;
  attributes: EdgeAttributes;
}

export interface GraphDiff {
  /**
   * Graph attributes whose value changed, with the new value, and those no longer there; the
   * articles are apart (`articles`), never here.
   */
  attributes: { set: Partial<Omit<GraphAttributes, 'articles'>>; removed: string[] };
  /** The graph's `articles` attribute: the articles new or changed, by id, and those gone. */
  articles: { set: Record<string, ArticleMeta>; removed: string[] };
  /** Actors: `changed` gives an actor's attributes whole. */
  nodes: { added: DiffNode[]; changed: DiffNode[]; removed: string[] };
  /**
   * Relations: `changed` gives a relation's attributes whole, its ends and direction being the
   * same; a relation whose ends or direction changed is removed and added.
   */
  edges: { added: DiffEdge[]; changed: DiffEdge[]; removed: string[] };
}

/** A diff and the versions (WorkbenchState.graphVersion) of the graph it applies to and makes. */
export interface VersionedGraphDiff extends GraphDiff {
  from: number;
  to: number;
}

const edgeEntry = (graph: ActorGraph, edge: string, attributes: EdgeAttributes): DiffEdge => ({
  key: edge,
  source: graph.source(edge),
  target: graph.target(edge),
  ...(graph.isUndirected(edge) ? { undirected: true } : {}),
  attributes,
});

/**
 * The relations of `before` that `after` does not keep as they are: gone, or with other ends or
 * another direction (such a relation is removed and added anew), in `before`'s order.
 */
export function edgesNotKept(before: ActorGraph, after: ActorGraph): string[] {
  return before.filterEdges(
    (edge, _attributes, source, target) =>
      !after.hasEdge(edge) ||
      after.source(edge) !== source ||
      after.target(edge) !== target ||
      after.isUndirected(edge) !== before.isUndirected(edge),
  );
}

/**
 * The diff that makes `after` of `before`. Pure; its values are `after`'s own (not copies).
 * Attributes are compared as plain data (sameValue: key order and undefined values aside), so
 * an actor or relation that the rebuild left as it was is not in it.
 */
export function graphDiff(before: ActorGraph, after: ActorGraph): GraphDiff {
  const diff: GraphDiff = {
    attributes: { set: {}, removed: [] },
    articles: { set: {}, removed: [] },
    nodes: { added: [], changed: [], removed: [] },
    edges: { added: [], changed: [], removed: [] },
  };
  const was = before.getAttributes() as unknown as Record<string, unknown>;
  const is = after.getAttributes() as unknown as Record<string, unknown>;
  const set: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(is)) {
    if (key === 'articles' || value === undefined) continue;
    if (!sameValue(was[key], value)) set[key] = value;
  }
  diff.attributes.set = set as GraphDiff['attributes']['set'];
  for (const [key, value] of Object.entries(was)) {
    if (key !== 'articles' && value !== undefined && is[key] === undefined) {
      diff.attributes.removed.push(key);
    }
  }
  const articlesBefore = before.getAttribute('articles') ?? {};
  const articlesAfter = after.getAttribute('articles') ?? {};
  const articles: [string, ArticleMeta][] = [];
  for (const [id, meta] of Object.entries(articlesAfter)) {
    if (!Object.hasOwn(articlesBefore, id) || !sameValue(articlesBefore[id], meta)) {
      articles.push([id, meta]);
    }
  }
  diff.articles.set = Object.fromEntries(articles);
  for (const id of Object.keys(articlesBefore)) {
    if (!Object.hasOwn(articlesAfter, id)) diff.articles.removed.push(id);
  }

  before.forEachNode((node) => {
    if (!after.hasNode(node)) diff.nodes.removed.push(node);
  });
  after.forEachNode((node, attributes) => {
    if (!before.hasNode(node)) diff.nodes.added.push({ key: node, attributes });
    else if (!sameValue(before.getNodeAttributes(node), attributes)) {
      diff.nodes.changed.push({ key: node, attributes });
    }
  });

  diff.edges.removed = edgesNotKept(before, after);
  const removed = new Set(diff.edges.removed);
  after.forEachEdge((edge, attributes) => {
    if (!before.hasEdge(edge) || removed.has(edge)) {
      diff.edges.added.push(edgeEntry(after, edge, attributes));
    } else {
      const was = before.getEdgeAttributes(edge);
      if (was !== attributes && !sameValue(was, attributes)) {
        diff.edges.changed.push(edgeEntry(after, edge, attributes));
      }
    }
  });
  return diff;
}

/** A diff checked against the graph it is for: its problems, and the graph attributes it makes. */
export interface DiffCheck extends CheckResult {
  /** The graph attributes once the diff is applied (when it has no problems). */
  attributes?: GraphAttributes;
}

/**
 * Checks `diff` (as received: anything) against `graph`, the graph it is to change, without
 * changing it. No problems: applyGraphDiff (mergeGraph.ts) can apply it, and the graph it makes
 * passes checkGraph as far as what the diff touches (the rest was the graph's already).
 */
export function checkGraphDiff(graph: ActorGraph, diff: unknown, limit = PROBLEM_LIMIT): DiffCheck {
  const problems = new Problems(limit);
  if (!isObject(diff)) {
    problems.add('', `not a graph diff: ${describeValue(diff)}, not an object`);
    return problems.result();
  }
  // The form: every part there, lists where lists are expected.
  const parts = {
    attributes: ['set', 'removed'],
    articles: ['set', 'removed'],
    nodes: ['added', 'changed', 'removed'],
    edges: ['added', 'changed', 'removed'],
  } as const;
  for (const [part, fields] of Object.entries(parts)) {
    const value = diff[part];
    if (!isObject(value)) {
      problems.add('', `${part}: not an object (${describeValue(value)})`);
      continue;
    }
    for (const field of fields) {
      const ok =
        field === 'set'
          ? isObject(value[field])
          : field === 'removed'
            ? isStringList(value[field])
            : Array.isArray(value[field]);
      if (!ok) {
        const expected =
          field === 'set' ? 'an object' : field === 'removed' ? 'a list of keys' : 'a list';
        problems.add('', `${part}.${field}: not ${expected} (${describeValue(value[field])})`);
      }
    }
  }
  if (problems.list.length > 0) return problems.result();
  const d = diff as unknown as GraphDiff;
  const nodes = d.nodes as { added: unknown[]; changed: unknown[]; removed: string[] };
  const edges = d.edges as { added: unknown[]; changed: unknown[]; removed: string[] };

  // The graph attributes it makes.
  const current = graph.getAttributes() as unknown as Dict;
  const currentArticles: Dict = isObject(current.articles) ? current.articles : {};
  if (Object.hasOwn(d.attributes.set, 'articles')) {
    problems.add('', 'attributes.set: sets "articles", which the diff gives apart (articles)');
  }
  for (const key of d.attributes.removed) {
    if (key === 'articles' || !Object.hasOwn(current, key) || current[key] === undefined) {
      problems.add('', `attributes.removed: ${quoted(key)} is not an attribute of the graph shown`);
    }
  }
  const articlesSet = new Set(Object.keys(d.articles.set));
  for (const id of d.articles.removed) {
    if (!Object.hasOwn(currentArticles, id)) {
      problems.add('', `articles.removed: ${quoted(id)} is not an article of the graph shown`);
    } else if (articlesSet.has(id)) {
      problems.add('', `articles.removed: ${quoted(id)} is set by the diff too`);
    }
  }
  const attributesRemoved = new Set(d.attributes.removed);
  const articlesRemoved = new Set(d.articles.removed);
  const attributes = Object.fromEntries([
    ...Object.entries(current).filter(([k]) => k !== 'articles' && !attributesRemoved.has(k)),
    ...Object.entries(d.attributes.set).filter(([k]) => k !== 'articles'),
    [
      'articles',
      Object.fromEntries([
        ...Object.entries(currentArticles).filter(([id]) => !articlesRemoved.has(id)),
        ...Object.entries(d.articles.set),
      ]),
    ],
  ]) as Dict;

  // Actors: removed ones there, with all their relations removed too; added ones not there;
  // changed ones there.
  const nodesRemoved = new Set(nodes.removed);
  const edgesRemoved = new Set(edges.removed);
  for (const [part, list, set] of [
    ['nodes', nodes.removed, nodesRemoved],
    ['edges', edges.removed, edgesRemoved],
    ['articles', d.articles.removed, articlesRemoved],
    ['attributes', d.attributes.removed, attributesRemoved],
  ] as const) {
    if (list.length !== set.size) problems.add('', `${part}.removed: names a key twice`);
  }
  for (const node of nodesRemoved) {
    if (problems.full) break;
    if (!graph.hasNode(node)) {
      problems.add('', `nodes.removed: ${quoted(node)} is not an actor of the graph shown`);
      continue;
    }
    graph.someEdge(node, (edge) => {
      if (!edgesRemoved.has(edge)) {
        problems.add(
          '',
          `nodes.removed: ${quoted(node)} is removed but its relation ${quoted(edge)} is not`,
        );
      }
      return problems.full;
    });
  }
  const keyOf = (entry: unknown): string | undefined =>
    isObject(entry) && typeof entry.key === 'string' ? entry.key : undefined;
  nodes.added.forEach((entry, i) => {
    const key = keyOf(entry);
    if (key !== undefined && graph.hasNode(key)) {
      problems.add('', `nodes.added[${i}] (${quoted(key)}): already an actor of the graph shown`);
    }
  });
  nodes.changed.forEach((entry, i) => {
    const key = keyOf(entry);
    if (key !== undefined && (!graph.hasNode(key) || nodesRemoved.has(key))) {
      problems.add('', `nodes.changed[${i}] (${quoted(key)}): not an actor of the graph shown`);
    }
  });

  // Relations: likewise; a changed one keeps its ends and its direction.
  for (const edge of edgesRemoved) {
    if (!graph.hasEdge(edge)) {
      problems.add('', `edges.removed: ${quoted(edge)} is not a relation of the graph shown`);
    }
  }
  edges.added.forEach((entry, i) => {
    const key = keyOf(entry);
    if (key !== undefined && graph.hasEdge(key) && !edgesRemoved.has(key)) {
      problems.add('', `edges.added[${i}] (${quoted(key)}): already a relation of the graph shown`);
    }
  });
  edges.changed.forEach((entry, i) => {
    const key = keyOf(entry);
    if (key === undefined || !isObject(entry)) return;
    const at = `edges.changed[${i}] (${quoted(key)})`;
    if (!graph.hasEdge(key) || edgesRemoved.has(key)) {
      problems.add('', `${at}: not a relation of the graph shown`);
    } else if (
      entry.source !== graph.source(key) ||
      entry.target !== graph.target(key) ||
      (entry.undirected === true) !== graph.isUndirected(key)
    ) {
      problems.add(
        '',
        `${at}: its ends or its direction are not the relation's (such a relation is removed and added)`,
      );
    }
  });

  // What it brings, checked by checkGraph: the graph attributes it makes, the actors it adds
  // and changes, the relations it adds and changes, with the actors of the graph that these
  // relations join (so that their ends are known).
  const brought = [...nodes.added, ...nodes.changed];
  const broughtKeys = new Set(brought.flatMap((entry) => keyOf(entry) ?? []));
  const ends = new Set<string>();
  for (const entry of [...edges.added, ...edges.changed]) {
    if (!isObject(entry)) continue;
    for (const end of [entry.source, entry.target]) {
      if (
        typeof end === 'string' &&
        !broughtKeys.has(end) &&
        !nodesRemoved.has(end) &&
        graph.hasNode(end)
      ) {
        ends.add(end);
      }
    }
  }
  const kept = [...ends].map((key) => ({ key, attributes: graph.getNodeAttributes(key) }));
  const check = checkGraph(
    { attributes, nodes: [...brought, ...kept], edges: [...edges.added, ...edges.changed] },
    limit,
  );
  const where = (list: 'nodes' | 'edges', index: number): string => {
    const added = (list === 'nodes' ? nodes : edges).added.length;
    if (index < added) return `${list}.added[${index}]`;
    const changed = (list === 'nodes' ? nodes : edges).changed.length;
    if (index < added + changed) return `${list}.changed[${index - added}]`;
    return 'an actor of the graph shown';
  };
  for (const problem of check.problems) {
    problems.add(
      '',
      problem.replace(/^(nodes|edges)\[(\d+)\]/, (_m, list: 'nodes' | 'edges', index: string) =>
        where(list, Number(index)),
      ),
    );
  }
  if (check.more) problems.more = true;

  // The relations it leaves as they are: none may name a relation type or an article it
  // removes.
  const types = (value: unknown): Set<string> =>
    new Set(
      Array.isArray(value)
        ? value.flatMap((t: unknown) => (isObject(t) && typeof t.id === 'string' ? [t.id] : []))
        : [],
    );
  const typesAfter = types(attributes.relationTypes);
  const typesGone = [...types(current.relationTypes)].filter((t) => !typesAfter.has(t));
  const articlesAfter = attributes.articles as Dict;
  const articlesGone = Object.keys(currentArticles).filter(
    (id) => !Object.hasOwn(articlesAfter, id),
  );
  if (!problems.full && (typesGone.length > 0 || articlesGone.length > 0)) {
    const goneTypes = new Set(typesGone);
    const goneArticles = new Set(articlesGone);
    const changed = new Set(edges.changed.flatMap((entry) => keyOf(entry) ?? []));
    graph.someEdge((edge, a) => {
      if (edgesRemoved.has(edge) || changed.has(edge)) return false;
      if (goneTypes.has(a.relation)) {
        problems.add(
          '',
          `attributes.set.relationTypes: the relation type ${quoted(a.relation)} of ${quoted(edge)} is gone, and the diff leaves that relation as it is`,
        );
      }
      const article = a.evidence.find((e) => goneArticles.has(e.article))?.article;
      if (article !== undefined) {
        problems.add(
          '',
          `articles.removed: the article ${quoted(article)} of ${quoted(edge)} is gone, and the diff leaves that relation as it is`,
        );
      }
      return problems.full;
    });
  }
  const result: DiffCheck = problems.result();
  if (result.problems.length === 0) result.attributes = attributes as unknown as GraphAttributes;
  return result;
}
