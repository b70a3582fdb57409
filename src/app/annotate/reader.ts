import type { ActorMatcher } from '../../core/annotate/actorChoices.ts';
import type {
  ArticleView,
  Change,
  RelationView,
  SuggestionsView,
  WorkbenchState,
} from '../../core/annotate/api.ts';
import { markRuns } from '../../core/annotate/marks.ts';
import { MODALITY_TEXT } from '../../core/style.ts';
import { h, replaceChildren, swatch } from '../dom.ts';
import { icon } from '../icons.ts';
import { relationForm, type RelationForm } from './relationForm.ts';
import { describeUndo, problemText, type SaveResult } from './saveResult.ts';
import { suggestionsSection } from './suggestions.ts';

export interface ReaderContext {
  state(): WorkbenchState;
  matcher(): ActorMatcher;
  /** Sends changes to the article; resolves to the problems of a refusal, or null once saved. */
  save(view: ArticleView, changes: Change[]): Promise<SaveResult>;
  /** Takes back the last change (the workbench's undo). */
  undo(): void;
  /** The machine's suggestions for an article. */
  suggestions(article: string): Promise<SuggestionsView>;
  close(): void;
}

export interface Reader {
  show(view: ArticleView, quote?: { start: number; end: number }): void;
  /** The article shown, if any. */
  current(): ArticleView | null;
  /**
   * Says something in the reader's message line (a conflict, a failure); the message shown
   * already (the same text and action label) is left as it is.
   */
  message(text: string, action?: { label: string; run: () => void }): void;
  /** The workbench's status (what was saved or undone) and what undo would take back. */
  status(text: string, undo: string | null): void;
}

/**
 * The reader: an article's text with every annotated quote marked and coloured by relation
 * type, its relations beside it, and the relation form. Selecting text (with the mouse, or
 * with Shift and the arrow keys: the text takes a caret but refuses edits) starts a new
 * relation quoting it; Enter then goes to the form. A relation is edited or deleted from the
 * list, or from its mark in the text.
 */
