import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { closest } from 'fastest-levenshtein';
import actorsSchema from '../../../graph-data/schemas/actors.schema.json' with { type: 'json' };
import articleSchema from '../../../graph-data/schemas/article.schema.json' with { type: 'json' };
import relationTypesSchema from '../../../graph-data/schemas/relation-types.schema.json' with { type: 'json' };
import suggestCuesSchema from '../../../graph-data/schemas/suggest-cues.schema.json' with { type: 'json' };
import { MONTHS, calendarDateProblem, precisionOf } from '../dates.ts';
import type { ArticleDocument, EventDate } from '../model.ts';
import type { IssueSink } from './issues.ts';
import { positionOf, positionOfKey, type ParsedYaml } from './load.ts';

export type SchemaName = 'actors' | 'article' | 'relation-types' | 'suggest-cues';

const SCHEMAS: Record<SchemaName, object> = {
  actors: actorsSchema,
  article: articleSchema,
  'relation-types': relationTypesSchema,
  'suggest-cues': suggestCuesSchema,
};

let validators: Map<SchemaName, ValidateFunction> | undefined;

function validatorFor(name: SchemaName): ValidateFunction {
  if (!validators) {
    const ajv = new Ajv({ allErrors: true, strict: true, strictRequired: false, verbose: true });
    addFormats.default(ajv, ['uri']);
    validators = new Map(
      (Object.keys(SCHEMAS) as SchemaName[]).map((n) => [n, ajv.compile(SCHEMAS[n])]),
    );
  }
  return validators.get(name)!;
}

/**
 * Checks a parsed file against its JSON Schema (the same schema the YAML files reference for
 * editors), reporting every violation at its line and column. Returns whether the file is valid.
 */
export function validateAgainstSchema(
  parsed: ParsedYaml,
  schema: SchemaName,
  sink: IssueSink,
): boolean {
  const validate = validatorFor(schema);
  if (validate(parsed.value)) return true;
  for (const error of validate.errors ?? []) {
    // An if/then failure is always accompanied by the specific error inside "then".
    if (error.keyword === 'if') continue;
    reportSchemaError(parsed, error, sink);
  }
  return false;
}

