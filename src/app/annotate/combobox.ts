import type { ActorMatcher } from '../../core/annotate/actorChoices.ts';
import type { SearchMatch } from '../../core/explore/search.ts';
import { h, replaceChildren } from '../dom.ts';

export interface ActorField {
  /** The wrapper: label, input, list. */
  element: HTMLElement;
  input: HTMLInputElement;
  /** The actor chosen from the list, or null when the name was typed. */
  chosen(): string | null;
  set(value: string): void;
}

let counter = 0;

/**
 * An actor field: an ARIA combobox whose list matches actors by id, label or alias, accent-
 * insensitive, with titles ("Mr.", "Foreign Minister") and persons' surnames understood. Arrow
 * keys move in the list, Enter chooses, Escape closes; choosing writes the actor's label, which
 * the build resolves.
 */
export function actorField(
  label: string,
  name: string,
  matcher: () => ActorMatcher,
  /** After each change of the field: the actors the text matches now (none once chosen). */
  onInput: (matches: readonly SearchMatch[]) => void,
): ActorField {
  const id = `actor-field-${++counter}`;
  const input = h('input', {
    id,
    name,
    type: 'text',
    role: 'combobox',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-autocomplete': 'list',
    'aria-expanded': 'false',
    'aria-controls': `${id}-list`,
    required: true,
  });
  const list = h('ul', {
    id: `${id}-list`,
    role: 'listbox',
    className: 'combo-list',
    hidden: true,
  });
  let matches: SearchMatch[] = [];
  let active = -1;
  let chosen: string | null = null;

  const close = () => {
    list.hidden = true;
    active = -1;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
  };
  const mark = () => {
    list.querySelectorAll('[role="option"]').forEach((el, i) => {
      el.setAttribute('aria-selected', String(i === active));
    });
    if (active >= 0) input.setAttribute('aria-activedescendant', `${id}-option-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const choose = (match: SearchMatch | undefined) => {
    if (!match) return;
    input.value = match.label;
    chosen = match.id;
    close();
    onInput([]);
  };
  const open = () => {
    matches = matcher().match(input.value, 8);
    active = matches.length > 0 ? 0 : -1;
    replaceChildren(
      list,
      matches.map((m, i) =>
        h(
          'li',
          {
            id: `${id}-option-${i}`,
            role: 'option',
            'aria-selected': 'false',
            // Chosen on press, before the field loses focus.
            onmousedown: (event: Event) => {
              event.preventDefault();
              choose(m);
            },
          },
          m.label,
          m.matched !== m.label ? h('span', { className: 'combo-alias' }, ` (${m.matched})`) : null,
        ),
      ),
    );
    list.hidden = matches.length === 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    mark();
  };
  input.addEventListener('input', () => {
    chosen = null;
    if (input.value.trim() === '') {
      close();
      matches = [];
    } else open();
    onInput(matches);
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (list.hidden) open();
      else if (matches.length > 0) {
        const step = event.key === 'ArrowDown' ? 1 : -1;
        active = (active + step + matches.length) % matches.length;
        mark();
      }
      event.preventDefault();
    } else if (event.key === 'Enter' && !list.hidden && active >= 0) {
      choose(matches[active]);
      event.preventDefault();
    } else if (event.key === 'Escape' && !list.hidden) {
      close();
      event.preventDefault();
      event.stopPropagation();
    }
  });
  input.addEventListener('blur', close);

  return {
    element: h('div', { className: 'field combo' }, h('label', { for: id }, label), input, list),
    input,
    chosen: () => chosen,
    set(value) {
      input.value = value;
      chosen = null;
      close();
    },
  };
}
