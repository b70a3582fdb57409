import type { Explorer } from '../../core/explore/explorer.ts';
import { buildSearchIndex, searchActors, type SearchMatch } from '../../core/explore/search.ts';
import { h, plural, replaceChildren } from '../dom.ts';

export interface SearchParts {
  input: HTMLInputElement;
  list: HTMLUListElement;
  status: HTMLElement;
  explorer: Explorer;
  onChoose: (actor: string) => void;
}

export interface SearchBehaviour {
  /** The query changed: new suggestions. */
  update(): void;
  /** A key the field handles (arrows, Enter, Escape). */
  key(key: string): void;
  close(): void;
}

/**
 * The behaviour behind "Search actors", loaded when the field is first used: the index of
 * labels and aliases, the suggestions, the arrow keys, Enter and Escape.
 */
export function attachSearch({
  input,
  list,
  status,
  explorer,
  onChoose,
}: SearchParts): SearchBehaviour {
  const graph = explorer.graph;
  const makeIndex = () =>
    buildSearchIndex(
      graph.mapNodes((id, a) => ({
        id,
        label: a.label,
        aliases: a.aliases,
        weight: a.evidenceCount,
      })),
    );
  let index = makeIndex();
  // A rebuild (the annotation workbench) may add actors and aliases.
  explorer.subscribe((_state, changes) => {
    if (changes.has('data')) index = makeIndex();
  });
  let matches: SearchMatch[] = [];
  let shownQuery: string | null = null;
  let active = -1;

  const close = () => {
    list.hidden = true;
    shownQuery = null;
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
  const highlight = () => {
    list
      .querySelectorAll('[role="option"]')
      .forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    if (active >= 0) input.setAttribute('aria-activedescendant', `search-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
    list.querySelector(`#search-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  };
  const update = () => {
    const query = input.value;
    if (query === shownQuery) return;
    shownQuery = query;
    matches = searchActors(index, query);
    active = matches.length > 0 ? 0 : -1;
    replaceChildren(
      list,
      matches.map((m, i) =>
        h(
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
          explorer.current.visibility.nodes.has(m.id)
            ? null
            : h('span', { className: 'suggestion-note' }, 'hidden by filters'),
        ),
      ),
    );
    const open = query.trim().length > 0;
    list.hidden = !open;
    input.setAttribute('aria-expanded', String(open));
    status.textContent = open
      ? plural(
          matches.length,
          'matching actor',
          matches.length === 0 ? 'No' : String(matches.length),
        )
      : '';
    highlight();
  };

  // Typing may have begun while this module was loading.
  if (input.value !== '' && document.activeElement === input) update();
  return {
    update,
    close,
    key(key) {
      if (key === 'ArrowDown' || key === 'ArrowUp') {
        update();
        if (matches.length === 0) return;
        active = (active + (key === 'ArrowDown' ? 1 : matches.length - 1)) % matches.length;
        highlight();
      } else if (key === 'Enter') {
        update();
        choose(matches[Math.max(active, 0)]);
      } else if (key === 'Escape') {
        close();
      }
    },
  };
}
