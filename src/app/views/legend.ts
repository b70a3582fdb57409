import type { Explorer } from '../../core/explore/explorer.ts';
import {
  FILTER_KEYS,
  NO_FILTERS,
  filterDefinition,
  isFiltering,
  type FilterKey,
  type Filters,
} from '../../core/explore/filters.ts';
import { STROKES, STROKE_TEXT } from '../../core/explore/strokes.ts';
import { h, replaceChildren, swatch } from '../dom.ts';
import { keepFocus, toggle } from './filterControls.ts';

/** The filters whose control is the legend (the relation types). */
const LEGEND_FILTERS = FILTER_KEYS.filter((key) => {
  const control = filterDefinition(key).control;
  return control.section === 'legend' && control.kind === 'checklist';
});

/**
 * The legend of relation types, which toggles them, with the count of each shown; and the way
 * back to everything when any filter is on. Returns the function that unmounts it.
 */
export function mountLegend(container: HTMLElement, explorer: Explorer): () => void {
  const graph = explorer.graph;

  const legendOf = (key: FilterKey) => {
    const control = filterDefinition(key).control;
    if (control.kind !== 'checklist') return null;
    const hidden = explorer.current.view.filters[key] as ReadonlySet<string>;
    const shownByOption = control.counts?.(graph, explorer.current.visibility);
    return h(
      'fieldset',
      { className: 'filter-group' },
      h('legend', { className: 'section-title' }, control.title),
      h(
        'ul',
        { className: 'legend' },
        control.options(graph).map((option) => {
          const shown = !hidden.has(option.value);
          return h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                id: `${control.id}-${option.value}`,
                className: 'legend-toggle',
                'aria-pressed': String(shown),
                title: `${shown ? 'Hide' : 'Show'} “${option.label}” relations. ${option.note ?? ''}`,
                onclick: () =>
                  explorer.setFilters({
                    ...explorer.current.view.filters,
                    [key]: toggle(hidden, option.value, !shown),
                  } as Filters),
              },
              swatch(option.color ?? 'currentColor', 'line'),
              h('span', { className: 'legend-label' }, option.label),
              h(
                'span',
                {
                  className: 'legend-direction',
                  'aria-label': option.directed ? 'directed' : 'mutual',
                },
                option.directed ? '→' : '—',
              ),
              shownByOption
                ? h(
                    'span',
                    { className: 'legend-count' },
                    String(shownByOption.get(option.value) ?? 0),
                  )
                : null,
            ),
          );
        }),
      ),
    );
  };

  // What the three strokes of a line say (sigmaLook.ts draws them).
  const strokes = h(
    'div',
    { className: 'stroke-legend' },
    h('h3', { className: 'section-title' }, 'Lines'),
    h(
      'ul',
      { className: 'legend' },
      STROKES.map((stroke) =>
        h(
          'li',
          { className: 'stroke-item', 'data-stroke': stroke },
          h('span', { className: `stroke-swatch stroke-${stroke}`, 'aria-hidden': 'true' }),
          h(
            'span',
            { className: 'legend-label' },
            h('strong', {}, STROKE_TEXT[stroke].label),
            `: ${STROKE_TEXT[stroke].explain}.`,
          ),
        ),
      ),
      // Only on a graph with a machine-coded layer (npm run import:gdelt).
      graph.someEdge((_e, a) => a.machine !== undefined)
        ? h(
            'li',
            { className: 'stroke-item', 'data-stroke': 'machine' },
            h('span', { className: 'stroke-swatch stroke-machine', 'aria-hidden': 'true' }),
            h(
              'span',
              { className: 'legend-label' },
              h('strong', {}, 'Machine-coded only (GDELT)'),
              ': no statement, only events GDELT’s coder counted; shown when “Machine-coded events (GDELT)” is ticked in the filters’ Statements.',
            ),
          )
        : null,
    ),
  );

  const draw = () => {
    const reset = isFiltering(explorer.current.view.filters)
      ? h(
          'button',
          {
            type: 'button',
            className: 'text-button',
            onclick: () => explorer.setFilters(NO_FILTERS),
          },
          'Show everything (clear filters)',
        )
      : null;
    replaceChildren(
      container,
      h('div', { className: 'filters' }, LEGEND_FILTERS.map(legendOf), strokes, reset),
    );
  };

  draw();
  return explorer.subscribe((_state, changes) => {
    if (changes.has('filters')) keepFocus(draw);
  });
}
