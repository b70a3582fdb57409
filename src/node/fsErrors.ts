/**
 * File-system errors said in words: what went wrong with which file, and what to do about it.
 * One vocabulary for the data reader (src/node/readData.ts), the writers
 * (src/node/writeOutput.ts) and the scripts, so that no message ever shows a bare EISDIR.
 */

/** What was being done to the file when it failed. */
export type FsAction = 'read' | 'write' | 'remove' | 'create';

/**
 * The file and what was being done to it. `file` is the file the user knows (graph.json, not
 * its temporary file). A read may leave it out when the report names the file beside the
 * message (a build issue's `file`): the message then speaks of "it".
 */
export type FsErrorContext =
  { action: FsAction; file: string } | { action: 'read'; file?: undefined };

/** A failure said for the user: what is wrong, and what to do about it (a sentence). */
export interface FsProblem {
  message: string;
  hint: string;
}

/** The error's code (ENOENT, EACCES…), if it has one. */
export const errorCode = (error: unknown): string | undefined =>
  (error as NodeJS.ErrnoException | null | undefined)?.code;

/** Says in words why a file operation failed, and what to do about it. */
export function describeFsError(error: unknown, context: FsErrorContext): FsProblem {
  return context.file === undefined
    ? describeReadOfIt(error)
    : describeForFile(error, context.action, context.file);
}

/** The same, as one line: the message, then the hint (for a thrown error or a warning). */
export function fsErrorLine(error: unknown, context: FsErrorContext): string {
  const { message, hint } = describeFsError(error, context);
  return `${message}. ${hint}`;
}

/** A file the report names already could not be read (the data reader's files). */
function describeReadOfIt(error: unknown): FsProblem {
  const code = errorCode(error);
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return {
        message: 'permission denied: the build may not read it',
        hint: 'Make it readable for the user running the build (chmod a+r), or move it out of the folder.',
      };
    case 'ELOOP':
      return {
        message: 'a loop of symbolic links: it points, through other links, back to itself',
        hint: 'Replace the link with the file it is meant to point to, or remove it.',
      };
    case 'EISDIR':
      return {
        message: 'a folder, not a file',
        hint: 'Move the folder out of the way: only files are read here.',
      };
    case 'ENOTDIR':
      return {
        message: 'a part of its path is a file, not a folder',
        hint: 'Check the path: each part before the last must be a folder.',
      };
    case 'ENOENT':
      return {
        message: 'does not exist (a symbolic link to nothing?)',
        hint: 'Restore the file it points to, or remove the link.',
      };
    case 'ENAMETOOLONG':
      return { message: 'its name is too long', hint: 'Give it a shorter name.' };
    case 'EMFILE':
    case 'ENFILE':
      return {
        message: 'too many files are open',
        hint: 'Close other programs or raise the open-file limit (ulimit -n), then build again.',
      };
    case 'ENXIO':
    case 'ENODEV':
      return {
        message: 'a socket or a device without a driver, not a regular file',
        hint: 'Replace it with the file itself; only regular files are read.',
      };
    case 'EIO':
      return {
        message: 'an input/output error while reading it',
        hint: 'The disk or network drive may be failing: copy the data elsewhere and build again.',
      };
    default: {
      const detail = error instanceof Error ? error.message : String(error);
      return {
        message: `cannot be read (${code ?? 'error'}: ${detail})`,
        hint: 'Check that the file exists, is a plain file and is readable.',
      };
    }
  }
}

/** A failure to read, write, remove or create `file`, naming it. */
function describeForFile(error: unknown, action: FsAction, file: string): FsProblem {
  const code = errorCode(error);
  const problem = (message: string, hint: string): FsProblem => ({ message, hint });
  if (action === 'read') {
    if (code === 'EISDIR')
      return problem(`${file} is a folder, not a file`, 'Name the file to read.');
    if (code === 'EACCES' || code === 'EPERM') {
      return problem(
        `cannot read ${file}: permission denied`,
        'Make it readable for you (check its owner and mode).',
      );
    }
  }
  if (action === 'create' && code === 'EEXIST') {
    return problem(
      `${file} is a file, not a folder`,
      'Move it away, or write elsewhere with --out.',
    );
  }
  const cannot = `cannot ${action === 'create' ? 'create the folder' : action} ${file}`;
  switch (code) {
    case 'EISDIR':
      return problem(
        `${file} is a folder, where the file should be`,
        'Move that folder away (or write elsewhere with --out) and run again.',
      );
    case 'ENOTDIR':
      return problem(
        `${cannot}: part of its path is a file, not a folder`,
        'Move that file away, or write elsewhere with --out.',
      );
    case 'ENOENT':
      return problem(
        `${cannot}: its folder does not exist (was it removed meanwhile?)`,
        'Run again.',
      );
    case 'ENOSPC':
      return problem(`${cannot}: the disk is full`, 'Free some space and run again.');
    case 'EDQUOT':
      return problem(
        `${cannot}: your disk quota is used up`,
        'Free some space (or have the quota raised) and run again.',
      );
    case 'EROFS':
      return problem(
        `${cannot}: it is on a read-only file system`,
        'Write elsewhere with --out, or make that disk writable.',
      );
    case 'EACCES':
    case 'EPERM':
      return problem(
        `${cannot}: permission denied`,
        'Make its folder writable for you (check its owner and mode), or write elsewhere with --out.',
      );
    case 'EEXIST':
      return problem(
        `${cannot}: something else already has its name`,
        'Move it away and run again.',
      );
    case 'EMFILE':
    case 'ENFILE':
      return problem(
        `${cannot}: too many files are open`,
        'Close other programs (or raise the limit, ulimit -n) and run again.',
      );
    case 'EIO':
      return problem(
        `${cannot}: the disk reported an input/output error`,
        'Check the disk, or write elsewhere with --out.',
      );
    case 'ENAMETOOLONG':
      return problem(`${cannot}: the path is too long`, 'Write to a shorter path with --out.');
    default: {
      const why = code ?? (error instanceof Error ? error.message : String(error));
      return problem(`${cannot} (${why})`, 'Check the folder and the disk, and run again.');
    }
  }
}
