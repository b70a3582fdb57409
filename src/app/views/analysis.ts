import type { Analysis } from '../../core/analysis/analyse.ts';
import type { Camp } from '../../core/analysis/camps.ts';
import type { ActorMetrics } from '../../core/analysis/centrality.ts';
import { statementsOf, type Statement } from '../../core/analysis/statements.ts';
import {
  COLOUR_BY,
  COLOUR_BY_LABELS,
  METRICS,
  METRIC_LABELS,
  SIZE_BY,
  SIZE_BY_LABELS,
  formatMetric,
  nodeLook,
  type ColourBy,
  type LookInput,
  type Metric,
  type SizeBy,
} from '../../core/analysis/nodeLook.ts';
import type { Explorer } from '../../core/explore/explorer.ts';
import { visibleEvidence, type Filters } from '../../core/explore/filters.ts';
import type { NodeAttributes } from '../../core/model.ts';
import { KIND_COLORS, MODALITY_TEXT } from '../../core/style.ts';
import type { ActorGraph } from '../../core/graph/actorGraph.ts';
import { builtSizes } from '../../core/graph/metrics.ts';
import { h, plural, replaceChildren, swatch } from '../dom.ts';
import { startAnalysisRunner } from './analysisRunner.ts';

/** Actors listed in the ranking table at first (all are a click away). */
const TABLE_ROWS = 25;

/** What "balanced" means, said once on screen. */
export const BALANCE_SENTENCE =
  'A triangle of actors is balanced when the friend of a friend is a friend and the enemy of an enemy is a friend (cooperation counts +, opposition −, the product of its three signs is +); otherwise it is unbalanced.';

/**
 * The "Analysis" section: the signed network's balance (unbalanced triads with their quotes,
 * two camps and the relations that cross them the wrong way), contradictions, "How is A
 * connected to B?", and the actors' metrics and communities, with "size by" and "colour by".
 * Everything is computed (src/core/analysis, in a worker: analysisRunner.ts) on what the
 * filters show, again whenever they change; until the new figures come, the last ones stay,
 * marked as being recomputed. Every figure leads back to the statements behind it.
 */
