import type { Lang } from '../domain/bilingual-text.js';
import {
  formatClockTime,
  parseOpeningHours,
  toHsdsSchedules,
  weekdayName,
  type Weekday,
} from '../domain/opening-hours.js';
import type { Phone } from '../domain/phone.js';
import type { ServicePoint } from '../domain/service-point.js';
import {
  addressUuid,
  contactUuid,
  languageUuid,
  locationUuid,
  organizationUuid,
  phoneUuid,
  scheduleUuid,
} from './hsds-ids.js';
import { bilingualFields } from './hsds-text.js';

/** An HSDS object as sent: the standard's fields plus Canadian-profile extensions. */
export type HsdsObject = Record<string, unknown>;

/**
 * The one-to-one fields of an HSDS `location` for a service point (list form), with the
 * Canadian-profile extensions: `name_en`/`name_fr`, `jurisdiction_level`, `jurisdiction_code`,
 * `channel`, `location_precision`, `time_zone`, `official_languages`.
 */
export function hsdsLocationSummary(point: ServicePoint, lang: Lang): HsdsObject {
  const location: HsdsObject = {
    id: locationUuid(point.id),
    // Phone and web channels have no counter to go to.
    location_type: point.channel === 'digital' || point.channel === 'phone' ? 'virtual' : 'physical',
    organization_id: organizationUuid(point.organization.id),
    ...bilingualFields('name', point.name, lang),
  };
  if (point.url) location['url'] = point.url;
  if (point.description) Object.assign(location, bilingualFields('description', point.description, lang));
  if (point.geocode) {
    location['latitude'] = point.geocode.lat;
    location['longitude'] = point.geocode.lon;
  }
  location['external_identifier'] = point.id;
  location['external_identifier_type'] = 'repere_id';
  location['jurisdiction_level'] = point.jurisdictionLevel;
  location['jurisdiction_code'] = point.jurisdictionCode;
  location['channel'] = point.channel;
  location['location_precision'] = point.geocode?.precision ?? 'none';
  if (point.timeZone) location['time_zone'] = point.timeZone;
  if (point.officialLanguages) location['official_languages'] = point.officialLanguages;
  return location;
}

/** The fully nested HSDS `location`: languages, address, contact (e-mail), phones, schedules. */
export function hsdsLocation(point: ServicePoint, lang: Lang): HsdsObject {
  const id = locationUuid(point.id);
  const location = hsdsLocationSummary(point, lang);
  location['languages'] = point.languages.map((code) => ({
    id: languageUuid(point.id, code),
    location_id: id,
    name: languageName(code, lang),
    code,
  }));
  location['addresses'] = hsdsAddresses(point);
  location['contacts'] = point.email
    ? [{ id: contactUuid(point.id), location_id: id, email: point.email }]
    : [];
  location['phones'] = point.phones.map((phone, i) => hsdsPhone(phone, phoneUuid(point.id, i), id, lang));
  location['schedules'] = hsdsSchedules(point, lang);
  return location;
}

/** The physical address, when any part of it is known; HSDS requires every field, so unknown parts are "". */
function hsdsAddresses(point: ServicePoint): HsdsObject[] {
  const { street, city, province, postalCode } = point.address;
  if (!street && !city && !province && !postalCode) return [];
  return [
    {
      id: addressUuid(point.id),
      location_id: locationUuid(point.id),
      address_1: street ?? '',
      city: city ?? '',
      state_province: province ?? '',
      postal_code: postalCode ?? '',
      country: 'CA',
      address_type: 'physical',
    },
  ];
}

const PHONE_TYPES: Readonly<Record<Phone['kind'], string>> = {
  voice: 'voice',
  toll_free: 'voice',
  fax: 'fax',
  tty: 'textphone',
};

const PHONE_DESCRIPTIONS: Readonly<Record<Lang, Partial<Record<Phone['kind'], string>>>> = {
  en: { toll_free: 'Toll-free', tty: 'TTY' },
  fr: { toll_free: 'Sans frais', tty: 'ATS' },
};

/** An HSDS phone: the number as printed in Canada, extension digits as a number (HSDS types it so), E.164 as an extension. */
function hsdsPhone(phone: Phone, id: string, locationId: string, lang: Lang): HsdsObject {
  const out: HsdsObject = {
    id,
    location_id: locationId,
    number: phone.display,
    type: PHONE_TYPES[phone.kind],
  };
  if (phone.extension) out['extension'] = Number(phone.extension);
  const description = PHONE_DESCRIPTIONS[lang][phone.kind];
  if (description) out['description'] = description;
  out['e164'] = phone.e164;
  return out;
}

const HOLIDAY_NOTE: Readonly<Record<Lang, string>> = {
  en: 'Closed on holidays',
  fr: 'Fermé les jours fériés',
};

/**
 * Weekly HSDS schedules from the point's hours text (toHsdsSchedules), with UUIDs and the
 * description in `lang`. Hours text that cannot be read at all becomes one schedule whose
 * description is the text as published, so nothing the source said is lost.
 */
function hsdsSchedules(point: ServicePoint, lang: Lang): HsdsObject[] {
  if (!point.hoursText) return [];
  const locationId = locationUuid(point.id);
  const hours = parseOpeningHours(point.hoursText);
  if (!hours || hours.intervals.length === 0) {
    return [{ id: scheduleUuid(point.id, 0), location_id: locationId, description: point.hoursText }];
  }
  const notes = [...(hours.closedOnHolidays ? [HOLIDAY_NOTE[lang]] : []), ...hours.notes].join('; ');
  return toHsdsSchedules(hours, 'schedule').map((schedule, i) => {
    const out: HsdsObject = {
      ...schedule,
      id: scheduleUuid(point.id, i),
      location_id: locationId,
      description:
        lang === 'en'
          ? schedule.description
          : frenchScheduleDescription(schedule.byday, schedule.opens_at, schedule.closes_at),
    };
    if (notes) out['notes'] = notes;
    else delete out['notes'];
    return out;
  });
}

/** "lundi, mardi et jeudi, 8 h 30 à 16 h 30" (French weekday names take no capital). */
function frenchScheduleDescription(byday: string, opensAt: string, closesAt: string): string {
  const days = byday.split(',').map((d) => weekdayName(d as Weekday, 'fr'));
  const dayList =
    days.length <= 1 ? days.join('') : `${days.slice(0, -1).join(', ')} et ${days[days.length - 1]}`;
  return `${dayList}, ${formatClockTime(opensAt, 'fr')} à ${formatClockTime(closesAt, 'fr')}`;
}

const LANGUAGE_NAMES: Readonly<Record<Lang, Intl.DisplayNames>> = {
  en: new Intl.DisplayNames(['en-CA'], { type: 'language', fallback: 'code' }),
  fr: new Intl.DisplayNames(['fr-CA'], { type: 'language', fallback: 'code' }),
};

/** "English", "French", "Inuktitut" / "anglais", "français", "inuktitut". */
function languageName(code: string, lang: Lang): string {
  try {
    return LANGUAGE_NAMES[lang].of(code) ?? code;
  } catch {
    // A code Intl rejects as malformed: show it as the source wrote it.
    return code;
  }
}
