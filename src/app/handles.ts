import type { Explorer } from '../core/explore/explorer.ts';
import type { ActorSigma } from './views/canvas.ts';
import type { FocusLayer } from './views/focusLayer.ts';

/**
 * What the page exposes as `window.app` for the browser tests and the benchmark: the store,
 * the renderer and what the highlight draws. The tests import this type, so it cannot drift
 * from what main.ts puts there.
 */
export interface AppHandles {
  explorer: Explorer;
  sigma: ActorSigma;
  focusLayer: Pick<FocusLayer, 'shown'>;
}

declare global {
  interface Window {
    app?: AppHandles;
  }
}
