import type { Lang } from '../domain/bilingual-text.js';
import type { ServicePoint } from '../domain/service-point.js';
import type { ServiceType } from '../domain/service-type.js';
import type { OrganizationEntry, ServiceAtLocationEntry, ServiceEntry } from './hsds-catalogue.js';
import { serviceAttributeUuid, TAXONOMY_UUID, taxonomyTermUuid } from './hsds-ids.js';
import { bilingualFields, otherLang, textIn } from './hsds-text.js';
import { hsdsLocation, hsdsLocationSummary, type HsdsObject } from './to-hsds-location.js';

// HSDS 3.0 objects from the catalogue (schema/compiled/*.json). "Summary" functions give the
// one-to-one fields that list endpoints return; the others the nested form of /{type}/{id}.
// Canadian-profile extensions (the schemas allow additional properties) are documented on
// each function.

/** Repère's taxonomy name, in HSDS `taxonomy_term.taxonomy`. */
export const TAXONOMY_NAME = 'repere_service_types';

const LEVEL_NAMES: Readonly<Record<Lang, Readonly<Record<string, string>>>> = {
  en: {
    federal: 'federal',
    provincial: 'provincial',
    territorial: 'territorial',
    municipal: 'municipal',
    indigenous: 'Indigenous',
    other: 'other',
  },
  fr: {
    federal: 'fédéral',
    provincial: 'provincial',
    territorial: 'territorial',
    municipal: 'municipal',
    indigenous: 'autochtone',
    other: 'autre',
  },
};

/** HSDS requires an organization description; sources give none, so it says what Repère holds. */
function organizationDescription(org: OrganizationEntry, lang: Lang): string {
  const levels = org.jurisdictionLevels.map((l) => LEVEL_NAMES[lang][l] ?? l).join(', ');
  const where = [levels, org.provinces.join(', ')].filter(Boolean).join('; ');
  const n = org.locationCount;
  return lang === 'en'
    ? `${n} ${n === 1 ? 'location' : 'locations'} in Repère's open data (${where}).`
    : `${n} ${n === 1 ? 'emplacement' : 'emplacements'} dans les données ouvertes de Repère (${where}).`;
}

/**
 * The one-to-one fields of an HSDS organization. Extensions: `name_en`/`name_fr`,
 * `jurisdiction_levels`, `provinces`, `location_count`.
 */
export function hsdsOrganizationSummary(org: OrganizationEntry, lang: Lang): HsdsObject {
  const out: HsdsObject = {
    id: org.uuid,
    ...bilingualFields('name', org.name, lang),
    description: organizationDescription(org, lang),
  };
  out[`description_${otherLang(lang)}`] = organizationDescription(org, otherLang(lang));
  if (org.website) out['website'] = org.website;
  out['jurisdiction_levels'] = org.jurisdictionLevels;
  out['provinces'] = org.provinces;
  out['location_count'] = org.locationCount;
  return out;
}

/** Most nested items an object carries (an organization's locations, a service's services-at-location). */
export const MAX_NESTED = 100;

/**
 * The nested HSDS organization: its services (one-to-one fields) and the first MAX_NESTED of
 * its locations (`points`, in id order). Extension: `locations_total`; every location is listed
 * by /service_at_locations?organization_id=….
 */
export function hsdsOrganization(
  org: OrganizationEntry,
  points: readonly ServicePoint[],
  lang: Lang,
): HsdsObject {
  return {
    ...hsdsOrganizationSummary(org, lang),
    services: org.services.map((service) => hsdsServiceSummary(service, lang, false)),
    locations: points.map((point) => hsdsLocationSummary(point, lang)),
    locations_total: org.locationCount,
  };
}

function typeName(service: ServiceEntry, lang: Lang): string {
  return service.type?.name[lang] ?? service.typeId;
}

/** "Employment services — WorkBC" / "Services d'emploi — WorkBC". */
function serviceName(service: ServiceEntry, lang: Lang): string {
  return `${typeName(service, lang)} — ${textIn(service.organization.name, lang)}`;
}

/**
 * The one-to-one fields of an HSDS service, with its organization when `withOrganization`.
 * Extensions: `name_en`/`name_fr`, `description_en`/`description_fr`, `service_type` (the
 * taxonomy code), `taxonomy_term_id`, `location_count`.
 */
