import { describe, expect, it } from 'vitest';
import { DEFAULT_VIEW, MapConfigError, defaultMessages, mapConfigFromDataset } from './map-config.js';

const BASE = 'https://repere.example/en/map?q=ottawa';

/** The contract's English example, as `element.dataset` hands it over (camelCase keys). */
const CONTRACT_DATASET = {
  lang: 'en',
  pointsUrl: '/api/v1/map/points.geojson?q=ottawa&level=federal',
  boundariesUrl: '/api/v1/map/boundaries.geojson',
  communitiesUrl: '/api/v1/map/communities.geojson',
  detailBase: '/en/locations/',
  tileUrl: '',
  center: '-96,56',
  zoom: '3',
  messages:
    '{"useMyLocation":"Use my location","communities":"First Nations and Inuit communities","detail":"Details","approximate":"Approximate location","federal":"Federal","provincial":"Provincial","territorial":"Territorial","municipal":"Municipal","indigenous":"Indigenous","other":"Other","locating":"Locating…","locationDenied":"Your location could not be found."}',
};

describe('mapConfigFromDataset', () => {
  it('reads the contract example, resolving data URLs against the page', () => {
    const config = mapConfigFromDataset(CONTRACT_DATASET, BASE);
    expect(config).toEqual({
      lang: 'en',
      pointsUrl: 'https://repere.example/api/v1/map/points.geojson?q=ottawa&level=federal',
      boundariesUrl: 'https://repere.example/api/v1/map/boundaries.geojson',
      communitiesUrl: 'https://repere.example/api/v1/map/communities.geojson',
      detailBase: '/en/locations/',
      tileUrl: null,
      tileAttribution: null,
      view: { kind: 'center', center: [-96, 56], zoom: 3 },
      messages: defaultMessages('en'),
      units: null,
    });
  });

  it('prefers data-bounds to a centre and zoom', () => {
    const config = mapConfigFromDataset({ ...CONTRACT_DATASET, bounds: '-141,41.7,-52.6,83.1' }, BASE);
    expect(config.view).toEqual({ kind: 'bounds', bounds: [-141, 41.7, -52.6, 83.1] });
  });

  it('falls back to all of Canada on a missing or impossible view', () => {
    const noView = { ...CONTRACT_DATASET, center: undefined, zoom: undefined };
    expect(mapConfigFromDataset(noView, BASE).view).toEqual(DEFAULT_VIEW);
    expect(mapConfigFromDataset({ ...noView, bounds: '-141,83,-52,41' }, BASE).view).toEqual(DEFAULT_VIEW);
    expect(mapConfigFromDataset({ ...noView, center: '56,-96', zoom: '3' }, BASE).view).toEqual(DEFAULT_VIEW);
    expect(mapConfigFromDataset({ ...noView, center: '-96,56', zoom: 'far' }, BASE).view).toEqual(
      DEFAULT_VIEW,
    );
  });

  it('uses French defaults on a French page, for each message the server leaves out', () => {
    const config = mapConfigFromDataset(
      { ...CONTRACT_DATASET, lang: 'fr', messages: '{"detail":"Voir la fiche","federal":42}' },
      BASE,
    );
    expect(config.lang).toBe('fr');
    expect(config.messages).toEqual({ ...defaultMessages('fr'), detail: 'Voir la fiche' });
  });

  it('survives a broken data-messages attribute', () => {
    const config = mapConfigFromDataset({ ...CONTRACT_DATASET, messages: "{'detail': 'x'" }, BASE);
    expect(config.messages).toEqual(defaultMessages('en'));
  });

  it('keeps a tile URL template verbatim and credits its host when no attribution is given', () => {
    const tileUrl = 'https://tiles.example.org/{z}/{x}/{y}.png';
    expect(mapConfigFromDataset({ ...CONTRACT_DATASET, tileUrl }, BASE)).toMatchObject({
      tileUrl,
      tileAttribution: 'tiles.example.org',
    });
    expect(
      mapConfigFromDataset(
        { ...CONTRACT_DATASET, tileUrl, tileAttribution: '© OpenStreetMap contributors' },
        BASE,
      ),
    ).toMatchObject({ tileUrl, tileAttribution: '© OpenStreetMap contributors' });
  });

  it('has no communities layer when the server gives no communities URL', () => {
    expect(
      mapConfigFromDataset({ ...CONTRACT_DATASET, communitiesUrl: ' ' }, BASE).communitiesUrl,
    ).toBeNull();
  });

  it('refuses a missing points URL and non-http URLs, naming the attribute', () => {
    expect(() => mapConfigFromDataset({ ...CONTRACT_DATASET, pointsUrl: undefined }, BASE)).toThrow(
      new MapConfigError(
        'expected data-points-url on the map element, found none: the server must render it',
      ),
    );
    expect(() =>
      mapConfigFromDataset({ ...CONTRACT_DATASET, boundariesUrl: 'javascript:alert(1)' }, BASE),
    ).toThrow(/data-boundaries-url to be an http\(s\) URL/);
    expect(() =>
      mapConfigFromDataset({ ...CONTRACT_DATASET, detailBase: 'javascript:alert(1)//' }, BASE),
    ).toThrow(/data-detail-base to be an http\(s\) path/);
  });

  it('does not change the dataset it reads', () => {
    const dataset = { ...CONTRACT_DATASET };
    mapConfigFromDataset(dataset, BASE);
    expect(dataset).toEqual(CONTRACT_DATASET);
  });
});
