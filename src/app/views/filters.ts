import type { Explorer } from '../../core/explore/explorer.ts';
import type { Filters } from '../../core/explore/filters.ts';
import { ACTOR_KINDS, MODALITIES, type ActorKind, type Modality } from '../../core/model.ts';
import { KIND_COLORS, KIND_LABELS } from '../../core/style.ts';
import { h, replaceChildren, swatch } from '../dom.ts';
import { keepFocus, toggle } from './filterControls.ts';
import { MODALITY_TEXT } from './modality.ts';

/** Longer article lists are searched rather than shown whole. */
const ARTICLE_LIST_MAX = 60;

function listedArticles<T extends { id: string; title: string }>(
  all: T[],
  query: string,
  hidden: ReadonlySet<string>,
): T[] {
  if (all.length <= ARTICLE_LIST_MAX) return all;
  const q = query.trim().toLowerCase();
  // Hidden articles stay listed so that they can be shown again.
  const matching = all.filter(
    (a) => hidden.has(a.id) || (q !== '' && a.title.toLowerCase().includes(q)),
  );
  return matching.slice(0, ARTICLE_LIST_MAX);
}

/**
 * The filters beyond the legend: modality, actor kind, article and date range. Filters hide,
 * never delete. Loaded when the "Filters" section is first opened.
 */
export function renderFilters(container: HTMLElement, explorer: Explorer): void {
  const graph = explorer.graph;
  const articles = Object.values(graph.getAttribute('articles')).sort(
    (a, b) =>
      (a.published?.date ?? '').localeCompare(b.published?.date ?? '') ||
      a.title.localeCompare(b.title),
  );
  const kindsPresent = ACTOR_KINDS.filter((kind) => graph.someNode((_n, a) => a.kind === kind));
  const modalitiesPresent = MODALITIES.filter((m) =>
    graph.someEdge((_e, a) => a.evidence.some((e) => e.modality === m)),
  );
  const dates = [
    ...new Set(
      articles.flatMap((a) =>
        a.published ? [a.published.date.slice(0, 4), a.published.date.slice(0, 7)] : [],
      ),
    ),
  ].sort();

  let articleQuery = '';
  const set = (patch: Partial<Filters>) =>
    explorer.setFilters({ ...explorer.current.view.filters, ...patch });

  const draw = () => {
    const { filters } = explorer.current.view;
    const checkbox = (
      id: string,
      label: (string | Node)[],
      checked: boolean,
      onChange: (on: boolean) => void,
    ) =>
      h(
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

    const modality = h(
      'fieldset',
      { className: 'filter-group' },
      h('legend', { className: 'section-title' }, 'Statements'),
      h(
        'ul',
        { className: 'checks' },
        modalitiesPresent.map((m: Modality) =>
          checkbox(
            `filter-modality-${m}`,
            [
              h('span', { className: `badge badge-${m}` }, MODALITY_TEXT[m].short),
              h('span', { className: 'check-note' }, MODALITY_TEXT[m].explain),
            ],
            !filters.hiddenModalities.has(m),
            (on) => set({ hiddenModalities: toggle(filters.hiddenModalities, m, on) }),
          ),
        ),
      ),
    );

    const kinds = h(
      'fieldset',
      { className: 'filter-group' },
      h('legend', { className: 'section-title' }, 'Actors'),
      h(
        'ul',
        { className: 'checks' },
        kindsPresent.map((kind: ActorKind) =>
          checkbox(
            `filter-kind-${kind}`,
            [h('span', { className: 'check-kind' }, swatch(KIND_COLORS[kind]), KIND_LABELS[kind])],
            !filters.hiddenKinds.has(kind),
            (on) => set({ hiddenKinds: toggle(filters.hiddenKinds, kind, on) }),
          ),
        ),
        checkbox(
          'filter-hide-isolated',
          [h('span', {}, 'Hide actors without shown relations')],
          filters.hideIsolated,
          (on) => set({ hideIsolated: on }),
        ),
      ),
    );

    const dateSelect = (
      id: string,
      label: string,
      value: string | null,
      onChange: (v: string | null) => void,
    ) =>
      h(
        'label',
        { className: 'date-field' },
        label,
        h(
          'select',
          {
            id,
            onchange: (event: Event) => onChange((event.target as HTMLSelectElement).value || null),
          },
          h('option', { value: '', selected: value === null }, 'any'),
          // A date from a shared link is offered even when no article has it.
          [...new Set([...dates, ...(value === null ? [] : [value])])]
            .sort()
            .map((d) => h('option', { value: d, selected: value === d }, d)),
        ),
      );

    const sources = h(
      'fieldset',
      { className: 'filter-group' },
      h('legend', { className: 'section-title' }, `Articles (${articles.length})`),
      h(
        'div',
        { className: 'date-range' },
        dateSelect('filter-from', 'From', filters.from, (v) => set({ from: v })),
        dateSelect('filter-to', 'To', filters.to, (v) => set({ to: v })),
      ),
      filters.from !== null || filters.to !== null
        ? h('p', { className: 'hint' }, 'Undated statements are hidden while a date range is set.')
        : null,
      articles.length > ARTICLE_LIST_MAX
        ? h(
            'label',
            { className: 'date-field' },
            'Find article',
            h('input', {
              id: 'filter-article-query',
              type: 'search',
              value: articleQuery,
              placeholder: 'title words',
              oninput: (event: Event) => {
                articleQuery = (event.target as HTMLInputElement).value;
                draw();
                document.getElementById('filter-article-query')?.focus();
              },
            }),
          )
        : null,
      h(
        'ul',
        { className: 'checks articles' },
        listedArticles(articles, articleQuery, filters.hiddenArticles).map((a) =>
          checkbox(
            `filter-article-${a.id}`,
            [
              h('span', { className: 'article-title' }, a.title),
              h(
                'span',
                { className: 'check-note' },
                [a.outlet ?? 'outlet unknown', a.published?.date].filter(Boolean).join(' · '),
              ),
            ],
            !filters.hiddenArticles.has(a.id),
            (on) => set({ hiddenArticles: toggle(filters.hiddenArticles, a.id, on) }),
          ),
        ),
      ),
    );

    replaceChildren(container, h('div', { className: 'filters' }, modality, kinds, sources));
  };

  draw();
  explorer.subscribe((_state, changes) => {
    if (changes.has('filters')) keepFocus(draw);
  });
}
