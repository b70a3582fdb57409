/**
 * The forms of identifiers and of the paths the data folder's files are named by: one
 * definition for the build, the event layer and the annotation API.
 */

const ARTICLE_ID_FORM = '[A-Za-z0-9][A-Za-z0-9._-]*';

/** An article id, as the build accepts it (its files are articles/<id>.yaml and .txt). */
export const ARTICLE_ID = new RegExp(`^${ARTICLE_ID_FORM}$`);

/** An actor id, the form of actors.schema.json: lower-case words joined by hyphens. */
export const ACTOR_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The files an annotation change may write, by their paths relative to the data folder. */
export const WRITABLE_PATH = new RegExp(
  `^(?:actors\\.yaml|articles/${ARTICLE_ID_FORM}\\.(?:yaml|txt))$`,
);

/** The files a change may read or name a version of: those it may write, and the relation types. */
export const KNOWN_PATH = new RegExp(
  `^(?:actors\\.yaml|relation-types\\.yaml|articles/${ARTICLE_ID_FORM}\\.(?:yaml|txt))$`,
);

/** An article's file by the API's path: articles/<id>.yaml (its annotations) or .txt (its text). */
export function articleFileOf(path: string): { id: string; kind: 'yaml' | 'txt' } | undefined {
  const m = /^articles\/(.+)\.(yaml|txt)$/.exec(path);
  return m ? { id: m[1]!, kind: m[2] as 'yaml' | 'txt' } : undefined;
}
