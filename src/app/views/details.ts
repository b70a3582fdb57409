import type { Explorer } from '../../core/explore/explorer.ts';
import { summariseRelations } from '../../core/explore/relationsSummary.ts';
import { KIND_COLOURS, KIND_LABELS } from '../../core/style.ts';
import { h, replaceChildren, swatch } from '../dom.ts';
import { renderEvidence } from './evidence.ts';
import type { ArticleTexts } from '../loadGraph.ts';

/**
 * The right panel: the selected actor (a region named by the actor's label) with its relations
 * grouped by type and direction, and below it the evidence of the selected relation. With no
 * selection, a short guide and the most connected actors.
 */
export function renderDetails(
  container: HTMLElement,
  explorer: Explorer,
  texts: ArticleTexts,
): void {
  const graph = explorer.graph;
  const relationTypes = graph.getAttribute('relationTypes');

  const actorButton = (id: string, key: string) =>
    h(
      'button',
      {
        type: 'button',
        id: key,
        className: 'link-button',
        onclick: () => explorer.selectActor(id),
      },
      graph.getNodeAttribute(id, 'label'),
    );

  const actorSection = (actor: string) => {
    const a = graph.getNodeAttributes(actor);
    const visibility = explorer.current.visibility;
    const groups = summariseRelations(graph, actor, relationTypes, visibility);
    const titleId = 'details-title';
    const shownEvidence = groups.reduce(
      (n, g) => n + g.items.reduce((m, i) => m + i.evidence, 0),
      0,
    );
    return h(
      'section',
      { className: 'details', 'aria-labelledby': titleId },
      h('h2', { id: titleId, className: 'details-title', tabindex: '-1' }, a.label),
      h(
        'dl',
        { className: 'facts' },
        h('dt', {}, 'Kind'),
        h('dd', {}, swatch(KIND_COLOURS[a.kind]), KIND_LABELS[a.kind]),
        a.affiliation && graph.hasNode(a.affiliation)
          ? [
              h('dt', {}, 'Affiliation'),
              h('dd', {}, actorButton(a.affiliation, 'affiliation-link')),
            ]
          : null,
        a.aliases.length > 0
          ? [h('dt', {}, 'Also called'), h('dd', {}, a.aliases.join(', '))]
          : null,
        a.wikidata
          ? [
              h('dt', {}, 'Wikidata'),
              h(
                'dd',
                {},
                h(
                  'a',
                  {
                    href: `https://www.wikidata.org/wiki/${encodeURIComponent(a.wikidata)}`,
                    target: '_blank',
                    rel: 'noopener noreferrer',
                  },
                  a.wikidata,
                ),
              ),
            ]
          : null,
        a.note ? [h('dt', {}, 'Note'), h('dd', {}, a.note)] : null,
      ),
      !visibility.nodes.has(actor)
        ? h('p', { className: 'hint' }, 'This actor is hidden by the filters.')
        : null,
      h(
        'h3',
        { className: 'section-title' },
        `Relations (${groups.reduce((n, g) => n + g.items.length, 0)}, ${shownEvidence} statements)`,
      ),
      groups.length === 0
        ? h('p', { className: 'hint' }, 'No relations shown under the current filters.')
        : null,
      groups.map((group) =>
        h(
          'section',
          { className: 'relation-group', 'aria-label': `${a.label} ${group.phrase}` },
          h(
            'h4',
            {},
            swatch(group.relation.colour, 'line'),
            `${capitalise(group.phrase)} (${group.items.length})`,
          ),
          h(
            'ul',
            { className: 'relation-list' },
            group.items.map((item) =>
              h(
                'li',
                {
                  className:
                    item.edge === explorer.current.view.edge ? 'relation selected' : 'relation',
                },
                actorButton(item.counterpart, `counterpart-${item.edge}`),
                h(
                  'button',
                  {
                    type: 'button',
                    id: `statements-${item.edge}`,
                    className: 'evidence-button',
                    'aria-label': `Show ${item.evidence} statement${item.evidence === 1 ? '' : 's'}: ${a.label} ${group.phrase} ${item.counterpartLabel}`,
                    'aria-pressed': String(item.edge === explorer.current.view.edge),
                    onclick: () => explorer.selectEdge(item.edge),
                  },
                  `${item.evidence} ${item.evidence === 1 ? 'statement' : 'statements'}`,
                  item.unconfirmed
                    ? h(
                        'span',
                        {
                          className: 'unconfirmed-mark',
                          title: 'No shown statement says this happened',
                        },
                        ' (unconfirmed)',
                      )
                    : null,
                ),
              ),
            ),
          ),
        ),
      ),
    );
  };

  const overview = () => {
    const top = graph
      .filterNodes((n) => explorer.current.visibility.nodes.has(n))
      .sort(
        (x, y) =>
          graph.getNodeAttribute(y, 'evidenceCount') - graph.getNodeAttribute(x, 'evidenceCount'),
      )
      .slice(0, 8);
    return h(
      'section',
      { className: 'overview', 'aria-labelledby': 'overview-title' },
      h('h2', { id: 'overview-title', className: 'details-title' }, 'Explore the network'),
      h('p', {}, graph.getAttribute('description')),
      h(
        'ul',
        { className: 'guide' },
        h('li', {}, 'Hover over an actor to preview its relations; click to select it.'),
        h(
          'li',
          {},
          'Click a relation (a line, or a row in this panel) to read the statements that support it.',
        ),
        h(
          'li',
          {},
          'Escape or a click on the background clears the selection. The address bar keeps the view: share it.',
        ),
      ),
      h('h3', { className: 'section-title' }, 'Most connected actors'),
      h(
        'ul',
        { className: 'top-actors' },
        top.map((id) =>
          h(
            'li',
            {},
            actorButton(id, `top-${id}`),
            h(
              'span',
              { className: 'count' },
              ` ${graph.getNodeAttribute(id, 'evidenceCount')} statements`,
            ),
          ),
        ),
      ),
    );
  };

  const evidenceHolder = h('div', { className: 'evidence-holder' });
  const draw = () => {
    const { view } = explorer.current;
    const actor = view.actor !== null && graph.hasNode(view.actor) ? view.actor : null;
    const scroll = container.scrollTop;
    replaceChildren(
      container,
      actor !== null ? actorSection(actor) : view.edge === null ? overview() : null,
      evidenceHolder,
    );
    container.scrollTop = scroll;
    renderEvidence(evidenceHolder, explorer, texts);
  };
  draw();
  let shownEdge = explorer.current.view.edge;
  explorer.subscribe((state, changes) => {
    if (!changes.has('selection') && !changes.has('filters')) return;
    const focused = document.activeElement;
    const focusedId = focused && container.contains(focused) ? focused.id : null;
    draw();
    // Keep keyboard users in place: the same control if it is still there, else the new title.
    if (focusedId !== null) {
      (
        document.getElementById(focusedId) ?? container.querySelector<HTMLElement>('#details-title')
      )?.focus({ preventScroll: true });
    }
    // A newly selected relation: bring its statements into view.
    if (state.view.edge !== null && state.view.edge !== shownEdge) {
      evidenceHolder.scrollIntoView({ block: 'start', behavior: 'smooth' });
    }
    shownEdge = state.view.edge;
  });
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
