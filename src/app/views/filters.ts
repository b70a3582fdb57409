import type { Explorer, Origin } from '../../core/explore/explorer.ts';
import {
  DEFAULT_STRICTNESS,
  FILTER_KEYS,
  filterDefinition,
  type Strictness,
  type FilterControl,
  type FilterKey,
  type FilterOption,
  type FilterSection,
  type Filters,
} from '../../core/explore/filters.ts';
import { h, plural, replaceChildren, swatch } from '../dom.ts';
import { keepFocus, toggle } from './filterControls.ts';

/** Longer checklists are searched rather than shown whole. */
const CHECKLIST_MAX = 60;

/** The sections of the "Filters" panel, in order (the legend draws its own). */
const SECTIONS: { section: FilterSection; title: (explorer: Explorer) => string }[] = [
  { section: 'statements', title: () => 'Statements' },
  { section: 'actors', title: () => 'Actors' },
  {
    section: 'articles',
    title: (explorer) =>
      `Articles (${Object.keys(explorer.graph.getAttribute('articles')).length})`,
  },
];

type SetFilters = (patch: Partial<Filters>, origin?: Origin) => void;

/**
 * The filters beyond the legend, drawn from their declarations (FILTERS in
 * core/explore/filters.ts): each filter's control in its section. Filters hide, never delete.
 * Loaded when the "Filters" section is first opened. Returns the function that unmounts it.
 */
