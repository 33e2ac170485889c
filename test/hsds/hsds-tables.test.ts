// src/hsds/hsds-tables.ts is a copy of the HSDS 3.0 descriptor (the product must not need the
// spec at run time); this keeps the copy exact, against ../shared/specs/hsds-3.0/datapackage.json.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HSDS_TABLES, hsdsColumns, hsdsTable } from '../../src/hsds/hsds-tables.js';
import { hsdsSpecDir } from '../support/shared-specs.js';
import type { Descriptor } from './package-validator.js';

const SPEC = JSON.parse(readFileSync(join(hsdsSpecDir(), 'datapackage.json'), 'utf8')) as Descriptor;

describe('the HSDS 3.0 table constants', () => {
  it('list every resource of the descriptor, in order, with its path, columns, types, formats, constraints and foreign keys', () => {
    expect(
      HSDS_TABLES.map((t) => ({
        name: t.name,
        path: t.path,
        fields: t.fields.map((f) => ({
          name: f.name,
          type: f.type,
          format: f.format ?? null,
          required: f.required === true,
          unique: f.unique === true,
          enum: f.enum ?? null,
        })),
        foreignKeys: t.foreignKeys,
      })),
    ).toEqual(
      SPEC.resources.map((r) => ({
        name: r.name,
        path: r.path,
        fields: r.schema.fields.map((f) => ({
          name: f.name,
          type: f.type,
          format: f.format ?? null,
          required: f.constraints?.required === true,
          unique: f.constraints?.unique === true,
          enum: f.constraints?.enum ?? null,
        })),
        foreignKeys: r.schema.foreignKeys ?? [],
      })),
    );
    expect(SPEC.resources.every((r) => r.schema.primaryKey === 'id')).toBe(true);
  });

  it('are looked up by name, and an unknown name says which exist', () => {
    expect(hsdsColumns('phone')).toEqual([
      'id',
      'location_id',
      'service_id',
      'organization_id',
      'contact_id',
      'service_at_location_id',
      'number',
      'extension',
      'type',
      'description',
    ]);
    expect(hsdsTable('service_at_location').path).toBe('service_at_location.csv');
    expect(() => hsdsTable('services' as never)).toThrow(
      /"services" is not an HSDS 3.0 table; known: organization, program, service,/,
    );
  });
});
