import type { ArticleSources, DataFiles } from '../pipeline/buildGraph.ts';
import { articleFileOf } from '../pipeline/ids.ts';
import type { SourceFile } from '../pipeline/load.ts';

/**
 * The data with the files of `files` put in, by the API's path relative to the data folder
 * (actors.yaml, relation-types.yaml, articles/<id>.yaml|txt); a path mapped to undefined is a
 * file no longer there. A file keeps its name on disk: the file the data already has for that
 * path keeps its path (articles/<id>.yml, <id>.TXT), as Workbench.onDisk finds it; a new
 * file gets the API's path. The article list stays sorted by id, as readDataDir gives it.
 * `data` is not changed.
 */
export function withFiles(
  data: DataFiles,
  files: ReadonlyMap<string, string | undefined>,
): DataFiles {
  const next: DataFiles = { ...data, articles: [...data.articles] };
  for (const [path, text] of files) {
    const place = (known: SourceFile | undefined): SourceFile | undefined =>
      text === undefined
        ? undefined
        : {
            path: known?.path ?? inFolder(data.root, path),
            text,
          };
    if (path === 'actors.yaml') {
      const file = place(next.actors);
      if (file) next.actors = file;
      else delete next.actors;
      continue;
    }
    if (path === 'relation-types.yaml') {
      const file = place(next.relationTypes);
      if (file) next.relationTypes = file;
      else delete next.relationTypes;
      continue;
    }
    const article = articleFileOf(path);
    if (!article) continue;
    const id = article.id;
    const role = article.kind === 'txt' ? 'text' : 'meta';
    const at = next.articles.findIndex((a) => a.id === id);
    const old: ArticleSources = at >= 0 ? next.articles[at]! : { id };
    const file = place(old[role]);
    const kept = { meta: old.meta, text: old.text, [role]: file };
    const entry: ArticleSources = {
      id,
      ...(kept.meta ? { meta: kept.meta } : {}),
      ...(kept.text ? { text: kept.text } : {}),
    };
    if (at >= 0) {
      if (entry.meta || entry.text) next.articles[at] = entry;
      else next.articles.splice(at, 1);
    } else if (file) {
      const after = next.articles.findIndex((a) => a.id > id);
      next.articles.splice(after < 0 ? next.articles.length : after, 0, entry);
    }
  }
  return next;
}

/**
 * The API's path (actors.yaml, relation-types.yaml, articles/<id>.yaml|txt) of a file of
 * `data` named by its path as the build gives it (issue.file), whatever its name on disk;
 * undefined when `data` has no such file.
 */
export function apiPathOf(data: DataFiles, path: string): string | undefined {
  if (data.actors?.path === path) return 'actors.yaml';
  if (data.relationTypes?.path === path) return 'relation-types.yaml';
  for (const a of data.articles) {
    if (a.meta?.path === path) return `articles/${a.id}.yaml`;
    if (a.text?.path === path) return `articles/${a.id}.txt`;
  }
  return undefined;
}

/** A path relative to the data folder, under the folder as the data names it. */
function inFolder(root: string, path: string): string {
  if (root === '' || root === '.') return path;
  return /[/\\]$/.test(root) ? `${root}${path}` : `${root}/${path}`;
}
