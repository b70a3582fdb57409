import type { Explorer, Origin } from '../../core/explore/explorer.ts';
import {
  FILTER_KEYS,
  computeVisibility,
  visibleEvidence,
  type Filters,
} from '../../core/explore/filters.ts';
import {
  DATE_KINDS,
  addMonths,
  countInWindow,
  graphHistogram,
  monthSpan,
  monthsFrom,
  nextWindow,
  type DateKind,
  type MonthWindow,
  type TimeHistogram,
} from '../../core/time/index.ts';
import { h, plural, replaceChildren } from '../dom.ts';

const SVG = 'http://www.w3.org/2000/svg';

/** The chart's geometry, in CSS pixels. */
const PAD_X = 10;
const BARS_TOP = 6;
const BARS_HEIGHT = 52;
const YEAR_TOP = BARS_TOP + BARS_HEIGHT + 4;
const YEAR_HEIGHT = 11;
const AXIS_Y = YEAR_TOP + YEAR_HEIGHT + 12;
const CHART_HEIGHT = AXIS_Y + 4;
/** How near (px) to a brush's edge a press resizes it rather than moving it. */
const EDGE_GRAB = 7;

/** Play's speeds: milliseconds per step of one month. */
const SPEEDS = [
  { label: '0.5×', ms: 1600 },
  { label: '1×', ms: 800 },
  { label: '2×', ms: 400 },
  { label: '4×', ms: 200 },
] as const;

const KIND_SHORT: Record<DateKind, string> = { statement: 'Statement date', event: 'Event date' };

/** The filters the histogram follows: all but the window (it shows the window's context). */
const CONTEXT_KEYS = FILTER_KEYS.filter((key) => key !== 'from' && key !== 'to');

type Drag =
  | { mode: 'new'; anchor: number }
  | { mode: 'move'; grab: number; from: number; to: number }
  | { mode: 'from' | 'to'; from: number; to: number };

/**
 * The timeline under the network: statements by month, stacked by relation type in the
 * legend's colours, over the statements the other filters show (the histogram ignores the
 * window itself, so that the brush shows its context); a year alone as a hatched band across
 * its year, undated statements counted apart. The brush sets the `from` and `to` filters
 * (YYYY-MM): dragged, it commits transiently at most once a frame and the gesture makes one
 * history entry. Play steps the window a month at a time (camera and layout stay still).
 * The bars are drawn again only when the histogram or the width changes; a moved brush
 * moves four rectangles. Returns its unmount.
 */
