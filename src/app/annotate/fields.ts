import { h } from '../dom.ts';

/** A form field: its label, the control, a hint under it, and where its error is said. */
export function fieldRow(
  label: string,
  control: HTMLElement,
  error: HTMLElement,
  hint?: string,
): HTMLElement {
  return h(
    'div',
    { className: 'field' },
    h('label', { for: control.id }, label),
    control,
    hint ? h('p', { className: 'hint' }, hint) : null,
    error,
  );
}