function reportSchemaError(parsed: ParsedYaml, error: ErrorObject, sink: IssueSink): void {
  const path = pointerToPath(error.instancePath);
  const name = describePath(path);
  const file = parsed.file.path;
  const description = (error.parentSchema as { description?: string } | undefined)?.description;
  switch (error.keyword) {
    case 'required': {
      const missing = (error.params as { missingProperty: string }).missingProperty;
      const schemaOfMissing = (
        error.parentSchema as { properties?: Record<string, { description?: string }> } | undefined
      )?.properties?.[missing];
      sink.error(
        file,
        positionOf(parsed, path),
        `${name} is missing the required field "${missing}"`,
        schemaOfMissing?.description
          ? `Add ${missing}: ${schemaOfMissing.description}`
          : `Add "${missing}".`,
      );
      return;
    }
    case 'additionalProperties': {
      const extra = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys(
        (error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ??
          {},
      );
      const guess = allowed.length > 0 ? closest(extra, allowed) : undefined;
      sink.error(
        file,
        positionOfKey(parsed, path, extra),
        `${name} has an unknown field "${extra}"`,
        guess ? `Did you mean "${guess}"? Allowed fields: ${allowed.join(', ')}.` : 'Remove it.',
      );
      return;
    }
    case 'enum': {
      const allowed = (error.params as { allowedValues: unknown[] }).allowedValues;
      sink.error(
        file,
        positionOf(parsed, path),
        `${name} is ${JSON.stringify(error.data)}, which is not allowed`,
        `Use one of: ${allowed.map((v) => String(v)).join(', ')}.`,
      );
      return;
    }
    case 'type': {
      const expected = (error.params as { type: string }).type;
      // YAML reads 2016, 1.0 or yes unquoted as a number or a boolean: say how to keep the text.
      const unquoted =
        expected === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')
          ? `Write it in quotes, '${String(error.data)}': unquoted, YAML reads it as a ${typeof error.data}.`
          : undefined;
      sink.error(
        file,
        positionOf(parsed, path),
        `${name} must be ${withIndefiniteArticle(expected)}, not ${typeName(error.data)}`,
        [unquoted, description].filter(Boolean).join(' ') || undefined,
      );
      return;
    }
    case 'pattern':
    case 'format':
      sink.error(
        file,
        positionOf(parsed, path),
        `${name} ${JSON.stringify(error.data)} is not in the expected form`,
        description,
      );
      return;
    default:
      sink.error(
        file,
        positionOf(parsed, path),
        `${name} ${error.message ?? 'is invalid'}`,
        description,
      );
  }
}

function pointerToPath(pointer: string): (string | number)[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((part) => (/^\d+$/.test(part) ? Number(part) : part));
}

/** "relations[3].modality" style names, which read better than JSON pointers. */
export function describePath(path: readonly (string | number)[]): string {
  if (path.length === 0) return 'The file';
  return path
    .map((part, i) => (typeof part === 'number' ? `[${part}]` : i === 0 ? part : `.${part}`))
    .join('');
}

const withIndefiniteArticle = (type: string): string =>
  /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;

function typeName(value: unknown): string {
  if (value === null) return 'empty';
  if (Array.isArray(value)) return 'a list';
  return withIndefiniteArticle(typeof value);
}

// ---- event dates -----------------------------------------------------------------------------

/** A month's name as English texts write it: in full or abbreviated (Feb., Sept), capitalised. */
const MONTH_WORDS: readonly RegExp[] = MONTHS.map((name) => {
  const short = name.slice(0, 3);
  const forms =
    name === 'September' ? [name, 'Sept', short] : name === 'May' ? [name] : [name, short];
  return new RegExp(`(?<![A-Za-z])(?:${forms.join('|')})(?![a-z])`);
});
const numberIn = (words: string, n: number, pad: boolean): boolean =>
  new RegExp(`(?<![0-9])${pad && n < 10 ? '0?' : ''}${n}(?:st|nd|rd|th)?(?![0-9])`).test(words);
const YEARS = /(?<![0-9])(1[0-9]{3}|20[0-9]{2})(?![0-9])/g;

/**
 * What is wrong with an event date's words, or undefined: the date may be no more precise than
 * its words (a month they name, a day they give, and when stated the year they give), and may
 * not contradict them (another month or year named).
 */
export function eventDateWordsProblem(event: EventDate): string | undefined {
  const { date, how, basis } = event;
  const precision = precisionOf(date);
  const year = Number(date.slice(0, 4));
  const years = [...how.matchAll(YEARS)].map((m) => Number(m[1]));
  if (years.length > 0 && !years.includes(year)) {
    return `its words "${how}" give the year ${years.join(' or ')}, not ${year}`;
  }
  if (basis === 'stated' && years.length === 0) {
    return `its words "${how}" give no year, and the basis is stated`;
  }
  if (precision === 'year') return undefined;
  const month = Number(date.slice(5, 7));
  const named = MONTHS.filter((_name, i) => MONTH_WORDS[i]!.test(how));
  if (named.length === 0) return `its words "${how}" name no month`;
  if (!named.includes(MONTHS[month - 1]!)) {
    return `its words "${how}" name ${named.join(' or ')}, not ${MONTHS[month - 1]}`;
  }
  if (precision === 'month') return undefined;
  const withoutYears = how.replace(YEARS, ' ');
  if (!numberIn(withoutYears, Number(date.slice(8, 10)), true)) {
    return `its words "${how}" do not give the day ${Number(date.slice(8, 10))}`;
  }
  return undefined;
}

/**
 * Checks the event dates of an article's relations (after its schema): real calendar dates, no
 * more precise than their words, and an inferred year that can come from the article's own
 * published date. Whether the words are in the text is checked with the quotes (evidence.ts).
 * Returns whether they are all right.
 */
export function checkEventDates(parsed: ParsedYaml, sink: IssueSink): boolean {
  const document = parsed.value as ArticleDocument;
  const file = parsed.file.path;
  const published = document.published?.date;
  const publishedYear =
    published !== undefined && calendarDateProblem(published) === undefined
      ? Number(published.slice(0, 4))
      : undefined;
  let ok = true;
  document.relations.forEach((relation, i) => {
    const event = relation.eventDate;
    if (event === undefined) return;
    const at = ['relations', i, 'eventDate'] as const;
    const name = describePath([...at, 'date']);
    const problem = calendarDateProblem(event.date);
    if (problem !== undefined) {
      ok = false;
      sink.error(
        file,
        positionOf(parsed, [...at, 'date']),
        `${name} "${event.date}" is not a date on the calendar: ${problem}`,
        'Correct the date; if the words give only the month or the year, write YYYY-MM or YYYY.',
      );
      return;
    }
    const words = eventDateWordsProblem(event);
    if (words !== undefined) {
      ok = false;
      sink.error(
        file,
        positionOf(parsed, [...at, 'date']),
        `${name} "${event.date}" does not rest on its words: ${words}`,
        'Write the date only as precisely as the words in how give it (YYYY-MM for "In May", YYYY-MM-DD for "on February 27"), copy into how the words that give it, and write basis: inferred when the year is the article\'s rather than the words\'.',
      );
      return;
    }
    if (event.basis !== 'inferred') return;
    if (publishedYear === undefined) {
      ok = false;
      sink.error(
        file,
        positionOf(parsed, [...at, 'basis']),
        `${describePath([...at, 'basis'])} is inferred, but the article has no published date to take the year from`,
        "Add the article's published date, or write basis: stated with words that give the year.",
      );
      return;
    }
    const year = Number(event.date.slice(0, 4));
    if (Math.abs(year - publishedYear) > 1) {
      ok = false;
      sink.error(
        file,
        positionOf(parsed, [...at, 'date']),
        `${name} "${event.date}" is inferred, but its year is not the article's (${publishedYear}) or next to it`,
        'An inferred year is the article\'s published year (or the year before or after, for "in December" in a January article); correct it, or write basis: stated with words that give the year.',
      );
    }
  });
  return ok;
}
