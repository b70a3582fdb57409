/**
 * The annotation workbench's server-side state for one data folder: the files as read (kept in
 * memory), the version of each (sha-256 of its text's UTF-8 bytes), and the graph the build
 * makes of them. A change is checked by building the data with its writes in place (the build
 * itself: its errors refuse the change, its graph becomes the next one, laid out from the
 * current positions), then written through temporary files renamed into place; only the
 * written files change in memory (the folder is not read again). A request of dismissed
 * suggestions only is checked against the article schema and leaves the graph as it is (the
 * build reads nothing else of them). Suggestions are made by suggestions.ts. The build's output
 * (graph.json and its texts) is written as `npm run build:graph` writes it, so that a reload
 * or a later build shows the same graph; the answer to a change or an undo carries what
 * changed in the graph since the request came (core/annotate/graphDiff.ts), which the page
 * applies instead of fetching graph.json again. Files the changes name, and those the page
 * gives a version of, are read from disk before every change: one that changed there is not
 * overwritten (409), and is taken into memory so that the page can reload it. When the page asks
 * for the state (look), the folder is looked at: its listing and each file's size, times and
 * inode against those last seen (a few tens of milliseconds at 1,250 articles); files whose
 * look changed are read and compared with memory, and when any text differs, or files came or
 * went, the folder is read again and built (articles another program added, a git pull). A
 * build with errors keeps the last good graph and says which files are at fault (problems).
 *
 * The YAML files stay the data: nothing here is a second source of truth, only a copy of what
 * was last read or written, checked against the disk before every write.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs/promises';
import { basename, dirname, join, normalize, resolve, sep } from 'node:path';
import type {
  ApiFailure,
  ArticleView,
  Change,
  ChangeRequest,
  ChangeResult,
  FieldProblem,
  ProblemField,
  SuggestionsView,
  WorkbenchState,
} from '../../core/annotate/api.ts';
import { applyChanges } from '../../core/annotate/applyChanges.ts';
import { articleView, workbenchSummary } from '../../core/annotate/articleView.ts';
import { checkChanges, filesOf, relativePath } from '../../core/annotate/checkChanges.ts';
import { apiPathOf, withFiles } from '../../core/annotate/dataFiles.ts';
import { checkDismissals, type KnownIds } from '../../core/annotate/checkDismissals.ts';
import { EditRefused } from '../../core/annotate/edits.ts';
import { graphDiff, type VersionedGraphDiff } from '../../core/annotate/graphDiff.ts';
import type { ActorGraph } from '../../core/graph/actorGraph.ts';
import { buildGraph, type DataFiles } from '../../core/pipeline/buildGraph.ts';
import { createBuildCache, type BuildCache } from '../../core/pipeline/cache.ts';
import { formatIssue, hasErrors, IssueSink, type BuildIssue } from '../../core/pipeline/issues.ts';
import { parseYaml, type SourceFile } from '../../core/pipeline/load.ts';
import type { LayoutOptions } from '../../core/pipeline/layout.ts';
import { validateAgainstSchema } from '../../core/pipeline/validate.ts';
import { EVENTS_FOLDER, LAYER_FILE } from '../../core/events/layer.ts';
import { errorCode, fsErrorLine } from '../fsErrors.ts';
import {
  articleIdOfFileName,
  formatSize,
  isArticleFileName,
  maxBytesOf,
  nodeFs,
  readDataDir,
  readRegularFile,
  strictUtf8Text,
} from '../readData.ts';
import {
  GRAPH_FILE,
  serialiseGraphOutput,
  writeFilesAtomically,
  writeSerialisedOutput,
} from '../writeOutput.ts';
import { Suggestions } from './suggestions.ts';
import { isDuplicateRelation } from '../../core/pipeline/evidence.ts';
import { ARTICLE_ID, articleFileOf, KNOWN_PATH, WRITABLE_PATH } from '../../core/pipeline/ids.ts';
import { plural } from '../../core/text/plural.ts';

// Paths here are the API's (WRITABLE_PATH, KNOWN_PATH): articles/<id>.yaml for an article's
// annotations even when the file is <id>.yml (the file keeps its name on disk, see onDisk).

/** How many changes undo can take back. */
const UNDO_DEPTH = 20;

/** How many of the data's build errors the state names (the rest are counted). */
const MAX_PROBLEMS = 20;

/** A folder's look (the articles folder's): its files are looked at one by one. */
const FOLDER = 'folder';

/** The version of a file's text: sha-256 (hex) of its UTF-8 bytes. */
export const versionOf = (text: string): string =>
  createHash('sha256').update(text, 'utf8').digest('hex');

/** What an API call answers: the HTTP status and its JSON body. */
export interface Outcome<T = Omit<ChangeResult, 'graphDiff'>> {
  status: number;
  body: T | ApiFailure;
  /**
   * A change's or an undo's ChangeResult.graphDiff, as JSON text: serialised once (diffSince
   * weighs it against graph.json), and sent as is.
   */
  graphDiffJson?: string;
}

export interface WorkbenchOptions {
  /** The data folder, as the user named it (shown in the page). */
  dataDir: string;
  /** Where the build's output goes (default <dataDir>/build, as npm run build:graph). */
  buildDir?: string;
  /** How many changes undo keeps (default UNDO_DEPTH). */
  undoDepth?: number;
  /**
   * The layout of the graph at start: 'previous' (default) takes the positions of the build's
   * graph.json when there is one (the build `npm start` has just made: the same network), and
   * runs the full layout otherwise; 'full' always runs it.
   */
  startLayout?: 'previous' | 'full';
  /** Layout options of a full layout (iterations, seed). */
  layout?: Omit<LayoutOptions, 'previous'>;
  /**
   * The cue lexicon of the suggestions (default: <dataDir>/suggest-cues.yaml when there is
   * one, else the project's graph-data/suggest-cues.yaml, as npm run suggest).
   */
  cues?: string;
}

/** The workbench could not start: the data folder does not build. */
export class WorkbenchStartError extends Error {
  constructor(
    message: string,
    readonly issues: readonly BuildIssue[],
  ) {
    super(message);
    this.name = 'WorkbenchStartError';
  }
}

/** A refusal or conflict found while handling a request: answered as is. */
class Refusal extends Error {
  constructor(
    readonly status: number,
    readonly failure: ApiFailure,
  ) {
    super(failure.message);
  }
}

/** The current build, serialised once (serialiseGraphOutput) for the API and the build folder. */
interface Build {
  graph: ActorGraph;
  graphJson: string;
  textsName: string;
  textsJson: string;
}

/** Everything the GET routes read, replaced as a whole so that they never see half a change. */
interface Snapshot {
  data: DataFiles;
  /** Version of every file read, by path relative to the data folder. */
  versions: ReadonlyMap<string, string>;
  build: Build;
  graphVersion: number;
  /**
   * Why the data in memory (taken from disk) does not build, by file and line; empty when the
   * graph is the data's own. While there are any, `build` is the last graph that built.
   */
  problems: readonly FieldProblem[];
  /**
   * The errors of the last read of the folder (readDataDir's: a file not valid UTF-8, a link
   * outside the folder, both a.yaml and a.yml), which no build finds: they stand, in
   * `problems`, until a look reads the folder without them. While they stand nothing is
   * saved or undone (the text in memory of a file not UTF-8 is not its bytes).
   */
  readIssues: readonly BuildIssue[];
}