export function mountFilters(container: HTMLElement, explorer: Explorer): () => void {
  const queries = new Map<string, string>();
  const set: SetFilters = (patch, origin = 'user') =>
    explorer.setFilters({ ...explorer.current.view.filters, ...patch }, origin);

  // Removing a focused control fires its blur and change events, whose handlers may set the
  // filters and ask for a redraw while one is under way: that one waits its turn.
  let drawing = false;
  let again = false;
  const draw = (): void => {
    if (drawing) {
      again = true;
      return;
    }
    drawing = true;
    try {
      drawControls();
    } finally {
      drawing = false;
    }
    if (again) {
      again = false;
      draw();
    }
  };

  const drawControls = () => {
    const { filters } = explorer.current.view;
    const sections = SECTIONS.map(({ section, title }) => {
      const keys = FILTER_KEYS.filter((key) => filterDefinition(key).control.section === section);
      if (keys.length === 0) return null;
      // What an active filter wants said (once, however many controls share it).
      const notes = new Set(
        keys.flatMap((key) => {
          const c = filterDefinition(key).control;
          return c.kind === 'date' && c.activeNote && filterDefinition(key).isActive(filters[key])
            ? [c.activeNote]
            : [];
        }),
      );
      return h(
        'fieldset',
        { className: 'filter-group' },
        h('legend', { className: 'section-title' }, title(explorer)),
        groupDates(keys, (key) => control(key, filterDefinition(key).control, filters)),
        [...notes].map((note) => h('p', { className: 'hint' }, note)),
      );
    });
    replaceChildren(container, h('div', { className: 'filters' }, sections));
  };

  const control = (
    key: FilterKey,
    c: FilterControl,
    filters: Filters,
  ): Node | (Node | null)[] | null => {
    const value = filters[key] as unknown;
    switch (c.kind) {
      case 'checklist':
        return checklist(key, c, value as ReadonlySet<string>);
      case 'toggle':
        return h(
          'ul',
          { className: 'checks' },
          checkbox(c.id, [h('span', {}, c.label)], value as boolean, (on) =>
            set({ [key]: on } as Partial<Filters>),
          ),
        );
      case 'date':
        return dateField(key, c, value as string | null);
      case 'choice':
        return choiceField(key, c, value as string);
      case 'minimum':
        return minimumField(key, c, value as number);
      case 'strict':
        return strictField(key, c, value as Strictness | null);
    }
  };

  const checklist = (
    key: FilterKey,
    c: Extract<FilterControl, { kind: 'checklist' }>,
    hidden: ReadonlySet<string>,
  ): (Node | null)[] => {
    const all = c.options(explorer.graph);
    const searched = all.length > CHECKLIST_MAX;
    const query = queries.get(key) ?? '';
    const listed = searched ? searchOptions(all, query, hidden) : all;
    return [
      searched
        ? h(
            'label',
            { className: 'date-field' },
            `Find ${c.title.toLowerCase().replace(/s$/, '')}`,
            h('input', {
              id: `${c.id}-query`,
              type: 'search',
              value: query,
              placeholder: 'title words',
              oninput: (event: Event) => {
                queries.set(key, (event.target as HTMLInputElement).value);
                keepFocus(draw);
              },
            }),
          )
        : null,
      h(
        'ul',
        { className: `checks${c.look === 'title' ? ' articles' : ''}` },
        listed.map((option) =>
          checkbox(
            `${c.id}-${option.value}`,
            optionLabel(c.look, option),
            !hidden.has(option.value),
            (on) => set({ [key]: toggle(hidden, option.value, on) } as Partial<Filters>),
          ),
        ),
      ),
    ];
  };

  const dateField = (
    key: FilterKey,
    c: Extract<FilterControl, { kind: 'date' }>,
    value: string | null,
  ): Node => {
    // A date from a shared link is offered even when no article has it.
    const dates = [
      ...new Set([...c.options(explorer.graph), ...(value === null ? [] : [value])]),
    ].sort();
    return h(
      'label',
      { className: 'date-field' },
      c.label,
      h(
        'select',
        {
          id: c.id,
          onchange: (event: Event) =>
            set({ [key]: (event.target as HTMLSelectElement).value || null } as Partial<Filters>),
        },
        h('option', { value: '', selected: value === null }, 'any'),
        dates.map((d) => h('option', { value: d, selected: value === d }, d)),
      ),
    );
  };

  /** One of a few values, as radio buttons (the kind of date the range tests). */
  const choiceField = (
    key: FilterKey,
    c: Extract<FilterControl, { kind: 'choice' }>,
    value: string,
  ): Node =>
    h(
      'fieldset',
      { className: 'choice-field', id: c.id },
      h('legend', {}, c.label),
      c.options.map((option) =>
        h(
          'label',
          { className: 'check' },
          h('input', {
            type: 'radio',
            name: c.id,
            id: `${c.id}-${option.value}`,
            value: option.value,
            checked: value === option.value,
            onchange: () => set({ [key]: option.value } as Partial<Filters>),
          }),
          h('span', {}, option.label),
        ),
      ),
    );

  const minimumField = (
    key: FilterKey,
    c: Extract<FilterControl, { kind: 'minimum' }>,
    value: number,
  ): Node => {
    const max = Math.max(c.max(explorer.graph), value);
    const output = h('output', { for: c.id, className: 'range-value' }, statements(value));
    const input = h('input', {
      id: c.id,
      type: 'range',
      min: 1,
      max,
      step: 1,
      value,
      'aria-valuetext': statements(value),
    });
    // Dragging updates the view (transient changes, at most one a frame: each one redraws the
    // network); letting go commits, which makes the gesture's one history entry. A drag that
    // ends where it started fires no change event: pointerup, keyup and blur commit it too.
    let frame: number | undefined;
    let uncommitted = false;
    const current = () => Number(input.value);
    input.addEventListener('input', () => {
      output.textContent = statements(current());
      input.setAttribute('aria-valuetext', statements(current()));
      uncommitted = true;
      frame ??= requestAnimationFrame(() => {
        frame = undefined;
        if (uncommitted) set({ [key]: current() } as Partial<Filters>, 'transient');
      });
    });
    const commit = () => {
      if (!uncommitted) return;
      uncommitted = false;
      if (frame !== undefined) cancelAnimationFrame(frame);
      frame = undefined;
      set({ [key]: current() } as Partial<Filters>, 'user');
    };
    for (const type of ['change', 'pointerup', 'pointercancel', 'keyup', 'blur']) {
      input.addEventListener(type, commit);
    }
    return h('label', { className: 'range-field' }, h('span', {}, c.label, ' ', output), input);
  };

  /** Strict evidence: a checkbox, and the two numbers it applies while on. */
  const strictField = (
    key: FilterKey,
    c: Extract<FilterControl, { kind: 'strict' }>,
    value: Strictness | null,
  ): Node => {
    const shown = value ?? DEFAULT_STRICTNESS;
    const number = (part: keyof Strictness, label: string) =>
      h(
        'label',
        { className: 'strict-number' },
        h('input', {
          id: `${c.id}-${part}`,
          type: 'number',
          min: 1,
          step: 1,
          value: shown[part],
          disabled: value === null,
          onchange: (event: Event) => {
            const n = Number((event.target as HTMLInputElement).value);
            if (n === shown[part]) return;
            if (!Number.isInteger(n) || n < 1) return draw();
            set({ [key]: { ...shown, [part]: n } } as Partial<Filters>);
          },
        }),
        label,
      );
    return h(
      'div',
      { className: 'strict-field' },
      h(
        'label',
        { className: 'check' },
        h('input', {
          type: 'checkbox',
          id: c.id,
          checked: value !== null,
          onchange: (event: Event) =>
            set({
              [key]: (event.target as HTMLInputElement).checked ? shown : null,
            } as Partial<Filters>),
        }),
        h('span', {}, c.label),
        h(
          'span',
          { className: 'check-note' },
          'only relations that enough asserted statements from enough outlets support',
        ),
      ),
      h(
        'div',
        { className: 'strict-numbers' },
        number('asserted', 'asserted statements'),
        number('outlets', 'distinct outlets'),
      ),
    );
  };

  draw();
  return explorer.subscribe((_state, changes, origin) => {
    // A control being dragged is not redrawn under the pointer: it shows its own value.
    if (changes.has('filters') && origin !== 'transient') keepFocus(draw);
  });
}

