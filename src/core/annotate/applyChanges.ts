import { isSeq, parseDocument } from 'yaml';
import type { Change } from './api.ts';
import { ARTICLE_ID, articleFileOf, KNOWN_PATH } from '../pipeline/ids.ts';
import { dismissSuggestion } from './dismiss.ts';
import { addActor, addRelation, deleteRelation, editRelation, newArticleFiles } from './edits.ts';
import { EditRefused } from './refusal.ts';

export interface AppliedChanges {
  /** The new content of each path written, relative to the data folder. */
  writes: Map<string, string>;
  /** The ids of the articles the changes touched, in the order first touched. */
  articles: string[];
}

/** Which change of the request wrote each item of the lists it touched (undefined: none). */
export interface ChangeTrace {
  /** By article id: for each relation of the final list, the change that added or edited it. */
  relations: Map<string, (number | undefined)[]>;
  /** For each actor of the final actors.yaml, the change that added it. */
  actors: (number | undefined)[];
  /** The change that added each new article, by article id. */
  newArticles: Map<string, number>;
}

/**
 * Applies the changes in order, each to the files as the earlier ones left them. `files` holds
 * the current contents by path relative to the data folder (a .txt may be given as ''); an
 * EditRefused names the change it refuses (`change`).
 */
export function applyChanges(
  files: ReadonlyMap<string, string>,
  changes: readonly Change[],
  options: ApplyOptions = {},
): AppliedChanges {
  const { writes, articles } = applyChangesTraced(files, changes, options);
  return { writes, articles };
}

export interface ApplyOptions {
  /**
   * Article ids taken besides those of `files` (files on disk of other names: <id>.yml,
   * <id>.TXT, another editor's): a new article never gets one of them (compared
   * case-insensitively).
   */
  takenIds?: Iterable<string>;
}

/** applyChanges, and which change wrote what (for checkChanges). */
export function applyChangesTraced(
  files: ReadonlyMap<string, string>,
  changes: readonly Change[],
  options: ApplyOptions = {},
): AppliedChanges & { trace: ChangeTrace } {
  for (const path of files.keys()) {
    if (!KNOWN_PATH.test(path))
      throw new EditRefused(`"${path}" is not a data file the workbench edits`);
  }
  const state = new Session(files, options.takenIds);
  changes.forEach((change, i) => {
    try {
      state.apply(change, i);
    } catch (error) {
      if (error instanceof EditRefused) error.change = i;
      throw error;
    }
  });
  return { writes: state.writes, articles: state.articles, trace: state.trace };
}

class Session {
  readonly writes = new Map<string, string>();
  readonly articles: string[] = [];
  readonly trace: ChangeTrace = { relations: new Map(), actors: [], newArticles: new Map() };
  private readonly current: Map<string, string>;

  /** Whether trace.actors has the file's actors yet (made at the first add-actor). */
  private actorsTraced = false;

  private readonly takenIds: readonly string[];

  constructor(files: ReadonlyMap<string, string>, takenIds: Iterable<string> = []) {
    this.current = new Map(files);
    this.takenIds = [...takenIds];
  }

  apply(change: Change, i: number): void {
    switch (change.kind) {
      case 'add-article':
        return this.addArticle(change.article, i);
      case 'add-actor':
        // Parsing actors.yaml takes some 100 ms at 2,000 actors: only when an actor is added.
        if (!this.actorsTraced) {
          this.trace.actors = new Array<undefined>(
            listLength(this.current.get('actors.yaml'), 'actors'),
          );
          this.actorsTraced = true;
        }
        this.write('actors.yaml', addActor(this.read('actors.yaml'), change.actor));
        this.trace.actors.push(i);
        return;
      case 'add-relation':
        this.editArticle(
          change.article,
          (yaml) => addRelation(yaml, change.relation),
          (o) => o.push(i),
        );
        return;
      case 'edit-relation':
        this.editArticle(
          change.article,
          (yaml) => editRelation(yaml, change.index, change.relation),
          (o) => (o[change.index] = i),
        );
        return;
      case 'delete-relation':
        this.editArticle(
          change.article,
          (yaml) => deleteRelation(yaml, change.index),
          (o) => o.splice(change.index, 1),
        );
        return;
      case 'dismiss-suggestion':
        // The relations stay as they are.
        this.editArticle(
          change.article,
          (yaml) => dismissSuggestion(yaml, change.suggestion),
          () => undefined,
        );
        return;
      default:
        throw new EditRefused(`unknown change "${String((change as { kind: unknown }).kind)}"`);
    }
  }

  private addArticle(article: Parameters<typeof newArticleFiles>[0], i: number): void {
    const ids = new Set([
      ...[...this.current.keys()].flatMap((p) => articleFileOf(p)?.id ?? []),
      ...this.takenIds,
    ]);
    const files = newArticleFiles(article, ids);
    const taken = [...ids].some((id) => id.toLowerCase() === files.id.toLowerCase());
    if (taken) throw new EditRefused(`an article with the id "${files.id}" already exists`);
    this.write(`articles/${files.id}.yaml`, files.yaml);
    this.write(`articles/${files.id}.txt`, files.text);
    this.trace.newArticles.set(files.id, i);
    this.trace.relations.set(files.id, []);
    this.touch(files.id);
  }

  private editArticle(
    id: string,
    edit: (yaml: string) => string,
    track: (origins: (number | undefined)[]) => void,
  ): void {
    const path = `articles/${id}.yaml`;
    if (typeof id !== 'string' || !ARTICLE_ID.test(id) || !this.current.has(path)) {
      throw new EditRefused(
        `the article "${String(id)}" does not exist`,
        undefined,
        'Reload the workbench: the article may have been renamed or removed.',
      );
    }
    const yaml = this.current.get(path)!;
    const next = edit(yaml);
    let origins = this.trace.relations.get(id);
    if (!origins) {
      origins = new Array<undefined>(listLength(yaml, 'relations'));
      this.trace.relations.set(id, origins);
    }
    track(origins);
    this.write(path, next);
    this.touch(id);
  }

  private read(path: string): string {
    const text = this.current.get(path);
    if (text === undefined) throw new EditRefused(`the data folder has no ${path}`);
    return text;
  }

  private write(path: string, text: string): void {
    this.current.set(path, text);
    this.writes.set(path, text);
  }

  private touch(id: string): void {
    if (!this.articles.includes(id)) this.articles.push(id);
  }
}

/** How many items the top-level list `key` of a YAML text has (0 when it has none). */
function listLength(yaml: string | undefined, key: string): number {
  if (yaml === undefined) return 0;
  const list = parseDocument(yaml).get(key, true);
  return isSeq(list) ? list.items.length : 0;
}
