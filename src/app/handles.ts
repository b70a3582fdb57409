import type { Change, FieldProblem } from '../core/annotate/api.ts';
import type { Explorer } from '../core/explore/explorer.ts';
import type { ActorSigma, Highlight } from './views/canvas.ts';

/**
 * What the page exposes as `window.app` for the browser tests and the benchmark: the store,
 * the renderer and what the highlight draws. The tests import this type, so it cannot drift
 * from what main.ts puts there.
 */
export interface AppHandles {
  explorer: Explorer;
  sigma: ActorSigma;
  highlight: Highlight;
  /**
   * The annotation workbench's save and undo, the same path the forms take (dev server only,
   * once the workbench is mounted): for the benchmark.
   */
  annotate?: {
    apply(changes: Change[]): Promise<{ problems: FieldProblem[]; nothingWritten: boolean } | null>;
    undo(): Promise<void>;
  };
}

declare global {
  interface Window {
    app?: AppHandles;
  }
}
