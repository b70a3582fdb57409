import type { Explorer } from '../../core/explore/explorer.ts';
import { pairStory, type PairStatement } from '../../core/explore/pairStory.ts';
import type { Modality } from '../../core/model.ts';
import { monthOf, monthsFrom } from '../../core/time/index.ts';
import { h, plural } from '../dom.ts';
import { MODALITY_TEXT } from './modality.ts';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 320;
const LANE = 18;
const PAD = 8;

/** How a statement's mark is drawn: a filled dot says it happened, the rest do not. */
const MARK: Record<Modality, 'dot' | 'ring' | 'diamond' | 'cross'> = {
  asserted: 'dot',
  reported: 'ring',
  conditional: 'diamond',
  proposed: 'diamond',
  negated: 'cross',
  denied: 'cross',
};

/**
 * A pair's story: every statement between two actors (every relation type, both directions)
 * that the statement filters show, on a small time axis (one lane per relation type, its
 * colour; the mark says the modality; a year alone is a line across its year) and listed in
 * date order, undated ones apart. Statements outside the timeline's window are faded, not
 * left out: the window is where the story is, not all of it.
 */
export function pairStorySection(
  explorer: Explorer,
  a: string,
  b: string,
  options: { level: 'h2' | 'h3'; close?: () => void },
): HTMLElement {
  const graph = explorer.graph;
  const { filters } = explorer.current.view;
  const story = pairStory(graph, a, b, filters);
  const label = (id: string) => graph.getNodeAttribute(id, 'label');
  const types = new Map(graph.getAttribute('relationTypes').map((t) => [t.id, t]));
  const articles = graph.getAttribute('articles');
  const title = `Between ${label(a)} and ${label(b)}`;
  const count = story.dated.length + story.undated.length;
  const kindWord = story.kind === 'event' ? 'event date' : 'statement date';

  const item = (s: PairStatement) => {
    const type = types.get(s.relation);
    const article = articles[s.evidence.article];
    return h(
      'li',
      {
        className: `pair-statement${s.inWindow ? '' : ' outside-window'}`,
        'data-date': s.date ?? '',
      },
      h(
        'p',
        { className: 'pair-line' },
        h('span', { className: 'pair-date' }, s.date ?? 'undated'),
        h(
          'span',
          { className: `badge badge-${s.evidence.modality}` },
          MODALITY_TEXT[s.evidence.modality].short,
        ),
        h(
          'span',
          { className: 'pair-relation', style: `--swatch: ${type?.color ?? '#888'}` },
          `${label(s.source)} ${type?.label ?? s.relation} ${label(s.target)}`,
        ),
      ),
      h('q', { className: 'pair-quote' }, s.evidence.quote),
      h('span', { className: 'pair-source' }, ` — ${article?.title ?? s.evidence.article}`),
    );
  };

  return h(
    'section',
    { className: 'pair-story', 'aria-label': title },
    h(
      'div',
      { className: 'evidence-header' },
      h(options.level, { className: 'pair-title', tabindex: '-1' }, title),
      options.close
        ? h(
            'button',
            {
              type: 'button',
              className: 'text-button',
              onclick: options.close,
            },
            'Close',
          )
        : null,
    ),
    h(
      'p',
      { className: 'hint' },
      `${plural(count, 'statement')} in order of ${kindWord}`,
      story.hidden > 0 ? `, ${story.hidden} more hidden by the filters` : '',
      filters.from !== null || filters.to !== null ? '; faded: outside the timeline’s window' : '',
      '.',
    ),
    story.dated.length > 0 ? axis(story, types) : null,
    story.dated.length > 0
      ? h(
          'p',
          { className: 'pair-key', 'aria-hidden': 'true' },
          '● asserted  ○ reported  ◇ conditional or proposed  × negated or denied',
        )
      : null,
    story.dated.length > 0
      ? h('ol', { className: 'pair-statements' }, story.dated.map(item))
      : null,
    story.undated.length > 0
      ? [
          h(
            'p',
            { className: 'pair-undated-title' },
            `Undated (${story.undated.length})${story.kind === 'event' ? ': no event date' : ''}`,
          ),
          h('ul', { className: 'pair-statements pair-undated' }, story.undated.map(item)),
        ]
      : null,
  );
}

