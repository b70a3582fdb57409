import type { FieldProblem } from '../../core/annotate/api.ts';

/**
 * What a save came to, for the form that made it: null once saved and shown; else the
 * problems, and whether the server says that nothing was written (a refusal or a conflict).
 * A failure of another kind (the server unreachable, the build folder not writable) does not
 * say so: the page cannot know, or the data files were saved.
 */
export type SaveResult = {
  problems: FieldProblem[];
  nothingWritten: boolean;
  /** A conflict, already told in the reader with a button to reload the article. */
  toldInReader?: true;
} | null;

/**
 * A problem as the workbench writes it (a refusal's, or why the data folder does not build):
 * its message, then its hint if it has one.
 */
export const problemText = (p: Pick<FieldProblem, 'message' | 'hint'>): string =>
  p.hint ? `${p.message} ${p.hint}` : p.message;

/** The status line of a form after a failed save. */
export const notSavedText = (result: NonNullable<SaveResult>): string =>
  result.nothingWritten ? 'Not saved: nothing was written.' : 'Not saved.';

/**
 * An undo button: "Undo" on the button, what it takes back in its accessible name and its
 * tooltip (a change's description can be long).
 */
export function describeUndo(button: HTMLButtonElement, undo: string | null): void {
  button.textContent = 'Undo';
  button.disabled = undo === null;
  if (undo === null) {
    button.removeAttribute('aria-label');
    button.removeAttribute('title');
  } else {
    button.setAttribute('aria-label', `Undo: ${undo}`);
    button.title = `Undo: ${undo}`;
  }
}
