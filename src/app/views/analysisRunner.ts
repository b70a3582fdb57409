/**
 * The page's side of the analysis worker (analysisWorker.ts): the graph is sent when the
 * runner starts and again on `graphChanged()`; `analyse` sends the filters and what they show
 * and resolves with the Analysis. One request at a time goes to the worker: one asked while
 * another runs waits, and a later one replaces it (a brush dragged across the timeline asks
 * many times; the worker works on the latest, never on a queue of stale ones). A replaced or
 * overtaken request resolves with undefined.
 */
import type { Analysis } from '../../core/analysis/analyse.ts';
import type { Filters, Visibility } from '../../core/explore/filters.ts';
import type { ActorGraph } from '../../core/graph/actorGraph.ts';
import type { AnalysisAnswer, AnalysisRequest } from './analysisWorker.ts';

export interface AnalysisRunner {
  graphChanged(): void;
  analyse(filters: Filters, visibility: Visibility): Promise<Analysis | undefined>;
  stop(): void;
}

interface Asked {
  request: Extract<AnalysisRequest, { kind: 'analyse' }>;
  resolve: (analysis: Analysis | undefined) => void;
  reject: (error: Error) => void;
}

export function startAnalysisRunner(graph: ActorGraph): AnalysisRunner {
  const worker = new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' });
  const send = (request: AnalysisRequest) => worker.postMessage(request);
  let latest = 0;
  let running: Asked | undefined;
  let next: Asked | undefined;
  const pump = () => {
    if (running || !next) return;
    running = next;
    next = undefined;
    send(running.request);
  };
  worker.onmessage = (event: MessageEvent<AnalysisAnswer>) => {
    const answer = event.data;
    const done = running;
    running = undefined;
    if (done?.request.id === answer.id) {
      if ('error' in answer) done.reject(new Error(answer.error));
      else done.resolve(answer.id === latest ? answer.analysis : undefined);
    }
    pump();
  };
  worker.onerror = (event: ErrorEvent) => {
    event.preventDefault();
    const error = new Error(event.message || 'the analysis worker failed');
    for (const asked of [running, next]) asked?.reject(error);
    running = next = undefined;
  };
  const sendGraph = () => send({ kind: 'graph', json: JSON.stringify(graph.export()) });
  sendGraph();
  return {
    graphChanged: sendGraph,
    analyse(filters, visibility) {
      next?.resolve(undefined);
      const id = ++latest;
      return new Promise((resolve, reject) => {
        next = {
          request: {
            kind: 'analyse',
            id,
            filters,
            visibility: { nodes: visibility.nodes, edges: visibility.edges },
          },
          resolve,
          reject,
        };
        pump();
      });
    },
    stop: () => worker.terminate(),
  };
}
