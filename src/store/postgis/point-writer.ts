import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { GeocodePrecision } from '../../domain/geocode.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { emptyPrecisionCounts, precisionOf } from '../point-precision.js';
import { checkPointSource } from '../import-errors.js';
import type { PointStream } from '../store.js';
import { COPY_POINTS_SQL, pointCopyLine } from './point-rows.js';

/** onProgress is called after every this many points, and once at the end. */
const PROGRESS_EVERY = 1_000;

/** COPY data is sent in chunks of about this many characters (a few protocol messages each). */
const CHUNK_CHARS = 256 * 1024;

/** What writing a stream produced, for the source registry. */
export interface CopiedPoints {
  written: number;
  byPrecision: Record<GeocodePrecision, number>;
  /** Sum of the points' search token counts (bm25 statistics). */
  textTokens: number;
}

/** The points of a PointStream one at a time, sync or async, without collecting them. */
async function* eachPoint(points: PointStream): AsyncGenerator<ServicePoint> {
  if (Symbol.asyncIterator in points) yield* points;
  else yield* points;
}

/**
 * Writes every point of a stream with one `COPY point FROM STDIN` on `client`, in the caller's
 * transaction. The stream is read as the server takes the data (backpressure), never
 * collected, so memory stays flat. A point that says it comes from another source, or a
 * stream that throws, aborts the COPY (CopyFail) and rejects: the caller rolls back.
 */
export async function copyPoints(
  client: pg.PoolClient,
  sourceId: string,
  points: PointStream,
  modifiedAt: string,
  onProgress?: (written: number) => void,
): Promise<CopiedPoints> {
  const byPrecision = emptyPrecisionCounts();
  let written = 0;
  let textTokens = 0;

  async function* chunks(): AsyncGenerator<string> {
    let lines: string[] = [];
    let size = 0;
    for await (const point of eachPoint(points)) {
      checkPointSource(point, sourceId);
      const { line, searchTokens } = pointCopyLine(point, sourceId, modifiedAt);
      lines.push(line);
      size += line.length;
      byPrecision[precisionOf(point)] += 1;
      textTokens += searchTokens;
      written += 1;
      if (onProgress && written % PROGRESS_EVERY === 0) onProgress(written);
      if (size >= CHUNK_CHARS) {
        yield lines.join('');
        lines = [];
        size = 0;
      }
    }
    if (lines.length > 0) yield lines.join('');
  }

  await pipeline(Readable.from(chunks(), { objectMode: false }), client.query(copyFrom(COPY_POINTS_SQL)));
  if (onProgress && (written === 0 || written % PROGRESS_EVERY !== 0)) onProgress(written);
  return { written, byPrecision, textTokens };
}