/**
 * What a look at the data folder sees of each file the build reads: size, times and inode, by
 * the file's path as the data names it (`<dataDir>/articles/<name>`); a file that cannot be
 * looked at has its error code instead.
 */
type Looks = ReadonlyMap<string, string>;

/** What a look at the data folder (Workbench.look) found. */
export interface LookResult {
  /** The folder as memory has it: nothing was read again. */
  unchanged: boolean;
  /** The state after the look. */
  state: WorkbenchState;
  /**
   * When the graph changed: what changed, from the version the look found (StateAnswer's
   * graphDiff), as JSON text: serialised once, and sent as is.
   */
  graphDiffJson?: string;
}

/** One file a change wrote: what it held before (undefined: the change created it). */
interface Written {
  path: string;
  before: string | undefined;
  after: string;
  afterVersion: string;
}

interface UndoEntry {
  description: string;
  files: Written[];
  /** The articles the change touched, the first one shown after an undo. */
  articles: string[];
  /** Only dismissals: the graph did not change, nor does it when they are undone. */
  graphUnchanged: boolean;
}

export class Workbench {
  readonly dataDir: string;
  readonly buildDir: string;
  private readonly root: string;
  private readonly undoDepth: number;
  private snapshot: Snapshot;
  private readonly undoStack: UndoEntry[] = [];
  /** Texts files of recent builds, which a page that loaded an older graph.json may still ask for. */
  private readonly recentTexts = new Map<string, string>();
  private queue: Promise<unknown> = Promise.resolve();
  private readonly suggester: Suggestions;
  /** The build's steps on each file, kept while the file is the same: every build takes it. */
  private readonly buildCache: BuildCache;
  /**
   * What the last look saw of the files (looksOf), each taken before the file was read: a file
   * changed after that differs at the next look.
   */
  private seen: Looks;

  private constructor(
    options: WorkbenchOptions,
    snapshot: Snapshot,
    buildCache: BuildCache,
    seen: Looks,
  ) {
    this.buildCache = buildCache;
    this.seen = seen;
    this.dataDir = options.dataDir;
    this.suggester = new Suggestions(options.dataDir, options.cues);
    this.root = resolve(options.dataDir);
    this.buildDir = options.buildDir ?? join(options.dataDir, 'build');
    this.undoDepth = Math.max(1, options.undoDepth ?? UNDO_DEPTH);
    this.snapshot = snapshot;
    this.rememberTexts(snapshot.build);
  }

  /**
   * Reads the data folder and builds its graph (nothing is written). Throws WorkbenchStartError
   * when the folder does not build, with the build's issues.
   */
  static async open(options: WorkbenchOptions): Promise<Workbench> {
    // As readDataDir's paths have it (join normalises), so that paths relative to it match.
    const dataDir = normalize(options.dataDir).replace(/(.)[/\\]+$/, '$1');
    // Looked at before the read: a file changed meanwhile is read again at the first look.
    const seen = await looksOf(dataDir);
    const read = await readDataDir(dataDir);
    const buildDir = options.buildDir ?? join(dataDir, 'build');
    const previous =
      options.startLayout === 'full' ? undefined : await readPositions(join(buildDir, GRAPH_FILE));
    const buildCache = createBuildCache();
    const result = buildGraph(read.files, {
      layout: previous ? { ...options.layout, previous } : { ...options.layout },
      cache: buildCache,
    });
    const issues = [...read.issues, ...result.issues];
    if (hasErrors(issues) || !result.graph || !result.texts) {
      const errors = issues.filter((i) => i.severity === 'error');
      throw new WorkbenchStartError(
        `${dataDir} does not build (${plural(errors.length, 'error')}):\n${errors
          .slice(0, 20)
          .map((i) => formatIssue(i))
          .join('\n')}`,
        issues,
      );
    }
    const snapshot: Snapshot = {
      data: read.files,
      versions: versionsOf(read.files),
      build: serialise(result.graph, result.texts),
      graphVersion: 1,
      problems: [],
      readIssues: [],
    };
    const workbench = new Workbench({ ...options, dataDir, buildDir }, snapshot, buildCache, seen);
    workbench.summary(snapshot.data); // the first state at once
    return workbench;
  }

  /**
   * The articles, actors and relation types of the data (workbenchSummary), each article's
   * summary kept while its YAML text is the same: at 10k relations, summarising every article
   * again on every save takes most of a second.
   */
  private summary(data: DataFiles): ReturnType<typeof workbenchSummary> {
    const cache = this.summaries;
    const changed = data.articles.filter(
      (a) => a.meta && cache.articles.get(a.id)?.text !== a.meta.text,
    );
    const registries =
      data.actors?.text !== cache.actors || data.relationTypes?.text !== cache.relationTypes;
    if (changed.length > 0 || registries || !cache.registries) {
      const fresh = registries || !cache.registries;
      const part = workbenchSummary({
        root: data.root,
        articles: changed,
        ...(fresh && data.actors ? { actors: data.actors } : {}),
        ...(fresh && data.relationTypes ? { relationTypes: data.relationTypes } : {}),
      });
      const byId = new Map(part.articles.map((a) => [a.id, a]));
      for (const article of changed) {
        const summary = byId.get(article.id);
        if (summary) cache.articles.set(article.id, { text: article.meta!.text, summary });
      }
      if (fresh) {
        cache.registries = { actors: part.actors, relationTypes: part.relationTypes };
        cache.actors = data.actors?.text;
        cache.relationTypes = data.relationTypes?.text;
      }
    }
    const present = new Set(data.articles.filter((a) => a.meta).map((a) => a.id));
    for (const id of cache.articles.keys()) if (!present.has(id)) cache.articles.delete(id);
    const articles = [...present].sort().flatMap((id) => {
      const entry = cache.articles.get(id);
      return entry ? [entry.summary] : [];
    });
    return { articles, ...cache.registries! };
  }

  private readonly summaries: {
    articles: Map<string, { text: string; summary: WorkbenchState['articles'][number] }>;
    actors?: string;
    relationTypes?: string;
    registries?: Pick<WorkbenchState, 'actors' | 'relationTypes'>;
  } = { articles: new Map() };

  /**
   * The actor and relation type ids a dismissal is checked against, from the summary's
   * registries (read once per text of actors.yaml and relation-types.yaml, not per click);
   * undefined when the request dismisses nothing or the registries could not be read.
   */
  private knownIds(data: DataFiles, changes: readonly Change[]): KnownIds | undefined {
    if (!changes.some((c) => c.kind === 'dismiss-suggestion')) return undefined;
    const { actors, relationTypes } = this.summary(data);
    if (actors.length === 0 || relationTypes.length === 0) return undefined;
    return {
      actors: new Set(actors.map((a) => a.id)),
      types: new Set(relationTypes.map((t) => t.id)),
    };
  }

  /** What the page shows in its forms: articles, actors, relation types, versions. */
  state(): WorkbenchState {
    const { data, versions, graphVersion, problems } = this.snapshot;
    const summary = this.summary(data);
    return {
      dataDir: this.dataDir,
      ...summary,
      versions: Object.fromEntries(versions),
      graphVersion,
      undo: this.undoStack.at(-1)?.description ?? null,
      problems: [...problems],
    };
  }

