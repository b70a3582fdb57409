import type { NewArticle, PublishedInput } from './api.ts';
import { calendarDateProblem } from '../dates.ts';
import { articleIdFor } from './articleId.ts';
import { EditRefused } from './refusal.ts';
import { serialise } from './yamlText.ts';

/** The first line of every article YAML, as in the seed files. */
const ARTICLE_SCHEMA_LINE = '# yaml-language-server: $schema=../schemas/article.schema.json';

/** An http(s) URL with a host name (or an IP literal), an optional port and no whitespace. */
const HTTP_URL =
  /^https?:\/\/(?:[^\s/?#@]+@)?(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]*[a-z0-9])?)*\.?|\[[0-9a-f:.]+\])(?::\d{1,5})?(?:[/?#]\S*)?$/i;

/**
 * The two files of a new article: its YAML (schema line, title, outlet, url, published,
 * `relations: []`) and its text, written exactly as given. The id is articleIdFor's.
 */
export function newArticleFiles(
  article: NewArticle,
  existingIds: ReadonlySet<string>,
): { id: string; yaml: string; text: string } {
  if (typeof article.text !== 'string' || article.text.trim() === '') {
    throw new EditRefused('the article text is empty', 'text', 'Paste the article text.');
  }
  const title = typeof article.title === 'string' ? article.title.trim() : '';
  if (title === '')
    throw new EditRefused('the title is empty', 'title', "Give the article's headline.");
  const outlet = article.outlet?.trim() || undefined;
  const url = checkUrl(article.url);
  const published = article.published && checkPublished(article.published);
  const value = {
    title,
    ...(outlet === undefined ? {} : { outlet }),
    ...(url === undefined ? {} : { url }),
    ...(published === undefined ? {} : { published }),
    relations: [],
  };
  const id = articleIdFor(
    { title, ...(outlet ? { outlet } : {}), ...(published ? { published } : {}) },
    existingIds,
  );
  return { id, yaml: `${ARTICLE_SCHEMA_LINE}\n${serialise(value, 0, '\n')}`, text: article.text };
}

function checkUrl(url: string | undefined): string | undefined {
  const value = url?.trim();
  if (!value) return undefined;
  if (!/^https?:\/\//i.test(value)) {
    throw new EditRefused('the URL must begin with http:// or https://', 'url');
  }
  if (!HTTP_URL.test(value)) throw new EditRefused(`"${value}" is not a valid URL`, 'url');
  return value;
}

function checkPublished(published: PublishedInput): PublishedInput {
  const date = typeof published.date === 'string' ? published.date.trim() : '';
  const problem = calendarDateProblem(date);
  if (problem !== undefined) {
    throw new EditRefused(
      date === '' ? 'the date is empty' : `the date "${date}" is not a date: ${problem}`,
      'date',
      'Write YYYY, YYYY-MM or YYYY-MM-DD, no more precise than the text allows.',
    );
  }
  if (published.basis !== 'stated' && published.basis !== 'inferred') {
    throw new EditRefused('say whether the date is stated or inferred', 'basis');
  }
  const how = typeof published.how === 'string' ? published.how.trim() : '';
  if (how === '') {
    throw new EditRefused(
      'say how the date is known',
      'how',
      'The words of the text the date rests on.',
    );
  }
  return { date, basis: published.basis, how };
}
