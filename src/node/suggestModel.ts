/**
 * The learned reader of suggesting (npm run suggest, npm run eval:suggest): the project's model
 * (src/core/suggest/learned-model.json, built in), one given with --model FILE (written by
 * npm run train:suggest -- --out FILE), or none with --rules-only.
 */
import { BUILT_IN_MODEL } from '../core/suggest/builtInModel.ts';
import { readModel, type LearnedModel } from '../core/suggest/learned.ts';
import { UsageError } from './cli.ts';
import { MAX_YAML_BYTES, nodeFs, readRegularFile, strictUtf8Text } from './readData.ts';

/** The model that --model and --rules-only ask for; a clear error if the file cannot be used. */
export async function learnedModelFor(options: {
  model?: string | undefined;
  rulesOnly: boolean;
}): Promise<LearnedModel | null> {
  if (options.rulesOnly && options.model !== undefined)
    throw new UsageError('--model and --rules-only cannot go together');
  if (options.rulesOnly) return null;
  if (options.model === undefined) return BUILT_IN_MODEL;
  const path = options.model;
  const read = await readRegularFile(nodeFs, path, MAX_YAML_BYTES);
  if (read.kind === 'missing')
    throw new Error(
      `the model ${path} does not exist; write it with npm run train:suggest -- --out ${path}`,
    );
  if (read.kind !== 'ok') throw new Error(`${path}: ${read.message}`);
  const text = strictUtf8Text(read.bytes);
  if (text === undefined) throw new Error(`${path}: the file is not UTF-8 text`);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new Error(
      `${path}: not JSON (${(error as Error).message}); write it with npm run train:suggest`,
      { cause: error },
    );
  }
  return readModel(json, path);
}