  /** One article as the page edits it, or undefined for an unknown id. */
  article(id: string): ArticleView | undefined {
    if (!ARTICLE_ID.test(id)) return undefined;
    const { data, versions } = this.snapshot;
    if (!data.articles.some((a) => a.id === id && a.meta)) return undefined;
    const view = articleView(data, id, versions.get(`articles/${id}.yaml`) ?? '');
    const textVersion = versions.get(`articles/${id}.txt`);
    return view && textVersion !== undefined ? { ...view, textVersion } : view;
  }

  /**
   * The relations the machine proposes for an article (src/core/suggest) on its text as
   * ArticleView.text gives it, without those the article annotates or has dismissed: 404 for
   * an unknown article, 500 when the cue lexicon, actors.yaml, relation-types.yaml or the
   * article's YAML has errors (the message names the file and line).
   */
  async suggestions(id: string): Promise<Outcome<SuggestionsView>> {
    const { data, versions } = this.snapshot;
    if (!ARTICLE_ID.test(id) || !data.articles.some((a) => a.id === id && a.meta)) {
      return {
        status: 404,
        body: { ok: false, reason: 'not-found', message: `There is no article "${id}".` },
      };
    }
    return this.suggester.forArticle(data, id, versions.get(`articles/${id}.yaml`) ?? '');
  }

  /** The current build's graph.json (its `texts` attribute names the texts file). */
  graphJson(): { json: string; graphVersion: number; textsName: string } {
    const { build, graphVersion } = this.snapshot;
    return { json: build.graphJson, graphVersion, textsName: build.textsName };
  }

  /** A texts file of the current build or of a recent one, by name; undefined if unknown. */
  textsJson(name: string): string | undefined {
    return this.recentTexts.get(name);
  }

  /** The graph the page shows now (for tests and the benchmark). */
  get graph(): ActorGraph {
    return this.snapshot.build.graph;
  }

  get graphVersion(): number {
    return this.snapshot.graphVersion;
  }

  /** Checks, writes and builds one request; requests run one at a time. */
  apply(request: ChangeRequest): Promise<Outcome> {
    return this.serialised(() => this.applyNow(request));
  }

  /** Takes back the last change, if its files are still as it wrote them. */
  undo(): Promise<Outcome> {
    return this.serialised(() => this.undoNow());
  }

  /**
   * Looks at the data folder, in turn with the changes, and takes in what another program
   * changed there (articles added or removed, files edited): the graph is rebuilt from the
   * current positions, or kept, with the problems in the state, when the data does not build.
   * Not a change of the user's: undo does not take it back (and does not write over it: undo
   * checks its files against the disk).
   */
  look(): Promise<Outcome<LookResult>> {
    return this.serialised(async () => {
      try {
        return { status: 200, body: await this.lookNow() };
      } catch (error) {
        // The state is still served, as it was, with what went wrong.
        const message = `The data folder could not be looked at again: ${error instanceof Error ? error.message : String(error)}`;
        const state = this.state();
        state.problems.push({ message });
        return { status: 200, body: { unchanged: false, state } };
      }
    });
  }

  /** Resolves when the requests queued so far are done. */
  async idle(): Promise<void> {
    await this.queue.catch(() => undefined);
  }

  private serialised<T>(run: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
    const result = this.queue
      .then(run, run)
      .catch((error: unknown): Outcome<T> =>
        error instanceof Refusal ? { status: error.status, body: error.failure } : failed(error),
      );
    this.queue = result;
    return result;
  }

  private async applyNow(request: ChangeRequest): Promise<Outcome> {
    try {
      return await this.applyChecked(request);
    } catch (error) {
      if (error instanceof Refusal) return { status: error.status, body: error.failure };
      throw error;
    }
  }

  private async applyChecked(request: ChangeRequest): Promise<Outcome> {
    const { changes } = request;
    const checkStart = performance.now();
    // The graph as the request found it: the answer says what changed since (files changed on
    // disk, taken in below, included).
    const base = this.base();
    for (const path of Object.keys(request.versions)) {
      if (!KNOWN_PATH.test(path)) {
        throw new Refusal(400, {
          ok: false,
          reason: 'malformed',
          message: `versions names "${path}", which is not a file of the data folder (actors.yaml, relation-types.yaml or articles/<id>.yaml or .txt).`,
        });
      }
    }
    // The files the page read, and those the changes name: as they are on disk now.
    const named = new Set(Object.keys(request.versions));
    for (const change of changes) {
      if (change.kind === 'add-actor') named.add('actors.yaml');
      else if (change.kind !== 'add-article' && ARTICLE_ID.test(change.article)) {
        named.add(`articles/${change.article}.yaml`);
      }
    }
    const onDisk = await this.readNow([...named]);
    // A file the page gave no version of was read from this server's copy.
    const expected = new Map(
      [...named].flatMap((path) => {
        const version = request.versions[path] ?? this.snapshot.versions.get(path);
        return version === undefined ? [] : [[path, version] as const];
      }),
    );
    // Every file in memory, by the API's path: made once for the whole change (a file taken
    // from disk just now included).
    const files = await this.takeDiskChanges(onDisk, named);
    for (const path of named) {
      const now = onDisk.get(path);
      const version = expected.get(path);
      if (now === undefined && version !== undefined) throw gone(path);
      if (now !== undefined && versionOf(now) !== version) throw conflict(path);
    }

    // The folder's read errors (a file not UTF-8...): no build finds them, and the data in
    // memory is not what is on disk. Nothing is saved until they are fixed (dismissals aside,
    // checked by the schema alone: the file they write was read strictly above).
    if (!changes.every((c) => c.kind === 'dismiss-suggestion')) this.refuseWhileReadErrors();

    // The edit, on the files as they are now.
    let applied: { writes: Map<string, string>; articles: string[] };
    try {
      applied = applyChanges(files, changes, {
        takenIds: changes.some((c) => c.kind === 'add-article') ? await this.idsOnDisk() : [],
      });
    } catch (error) {
      if (error instanceof EditRefused) {
        throw new Refusal(422, {
          ok: false,
          reason: 'refused',
          message: error.message,
          problems: [
            {
              ...(error.field ? { field: error.field } : {}),
              ...(error.change === undefined ? {} : { change: error.change }),
              message: error.message,
              ...(error.hint ? { hint: error.hint } : {}),
            },
          ],
        });
      }
      throw error;
    }
    const writes = applied.writes;
    await this.checkWritable(writes, onDisk);
    this.checkSizes(writes, changes);
    // Files the changes write that were not read above (a new article's): new on disk too.
    const unread = [...writes.keys()].filter((p) => !onDisk.has(p));
    const fresh = await this.readNow(unread);
    for (const path of unread) {
      const now = fresh.get(path);
      const known = this.snapshot.versions.get(path);
      if (now !== undefined && (known === undefined || versionOf(now) !== known)) {
        throw conflict(path);
      }
    }

    // The build itself, on the data with the writes in place: its graph is the next one if
    // the change passes. Its errors are told beside the form's fields by checkChanges (which
    // builds again, without the layout, to leave out errors the data had before).
    const next = this.withTexts([...writes.keys()], writes);
    // Dismissals change only articles' dismissedSuggestions, which the build checks against
    // the schema and otherwise ignores: the schema is their check, and the graph stays as it
    // is (a build at 10k takes seconds, for a click in the suggestions list).
    const graphUnchanged = changes.every((c) => c.kind === 'dismiss-suggestion');
    const dismissals = checkDismissals(next.data, changes, this.knownIds(next.data, changes));
    if (dismissals.length > 0) throw refused(dismissals);
    let built: ReturnType<typeof buildGraph> | undefined;
    if (graphUnchanged) {
      const problems = schemaProblems(this.snapshot.data, next.data, applied.articles);
      if (problems.length > 0) throw refused(problems);
    } else {
      built = buildGraph(next.data, {
        layout: { previous: this.positions() },
        cache: this.buildCache,
      });
      const written = new Set(
        [...writes.keys()].map((p) => join(this.dataDir, this.onDisk(p, next.data))),
      );
      const broken = hasErrors(built.issues) || !built.graph || !built.texts;
      // A duplicate relation is a warning of the build: refused when the request writes it.
      const duplicate = built.issues.some((i) => isDuplicateRelation(i) && written.has(i.file));
      if (broken || duplicate) {
        const problems = checkChanges(this.snapshot.data, writes, changes, {
          cache: this.buildCache,
          files,
        });
        // The errors the change did not cause: the data folder does not build as it is, and
        // nothing is written until it does.
        if (broken) problems.push(...this.errorsElsewhere(next.data, built.issues, problems));
        if (problems.length > 0) throw refused(problems);
      }
    }
    const checkMs = performance.now() - checkStart;

    // Write, unless another program changed a file while the change was checked and built
    // (seconds at 10k): its save would be lost without a word.
    const writeStart = performance.now();
    const again = await this.readNow([...writes.keys()]);
    for (const path of writes.keys()) {
      if (again.get(path) !== (onDisk.get(path) ?? fresh.get(path))) {
        // Taken into memory, as at the first check, for the page to reload.
        await this.takeDiskChanges(again, writes.keys());
        throw conflict(path);
      }
    }
    const entries: Written[] = [...writes].map(([path, after]) => ({
      path,
      before: files.get(path),
      after,
      afterVersion: next.versions.get(path)!,
    }));
    await this.writeFiles(new Map(entries.map((e) => [e.path, e.after])), [], files);
    const writeMs = performance.now() - writeStart;

    this.pushUndo({
      description: describeChanges(changes, entries),
      files: entries,
      articles: applied.articles,
      graphUnchanged,
    });
    const buildStart = performance.now();
    if (built) await this.install(next, built, [...writes.keys()]);
    else this.snapshot = { ...this.snapshot, ...next };
    const diff = this.diffSince(base);
    const buildMs = performance.now() - buildStart;
    return this.result(applied.articles, [...writes.keys()], { checkMs, writeMs, buildMs }, diff);
  }

