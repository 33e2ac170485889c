// The app the page tests run against: the real bundled dataset (data/, ~12,000 records, built
// into a temporary SQLite file in ~5 s) plus one hostile source, `xss_fixture`, whose every text
// field is markup, to prove the pages escape open data wherever it shows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import type { ServicePoint } from '../../src/domain/service-point.js';
import { buildApp } from '../../src/http/app.js';
import { buildDefaultDataset } from '../../src/ingest/build-default.js';
import { ReportBuilder } from '../../src/ingest/report-builder.js';
import { SqliteStore } from '../../src/store/sqlite/sqlite-store.js';
import type { Store } from '../../src/store/store.js';

export const DATA_DIR = fileURLToPath(new URL('../../data/', import.meta.url));
export const HOSTILE = '<img src=x onerror=alert(1)>';
export const XSS_ID = 'xss_fixture:1';
/** Wednesday 14 January 2026, 11:00 in Vancouver, 14:00 in Toronto, 15:00 in Iqaluit (EST). */
export const NOW = new Date('2026-01-14T19:00:00Z');

export interface PageFixture {
  app: FastifyInstance;
  store: Store;
  close(): Promise<void>;
}

/** Builds the default dataset and the hostile source into a fresh database and an app over it. */
export async function openPageFixture(): Promise<PageFixture> {
  const dir = mkdtempSync(join(tmpdir(), 'repere-pages-'));
  const store = SqliteStore.open(join(dir, 'pages.db'));
  await store.migrate();
  await buildDefaultDataset(store, DATA_DIR);
  await importHostileSource(store);
  const app = await buildApp({
    store,
    now: () => NOW,
    rateLimitPerMinute: 0,
    correctionsEmail: 'corrections@repere.example',
  });
  return {
    app,
    store,
    async close() {
      await app.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** One municipal point in Iqaluit, 10 m from the gazetteer's point, whose every text is markup. */
export function hostilePoint(): ServicePoint {
  return {
    id: XSS_ID,
    layer: 'xss_fixture',
    role: 'service_point',
    name: { en: HOSTILE },
    organization: { id: 'xss', name: { en: `${HOSTILE} org`, fr: `${HOSTILE} org` } },
    description: { en: `<script>alert(2)</script>` },
    jurisdictionLevel: 'municipal',
    jurisdictionCode: '6204003',
    channel: 'in_person',
    serviceTypes: ['municipal_office'],
    address: {
      street: `"><svg onload=alert(3)>`,
      city: 'Iqaluit',
      province: 'NU',
      postalCode: 'X0A 0H0',
      country: 'CA',
    },
    phones: [{ e164: '+18675550100', display: '867-555-0100', kind: 'voice' }],
    email: 'x"onmouseover="alert(4)@example.ca',
    url: 'javascript:alert(5)',
    languages: ['en'],
    hoursText: 'Mon-Fri 9 am to 5 pm; <b onclick=alert(6)>holidays</b>',
    timeZone: 'America/Iqaluit',
    geocode: { lat: 63.747, lon: -68.5171, precision: 'building', source: 'source' },
    provenance: {
      sourceId: 'xss_fixture',
      sourceRecordId: '1',
      licence: '<i>licence</i>',
      retrievedAt: '2026-01-01',
      lastVerified: null,
      row: 1,
      raw: { name: HOSTILE },
    },
  };
}

async function importHostileSource(store: Store): Promise<void> {
  const report = new ReportBuilder('xss_fixture');
  report.imported();
  await store.replaceSource(
    {
      id: 'xss_fixture',
      title: `${HOSTILE} source`,
      licence: '<i>licence</i>',
      attribution: `<a href="javascript:alert(7)">${HOSTILE}</a>`,
      origin: 'test/pages/page-fixture.ts',
      retrievedAt: '2026-01-01',
      lastVerified: null,
    },
    [hostilePoint()],
    () => report.build(),
  );
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" };

/** Undoes the escaping of `escapeHtml` (for reading names back out of a page). */
export function unescapeHtml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|#39);/g, (_whole, name: string) => ENTITIES[name]!);
}

/** The results of a results page, in order: detail URL, name, and the `lang` of the link if any. */
export function resultsOf(page: string): Array<{ href: string; name: string; lang: string | null }> {
  return [
    ...page.matchAll(/<h3 class="result__name"><a href="([^"]+)"(?: lang="(en|fr)")?>([^<]*)<\/a><\/h3>/g),
  ].map((match) => ({
    href: unescapeHtml(match[1]!),
    name: unescapeHtml(match[3]!),
    lang: match[2] ?? null,
  }));
}

/** The id of a detail URL: `/en/locations/workbc%3Ap1` → `workbc:p1`. */
export function idOf(href: string): string {
  return decodeURIComponent(href.replace(/^.*\/locations\//, ''));
}

/** The text content of the first element matching `pattern`'s group, tags removed, entities undone. */
export function textOf(fragment: string): string {
  return unescapeHtml(fragment.replace(/<[^>]+>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();
}
