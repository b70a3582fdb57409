import type { ActorSigma } from './canvas.ts';

/**
 * The network as a PNG, exactly as on screen: sigma 4 draws everything (edges, nodes,
 * labels, the highlight) into one WebGL canvas, which is copied onto a white background in
 * the same task as a fresh render, before the browser may clear the drawing buffer.
 */
export function networkPng(sigma: ActorSigma): Promise<Blob> {
  sigma.refresh({ partialGraph: { nodes: [] }, skipIndexation: true });
  const stage = sigma.getStageCanvas();
  const out = document.createElement('canvas');
  out.width = stage.width;
  out.height = stage.height;
  const context = out.getContext('2d');
  if (!context) return Promise.reject(new Error('this browser cannot draw the image'));
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, out.width, out.height);
  context.drawImage(stage, 0, 0);
  return new Promise((resolve, reject) =>
    out.toBlob(
      (blob) => (blob ? resolve(blob) : reject(new Error('this browser cannot encode a PNG'))),
      'image/png',
    ),
  );
}