  /**
   * The build's errors that `problems` (those the change caused) do not already tell, each
   * named by file and line: the data folder does not build as it is.
   */
  private errorsElsewhere(
    data: DataFiles,
    issues: readonly BuildIssue[],
    problems: readonly FieldProblem[],
  ): FieldProblem[] {
    const told = new Set(problems.map((p) => `${p.file ?? ''}\u0000${p.message}`));
    const out: FieldProblem[] = issues
      .filter((i) => i.severity === 'error')
      .flatMap((issue) => {
        const problem = this.issueProblem(
          data,
          issue,
          (where) =>
            `The data folder does not build as it is, so nothing is written: fix ${where} first.`,
        );
        // Told by the API's path, as checkChanges tells it.
        return told.has(`${problem.file}\u0000${issue.message}`) ? [] : [problem];
      });
    if (out.length === 0 && problems.length === 0) {
      out.push({ message: 'The data with this change does not build; nothing was written.' });
    }
    return out;
  }

  /**
   * Refuses an undo (422, each file named) while the files on disk do not build: its files
   * would be written while the network keeps the last graph that built, which still shows
   * the change.
   */
  private refuseWhileProblems(): void {
    // The folder's read errors are among the problems (diskProblems), as its build's are.
    const { problems } = this.snapshot;
    if (problems.length === 0) return;
    const files = [...new Set(problems.flatMap((p) => (p.file === undefined ? [] : [p.file])))];
    throw new Refusal(422, {
      ok: false,
      reason: 'refused',
      message: `The data folder does not build as it is, so nothing was undone: ${problems
        .map((p) => p.message)
        .join('; ')}${files.length > 0 ? ` Fix ${files.join(', ')} first, then undo.` : ''}`,
      problems: [...problems],
    });
  }

  /** Refuses (422, each file named, at most MAX_PROBLEMS) while the last read had errors. */
  private refuseWhileReadErrors(): void {
    const { data, readIssues } = this.snapshot;
    if (!hasErrors(readIssues)) return;
    throw refused(this.errorsElsewhere(data, readIssues, []).slice(0, MAX_PROBLEMS));
  }

  /**
   * The build's errors of data taken from disk, each named by file and line (at most
   * MAX_PROBLEMS): the graph shown stays the last one that built.
   */
  private diskProblems(data: DataFiles, issues: readonly BuildIssue[]): FieldProblem[] {
    const errors = issues.filter((i) => i.severity === 'error');
    const out: FieldProblem[] = errors
      .slice(0, MAX_PROBLEMS)
      .map((issue) =>
        this.issueProblem(
          data,
          issue,
          (where) =>
            `The network shows the data as it last built: fix ${where} and it takes the change in.`,
        ),
      );
    if (errors.length > MAX_PROBLEMS) {
      out.push({
        message: `${errors.length - MAX_PROBLEMS} more errors: npm run build:graph lists them all.`,
      });
    }
    if (out.length === 0) {
      out.push({
        message: 'The data folder does not build; the network shows the data as it last built.',
      });
    }
    return out;
  }

  /**
   * A build issue as a problem of the state: its message named by the file on disk and line
   * (`where`, then `tail(where)`), its `file` the API's path (the name on disk if it has none).
   */
  private issueProblem(
    data: DataFiles,
    issue: BuildIssue,
    tail: (where: string) => string,
  ): FieldProblem & { file: string } {
    const onDisk = relativePath(this.root, resolve(issue.file));
    const file = apiPathOf(data, issue.file) ?? onDisk;
    const where = issue.line === undefined ? onDisk : `${onDisk}:${issue.line}`;
    return {
      message: `${where}: ${issue.message}. ${tail(where)}`,
      ...(issue.hint ? { hint: issue.hint } : {}),
      file,
      ...(issue.line === undefined ? {} : { line: issue.line }),
    };
  }

