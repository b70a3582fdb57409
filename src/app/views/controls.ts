import { h, replaceChildren } from '../dom.ts';
import { icon, type IconName } from '../icons.ts';
import type { ActorSigma } from './canvas.ts';

/** Zoom in, zoom out, fit the whole network, full screen: at the canvas's edge, as in Gephi Lite. */
export function renderStageControls(
  container: HTMLElement,
  sigma: ActorSigma,
  fullScreenTarget: HTMLElement,
): void {
  const camera = sigma.getCamera();
  const button = (label: string, symbol: IconName, action: () => void) =>
    h(
      'button',
      {
        type: 'button',
        className: 'icon-button',
        title: label,
        'aria-label': label,
        onclick: action,
      },
      icon(symbol),
    );
  const fullScreen = button('Full screen', 'fullscreen', () => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void fullScreenTarget.requestFullscreen?.();
  });
  document.addEventListener('fullscreenchange', () => {
    const on = document.fullscreenElement !== null;
    fullScreen.setAttribute('aria-label', on ? 'Exit full screen' : 'Full screen');
    fullScreen.title = on ? 'Exit full screen' : 'Full screen';
    fullScreen.replaceChildren(icon(on ? 'exitFullscreen' : 'fullscreen'));
  });
  replaceChildren(
    container,
    h(
      'div',
      { role: 'group', 'aria-label': 'Camera' },
      button('Zoom in', 'plus', () => void camera.animatedZoom({ duration: 250 })),
      button('Zoom out', 'minus', () => void camera.animatedUnzoom({ duration: 250 })),
      button('Fit the whole network', 'fit', () => void camera.animatedReset({ duration: 250 })),
      fullScreen,
    ),
  );
}

/**
 * Moves the camera so that the given actors (one actor and its counterparts, say) fill the
 * view, centred on the first; it never zooms out beyond the whole network.
 */
export function focusCameraOn(sigma: ActorSigma, nodes: Iterable<string>): void {
  const points = [...nodes].map((n) => sigma.getNodeDisplayData(n)).filter((d) => d !== undefined);
  const centre = points[0];
  if (!centre) return;
  // Display coordinates are normalised so that ratio 1 shows the whole graph.
  let reach = 0;
  for (const p of points)
    reach = Math.max(reach, Math.abs(p.x - centre.x), Math.abs(p.y - centre.y));
  const ratio = Math.min(1, Math.max(0.12, reach * 2.4));
  void sigma.getCamera().animate({ x: centre.x, y: centre.y, ratio }, { duration: 450 });
}