/** The controls in order, the date bounds of a section side by side in one row. */
function groupDates(
  keys: FilterKey[],
  render: (key: FilterKey) => Node | (Node | null)[] | null,
): Node[] {
  const out: Node[] = [];
  let row: HTMLElement | undefined;
  for (const key of keys) {
    const rendered = render(key);
    if (filterDefinition(key).control.kind === 'date') {
      if (!row) out.push((row = h('div', { className: 'date-range' })));
      row.append(...[rendered].flat().filter((n) => n !== null));
      continue;
    }
    row = undefined;
    out.push(...[rendered].flat().filter((n) => n !== null));
  }
  return out;
}

const statements = (n: number) => plural(n, 'statement');

function checkbox(
  id: string,
  label: (string | Node)[],
  checked: boolean,
  onChange: (on: boolean) => void,
): HTMLElement {
  return h(
    'li',
    {},
    h(
      'label',
      { className: 'check' },
      h('input', {
        type: 'checkbox',
        id,
        checked,
        onchange: (event: Event) => onChange((event.target as HTMLInputElement).checked),
      }),
      ...label,
    ),
  );
}

function optionLabel(look: 'badge' | 'swatch' | 'title', option: FilterOption): (string | Node)[] {
  const note = option.note ? h('span', { className: 'check-note' }, option.note) : null;
  switch (look) {
    case 'badge':
      return [h('span', { className: `badge badge-${option.value}` }, option.label), note ?? ''];
    case 'swatch':
      return [
        h(
          'span',
          { className: 'check-kind' },
          option.color ? swatch(option.color) : null,
          option.label,
        ),
      ];
    case 'title':
      return [h('span', { className: 'article-title' }, option.label), note ?? ''];
  }
}

/** Options matching the query, the hidden ones always (so that they can be shown again). */
function searchOptions(
  all: FilterOption[],
  query: string,
  hidden: ReadonlySet<string>,
): FilterOption[] {
  const q = query.trim().toLowerCase();
  return all
    .filter((o) => hidden.has(o.value) || (q !== '' && o.label.toLowerCase().includes(q)))
    .slice(0, CHECKLIST_MAX);
}