  /**
   * Refuses writes larger than the build reads (maxBytesOf: MAX_YAML_BYTES of a YAML file,
   * MAX_TEXT_BYTES of a text): written, they would leave the folder unable to build.
   */
  private checkSizes(writes: ReadonlyMap<string, string>, changes: readonly Change[]): void {
    const problems: FieldProblem[] = [];
    for (const [path, text] of writes) {
      const text_ = path.endsWith('.txt');
      const limit = maxBytesOf(path);
      const bytes = Buffer.byteLength(text, 'utf8');
      if (bytes <= limit) continue;
      const at = largestField(path, changes);
      problems.push({
        ...(at ? { field: at.field, change: at.change } : {}),
        message: `${path} would be ${formatSize(bytes)}, over the ${formatSize(limit)} the build reads of ${text_ ? 'an article text' : 'a YAML file'}: nothing was written.`,
        hint: at
          ? `Shorten the ${at.field.replace(/^actor\./, 'actor ')} (it is ${formatSize(at.bytes)}).`
          : `Make ${path} smaller by hand first.`,
        file: path,
      });
    }
    if (problems.length > 0) throw refused(problems);
  }

  private async undoNow(): Promise<Outcome> {
    const entry = this.undoStack.at(-1);
    if (!entry) {
      return {
        status: 409,
        body: { ok: false, reason: 'conflict', message: 'There is no change to undo.' },
      };
    }
    const checkStart = performance.now();
    this.refuseWhileProblems();
    const base = this.base();
    const paths = entry.files.map((f) => f.path);
    const onDisk = await this.readNow(paths);
    for (const file of entry.files) {
      const now = onDisk.get(file.path);
      if (now === undefined || versionOf(now) !== file.afterVersion) {
        // The change can no longer be taken back: it leaves undo (so that the earlier ones
        // can be), and what is on disk is taken in for the page to reload.
        this.undoStack.pop();
        await this.takeDiskChanges(onDisk, paths).catch(() => undefined);
        const next = this.undoStack.at(-1)?.description;
        return {
          status: 409,
          body: {
            ok: false,
            reason: 'conflict',
            file: file.path,
            message: `${file.path} ${now === undefined ? 'is no longer on disk' : 'changed on disk'} since this change was written (another editor or a git pull?), so "${entry.description}" cannot be undone and was dropped from undo; reload to see the file as it is, and undo that change by hand if needed.${next ? ` Undo now takes back: ${next}.` : ''}`,
          },
        };
      }
    }
    // What the folder is now: a folder replaced by a link since the change is not written through.
    const inside = await this.insideRoot();
    for (const path of paths) await this.checkPlace(path, inside);
    const checkMs = performance.now() - checkStart;
    const writeStart = performance.now();
    const restore = new Map<string, string>();
    const remove: string[] = [];
    for (const file of entry.files) {
      if (file.before === undefined) remove.push(file.path);
      else restore.set(file.path, file.before);
    }
    // What the files hold before: each as the change wrote it (checked against the disk above).
    await this.writeFiles(restore, remove, new Map(entry.files.map((f) => [f.path, f.after])));
    const writeMs = performance.now() - writeStart;
    this.undoStack.pop();
    const buildStart = performance.now();
    if (entry.graphUnchanged) {
      const paths = entry.files.map((f) => f.path);
      this.snapshot = { ...this.snapshot, ...this.withTexts(paths, restore) };
    } else {
      await this.rebuildWith(entry.files.map((f) => f.path));
    }
    const diff = this.diffSince(base);
    const buildMs = performance.now() - buildStart;
    return this.result(
      entry.articles,
      entry.files.map((f) => f.path),
      { checkMs, writeMs, buildMs },
      diff,
    );
  }

  private async lookNow(): Promise<LookResult> {
    const looks = await looksOf(this.dataDir);
    // While the last read had errors, the folder is read again at a look that finds any file
    // touched, not only one whose text differs: a file fixed on disk may read as the text
    // memory has (a U+FFFD in place of a byte not UTF-8), but its size or times moved.
    const unchanged = hasErrors(this.snapshot.readIssues)
      ? this.touched(looks).length === 0
      : await this.sameAsMemory(looks);
    if (unchanged) {
      this.seen = looks;
      return { unchanged: true, state: this.state() };
    }
    const base = this.base();
    const read = await readDataDir(this.dataDir);
    const readIssues = read.issues.filter((i) => i.severity === 'error');
    if (
      sameFiles(read.files, this.snapshot.data) &&
      sameIssues(readIssues, this.snapshot.readIssues)
    ) {
      // Touched, or back as it was: nothing to build.
      this.seen = looks;
      return { unchanged: true, state: this.state() };
    }
    const next = { data: read.files, versions: versionsOf(read.files), readIssues };
    const built = buildGraph(next.data, {
      layout: { previous: this.positions() },
      cache: this.buildCache,
    });
    this.seen = looks;
    try {
      await this.install(next, built);
    } catch (error) {
      // The data and the graph are taken in; only the build folder's copy is behind.
      if (!(error instanceof Refusal)) throw error;
      this.snapshot = {
        ...this.snapshot,
        problems: [...this.snapshot.problems, { message: error.failure.message }],
      };
    }
    const diff = this.diffSince(base);
    return {
      unchanged: false,
      state: this.state(),
      ...(diff ? { graphDiffJson: diff } : {}),
    };
  }

  /** The paths whose look (kind, size, times) differs from the last one seen. */
  private touched(looks: Looks): string[] {
    return [...new Set([...looks.keys(), ...this.seen.keys()])].filter(
      (path) => looks.get(path) !== this.seen.get(path),
    );
  }

  /**
   * Whether the files `looks` describes are those in memory: every file whose look differs
   * from the last one seen (new, gone, changed) is read and compared with memory's text.
   */
  private async sameAsMemory(looks: Looks): Promise<boolean> {
    const differ = this.touched(looks);
    if (differ.length === 0) return true;
    const texts = textsByPath(this.snapshot.data);
    for (const path of differ) {
      const look = looks.get(path);
      const known = texts.get(path);
      if (look === undefined || look.startsWith('!')) {
        if (known !== undefined || look !== undefined) return false;
        continue;
      }
      if (look === FOLDER) continue;
      if (known === undefined) return false;
      const outcome = await readRegularFile(nodeFs, path, maxBytesOf(path));
      if (outcome.kind !== 'ok' || strictUtf8Text(outcome.bytes) !== known) return false;
    }
    return true;
  }

  /** The current graph and its version, for diffSince. */
  private base(): { graph: ActorGraph; version: number } {
    return { graph: this.snapshot.build.graph, version: this.snapshot.graphVersion };
  }

  /**
   * What changed in the graph since `base` (graphDiff), as JSON text (serialised once: its
   * length is weighed here, and the API sends the text as is), for the page to apply instead
   * of fetching graph.json; undefined when nothing did, or when the diff would be larger than
   * graph.json (then the page fetches that).
   */
  private diffSince(base: { graph: ActorGraph; version: number }): string | undefined {
    const { build, graphVersion } = this.snapshot;
    if (graphVersion === base.version) return undefined;
    const diff: VersionedGraphDiff = {
      from: base.version,
      to: graphVersion,
      ...graphDiff(base.graph, build.graph),
    };
    const json = JSON.stringify(diff);
    return json.length < build.graphJson.length ? json : undefined;
  }

