/** What of a sigma instance the picture needs: draw now, and the canvas it draws into. */
export interface DrawnNow {
  refresh(options: { partialGraph: { nodes: string[] }; skipIndexation: boolean }): unknown;
  getStageCanvas(): HTMLCanvasElement;
}

/** A sigma instance drawn in the picture, and whether a veil covers what is below it. */
export interface SnapshotLayer {
  sigma: DrawnNow;
  /** A translucent colour laid over everything drawn before this layer, if any. */
  veil?: string | null;
}

/**
 * The network as a PNG, exactly as on screen: each sigma layer (the network, then the
 * highlight over its veil) is drawn afresh and copied onto a white background in the same
 * task, before the browser may clear its WebGL drawing buffer. sigma 4 draws labels in WebGL,
 * so they are in the picture.
 */
export function networkPng(layers: readonly SnapshotLayer[]): Promise<Blob> {
  const first = layers[0]?.sigma.getStageCanvas();
  if (!first) return Promise.reject(new Error('there is no network to draw'));
  const out = document.createElement('canvas');
  out.width = first.width;
  out.height = first.height;
  const context = out.getContext('2d');
  if (!context) return Promise.reject(new Error('this browser cannot draw the image'));
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  for (const { sigma, veil } of layers) {
    if (veil) {
      context.fillStyle = veil;
      context.fillRect(0, 0, out.width, out.height);
    }
    sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: true });
    context.drawImage(sigma.getStageCanvas(), 0, 0, out.width, out.height);
  }
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('this browser cannot encode a PNG'))),
      'image/png',
    ),
  );
}
