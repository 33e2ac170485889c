import type { Lang } from '../../domain/bilingual-text.js';
import { parsePhone } from '../../domain/phone.js';
import { factsOf } from '../../referral/catalogue.js';
import type { Bilingual, Body, Fact } from '../../referral/catalogue.js';
import type { Referral, ServiceReferral, WrongDoorHint } from '../../referral/refer.js';
import { pointName } from './format.js';
import { rt } from './messages.js';

/** `handled_by` of the API: who handles a service there, with every fact's source and status. */
export interface HandledByJson {
  name: Bilingual;
  phone: string | null;
  phone_e164: string | null;
  tty: string | null;
  url: string | null;
  /** Oldest verification date of the contact facts shown; null when one of them is unverified. */
  last_verified: string | null;
  channels: string[];
  note: Bilingual | null;
  partnership: string | null;
  verification: Record<string, Fact>;
}

/**
 * When a body's contact facts (phone, TTY, web) were last verified, taken together: the oldest
 * date when all are verified, null when any is unverified or there are none.
 * @example contactLastVerified(serviceOntarioHealthBody) // null: its web page is unverified
 */
export function contactLastVerified(body: Body): string | null {
  const contacts = factsOf(body).filter(([key]) => key !== 'name').map(([, fact]) => fact);
  if (contacts.length === 0 || contacts.some((fact) => fact.status !== 'verified' || !fact.last_verified)) return null;
  return contacts.map((fact) => fact.last_verified!).sort()[0]!;
}

export function handledByJson(body: Body): HandledByJson {
  return {
    name: body.name,
    phone: body.phone ?? null,
    phone_e164: body.phone ? (parsePhone(body.phone)?.e164 ?? null) : null,
    tty: body.tty ?? null,
    url: body.url ?? null,
    last_verified: contactLastVerified(body),
    channels: body.channels,
    note: body.note ?? null,
    partnership: body.partnership ?? null,
    verification: Object.fromEntries(factsOf(body)),
  };
}

function serviceJson(item: ServiceReferral, lang: Lang, base: string): Record<string, unknown> {
  const { service, via, body, level, nearest } = item;
  return {
    id: service.id,
    name: service.name,
    jurisdiction_level: level,
    description: service.description,
    note: service.note ?? null,
    matched: via.kind === 'life_event' ? { kind: 'life_event', life_event: via.id, term: via.term } : { kind: 'service', term: via.term },
    handled_by: body ? handledByJson(body) : null,
    nearest_points: (nearest?.hits ?? []).map((hit) => {
      const name = pointName(hit, lang);
      return {
        id: hit.point.id,
        name: name.text,
        name_lang: name.lang,
        distance_metres: Math.round(hit.distanceMetres),
        channel: hit.point.channel,
        organization: hit.point.organization.name,
        precision: hit.point.geocode?.precision ?? 'none',
        url: `${base}/${lang}/locations/${encodeURIComponent(hit.point.id)}`,
      };
    }),
    nearest_points_basis: nearest?.basis ?? null,
  };
}

function wrongDoorJson(hint: WrongDoorHint): Record<string, unknown> {
  const message = (lang: Lang): string => wrongDoorMessage(hint, lang);
  return {
    service_id: hint.service.id,
    called: hint.calledLine,
    handled_by_level: hint.level,
    handled_by: hint.body ? { name: hint.body.name, phone: hint.body.phone ?? null, url: hint.body.url ?? null } : null,
    message: { en: message('en'), fr: message('fr') },
  };
}

/** The sentence of one wrong-door hint: "Health card: provincial, handled by ServiceOntario." */
export function wrongDoorMessage(hint: WrongDoorHint, lang: Lang): string {
  const service = hint.service.name[lang];
  const level = rt(lang, `level.${hint.level}`);
  return hint.body
    ? rt(lang, 'wrongDoor.item', { service, level, body: hint.body.name[lang] })
    : rt(lang, 'wrongDoor.itemNoBody', { service, level });
}

/**
 * The JSON answer of GET /api/v1/referral: the contract's fields (`query`, `location`,
 * `services[].handled_by`, `nearest_points`, `wrong_door`) and more (`verification`,
 * `suggestions`, `life_events`).
 */
export function referralJson(referral: Referral, lang: Lang, base = ''): Record<string, unknown> {
  const { location } = referral;
  return {
    query: referral.query,
    lang,
    location: location && {
      lat: location.lat,
      lon: location.lon,
      province: location.province,
      precision: location.precision,
      label: location.label,
      kind: location.kind,
      provinces: location.provinces,
    },
    called: referral.calledLine,
    catalogue_version: referral.catalogueVersion,
    life_events: referral.match.lifeEvents.map(({ lifeEvent }) => ({ id: lifeEvent.id, name: lifeEvent.name, services: lifeEvent.services })),
    services: referral.services.map((item) => serviceJson(item, lang, base)),
    wrong_door: referral.wrongDoor.map(wrongDoorJson),
    suggestions: referral.match.suggestions,
  };
}