  /** A change's or an undo's answer; its graph diff (`diff`, JSON text) goes beside the body. */
  private result(
    articles: readonly string[],
    written: string[],
    timings: ChangeResult['timings'],
    diff: string | undefined,
  ): Outcome {
    const article = articles.map((id) => this.article(id)).find((a) => a !== undefined);
    return {
      status: 200,
      body: {
        ok: true,
        state: this.state(),
        ...(article ? { article } : {}),
        written,
        timings: {
          checkMs: round(timings.checkMs),
          writeMs: round(timings.writeMs),
          buildMs: round(timings.buildMs),
        },
      },
      ...(diff ? { graphDiffJson: diff } : {}),
    };
  }

  private pushUndo(entry: UndoEntry): void {
    this.undoStack.push(entry);
    if (this.undoStack.length > this.undoDepth) this.undoStack.shift();
  }

  /**
   * Where a file of the API's paths is on disk, relative to the data folder: an article's
   * files keep the name the folder gives them (<id>.yml, <id>.TXT), which readDataDir accepts.
   */
  private onDisk(path: string, data: DataFiles = this.snapshot.data): string {
    const article = articleFileOf(path);
    if (!article) return path;
    const entry = data.articles.find((a) => a.id === article.id);
    const file = article.kind === 'txt' ? entry?.text : entry?.meta;
    return file ? `articles/${basename(file.path)}` : path;
  }

  /**
   * The article ids of the files in articles/ on disk now, whatever the case of their
   * extension (.yaml, .yml, .txt; hidden files aside, as the build reads them): those another
   * editor added are taken too.
   */
  private async idsOnDisk(): Promise<string[]> {
    const names = await fs.readdir(join(this.dataDir, 'articles')).catch(() => [] as string[]);
    return names.flatMap((name) => articleIdOfFileName(name) ?? []);
  }

  /** Every file in memory, by the API's path relative to the data folder. */
  private fileMap(): Map<string, string> {
    return filesOf(this.snapshot.data);
  }

  /**
   * Reads files of the data folder as they are on disk now (only regular files inside it);
   * a file that is not there is left out of the map.
   */
  private async readNow(paths: readonly string[]): Promise<Map<string, string>> {
    const found = new Map<string, string>();
    for (const path of paths) {
      if (!KNOWN_PATH.test(path)) continue;
      const full = join(this.dataDir, this.onDisk(path));
      const outcome = await readRegularFile(nodeFs, full, maxBytesOf(path));
      if (outcome.kind === 'missing') continue;
      if (outcome.kind === 'problem') {
        throw new Refusal(500, {
          ok: false,
          reason: 'failed',
          file: path,
          message: `${full}: ${outcome.message}. ${outcome.hint}`,
        });
      }
      const text = strictUtf8Text(outcome.bytes);
      if (text === undefined) {
        // Never taken in (nor written back) as replacement characters: its bytes would be lost.
        throw refused([
          {
            message: `${join(this.dataDir, this.onDisk(path))} is not valid UTF-8 text, so nothing is written: save it as UTF-8 first.`,
            hint: 'Save it as UTF-8.',
            file: path,
          },
        ]);
      }
      found.set(path, text);
    }
    return found;
  }

  /**
   * Files read from disk that differ from the copy in memory (another editor, a git pull) are
   * taken into memory and the graph rebuilt, so that the page, told of the conflict, reloads
   * what is really there. `files` is memory's (fileMap); resolves to memory's after: `files`
   * itself when nothing was taken in.
   */
  private async takeDiskChanges(
    onDisk: ReadonlyMap<string, string>,
    read: Iterable<string> = onDisk.keys(),
    files: ReadonlyMap<string, string> = this.fileMap(),
  ): Promise<ReadonlyMap<string, string>> {
    const changed = [...onDisk].filter(([path, text]) => files.get(path) !== text);
    // A file read but not found that memory has: gone from disk, and gone here too.
    const gone = [...read].filter((path) => !onDisk.has(path) && files.has(path));
    if (changed.length === 0 && gone.length === 0) return files;
    await this.rebuildWith([...changed.map(([path]) => path), ...gone], onDisk);
    return this.fileMap();
  }

  /**
   * Refuses writes outside what the workbench may write: only actors.yaml and
   * articles/<id>.yaml|.txt, never through a symbolic link, never in a folder that leads
   * outside the data folder, and never over an existing article text.
   */
  private async checkWritable(
    writes: ReadonlyMap<string, string>,
    onDisk: ReadonlyMap<string, string>,
  ): Promise<void> {
    const inside = await this.insideRoot();
    for (const path of writes.keys()) {
      await this.checkPlace(path, inside);
      if (path.endsWith('.txt')) {
        const exists =
          onDisk.has(path) ||
          (await fs.lstat(join(this.root, this.onDisk(path))).then(
            () => true,
            () => false,
          ));
        if (exists) {
          throw new Refusal(409, {
            ok: false,
            reason: 'conflict',
            file: path,
            message: `${path} exists already: an article text is written only for a new article, never over an existing one. Choose another title (the id comes from it), or reload the page to see that article.`,
          });
        }
      }
    }
  }

  /** Whether a real path is inside the data folder (as it is now, links resolved). */
  private async insideRoot(): Promise<(real: string) => boolean> {
    const root = await fs.realpath(this.root);
    return (real) => real === root || real.startsWith(root.endsWith(sep) ? root : root + sep);
  }

  /**
   * Refuses (403) to write or remove a path that is not actors.yaml or an article's file, that
   * is in a folder leading outside the data folder, or that is a symbolic link.
   */
  private async checkPlace(path: string, inside: (real: string) => boolean): Promise<void> {
    if (!WRITABLE_PATH.test(path)) {
      throw new Refusal(403, {
        ok: false,
        reason: 'forbidden',
        file: path,
        message: `"${path}" is not a file the workbench writes: only actors.yaml and articles/<id>.yaml or .txt inside ${this.dataDir}.`,
      });
    }
    const full = join(this.root, this.onDisk(path));
    const realFolder = await fs.realpath(dirname(full)).catch((e: unknown) => {
      if (errorCode(e) === 'ENOENT') return undefined;
      throw e;
    });
    if (realFolder !== undefined && !inside(realFolder)) {
      throw new Refusal(403, {
        ok: false,
        reason: 'forbidden',
        file: path,
        message: `${join(this.dataDir, dirname(path))} leads outside the data folder (to ${realFolder}): the workbench writes only inside ${this.dataDir}. Make it a folder of its own (remove the link), or start the workbench on the folder it leads to.`,
      });
    }
    const link = await fs.lstat(full).then(
      (s) => s.isSymbolicLink(),
      () => false,
    );
    if (link) {
      throw new Refusal(403, {
        ok: false,
        reason: 'forbidden',
        file: path,
        message: `${join(this.dataDir, this.onDisk(path))} is a symbolic link: the workbench does not write through links. Replace it with the file itself to edit it here.`,
      });
    }
  }

