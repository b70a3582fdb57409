import { actorMatcher, type ActorMatcher } from '../../core/annotate/actorChoices.ts';
import type { ArticleView, Change, ChangeResult, WorkbenchState } from '../../core/annotate/api.ts';
import type { VersionedGraphDiff } from '../../core/annotate/graphDiff.ts';
import { setArticleOpener } from '../articleLinks.ts';
import { h, replaceChildren } from '../dom.ts';
import { ApiError, annotateClient } from './client.ts';
import { openArticleForm } from './articleForm.ts';
import { mountReader } from './reader.ts';
import { describeUndo, type SaveResult } from './saveResult.ts';

export interface WorkbenchOptions {
  /** The API's base (the page's annotate-api meta). */
  api: string;
  /** The left panel: the reader takes its place while an article is open. */
  panel: HTMLElement;
  /** Where the workbench's section goes in the panel. */
  section: HTMLElement;
  /** The version (WorkbenchState.graphVersion) of the graph the page shows, when known. */
  graphVersion: number | undefined;
  /**
   * Takes in the graph of a new build (graphVersion) without reloading the page: `diff` when
   * the save's answer has one from the version shown (ChangeResult.graphDiff), else the whole
   * graph. Resolves to the version then shown (undefined: not known).
   */
  rebuilt(graphVersion: number, diff: VersionedGraphDiff | undefined): Promise<number | undefined>;
}

/**
 * The annotation workbench (on the dev server only): the articles of the data folder, "Add
 * article", undo, and the reader. Every change goes to the write server, which checks it with
 * the build's own stages, writes the YAML and rebuilds; the page then takes in the new graph.
 */
