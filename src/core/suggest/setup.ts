/**
 * What suggesting needs from a data folder, read as the build reads it (the same YAML loader,
 * schemas and registry checks): the relation types, the actors, the cue lexicon, and the
 * articles' texts normalised as the build normalises them (so offsets and quotes agree with
 * the graph's). An article needs only its text: suggesting is for articles not yet annotated.
 *
 * prepareSuggestions does it all at once (the command lines). It is made of stages a caller
 * that keeps them can redo one at a time (the workbench): prepareLexicon (the relation types
 * and the cue file), prepareActors (actors.yaml), then makeSuggester (src/core/suggest/suggest.ts).
 */
import type { Actor, RelationType } from '../model.ts';
import type { DataFiles } from '../pipeline/buildGraph.ts';
import { hasErrors, IssueSink, sortIssues, type BuildIssue } from '../pipeline/issues.ts';
import { parseYaml, type SourceFile } from '../pipeline/load.ts';
import { checkActors, checkRelationTypes, isDirectedIn } from '../pipeline/registry.ts';
import { indexActors, type ActorIndex } from '../pipeline/resolve.ts';
import { checkTextCharacters, normaliseArticleText } from '../pipeline/text.ts';
import { validateAgainstSchema } from '../pipeline/validate.ts';
import { compileLexicon, readCueFile, type Lexicon } from './lexicon.ts';
import type { LearnedModel } from './learned.ts';
import { makeSuggester, type Suggester } from './suggest.ts';

export interface SuggestSetup {
  suggester?: Suggester;
  actors: Actor[];
  /** The actors' names as the build resolves them (for annotatedStatements). */
  index: ActorIndex;
  relationTypes: RelationType[];
  /** Whether a relation type is directed (an unknown one is). */
  directed: (type: string) => boolean;
  issues: BuildIssue[];
}

export function prepareSuggestions(
  files: DataFiles,
  cues: SourceFile,
  learned: LearnedModel | null = null,
): SuggestSetup {
  const sink = new IssueSink();
  const fail = (): SuggestSetup => ({
    actors: [],
    index: indexActors([]),
    relationTypes: [],
    directed: isDirectedIn([]),
    issues: sortIssues(sink.issues),
  });
  if (!files.relationTypes)
    sink.error(`${files.root}/relation-types.yaml`, undefined, 'file not found');
  if (!files.actors) sink.error(`${files.root}/actors.yaml`, undefined, 'file not found');
  const lexicon = files.relationTypes
    ? prepareLexicon(files.relationTypes, cues, sink)
    : (readCueFile(cues, sink), undefined);
  const actors = files.actors && prepareActors(files.actors, sink);
  if (!lexicon || 'failed' in lexicon || !actors || hasErrors(sink.issues)) return fail();
  return {
    suggester: makeSuggester(actors.actors, lexicon.relationTypes, lexicon.lexicon, learned),
    ...actors,
    relationTypes: lexicon.relationTypes,
    directed: lexicon.directed,
    issues: sortIssues(sink.issues),
  };
}

/** The relation types checked and the cue lexicon compiled for them. */
export interface LexiconSetup {
  lexicon: Lexicon;
  relationTypes: RelationType[];
  /** Whether a relation type is directed (an unknown one is). */
  directed: (type: string) => boolean;
}

/**
 * The first stage: relation-types.yaml and the cue file read and checked as the build reads
 * them, and the lexicon compiled (its warnings, such as a CAMEO code no relation type lists, go
 * to `sink` and do not stop it). On errors (in `sink`): `read` when a file does not parse or fit
 * its schema, `check` when the relation types do not pass the registry's checks.
 */
export function prepareLexicon(
  relationTypes: SourceFile,
  cues: SourceFile,
  sink: IssueSink,
): LexiconSetup | { failed: 'read' | 'check' } {
  const cueFile = readCueFile(cues, sink);
  const parsed = parseYaml(relationTypes, sink);
  if (!cueFile || !parsed || !validateAgainstSchema(parsed, 'relation-types', sink)) {
    return { failed: 'read' };
  }
  const types = [...checkRelationTypes(parsed, sink).values()];
  if (hasErrors(sink.issues)) return { failed: 'check' };
  const lexicon = compileLexicon(cueFile, types, {
    warn: (message, hint) => sink.warn(cues.path, undefined, message, hint),
  });
  return { lexicon, relationTypes: types, directed: isDirectedIn(types) };
}

/** The actors and their names indexed: the second stage; undefined on errors (in `sink`). */
export function prepareActors(
  actorsFile: SourceFile,
  sink: IssueSink,
): { actors: Actor[]; index: ActorIndex } | undefined {
  const parsed = parseYaml(actorsFile, sink);
  if (!parsed || !validateAgainstSchema(parsed, 'actors', sink)) return undefined;
  const index = checkActors(parsed, sink);
  if (hasErrors(sink.issues)) return undefined;
  return { actors: (parsed.value as { actors: Actor[] }).actors, index };
}

/**
 * The article's text as the build reads it; undefined when the folder has no such text, or when
 * the build refuses it (a control character such as NUL), with the build's errors in `sink`:
 * nothing is suggested from, scored on or learned from a text the graph would not take.
 */
export function articleText(files: DataFiles, id: string, sink: IssueSink): string | undefined {
  const file = files.articles.find((a) => a.id === id)?.text;
  if (!file || !checkTextCharacters(file, sink)) return undefined;
  return normaliseArticleText(file.text);
}
