import { describe, expect, it } from 'vitest';
import { harvestSourceId, isPortalLicence, licenceOfPackage, profileForResource } from './harvest-profile.js';
import type { HarvestTarget } from './harvest-profile.js';

const target: HarvestTarget = {
  baseUrl: 'https://open.canada.ca/data',
  portalId: 'canada',
  jurisdictionLevel: 'federal',
  jurisdictionCode: 'CA',
  province: null,
  languages: ['en', 'fr'],
  defaultLicence: {
    title: 'Open Government Licence - Canada',
    ckanIds: ['ca-ogl-lfogc'],
    url: 'https://open.canada.ca/en/open-government-licence-canada',
    attribution: 'Contains information licensed under the Open Government Licence – Canada.',
  },
  serviceTypes: ['government_services'],
};

describe('harvestSourceId', () => {
  it('depends on the host, the dataset name and the resource id only', () => {
    const id = harvestSourceId('https://open.canada.ca/data', 'service-canada-centres', 'r1');
    expect(id).toMatch(/^ckan_[0-9a-f]{12}$/);
    expect(harvestSourceId('https://OPEN.canada.ca/other/path', 'service-canada-centres', 'r1')).toBe(id);
    expect(harvestSourceId('https://open.canada.ca/data', 'service-canada-centres', 'r2')).not.toBe(id);
    expect(harvestSourceId('https://data.ontario.ca', 'service-canada-centres', 'r1')).not.toBe(id);
  });
});

describe('licenceOfPackage', () => {
  it('takes the title, else the id; unclear when the dataset states none', () => {
    expect(licenceOfPackage({ license_id: '2', license_title: 'Open Government Licence - British Columbia' })).toBe('Open Government Licence - British Columbia');
    expect(licenceOfPackage({ license_id: 'ca-ogl-lfogc', license_title: null })).toBe('ca-ogl-lfogc');
    expect(licenceOfPackage({ license_id: 'notspecified', license_title: 'License not specified' })).toBe('unclear');
    expect(licenceOfPackage({})).toBe('unclear');
  });

  it("recognises the portal's usual licence by CKAN id or title", () => {
    expect(isPortalLicence({ license_id: 'ca-ogl-lfogc' }, target.defaultLicence)).toBe(true);
    expect(isPortalLicence({ license_title: 'open government licence – canada' }, target.defaultLicence)).toBe(true);
    expect(isPortalLicence({ license_id: 'cc-by' }, target.defaultLicence)).toBe(false);
  });
});

describe('profileForResource', () => {
  it('builds a bilingual harvest profile from ckanext-fluent titles', () => {
    const pkg = {
      id: 'd1',
      name: 'service-canada-centres',
      title: 'Service Canada Centres',
      title_translated: { en: 'Service Canada Centres', fr: 'Centres Service Canada' },
      license_id: 'ca-ogl-lfogc',
      license_title: 'Open Government Licence - Canada',
      organization: { name: 'esdc-edsc', title: 'Employment and Social Development Canada | Emploi et Développement social Canada', title_translated: { en: 'Employment and Social Development Canada', fr: 'Emploi et Développement social Canada' } },
    };
    const { profile, fingerprint } = profileForResource(target, pkg, { id: 'r1', name: 'Centres (CSV)' }, 'csv', '/tmp/r1.csv', '2025-03-01');
    expect(profile).toMatchObject({
      id: harvestSourceId(target.baseUrl, 'service-canada-centres', 'r1'),
      title: { en: 'Service Canada Centres — Centres (CSV)', fr: 'Centres Service Canada — Centres (CSV)' },
      licence: 'Open Government Licence - Canada',
      licenceUrl: 'https://open.canada.ca/en/open-government-licence-canada',
      attribution: 'Contains information licensed under the Open Government Licence – Canada.',
      retrievedAt: '2025-03-01',
      lastVerified: null,
      defaults: {
        layer: 'harvested',
        role: 'service_point',
        jurisdictionLevel: 'federal',
        jurisdictionCode: 'CA',
        channel: 'in_person',
        serviceTypes: ['government_services'],
        organization: { id: 'ckan:esdc-edsc', name: { en: 'Employment and Social Development Canada', fr: 'Emploi et Développement social Canada' } },
        languages: ['en', 'fr'],
      },
    });
    // The retrieval date is not part of the fingerprint: a later run with the same metadata keeps it.
    expect(profileForResource(target, pkg, { id: 'r1', name: 'Centres (CSV)' }, 'csv', '/tmp/x.csv', '2026-01-01').fingerprint).toBe(fingerprint);
    expect(profileForResource(target, { ...pkg, license_id: 'cc-by', license_title: 'CC BY' }, { id: 'r1', name: 'Centres (CSV)' }, 'csv', '/tmp/x.csv', '2025-03-01').fingerprint).not.toBe(fingerprint);
  });
});
