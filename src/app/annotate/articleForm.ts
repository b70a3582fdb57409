import type { Change, FieldProblem, NewArticle, ProblemField } from '../../core/annotate/api.ts';
import { h, replaceChildren } from '../dom.ts';
import { fieldRow } from './fields.ts';
import { notSavedText, problemText, type SaveResult } from './saveResult.ts';

/** The largest .txt the form reads (the build reads up to 32 MiB; an article is far less). */
const MAX_TEXT_FILE = 8 * 1024 * 1024;

/**
 * "Add article": title, outlet, URL, published date with its basis and how it is known, and
 * the text, pasted or read from a .txt file. A modal dialog (Escape closes it); a refusal
 * shows the message beside the field at fault and writes nothing.
 */
export function openArticleForm(
  save: (changes: Change[]) => Promise<SaveResult>,
): HTMLDialogElement {
  const errors = new Map<ProblemField | 'form', HTMLElement>();
  const controls = new Map<ProblemField, HTMLElement>();
  const field = (
    key: ProblemField,
    label: string,
    control: HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement,
    hint?: string,
  ) => {
    control.id = `article-${key}`;
    control.setAttribute('name', key);
    const error = h('p', {
      className: 'field-error',
      id: `article-${key}-error`,
      role: 'alert',
      hidden: true,
    });
    control.setAttribute('aria-describedby', error.id);
    errors.set(key, error);
    controls.set(key, control);
    return fieldRow(label, control, error, hint);
  };
  const title = h('input', { type: 'text', required: true });
  const outlet = h('input', { type: 'text' });
  const url = h('input', { type: 'url', placeholder: 'https://…' });
  const date = h('input', { type: 'text', placeholder: 'YYYY, YYYY-MM or YYYY-MM-DD' });
  const basis = h(
    'select',
    {},
    h('option', { value: 'stated' }, 'stated: the text gives the date'),
    h('option', { value: 'inferred' }, 'inferred: it follows from what the text reports'),
  );
  const how = h('input', { type: 'text' });
  const text = h('textarea', { rows: 10, required: true });
  const file = h('input', { type: 'file', id: 'article-file', accept: '.txt,text/plain' });
  const fileError = h('p', { className: 'field-error', role: 'alert', hidden: true });
  file.addEventListener('change', () => {
    const chosen = file.files?.[0];
    fileError.hidden = true;
    if (!chosen) return;
    if (chosen.size > MAX_TEXT_FILE) {
      fileError.textContent = `${chosen.name} is larger than 8 MB: is it an article's text?`;
      fileError.hidden = false;
      return;
    }
    chosen.text().then(
      (content) => {
        text.value = content;
      },
      (error: unknown) => {
        fileError.textContent = `${chosen.name} cannot be read: ${(error as Error).message}`;
        fileError.hidden = false;
      },
    );
  });
  const formError = h('p', { className: 'field-error', role: 'alert', hidden: true });
  errors.set('form', formError);
  const status = h('p', { className: 'form-status', 'aria-live': 'polite' });
  const saveButton = h('button', { type: 'submit', className: 'primary' }, 'Save article');
  const dialog = h('dialog', {
    className: 'article-dialog',
    'aria-labelledby': 'article-form-title',
  });
  const form = h(
    'form',
    { className: 'article-form', novalidate: true },
    h('h2', { id: 'article-form-title' }, 'Add article'),
    field('title', 'Title', title, 'the headline as published'),
    field('outlet', 'Outlet', outlet, 'who published it; leave empty if the text does not say'),
    field('url', 'URL', url, 'optional; http or https'),
    h(
      'fieldset',
      {},
      h('legend', {}, 'Published'),
      field('date', 'Date', date, 'no more precise than the text allows; leave empty if unknown'),
      field('basis', 'Basis', basis),
      field('how', 'How it is known', how, 'the words of the text the date rests on'),
    ),
    field('text', 'Text', text, 'pasted, or read from a .txt file below; written exactly as given'),
    h(
      'div',
      { className: 'field' },
      h('label', { for: file.id }, 'Read the text from a .txt file'),
      file,
      fileError,
    ),
    formError,
    h(
      'div',
      { className: 'form-actions' },
      saveButton,
      h('button', { type: 'button', onclick: () => dialog.close() }, 'Cancel'),
    ),
    status,
  );
  dialog.append(form);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    for (const el of errors.values()) {
      el.hidden = true;
      el.textContent = '';
    }
    for (const c of controls.values()) c.removeAttribute('aria-invalid');
    const article: NewArticle = {
      title: title.value.trim(),
      text: text.value,
      ...(outlet.value.trim() ? { outlet: outlet.value.trim() } : {}),
      ...(url.value.trim() ? { url: url.value.trim() } : {}),
      ...(date.value.trim() || how.value.trim()
        ? {
            published: {
              date: date.value.trim(),
              basis: basis.value as 'stated' | 'inferred',
              how: how.value.trim(),
            },
          }
        : {}),
    };
    saveButton.disabled = true;
    status.textContent = 'Saving…';
    const show = (problems: FieldProblem[]) => {
      let first: HTMLElement | undefined;
      for (const p of problems) {
        const key = p.field && errors.has(p.field) ? p.field : 'form';
        const el = errors.get(key)!;
        replaceChildren(el, `${el.textContent ? `${el.textContent} ` : ''}${problemText(p)}`);
        el.hidden = false;
        const control = key === 'form' ? undefined : controls.get(key);
        control?.setAttribute('aria-invalid', 'true');
        first ??= control ?? el;
      }
      first?.focus();
    };
    void save([{ kind: 'add-article', article }]).then(
      (failed) => {
        saveButton.disabled = false;
        if (failed === null) {
          dialog.close();
          return;
        }
        status.textContent = notSavedText(failed);
        show(failed.problems);
      },
      (error: unknown) => {
        saveButton.disabled = false;
        status.textContent = 'Not saved.';
        show([{ message: error instanceof Error ? error.message : String(error) }]);
      },
    );
  });
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  title.focus();
  return dialog;
}
