// data/partnerships/ against its schema, its sources and the service catalogue; every
// verified claim's quote is in the working group's report (when the shared folder is present).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Catalogue } from '../../src/referral/catalogue.js';
import { CatalogueError } from '../../src/referral/catalogue.js';
import { loadCatalogue } from '../../src/referral/load-catalogue.js';
import { loadPartnerships, partnershipsForPoint, partnershipsFromDocument } from '../../src/referral/partnerships.js';
import type { PartnershipCatalogue } from '../../src/referral/partnerships.js';

const DIR = resolve('data/partnerships');
// The working group's report, outside the repository (see data/partnerships/README.md).
const REPORT = '/work/shared/background/000_e447b4c7b519b919.txt';

let catalogue: Catalogue;
let partnerships: PartnershipCatalogue;
beforeAll(async () => {
  catalogue = await loadCatalogue(resolve('data/catalogue'));
  partnerships = await loadPartnerships(DIR, catalogue);
});

describe('data/partnerships', () => {
  it('validates and lists the four partnerships of the issue', () => {
    expect(partnerships.version).toBe('1.0.0');
    expect(partnerships.partnerships.map((p) => [p.id, p.year, p.partners.map((partner) => partner.name.en)])).toEqual([
      ['pleasure-craft-licences-snb', null, ['Transport Canada', 'Service New Brunswick']],
      ['grand-manan-virtual-services', null, ['Service Canada', 'Service New Brunswick']],
      ['picton-shared-office', 2017, ['Service Canada', 'ServiceOntario']],
      ['sechelt-outreach-service-bc', null, ['Service Canada', 'Service BC']],
    ]);
  });

  it('verifies only what the report states; Picton and Sechelt are unverified', () => {
    const status = partnerships.partnerships.map((p) => [p.id, Object.values(p.evidence).map((e) => e.status[0]).join('')]);
    // partners, services, locations, year, outcome: v = verified, u = unverified
    expect(status).toEqual([
      ['pleasure-craft-licences-snb', 'vvuuv'],
      ['grand-manan-virtual-services', 'vvvuv'],
      ['picton-shared-office', 'uuuuu'],
      ['sechelt-outreach-service-bc', 'uuuuu'],
    ]);
  });

  it.skipIf(!existsSync(REPORT))('quotes the report exactly at the lines it cites', () => {
    const lines = readFileSync(REPORT, 'utf8').split('\n');
    const collapse = (text: string): string => text.replace(/\s+/g, ' ').trim();
    for (const p of partnerships.partnerships) {
      for (const [key, e] of Object.entries(p.evidence)) {
        if (e.status !== 'verified') continue;
        const [from, to = from] = e.lines!.split('–').map(Number);
        const passage = collapse(lines.slice(from! - 1, to!).join(' '));
        expect(passage, `${p.id} ${key}`).toContain(collapse(e.quote!));
      }
    }
  });

  it('finds the partnerships of a Repère point', () => {
    expect(partnershipsForPoint(partnerships, 'service_canada:3220').map((p) => p.id)).toEqual(['picton-shared-office']);
    expect(partnershipsForPoint(partnerships, 'serviceontario:533cdd1d-cf93-42aa-9748-92000f4b9d10').map((p) => p.id)).toEqual(['picton-shared-office']);
    expect(partnershipsForPoint(partnerships, 'service_canada:1687')).toEqual([]);
  });

  it('rejects unknown sources and service ids, naming them', () => {
    const schema = JSON.parse(readFileSync(resolve(DIR, 'schema.json'), 'utf8')) as Record<string, unknown>;
    const data = JSON.parse(readFileSync(resolve(DIR, 'partnerships.json'), 'utf8')) as { partnerships: Array<{ services: string[]; evidence: { year: { source: string } } }> };
    data.partnerships[0]!.services = ['boat_licences'];
    data.partnerships[2]!.evidence.year.source = 'issue-6';
    expect(() => partnershipsFromDocument(data, schema, 'partnerships.json', catalogue)).toThrow(CatalogueError);
    try {
      partnershipsFromDocument(data, schema, 'partnerships.json', catalogue);
    } catch (error) {
      expect((error as CatalogueError).issues).toEqual([
        'partnership "pleasure-craft-licences-snb": service "boat_licences" is not in the service catalogue',
        'partnership "picton-shared-office": evidence.year.source "issue-6" is not a key of "sources"',
      ]);
    }
  });
});
