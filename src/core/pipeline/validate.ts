import { Ajv, type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { closest } from 'fastest-levenshtein';
import actorsSchema from '../../../graph-data/schemas/actors.schema.json' with { type: 'json' };
import articleSchema from '../../../graph-data/schemas/article.schema.json' with { type: 'json' };
import relationTypesSchema from '../../../graph-data/schemas/relation-types.schema.json' with { type: 'json' };
import type { IssueSink } from './issues.ts';
import { positionOf, positionOfKey, type ParsedYaml } from './load.ts';

export type SchemaName = 'actors' | 'article' | 'relation-types';

const SCHEMAS: Record<SchemaName, object> = {
  actors: actorsSchema,
  article: articleSchema,
  'relation-types': relationTypesSchema,
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
