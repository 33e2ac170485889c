import type { ServicePoint } from '../domain/service-point.js';

// The errors an import into either store raises for points it cannot take, with the same
// words on SQLite and PostGIS (the conformance suite checks both).

/** Throws when a point says it comes from another source than the one being imported. */
export function checkPointSource(point: ServicePoint, sourceId: string): void {
  if (point.provenance.sourceId !== sourceId) {
    throw new Error(
      `Point "${point.id}" says it comes from source "${point.provenance.sourceId}" but is being imported ` +
        `into source "${sourceId}": import each source's points with its own SourceInfo.`,
    );
  }
}

/**
 * The error for a point id the database already has: `owner` is the source that has it
 * (the importing one, or none found: the stream repeats an id; another one: ids collide
 * across sources).
 */
export function duplicatePointError(
  id: string,
  owner: string | null | undefined,
  sourceId: string,
  cause: unknown,
): Error {
  return new Error(
    owner === undefined || owner === null || owner === sourceId
      ? `Point id "${id}" appears twice in the import of source "${sourceId}": dedupe the stream before replaceSource.`
      : `Point id "${id}" already belongs to source "${owner}"; ids must be unique across sources ` +
          '(sourceId:sourceRecordId).',
    { cause },
  );
}
