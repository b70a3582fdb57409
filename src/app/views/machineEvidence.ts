import { isLinkableUrl } from '../../core/events/layer.ts';
import type { MachineEvidence } from '../../core/model.ts';
import { count } from '../../core/text/plural.ts';
import { h, plural } from '../dom.ts';

const number = (n: number) => n.toLocaleString('en');
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

/**
 * The machine-coded evidence of a relation (GDELT), apart from the statements and plainly
 * labelled as such: the events by month with their tone and Goldstein score, and a few of
 * their source articles as links (http and https only, opened without a referrer or opener).
 */
export function machineEvidenceSection(machine: MachineEvidence, titleId: string): HTMLElement {
  const months = machine.months.length;
  return h(
    'section',
    { className: 'machine-evidence', 'aria-labelledby': titleId },
    h(
      'h3',
      { id: titleId, className: 'machine-title' },
      h('span', { className: 'badge badge-machine' }, 'Machine-coded'),
      ' Events coded by GDELT',
    ),
    h(
      'p',
      { className: 'hint machine-caveat' },
      'Counted by GDELT’s automatic event coder from news reports, not read by an analyst: there is no quote, codes can be wrong, and the same event is counted in many articles, so these counts are not independent evidence.',
    ),
    h(
      'p',
      { className: 'counts' },
      `${count(machine.events, 'event')} in ${plural(months, 'month')} (${machine.firstMonth === machine.lastMonth ? machine.firstMonth : `${machine.firstMonth} to ${machine.lastMonth}`}) · ${number(machine.mentions)} mentions in ${number(machine.articles)} articles from ${number(machine.sources)} sources · mean Goldstein ${signed(machine.goldstein)} · mean tone ${signed(machine.tone)}`,
    ),
    h(
      'table',
      { className: 'machine-months' },
      h('caption', { className: 'visually-hidden' }, 'GDELT events by month'),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          ['Month', 'Events', 'Mentions', 'Goldstein', 'Tone'].map((t) =>
            h('th', { scope: 'col' }, t),
          ),
        ),
      ),
      h(
        'tbody',
        {},
        machine.months.map((m) =>
          h(
            'tr',
            {},
            h('th', { scope: 'row' }, m.month),
            h('td', {}, number(m.events)),
            h('td', {}, number(m.mentions)),
            h('td', {}, signed(m.goldstein)),
            h('td', {}, signed(m.tone)),
          ),
        ),
      ),
    ),
    machine.urls.some(isLinkableUrl)
      ? h(
          'div',
          { className: 'machine-sources' },
          h('p', { className: 'hint' }, 'Some of the articles GDELT coded them from:'),
          h(
            'ul',
            {},
            machine.urls
              .filter(isLinkableUrl)
              .map((url) =>
                h(
                  'li',
                  {},
                  h('a', { href: url, target: '_blank', rel: 'noopener noreferrer' }, url),
                ),
              ),
          ),
        )
      : null,
  );
}
