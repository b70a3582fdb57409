/**
 * The cue lexicon of suggesting (npm run suggest, npm run eval:suggest, the workbench): which
 * file (--cues FILE, else DIR/suggest-cues.yaml when the data folder has one, else the
 * project's graph-data/suggest-cues.yaml) and its text, read as the data files are.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceFile } from '../core/pipeline/load.ts';
import { UsageError } from './cli.ts';
import type { FsProblem } from './fsErrors.ts';
import { MAX_YAML_BYTES, nodeFs, readRegularFile, strictUtf8Text } from './readData.ts';

/** The cue file's name in a data folder. */
export const CUES_FILE = 'suggest-cues.yaml';

/** The project's cue lexicon, used when the data folder has none. */
export const DEFAULT_CUES = fileURLToPath(
  new URL('../../graph-data/suggest-cues.yaml', import.meta.url),
);

/** The cue files to try, in order: the one given, else the data folder's then DEFAULT_CUES. */
export function cuesCandidates(dataDir: string, given: string | undefined): string[] {
  return given === undefined ? [join(dataDir, CUES_FILE), DEFAULT_CUES] : [given];
}

/** The cue file to use: the one given, else the data folder's, else DEFAULT_CUES. */
export function cuesPathFor(dataDir: string, given: string | undefined): string {
  const [first, fallback] = cuesCandidates(dataDir, given);
  return fallback === undefined || existsSync(first!) ? first! : fallback;
}

/** A cue file read: its text, or why not. */
export type CueText =
  | { kind: 'ok'; file: SourceFile }
  | { kind: 'missing' }
  | ({ kind: 'problem' } & FsProblem)
  | { kind: 'not-utf8' };

/** Reads the cue file at `path` as the data files are read (a regular file, UTF-8, bounded). */
export async function readCueText(path: string): Promise<CueText> {
  const outcome = await readRegularFile(nodeFs, path, MAX_YAML_BYTES);
  if (outcome.kind !== 'ok') return outcome;
  const text = strictUtf8Text(outcome.bytes);
  return text === undefined ? { kind: 'not-utf8' } : { kind: 'ok', file: { path, text } };
}

/** The cue file as a SourceFile; a clear error if it cannot be read. */
export async function readCueSource(path: string): Promise<SourceFile> {
  const read = await readCueText(path);
  switch (read.kind) {
    case 'ok':
      return read.file;
    case 'missing':
      throw new Error(
        `the cue lexicon ${path} does not exist; pass --cues FILE, or leave --cues out for the default`,
      );
    case 'problem':
      throw new Error(`${path}: ${read.message}`);
    case 'not-utf8':
      throw new Error(`${path}: the file is not UTF-8 text`);
  }
}

/** The value of --min-score: a number from 0 to 1, else a UsageError naming the option. */
export function parseMinScore(text: string): number {
  const value = Number(text);
  if (!/^(?:0|1|0?\.\d+|1\.0*)$/.test(text) || !(value >= 0 && value <= 1))
    throw new UsageError(`--min-score must be a number from 0 to 1, not "${text}"`);
  return value;
}