export async function mountWorkbench(options: WorkbenchOptions): Promise<{
  apply(changes: Change[]): Promise<SaveResult>;
  undo(): Promise<void>;
}> {
  const client = annotateClient(options.api);
  let state: WorkbenchState = await client.state();
  let matcher: ActorMatcher = actorMatcher(state.actors);
  /** The version of the graph shown: a diff applies to that one only. */
  let shownGraph = options.graphVersion;

  const status = h('p', { className: 'workbench-status', 'aria-live': 'polite' });
  const undoButton = h('button', { type: 'button', onclick: () => void undo() }, 'Undo');
  const articleList = h('ul', { className: 'article-list' });
  const readerHost = h('div', { id: 'reader', className: 'reader-holder', hidden: true });
  options.panel.append(readerHost);

  const reader = mountReader(readerHost, {
    state: () => state,
    matcher: () => matcher,
    save: (view, changes) => apply(changes, view),
    undo: () => void undo(),
    suggestions: (article) => client.suggestions(article),
    close: () => closeReader(),
  });

  /** Says what happened, in the section and in the reader (which covers the section). */
  const say = (text: string) => {
    status.textContent = text;
    reader.status(text, state.undo);
  };
  const drawSection = () => {
    describeUndo(undoButton, state.undo);
    reader.status(status.textContent ?? '', state.undo);
    replaceChildren(
      articleList,
      [...state.articles]
        .sort(
          (a, b) =>
            (b.published ?? '').localeCompare(a.published ?? '') || a.title.localeCompare(b.title),
        )
        .map((a) =>
          h(
            'li',
            {},
            h(
              'button',
              {
                type: 'button',
                className: 'article-button',
                'data-article': a.id,
                onclick: () => void openArticle(a.id),
              },
              h('span', { className: 'article-title' }, a.title),
              h(
                'span',
                { className: 'article-meta' },
                `${a.outlet ?? 'outlet unknown'} · ${a.published ?? 'undated'} · ${a.relations} relation${a.relations === 1 ? '' : 's'}`,
              ),
            ),
          ),
        ),
    );
  };
  replaceChildren(
    options.section,
    h(
      'section',
      { className: 'workbench', 'aria-labelledby': 'workbench-title' },
      h('h2', { id: 'workbench-title', className: 'section-title' }, 'Annotate'),
      h('p', { className: 'hint' }, `Writes to ${state.dataDir}`),
      h(
        'div',
        { className: 'form-actions' },
        h(
          'button',
          { type: 'button', className: 'primary', onclick: () => openArticleForm((c) => apply(c)) },
          'Add article',
        ),
        undoButton,
      ),
      status,
      h('details', { className: 'article-details' }, h('summary', {}, `Articles`), articleList),
    ),
  );
  drawSection();

  // Keyboard users go back where they opened the reader from (an article's button, a quote's
  // link in the evidence panel).
  let openedFrom: HTMLElement | null = null;
  const closeReader = () => {
    readerHost.hidden = true;
    options.panel.classList.remove('is-reading');
    options.panel.closest('.app')?.classList.remove('is-reading');
    if (openedFrom?.isConnected) openedFrom.focus();
    else options.section.querySelector<HTMLElement>('button')?.focus();
    openedFrom = null;
  };
  const openArticle = async (id: string, quote?: { start: number; end: number }) => {
    if (readerHost.hidden && document.activeElement instanceof HTMLElement) {
      openedFrom = document.activeElement;
    }
    try {
      const view = await client.article(id);
      readerHost.hidden = false;
      options.panel.classList.add('is-reading');
      options.panel.closest('.app')?.classList.add('is-reading');
      reader.show(view, quote);
    } catch (error) {
      say(error instanceof Error ? error.message : String(error));
    }
  };
  setArticleOpener((id, quote) => void openArticle(id, quote));

  /** Takes in a result: the state, the graph, the article shown. */
  const took = async (result: ChangeResult, said: string) => {
    state = result.state;
    matcher = actorMatcher(state.actors);
    drawSection();
    if (result.article) {
      readerHost.hidden = false;
      options.panel.classList.add('is-reading');
      options.panel.closest('.app')?.classList.add('is-reading');
      reader.show(result.article);
    } else {
      const open = reader.current();
      if (open) {
        const fresh = await client.article(open.id).catch(() => null);
        if (fresh) reader.show(fresh);
        else closeReader();
      }
    }
    if (state.graphVersion !== shownGraph) {
      // A diff from another version than the one shown (another tab saved in between) does
      // not apply: the whole graph is fetched.
      const diff = result.graphDiff;
      const fits = diff !== undefined && diff.from === shownGraph && diff.to === state.graphVersion;
      try {
        shownGraph = await options.rebuilt(state.graphVersion, fits ? diff : undefined);
      } catch (error) {
        // The files are written: only the page is behind, by how much it cannot tell.
        shownGraph = undefined;
        console.error(error);
        say(
          `${said} The network could not take in the new build (${error instanceof Error ? error.message : String(error)}): reload the page to see it.`,
        );
        return;
      }
    }
    say(said);
    document.body.setAttribute('data-graph-version', String(shownGraph ?? state.graphVersion));
  };

  const refresh = async () => {
    state = await client.state();
    matcher = actorMatcher(state.actors);
    drawSection();
    const open = reader.current();
    if (open) await openArticle(open.id);
  };

  const conflict = (error: ApiError) => {
    const text = `${error.message} Nothing was written.`;
    say(text);
    if (reader.current()) {
      reader.message(text, { label: 'Reload the article', run: () => void refresh() });
    }
  };

  /** Sends changes; resolves to the problems of a failure, or null once saved and shown. */
  const apply = async (changes: Change[], view?: ArticleView): Promise<SaveResult> => {
    const versions: Record<string, string> = {};
    for (const change of changes) {
      if (change.kind === 'add-actor')
        versions['actors.yaml'] = state.versions['actors.yaml'] ?? '';
      else if (change.kind !== 'add-article') {
        const path = `articles/${change.article}.yaml`;
        versions[path] = view?.id === change.article ? view.version : (state.versions[path] ?? '');
      }
    }
    performance.mark('annotate-save');
    try {
      const result = await client.change({ changes, versions });
      await took(result, `Saved: ${result.written.join(', ')}.`);
      performance.mark('annotate-shown');
      performance.measure('annotate-save-to-shown', 'annotate-save', 'annotate-shown');
      return null;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.failure.reason === 'conflict') {
        conflict(error);
        return {
          problems: [{ message: `${error.message} Nothing was written.` }],
          nothingWritten: true,
        };
      }
      const problems = error.failure.problems?.length
        ? error.failure.problems
        : [{ message: error.message }];
      if (error.failure.reason === 'refused' || error.failure.reason === 'malformed') {
        return { problems, nothingWritten: true };
      }
      // Something else went wrong: what the server now holds is read again.
      say(error.message);
      await refresh().catch(() => undefined);
      return { problems, nothingWritten: false };
    }
  };

  async function undo() {
    undoButton.disabled = true;
    try {
      const what = state.undo;
      const result = await client.undo();
      await took(result, `Undone: ${what ?? 'the last change'}.`);
    } catch (error) {
      if (error instanceof ApiError && error.failure.reason === 'conflict') conflict(error);
      else say(error instanceof Error ? error.message : String(error));
      undoButton.disabled = state.undo === null;
    }
  }
  return { apply: (changes) => apply(changes), undo };
}
