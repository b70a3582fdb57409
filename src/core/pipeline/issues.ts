import { escapeForTerminal } from '../text/characters.ts';

/** A problem found in the data, located as precisely as the data allows. */
export interface BuildIssue {
  severity: 'error' | 'warning';
  /** Path of the file as the user named it (relative to where the build runs). */
  file: string;
  /** 1-based line and column, when the problem sits at a place in the file. */
  line?: number;
  column?: number;
  message: string;
  /** What to do about it. */
  hint?: string;
}

export interface Position {
  line: number;
  column: number;
}

/**
 * `file:line:col: severity: message` and the hint on a line of its own. Messages quote names and
 * text from the data, so control characters (an escape sequence in a crafted name) and bidi
 * controls are written visibly (`\u001b`) instead of reaching the terminal.
 */
export function formatIssue(issue: BuildIssue): string {
  const file = escapeForTerminal(issue.file);
  const where =
    issue.line === undefined
      ? file
      : `${file}:${issue.line}${issue.column === undefined ? '' : `:${issue.column}`}`;
  const hint = issue.hint ? `\n    ${escapeForTerminal(issue.hint)}` : '';
  return `${where}: ${issue.severity}: ${escapeForTerminal(issue.message)}${hint}`;
}

export function sortIssues(issues: readonly BuildIssue[]): BuildIssue[] {
  return [...issues].sort(
    (a, b) =>
      a.file.localeCompare(b.file) ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.column ?? 0) - (b.column ?? 0),
  );
}

export const hasErrors = (issues: readonly BuildIssue[]): boolean =>
  issues.some((issue) => issue.severity === 'error');

/** Collects issues for one file, attaching the file name and a position. */
export class IssueSink {
  readonly issues: BuildIssue[] = [];

  error(file: string, at: Position | undefined, message: string, hint?: string): void {
    this.push('error', file, at, message, hint);
  }

  warn(file: string, at: Position | undefined, message: string, hint?: string): void {
    this.push('warning', file, at, message, hint);
  }

  private push(
    severity: BuildIssue['severity'],
    file: string,
    at: Position | undefined,
    message: string,
    hint: string | undefined,
  ): void {
    this.issues.push({
      severity,
      file,
      ...(at ? { line: at.line, column: at.column } : {}),
      message,
      ...(hint ? { hint } : {}),
    });
  }
}
