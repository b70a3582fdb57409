/** Helpers shared by the legend and the filters. */

/** The set with `value` shown (removed from the hidden set) or hidden (added). */
export const toggle = <T>(set: ReadonlySet<T>, value: T, shown: boolean): Set<T> => {
  const next = new Set(set);
  if (shown) next.delete(value);
  else next.add(value);
  return next;
};

/** Redraws, then puts the keyboard focus back on the control that had it (by id). */
export function keepFocus(redraw: () => void): void {
  const focusedId = document.activeElement?.id;
  redraw();
  if (focusedId) document.getElementById(focusedId)?.focus();
}
