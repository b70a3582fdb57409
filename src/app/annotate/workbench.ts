import { actorMatcher, type ActorMatcher } from '../../core/annotate/actorChoices.ts';
import type {
  ArticleView,
  Change,
  ChangeResult,
  StateAnswer,
  WorkbenchState,
} from '../../core/annotate/api.ts';
import type { VersionedGraphDiff } from '../../core/annotate/graphDiff.ts';
import { setArticleOpener } from '../articleLinks.ts';
import { h, plural, replaceChildren } from '../dom.ts';
import { ApiError, annotateClient } from './client.ts';
import { openArticleForm } from './articleForm.ts';
import { mountReader } from './reader.ts';
import { describeLook } from './lookResult.ts';
import { describeUndo, problemText, type SaveResult } from './saveResult.ts';
import { sameState } from './sameState.ts';

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
 * When the window comes back (focus, visible again) and when the Articles list is opened, the
 * state is asked for again: the server looks at the data folder first, and what another program
 * changed there (articles added or removed, files edited) comes with it, the graph's diff
 * included, and is taken in as a save's answer is.
 */
export async function mountWorkbench(options: WorkbenchOptions): Promise<{
  apply(changes: Change[]): Promise<SaveResult>;
  undo(): Promise<void>;
  /** Asks the server to look at the data folder, and takes in what it found. */
  look(): Promise<void>;
}> {
  const client = annotateClient(options.api);
  /**
   * The page's requests that take in a state (saves, undo, looks), one at a time: each answer
   * is taken in before the next request goes, so that an older state never follows a newer.
   */
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = <T>(run: () => Promise<T>): Promise<T> => {
    const next = turn.then(run, run);
    turn = next.catch(() => undefined);
    return next;
  };
  /**
   * The first sync is the first turn: from the first state asked for until the graph it found
   * is shown. What is asked for meanwhile waits for it (never, if the workbench fails to mount).
   */
  let firstSynced!: () => void;
  const firstSync = new Promise<void>((resolve) => (firstSynced = resolve));
  void inTurn(() => firstSync);
  /**
   * A look asked for and not yet answered: another is not asked (the window coming back fires
   * visibilitychange and focus, as separate tasks).
   */
  let lookWaiting: Promise<void> | undefined;
  const look = (): Promise<void> => {
    // A failed look is said once, however many asked for it.
    lookWaiting ??= inTurn(() => lookNow())
      .catch((error: unknown) => say(error instanceof Error ? error.message : String(error)))
      .finally(() => {
        lookWaiting = undefined;
      });
    return lookWaiting;
  };
  // The window back (another program may have changed the folder meanwhile): look again.
  // Listened to from the start: the window may come back while the first state is on its way,
  // after the server looked at the folder; that look waits for the first sync.
  const onVisible = () => {
    if (document.visibilityState === 'visible') void look();
  };
  const onFocus = () => void look();
  document.addEventListener('visibilitychange', onVisible);
  window.addEventListener('focus', onFocus);
  const first: StateAnswer = await client.state().catch((error: unknown) => {
    document.removeEventListener('visibilitychange', onVisible);
    window.removeEventListener('focus', onFocus);
    throw error;
  });
  let state: WorkbenchState = first;
  let matcher: ActorMatcher = actorMatcher(state.actors);
  /** The version of the graph shown: a diff applies to that one only. */
  let shownGraph = options.graphVersion;
  /** Whether the last graph failed to come in (asked for again at the next look). */
  let graphFailed = false;

  const status = h('p', { className: 'workbench-status', 'aria-live': 'polite' });
  /** Why the data folder, as read from disk, does not build (WorkbenchState.problems). */
  const problemList = h('ul', {
    className: 'workbench-problems field-error',
    role: 'alert',
    hidden: true,
  });
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
    problemList.hidden = state.problems.length === 0;
    replaceChildren(
      problemList,
      state.problems.map((p) => h('li', {}, problemText(p))),
    );
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
                `${a.outlet ?? 'outlet unknown'} · ${a.published ?? 'undated'} · ${plural(a.relations, 'relation')}`,
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
      problemList,
      h(
        'details',
        {
          className: 'article-details',
          // Opened: the list as the data folder has it now.
          ontoggle: (event: Event) => {
            if ((event.currentTarget as HTMLDetailsElement).open) void look();
          },
        },
        h('summary', {}, `Articles`),
        articleList,
      ),
    ),
  );
  drawSection();

  /**
   * The article the reader shows, or null once it is closed (closing hides it: reader.current()
   * keeps the last one, which no look or save need read again).
   */
  const shownArticle = (): ArticleView | null => (readerHost.hidden ? null : reader.current());

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
      const open = shownArticle();
      if (open) {
        const fresh = await client.article(open.id).catch(() => null);
        // Another article opened meanwhile, or the reader closed: leave it as the user left it.
        if (shownArticle() === open) {
          if (fresh) reader.show(fresh);
          else closeReader();
        }
      }
    }
    if (!(await showGraph(result.graphDiff, said))) return;
    say(said);
  };

  /**
   * Takes in the graph of state.graphVersion, when it is not the one shown: `diff` when it
   * goes from the version shown, else the whole graph. False when that failed (said, after
   * `said`: what the status line would have said, if anything).
   */
  const showGraph = async (
    diff: ChangeResult['graphDiff'],
    said: string | null,
  ): Promise<boolean> => {
    if (state.graphVersion !== shownGraph) {
      // A diff from another version than the one shown (another tab saved in between) does
      // not apply: the whole graph is fetched.
      const fits = diff !== undefined && diff.from === shownGraph && diff.to === state.graphVersion;
      try {
        shownGraph = await options.rebuilt(state.graphVersion, fits ? diff : undefined);
        graphFailed = false;
      } catch (error) {
        // The files are written: only the page is behind, by how much it cannot tell.
        shownGraph = undefined;
        graphFailed = true;
        console.error(error);
        say(
          `${said === null ? '' : `${said} `}The network could not take in the new build (${error instanceof Error ? error.message : String(error)}): reload the page to see it.`,
        );
        return false;
      }
    }
    document.body.setAttribute('data-graph-version', String(shownGraph ?? state.graphVersion));
    return true;
  };

  /**
   * Asks for the state (the server looks at the data folder) and takes in what changed there:
   * the list, the actors, the graph. The status line says which articles came or went, also
   * when the network did not change (an article that does not build, or any while another
   * file does not). An article open in the reader whose YAML or text changed on disk is not
   * replaced under the user's hands: the reader offers to reload it.
   */
  const lookNow = async ({ reopen = false } = {}) => {
    const answer = await client.state();
    const open = shownArticle();
    // Nothing changed on disk, and the page shows the server's state and graph: nothing to
    // redraw. (A graph that failed to come in is asked for again; one whose version the page
    // could not tell is not fetched again for that.)
    if (!reopen && !graphFailed && sameState(state, answer)) {
      state = answer;
      return;
    }
    const before = state;
    state = answer;
    matcher = actorMatcher(state.actors);
    drawSection();
    const said = describeLook(before, state, state.graphVersion !== shownGraph);
    if (open && reopen) await openArticle(open.id);
    else if (open) checkOpen(open);
    if (!(await showGraph(answer.graphDiff, said))) return;
    if (said) say(said);
  };

  /**
   * Tells the reader when the article it shows changed on disk since it read it, its YAML or
   * its text (the state's versions), or is gone. Its text gone, the article still opens (its
   * YAML is there): the reader offers to reload it, as for a change.
   */
  const checkOpen = (open: ArticleView) => {
    const reload = { label: 'Reload the article', run: () => void refresh() };
    const yaml = `articles/${open.id}.yaml`;
    const text = `articles/${open.id}.txt`;
    const version = state.versions[yaml];
    if (version === undefined) {
      return reader.message(
        `${yaml} is no longer on disk (removed by another program or a git pull?).`,
      );
    }
    const changed = (path: string) =>
      reader.message(`${path} changed on disk since the reader showed it.`, reload);
    if (version !== open.version) return changed(yaml);
    const textVersion = state.versions[text];
    if (textVersion === open.textVersion) return;
    if (textVersion !== undefined) return changed(text);
    reader.message(
      `${text} is no longer on disk (removed by another program or a git pull?): the reader shows the text it read; reloaded, the article has no text.`,
      reload,
    );
  };
  /** The state and the article open read again (after a conflict, or when asked to). */
  const refresh = () => inTurn(() => lookNow({ reopen: true }));

  /** Says a conflict, in the reader too (with a reload) when an article is open; its text. */
  const conflict = (error: ApiError): { text: string; inReader: boolean } => {
    const text = `${error.message} Nothing was written.`;
    say(text);
    const inReader = shownArticle() !== undefined;
    if (inReader) reader.message(text, { label: 'Reload the article', run: () => void refresh() });
    return { text, inReader };
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
        // The text the reader showed: nothing is saved once it changed on disk (409).
        if (view?.id === change.article && view.textVersion !== undefined) {
          versions[`articles/${change.article}.txt`] = view.textVersion;
        }
      }
    }
    performance.mark('annotate-save');
    try {
      await inTurn(async () => {
        const result = await client.change({ changes, versions });
        await took(result, `Saved: ${result.written.join(', ')}.`);
      });
      performance.mark('annotate-shown');
      performance.measure('annotate-save-to-shown', 'annotate-save', 'annotate-shown');
      return null;
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      if (error.failure.reason === 'conflict') {
        const told = conflict(error);
        return {
          problems: [{ message: told.text }],
          nothingWritten: true,
          ...(told.inReader ? { toldInReader: true as const } : {}),
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
      await inTurn(async () => {
        const what = state.undo;
        const result = await client.undo();
        await took(result, `Undone: ${what ?? 'the last change'}.`);
      });
    } catch (error) {
      if (error instanceof ApiError && error.failure.reason === 'conflict') conflict(error);
      else say(error instanceof Error ? error.message : String(error));
      undoButton.disabled = state.undo === null;
    }
  }
  // The first state may have found the folder changed since graph.json was loaded: shown, the
  // first turn ends (showGraph says its own failure).
  try {
    await showGraph(first.graphDiff, 'The data folder changed on disk: taken in.');
  } finally {
    // Even if showing it threw: the queue must not wait for ever.
    firstSynced();
  }
  return { apply: (changes) => apply(changes), undo, look };
}
