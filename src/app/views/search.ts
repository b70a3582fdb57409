import type { Explorer } from '../../core/explore/explorer.ts';
import { h, replaceChildren } from '../dom.ts';
import type { SearchBehaviour } from './searchBox.ts';

const HANDLED_KEYS = new Set(['ArrowDown', 'ArrowUp', 'Enter', 'Escape']);

/**
 * "Search actors": a combobox over labels and every alias. Arrow keys move through the
 * suggestions, Enter selects the highlighted one (or the best match), Escape closes them. The
 * field is drawn at start-up; its behaviour (searchBox.ts) loads when it is first used.
 */
export function mountSearch(
  container: HTMLElement,
  explorer: Explorer,
  onChoose: (actor: string) => void,
): void {
  const listId = 'search-suggestions';
  const input = h('input', {
    id: 'search-input',
    type: 'search',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    placeholder: 'Name or alias, e.g. Moscow',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': listId,
  });
  const list = h('ul', {
    id: listId,
    role: 'listbox',
    className: 'suggestions',
    'aria-label': 'Matching actors',
    hidden: true,
  });
  const status = h('p', { className: 'visually-hidden', 'aria-live': 'polite' });

  let behaviour: Promise<SearchBehaviour> | undefined;
  const use = () =>
    (behaviour ??= import('./searchBox.ts').then((m) =>
      m.attachSearch({ input, list, status, explorer, onChoose }),
    ));
  input.addEventListener('focus', () => void use());
  input.addEventListener('input', () => void use().then((b) => b.update()));
  input.addEventListener('keydown', (event) => {
    if (!HANDLED_KEYS.has(event.key)) return;
    // Escape closes open suggestions, and only then: otherwise it clears the selection.
    if (event.key === 'Escape') {
      if (list.hidden) return;
      event.stopPropagation();
    } else event.preventDefault();
    const key = event.key;
    void use().then((b) => b.key(key));
  });
  input.addEventListener('blur', () => void behaviour?.then((b) => b.close()));

  replaceChildren(
    container,
    h(
      'div',
      { className: 'search' },
      h('label', { for: 'search-input', className: 'section-title' }, 'Search actors'),
      input,
      list,
      status,
    ),
  );
}
