import { buildSearchIndex, searchActors, type SearchMatch } from '../../core/explore/search.ts';
import type { Explorer } from '../../core/explore/explorer.ts';
import { h, replaceChildren } from '../dom.ts';

/**
 * "Search actors": a combobox over labels and every alias. Arrow keys move through the
 * suggestions, Enter selects the highlighted one (or the best match), Escape closes them.
 */
export function renderSearch(
  container: HTMLElement,
  explorer: Explorer,
  onChoose: (actor: string) => void,
): void {
  const graph = explorer.graph;
  const index = buildSearchIndex(
    graph.mapNodes((id, a) => ({
      id,
      label: a.label,
      aliases: a.aliases,
      weight: a.evidenceCount,
    })),
  );
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
  let matches: SearchMatch[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (match: SearchMatch | undefined) => {
    if (!match) return;
    input.value = match.label;
    close();
    onChoose(match.id);
  };
  const show = () => {
    matches = searchActors(index, input.value);
    active = matches.length > 0 ? 0 : -1;
    replaceChildren(
      list,
      matches.map((m, i) => {
        const hidden = !explorer.current.visibility.nodes.has(m.id);
        return h(
          'li',
          {
            id: `search-option-${i}`,
            role: 'option',
            className: 'suggestion',
            'aria-selected': String(i === active),
            // mousedown, not click: it comes before the input's blur closes the list.
            onmousedown: (event: Event) => {
              event.preventDefault();
              choose(m);
            },
          },
          h('span', { className: 'suggestion-label' }, m.label),
          m.matched !== m.label
            ? h('span', { className: 'suggestion-alias' }, `“${m.matched}”`)
            : null,
          hidden ? h('span', { className: 'suggestion-note' }, 'hidden by filters') : null,
        );
      }),
    );
    const open = input.value.trim().length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    status.textContent = open
      ? `${matches.length === 0 ? 'No' : matches.length} matching actor${matches.length === 1 ? '' : 's'}`
      : '';
    highlight();
  };
  const highlight = () => {
    list
      .querySelectorAll('[role="option"]')
      .forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.querySelector(`#search-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  };

  input.addEventListener('input', show);
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      if (list.hidden) show();
      if (matches.length === 0) return;
      active = (active + (event.key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
      highlight();
    } else if (event.key === 'Enter') {
      event.preventDefault();
      if (list.hidden) show();
      choose(matches[Math.max(active, 0)]);
    } else if (event.key === 'Escape') {
      if (!list.hidden) {
        event.stopPropagation();
        close();
      }
    }
  });
  input.addEventListener('blur', close);

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
