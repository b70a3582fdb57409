/**
 * The cue lexicon of the suggestion command lines (npm run suggest, npm run eval:suggest): which
 * file (--cues FILE, else DIR/suggest-cues.yaml when the data folder has one, else the
 * project's graph-data/suggest-cues.yaml) and its text, read as the data files are.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../core/pipeline/load.ts';
import { MAX_YAML_BYTES, nodeFs, readRegularFile } from './readData.ts';

/** The project's cue lexicon, used when the data folder has none. */
export const DEFAULT_CUES = fileURLToPath(
  new URL('../../graph-data/suggest-cues.yaml', import.meta.url),
);

/** The cue file to use: the one given, else the data folder's, else DEFAULT_CUES. */
export function cuesPathFor(dataDir: string, given: string | undefined): string {
  if (given !== undefined) return given;
  const own = join(dataDir, 'suggest-cues.yaml');
  return existsSync(own) ? own : DEFAULT_CUES;
}

/** The cue file as a SourceFile; a clear error if it cannot be read. */
export async function readCueSource(path: string): Promise<SourceFile> {
  const outcome = await readRegularFile(nodeFs, path, MAX_YAML_BYTES);
  if (outcome.kind === 'missing') {
    throw new Error(
      `the cue lexicon ${path} does not exist; pass --cues FILE, or leave --cues out for the default`,
    );
  }
  if (outcome.kind === 'problem') throw new Error(`${path}: ${outcome.message}`);
  try {
    return { path, text: new TextDecoder('utf-8', { fatal: true }).decode(outcome.bytes) };
  } catch {
    throw new Error(`${path}: the file is not UTF-8 text`);
  }
}
