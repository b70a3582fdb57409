/** Small line icons drawn from script (the canvas controls have theirs in index.html). */
const PATHS = {
  close: 'M6 6l12 12M18 6L6 18',
} as const;

export type IconName = keyof typeof PATHS;

export function icon(name: IconName): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '18');
  svg.setAttribute('height', '18');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  const path = document.createElementNS(ns, 'path');
  // Stroke and fill come from the stylesheet (.icon-button svg path).
  path.setAttribute('d', PATHS[name]);
  svg.append(path);
  return svg;
}
