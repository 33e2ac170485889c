import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NotCkanPortalError, resolveHarvestTarget } from './harvest-target.js';
import { findPortal, loadPortalRegistry, portalsFrom } from './portal-registry.js';

const REGISTRY = resolve('data/portals/portals.json');

describe('data/portals/portals.json', () => {
  it('loads and validates: the federal, provincial and municipal portals', async () => {
    const portals = await loadPortalRegistry(REGISTRY);
    expect(portals.filter((p) => p.api === 'ckan').map((p) => p.id)).toEqual([
      'canada',
      'alberta',
      'british_columbia',
      'ontario',
      'quebec',
      'montreal',
      'laval',
      'gatineau',
      'quebec_city',
      'longueuil',
      'sherbrooke',
      'toronto',
      'surrey',
      'niagara',
    ]);
    expect(portals.find((p) => p.id === 'nova_scotia')).toMatchObject({ baseUrl: 'https://data.novascotia.ca', api: 'socrata', jurisdictionLevel: 'provincial', jurisdictionCode: 'NS' });
    expect(portals.find((p) => p.id === 'canada')).toMatchObject({
      baseUrl: 'https://open.canada.ca/data',
      jurisdictionLevel: 'federal',
      jurisdictionCode: 'CA',
      province: null,
      defaultLicence: { title: 'Open Government Licence - Canada', ckanIds: ['ca-ogl-lfogc'] },
    });
    expect(portals.filter((p) => !p.apiVerified).map((p) => p.id)).toEqual(['winnipeg', 'calgary', 'edmonton']);
  });

  it('finds a portal by id or by URL, with or without "/", "/api/3/action" or https', async () => {
    const portals = await loadPortalRegistry(REGISTRY);
    expect(findPortal(portals, 'british_columbia')?.baseUrl).toBe('https://catalogue.data.gov.bc.ca');
    expect(findPortal(portals, 'https://catalogue.data.gov.bc.ca/')?.id).toBe('british_columbia');
    expect(findPortal(portals, 'http://open.canada.ca/data/api/3/action')?.id).toBe('canada');
    // Données Québec hosts the province and its cities: the organization picks the entry.
    expect(findPortal(portals, 'https://www.donneesquebec.ca/recherche')?.id).toBe('quebec');
    expect(findPortal(portals, 'https://www.donneesquebec.ca/recherche', 'ville-de-laval')?.id).toBe('laval');
    expect(findPortal(portals, 'https://example.org')).toBeNull();
    expect(findPortal(portals, 'nowhere')).toBeNull();
  });

  it('resolves a harvest target; refuses Socrata portals', async () => {
    const portals = await loadPortalRegistry(REGISTRY);
    const { target, organization } = resolveHarvestTarget(portals, 'laval', { query: 'bibliothèque' });
    expect(organization).toBe('ville-de-laval');
    expect(target).toMatchObject({ baseUrl: 'https://www.donneesquebec.ca/recherche', jurisdictionLevel: 'municipal', jurisdictionCode: '2465005', province: 'QC', languages: ['fr'], serviceTypes: ['library'] });
    expect(() => resolveHarvestTarget(portals, 'nova_scotia', { query: 'x' })).toThrow(NotCkanPortalError);
    expect(() => resolveHarvestTarget(portals, 'https://example.org', { query: 'x' })).toThrow(/is not in the portal registry/);
    expect(resolveHarvestTarget(portals, 'https://example.org/', { query: 'x', jurisdictionLevel: 'municipal', jurisdictionCode: '3520005' }).target).toMatchObject({
      baseUrl: 'https://example.org',
      portalId: null,
      jurisdictionCode: '3520005',
      province: null,
    });
  });

  it('says what is wrong with a bad entry', () => {
    const good = { id: 'x', title: { en: 'X', fr: 'X' }, base_url: 'https://x.ca', api: 'ckan', api_verified: true, jurisdiction_level: 'municipal', jurisdiction_code: '3520005', province: 'ON', languages: ['en'], suggested_queries: [] };
    expect(portalsFrom({ portals: [good] }, 'r')).toHaveLength(1);
    expect(() => portalsFrom({ portals: [{ ...good, api: 'dkan' }] }, 'r')).toThrow('r portals[0]: "api" must be one of ckan, socrata, arcgis_hub, opendatasoft, other, got "dkan"');
    expect(() => portalsFrom({ portals: [{ ...good, base_url: 'https://x.ca/api/3/action' }] }, 'r')).toThrow('"base_url" must be an http(s) URL without a trailing "/" or "/api/3"');
    expect(() => portalsFrom({ portals: [{ ...good, jurisdiction_code: 'Toronto' }] }, 'r')).toThrow('"jurisdiction_code" must be CA, a province code or a 7-digit CSD code, got "Toronto"');
    expect(() => portalsFrom({ portals: [{ ...good, suggested_queries: [{ q: 'x', service_types: ['spa'] }] }] }, 'r')).toThrow('unknown service type "spa"');
    expect(() => portalsFrom({ portals: [good, good] }, 'r')).toThrow('portal id "x" is used twice');
  });
});
