/** Readable article ids, like the seed files': outlet, year-month and a few title words. */
import { spellPlainly } from '../text/letters.ts';

/** Words that say little about an article, left out of its id. */
const STOP_WORDS = new Set(
  (
    'a an the of to in on at for and or but with as by from into over after before about ' +
    'is are was were be been has have had will would its it this that these those his her ' +
    'their our says said say not no'
  ).split(' '),
);

/** Title words in an id, at most. */
const TITLE_WORDS = 4;

/** Lower-case ASCII words of a text: accents folded, other scripts dropped. */
function asciiWords(text: string): string[] {
  return spellPlainly(text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase())
    .replace(/['’]/g, '')
    .split(/[^a-z0-9]+/)
    .filter((w) => w !== '');
}

/**
 * An id for a new article: `<outlet>-<yyyy-mm>-<title words>` ("unknown-outlet" without an
 * outlet, no date part without a date), never equal to an existing id compared
 * case-insensitively (-2, -3 ... are added).
 */
export function articleIdFor(
  article: { title: string; outlet?: string; published?: { date: string } },
  existing: ReadonlySet<string>,
): string {
  const outlet = asciiWords(article.outlet ?? '').filter((w, i) => !(i === 0 && w === 'the'));
  const date = /^\d{4}(-\d{2})?/.exec(article.published?.date ?? '')?.[0];
  const title = asciiWords(article.title)
    .filter((w) => !STOP_WORDS.has(w))
    .slice(0, TITLE_WORDS)
    .map((w) => w.slice(0, 24));
  const parts = [
    ...(outlet.length > 0 ? outlet.slice(0, 4) : ['unknown', 'outlet']),
    ...(date ? [date] : []),
    ...(title.length > 0 ? title : ['article']),
  ];
  const base = parts.join('-');
  const taken = new Set([...existing].map((id) => id.toLowerCase()));
  let id = base;
  for (let n = 2; taken.has(id.toLowerCase()); n++) id = `${base}-${n}`;
  return id;
}
