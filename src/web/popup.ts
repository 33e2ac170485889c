import { GEOCODE_PRECISIONS, isApproximate, type GeocodePrecision } from '../domain/geocode.js';
import { isJurisdictionLevel, type JurisdictionLevel } from '../domain/jurisdiction.js';
import type { MapMessages, PageLang } from './map-config.js';
import { LEVEL_COLOURS } from './points-layer.js';

/** What the popup shows of one point feature, checked: GeoJSON properties are open data. */
export interface PointSummary {
  id: string;
  name: string;
  /** The language the name is actually in, when the server says (`en`, `fr`, …). */
  nameLang: string | null;
  level: JurisdictionLevel | null;
  address: string | null;
  approximate: boolean;
}

export interface PopupText {
  lang: PageLang;
  messages: MapMessages;
  /** Prefix of the detail page URL; the id is appended URI-encoded. */
  detailBase: string;
}

const LANGUAGE_TAG = /^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/;

/**
 * Reads a point feature's properties (as MapLibre hands them back) into a PointSummary, or
 * null when it has no usable id or name.
 * @example pointSummaryFrom({ id: 'workbc:p98', name: 'WorkBC Centre - Fort St John', name_lang: 'en', jurisdiction_level: 'provincial', precision: 'building' })
 */
export function pointSummaryFrom(properties: Readonly<Record<string, unknown>> | null): PointSummary | null {
  if (properties === null) return null;
  const id = text(properties['id']);
  const name = text(properties['name']);
  if (id === null || name === null) return null;
  const nameLang = text(properties['name_lang']);
  const level = text(properties['jurisdiction_level']);
  const precision = text(properties['precision']);
  return {
    id,
    name,
    nameLang: nameLang !== null && LANGUAGE_TAG.test(nameLang) ? nameLang : null,
    level: level !== null && isJurisdictionLevel(level) ? level : null,
    address: text(properties['address']),
    approximate: precision !== null && isPrecision(precision) && isApproximate(precision),
  };
}

/**
 * The popup body for one point, built with DOM APIs and `textContent` only, never HTML:
 * names and addresses are open data and may contain markup. The name carries its own `lang`
 * when it is not in the page's language; the link goes to `detailBase + encodeURIComponent(id)`.
 */
export function popupContent(doc: Document, point: PointSummary, options: PopupText): HTMLElement {
  const { messages } = options;
  const root = doc.createElement('div');
  root.className = 'repere-popup__body';

  const name = doc.createElement('p');
  name.className = 'repere-popup__name';
  name.textContent = point.name;
  setLangIfDifferent(name, point.nameLang, options.lang);
  root.append(name);

  if (point.level !== null) {
    const level = doc.createElement('p');
    level.className = 'repere-popup__level';
    const swatch = doc.createElement('span');
    swatch.className = point.approximate ? 'repere-swatch repere-swatch--hollow' : 'repere-swatch';
    swatch.setAttribute('aria-hidden', 'true');
    swatch.style.setProperty('--repere-swatch-colour', LEVEL_COLOURS[point.level]);
    const levelName = doc.createElement('span');
    levelName.textContent = messages[point.level];
    level.append(swatch, levelName);
    root.append(level);
  }

  if (point.address !== null) {
    const address = doc.createElement('p');
    address.className = 'repere-popup__address';
    address.textContent = point.address;
    root.append(address);
  }

  if (point.approximate) {
    const approximate = doc.createElement('p');
    approximate.className = 'repere-popup__approximate';
    approximate.textContent = messages.approximate;
    root.append(approximate);
  }

  const link = doc.createElement('a');
  link.className = 'repere-popup__link';
  link.href = options.detailBase + encodeURIComponent(point.id);
  link.append(messages.detail);
  // "Details" alone is ambiguous in a links list; screen readers also hear which place.
  const target = doc.createElement('span');
  target.className = 'repere-visually-hidden';
  target.textContent = `${options.lang === 'fr' ? '\u00a0: ' : ': '}${point.name}`;
  setLangIfDifferent(target, point.nameLang, options.lang);
  link.append(target);
  root.append(link);

  return root;
}

function setLangIfDifferent(element: HTMLElement, lang: string | null, pageLang: PageLang): void {
  if (lang !== null && lang !== pageLang) element.lang = lang;
}

function isPrecision(value: string): value is GeocodePrecision {
  return (GEOCODE_PRECISIONS as readonly string[]).includes(value);
}

function text(value: unknown): string | null {
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value !== 'string') return null;
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}
