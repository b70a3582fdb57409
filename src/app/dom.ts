/**
 * A small element builder. Children are appended as nodes or as text, never parsed as HTML:
 * everything that comes from data (labels, quotes, titles) reaches the page through textContent.
 */
type Child = Node | string | number | null | undefined | false;
type Props = Record<string, string | number | boolean | null | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (typeof value === 'function')
      el.addEventListener(name.replace(/^on/, '').toLowerCase(), value);
    else if (name === 'className') el.className = String(value);
    else if (value === true) el.setAttribute(name, '');
    else el.setAttribute(name, String(value));
  }
  append(el, children);
  return el;
}

export function append(parent: Node, children: (Child | Child[])[]): void {
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    parent.appendChild(typeof child === 'object' ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function replaceChildren(parent: Element, ...children: (Child | Child[])[]): void {
  parent.replaceChildren();
  append(parent, children);
}

export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The page has no element #${id}`);
  return el as T;
}

export { plural } from '../core/text/plural.ts';

/** A color swatch (decorative). */
export const swatch = (color: string, shape: 'dot' | 'line' = 'dot'): HTMLElement =>
  h('span', {
    className: `swatch swatch-${shape}`,
    style: `--swatch: ${color}`,
    'aria-hidden': 'true',
  });

/**
 * A collapsible section whose content is built by a module loaded when it is first opened
 * (or at once, when `open` is set): what the user does not open costs nothing at start-up.
 */
export function lazySection(
  container: HTMLElement,
  options: { id: string; title: string; open: boolean; load: (body: HTMLElement) => Promise<void> },
): HTMLDetailsElement {
  const body = h('div', { className: 'section-body' });
  const details = h(
    'details',
    { id: options.id, className: 'section', open: options.open },
    h('summary', { className: 'section-summary' }, options.title),
    body,
  );
  let loaded: Promise<void> | undefined;
  const load = () => (loaded ??= options.load(body));
  details.addEventListener('toggle', () => {
    if (details.open) void load();
  });
  if (options.open) void load();
  replaceChildren(container, details);
  return details;
}

/**
 * Scrolls `container` (and nothing else) so that `element`, inside it, starts at its top.
 * scrollIntoView would also scroll every scrollable ancestor, the page's own layout included.
 */
export function scrollToTopOf(
  container: HTMLElement,
  element: HTMLElement,
  behavior: ScrollBehavior = 'auto',
): void {
  const offset = element.getBoundingClientRect().top - container.getBoundingClientRect().top;
  container.scrollTo({ top: container.scrollTop + offset, behavior });
}
