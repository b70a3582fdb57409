/**
 * The learned reader of suggesting (npm run suggest, npm run eval:suggest, the workbench): the
 * project's model (DEFAULT_MODEL, written by npm run train:suggest), one given with --model FILE
 * (written by npm run train:suggest -- --out FILE), or none with --rules-only. Read from disk
 * when first needed, never at import: a broken model file stops suggesting with a clear error,
 * not the command that writes it again.
 */
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readModel, type LearnedModel } from '../core/suggest/learned.ts';
import { UsageError } from './cli.ts';
import { MAX_YAML_BYTES, nodeFs, readRegularFile, strictUtf8Text } from './readData.ts';

/** The project's model. */
export const DEFAULT_MODEL = fileURLToPath(
  new URL('../core/suggest/learned-model.json', import.meta.url),
);

/** A model file read and checked; an Error naming the file and what to do if it cannot be used. */
export async function readModelFile(path: string): Promise<LearnedModel> {
  const write = writeCommand(path);
  const read = await readRegularFile(nodeFs, path, MAX_YAML_BYTES);
  if (read.kind === 'missing')
    throw new Error(`the model ${path} does not exist; write it with ${write}`);
  if (read.kind !== 'ok') throw new Error(`${path}: ${read.message}`);
  const text = strictUtf8Text(read.bytes);
  if (text === undefined) throw new Error(`${path}: the file is not UTF-8 text`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(`${path}: not JSON (${(error as Error).message}); write it with ${write}`, {
      cause: error,
    });
  }
  return readModel(json, path, write);
}

/**
 * The command that writes the model at `path`: the project's where it is, another with --out
 * (the path quoted for a shell).
 */
export const writeCommand = (path: string): string =>
  `npm run train:suggest${resolve(path) === DEFAULT_MODEL ? '' : ` -- --out ${shellWord(path)}`}`;

/** A path as one word of a shell command: as it is when plain, else in single quotes. */
const shellWord = (path: string): string =>
  /^[\w./@%+=:,-]+$/.test(path) ? path : `'${path.replace(/'/g, `'\\''`)}'`;

let builtIn: Promise<LearnedModel> | undefined;

/** The project's model, read once per process (again after a failure). */
export function builtInModel(): Promise<LearnedModel> {
  builtIn ??= readModelFile(DEFAULT_MODEL).catch((error: unknown) => {
    builtIn = undefined;
    throw error;
  });
  return builtIn;
}

/** The model that --model and --rules-only ask for; a clear error if the file cannot be used. */
export async function learnedModelFor(options: {
  model?: string | undefined;
  rulesOnly: boolean;
}): Promise<LearnedModel | null> {
  if (options.rulesOnly && options.model !== undefined)
    throw new UsageError('--model and --rules-only cannot go together');
  if (options.rulesOnly) return null;
  return options.model === undefined ? builtInModel() : readModelFile(options.model);
}

/**
 * A note when the model knows none of the folder's relation types: it will suggest nothing.
 */
export function modelTypesNote(
  model: LearnedModel | null,
  types: readonly string[],
): string | undefined {
  if (!model || model.types.some((t) => types.includes(t))) return undefined;
  return `note: the learned reader knows the relation types ${model.types.join(', ')}, none of this folder's; only the rules suggest\n`;
}
