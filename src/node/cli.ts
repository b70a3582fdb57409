import { parseArgs, type ParseArgsConfig } from 'node:util';
import { escapeForTerminal } from '../core/text/characters.ts';

/** A mistake in how a command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/**
 * Parses command-line options strictly (unknown options are errors) and answers --help.
 */
export function parseCommandLine<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  usage: string,
): ReturnType<
  typeof parseArgs<{ options: T; args: string[]; allowPositionals: false; strict: true }>
>['values'] {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(`${usage}\n`);
    process.exit(0);
  }
  try {
    return parseArgs({ args: argv, options, allowPositionals: false, strict: true }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/**
 * Runs a command's main function, turning errors into messages and exit codes. Messages may
 * echo arguments or data, so control characters are written visibly (escapeForTerminal).
 */
export function runCommand(usage: string, main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      if (error instanceof UsageError) {
        process.stderr.write(`error: ${escapeForTerminal(error.message)}\n\n${usage}\n`);
        process.exitCode = 2;
      } else {
        const message = error instanceof Error ? error.message : String(error);
        process.stderr.write(`error: ${escapeForTerminal(message)}\n`);
        process.exitCode = 1;
      }
    },
  );
}