export function mountTimeline(container: HTMLElement, explorer: Explorer): () => void {
  const graph = explorer.graph;
  const relationTypes = graph.getAttribute('relationTypes');
  const colorOf = new Map(relationTypes.map((t) => [t.id, t.color]));
  const labelOf = new Map(relationTypes.map((t) => [t.id, t.label]));

  // ---- the histogram, computed again only when a filter other than the window changes ----
  let histogram: TimeHistogram | undefined;
  let histogramFilters: Filters | undefined;
  const histogramFor = (filters: Filters): TimeHistogram => {
    const before = histogramFilters;
    if (histogram && before && CONTEXT_KEYS.every((key) => before[key] === filters[key])) {
      return histogram;
    }
    const context: Filters = { ...filters, from: null, to: null };
    const shown = computeVisibility(graph, context);
    histogram = graphHistogram(graph, filters.dateKind, {
      edges: (edge) => shown.edges.has(edge),
      evidenceOf: (attributes) => visibleEvidence(attributes, context),
    });
    histogramFilters = filters;
    return histogram;
  };

  // ---- the elements, built once ----
  const svg = (tag: string, attrs: Record<string, string | number> = {}): SVGElement => {
    const el = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    return el;
  };
  const chart = svg('svg', {
    class: 'timeline-chart',
    height: CHART_HEIGHT,
    role: 'group',
    'aria-label': 'Statements by month, stacked by relation type',
  }) as SVGSVGElement;
  const defs = svg('defs');
  const hatch = svg('pattern', {
    id: 'timeline-hatch',
    width: 5,
    height: 5,
    patternUnits: 'userSpaceOnUse',
    patternTransform: 'rotate(45)',
  });
  hatch.append(svg('rect', { width: 2, height: 5, fill: 'rgba(255,255,255,0.75)' }));
  defs.append(hatch);
  const bars = svg('g', { class: 'timeline-bars' });
  const years = svg('g', { class: 'timeline-years' });
  const axis = svg('g', { class: 'timeline-axis', 'aria-hidden': 'true' });
  const shadeBefore = svg('rect', { class: 'timeline-shade', y: 0, height: AXIS_Y - 8 });
  const shadeAfter = svg('rect', { class: 'timeline-shade', y: 0, height: AXIS_Y - 8 });
  const brushBody = svg('rect', { class: 'timeline-brush-body', y: 1, height: AXIS_Y - 10 });
  const handleFrom = svg('rect', { class: 'timeline-handle', y: 1, width: 4, height: AXIS_Y - 10 });
  const handleTo = svg('rect', { class: 'timeline-handle', y: 1, width: 4, height: AXIS_Y - 10 });
  const brush = svg('g', {
    class: 'timeline-brush',
    tabindex: 0,
    role: 'slider',
    'aria-label': 'Time window',
  });
  brush.append(brushBody, handleFrom, handleTo);
  chart.append(defs, bars, years, axis, shadeBefore, shadeAfter, brush);

  const play = h(
    'button',
    { type: 'button', className: 'text-button timeline-play', 'aria-pressed': 'false' },
    'Play',
  );
  const step = h(
    'button',
    { type: 'button', className: 'text-button', title: 'Move the window a month on' },
    'Step',
  );
  const speed = h(
    'select',
    { id: 'timeline-speed', 'aria-label': 'Speed' },
    SPEEDS.map((s, i) => h('option', { value: i, selected: s.ms === 800 }, s.label)),
  );
  const kindInputs = DATE_KINDS.map((kind) =>
    h('input', {
      type: 'radio',
      name: 'timeline-dates',
      id: `timeline-dates-${kind}`,
      value: kind,
    }),
  );
  const kinds = h(
    'fieldset',
    { className: 'timeline-kind' },
    h('legend', { className: 'visually-hidden' }, 'Dates'),
    DATE_KINDS.map((kind, i) => h('label', {}, kindInputs[i]!, KIND_SHORT[kind])),
  );
  const summary = h('p', { className: 'timeline-summary', 'aria-live': 'polite' });
  const clear = h(
    'button',
    { type: 'button', className: 'text-button', id: 'timeline-clear', hidden: true },
    'All dates',
  );
  const undated = h('p', { className: 'timeline-undated' });
  const section = h(
    'section',
    { className: 'timeline', 'aria-label': 'Timeline' },
    h(
      'div',
      { className: 'timeline-controls' },
      play,
      step,
      h('label', { className: 'timeline-speed' }, 'Speed ', speed),
      kinds,
      clear,
    ),
    h(
      'div',
      { className: 'timeline-plot' },
      chart,
      h('div', { className: 'timeline-side' }, summary, undated),
    ),
  );
  replaceChildren(container, section);

  // ---- geometry ----
  let width = 0;
  let drawnHistogram: TimeHistogram | undefined;
  let drawnWidth = -1;
  // The axis runs over whole years, January of the first to December of the last: a short
  // range keeps narrow months, and a year's band always starts at a January.
  const axisOf = (hist: TimeHistogram): MonthWindow | null =>
    hist.range && {
      from: `${hist.range.from.slice(0, 4)}-01`,
      to: `${hist.range.to.slice(0, 4)}-12`,
    };
  let axisRange: MonthWindow | null = null;
  const months = () => (axisRange ? monthsFrom(axisRange.from, axisRange.to) + 1 : 0);
  const monthWidth = () => (months() === 0 ? 0 : (width - 2 * PAD_X) / months());
  const xOf = (index: number) => PAD_X + index * monthWidth();
  const indexOf = (month: string) => monthsFrom(axisRange!.from, month);
  const indexAt = (x: number) =>
    Math.min(months() - 1, Math.max(0, Math.floor((x - PAD_X) / Math.max(monthWidth(), 1e-9))));

  /** The window of the filters as month indices [from, to], both included; null for none. */
  const windowIndices = (filters: Filters): [number, number] | null => {
    if (!histogram?.range || (filters.from === null && filters.to === null)) return null;
    const last = months() - 1;
    const clamp = (i: number) => Math.min(last, Math.max(0, i));
    const from = filters.from === null ? 0 : clamp(indexOf(monthSpan(filters.from).first));
    const to = filters.to === null ? last : clamp(indexOf(monthSpan(filters.to).last));
    return [from, to];
  };
  const monthAt = (index: number) => addMonths(axisRange!.from, index);

  // ---- drawing ----
  const drawBars = () => {
    const hist = histogram!;
    bars.replaceChildren();
    years.replaceChildren();
    axis.replaceChildren();
    drawnHistogram = hist;
    drawnWidth = width;
    axisRange = axisOf(hist);
    if (!hist.range || width <= 2 * PAD_X) return;
    const w = monthWidth();
    const gap = w > 4 ? 1 : 0;
    const scale = hist.maxMonth > 0 ? BARS_HEIGHT / hist.maxMonth : 0;
    const bottom = BARS_TOP + BARS_HEIGHT;
    for (const m of hist.months) {
      if (m.total === 0) continue;
      const i = indexOf(m.month);
      const group = svg('g', { class: 'timeline-month', 'data-month': m.month });
      const title = svg('title');
      title.textContent = `${m.month}: ${describe(m.total, m.byRelation)}`;
      group.append(title);
      let y = bottom;
      for (const r of hist.relations) {
        const n = m.byRelation[r] ?? 0;
        if (n === 0) continue;
        const height = n * scale;
        y -= height;
        group.append(
          svg('rect', {
            x: xOf(i) + gap / 2,
            y,
            width: Math.max(w - gap, 0.5),
            height,
            fill: colorOf.get(r) ?? '#888',
          }),
        );
      }
      bars.append(group);
    }
    // A year alone: one hatched band across its twelve months, split by relation type.
    for (const bin of hist.years) {
      const first = indexOf(`${bin.year}-01`);
      const x = xOf(first);
      const bandWidth = 12 * w;
      const group = svg('g', { class: 'timeline-year', 'data-year': bin.year });
      const title = svg('title');
      title.textContent = `${bin.year}, dated by the year alone: ${describe(bin.total, bin.byRelation)}`;
      group.append(title);
      let y = YEAR_TOP;
      for (const r of hist.relations) {
        const n = bin.byRelation[r] ?? 0;
        if (n === 0) continue;
        const height = (n / bin.total) * YEAR_HEIGHT;
        group.append(
          svg('rect', {
            x,
            y,
            width: bandWidth,
            height,
            fill: colorOf.get(r) ?? '#888',
            'fill-opacity': 0.6,
          }),
        );
        y += height;
      }
      group.append(
        svg('rect', {
          x,
          y: YEAR_TOP,
          width: bandWidth,
          height: YEAR_HEIGHT,
          fill: 'url(#timeline-hatch)',
          class: 'timeline-year-outline',
        }),
      );
      if (bandWidth > 90) {
        const text = svg('text', {
          x: x + 4,
          y: YEAR_TOP + YEAR_HEIGHT - 2,
          class: 'timeline-year-text',
        });
        text.textContent = `${bin.year}, year only: ${bin.total}`;
        group.append(text);
      }
      years.append(group);
    }
    // Years on the axis: a tick at each January, a label as often as there is room.
    const yearWidth = 12 * w;
    const every = Math.max(1, Math.ceil(40 / Math.max(yearWidth, 1)));
    for (let i = 0; i < months(); i += 12) {
      const year = Number(monthAt(i).slice(0, 4));
      axis.append(
        svg('line', {
          x1: xOf(i),
          x2: xOf(i),
          y1: AXIS_Y - 10,
          y2: AXIS_Y - 6,
          class: 'timeline-tick',
        }),
      );
      if (year % every !== 0) continue;
      const label = svg('text', { x: xOf(i) + 2, y: AXIS_Y + 2, class: 'timeline-label' });
      label.textContent = String(year);
      axis.append(label);
    }
  };

  const drawBrush = (filters: Filters) => {
    const hist = histogram!;
    const indices = windowIndices(filters);
    const full = hist.range !== null;
    const set = (el: SVGElement, x: number, w: number) => {
      el.setAttribute('x', String(x));
      el.setAttribute('width', String(Math.max(0, w)));
    };
    if (!full || indices === null) {
      brush.setAttribute('class', 'timeline-brush is-empty');
      for (const el of [shadeBefore, shadeAfter, brushBody]) set(el, 0, 0);
      set(handleFrom, 0, 0);
      set(handleTo, 0, 0);
    } else {
      brush.setAttribute('class', 'timeline-brush');
      const [from, to] = indices;
      const x0 = xOf(Math.max(0, from));
      const x1 = xOf(Math.min(months(), to + 1));
      set(shadeBefore, PAD_X, x0 - PAD_X);
      set(shadeAfter, x1, xOf(months()) - x1);
      set(brushBody, x0, x1 - x0);
      set(handleFrom, x0 - 2, 4);
      set(handleTo, x1 - 2, 4);
    }
    const windowSet = filters.from !== null || filters.to !== null;
    const period = windowSet
      ? `${filters.from ?? 'the start'} to ${filters.to ?? 'the end'}`
      : 'All dates';
    const count = windowSet
      ? `${countInWindow(hist, filters).total} of ${plural(hist.total, 'statement')}`
      : plural(hist.total, 'statement');
    const text = `${period}: ${count}`;
    replaceChildren(
      summary,
      h('span', { className: 'timeline-period' }, period),
      ' ',
      h('span', {}, count),
    );
    brush.setAttribute('aria-valuetext', windowSet ? text : 'no window: all dates');
    clear.hidden = !windowSet;
    const n = hist.undated.total;
    undated.textContent =
      n === 0
        ? ''
        : `${n} ${hist.kind === 'event' ? 'without an event date' : 'undated'}${windowSet ? ', outside any window' : ''}`;
    for (const input of kindInputs) input.checked = input.value === filters.dateKind;
  };

  const draw = () => {
    const { filters } = explorer.current.view;
    const hist = histogramFor(filters);
    if (hist !== drawnHistogram || width !== drawnWidth) drawBars();
    drawBrush(filters);
  };

  // ---- changing the window ----
  const setFilters = (patch: Partial<Filters>, origin: Origin) => {
    const filters = explorer.current.view.filters;
    if (Object.entries(patch).every(([k, v]) => filters[k as keyof Filters] === v)) {
      // Nothing new; a gesture that made transient changes still needs its closing commit.
      if (origin !== 'user') return;
    }
    explorer.setFilters({ ...filters, ...patch }, origin);
  };
  const windowPatch = (from: number, to: number): Partial<Filters> => ({
    from: monthAt(Math.min(from, to)),
    to: monthAt(Math.max(from, to)),
  });

  // Dragging: the brush follows the pointer at once; the filters at most once a frame
  // (transient), and letting go commits the gesture (one history entry).
  let drag: Drag | null = null;
  let pending: Partial<Filters> | null = null;
  let frame: number | undefined;
  let moved = false;
  const flush = () => {
    frame = undefined;
    if (pending) setFilters(pending, 'transient');
    pending = null;
  };
  const dragTo = (index: number) => {
    if (!drag) return;
    const last = months() - 1;
    let from: number;
    let to: number;
    if (drag.mode === 'new') [from, to] = [drag.anchor, index];
    else if (drag.mode === 'move') {
      const length = drag.to - drag.from;
      from = Math.min(Math.max(0, drag.from + index - drag.grab), last - length);
      to = from + length;
    } else if (drag.mode === 'from') [from, to] = [index, drag.to];
    else [from, to] = [drag.from, index];
    const patch = windowPatch(from, to);
    const shown = explorer.current.view.filters;
    if (pending !== null && pending.from === patch.from && pending.to === patch.to) return;
    if (!pending && shown.from === patch.from && shown.to === patch.to) return;
    moved = true;
    pending = patch;
    // The brush moves under the pointer at once; the network follows within the frame.
    drawBrush({ ...shown, ...patch });
    frame ??= requestAnimationFrame(flush);
  };
  const pointX = (event: PointerEvent) => event.clientX - chart.getBoundingClientRect().left;
  chart.addEventListener('pointerdown', (event) => {
    if (!histogram?.range || event.button !== 0) return;
    stop(false);
    const x = pointX(event);
    const index = indexAt(x);
    const indices = windowIndices(explorer.current.view.filters);
    if (indices) {
      const [from, to] = indices;
      const x0 = xOf(from);
      const x1 = xOf(to + 1);
      if (Math.abs(x - x0) <= EDGE_GRAB) drag = { mode: 'from', from, to };
      else if (Math.abs(x - x1) <= EDGE_GRAB) drag = { mode: 'to', from, to };
      else if (x > x0 && x < x1) drag = { mode: 'move', grab: index, from, to };
    }
    drag ??= { mode: 'new', anchor: index };
    moved = false;
    chart.setPointerCapture(event.pointerId);
    if (drag.mode === 'new') dragTo(index);
    event.preventDefault();
  });
  chart.addEventListener('pointermove', (event) => {
    if (drag) dragTo(indexAt(pointX(event)));
  });
  const endDrag = () => {
    if (!drag) return;
    drag = null;
    if (frame !== undefined) cancelAnimationFrame(frame);
    frame = undefined;
    const patch = pending;
    pending = null;
    if (patch) setFilters(patch, 'user');
    else if (moved) setFilters({}, 'user');
  };
  chart.addEventListener('pointerup', endDrag);
  chart.addEventListener('pointercancel', endDrag);
  chart.addEventListener('lostpointercapture', endDrag);

  // Keys on the brush: arrows move the window a month, with Shift they move its end; Delete
  // clears it. Each key press is one change.
  brush.addEventListener('keydown', (event: Event) => {
    const e = event as KeyboardEvent;
    if (!histogram?.range) return;
    const indices = windowIndices(explorer.current.view.filters);
    if (e.key === 'Delete' || e.key === 'Backspace') {
      setFilters({ from: null, to: null }, 'user');
    } else if (e.key === 'ArrowLeft' || e.key === 'ArrowRight') {
      const by = e.key === 'ArrowLeft' ? -1 : 1;
      const [from, to] = indices ?? defaultWindow();
      const last = months() - 1;
      if (e.shiftKey)
        setFilters(windowPatch(from, Math.min(last, Math.max(from, to + by))), 'user');
      else if (from + by >= 0 && to + by <= last)
        setFilters(windowPatch(from + by, to + by), 'user');
    } else return;
    stop(false);
    e.preventDefault();
  });
  clear.addEventListener('click', () => {
    stop(false);
    setFilters({ from: null, to: null }, 'user');
  });
  for (const input of kindInputs) {
    input.addEventListener('change', () => {
      if (input.checked) setFilters({ dateKind: input.value as DateKind }, 'user');
    });
  }

  // ---- play ----
  /** The window play starts from when none is set: the first sixth of the range (1-12 months). */
  const defaultWindow = (): [number, number] => {
    const range = histogram!.range!;
    const length = Math.min(
      12,
      Math.max(1, Math.round((monthsFrom(range.from, range.to) + 1) / 6)),
    );
    const first = indexOf(range.from);
    return [first, Math.min(months() - 1, first + length - 1)];
  };
  const currentMonthWindow = (): MonthWindow => {
    const [from, to] = windowIndices(explorer.current.view.filters) ?? defaultWindow();
    return { from: monthAt(from), to: monthAt(to) };
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  let playing = false;
  const showPlaying = () => {
    play.textContent = playing ? 'Pause' : 'Play';
    play.setAttribute('aria-pressed', String(playing));
  };
  /** One step on; false at the end of the range. */
  const advance = (origin: Origin): boolean => {
    const range = histogram?.range;
    if (!range) return false;
    const filters = explorer.current.view.filters;
    const current = currentMonthWindow();
    const windowSet = filters.from !== null || filters.to !== null;
    const next = windowSet ? nextWindow(current, range, 1) : current;
    // Stop once the window's end has reached the last month: the next step would lose it.
    if (!next || (windowSet && current.to >= range.to)) return false;
    setFilters({ from: next.from, to: next.to }, origin);
    return true;
  };
  const tick = () => {
    timer = undefined;
    if (!playing) return;
    if (advance('transient')) timer = setTimeout(tick, SPEEDS[Number(speed.value)]!.ms);
    else stop(true);
  };
  /** Pauses; a play that moved the window closes its gesture (one history entry). */
  function stop(commit = true): void {
    if (!playing) return;
    playing = false;
    clearTimeout(timer);
    timer = undefined;
    showPlaying();
    if (commit) setFilters({}, 'user');
  }
  play.addEventListener('click', () => {
    if (playing) return stop(true);
    if (!histogram?.range) return;
    // At the end, start again from the first months, the window's length kept.
    const filters = explorer.current.view.filters;
    const current = currentMonthWindow();
    if (filters.from !== null && filters.to !== null && current.to >= histogram.range.to) {
      const length = monthsFrom(current.from, current.to);
      setFilters(
        { from: histogram.range.from, to: addMonths(histogram.range.from, length) },
        'transient',
      );
    } else if (filters.from === null && filters.to === null) {
      advance('transient');
    }
    playing = true;
    showPlaying();
    timer = setTimeout(tick, SPEEDS[Number(speed.value)]!.ms);
  });
  step.addEventListener('click', () => {
    stop(true);
    advance('user');
  });

  // ---- size and changes ----
  const resize = new ResizeObserver(() => {
    const next = chart.getBoundingClientRect().width;
    if (Math.abs(next - width) < 0.5) return;
    width = next;
    chart.setAttribute('viewBox', `0 0 ${width} ${CHART_HEIGHT}`);
    draw();
  });
  resize.observe(chart);
  width = chart.getBoundingClientRect().width;
  chart.setAttribute('viewBox', `0 0 ${width} ${CHART_HEIGHT}`);
  draw();
  const unsubscribe = explorer.subscribe((_state, changes, origin) => {
    if (!changes.has('filters')) return;
    // A rebuild (the annotation workbench): the statements' months are counted again.
    if (changes.has('data')) histogram = undefined;
    // Back or forward while playing: history wins.
    if (origin === 'history') stop(false);
    draw();
  });
  return () => {
    stop(false);
    unsubscribe();
    resize.disconnect();
    replaceChildren(container);
  };

  function describe(total: number, byRelation: Record<string, number>): string {
    const parts = Object.entries(byRelation)
      .filter(([, n]) => n > 0)
      .map(([r, n]) => `${labelOf.get(r) ?? r} ${n}`);
    return `${plural(total, 'statement')} (${parts.join(', ')})`;
  }
}
