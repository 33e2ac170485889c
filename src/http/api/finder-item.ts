import type { BilingualText, Lang } from '../../domain/bilingual-text.js';
import type { GeocodePrecision, GeocodeSource } from '../../domain/geocode.js';
import { describeOpenStatus, type OpenStatus } from '../../domain/open-status.js';
import type { PhoneKind } from '../../domain/phone.js';
import type { ServicePoint } from '../../domain/service-point.js';
import { stableUuid } from '../../domain/stable-uuid.js';

/** One result of /search and /nearby. Text is exactly as stored: escaping is the renderer's job. */
export interface FinderItem {
  id: string;
  /** The HSDS location id (`/api/v1/locations/{uuid}`). */
  uuid: string;
  name: BilingualText;
  organization: { id: string; name: BilingualText };
  jurisdiction_level: string;
  jurisdiction_code: string;
  channel: string;
  service_types: string[];
  address: {
    street: string | null;
    city: string | null;
    province: string | null;
    postal_code: string | null;
    country: 'CA';
  };
  phones: { number: string; e164: string; extension: string | null; kind: PhoneKind }[];
  email: string | null;
  url: string | null;
  languages: string[];
  location: { lat: number; lon: number; precision: GeocodePrecision; source: GeocodeSource } | null;
  /** Great-circle metres from the origin, rounded; null without an origin or a location. */
  distance_metres: number | null;
  open_status: {
    state: OpenStatus['state'];
    closes_at?: string;
    opens_at?: { day: string; time: string } | null;
    /** The status as one line in the response language. */
    label: string;
  };
  hours_text: string | null;
  time_zone: string | null;
  source: { id: string; licence: string; last_verified: string | null };
}

/** A finder hit as a JSON result item, labels in `lang`. */
export function toFinderItem(
  point: ServicePoint,
  distanceMetres: number | null,
  openStatus: OpenStatus,
  lang: Lang,
): FinderItem {
  const { address, geocode, provenance } = point;
  return {
    id: point.id,
    uuid: stableUuid(point.id),
    name: point.name,
    organization: { id: point.organization.id, name: point.organization.name },
    jurisdiction_level: point.jurisdictionLevel,
    jurisdiction_code: point.jurisdictionCode,
    channel: point.channel,
    service_types: point.serviceTypes,
    address: {
      street: address.street ?? null,
      city: address.city ?? null,
      province: address.province ?? null,
      postal_code: address.postalCode ?? null,
      country: 'CA',
    },
    phones: point.phones.map((p) => ({
      number: p.display,
      e164: p.e164,
      extension: p.extension ?? null,
      kind: p.kind,
    })),
    email: point.email ?? null,
    url: point.url ?? null,
    languages: point.languages,
    location: geocode
      ? { lat: geocode.lat, lon: geocode.lon, precision: geocode.precision, source: geocode.source }
      : null,
    distance_metres: distanceMetres === null ? null : Math.round(distanceMetres),
    open_status: openStatusJson(openStatus, lang),
    hours_text: point.hoursText ?? null,
    time_zone: point.timeZone ?? null,
    source: { id: provenance.sourceId, licence: provenance.licence, last_verified: provenance.lastVerified },
  };
}

function openStatusJson(status: OpenStatus, lang: Lang): FinderItem['open_status'] {
  const label = describeOpenStatus(status, lang);
  switch (status.state) {
    case 'open':
      return { state: 'open', closes_at: status.closesAt, label };
    case 'closed':
      return { state: 'closed', opens_at: status.opensAt, label };
    case 'unknown':
      return { state: 'unknown', label };
  }
}