/** The small time axis: a lane per relation type, a mark per statement, years below. */
function axis(
  story: ReturnType<typeof pairStory>,
  types: Map<string, { label: string; color: string }>,
): SVGElement {
  const el = (tag: string, attrs: Record<string, string | number> = {}) => {
    const e = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
    return e;
  };
  const range = story.range!;
  const first = `${range.from.slice(0, 4)}-01`;
  const months = monthsFrom(first, `${range.to.slice(0, 4)}-12`) + 1;
  const w = (WIDTH - 2 * PAD) / months;
  const xOf = (month: string) => PAD + (monthsFrom(first, month) + 0.5) * w;
  const lanes = story.relations;
  const height = lanes.length * LANE + 16;
  const svg = el('svg', {
    class: 'pair-axis',
    viewBox: `0 0 ${WIDTH} ${height}`,
    role: 'img',
    'aria-label': `The statements on a time axis, one row per relation type: ${lanes.map((r) => types.get(r)?.label ?? r).join(', ')}`,
  });
  lanes.forEach((_r, i) =>
    svg.append(
      el('line', {
        x1: PAD,
        x2: WIDTH - PAD,
        y1: (i + 0.5) * LANE,
        y2: (i + 0.5) * LANE,
        class: 'pair-lane',
      }),
    ),
  );
  for (let m = 0; m < months; m += 12) {
    const x = PAD + m * w;
    svg.append(el('line', { x1: x, x2: x, y1: 0, y2: lanes.length * LANE, class: 'pair-year' }));
    const text = el('text', { x: x + 2, y: height - 3, class: 'pair-year-label' });
    text.textContent = String(Number(first.slice(0, 4)) + m / 12);
    svg.append(text);
  }
  // Statements in the same lane and month are set side by side, a little apart.
  const taken = new Map<string, number>();
  for (const s of story.dated) {
    const lane = lanes.indexOf(s.relation);
    const color = types.get(s.relation)?.color ?? '#888';
    const month = monthOf(s.date!);
    const y0 = (lane + 0.5) * LANE;
    const key = `${lane}/${month ?? s.date}`;
    const nth = taken.get(key) ?? 0;
    taken.set(key, nth + 1);
    const g = el('g', {
      class: `pair-mark${s.inWindow ? '' : ' outside-window'}`,
      'data-modality': s.evidence.modality,
    });
    const title = el('title');
    title.textContent = `${s.date}: ${MODALITY_TEXT[s.evidence.modality].short}, ${types.get(s.relation)?.label ?? s.relation}`;
    g.append(title);
    let x: number;
    if (month === undefined) {
      // A year alone: a line across the year, its mark in the middle.
      const x0 = xOf(`${s.date}-01`) - w / 2;
      g.append(
        el('line', {
          x1: x0,
          x2: x0 + 12 * w,
          y1: y0,
          y2: y0,
          stroke: color,
          'stroke-width': 3,
          'stroke-opacity': 0.35,
        }),
      );
      x = x0 + 6 * w;
    } else x = xOf(month);
    x += (nth % 2 === 0 ? 1 : -1) * Math.ceil(nth / 2) * 3.5;
    g.append(markOf(MARK[s.evidence.modality], x, y0, color, el));
    svg.append(g);
  }
  return svg;
}

function markOf(
  shape: (typeof MARK)[Modality],
  x: number,
  y: number,
  color: string,
  el: (tag: string, attrs?: Record<string, string | number>) => SVGElement,
): SVGElement {
  const r = 4.5;
  switch (shape) {
    case 'dot':
      return el('circle', { cx: x, cy: y, r, fill: color });
    case 'ring':
      return el('circle', { cx: x, cy: y, r, fill: '#fff', stroke: color, 'stroke-width': 2 });
    case 'diamond':
      return el('path', {
        d: `M${x} ${y - r - 1}L${x + r + 1} ${y}L${x} ${y + r + 1}L${x - r - 1} ${y}Z`,
        fill: '#fff',
        stroke: color,
        'stroke-width': 2,
      });
    case 'cross':
      return el('path', {
        d: `M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}`,
        stroke: color,
        'stroke-width': 2.5,
      });
  }
}
