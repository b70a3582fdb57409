import { actorIdFor, type ActorMatcher } from '../../core/annotate/actorChoices.ts';
import type {
  Change,
  FieldProblem,
  NewActor,
  ProblemField,
  RelationInput,
  WorkbenchState,
} from '../../core/annotate/api.ts';
import { foldForSearch, type SearchMatch } from '../../core/explore/search.ts';
import { ACTOR_KINDS, MODALITIES, type ActorKind, type Modality } from '../../core/model.ts';
import { MODALITY_TEXT } from '../../core/style.ts';
import { h, replaceChildren } from '../dom.ts';
import { actorField, type ActorField } from './combobox.ts';
import { fieldRow } from './fields.ts';
import { notSavedText, problemText, type SaveResult } from './saveResult.ts';

export interface RelationFormOptions {
  article: string;
  state: () => WorkbenchState;
  matcher: () => ActorMatcher;
  /** The relation being edited (its index in the article), or a new one's first values. */
  initial?: Partial<RelationInput>;
  index?: number;
  /** Sends the changes; resolves to the problems of a refusal, or null once saved. */
  save(changes: Change[]): Promise<SaveResult>;
  cancel(): void;
}

export interface RelationForm {
  element: HTMLFormElement;
  /** Fills the quote (from a selection in the text). */
  setQuote(quote: string): void;
  focusFirst(): void;
}

let forms = 0;

/**
 * "New relation" (or "Edit relation"): source and target (actor comboboxes), relation type,
 * modality, quote and note; a name that matches no actor can become a new actor, written to
 * actors.yaml with the relation. A refusal shows the build's message beside the field at
 * fault.
 */
