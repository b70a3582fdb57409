/**
 * What suggesting needs from a data folder, read as the build reads it (the same YAML loader,
 * schemas and registry checks): the relation types, the actors, the cue lexicon, and the
 * articles' texts normalised as the build normalises them (so offsets and quotes agree with
 * the graph's). An article needs only its text: suggesting is for articles not yet annotated.
 */
import type { Actor, RelationType } from '../model.ts';
import type { DataFiles } from '../pipeline/buildGraph.ts';
import { IssueSink, sortIssues, type BuildIssue } from '../pipeline/issues.ts';
import { parseYaml, type SourceFile } from '../pipeline/load.ts';
import { checkActors, checkRelationTypes } from '../pipeline/registry.ts';
import { normaliseArticleText } from '../pipeline/text.ts';
import { validateAgainstSchema } from '../pipeline/validate.ts';
import { compileLexicon, readCueFile } from './lexicon.ts';
import { makeSuggester, type Suggester } from './suggest.ts';

export interface SuggestSetup {
  suggester?: Suggester;
  actors: Actor[];
  relationTypes: RelationType[];
  issues: BuildIssue[];
}

export function prepareSuggestions(files: DataFiles, cues: SourceFile): SuggestSetup {
  const sink = new IssueSink();
  const fail = (): SuggestSetup => ({
    actors: [],
    relationTypes: [],
    issues: sortIssues(sink.issues),
  });
  if (!files.relationTypes)
    sink.error(`${files.root}/relation-types.yaml`, undefined, 'file not found');
  if (!files.actors) sink.error(`${files.root}/actors.yaml`, undefined, 'file not found');
  const typesParsed = files.relationTypes && parseYaml(files.relationTypes, sink);
  const actorsParsed = files.actors && parseYaml(files.actors, sink);
  const cueFile = readCueFile(cues, sink);
  if (!typesParsed || !actorsParsed || !cueFile) return fail();
  if (!validateAgainstSchema(typesParsed, 'relation-types', sink)) return fail();
  if (!validateAgainstSchema(actorsParsed, 'actors', sink)) return fail();
  const relationTypes = [...checkRelationTypes(typesParsed, sink).values()];
  checkActors(actorsParsed, sink);
  if (sink.issues.some((i) => i.severity === 'error')) return fail();
  const actors = (actorsParsed.value as { actors: Actor[] }).actors;
  const lexicon = compileLexicon(cueFile, relationTypes, {
    warn: (message, hint) => sink.warn(cues.path, undefined, message, hint),
  });
  return {
    suggester: makeSuggester(actors, relationTypes, lexicon),
    actors,
    relationTypes,
    issues: sortIssues(sink.issues),
  };
}

/** The article's text as the build reads it, or undefined when the folder has no such text. */
export function articleText(files: DataFiles, id: string): string | undefined {
  const article = files.articles.find((a) => a.id === id);
  return article?.text ? normaliseArticleText(article.text.text) : undefined;
}
