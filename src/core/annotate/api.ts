/**
 * The annotation workbench's JSON API: what the page (src/app/annotate) and the write server
 * (src/node/annotate) exchange. Types only, shared by both sides.
 *
 * Routes, under ANNOTATE_API (relative to the page):
 * - GET  state                → StateAnswer: the state once the data folder is looked at (files
 *                                another program added, removed or changed there are taken in,
 *                                the graph rebuilt), with what changed in the graph (graphDiff)
 * - GET  article?id=ID        → ArticleView (404 ApiFailure for an unknown article)
 * - POST change  ChangeRequest → ChangeResult (200) | ApiFailure (409 conflict, 422 refused,
 *                                400 malformed, 403 other origin or host or without
 *                                ANNOTATE_HEADER); the result carries what changed in the
 *                                graph (graphDiff), which the page applies instead of fetching
 *                                graph.json again
 * - POST undo    {}           → ChangeResult | ApiFailure (409: nothing to undo, or a file
 *                                changed on disk since the change being undone)
 * - GET  suggestions?article=ID → SuggestionsView: the relations the machine proposes for the
 *                                article (src/core/suggest), without those already annotated
 *                                or dismissed (404 for an unknown article)
 * - GET  graph.json           → the current build's graph (graph.json's format; its `texts`
 *                                attribute names the texts file, served beside it); its
 *                                graphVersion in the X-Graph-Version header
 * - GET  articles.<hash>.json → the texts of that build
 *
 * Every request but the last two must carry the header ANNOTATE_HEADER (403 without it),
 * which the page's client sends with each: a page of another site cannot send a custom header
 * without a CORS preflight, which the server never answers. graph.json and the texts, which
 * the page loads as it loads the static site's (src/app/loadGraph.ts), are served without it:
 * they are the build in memory, read and change nothing on the server, and another site's
 * page cannot read them (Cross-Origin-Resource-Policy: same-origin, no CORS).
 */
import type { ActorKind, Modality } from '../model.ts';
import type { Suggestion } from '../suggest/suggest.ts';
import type { VersionedGraphDiff } from './graphDiff.ts';

export const ANNOTATE_API = 'api/annotate/';

/**
 * The request header the workbench's own page sends with every call of the API (any value;
 * the page sends "1"). The server refuses the routes that look at the data folder, compute
 * or write without it (403): a page of another site can make a browser send a GET (an
 * `<img src>` sends no Origin, and not every browser sends Sec-Fetch-Site), but not with a
 * custom header, which needs a CORS preflight that the server never answers.
 */
export const ANNOTATE_HEADER = 'X-Annotate-Workbench';

/** What a relation is given as, in the form and in an article's YAML (names as typed). */
export interface RelationInput {
  source: string;
  type: string;
  target: string;
  /** Left out of the YAML when asserted (the schema's default). */
  modality?: Modality;
  quote: string;
  note?: string;
}

export interface PublishedInput {
  /** YYYY, YYYY-MM or YYYY-MM-DD. */
  date: string;
  basis: 'stated' | 'inferred';
  /** How the date is known: the words it rests on. */
  how: string;
}

export interface NewArticle {
  title: string;
  outlet?: string;
  /** http or https only. */
  url?: string;
  published?: PublishedInput;
  /** The article text, written to articles/<id>.txt exactly as given. */
  text: string;
}

export interface NewActor {
  id: string;
  label: string;
  kind: ActorKind;
  aliases?: string[];
  /** Id of an existing actor. */
  affiliation?: string;
}

/**
 * A suggestion the analyst dismissed, remembered in the article's YAML (`dismissedSuggestions`)
 * so that it is not proposed again: the relation and the sentence it was found in.
 */
export interface DismissedSuggestion {
  /** Actor ids. */
  source: string;
  type: string;
  target: string;
  /** The sentence (the suggestion's quote), verbatim. */
  quote: string;
}

/** One edit. A request carries a list, applied and validated together (a new actor and the relation that names it). */
export type Change =
  | { kind: 'add-article'; article: NewArticle }
  | { kind: 'add-actor'; actor: NewActor }
  | { kind: 'add-relation'; article: string; relation: RelationInput }
  | { kind: 'edit-relation'; article: string; index: number; relation: RelationInput }
  | { kind: 'delete-relation'; article: string; index: number }
  | { kind: 'dismiss-suggestion'; article: string; suggestion: DismissedSuggestion };

export interface ChangeRequest {
  changes: Change[];
  /**
   * The version (ArticleView.version and textVersion, WorkbenchState.versions) of each
   * existing file the page read before making the change, by path relative to the data folder
   * (actors.yaml, articles/<id>.yaml, articles/<id>.txt). When the version on disk of any of
   * them differs, nothing is written: 409.
   */
  versions: Record<string, string>;
}

/** Where a refusal points: a field of the form, or the change as a whole. */
export type ProblemField =
  | 'source'
  | 'target'
  | 'type'
  | 'modality'
  | 'quote'
  | 'note'
  | 'title'
  | 'outlet'
  | 'url'
  | 'date'
  | 'basis'
  | 'how'
  | 'text'
  | 'actor.id'
  | 'actor.label'
  | 'actor.kind'
  | 'actor.aliases'
  | 'actor.affiliation';

