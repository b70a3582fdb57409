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
 * What a command says to the user, line by line, with control characters shown visibly: any
 * line may echo a name, a path or an argument, and a crafted one must not drive the terminal.
 * Use these rather than process.stdout.write / process.stderr.write for messages.
 */
export const say = (text: string): void => void process.stdout.write(escapeLines(text));
export const complain = (text: string): void => void process.stderr.write(escapeLines(text));

const escapeLines = (text: string): string => text.split('\n').map(escapeForTerminal).join('\n');

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
        complain(`error: ${error.message}\n\n${usage}\n`);
        process.exitCode = 2;
      } else {
        const message = error instanceof Error ? error.message : String(error);
        complain(`error: ${message}\n`);
        process.exitCode = 1;
      }
    },
  );
}