export function relationForm(options: RelationFormOptions): RelationForm {
  const n = ++forms;
  const editing = options.index !== undefined;
  const state = options.state();
  const errors = new Map<ProblemField | 'form', HTMLElement>();
  const errorFor = (field: ProblemField | 'form') => {
    let el = errors.get(field);
    if (!el) {
      el = h('p', {
        className: 'field-error',
        id: `rf${n}-${field.replace('.', '-')}-error`,
        role: 'alert',
        hidden: true,
      });
      errors.set(field, el);
    }
    return el;
  };
  const controls = new Map<
    ProblemField,
    HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement
  >();
  const describe = (
    field: ProblemField,
    control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
  ) => {
    controls.set(field, control);
    control.setAttribute('aria-describedby', errorFor(field).id);
    return control;
  };

  const row = (
    text: string,
    control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
    field: ProblemField,
    hint?: string,
  ) => fieldRow(text, describe(field, control), errorFor(field), hint);

  // ---- new actors (one per side at most) ----
  const newActors: {
    side: 'source' | 'target';
    fieldset: HTMLFieldSetElement;
    read(): NewActor;
  }[] = [];
  const newActorFor = (side: 'source' | 'target', field: ActorField, holder: HTMLElement) => {
    if (newActors.some((a) => a.side === side)) return;
    const name = field.input.value.trim();
    const taken = new Set(options.state().actors.map((a) => a.id));
    const prefix = `rf${n}-${side}-actor`;
    const input = (key: string, value: string, extra: Record<string, string | boolean> = {}) =>
      h('input', {
        id: `${prefix}-${key}`,
        name: `${side}-actor-${key}`,
        type: 'text',
        value,
        ...extra,
      });
    const id = input('id', actorIdFor(name, taken), {
      required: true,
      pattern: '[a-z0-9]+(-[a-z0-9]+)*',
    });
    const label = input('label', name, { required: true });
    const kind = h(
      'select',
      { id: `${prefix}-kind`, name: `${side}-actor-kind` },
      ACTOR_KINDS.map((k) => h('option', { value: k, selected: k === 'person' }, k)),
    );
    const aliases = input('aliases', '');
    const affiliation = h(
      'select',
      { id: `${prefix}-affiliation`, name: `${side}-actor-affiliation` },
      h('option', { value: '' }, '(none)'),
      [...options.state().actors]
        .sort((a, b) => a.label.localeCompare(b.label))
        .map((a) => h('option', { value: a.id }, a.label)),
    );
    // Each side's new actor has errors of its own (showProblems finds them by the control).
    const actorRow = (text: string, control: HTMLElement, hint?: string) => {
      const error = h('p', {
        className: 'field-error',
        id: `${control.id}-error`,
        role: 'alert',
        hidden: true,
      });
      control.setAttribute('aria-describedby', error.id);
      return fieldRow(text, control, error, hint);
    };
    const fieldset = h(
      'fieldset',
      { className: 'new-actor' },
      h('legend', {}, `New actor (${side})`),
      actorRow('Id', id, 'lower-case words joined by hyphens'),
      actorRow('Label', label),
      actorRow('Kind', kind),
      actorRow('Aliases', aliases, 'other names the articles use, separated by commas'),
      actorRow('Affiliation', affiliation),
      h(
        'button',
        {
          type: 'button',
          className: 'link-button',
          onclick: () => {
            const at = newActors.findIndex((a) => a.side === side);
            if (at >= 0) newActors.splice(at, 1);
            fieldset.remove();
            field.input.focus();
          },
        },
        'Do not add this actor',
      ),
    );
    newActors.push({
      side,
      fieldset,
      read: () => ({
        id: id.value.trim(),
        label: label.value.trim(),
        kind: kind.value as ActorKind,
        ...(aliases.value.trim()
          ? {
              aliases: aliases.value
                .split(',')
                .map((a) => a.trim())
                .filter(Boolean),
            }
          : {}),
        ...(affiliation.value ? { affiliation: affiliation.value } : {}),
      }),
    });
    holder.append(fieldset);
    id.focus();
  };

  // ---- the relation's fields ----
  const actorSide = (side: 'source' | 'target', text: string) => {
    const holder = h('div', { className: 'actor-side' });
    const offer = h('p', { className: 'new-actor-offer', hidden: true });
    const field = actorField(text, side, options.matcher, (matches) => refreshOffer(matches));
    describe(side, field.input);
    // A name is known when one of the actors it matches has it exactly (titles included: the
    // build does not strip "Mr.").
    const refreshOffer = (matches?: readonly SearchMatch[]) => {
      const name = field.input.value.trim();
      const folded = foldForSearch(name);
      const known =
        name === '' ||
        field.chosen() !== null ||
        (matches ?? options.matcher().match(name, 3)).some(
          (m) => m.score === 0 && foldForSearch(m.matched) === folded,
        );
      offer.hidden = known || newActors.some((a) => a.side === side);
      if (offer.hidden) return;
      replaceChildren(
        offer,
        `No actor is named “${name}”. `,
        h(
          'button',
          {
            type: 'button',
            className: 'link-button',
            onclick: () => {
              offer.hidden = true;
              newActorFor(side, field, holder);
            },
          },
          'New actor…',
        ),
      );
    };
    field.element.append(errorFor(side));
    holder.append(field.element, offer);
    return { field, holder, refreshOffer };
  };
  const source = actorSide('source', 'Source');
  const target = actorSide('target', 'Target');
  const type = describe(
    'type',
    h(
      'select',
      { id: `rf${n}-type`, name: 'type' },
      state.relationTypes.map((t) => h('option', { value: t.id }, t.label)),
    ),
  ) as HTMLSelectElement;
  const modality = describe(
    'modality',
    h(
      'select',
      { id: `rf${n}-modality`, name: 'modality' },
      MODALITIES.map((m) => h('option', { value: m }, `${m} — ${MODALITY_TEXT[m].explain}`)),
    ),
  ) as HTMLSelectElement;
  const quote = describe(
    'quote',
    h('textarea', { id: `rf${n}-quote`, name: 'quote', rows: 3, required: true }),
  ) as HTMLTextAreaElement;
  const note = describe(
    'note',
    h('input', { id: `rf${n}-note`, name: 'note', type: 'text' }),
  ) as HTMLInputElement;

  const initial = options.initial ?? {};
  source.field.set(initial.source ?? '');
  target.field.set(initial.target ?? '');
  if (initial.type) type.value = initial.type;
  modality.value = initial.modality ?? 'asserted';
  quote.value = initial.quote ?? '';
  note.value = initial.note ?? '';

  const saveButton = h('button', { type: 'submit', className: 'primary' }, 'Save relation');
  const status = h('p', { className: 'form-status', 'aria-live': 'polite' });
  const titleId = `rf${n}-title`;
  const form = h(
    'form',
    { className: 'relation-form', 'aria-labelledby': titleId, novalidate: true },
    h('h3', { id: titleId }, editing ? `Edit relation ${options.index! + 1}` : 'New relation'),
    source.holder,
    row('Relation', type, 'type'),
    target.holder,
    row('Modality', modality, 'modality'),
    row('Quote', quote, 'quote', 'verbatim from the text: select it there, or type it'),
    row('Note', note, 'note'),
    errorFor('form'),
    h(
      'div',
      { className: 'form-actions' },
      saveButton,
      h('button', { type: 'button', onclick: () => options.cancel() }, 'Cancel'),
    ),
    status,
  );
  source.refreshOffer();
  target.refreshOffer();

  const clearProblems = () => {
    for (const el of form.querySelectorAll<HTMLElement>('.field-error')) {
      el.hidden = true;
      el.textContent = '';
    }
    for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  };
  const showProblems = (problems: FieldProblem[], changes: Change[]) => {
    let first: HTMLElement | undefined;
    for (const p of problems) {
      let field: ProblemField | 'form' = p.field && errors.has(p.field) ? p.field : 'form';
      // An actor's problem goes to the fieldset of that actor's change.
      if (p.field?.startsWith('actor.') && p.change !== undefined) {
        const change = changes[p.change];
        if (change?.kind === 'add-actor') {
          const side = newActors.find((a) => a.read().id === change.actor.id)?.side;
          const control =
            side && document.getElementById(`rf${n}-${side}-actor-${p.field.slice(6)}`);
          if (control) {
            const el = document.getElementById(control.getAttribute('aria-describedby') ?? '');
            if (el) {
              el.textContent = problemText(p);
              el.hidden = false;
              control.setAttribute('aria-invalid', 'true');
              first ??= control;
              continue;
            }
          }
        }
      }
      if (field !== 'form' && !controls.has(field)) field = 'form';
      const el = errorFor(field);
      const where = field === 'form' && p.file ? `${p.file}${p.line ? `:${p.line}` : ''}: ` : '';
      el.textContent = `${el.textContent ? `${el.textContent} ` : ''}${where}${problemText(p)}`;
      el.hidden = false;
      const control = field === 'form' ? undefined : controls.get(field);
      control?.setAttribute('aria-invalid', 'true');
      first ??= control ?? el;
    }
    first?.focus();
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearProblems();
    const relation: RelationInput = {
      source: source.field.input.value.trim(),
      type: type.value,
      target: target.field.input.value.trim(),
      quote: quote.value,
      ...(modality.value !== 'asserted' ? { modality: modality.value as Modality } : {}),
      ...(note.value.trim() ? { note: note.value.trim() } : {}),
    };
    // The new actors' labels are the names the relation gives.
    const actors = newActors.map((a) => a.read());
    newActors.forEach((a, i) => {
      const actor = actors[i]!;
      if (a.side === 'source') relation.source = actor.label || relation.source;
      else relation.target = actor.label || relation.target;
    });
    const changes: Change[] = [
      ...actors.map((actor) => ({ kind: 'add-actor' as const, actor })),
      editing
        ? { kind: 'edit-relation', article: options.article, index: options.index!, relation }
        : { kind: 'add-relation', article: options.article, relation },
    ];
    saveButton.disabled = true;
    status.textContent = 'Checking with the build…';
    void options.save(changes).then(
      (failed) => {
        saveButton.disabled = false;
        if (failed === null) {
          status.textContent = 'Saved.';
          return;
        }
        status.textContent = notSavedText(failed);
        showProblems(failed.problems, changes);
      },
      (error: unknown) => {
        saveButton.disabled = false;
        status.textContent = 'Not saved.';
        showProblems(
          [{ message: error instanceof Error ? error.message : String(error) }],
          changes,
        );
      },
    );
  });
  form.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && !event.defaultPrevented) {
      event.preventDefault();
      event.stopPropagation();
      options.cancel();
    }
  });

  return {
    element: form,
    setQuote(text) {
      quote.value = text;
      errorFor('quote').hidden = true;
      quote.removeAttribute('aria-invalid');
    },
    focusFirst: () => source.field.input.focus(),
  };
}
