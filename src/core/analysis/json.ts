import type { Modality } from '../model.ts';
import type { Analysis } from './analyse.ts';
import type { Camp } from './camps.ts';
import { byId, type Sign } from './signs.ts';

/**
 * The analysis as one plain JSON object (what `npm run analyse -- --json` prints): actor ids
 * and figures only, keys in code-unit order, so that notebooks and diffs can rely on it.
 */
export interface AnalysisJson {
  summary: {
    actors: number;
    relations: number;
    signedPairs: number;
    /** Pairs with as many counted positive as negative statements: no sign. */
    tiedPairs: number;
    triangles: number;
    unbalancedTriads: number;
    /** Whether the camps' frustration is the least possible (every component solved exactly). */
    campsExact: boolean;
    communities: number;
    modularity: number | null;
    /** The modalities counted toward the signs. */
    counted: Modality[];
  };
  /** Each signed pair, a < b. */
  signs: { a: string; b: string; sign: Sign }[];
  /** The unbalanced triads; signs of the sides 0-1, 0-2, 1-2. */
  triads: { actors: [string, string, string]; signs: [Sign, Sign, Sign] }[];
  /** Actor id to camp, for every actor with a signed pair. */
  camps: Record<string, Camp>;
  frustration: number;
  /** Pairs with counted statements of both signs; sign: what the majority gave, 0 on a tie. */
  contradictions: { a: string; b: string; positive: number; negative: number; sign: Sign | 0 }[];
  metrics: Record<
    string,
    {
      degree: number;
      weightedDegree: number;
      pagerank: number;
      betweenness: number;
      community: number;
    }
  >;
  paths?: {
    from: string;
    to: string;
    maxSteps: number;
    found: number;
    paths: {
      actors: string[];
      weakest: { asserted: number; articles: number };
      steps: {
        from: string;
        to: string;
        edge: string;
        relation: string;
        asserted: number;
        articles: number;
        quote: string;
        article: string;
        date: string | null;
        modality: Modality;
      }[];
    }[];
  };
}

export function analysisJson(
  analysis: Analysis,
  graph: { order: number; size: number },
  counted: readonly Modality[],
): AnalysisJson {
  const { network, triads, camps, metrics, paths } = analysis;
  const sortedKeys = <T>(map: ReadonlyMap<string, T>): [string, T][] =>
    [...map.entries()].sort((x, y) => byId(x[0], y[0]));
  const json: AnalysisJson = {
    summary: {
      actors: graph.order,
      relations: graph.size,
      signedPairs: network.pairs.length,
      tiedPairs: network.tallies.length - network.pairs.length,
      triangles: triads.triangles,
      unbalancedTriads: triads.unbalanced.length,
      campsExact: camps.exact,
      communities: metrics.communities,
      modularity: metrics.modularity,
      counted: [...counted],
    },
    signs: network.pairs.map((p) => ({ a: p.a, b: p.b, sign: p.sign })),
    triads: triads.unbalanced.map((t) => ({ actors: t.actors, signs: t.signs })),
    camps: Object.fromEntries(sortedKeys(camps.camps)),
    frustration: camps.frustration,
    contradictions: analysis.contradictions.map((c) => ({
      a: c.a,
      b: c.b,
      positive: c.positive.counted,
      negative: c.negative.counted,
      sign: c.sign,
    })),
    metrics: Object.fromEntries(
      sortedKeys(metrics.actors).map(([id, m]) => [
        id,
        {
          degree: m.degree,
          weightedDegree: m.weightedDegree,
          pagerank: m.pagerank,
          betweenness: m.betweenness,
          community: m.community,
        },
      ]),
    ),
  };
  if (paths) {
    json.paths = {
      from: paths.from,
      to: paths.to,
      maxSteps: paths.maxSteps,
      found: paths.found,
      paths: paths.paths.map((p) => ({
        actors: p.actors,
        weakest: p.weakest,
        steps: p.steps.map((s) => ({
          from: s.from,
          to: s.to,
          edge: s.edge,
          relation: s.relation,
          asserted: s.asserted,
          articles: s.articles,
          quote: s.statement.evidence.quote,
          article: s.statement.evidence.article,
          date: s.statement.evidence.date,
          modality: s.statement.evidence.modality,
        })),
      })),
    };
  }
  return json;
}
