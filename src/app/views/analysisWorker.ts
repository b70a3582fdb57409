/**
 * The analysis (src/core/analysis) in a web worker: at 10k relations it takes most of a second
 * (betweenness above all), which the page's thread would spend frozen on every filter change.
 * The worker keeps its own copy of the graph, sent as JSON once and again after each change of
 * the data; a request carries only the filters and what they show, and the answer is the
 * Analysis, plain data. Loaded by analysisRunner.ts.
 */
import { MultiGraph } from 'graphology';
import { analyse, type Analysis } from '../../core/analysis/analyse.ts';
import { filteredGraph } from '../../core/explore/filteredGraph.ts';
import type { Filters, Visibility } from '../../core/explore/filters.ts';
import type { ActorGraph } from '../../core/graph/actorGraph.ts';

export type AnalysisRequest =
  | { kind: 'graph'; json: string }
  | {
      kind: 'analyse';
      id: number;
      filters: Filters;
      visibility: Pick<Visibility, 'nodes' | 'edges'>;
    };

export type AnalysisAnswer = { id: number; analysis: Analysis } | { id: number; error: string };

/** The worker's side, typed as the page sees a Worker (the DOM library has no worker scope). */
const scope = self as unknown as Worker;
let graph: ActorGraph | undefined;
/** Why the last graph sent could not be read: each request is answered with it. */
let unreadable: string | undefined;

scope.onmessage = (event: MessageEvent<AnalysisRequest>) => {
  const request = event.data;
  if (request.kind === 'graph') {
    try {
      graph = MultiGraph.from(
        JSON.parse(request.json) as Parameters<typeof MultiGraph.from>[0],
      ) as ActorGraph;
      unreadable = undefined;
    } catch (error) {
      graph = undefined;
      unreadable = `the graph could not be read: ${error instanceof Error ? error.message : String(error)}`;
    }
    return;
  }
  let answer: AnalysisAnswer;
  try {
    if (unreadable) throw new Error(unreadable);
    if (!graph) throw new Error('no graph was sent before the request');
    answer = {
      id: request.id,
      analysis: analyse(filteredGraph(graph, request.filters, request.visibility)),
    };
  } catch (error) {
    answer = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  scope.postMessage(answer);
};