export interface FieldProblem {
  /** The form field at fault; absent when the problem is the change's as a whole. */
  field?: ProblemField;
  /** Which change of the request (index in `changes`), when known. */
  change?: number;
  /** The build's own message (or the edit's), for the page. */
  message: string;
  hint?: string;
  /** The file and line the build names, relative to the data folder. */
  file?: string;
  line?: number;
}

export interface ApiFailure {
  ok: false;
  /** refused: the change does not validate (nothing written); conflict: a file changed on disk. */
  reason: 'refused' | 'conflict' | 'malformed' | 'forbidden' | 'not-found' | 'failed';
  message: string;
  problems?: FieldProblem[];
  /** For a conflict: the file that changed on disk, relative to the data folder. */
  file?: string;
}

export interface ArticleSummary {
  id: string;
  title: string;
  outlet?: string;
  /** The published date as written (YYYY, YYYY-MM or YYYY-MM-DD). */
  published?: string;
  relations: number;
}

export interface ActorChoice {
  id: string;
  label: string;
  kind: ActorKind;
  aliases: string[];
  affiliation?: string;
}

export interface WorkbenchState {
  /** The data folder as the server was given it, for the page's header. */
  dataDir: string;
  articles: ArticleSummary[];
  actors: ActorChoice[];
  relationTypes: { id: string; label: string; directed: boolean; color: string }[];
  /**
   * Version of every file of the data folder the page may change or show (actors.yaml,
   * relation-types.yaml, articles/<id>.yaml and .txt), by path relative to the data folder.
   */
  versions: Record<string, string>;
  /** Increases with every build the server makes; the page reloads graph.json when it moves. */
  graphVersion: number;
  /** What undo would take back ("Added a relation to articles/x.yaml"), or null. */
  undo: string | null;
  /**
   * Why the data folder, as last read, does not build (files changed by another program), by
   * file and line; empty when it builds. While there are any, the graph served is the last one
   * that built, and a change is refused until the files are fixed.
   */
  problems: FieldProblem[];
}

/** The answer to GET state: the state, once the data folder was looked at. */
export interface StateAnswer extends WorkbenchState {
  /**
   * When the look took in files changed on disk and the graph changed: what changed, from
   * version `from` (the server's before the look) to `to` (graphVersion). The page applies it
   * when it shows version `from`, and fetches graph.json otherwise.
   */
  graphDiff?: VersionedGraphDiff;
  /**
   * The look found the folder as the server had it (nothing read again, nothing built): the
   * state is the server's last one, which the page may show already (sameState).
   */
  unchanged?: boolean;
}

export interface RelationView extends RelationInput {
  /** Position in the article's `relations` list, which edit and delete name. */
  index: number;
  /** The actor ids the names resolve to, when they do. */
  sourceId?: string;
  targetId?: string;
  /** The quote's span in `text` (UTF-16 offsets), when it is found there. */
  start?: number;
  end?: number;
}

export interface ArticleView {
  id: string;
  title: string;
  outlet?: string;
  url?: string;
  published?: PublishedInput;
  /** The text as the build reads it (normalised): quote offsets refer to it. */
  text: string;
  relations: RelationView[];
  /** Version of articles/<id>.yaml as read. */
  version: string;
  /**
   * Version of articles/<id>.txt as read (absent when the article has no text file): the
   * reader compares it with the server's after a look, to notice a text changed on disk, and
   * a change made in the reader names it in ChangeRequest.versions (409 once it changed).
   */
  textVersion?: string;
}

export interface ChangeResult {
  ok: true;
  state: WorkbenchState;
  /** The article the change touched, as it is now. */
  article?: ArticleView;
  /** Paths written, relative to the data folder. */
  written: string[];
  /**
   * When the graph changed (state.graphVersion moved): what changed, from the graph of
   * version `from` (the server's when the request came) to that of `to` (state.graphVersion).
   * The page applies it when it shows version `from`, and fetches graph.json otherwise. Absent
   * when the graph did not change, or when the diff would be larger than graph.json.
   */
  graphDiff?: VersionedGraphDiff;
  /**
   * Milliseconds spent: checking with the build's stages, writing the files, rebuilding (the
   * graph's output written and its diff made).
   */
  timings: { checkMs: number; writeMs: number; buildMs: number };
}

/** A character span of the article text (UTF-16 offsets into ArticleView.text). */
export interface TextSpan {
  start: number;
  end: number;
}

/**
 * A relation the machine proposes: machine-made, shown as such, never saved unseen. The shape
 * of src/core/suggest's Suggestion: actor ids, the sentence (a verbatim span of the text) as
 * quote, a score in 0..1, why the machine proposed it, and where the sentence, the two names,
 * the cue words and the modality cue are in the text (TextSpan offsets).
 */
export type SuggestionView = Suggestion;

export interface SuggestionsView {
  article: string;
  /** Best first; without what the article already annotates or has dismissed. */
  suggestions: SuggestionView[];
  /** Names several actors share: reported, never guessed. */
  ambiguous: (TextSpan & { text: string; actors: string[] })[];
  /** Suggestions left out because they were dismissed before. */
  dismissed: number;
  /** Version of articles/<id>.yaml they were computed from. */
  version: string;
}
