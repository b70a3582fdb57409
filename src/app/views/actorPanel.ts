import type { Explorer } from '../../core/explore/explorer.ts';
import { summariseRelations, type RelationItem } from '../../core/explore/relationsSummary.ts';
import { KIND_COLORS, KIND_LABELS } from '../../core/style.ts';
import { count } from '../../core/text/plural.ts';
import { h, plural, swatch } from '../dom.ts';

/**
 * The selected actor: a region named by its label, with kind, affiliation, aliases and its
 * relations grouped by type and direction; each counterpart moves the selection, each count
 * opens the statements. Loaded when an actor is first selected.
 */
export function actorSection(
  explorer: Explorer,
  actor: string,
  actorButton: (id: string, key: string) => HTMLElement,
  showPair?: (counterpart: string) => void,
): HTMLElement {
  const graph = explorer.graph;
  const a = graph.getNodeAttributes(actor);
  const visibility = explorer.current.visibility;
  const groups = summariseRelations(graph, actor, visibility, explorer.current.view.filters);
  const titleId = 'details-title';
  const shownEvidence = groups.reduce((n, g) => n + g.items.reduce((m, i) => m + i.evidence, 0), 0);
  return h(
    'section',
    { className: 'details', 'aria-labelledby': titleId },
    h('h2', { id: titleId, className: 'details-title', tabindex: '-1' }, a.label),
    h(
      'dl',
      { className: 'facts' },
      h('dt', {}, 'Kind'),
      h('dd', {}, swatch(KIND_COLORS[a.kind]), KIND_LABELS[a.kind]),
      a.affiliation && graph.hasNode(a.affiliation)
        ? [h('dt', {}, 'Affiliation'), h('dd', {}, actorButton(a.affiliation, 'affiliation-link'))]
        : null,
      a.aliases.length > 0 ? [h('dt', {}, 'Also called'), h('dd', {}, a.aliases.join(', '))] : null,
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
          swatch(group.relation.color, 'line'),
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
                  className: 'evidence-button relation-counts',
                  'aria-label': `Show ${countsOf(item)}: ${a.label} ${group.phrase} ${item.counterpartLabel}`,
                  'aria-pressed': String(item.edge === explorer.current.view.edge),
                  onclick: () => explorer.selectEdge(item.edge),
                },
                // A relation only machine-coded events support has no statement to count.
                hasStatements(item) ? h('span', {}, plural(item.evidence, 'statement')) : null,
                // The parts wrap at their separators, never inside one (.relation-counts).
                // Corroboration: statements from one article are one source, not several.
                item.corroboration.articles > 1
                  ? [
                      ' · ',
                      h(
                        'span',
                        { className: 'corroboration' },
                        `${item.corroboration.articles} articles, ${plural(item.corroboration.outlets, 'outlet')}`,
                      ),
                    ]
                  : null,
                // GDELT's events last, apart from the statements and their articles.
                item.machineEvents > 0
                  ? [
                      hasStatements(item) ? ' · ' : null,
                      h('span', { className: 'machine-count' }, machineCount(item.machineEvents)),
                    ]
                  : null,
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
              // Every statement between the two, whatever the relation, in date order.
              showPair
                ? h(
                    'button',
                    {
                      type: 'button',
                      className: 'evidence-button pair-button',
                      'aria-label': `Between ${a.label} and ${item.counterpartLabel}: every statement over time`,
                      title: `Between ${a.label} and ${item.counterpartLabel}: every statement over time`,
                      onclick: () => showPair(item.counterpart),
                    },
                    'over time',
                  )
                : null,
            ),
          ),
        ),
      ),
    ),
  );
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

const machineCount = (events: number): string => count(events, 'machine-coded event');

/** Whether a relation's count of statements is shown ("0 statements" only without events). */
const hasStatements = (item: RelationItem): boolean =>
  item.evidence > 0 || item.machineEvents === 0;

/** What a relation's button opens: its statements, its machine-coded events, or both. */
function countsOf(item: RelationItem): string {
  if (item.machineEvents === 0) return plural(item.evidence, 'statement');
  if (item.evidence === 0) return machineCount(item.machineEvents);
  return `${plural(item.evidence, 'statement')} and ${machineCount(item.machineEvents)}`;
}