export function hsdsServiceSummary(service: ServiceEntry, lang: Lang, withOrganization = true): HsdsObject {
  const other = otherLang(lang);
  const out: HsdsObject = {
    id: service.uuid,
    organization_id: service.organization.uuid,
    name: serviceName(service, lang),
    [`name_${other}`]: serviceName(service, other),
  };
  if (service.type) {
    out['description'] = service.type.description[lang];
    out[`description_${other}`] = service.type.description[other];
  }
  out['status'] = 'active';
  if (service.lastModified) out['last_modified'] = service.lastModified;
  if (withOrganization) {
    const org = hsdsOrganizationSummary(service.organization, lang);
    out['organization'] = org;
  }
  out['service_type'] = service.typeId;
  out['taxonomy_term_id'] = taxonomyTermUuid(service.typeId);
  out['location_count'] = service.serviceAtLocations.length;
  return out;
}

/** The HSDS attribute that links a service to its taxonomy term. */
function serviceTypeAttribute(service: ServiceEntry, lang: Lang): HsdsObject {
  const attribute: HsdsObject = {
    id: serviceAttributeUuid(service.organization.id, service.typeId),
    link_id: service.uuid,
    link_type: 'service_type',
    link_entity: 'service',
    taxonomy_term_id: taxonomyTermUuid(service.typeId),
  };
  if (service.type) attribute['taxonomy_term'] = hsdsTaxonomyTerm(service.type, lang);
  return attribute;
}

/**
 * The nested HSDS service: its taxonomy term (as an attribute) and its first MAX_NESTED
 * services-at-location with their full locations (`points`, in the order of
 * `service.serviceAtLocations`). Extensions: `service_at_locations_total` and
 * `service_at_locations_url`, the list that pages through all of them.
 */
export function hsdsService(
  service: ServiceEntry,
  points: ReadonlyMap<string, ServicePoint>,
  lang: Lang,
  basePath: string,
): HsdsObject {
  const nested = service.serviceAtLocations.slice(0, MAX_NESTED).flatMap((sal) => {
    const point = points.get(sal.pointId);
    return point
      ? [
          {
            id: sal.uuid,
            service_id: service.uuid,
            location_id: sal.locationUuid,
            location: hsdsLocation(point, lang),
          },
        ]
      : [];
  });
  return {
    ...hsdsServiceSummary(service, lang),
    attributes: [serviceTypeAttribute(service, lang)],
    service_at_locations: nested,
    service_at_locations_total: service.serviceAtLocations.length,
    service_at_locations_url: `${basePath}/api/v1/service_at_locations?service_id=${service.uuid}`,
  };
}

/**
 * An HSDS service_at_location: its location (one-to-one fields, or nested when `full`) and
 * its service (one-to-one fields with organization). Extension: `distance_metres` from the
 * postcode's centroid when the list was asked by proximity.
 */
export function hsdsServiceAtLocation(
  sal: ServiceAtLocationEntry,
  point: ServicePoint,
  lang: Lang,
  options: { full: boolean; distanceMetres?: number | null },
): HsdsObject {
  const out: HsdsObject = {
    id: sal.uuid,
    service_id: sal.service.uuid,
    location_id: sal.locationUuid,
    location: options.full ? hsdsLocation(point, lang) : hsdsLocationSummary(point, lang),
    service: hsdsServiceSummary(sal.service, lang),
  };
  if (options.full) out['attributes'] = [serviceTypeAttribute(sal.service, lang)];
  if (options.distanceMetres !== undefined && options.distanceMetres !== null) {
    out['distance_metres'] = Math.round(options.distanceMetres);
  }
  return out;
}

/**
 * An HSDS taxonomy_term for a service type (domain/service-type.ts). `code` is Repère's id
 * (accepted wherever a term id is); extensions `name_en`/`name_fr`, `description_en`/`description_fr`.
 */
export function hsdsTaxonomyTerm(type: ServiceType, lang: Lang): HsdsObject {
  const other = otherLang(lang);
  return {
    id: taxonomyTermUuid(type.id),
    code: type.id,
    name: type.name[lang],
    [`name_${other}`]: type.name[other],
    description: type.description[lang],
    [`description_${other}`]: type.description[other],
    taxonomy: TAXONOMY_NAME,
    taxonomy_id: TAXONOMY_UUID,
    language: lang,
  };
}
