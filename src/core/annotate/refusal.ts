import type { ProblemField } from './api.ts';

/** An edit the workbench will not make, with the form field at fault when there is one. */
export class EditRefused extends Error {
  /** Which change of a request was refused (index in `changes`), set by applyChanges. */
  change?: number;

  constructor(
    message: string,
    readonly field?: ProblemField,
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'EditRefused';
  }
}
