/**
 * The page's side of the analysis worker (analysisWorker.ts): the graph is sent when the
 * runner starts and again on `graphChanged()`; `analyse` sends the filters and what they show
 * and resolves with the Analysis. One request at a time goes to the worker: one asked while
 * another runs waits, and a later one replaces it (a brush dragged across the timeline asks
 * many times; the worker works on the latest, never on a queue of stale ones). A replaced or
 * overtaken request resolves with undefined. Once the worker has failed (it could not load, or
 * threw outside a request), every request is refused with that error.
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

/** What the runner needs of a Worker (tests give a fake one). */
export type WorkerLike = Pick<Worker, 'postMessage' | 'terminate'> & {
  onmessage: ((event: MessageEvent<AnalysisAnswer>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
};

interface Asked {
  request: Extract<AnalysisRequest, { kind: 'analyse' }>;
  resolve: (analysis: Analysis | undefined) => void;
  reject: (error: Error) => void;
}

const analysisWorker = (): WorkerLike =>
  new Worker(new URL('./analysisWorker.ts', import.meta.url), { type: 'module' });

export function startAnalysisRunner(
  graph: ActorGraph,
  makeWorker: () => WorkerLike = analysisWorker,
): AnalysisRunner {
  const worker = makeWorker();
  let latest = 0;
  let running: Asked | undefined;
  let next: Asked | undefined;
  let failed: Error | undefined;
  const send = (request: AnalysisRequest) => {
    if (!failed) worker.postMessage(request);
  };
  const pump = () => {
    if (running || !next) return;
    running = next;
    next = undefined;
    send(running.request);
  };
  worker.onmessage = (event) => {
    const answer = event.data;
    // An answer is the running request's, or none's (then it is dropped).
    if (!running || running.request.id !== answer.id) return;
    const done = running;
    running = undefined;
    if ('error' in answer) done.reject(new Error(answer.error));
    else done.resolve(answer.id === latest ? answer.analysis : undefined);
    pump();
  };
  worker.onerror = (event) => {
    event.preventDefault();
    failed = new Error(event.message || 'the analysis worker failed');
    for (const asked of [running, next]) asked?.reject(failed);
    running = next = undefined;
  };
  const sendGraph = () => send({ kind: 'graph', json: JSON.stringify(graph.export()) });
  sendGraph();
  return {
    graphChanged: sendGraph,
    analyse(filters, visibility) {
      if (failed) return Promise.reject(failed);
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