export function mountAnalysis(container: HTMLElement, explorer: Explorer): () => void {
  const graph = explorer.graph;
  const label = (actor: string) => graph.getNodeAttribute(actor, 'label');
  let sizeBy: SizeBy = 'evidence';
  let colourBy: ColourBy = 'kind';
  let sortBy: Metric = 'pagerank';
  let allRows = false;
  /** The last analysis, and the filters it was computed under. */
  let result: { analysis: Analysis; filters: Filters } | null = null;
  /** Whether the figures shown are being computed again (the filters or the data changed). */
  let computing = false;
  let failure: string | null = null;
  const runner = startAnalysisRunner(graph);
  /**
   * Counts the changes of the filters and the data: an answer asked before the latest change
   * is not drawn, even when it comes after it (it describes what the page no longer shows).
   */
  let generation = 0;

  // Asked after the next frame: the frame that shows the change of the filters is drawn first,
  // before the worker takes a core (on two cores with software WebGL the two slow each other
  // down: the frame took twice as long). Asked several times before then, it asks once.
  let asking = false;
  const compute = () => {
    generation++;
    // Until the new figures come, the actors carry none: an export made meanwhile has no
    // metrics rather than those of other filters. Cleared once, when the computing starts (not
    // at every step of a dragged brush); applyLook writes none while computing.
    if (!computing) graph.forEachNode((_node, attr) => writeMetrics(attr, undefined, undefined));
    computing = true;
    if (asking) return;
    asking = true;
    requestAnimationFrame(() =>
      setTimeout(() => {
        asking = false;
        ask();
      }, 0),
    );
  };
  const ask = () => {
    const { filters } = explorer.current.view;
    const asked = generation;
    runner.analyse(filters, explorer.current.visibility).then(
      (analysis) => {
        // Overtaken by a later request, or asked before the latest change.
        if (!analysis || asked !== generation) return;
        result = { analysis, filters };
        computing = false;
        failure = null;
        draw(true);
      },
      (error: unknown) => {
        if (asked !== generation) return;
        computing = false;
        failure = error instanceof Error ? error.message : String(error);
        console.error(error);
        draw();
      },
    );
  };

  /** The build's look of the actors (builtLook), kept until the data change. */
  let built: LookInput['actors'] | undefined;
  /** Sizes and colours on the graph, as chosen; exports carry the metrics too. */
  const applyLook = () => {
    if (!result) return;
    const { analysis } = result;
    const look = nodeLook(
      {
        actors: (built ??= builtLook(graph)),
        metrics: analysis.metrics.actors,
        camps: analysis.camps.camps,
        order: graph.order,
      },
      sizeBy,
      colourBy,
    );
    // The metrics ride on the actors' attributes for the exports, which read them when they
    // run; sigma draws none of them. They are written in place, without an event: an event
    // makes sigma process every actor and draw a frame (half a second at 10k relations in
    // software WebGL) for nothing it shows. Sizes and colours go through graphology, and only
    // when one of them changes.
    let restyled = false;
    graph.forEachNode((node, attr) => {
      if (
        (look.sizes.get(node) ?? attr.size) !== attr.size ||
        (look.colors.get(node) ?? attr.color) !== attr.color
      )
        restyled = true;
      // While the figures are computed again, they are those of other filters: none is written.
      if (!computing)
        writeMetrics(attr, analysis.metrics.actors.get(node), analysis.camps.camps.get(node));
    });
    if (restyled)
      graph.updateEachNodeAttributes(
        (node, attr) => {
          attr.size = look.sizes.get(node) ?? attr.size;
          attr.color = look.colors.get(node) ?? attr.color;
          return attr;
        },
        { attributes: ['size', 'color'] },
      );
    return look;
  };

  const quote = (s: Statement) => {
    const article = graph.getAttribute('articles')[s.evidence.article];
    return h(
      'li',
      { className: 'analysis-quote' },
      h(
        'span',
        { className: `modality modality-${s.evidence.modality}` },
        MODALITY_TEXT[s.evidence.modality].short,
      ),
      ' ',
      h('q', {}, s.evidence.quote),
      ' ',
      h(
        'span',
        { className: 'analysis-source' },
        `${label(s.source)} → ${label(s.target)} · ${article?.outlet ?? article?.title ?? s.evidence.article}, ${s.evidence.date ?? 'undated'}`,
      ),
    );
  };

  const sign = (x: number) => (x > 0 ? '+' : '−');

  const balance = (analysis: Analysis, filters: Filters) => {
    const { triads, camps } = analysis;
    return h(
      'section',
      { className: 'analysis-part', 'aria-labelledby': 'analysis-balance' },
      h('h3', { id: 'analysis-balance', className: 'section-title' }, 'Balance'),
      h('p', { className: 'hint' }, BALANCE_SENTENCE),
      h(
        'p',
        {},
        `${plural(triads.triangles, 'triangle')} of signed pairs: ${triads.balanced} balanced, ${triads.unbalanced.length} unbalanced.`,
      ),
      h(
        'ul',
        { className: 'analysis-list', 'aria-label': 'Unbalanced triads' },
        triads.unbalanced.slice(0, 50).map((t) =>
          h(
            'li',
            {},
            h(
              'details',
              { className: 'triad' },
              h(
                'summary',
                {},
                `${t.actors.map(label).join(' · ')} (${t.signs.map(sign).join(' ')})`,
              ),
              h(
                'ul',
                { className: 'analysis-quotes' },
                t.edges.flatMap((edges) =>
                  statementsOf(graph, edges, (attr) => visibleEvidence(attr, filters))
                    .slice(0, 1)
                    .map(quote),
                ),
              ),
            ),
          ),
        ),
      ),
      h(
        'p',
        {},
        `Two camps: ${plural(camps.frustration, 'signed pair')} contradict the split (${camps.exact ? 'the least possible' : 'a heuristic split; see docs/analysis.md'}). `,
        h(
          'button',
          {
            type: 'button',
            className: 'text-button',
            onclick: () => {
              colourBy = 'camp';
              draw(true);
            },
          },
          'Colour by camp',
        ),
      ),
      camps.frustrated.length
        ? h(
            'ul',
            {
              className: 'analysis-list',
              'aria-label': 'Relations that cross the camps the wrong way',
            },
            camps.frustrated
              .slice(0, 30)
              .map((p) =>
                h(
                  'li',
                  {},
                  `${label(p.a)} ${p.sign > 0 ? 'cooperates with' : 'opposes'} ${label(p.b)}, ${p.sign > 0 ? 'across the camps' : 'in the same camp'}`,
                ),
              ),
          )
        : null,
    );
  };

  const contradictions = (analysis: Analysis) =>
    h(
      'section',
      { className: 'analysis-part', 'aria-labelledby': 'analysis-contradictions' },
      h('h3', { id: 'analysis-contradictions', className: 'section-title' }, 'Contradictions'),
      h(
        'p',
        { className: 'hint' },
        'Pairs with asserted statements of both cooperation and opposition, the strongest of each side next to each other.',
      ),
      analysis.contradictions.length === 0
        ? h('p', {}, 'None under the current filters.')
        : h(
            'ul',
            { className: 'analysis-list', 'aria-label': 'Contradictions' },
            analysis.contradictions
              .slice(0, 30)
              .map((c) =>
                h(
                  'li',
                  { className: 'contradiction' },
                  h(
                    'details',
                    {},
                    h(
                      'summary',
                      {},
                      `${label(c.a)} and ${label(c.b)}: ${c.positive.counted} for cooperation, ${c.negative.counted} for opposition`,
                    ),
                    h(
                      'div',
                      { className: 'contradiction-sides' },
                      h(
                        'ul',
                        { className: 'analysis-quotes', 'aria-label': 'Cooperation' },
                        c.positive.strongest.map(quote),
                      ),
                      h(
                        'ul',
                        { className: 'analysis-quotes', 'aria-label': 'Opposition' },
                        c.negative.strongest.map(quote),
                      ),
                    ),
                  ),
                ),
              ),
          ),
    );

  // "How is A connected to B?": two fields matched against the actors' names.
  const actorOptions = h(
    'datalist',
    { id: 'analysis-actors' },
    graph
      .mapNodes((n, a) => [n, a.label] as const)
      .sort(([, x], [, y]) => x.localeCompare(y))
      .map(([, name]) => h('option', { value: name })),
  );
  const byName = new Map(graph.mapNodes((n, a) => [a.label.toLowerCase(), n] as const));
  const actorField = (id: string, labelText: string, value: string | undefined) =>
    h(
      'label',
      { className: 'path-field' },
      labelText,
      h('input', {
        id,
        type: 'text',
        list: 'analysis-actors',
        autocomplete: 'off',
        value: value ? label(value) : '',
      }),
    );

  const paths = () => {
    const { view, paths: found, pathShown } = explorer.current;
    const status = h('p', { className: 'hint', 'aria-live': 'polite' });
    const form = h(
      'form',
      {
        className: 'path-form',
        onsubmit: (event: Event) => {
          event.preventDefault();
          const read = (id: string) => {
            const text = (form.querySelector(`#${id}`) as HTMLInputElement).value.trim();
            return byName.get(text.toLowerCase()) ?? (graph.hasNode(text) ? text : undefined);
          };
          const from = read('path-from');
          const to = read('path-to');
          if (!from || !to) {
            status.textContent = 'Choose two actors from the list (type a name).';
            return;
          }
          if (from === to) {
            status.textContent = 'Choose two different actors.';
            return;
          }
          explorer.showPath(from, to);
        },
      },
      actorField('path-from', 'From', view.path?.[0]),
      actorField('path-to', 'To', view.path?.[1]),
      h('button', { type: 'submit', className: 'text-button' }, 'Find paths'),
    );
    const list =
      found === null
        ? null
        : found.paths.length === 0
          ? h('p', {}, `No path of at most ${found.maxSteps} steps under the current filters.`)
          : h(
              'ol',
              { className: 'analysis-list paths', 'aria-label': 'Paths' },
              found.paths.map((path, rank) =>
                h(
                  'li',
                  { className: rank === pathShown ? 'path shown' : 'path' },
                  h(
                    'button',
                    {
                      type: 'button',
                      className: 'text-button',
                      'aria-pressed': String(rank === pathShown),
                      onclick: () => explorer.choosePath(rank),
                    },
                    path.actors.map(label).join(' → '),
                  ),
                  h(
                    'span',
                    { className: 'hint' },
                    ` weakest step: ${path.weakest.asserted} asserted, ${plural(path.weakest.articles, 'article')}`,
                  ),
                  rank === pathShown
                    ? h(
                        'ul',
                        { className: 'analysis-quotes' },
                        path.steps.map((step) => quote(step.statement)),
                      )
                    : null,
                ),
              ),
            );
    return h(
      'section',
      { className: 'analysis-part', 'aria-labelledby': 'analysis-paths' },
      h('h3', { id: 'analysis-paths', className: 'section-title' }, 'How is A connected to B?'),
      actorOptions,
      form,
      status,
      found && found.found > found.paths.length
        ? h(
            'p',
            { className: 'hint' },
            `${found.found} paths of at most ${found.maxSteps} steps; the ${found.paths.length} best, by their weakest step:`,
          )
        : null,
      list,
    );
  };

  const actors = (analysis: Analysis, legend: ReturnType<typeof nodeLook>['legend']) => {
    const rows = [...analysis.metrics.actors].sort(
      ([a, x], [b, y]) => y[sortBy] - x[sortBy] || a.localeCompare(b),
    );
    const select = <T extends string>(
      id: string,
      text: string,
      options: readonly T[],
      labels: Record<T, string>,
      value: T,
      set: (v: T) => void,
    ) =>
      h(
        'label',
        { className: 'look-choice' },
        text,
        h(
          'select',
          { id, onchange: (event: Event) => set((event.target as HTMLSelectElement).value as T) },
          options.map((o) => h('option', { value: o, selected: o === value }, labels[o])),
        ),
      );
    const header = (metric: Metric) =>
      h(
        'th',
        { scope: 'col', 'aria-sort': sortBy === metric ? 'descending' : 'none' },
        h(
          'button',
          {
            type: 'button',
            className: 'text-button',
            onclick: () => {
              sortBy = metric;
              draw();
            },
          },
          METRIC_LABELS[metric].replace(/ \(.*\)$/, ''),
        ),
      );
    return h(
      'section',
      { className: 'analysis-part', 'aria-labelledby': 'analysis-actors' },
      h('h3', { id: 'analysis-actors-title', className: 'section-title' }, 'Actors'),
      h(
        'div',
        { className: 'look-choices' },
        select('size-by', 'Size by', SIZE_BY, SIZE_BY_LABELS, sizeBy, (v) => {
          sizeBy = v;
          draw(true);
        }),
        select('colour-by', 'Colour by', COLOUR_BY, COLOUR_BY_LABELS, colourBy, (v) => {
          colourBy = v;
          draw(true);
        }),
      ),
      h(
        'ul',
        { className: 'legend look-legend', 'aria-label': 'Colours' },
        legend.map((entry) => h('li', {}, swatch(entry.color), entry.label)),
      ),
      h(
        'p',
        { className: 'hint' },
        `${analysis.metrics.communities} communit${analysis.metrics.communities === 1 ? 'y' : 'ies'} (Louvain${analysis.metrics.modularity === null ? '' : `, modularity ${analysis.metrics.modularity.toFixed(2)}`}).`,
      ),
      h(
        'table',
        { className: 'metrics-table' },
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Actor'),
            METRICS.map(header),
            h('th', { scope: 'col' }, 'Comm.'),
          ),
        ),
        h(
          'tbody',
          {},
          rows.slice(0, allRows ? rows.length : TABLE_ROWS).map(([actor, m]) =>
            h(
              'tr',
              {},
              h(
                'th',
                { scope: 'row' },
                h(
                  'button',
                  {
                    type: 'button',
                    className: 'text-button',
                    onclick: () => explorer.selectActor(actor),
                  },
                  label(actor),
                ),
              ),
              METRICS.map((metric) => h('td', {}, formatMetric(m[metric]))),
              h('td', {}, String(m.community + 1)),
            ),
          ),
        ),
      ),
      rows.length > TABLE_ROWS && !allRows
        ? h(
            'button',
            {
              type: 'button',
              className: 'text-button',
              onclick: () => {
                allRows = true;
                draw();
              },
            },
            `Show all ${rows.length} actors`,
          )
        : null,
    );
  };

  // The actors' sizes and colours are rewritten only when the analysis or the choices change:
  // a selection redraws the section, not the network.
  let look: ReturnType<typeof nodeLook> | undefined;
  const draw = (relook = false) => {
    if (!result) {
      replaceChildren(
        container,
        failure
          ? h('p', { className: 'hint', role: 'alert' }, `The analysis failed: ${failure}`)
          : h('p', { className: 'hint', 'aria-busy': 'true' }, 'Computing the analysis…'),
      );
      return;
    }
    const { analysis, filters } = result;
    if (relook || !look) look = applyLook()!;
    replaceChildren(
      container,
      h(
        'div',
        { className: 'analysis', 'aria-busy': String(computing) },
        h(
          'p',
          { className: 'hint' },
          failure
            ? `The analysis failed (${failure}); the figures below are from before.`
            : computing
              ? 'Computing again for the current filters; the figures below are from before.'
              : 'Computed on what the filters show; signs from asserted statements. How each figure is computed: docs/analysis.md.',
        ),
        balance(analysis, filters),
        contradictions(analysis),
        paths(),
        actors(analysis, look!.legend),
      ),
    );
  };

  compute();
  draw();
  const unsubscribe = explorer.subscribe((_state, changes) => {
    if (changes.has('data')) {
      // A rebuild (the annotation workbench): the last figures may name actors and relations
      // that are gone; none is drawn until the worker has the new graph's.
      result = null;
      built = undefined;
      runner.graphChanged();
    }
    if (changes.has('filters') || changes.has('data')) compute();
    if (changes.has('filters') || changes.has('selection')) draw();
  });
  return () => {
    unsubscribe();
    runner.stop();
  };
}

/** An actor's analysis figures on its attributes, for the exports (none when not analysed). */
function writeMetrics(
  attr: NodeAttributes,
  m: ActorMetrics | undefined,
  camp: Camp | undefined,
): void {
  if (m) {
    attr.pagerank = m.pagerank;
    attr.betweenness = m.betweenness;
    attr.weightedDegree = m.weightedDegree;
    attr.community = m.community;
  } else {
    delete attr.pagerank;
    delete attr.betweenness;
    delete attr.weightedDegree;
    delete attr.community;
  }
  if (camp === undefined) delete attr.camp;
  else attr.camp = camp;
}

/**
 * Each actor's look as the build made it (what "Evidence (as built)" and "Kind" restore): its
 * size from its evidence count, as computeActorMetrics sizes it (builtSizes), and its kind's
 * colour, as assemble gives it. Derived from attributes the analysis never changes, so a
 * rebuild's new figures are taken in (once per change of the data).
 */
function builtLook(graph: ActorGraph): LookInput['actors'] {
  const sizes = builtSizes(graph);
  return new Map(
    graph.mapNodes((node, attr) => [
      node,
      { kind: attr.kind, size: sizes.get(node)!, color: KIND_COLORS[attr.kind] },
    ]),
  );
}