  /**
   * Writes files (each through a temporary file renamed into place, all written before any is
   * renamed) and removes others. On a failure, what was already renamed is put back as in
   * `before` (what the files hold now, by the API's path; absent: not there).
   */
  private async writeFiles(
    files: ReadonlyMap<string, string>,
    remove: readonly string[],
    before: ReadonlyMap<string, string>,
  ): Promise<void> {
    const onDisk = (path: string) => this.onDisk(path);
    try {
      if (files.size > 0) {
        await writeFilesAtomically(
          this.dataDir,
          Object.fromEntries([...files].map(([path, text]) => [onDisk(path), text])),
        );
      }
    } catch (error) {
      // writeFilesAtomically renames only once all are written: a rename that failed half-way
      // leaves some files new. Put those back as they were.
      const now = await this.readNow([...files.keys()]).catch(() => new Map<string, string>());
      const back = [...files].filter(([path, text]) => now.get(path) === text);
      for (const [path] of back) {
        const old = before.get(path);
        try {
          if (old === undefined) await fs.unlink(join(this.dataDir, onDisk(path)));
          else await writeFilesAtomically(this.dataDir, { [onDisk(path)]: old });
        } catch {
          /* The error below says what was written. */
        }
      }
      throw new Refusal(500, {
        ok: false,
        reason: 'failed',
        message: error instanceof Error ? error.message : String(error),
      });
    }
    for (const path of remove) {
      try {
        await fs.unlink(join(this.dataDir, onDisk(path)));
      } catch (error) {
        if (errorCode(error) === 'ENOENT') continue;
        throw new Refusal(500, {
          ok: false,
          reason: 'failed',
          file: path,
          message: fsErrorLine(error, { action: 'remove', file: join(this.dataDir, onDisk(path)) }),
        });
      }
    }
  }

  /**
   * Takes the files `paths` into memory again (as given in `known`, else read from disk), then
   * builds the graph with the layout started from the current positions, writes the build's
   * output and moves graphVersion on.
   */
  private async rebuildWith(
    paths: readonly string[],
    known?: ReadonlyMap<string, string>,
  ): Promise<void> {
    const read = new Map(known ?? []);
    const missing = paths.filter((p) => !read.has(p));
    for (const [path, text] of await this.readNow(missing)) read.set(path, text);
    const next = this.withTexts(paths, read);
    await this.install(
      next,
      buildGraph(next.data, { layout: { previous: this.positions() }, cache: this.buildCache }),
    );
  }

  /** The data and versions with the files `paths` as in `texts` (absent: no longer there). */
  private withTexts(
    paths: readonly string[],
    texts: ReadonlyMap<string, string>,
  ): Pick<Snapshot, 'data' | 'versions'> {
    // Each file keeps its name on disk (Workbench.onDisk reads it from the same data).
    const data = withFiles(this.snapshot.data, new Map(paths.map((p) => [p, texts.get(p)])));
    const versions = new Map(this.snapshot.versions);
    for (const path of paths) {
      const text = texts.get(path);
      if (text === undefined) versions.delete(path);
      else versions.set(path, versionOf(text));
    }
    return { data, versions };
  }

  /** Where the actors of the current graph are: the next layout starts from there. */
  private positions(): Map<string, { x: number; y: number }> {
    const previous = new Map<string, { x: number; y: number }>();
    this.snapshot.build.graph.forEachNode((node, attr) =>
      previous.set(node, { x: attr.x, y: attr.y }),
    );
    return previous;
  }

  /**
   * Takes the data and its build in: writes graph.json and its texts as npm run build:graph
   * does, and moves graphVersion on. A build with errors (files changed by hand meanwhile that
   * do not build) takes the data only: the graph stays the last one that built.
   */
  private async install(
    next: Pick<Snapshot, 'data' | 'versions'> & Partial<Pick<Snapshot, 'readIssues'>>,
    result: ReturnType<typeof buildGraph>,
    saved: readonly string[] = [],
  ): Promise<void> {
    // The read's errors stand until a look reads the folder again (next.readIssues).
    const readIssues = next.readIssues ?? this.snapshot.readIssues;
    const issues = [...readIssues, ...result.issues];
    if (hasErrors(issues) || !result.graph || !result.texts) {
      this.snapshot = {
        ...this.snapshot,
        ...next,
        readIssues,
        problems: this.diskProblems(next.data, issues),
      };
      return;
    }
    const build = serialise(result.graph, result.texts);
    this.snapshot = {
      ...next,
      build,
      graphVersion: this.snapshot.graphVersion + 1,
      problems: [],
      readIssues,
    };
    this.rememberTexts(build);
    try {
      await writeSerialisedOutput(this.buildDir, build);
    } catch (error) {
      // The data files are saved (and undo can take them back); only the build's copy of the
      // graph is behind. Their versions are the server's own: the page reads the state again.
      const reason = (error instanceof Error ? error.message : String(error))
        .replace(/\s*Nothing was (?:written|changed)\b.*$/s, '')
        .replace(/\.$/, '');
      throw new Refusal(500, {
        ok: false,
        reason: 'failed',
        message: `${saved.length > 0 ? `The data files were saved (${saved.join(', ')}) and the page shows the new graph` : 'The data files were taken in and the page shows the new graph'}, but ${join(this.buildDir, GRAPH_FILE)} could not be updated: ${reason}. Fix the build folder (or run npm run build:graph); the next save writes it again.`,
      });
    }
  }

  private rememberTexts(build: Build): void {
    this.recentTexts.delete(build.textsName);
    this.recentTexts.set(build.textsName, build.textsJson);
    while (this.recentTexts.size > 3) {
      this.recentTexts.delete(this.recentTexts.keys().next().value!);
    }
  }
}

/** The longest field a change writes into `path`, where the size of the file comes from. */
function largestField(
  path: string,
  changes: readonly Change[],
): { field: ProblemField; change: number; bytes: number } | undefined {
  let best: { field: ProblemField; change: number; bytes: number } | undefined;
  const consider = (field: ProblemField, change: number, value: unknown) => {
    const strings = Array.isArray(value) ? value : [value];
    const bytes = strings.reduce<number>(
      (n, v) => n + (typeof v === 'string' ? Buffer.byteLength(v, 'utf8') : 0),
      0,
    );
    if (!best || bytes > best.bytes) best = { field, change, bytes };
  };
  changes.forEach((change, i) => {
    if (change.kind === 'add-relation' || change.kind === 'edit-relation') {
      if (path !== `articles/${change.article}.yaml`) return;
      for (const key of ['source', 'type', 'target', 'quote', 'note'] as const) {
        consider(key, i, change.relation[key]);
      }
    } else if (change.kind === 'dismiss-suggestion') {
      if (path !== `articles/${change.article}.yaml`) return;
      consider('quote', i, change.suggestion.quote);
    } else if (change.kind === 'add-actor') {
      if (path !== 'actors.yaml') return;
      for (const key of ['id', 'label', 'aliases', 'affiliation'] as const) {
        consider(`actor.${key}`, i, change.actor[key]);
      }
    } else if (change.kind === 'add-article') {
      if (path.endsWith('.txt')) consider('text', i, change.article.text);
      else {
        for (const key of ['title', 'outlet', 'url'] as const)
          consider(key, i, change.article[key]);
        consider('how', i, change.article.published?.how);
      }
    }
  });
  return best;
}

const round = (ms: number) => Math.round(ms * 10) / 10;

const conflict = (path: string): Refusal =>
  new Refusal(409, {
    ok: false,
    reason: 'conflict',
    file: path,
    message: `${path} changed on disk since the page read it (another editor or a git pull?); reload it to see the new version, then make the change again.`,
  });

