/**
 * The page's side of the analysis worker (src/app/views/analysisRunner.ts) with a fake worker:
 * one request at a time, the latest replacing a waiting one, answers that are not the running
 * request's dropped, and a failed worker refusing every request. The real worker is tested in
 * Chromium (tests/browser/analysis.test.ts).
 */
import { MultiGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import type { Analysis } from '../../src/core/analysis/analyse.ts';
import { NO_FILTERS, type Visibility } from '../../src/core/explore/filters.ts';
import type { ActorGraph } from '../../src/core/graph/actorGraph.ts';
import { startAnalysisRunner, type WorkerLike } from '../../src/app/views/analysisRunner.ts';
import type { AnalysisAnswer, AnalysisRequest } from '../../src/app/views/analysisWorker.ts';

class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  readonly posted: AnalysisRequest[] = [];
  terminated = false;
  postMessage(message: AnalysisRequest): void {
    this.posted.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  answer(answer: AnalysisAnswer): void {
    this.onmessage!({ data: answer } as MessageEvent<AnalysisAnswer>);
  }
  fail(message: string): void {
    this.onerror!({ message, preventDefault: () => {} } as ErrorEvent);
  }
  /** The ids of the analysis requests posted so far. */
  get asked(): number[] {
    return this.posted.flatMap((m) => (m.kind === 'analyse' ? [m.id] : []));
  }
}

const graph = new MultiGraph() as unknown as ActorGraph;
const visibility: Visibility = {
  nodes: new Set(['a']),
  edges: new Map(),
  unconfirmed: new Set(),
  strokes: new Map(),
  machineOnly: new Set(),
};
const analysis = (n: number) => ({ n }) as unknown as Analysis;
const start = () => {
  const worker = new FakeWorker();
  return { worker, runner: startAnalysisRunner(graph, () => worker) };
};

describe('the analysis runner (page side of the worker)', () => {
  it('sends the graph, then a request with the filters and what they show, and resolves its answer', async () => {
    const { worker, runner } = start();
    expect(worker.posted[0]).toMatchObject({ kind: 'graph' });
    const asked = runner.analyse(NO_FILTERS, visibility);
    expect(worker.posted[1]).toEqual({
      kind: 'analyse',
      id: 1,
      filters: NO_FILTERS,
      visibility: { nodes: visibility.nodes, edges: visibility.edges },
    });
    worker.answer({ id: 1, analysis: analysis(1) });
    await expect(asked).resolves.toEqual(analysis(1));
    runner.graphChanged();
    expect(worker.posted[2]).toMatchObject({ kind: 'graph' });
    runner.stop();
    expect(worker.terminated).toBe(true);
  });

  it('works on one request at a time; a later one replaces the one waiting, and overtakes the one running', async () => {
    const { worker, runner } = start();
    const first = runner.analyse(NO_FILTERS, visibility);
    const second = runner.analyse(NO_FILTERS, visibility);
    const third = runner.analyse(NO_FILTERS, visibility);
    // Only the first went to the worker; the second, replaced while waiting, is settled.
    expect(worker.asked).toEqual([1]);
    await expect(second).resolves.toBeUndefined();
    // The first's answer comes: overtaken, it gives nothing; the third goes.
    worker.answer({ id: 1, analysis: analysis(1) });
    await expect(first).resolves.toBeUndefined();
    expect(worker.asked).toEqual([1, 3]);
    worker.answer({ id: 3, analysis: analysis(3) });
    await expect(third).resolves.toEqual(analysis(3));
  });

  it("drops an answer that is not the running request's, and rejects on an error answer", async () => {
    const { worker, runner } = start();
    const asked = runner.analyse(NO_FILTERS, visibility);
    worker.answer({ id: 7, analysis: analysis(7) });
    worker.answer({ id: 1, error: 'betweenness exploded' });
    await expect(asked).rejects.toThrow('betweenness exploded');
    // The worker is still good: the next request goes and is answered.
    const again = runner.analyse(NO_FILTERS, visibility);
    worker.answer({ id: 2, analysis: analysis(2) });
    await expect(again).resolves.toEqual(analysis(2));
  });

  it('refuses every request once the worker has failed, and posts nothing more', async () => {
    const { worker, runner } = start();
    const running = runner.analyse(NO_FILTERS, visibility);
    const waiting = runner.analyse(NO_FILTERS, visibility);
    worker.fail('could not load the module');
    // The one the worker had and the one waiting for it.
    await expect(running).rejects.toThrow('could not load the module');
    await expect(waiting).rejects.toThrow('could not load the module');
    const posted = worker.posted.length;
    await expect(runner.analyse(NO_FILTERS, visibility)).rejects.toThrow(
      'could not load the module',
    );
    runner.graphChanged();
    expect(worker.posted.length).toBe(posted);
  });
});
