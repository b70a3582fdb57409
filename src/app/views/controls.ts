import type { ActorSigma } from './canvas.ts';

/**
 * Zoom in, zoom out, fit the whole network, full screen: the buttons at the canvas's edge (as
 * in Gephi Lite) are in index.html; this gives them their actions.
 */
export function mountStageControls(
  container: HTMLElement,
  sigma: ActorSigma,
  fullScreenTarget: HTMLElement,
): void {
  const camera = sigma.getCamera();
  const actions: Record<string, () => void> = {
    'zoom-in': () => void camera.zoomIn({ duration: 250 }),
    'zoom-out': () => void camera.zoomOut({ duration: 250 }),
    fit: () => void camera.reset({ duration: 250 }),
    'full-screen': () => {
      if (document.fullscreenElement) void document.exitFullscreen();
      else void fullScreenTarget.requestFullscreen?.();
    },
  };
  container.addEventListener('click', (event) => {
    const button = (event.target as Element).closest<HTMLButtonElement>('button[data-action]');
    if (button) actions[button.dataset.action!]?.();
  });
  const fullScreen = container.querySelector<HTMLButtonElement>('[data-action="full-screen"]')!;
  document.addEventListener('fullscreenchange', () => {
    const on = document.fullscreenElement !== null;
    fullScreen.setAttribute('aria-label', on ? 'Exit full screen' : 'Full screen');
    fullScreen.title = on ? 'Exit full screen' : 'Full screen';
    fullScreen.classList.toggle('on', on);
  });
}

/**
 * Moves the camera so that the given actors (one actor and its counterparts, say) fill the
 * view, centred on the first; it never zooms out beyond the whole network. `coveredBelow` is
 * how many pixels at the bottom of the canvas something covers (the phone's selection sheet):
 * the actor is then centred in what stays in view.
 */
export function focusCameraOn(sigma: ActorSigma, nodes: Iterable<string>, coveredBelow = 0): void {
  // From the graph's positions, not sigma's display data: between a full refresh and the
  // render that follows it, the display data hold positions not yet normalised (the camera
  // was sent to the actor's raw x and y, far off the network, when a refresh was pending).
  const graph = sigma.getGraph();
  const points = [...nodes]
    .filter((n) => graph.hasNode(n))
    .map((n) => sigma.graphToFramedGraph(graph.getNodeAttributes(n)));
  const centre = points[0];
  if (!centre) return;
  // Display coordinates are normalised so that ratio 1 shows the whole graph.
  let reach = 0;
  for (const p of points)
    reach = Math.max(reach, Math.abs(p.x - centre.x), Math.abs(p.y - centre.y));
  const ratio = Math.min(1, Math.max(0.12, reach * 2.4));
  let target = { x: centre.x, y: centre.y, ratio, angle: 0 };
  if (coveredBelow > 0) {
    // Centre the camera on the point drawn half the covered height below the actor: the actor
    // then sits in the middle of the part left in view.
    const { width, height } = sigma.getDimensions();
    const below = sigma.viewportToFramedGraph(
      { x: width / 2, y: height / 2 + coveredBelow / 2 },
      { cameraState: target },
    );
    target = { ...target, x: below.x, y: below.y };
  }
  void sigma.getCamera().animate(target, { duration: 450 });
}
