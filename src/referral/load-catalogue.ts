import { join } from 'node:path';
import { parsePhone } from '../domain/phone.js';
import { PROVINCE_CODES } from '../domain/province.js';
import { CatalogueError, factsOf } from './catalogue.js';
import type { Body, Catalogue, CatalogueService, LifeEvent } from './catalogue.js';
import { readJsonFile, schemaIssues } from './json-schema.js';

/** File names inside the catalogue folder (data/catalogue/). */
export const CATALOGUE_FILES = {
  services: 'services.json',
  servicesSchema: 'schema.json',
  lifeEvents: 'life-events.json',
  lifeEventsSchema: 'life-events.schema.json',
} as const;

interface ServicesDocument {
  version: string;
  updated: string;
  services: CatalogueService[];
}

interface LifeEventsDocument {
  version: string;
  updated: string;
  life_events: LifeEvent[];
}

/**
 * Reads and validates the service catalogue and life events of `dir` (data/catalogue/):
 * each file against its JSON Schema, then the references between them. Throws a
 * CatalogueError listing every problem of the first file that has any.
 * @example const catalogue = await loadCatalogue('data/catalogue'); catalogue.byId.get('sin')
 */
export async function loadCatalogue(dir: string): Promise<Catalogue> {
  const [services, servicesSchema, lifeEvents, lifeEventsSchema] = await Promise.all([
    readCatalogueFile(dir, CATALOGUE_FILES.services),
    readCatalogueFile(dir, CATALOGUE_FILES.servicesSchema),
    readCatalogueFile(dir, CATALOGUE_FILES.lifeEvents),
    readCatalogueFile(dir, CATALOGUE_FILES.lifeEventsSchema),
  ]);
  return catalogueFromDocuments(
    { data: services, schema: servicesSchema as Record<string, unknown>, file: join(dir, CATALOGUE_FILES.services) },
    { data: lifeEvents, schema: lifeEventsSchema as Record<string, unknown>, file: join(dir, CATALOGUE_FILES.lifeEvents) },
  );
}

/** The parsed JSON of one file of `dir`; a CatalogueError when it is missing or not JSON. */
export async function readCatalogueFile(dir: string, name: string): Promise<unknown> {
  const path = join(dir, name);
  const read = await readJsonFile(path);
  if ('error' in read) throw new CatalogueError(path, [`the file ${read.error}`]);
  return read.data;
}

/** One parsed catalogue file with its schema, and its path for error messages. */
export interface CatalogueDocument {
  data: unknown;
  schema: Record<string, unknown>;
  file: string;
}

/** loadCatalogue on documents already read (tests use it on broken fixtures). */
export function catalogueFromDocuments(services: CatalogueDocument, lifeEvents: CatalogueDocument): Catalogue {
  const serviceSchemaIssues = schemaIssues(services.schema, services.data);
  if (serviceSchemaIssues.length > 0) throw new CatalogueError(services.file, serviceSchemaIssues);
  const servicesDoc = services.data as ServicesDocument;
  const serviceIssues = servicesDoc.services.flatMap((service) => serviceProblems(service));
  const byId = new Map<string, CatalogueService>();
  for (const service of servicesDoc.services) {
    if (byId.has(service.id)) serviceIssues.push(`service "${service.id}" is listed twice`);
    byId.set(service.id, service);
  }
  for (const service of servicesDoc.services) {
    for (const related of service.related ?? []) {
      if (!byId.has(related)) serviceIssues.push(`service "${service.id}": related "${related}" is not a service id`);
    }
  }
  if (serviceIssues.length > 0) throw new CatalogueError(services.file, serviceIssues);

  const eventSchemaIssues = schemaIssues(lifeEvents.schema, lifeEvents.data);
  if (eventSchemaIssues.length > 0) throw new CatalogueError(lifeEvents.file, eventSchemaIssues);
  const eventsDoc = lifeEvents.data as LifeEventsDocument;
  const eventIssues: string[] = [];
  const lifeEventsById = new Map<string, LifeEvent>();
  for (const event of eventsDoc.life_events) {
    if (lifeEventsById.has(event.id)) eventIssues.push(`life event "${event.id}" is listed twice`);
    if (byId.has(event.id)) eventIssues.push(`life event "${event.id}" has the id of a service`);
    lifeEventsById.set(event.id, event);
    for (const id of event.services) {
      if (!byId.has(id)) eventIssues.push(`life event "${event.id}": "${id}" is not a service id of ${services.file}`);
    }
  }
  if (eventIssues.length > 0) throw new CatalogueError(lifeEvents.file, eventIssues);

  return {
    version: servicesDoc.version,
    updated: servicesDoc.updated,
    services: servicesDoc.services,
    lifeEvents: eventsDoc.life_events,
    byId,
    lifeEventsById,
  };
}

/** What the schema cannot say: a fact's value is the body's own, phone numbers parse. */
function serviceProblems(service: CatalogueService): string[] {
  const bodies: Array<[string, Body]> = [
    ...(service.body ? [['body', service.body] as [string, Body]] : []),
    ...PROVINCE_CODES.flatMap((code) => {
      const body = service.bodies?.[code];
      return body ? [[`bodies.${code}`, body] as [string, Body]] : [];
    }),
  ];
  return bodies.flatMap(([where, body]) => bodyProblems(`service "${service.id}" ${where}`, body));
}

function bodyProblems(where: string, body: Body): string[] {
  const problems: string[] = [];
  for (const key of ['phone', 'tty'] as const) {
    const value = body[key];
    if (value !== undefined && parsePhone(value) === null) problems.push(`${where}: ${key} "${value}" is not a valid North American number`);
  }
  for (const [key, fact] of factsOf(body)) {
    if (key === 'name') continue;
    const own = body[key];
    if (own === undefined) problems.push(`${where}: facts.${key} describes a ${key} the body does not have`);
    else if (fact.value !== own) problems.push(`${where}: facts.${key}.value "${fact.value}" differs from ${key} "${own}"`);
  }
  return problems;
}
