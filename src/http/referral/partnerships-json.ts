import type { Lang } from '../../domain/bilingual-text.js';
import { pickText } from '../../domain/bilingual-text.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { partnershipsForPoint } from '../../referral/partnerships.js';
import type { Partnership, PartnershipCatalogue } from '../../referral/partnerships.js';
import type { Store } from '../../store/store.js';

export interface PartnershipFeature {
  type: 'Feature';
  id: string;
  geometry: { type: 'Point'; coordinates: [number, number] };
  properties: Record<string, string>;
}

/**
 * The partnership sites as GeoJSON for the map (src/web/map.ts reads `id`, `name`,
 * `name_lang`, `jurisdiction_level`, `precision`, `address`): one feature per Repère point
 * taking part, with the ids and names of its partnerships; sites with coordinates but no
 * Repère point are features of their own (`kind: partnership_site`).
 */
export async function partnershipFeatures(
  store: Store,
  partnerships: readonly Partnership[],
  lang: Lang,
): Promise<{ type: 'FeatureCollection'; features: PartnershipFeature[] }> {
  const pointIds = [...new Set(partnerships.flatMap((p) => p.locations.flatMap((l) => l.point_ids)))];
  const points = new Map((await store.getPoints(pointIds)).map((point) => [point.id, point]));
  const byPoint = new Map<string, Partnership[]>();
  const features: PartnershipFeature[] = [];
  for (const partnership of partnerships) {
    for (const location of partnership.locations) {
      const located = location.point_ids.filter((id) => points.get(id)?.geocode);
      for (const id of located) byPoint.set(id, [...(byPoint.get(id) ?? []), partnership]);
      if (located.length === 0 && location.lat !== null && location.lon !== null) {
        features.push({
          type: 'Feature',
          id: `${partnership.id}:${location.id}`,
          geometry: { type: 'Point', coordinates: [location.lon, location.lat] },
          properties: {
            id: `${partnership.id}:${location.id}`,
            kind: 'partnership_site',
            name: location.name[lang],
            name_lang: lang,
            jurisdiction_level: 'other',
            precision: location.precision,
            partnership_ids: partnership.id,
            partnership_names: partnership.name[lang],
          },
        });
      }
    }
  }
  for (const [id, list] of byPoint) features.push(pointFeature(points.get(id)!, list, lang));
  return { type: 'FeatureCollection', features };
}

function pointFeature(point: ServicePoint, list: readonly Partnership[], lang: Lang): PartnershipFeature {
  const name = pickText(point.name, lang) ?? { text: point.id, lang };
  const unique = [...new Set(list)];
  const address = [point.address.street, point.address.city, point.address.province].filter(Boolean).join(', ');
  return {
    type: 'Feature',
    id: point.id,
    geometry: { type: 'Point', coordinates: [point.geocode!.lon, point.geocode!.lat] },
    properties: {
      id: point.id,
      kind: 'point',
      name: name.text,
      name_lang: name.lang,
      jurisdiction_level: point.jurisdictionLevel,
      precision: point.geocode!.precision,
      ...(address ? { address } : {}),
      partnership_ids: unique.map((p) => p.id).join(','),
      partnership_names: unique.map((p) => p.name[lang]).join('; '),
    },
  };
}

/** The partnerships a filter keeps: all, or those a Repère point takes part in. */
export function partnershipsOf(catalogue: PartnershipCatalogue, pointId: string | undefined): readonly Partnership[] {
  return pointId ? partnershipsForPoint(catalogue, pointId) : catalogue.partnerships;
}
