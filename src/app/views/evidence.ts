import type { Explorer } from '../../core/explore/explorer.ts';
import { allUnconfirmed, isEvidenceVisible, isKindVisible } from '../../core/explore/filters.ts';
import { corroboration, type Corroboration } from '../../core/explore/corroboration.ts';
import { quoteInContext } from '../../core/explore/quoteContext.ts';
import type { ArticleMeta, Evidence } from '../../core/model.ts';
import { h, plural, replaceChildren } from '../dom.ts';
import { articleOpener } from '../articleLinks.ts';
import { icon } from '../icons.ts';
import type { ArticleTexts } from '../loadGraph.ts';
import { MODALITY_TEXT } from './modality.ts';
import { pairStorySection } from './pairStory.ts';
import { machineEvidenceSection } from './machineEvidence.ts';

/**
 * The statements behind the selected relation: each quote in its surrounding text, with its
 * article's title, outlet and date and its modality plainly marked.
 */
export function renderEvidence(
  container: HTMLElement,
  explorer: Explorer,
  texts: ArticleTexts,
): void {
  const { view } = explorer.current;
  const graph = explorer.graph;
  if (view.edge === null || !graph.hasEdge(view.edge)) {
    replaceChildren(container);
    return;
  }
  const edge = view.edge;
  const attr = graph.getEdgeAttributes(edge);
  const [source, target] = graph.extremities(edge);
  const label = (id: string) => graph.getNodeAttribute(id, 'label');
  const type = graph.getAttribute('relationTypes').find((t) => t.id === attr.relation);
  const shown = attr.evidence.filter((e) => isEvidenceVisible(e, view.filters));
  const hiddenCount = attr.evidence.length - shown.length;
  const articles = graph.getAttribute('articles');
  const titleId = 'evidence-title';
  // Machine-coded evidence (GDELT) apart from the statements, when the filters show it.
  const machine =
    attr.machine && isKindVisible('machine-coded', view.filters) ? attr.machine : undefined;
  // Filled when the texts cannot be had or are not this graph's: the quotes then stand alone.
  const textsProblem = h('p', { className: 'hint texts-problem', role: 'alert', hidden: true });
  const showProblem = (error: unknown) => {
    textsProblem.textContent = error instanceof Error ? error.message : String(error);
    textsProblem.hidden = false;
  };

  replaceChildren(
    container,
    h(
      'section',
      { className: 'evidence', 'aria-labelledby': titleId },
      h(
        'div',
        { className: 'evidence-header' },
        h(
          'h2',
          { id: titleId, className: 'evidence-title' },
          label(source),
          h('span', { className: 'evidence-relation' }, ` ${attr.label} `),
          label(target),
        ),
        h(
          'button',
          {
            type: 'button',
            className: 'icon-button',
            'aria-label': 'Close the statements',
            title: 'Close',
            onclick: () => explorer.selectEdge(null),
          },
          icon('close'),
        ),
      ),
      type ? h('p', { className: 'hint' }, type.description) : null,
      attr.evidence.length === 0
        ? h(
            'p',
            { className: 'counts' },
            'No annotated statement: only machine-coded events support this relation.',
          )
        : h(
            'p',
            { className: 'counts' },
            `${plural(shown.length, 'statement')}${sources(corroboration(shown, articles))}${hiddenCount > 0 ? `, ${hiddenCount} more hidden by the filters` : ''}`,
          ),
      allUnconfirmed(shown)
        ? h(
            'p',
            { className: 'unconfirmed-warning', role: 'note' },
            'None of these statements says that this relation happened: read how each is marked.',
          )
        : null,
      textsProblem,
      h(
        'ol',
        { className: 'statements' },
        shown.map((e) => statement(e, articles[e.article], texts, showProblem)),
      ),
      machine ? machineEvidenceSection(machine, 'machine-evidence-title') : null,
    ),
    // Every statement between the two actors, whatever the relation, in date order.
    pairStorySection(explorer, source, target, { level: 'h3' }),
  );
}

function statement(
  e: Evidence,
  article: ArticleMeta | undefined,
  texts: ArticleTexts,
  showProblem: (error: unknown) => void,
): HTMLElement {
  const modality = MODALITY_TEXT[e.modality];
  // The annotation workbench, when it is on: the article in its reader, at this quote.
  const open = articleOpener();
  const context = h('blockquote', { className: 'quote' }, h('mark', {}, e.quote));
  void texts.get(e.article).then(
    (text) => {
      if (text === undefined || text.slice(e.start, e.end) !== e.quote) return;
      const c = quoteInContext(text, e.start, e.end);
      replaceChildren(
        context,
        c.clippedBefore ? '… ' : '',
        c.before,
        h('mark', {}, c.quote),
        c.after,
        c.clippedAfter ? ' …' : '',
      );
    },
    // Without the texts the quote alone is shown, and the panel says why.
    showProblem,
  );
  const date = article?.published
    ? `${article.published.date}${article.published.basis === 'inferred' ? ' (inferred)' : ''}`
    : 'undated';
  return h(
    'li',
    { className: `statement statement-${e.modality}` },
    h(
      'p',
      { className: 'modality' },
      h('span', { className: `badge badge-${e.modality}` }, modality.short),
      e.modality === 'asserted'
        ? null
        : h('span', { className: 'modality-explain' }, modality.explain),
    ),
    context,
    e.note
      ? h(
          'p',
          { className: 'annotation-note' },
          h('span', { className: 'visually-hidden' }, 'Annotator’s note: '),
          e.note,
        )
      : null,
    h(
      'p',
      { className: 'source' },
      h('cite', {}, article?.title ?? e.article),
      h('span', { className: 'source-meta' }, ` — ${article?.outlet ?? 'outlet unknown'}, ${date}`),
      article?.published?.basis === 'inferred'
        ? h(
            'span',
            { className: 'visually-hidden' },
            `. How the date is known: ${article.published.how}`,
          )
        : null,
    ),
    open
      ? h(
          'button',
          {
            type: 'button',
            className: 'link-button open-article',
            onclick: () => open(e.article, { start: e.start, end: e.end }),
          },
          'Open in the reader',
        )
      : null,
  );
}

/** " from 3 articles of 2 outlets (2 asserted)": how far the statements are independent. */
function sources(c: Corroboration): string {
  if (c.statements === 0) return '';
  return ` from ${plural(c.articles, 'article')} of ${plural(c.outlets, 'outlet')} (${c.asserted} asserted)`;
}
