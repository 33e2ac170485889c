import { readFile } from 'node:fs/promises';
import { GEOCODE_PRECISIONS } from '../../domain/geocode.js';
import { isChannel, isJurisdictionLevel } from '../../domain/jurisdiction.js';
import { POINT_ROLES } from '../../domain/service-point.js';
import { serviceTypeById } from '../../domain/service-type.js';
import { ROW_TRANSFORMS } from '../transforms/index.js';
import type { RecordDefaults, SourceProfile } from './source-profile.js';

/** A profile file (data/sources.json) that does not describe valid sources. */
export class ProfileError extends Error {
  constructor(where: string, problem: string) {
    super(`${where}: ${problem}`);
    this.name = 'ProfileError';
  }
}

/** Reads and validates a profile file: `{ "sources": [SourceProfile, …] }`. */
export async function loadProfiles(path: string): Promise<SourceProfile[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ProfileError(path, `cannot be read as JSON (${(error as Error).message})`);
  }
  const sources = (parsed as { sources?: unknown }).sources;
  if (!Array.isArray(sources)) throw new ProfileError(path, 'expected an object with a "sources" array');
  const seen = new Set<string>();
  return sources.map((source: unknown, i: number) => {
    const profile = validateProfile(source, `${path} sources[${i}]`);
    if (seen.has(profile.id)) throw new ProfileError(`${path} sources[${i}]`, `source id "${profile.id}" is used twice`);
    seen.add(profile.id);
    return profile;
  });
}

/** Checks one profile's shape and vocabulary; returns it typed. */
export function validateProfile(value: unknown, where: string): SourceProfile {
  if (typeof value !== 'object' || value === null) throw new ProfileError(where, 'expected an object');
  const p = value as Record<string, unknown>;
  for (const key of ['id', 'file', 'licence', 'retrievedAt'] as const) {
    if (typeof p[key] !== 'string' || p[key] === '') throw new ProfileError(where, `"${key}" must be a non-empty string`);
  }
  if (!/^[a-z0-9][a-z0-9_-]*$/.test(p['id'] as string)) {
    throw new ProfileError(where, `id "${String(p['id'])}" must be lower-case letters, digits, "_" or "-"`);
  }
  if (p['lastVerified'] !== null && p['lastVerified'] !== undefined && typeof p['lastVerified'] !== 'string') {
    throw new ProfileError(where, '"lastVerified" must be a date string or null');
  }
  validateDefaults(p['defaults'], `${where}.defaults`, true);
  const rules = p['rules'];
  if (rules !== undefined) {
    if (!Array.isArray(rules)) throw new ProfileError(where, '"rules" must be an array');
    rules.forEach((rule: unknown, i: number) => {
      const r = rule as Record<string, unknown>;
      const when = r['when'] as Record<string, unknown> | undefined;
      if (!when || typeof when['field'] !== 'string') throw new ProfileError(`${where}.rules[${i}]`, '"when.field" is required');
      if (typeof when['matches'] === 'string') {
        try {
          new RegExp(when['matches']);
        } catch {
          throw new ProfileError(`${where}.rules[${i}]`, `"when.matches" is not a valid regular expression`);
        }
      }
      if (r['set'] !== undefined) validateDefaults(r['set'], `${where}.rules[${i}].set`, false);
      for (const id of (r['addServiceTypes'] as string[] | undefined) ?? []) checkServiceType(id, `${where}.rules[${i}]`);
    });
  }
  for (const name of (p['transforms'] as string[] | undefined) ?? []) {
    if (!ROW_TRANSFORMS[name]) throw new ProfileError(where, `unknown transform "${name}" (known: ${Object.keys(ROW_TRANSFORMS).join(', ')})`);
  }
  const title = p['title'] as Record<string, unknown> | undefined;
  if (!title || (typeof title['en'] !== 'string' && typeof title['fr'] !== 'string')) {
    throw new ProfileError(where, '"title" must have "en" and/or "fr"');
  }
  if (p['lastVerified'] === undefined) p['lastVerified'] = null;
  return p as unknown as SourceProfile;
}

function validateDefaults(value: unknown, where: string, complete: boolean): void {
  if (typeof value !== 'object' || value === null) throw new ProfileError(where, 'expected an object');
  const d = value as Partial<Record<keyof RecordDefaults, unknown>>;
  const required: Array<keyof RecordDefaults> = [
    'layer',
    'role',
    'jurisdictionLevel',
    'jurisdictionCode',
    'channel',
    'serviceTypes',
    'organization',
    'languages',
    'coordinatePrecision',
  ];
  if (complete) for (const key of required) if (d[key] === undefined) throw new ProfileError(where, `"${key}" is required`);
  if (d.jurisdictionLevel !== undefined && !isJurisdictionLevel(String(d.jurisdictionLevel))) {
    throw new ProfileError(where, `unknown jurisdictionLevel "${String(d.jurisdictionLevel)}"`);
  }
  if (d.channel !== undefined && !isChannel(String(d.channel))) throw new ProfileError(where, `unknown channel "${String(d.channel)}"`);
  if (d.role !== undefined && !(POINT_ROLES as readonly unknown[]).includes(d.role)) throw new ProfileError(where, `unknown role "${String(d.role)}"`);
  if (d.coordinatePrecision !== undefined && !(GEOCODE_PRECISIONS as readonly unknown[]).includes(d.coordinatePrecision)) {
    throw new ProfileError(where, `unknown coordinatePrecision "${String(d.coordinatePrecision)}"`);
  }
  if (d.serviceTypes !== undefined) {
    if (!Array.isArray(d.serviceTypes)) throw new ProfileError(where, '"serviceTypes" must be an array');
    for (const id of d.serviceTypes as string[]) checkServiceType(id, where);
  }
}

function checkServiceType(id: string, where: string): void {
  if (!serviceTypeById(id)) throw new ProfileError(where, `unknown service type "${id}" (see src/domain/service-type.ts)`);
}
