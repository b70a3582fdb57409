import type { Explorer } from '../../core/explore/explorer.ts';
import { NO_FILTERS, isFiltering } from '../../core/explore/filters.ts';
import { h, replaceChildren, swatch } from '../dom.ts';
import { keepFocus, toggle } from './filterControls.ts';

/**
 * The legend of relation types, which toggles them, with the count of each shown; and the way
 * back to everything when any filter is on.
 */
export function renderLegend(container: HTMLElement, explorer: Explorer): void {
  const graph = explorer.graph;
  const relationTypes = graph.getAttribute('relationTypes');
  const set = (hiddenRelations: Set<string>) =>
    explorer.setFilters({ ...explorer.current.view.filters, hiddenRelations });

  const draw = () => {
    const { filters } = explorer.current.view;
    const edgesByRelation = new Map<string, number>();
    for (const edge of explorer.current.visibility.edges.keys()) {
      const relation = graph.getEdgeAttribute(edge, 'relation');
      edgesByRelation.set(relation, (edgesByRelation.get(relation) ?? 0) + 1);
    }
    const legend = h(
      'fieldset',
      { className: 'filter-group' },
      h('legend', { className: 'section-title' }, 'Relations'),
      h(
        'ul',
        { className: 'legend' },
        relationTypes.map((type) => {
          const shown = !filters.hiddenRelations.has(type.id);
          return h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                className: 'legend-toggle',
                'aria-pressed': String(shown),
                title: `${shown ? 'Hide' : 'Show'} “${type.label}” relations. ${type.description}`,
                onclick: () => set(toggle(filters.hiddenRelations, type.id, !shown)),
              },
              swatch(type.color, 'line'),
              h('span', { className: 'legend-label' }, type.label),
              h(
                'span',
                {
                  className: 'legend-direction',
                  'aria-label': type.directed ? 'directed' : 'mutual',
                },
                type.directed ? '→' : '—',
              ),
              h('span', { className: 'legend-count' }, String(edgesByRelation.get(type.id) ?? 0)),
            ),
          );
        }),
      ),
    );

    const reset = isFiltering(filters)
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

    replaceChildren(container, h('div', { className: 'filters' }, legend, reset));
  };

  draw();
  explorer.subscribe((_state, changes) => {
    if (changes.has('filters')) keepFocus(draw);
  });
}
