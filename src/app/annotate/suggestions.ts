import type {
  ArticleView,
  Change,
  RelationInput,
  SuggestionView,
  SuggestionsView,
  WorkbenchState,
} from '../../core/annotate/api.ts';
import { MODALITY_TEXT } from '../../core/style.ts';
import { h, plural, replaceChildren, swatch } from '../dom.ts';
import { notSavedText, problemText, type SaveResult } from './saveResult.ts';

export interface SuggestionsContext {
  state(): WorkbenchState;
  load(article: string): Promise<SuggestionsView>;
  save(view: ArticleView, changes: Change[]): Promise<SaveResult>;
  /** Opens the relation form filled with a suggestion, to correct it before saving. */
  edit(initial: Partial<RelationInput>): void;
}

export interface SuggestionsSection {
  element: HTMLElement;
  /** The article shown changed (another article, or a save): suggested again if open. */
  show(view: ArticleView): void;
}

/**
 * "Suggestions": relations the machine finds in the article's text (src/core/suggest, run by
 * the write server), each with its sentence, the names and cue words that made it, its type,
 * modality, score and why; marked as machine-made. Accept saves it as an ordinary relation
 * through the same checks as the form; Edit opens the form with it; Dismiss remembers it in
 * the article's YAML so that it is not proposed again. Computed when the section is opened.
 */
export function suggestionsSection(context: SuggestionsContext): SuggestionsSection {
  let view: ArticleView | null = null;
  let loaded: string | null = null;
  const status = h('p', { className: 'form-status', 'aria-live': 'polite' });
  const list = h('ol', { className: 'machine-suggestions' });
  const details = h(
    'details',
    { className: 'suggestions-section' },
    h('summary', { className: 'section-summary' }, 'Suggestions (machine-made)'),
    h(
      'p',
      { className: 'hint' },
      'Relations the machine finds in the text, for you to accept, correct or dismiss. None is evidence until you accept it.',
    ),
    status,
    list,
  );

  const labelOf = (id: string) => context.state().actors.find((a) => a.id === id)?.label ?? id;
  const typeOf = (id: string) => context.state().relationTypes.find((t) => t.id === id);

  /** The sentence with the names, the cue and the modality cue marked, as text. */
  const sentence = (s: SuggestionView) => {
    const { start, end } = s.evidence.sentence;
    const marks = [
      { ...s.evidence.source, className: 'sugg-actor' },
      { ...s.evidence.target, className: 'sugg-actor' },
      { ...s.evidence.cue, className: 'sugg-cue' },
      ...(s.evidence.modality ? [{ ...s.evidence.modality, className: 'sugg-modality' }] : []),
    ]
      .filter((m) => m.start >= start && m.end <= end && m.start < m.end)
      .sort((a, b) => a.start - b.start);
    const parts: (Node | string)[] = [];
    let at = start;
    for (const m of marks) {
      if (m.start < at) continue; // overlapping marks: the first wins
      parts.push(s.quote.slice(at - start, m.start - start));
      parts.push(
        h('mark', { className: m.className }, s.quote.slice(m.start - start, m.end - start)),
      );
      at = m.end;
    }
    parts.push(s.quote.slice(at - start));
    return h('blockquote', { className: 'quote suggestion-sentence' }, parts);
  };

  const relationOf = (s: SuggestionView): RelationInput => ({
    source: s.source,
    type: s.type,
    target: s.target,
    quote: s.quote,
    ...(s.modality !== 'asserted' ? { modality: s.modality } : {}),
  });

  const act = async (shown: ArticleView, changes: Change[], done: string) => {
    // One save at a time: a second click (a double click on Accept) would send the change
    // again against the version the first one replaced, and be refused as a conflict.
    const buttons = [...list.querySelectorAll('button')];
    for (const button of buttons) button.disabled = true;
    status.textContent = 'Saving…';
    try {
      const failed = await context.save(shown, changes);
      status.textContent = !failed
        ? done
        : failed.toldInReader
          ? 'Not saved: the reader says why, with a button to reload the article.'
          : `${notSavedText(failed)} ${failed.problems.map(problemText).join(' ')}`;
    } finally {
      for (const button of buttons) button.disabled = false;
    }
  };

  const render = (result: SuggestionsView) => {
    if (!view) return;
    const shown = view;
    status.textContent =
      result.suggestions.length === 0
        ? `No suggestion for this article${result.dismissed ? ` (${result.dismissed} dismissed)` : ''}.`
        : `${plural(result.suggestions.length, 'suggestion')}${result.dismissed ? `, ${result.dismissed} dismissed before` : ''}${result.ambiguous.length ? `; names left out as ambiguous: ${result.ambiguous.map((a) => `“${a.text}” (${a.actors.join(', ')})`).join(', ')}` : ''}.`;
    replaceChildren(
      list,
      result.suggestions.map((s) => {
        const type = typeOf(s.type);
        const text = `${labelOf(s.source)} ${type?.label ?? s.type} ${labelOf(s.target)}`;
        return h(
          'li',
          { className: 'machine-suggestion' },
          h(
            'p',
            { className: 'reader-relation-head' },
            swatch(type?.color ?? '#888'),
            ` ${text}`,
            s.modality !== 'asserted'
              ? h(
                  'span',
                  { className: `badge badge-${s.modality}` },
                  MODALITY_TEXT[s.modality].short,
                )
              : null,
            h('span', { className: 'badge badge-machine' }, `suggested · ${s.score.toFixed(2)}`),
          ),
          sentence(s),
          h('p', { className: 'hint' }, s.why),
          h(
            'div',
            { className: 'form-actions' },
            h(
              'button',
              {
                type: 'button',
                'aria-label': `Accept: ${text}`,
                onclick: () =>
                  void act(
                    shown,
                    [{ kind: 'add-relation', article: shown.id, relation: relationOf(s) }],
                    `Accepted: ${text}.`,
                  ),
              },
              'Accept',
            ),
            h(
              'button',
              {
                type: 'button',
                'aria-label': `Edit before accepting: ${text}`,
                onclick: () =>
                  context.edit({
                    ...relationOf(s),
                    source: labelOf(s.source),
                    target: labelOf(s.target),
                    modality: s.modality,
                  }),
              },
              'Edit',
            ),
            h(
              'button',
              {
                type: 'button',
                'aria-label': `Dismiss: ${text}`,
                onclick: () =>
                  void act(
                    shown,
                    [
                      {
                        kind: 'dismiss-suggestion',
                        article: shown.id,
                        suggestion: {
                          source: s.source,
                          type: s.type,
                          target: s.target,
                          quote: s.quote,
                        },
                      },
                    ],
                    `Dismissed: ${text}.`,
                  ),
              },
              'Dismiss',
            ),
          ),
        );
      }),
    );
  };

  const load = () => {
    if (!view || !details.open) return;
    // The suggestions read the text: another text (changed on disk, reloaded), others.
    const key = `${view.id}\n${view.version}\n${view.textVersion ?? ''}`;
    if (loaded === key) return;
    loaded = key;
    const id = view.id;
    status.textContent = 'Reading the text…';
    context.load(id).then(
      (result) => {
        if (view?.id === id) render(result);
      },
      (error: unknown) => {
        loaded = null;
        status.textContent = error instanceof Error ? error.message : String(error);
      },
    );
  };
  details.addEventListener('toggle', load);

  return {
    element: details,
    show(next) {
      if (view?.id !== next.id) replaceChildren(list);
      view = next;
      load();
    },
  };
}