export function mountReader(host: HTMLElement, context: ReaderContext): Reader {
  let view: ArticleView | null = null;
  let form: { form: RelationForm; index?: number } | null = null;

  const title = h('h2', { id: 'reader-title', className: 'reader-title', tabindex: -1 });
  const meta = h('p', { className: 'reader-meta' });
  const messageLine = h('div', { className: 'reader-message', role: 'alert', hidden: true });
  const text = h('div', {
    className: 'reader-text',
    contenteditable: 'true',
    role: 'textbox',
    'aria-readonly': 'true',
    'aria-multiline': 'true',
    'aria-label': 'Article text: select a quote to annotate it',
    spellcheck: 'false',
  });
  const hint = h(
    'p',
    { className: 'hint' },
    'Select a quote in the text (mouse, or Shift and the arrow keys) to start a relation; Enter goes to its form.',
  );
  const formHolder = h('div', { className: 'reader-form' });
  const newButton = h(
    'button',
    { type: 'button', onclick: () => startNew(selectedQuote() ?? '') },
    'New relation',
  );
  const undoButton = h(
    'button',
    { type: 'button', className: 'reader-undo', disabled: true, onclick: () => context.undo() },
    'Undo',
  );
  const statusLine = h('p', { className: 'form-status', 'aria-live': 'polite' });
  const listTitle = h('h3', { id: 'reader-relations-title' });
  const list = h('ol', {
    className: 'reader-relations',
    'aria-labelledby': 'reader-relations-title',
  });

  const suggestions = suggestionsSection({
    state: context.state,
    load: (article) => context.suggestions(article),
    save: (shown, changes) => context.save(shown, changes),
    edit: (initial) => {
      openForm(undefined, initial);
      formHolder.scrollIntoView({ block: 'nearest' });
    },
  });

  replaceChildren(
    host,
    h(
      'section',
      { className: 'reader', 'aria-labelledby': 'reader-title' },
      h(
        'div',
        { className: 'reader-header' },
        title,
        h(
          'button',
          {
            type: 'button',
            className: 'icon-button',
            'aria-label': 'Close the reader',
            title: 'Close',
            onclick: () => context.close(),
          },
          icon('close'),
        ),
      ),
      meta,
      messageLine,
      text,
      hint,
      h('div', { className: 'form-actions reader-actions' }, newButton, undoButton),
      statusLine,
      formHolder,
      suggestions.element,
      listTitle,
      list,
    ),
  );

  // ---- the text refuses edits but keeps its caret and selection ----
  for (const type of ['beforeinput', 'paste', 'drop', 'cut'])
    text.addEventListener(type, (event) => event.preventDefault());
  // An input method's composition cannot be cancelled: whatever it changed is drawn again
  // from the article, so that offsets always refer to the text as the build reads it.
  const restore = () => {
    if (view && text.textContent !== view.text) render();
  };
  text.addEventListener('input', restore);
  text.addEventListener('compositionend', restore);

  /** The selection in the text as offsets, whitespace at its ends left out. */
  const selectedSpan = (): { start: number; end: number } | null => {
    const selection = window.getSelection();
    if (!view || !selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    if (!text.contains(range.startContainer) || !text.contains(range.endContainer)) return null;
    const offset = (node: Node, at: number) => {
      const before = document.createRange();
      before.setStart(text, 0);
      before.setEnd(node, at);
      return before.toString().length;
    };
    let start = offset(range.startContainer, range.startOffset);
    let end = offset(range.endContainer, range.endOffset);
    while (start < end && /\s/.test(view.text[start]!)) start++;
    while (end > start && /\s/.test(view.text[end - 1]!)) end--;
    return start < end ? { start, end } : null;
  };
  const selectedQuote = () => {
    const span = selectedSpan();
    return span && view ? view.text.slice(span.start, span.end) : null;
  };
  const takeSelection = () => {
    const quote = selectedQuote();
    if (quote === null) return;
    if (form) form.form.setQuote(quote);
    else startNew(quote, false);
  };
  text.addEventListener('mouseup', takeSelection);
  text.addEventListener('keyup', (event) => {
    if (event.shiftKey || event.key === 'Shift') takeSelection();
  });
  text.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      const quote = selectedQuote();
      if (quote !== null) {
        if (form) form.form.setQuote(quote);
        else startNew(quote, false);
      }
      form?.form.focusFirst();
    }
  });
  // A mark: its relations in the list, ready to edit or delete.
  text.addEventListener('click', (event) => {
    const mark = (event.target as Element).closest('mark[data-relations]');
    if (!mark || selectedSpan()) return;
    const indexes = (mark.getAttribute('data-relations') ?? '').split(' ').map(Number);
    showInList(indexes);
  });

  const showInList = (indexes: number[]) => {
    list.querySelectorAll('.is-marked').forEach((el) => el.classList.remove('is-marked'));
    const items = indexes
      .map((i) => list.querySelector<HTMLElement>(`[data-index="${i}"]`))
      .filter((el): el is HTMLElement => el !== null);
    for (const item of items) item.classList.add('is-marked');
    items[0]?.scrollIntoView({ block: 'nearest' });
    items[0]?.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
  };

  const closeForm = () => {
    form = null;
    replaceChildren(formHolder);
    newButton.hidden = false;
  };
  const openForm = (index?: number, initial?: Partial<RelationView>, focus = true) => {
    if (!view) return;
    const shown = view;
    const made = relationForm({
      article: shown.id,
      state: context.state,
      matcher: context.matcher,
      ...(index === undefined ? {} : { index }),
      ...(initial ? { initial } : {}),
      save: (changes) => context.save(shown, changes),
      cancel: () => {
        closeForm();
        newButton.focus();
      },
    });
    form = { form: made, ...(index === undefined ? {} : { index }) };
    replaceChildren(formHolder, made.element);
    newButton.hidden = true;
    if (focus) made.focusFirst();
  };
  const startNew = (quote: string, focus = true) => openForm(undefined, { quote }, focus);

  const describeRelation = (r: RelationView) => {
    const type = context.state().relationTypes.find((t) => t.id === r.type);
    return `${r.source} ${type?.label ?? r.type} ${r.target}${r.modality && r.modality !== 'asserted' ? ` (${r.modality})` : ''}`;
  };

  const render = (quote?: { start: number; end: number }) => {
    if (!view) return;
    const shown = view;
    title.textContent = shown.title;
    const published = shown.published
      ? `${shown.published.date}${shown.published.basis === 'inferred' ? ' (inferred)' : ''}`
      : 'undated';
    replaceChildren(
      meta,
      `${shown.outlet ?? 'Outlet unknown'} · ${published} · `,
      h('code', {}, `articles/${shown.id}.yaml`),
    );
    const colorOf = new Map(context.state().relationTypes.map((t) => [t.id, t.color]));
    const runs = markRuns(
      shown.text.length,
      shown.relations.flatMap((r) =>
        r.start !== undefined && r.end !== undefined
          ? [{ index: r.index, start: r.start, end: r.end }]
          : [],
      ),
    );
    const byIndex = new Map(shown.relations.map((r) => [r.index, r]));
    let focusMark: HTMLElement | undefined;
    replaceChildren(
      text,
      runs.map((run) => {
        const part = shown.text.slice(run.start, run.end);
        if (run.relations.length === 0) return part;
        const first = byIndex.get(run.relations[0]!)!;
        const types = new Set(run.relations.map((i) => byIndex.get(i)!.type));
        const mark = h(
          'mark',
          {
            className: `quote-mark${types.size > 1 ? ' quote-mark-multi' : ''}`,
            style: `--mark: ${colorOf.get(first.type) ?? '#888'}`,
            'data-relations': run.relations.join(' '),
            title: `Supports: ${run.relations.map((i) => describeRelation(byIndex.get(i)!)).join('; ')}`,
          },
          part,
        );
        if (quote && run.start < quote.end && run.end > quote.start) focusMark ??= mark;
        return mark;
      }),
    );
    focusMark?.scrollIntoView({ block: 'center' });
    focusMark?.classList.add('quote-mark-current');

    listTitle.textContent = `Relations (${shown.relations.length})`;
    replaceChildren(
      list,
      shown.relations.map((r) =>
        h(
          'li',
          { className: 'reader-relation', 'data-index': r.index },
          h(
            'p',
            { className: 'reader-relation-head' },
            swatch(colorOf.get(r.type) ?? '#888'),
            ` ${describeRelation(r)}`,
            r.modality && r.modality !== 'asserted'
              ? h(
                  'span',
                  { className: `badge badge-${r.modality}` },
                  MODALITY_TEXT[r.modality].short,
                )
              : null,
          ),
          h('blockquote', { className: 'quote' }, r.quote),
          r.start === undefined
            ? h('p', { className: 'field-error' }, 'This quote is not found in the text.')
            : null,
          r.note ? h('p', { className: 'annotation-note' }, r.note) : null,
          h(
            'div',
            { className: 'form-actions' },
            h(
              'button',
              {
                type: 'button',
                'aria-label': `Edit relation ${r.index + 1}: ${describeRelation(r)}`,
                onclick: () =>
                  openForm(r.index, {
                    source: r.source,
                    target: r.target,
                    type: r.type,
                    modality: r.modality ?? 'asserted',
                    quote: r.quote,
                    ...(r.note ? { note: r.note } : {}),
                  }),
              },
              'Edit',
            ),
            h(
              'button',
              {
                type: 'button',
                'aria-label': `Delete relation ${r.index + 1}: ${describeRelation(r)}`,
                onclick: () =>
                  void context
                    .save(shown, [{ kind: 'delete-relation', article: shown.id, index: r.index }])
                    .then((failed) => {
                      if (failed && !failed.toldInReader)
                        reader.message(failed.problems.map(problemText).join(' '));
                    }),
              },
              'Delete',
            ),
          ),
        ),
      ),
    );
  };

  const reader: Reader = {
    show(next, quote) {
      const sameArticle = view?.id === next.id;
      view = next;
      messageLine.hidden = true;
      // A saved relation closes its form; another article closes any.
      closeForm();
      render(quote);
      suggestions.show(next);
      if (!sameArticle) title.focus({ preventScroll: true });
    },
    current: () => view,
    status(said, undo) {
      statusLine.textContent = said;
      describeUndo(undoButton, undo);
    },
    message(textOf, action) {
      // The same message again (each look while a change on disk is not reloaded): kept as
      // it is, not announced again, its button (and the focus on it) left in place.
      const key = `${textOf}\n${action?.label ?? ''}`;
      if (!messageLine.hidden && messageLine.dataset.said === key) return;
      messageLine.dataset.said = key;
      replaceChildren(
        messageLine,
        h('p', {}, textOf),
        action ? h('button', { type: 'button', onclick: action.run }, action.label) : null,
      );
      messageLine.hidden = false;
    },
  };
  return reader;
}
