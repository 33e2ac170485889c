// The OGC API as QGIS sees it: GDAL's OGC API – Features driver (Debian gdal-bin, `OAPIF:`)
// against the real server on 127.0.0.1 (a random port, the app's default rate limits), over
// the bundled default dataset. GDAL pages with `next` links, 10 features a request unless
// told otherwise; every count must come out exact.
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stableUuid } from '../../src/domain/stable-uuid.js';
import { pointToExportRow } from '../../src/export/export-columns.js';
import { HSDS_ROLES } from '../../src/hsds/hsds-catalogue.js';
import { buildApp } from '../../src/http/app.js';
import { buildDefaultDataset } from '../../src/ingest/build-default.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';

const run = promisify(execFile);
const DATA_DIR = fileURLToPath(new URL('../../data', import.meta.url));

function hasOgrinfo(): boolean {
  try {
    execFileSync('ogrinfo', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}
const GDAL = hasOgrinfo();
const IN_CI = process.env['CI'] === 'true';

it.runIf(!GDAL && IN_CI)('CI has GDAL: ogrinfo must be on PATH (install gdal-bin, as .ci/run does)', () => {
  throw new Error('ogrinfo was not found on PATH; CI must install gdal-bin for the OGC API integration test');
});

describe.skipIf(!GDAL)(
  `GDAL's OAPIF driver against the running server${GDAL ? '' : ' (skipped: ogrinfo not found on PATH; install gdal-bin)'}`,
  () => {
    let tmp: string;
    let store: SqliteStore;
    let app: FastifyInstance;
    let url: string;
    /** Paths (with query) of the requests the server received, in order. */
    const requests: string[] = [];

    beforeAll(async () => {
      tmp = mkdtempSync(join(tmpdir(), 'repere-gdal-'));
      store = SqliteStore.open(join(tmp, 'repere.db'));
      await buildDefaultDataset(store, DATA_DIR);
      app = await buildApp({ store });
      await app.listen({ port: 0, host: '127.0.0.1' });
      app.server.on('request', (request: { url?: string }) => requests.push(request.url ?? ''));
      url = `OAPIF:http://127.0.0.1:${(app.server.address() as AddressInfo).port}/ogc`;
    }, 180_000);

    afterAll(async () => {
      await app?.close();
      await store?.close();
      rmSync(tmp, { recursive: true, force: true });
    });

    async function gdal(command: 'ogrinfo' | 'ogr2ogr', ...args: string[]): Promise<string> {
      const { stdout } = await run(command, args, {
        maxBuffer: 64 * 1024 * 1024,
        env: { ...process.env, GDAL_HTTP_TIMEOUT: '60' },
      });
      return stdout;
    }

    /** `Layer name: x` … `Feature Count: n` pairs of `ogrinfo -so`. */
    function featureCounts(summary: string): Record<string, number> {
      const counts: Record<string, number> = {};
      let layer = '';
      for (const line of summary.split('\n')) {
        const name = /^Layer name: (.+)$/.exec(line);
        if (name) layer = name[1].trim();
        const count = /^Feature Count: (\d+)$/.exec(line);
        if (count) counts[layer] = Number(count[1]);
      }
      return counts;
    }

    /** The fields of the features `ogrinfo` prints: `  name (Type) = value`. */
    function featureFields(dump: string): Record<string, string>[] {
      const features: Record<string, string>[] = [];
      for (const line of dump.split('\n')) {
        if (/^OGRFeature\(/.test(line)) features.push({});
        const field = /^ {2}([\w]+) \([\w()]+\) = (.*)$/.exec(line);
        if (field && features.length > 0) features[features.length - 1][field[1]] = field[2];
        const geometry = /^ {2}(POINT .*)$/.exec(line);
        if (geometry && features.length > 0) features[features.length - 1]['geometry'] = geometry[1];
      }
      return features;
    }

    it('ogrinfo -so -al lists every collection with the feature count of the store', async () => {
      const expected: Record<string, number> = {};
      for await (const point of store.streamPoints({ roles: HSDS_ROLES }))
        expected[point.layer] = (expected[point.layer] ?? 0) + 1;
      expected['communities'] = (await store.listCommunities()).length;
      expected['census_subdivisions'] = (await store.listPopulationUnits()).length;

      const summary = await gdal('ogrinfo', '-so', '-al', url);
      const counts = featureCounts(summary);
      console.info(
        `ogrinfo -so -al: ${Object.entries(counts)
          .map(([l, n]) => `${l} ${n}`)
          .join(', ')}`,
      );
      expect(counts).toEqual(expected);
      expect(Object.keys(counts)).toEqual(
        expect.arrayContaining(['service_canada', 'workbc', 'libraries', 'healthcare']),
      );
      expect(summary).toContain('Geometry: Point');
      expect(summary).not.toContain('Geometry: Unknown');
    }, 120_000);

    it('ogr2ogr copies healthcare (7,000+ features, 10 a page) into a GeoPackage with the exact count and attributes', async () => {
      const gpkg = join(tmp, 'healthcare.gpkg');
      const before = requests.length;
      await gdal('ogr2ogr', '-f', 'GPKG', gpkg, url, 'healthcare');
      const pages = requests.slice(before).filter((r) => r.startsWith('/ogc/collections/healthcare/items'));
      const healthcare: string[] = [];
      for await (const point of store.streamPoints({ roles: HSDS_ROLES, layers: ['healthcare'] }))
        healthcare.push(point.id);
      const counts = featureCounts(await gdal('ogrinfo', '-so', gpkg, 'healthcare'));
      console.info(
        `ogr2ogr healthcare: ${counts['healthcare']} features in the GeoPackage, ${healthcare.length} in the store, ${pages.length} item requests`,
      );
      expect(counts).toEqual({ healthcare: healthcare.length });
      // GDAL followed the next links page by page, to the last one.
      expect(pages.length).toBeGreaterThanOrEqual(Math.ceil(healthcare.length / 10));
      expect(pages).toContain(
        `/ogc/collections/healthcare/items?limit=10&offset=${Math.floor((healthcare.length - 1) / 10) * 10}&f=json`,
      );

      const point = (await store.getPoint('healthcare:10'))!;
      const row = pointToExportRow(point);
      const [feature] = featureFields(
        await gdal(
          'ogrinfo',
          '-q',
          gpkg,
          '-sql',
          "SELECT * FROM healthcare WHERE repere_id = 'healthcare:10'",
        ),
      );
      expect(feature).toMatchObject({
        id: stableUuid('healthcare:10'),
        repere_id: 'healthcare:10',
        source_record_id: row.id,
        source_id: 'healthcare',
        name: row.name,
        organization: row.organization,
        jurisdiction_level: row.jurisdiction_level,
        city: row.city,
        province: row.province,
        postal_code: row.postal_code,
        layer: 'healthcare',
        role: 'facility',
        location_precision: row.location_precision,
        licence: row.licence,
        geometry: `POINT (${point.geocode!.lon} ${point.geocode!.lat})`,
      });
      expect(feature['name']).toBe("Alberta Children's Hospital");
    }, 180_000);

    it('ogr2ogr copies the census subdivisions with typed population, well-being and access fields', async () => {
      const gpkg = join(tmp, 'csd.gpkg');
      await gdal('ogr2ogr', '-f', 'GPKG', gpkg, url, 'census_subdivisions', '-oo', 'PAGE_SIZE=1000');
      const units = await store.listPopulationUnits();
      const summary = await gdal('ogrinfo', '-so', gpkg, 'census_subdivisions');
      expect(featureCounts(summary)).toEqual({ census_subdivisions: units.length });
      expect(summary).toContain('population: Integer');
      expect(summary).toContain('nearest_service_point_metres: Integer');
      expect(summary).toContain('covered_within_50km: Integer(Boolean)');
      const iqaluit = units.find((u) => u.csdCode === '6204003')!;
      const [feature] = featureFields(
        await gdal(
          'ogrinfo',
          '-q',
          gpkg,
          '-sql',
          "SELECT * FROM census_subdivisions WHERE csd_code = '6204003'",
        ),
      );
      expect(feature).toMatchObject({
        name: 'Iqaluit',
        province: 'NU',
        population: String(iqaluit.population),
        community_type: 'inuit',
        cwb_score: String(iqaluit.cwb.score),
        covered_within_50km: '1',
      });
      expect(Number(feature['nearest_service_point_metres'])).toBeLessThan(5000);
    }, 120_000);
  },
);
