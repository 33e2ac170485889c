import { Ajv2020, type ErrorObject } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { readFile } from 'node:fs/promises';

// One Ajv instance for the catalogue schemas: compiling is the slow part, and each schema is
// compiled once per process (Ajv caches by $id).
const ajv = new Ajv2020({ allErrors: true });
addFormats.default(ajv);

/**
 * The problems of `data` against a JSON Schema (draft 2020-12), each as "where: what", in
 * document order; empty when it is valid.
 * @example schemaIssues(schema, { version: 1 }) // ['/version: must be string', …]
 */
export function schemaIssues(schema: Record<string, unknown>, data: unknown): string[] {
  const id = typeof schema['$id'] === 'string' ? schema['$id'] : undefined;
  const validate = (id ? ajv.getSchema(id) : undefined) ?? ajv.compile(schema);
  if (validate(data)) return [];
  return (validate.errors ?? []).map(describeError);
}

function describeError(error: ErrorObject): string {
  const where = error.instancePath || '(top level)';
  const params = error.params as Record<string, unknown>;
  const detail =
    error.keyword === 'additionalProperties'
      ? ` "${String(params['additionalProperty'])}"`
      : error.keyword === 'enum'
        ? ` (${(params['allowedValues'] as unknown[]).join(', ')})`
        : '';
  return `${where}: ${error.message ?? 'is invalid'}${detail}`;
}

/** A JSON file's content, or a one-line reason it could not be read or parsed. */
export async function readJsonFile(path: string): Promise<{ data: unknown } | { error: string }> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    return { error: `cannot be read: ${(error as Error).message}` };
  }
  try {
    return { data: JSON.parse(text) as unknown };
  } catch (error) {
    return { error: `is not valid JSON: ${(error as Error).message}` };
  }
}
