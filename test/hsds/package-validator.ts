// Checks a tabular data package against the HSDS 3.0 descriptor and JSON schemas in
// ../shared/specs/hsds-3.0 (openreferral/specification tag v3.0, CC BY-SA 4.0), the way a
// Frictionless validator reads it: header = the descriptor's columns in order; every cell of
// its declared type and format (uuid, email, uri) and enum; required cells filled (a cell is
// missing when it is one of the resource's `missingValues`, [""] by default); unique columns
// and primary keys unique; foreign keys resolved. Each row, read as an object (missing cells
// left out, numbers as numbers), must also validate against schema/<table>.json with ajv.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv, type AnySchemaObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { parse } from 'csv-parse/sync';

export interface SpecField {
  name: string;
  type: string;
  format?: string;
  constraints?: { required?: boolean; unique?: boolean; enum?: string[] };
}

export interface SpecResource {
  name: string;
  path: string;
  schema: {
    fields: SpecField[];
    primaryKey: string;
    foreignKeys?: { fields: string; reference: { resource: string; fields: string } }[];
    missingValues?: string[];
  };
}

export interface Descriptor {
  resources: SpecResource[];
}

/** One problem: where (table, 1-based data row, column) and what. */
export interface TableProblem {
  table: string;
  row: number;
  column: string;
  problem: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NUMBER = /^[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
// ISO 8601 hh:mm:ss; 24:00:00 is the end of a day.
const TIME = /^(([01]\d|2[0-3]):[0-5]\d:[0-5]\d|24:00:00)$/;
const DATETIME = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** ajv validators of schema/<table>.json, every schema file registered under its file name. */
export function rowValidators(specDir: string): Map<string, ValidateFunction> {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const dir = join(specDir, 'schema');
  const names = readdirSync(dir).filter((f) => f.endsWith('.json') && f !== 'openapi.json');
  for (const file of names)
    ajv.addSchema(JSON.parse(readFileSync(join(dir, file), 'utf8')) as AnySchemaObject, file);
  return new Map(names.map((file) => [file.replace(/\.json$/, ''), ajv.getSchema(file)!]));
}

function typeProblem(field: SpecField, value: string): string | null {
  switch (field.type) {
    case 'number':
      return NUMBER.test(value) ? null : 'is not a number';
    case 'date':
      return DATE.test(value) ? null : 'is not a date (YYYY-MM-DD)';
    case 'time':
      return TIME.test(value) ? null : 'is not a time (hh:mm:ss)';
    case 'datetime':
      return DATETIME.test(value) && !Number.isNaN(Date.parse(value))
        ? null
        : 'is not a date-time (YYYY-MM-DDThh:mm:ssZ)';
    case 'string':
      break;
    default:
      return `has an unknown type ${field.type}`;
  }
  if (field.format === 'uuid' && !UUID.test(value)) return 'is not a UUID';
  if (field.format === 'email' && !EMAIL.test(value)) return 'is not an e-mail address';
  if (field.format === 'uri') {
    try {
      new URL(value);
    } catch {
      return 'is not a URI';
    }
  }
  return null;
}

/** Every table of `descriptor` (as written in `dir`) checked; an empty list means the package is valid. */
export function validatePackage(
  dir: string,
  descriptor: Descriptor,
  schemas: Map<string, ValidateFunction>,
): TableProblem[] {
  const problems: TableProblem[] = [];
  const ids = new Map<string, Set<string>>();
  const tables = new Map<string, Record<string, string>[]>();
  for (const resource of descriptor.resources) {
    const records = parse(readFileSync(join(dir, resource.path)), { bom: true }) as string[][];
    const [header = [], ...rows] = records;
    const columns = resource.schema.fields.map((f) => f.name);
    if (header.join(',') !== columns.join(',')) {
      problems.push({
        table: resource.name,
        row: 0,
        column: '',
        problem: `header ${header.join(',')} is not ${columns.join(',')}`,
      });
      continue;
    }
    const missing = new Set(resource.schema.missingValues ?? ['']);
    const seen = new Map<string, Set<string>>();
    const validate = schemas.get(resource.name);
    const objects: Record<string, string>[] = [];
    rows.forEach((cells, i) => {
      const row = i + 1;
      if (cells.length !== columns.length)
        problems.push({ table: resource.name, row, column: '', problem: `has ${cells.length} cells` });
      const object: Record<string, unknown> = {};
      const record: Record<string, string> = {};
      resource.schema.fields.forEach((field, c) => {
        const value = cells[c] ?? '';
        record[field.name] = value;
        const constraints = field.constraints ?? {};
        if (missing.has(value)) {
          if (constraints.required)
            problems.push({ table: resource.name, row, column: field.name, problem: 'is required' });
          return;
        }
        const typeError = typeProblem(field, value);
        if (typeError)
          problems.push({
            table: resource.name,
            row,
            column: field.name,
            problem: `"${value}" ${typeError}`,
          });
        if (constraints.enum && !constraints.enum.includes(value)) {
          problems.push({
            table: resource.name,
            row,
            column: field.name,
            problem: `"${value}" is not one of ${constraints.enum.join(', ')}`,
          });
        }
        if (constraints.unique || field.name === resource.schema.primaryKey) {
          const values = seen.get(field.name) ?? new Set<string>();
          if (values.has(value))
            problems.push({
              table: resource.name,
              row,
              column: field.name,
              problem: `"${value}" is repeated`,
            });
          values.add(value);
          seen.set(field.name, values);
        }
        object[field.name] = field.type === 'number' ? Number(value) : value;
      });
      if (validate && !validate(object)) {
        for (const error of validate.errors ?? []) {
          problems.push({
            table: resource.name,
            row,
            column: error.instancePath,
            problem: `schema/${resource.name}.json: ${error.message ?? ''}`,
          });
        }
      }
      objects.push(record);
    });
    ids.set(resource.name, seen.get(resource.schema.primaryKey) ?? new Set());
    tables.set(resource.name, objects);
  }
  for (const resource of descriptor.resources) {
    const missing = new Set(resource.schema.missingValues ?? ['']);
    for (const key of resource.schema.foreignKeys ?? []) {
      const target = ids.get(key.reference.resource);
      (tables.get(resource.name) ?? []).forEach((record, i) => {
        const value = record[key.fields] ?? '';
        if (missing.has(value)) return;
        if (!target?.has(value)) {
          problems.push({
            table: resource.name,
            row: i + 1,
            column: key.fields,
            problem: `"${value}" matches no ${key.reference.resource}`,
          });
        }
      });
    }
  }
  return problems;
}