const gone = (path: string): Refusal =>
  new Refusal(409, {
    ok: false,
    reason: 'conflict',
    file: path,
    message: `${path} is no longer on disk (removed or renamed by another editor or a git pull?); reload the page: it no longer shows it. Nothing was written.`,
  });

const refused = (problems: FieldProblem[]): Refusal =>
  new Refusal(422, {
    ok: false,
    reason: 'refused',
    message:
      problems.length === 1
        ? problems[0]!.message
        : `${problems.length} problems: ${problems.map((p) => p.message).join('; ')}`,
    problems,
  });

const failed = (error: unknown): Outcome<never> => ({
  status: 500,
  body: {
    ok: false,
    reason: 'failed',
    message: error instanceof Error ? error.message : String(error),
  },
});

/**
 * The schema errors of the articles' YAML in `next` that `data` did not have (the same
 * message at the same place): the check of a request of dismissals, which change nothing the
 * build reads beyond the schema.
 */
function schemaProblems(
  data: DataFiles,
  next: DataFiles,
  articles: readonly string[],
): FieldProblem[] {
  const errors = (file: SourceFile | undefined): BuildIssue[] => {
    if (!file) return [];
    const sink = new IssueSink();
    const parsed = parseYaml(file, sink);
    if (parsed) validateAgainstSchema(parsed, 'article', sink);
    return sink.issues.filter((i) => i.severity === 'error');
  };
  return articles.flatMap((id) => {
    const key = (i: BuildIssue) => `${i.line ?? ''}\u0000${i.message}`;
    const before = new Set(errors(data.articles.find((a) => a.id === id)?.meta).map(key));
    return errors(next.articles.find((a) => a.id === id)?.meta)
      .filter((i) => !before.has(key(i)))
      .map((i) => ({
        message: i.message,
        ...(i.hint ? { hint: i.hint } : {}),
        file: `articles/${id}.yaml`,
        ...(i.line === undefined ? {} : { line: i.line }),
      }));
  });
}

/**
 * Serialised once: what the API serves is what the build folder gets. The graph takes the
 * texts file's name as graph.json has it, so that it is the graph the page loads (graphDiff
 * compares these).
 */
function serialise(graph: ActorGraph, texts: Record<string, string>): Build {
  const output = serialiseGraphOutput(graph, texts);
  graph.setAttribute('texts', output.textsName);
  return { graph, ...output };
}

/**
 * What a look sees of the files the build reads (relation-types.yaml, actors.yaml, the events
 * layer, articles/ and each article file in it), by their paths as readDataDir gives them:
 * size, modification and change times, inode (a file renamed into place is another inode); an
 * error code, after "!", for a file that cannot be looked at. A file not there is left out.
 */
async function looksOf(dataDir: string): Promise<Map<string, string>> {
  const articles = join(dataDir, 'articles');
  const paths = [
    join(dataDir, 'relation-types.yaml'),
    join(dataDir, 'actors.yaml'),
    join(dataDir, EVENTS_FOLDER, LAYER_FILE),
  ];
  const looks = new Map<string, string>();
  try {
    const names = await fs.readdir(articles);
    looks.set(articles, FOLDER);
    for (const name of names) if (isArticleFileName(name)) paths.push(join(articles, name));
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') looks.set(articles, `!${errorCode(error) ?? 'error'}`);
  }
  // All at once: a stat holds no file open (some 20-40 ms for 2,500 files).
  const stats = await Promise.all(
    paths.map((path) =>
      fs.stat(path).then(
        (s) => (s.isDirectory() ? `!EISDIR` : `${s.size}:${s.mtimeMs}:${s.ctimeMs}:${s.ino}`),
        (error: unknown) =>
          errorCode(error) === 'ENOENT' ? undefined : `!${errorCode(error) ?? 'error'}`,
      ),
    ),
  );
  paths.forEach((path, i) => {
    const look = stats[i];
    if (look !== undefined) looks.set(path, look);
  });
  return looks;
}

/** Whether two lists of issues say the same things of the same files. */
function sameIssues(a: readonly BuildIssue[], b: readonly BuildIssue[]): boolean {
  const keys = (issues: readonly BuildIssue[]) =>
    issues
      .map((i) => formatIssue(i))
      .sort()
      .join('\u0000');
  return keys(a) === keys(b);
}

/** Whether two reads of the data folder have the same files, with the same texts. */
function sameFiles(a: DataFiles, b: DataFiles): boolean {
  const [ta, tb] = [textsByPath(a), textsByPath(b)];
  const unusable = (d: DataFiles) => [...(d.unusable ?? [])].sort().join('\u0000');
  return (
    ta.size === tb.size &&
    [...ta].every(([path, text]) => tb.get(path) === text) &&
    unusable(a) === unusable(b)
  );
}

/** The text of every file of the data, by its path as the data names it. */
function textsByPath(data: DataFiles): Map<string, string> {
  const texts = new Map<string, string>();
  for (const file of [data.relationTypes, data.actors, data.events]) {
    if (file) texts.set(file.path, file.text);
  }
  for (const a of data.articles) {
    if (a.meta) texts.set(a.meta.path, a.meta.text);
    if (a.text) texts.set(a.text.path, a.text.text);
  }
  return texts;
}

/** Versions of every file read, by the API's path relative to the data folder. */
function versionsOf(data: DataFiles): Map<string, string> {
  return new Map([...filesOf(data)].map(([path, text]) => [path, versionOf(text)]));
}

/** The positions of graph.json's actors, or undefined if there is no usable graph.json. */
async function readPositions(
  graphFile: string,
): Promise<Map<string, { x: number; y: number }> | undefined> {
  try {
    const parsed = JSON.parse(await fs.readFile(graphFile, 'utf8')) as {
      nodes?: { key?: unknown; attributes?: { x?: unknown; y?: unknown } }[];
    };
    if (!Array.isArray(parsed.nodes)) return undefined;
    const positions = new Map<string, { x: number; y: number }>();
    for (const node of parsed.nodes) {
      const { x, y } = node.attributes ?? {};
      if (
        typeof node.key === 'string' &&
        typeof x === 'number' &&
        typeof y === 'number' &&
        Number.isFinite(x) &&
        Number.isFinite(y)
      ) {
        positions.set(node.key, { x, y });
      }
    }
    return positions.size > 0 ? positions : undefined;
  } catch {
    return undefined;
  }
}

/** What undo would take back, in words. */
function describeChanges(changes: readonly Change[], written: readonly Written[]): string {
  const parts = changes.map((change) => {
    switch (change.kind) {
      case 'add-relation':
        return `Added a relation to articles/${change.article}.yaml`;
      case 'edit-relation':
        return `Changed relation ${change.index + 1} of articles/${change.article}.yaml`;
      case 'delete-relation':
        return `Deleted relation ${change.index + 1} of articles/${change.article}.yaml`;
      case 'dismiss-suggestion':
        return `Dismissed a suggestion in articles/${change.article}.yaml`;
      case 'add-actor':
        return `Added the actor ${change.actor.id} to actors.yaml`;
      case 'add-article': {
        const created = written.find((w) => w.before === undefined && w.path.endsWith('.yaml'));
        return `Added the article ${created ? created.path.replace(/\.yaml$/, '') : `"${change.article.title}"`}`;
      }
    }
  });
  return parts.join('; ');
}
