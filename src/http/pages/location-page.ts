import type { Lang } from '../../domain/bilingual-text.js';
import { isApproximate } from '../../domain/geocode.js';
import { JURISDICTION_LEVELS } from '../../domain/jurisdiction.js';
import { openStatusAt, formatWeeklyHours } from '../../domain/open-status.js';
import { parseOpeningHours } from '../../domain/opening-hours.js';
import type { OpeningHours } from '../../domain/opening-hours.js';
import { PROVINCES } from '../../domain/province.js';
import type { ServicePoint } from '../../domain/service-point.js';
import type { NearestHit, SourceSummary } from '../../store/store.js';
import type { AppDeps } from '../app-deps.js';
import { formatDate, formatDegrees, timeZoneName } from '../i18n/locale-format.js';
import { t } from '../i18n/messages.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { boundsAround, mapElement } from './map-element.js';
import { locationPath, pagePath } from './page-context.js';
import type { PageContext } from './page-context.js';
import {
  addressLine,
  langAttribute,
  languagesText,
  levelKey,
  nameOf,
  openStatusLine,
  phoneKindLabel,
  phoneLink,
  precisionNote,
  serviceTypeNames,
  textIn,
  textWithLang,
  websiteLink,
} from './point-fields.js';
import { distanceText } from './result-item.js';
import { licenceText } from './sources-page.js';

export type LocationDeps = Pick<AppDeps, 'store' | 'now' | 'correctionsEmail' | 'partnershipsForPoint'>;

/** How many nearby points of other orders of government the page lists. */
export const NEARBY_COUNT = 5;
/** Nearby points closer than this are framed with the point on its map. */
const MAP_CONTEXT_METRES = 25_000;
/** Orders of government; `other` (jointly funded non-profits) is not one. */
const GOVERNMENT_LEVELS = JURISDICTION_LEVELS.filter((level) => level !== 'other');

/**
 * The detail page of one service point (`/{lang}/locations/{id}`): everything known about it,
 * its source and licence, nearby points of other orders of government, a small map, and a
 * prefilled "report a correction" email. Null when there is no such point.
 */
export async function renderLocationPage(
  ctx: PageContext,
  deps: LocationDeps,
  id: string,
): Promise<string | null> {
  const point = await deps.store.getPoint(id);
  if (!point || point.role === 'candidate_site') return null;
  const [sources, nearby] = await Promise.all([deps.store.listSources(), nearbyOfOtherLevels(deps, point)]);
  const source = sources.find((s) => s.id === point.provenance.sourceId) ?? null;
  const { lang } = ctx;
  const name = nameOf(point, lang);
  const timeZone =
    point.timeZone ??
    (point.address.province ? PROVINCES[point.address.province].timeZone : 'America/Toronto');
  const hours = point.hoursText ? parseOpeningHours(point.hoursText) : null;
  const status = openStatusAt(hours, timeZone, deps.now());
  const main = html`<h1${langAttribute(name.lang, lang)}>${name.text}</h1>
${otherNames(point, lang)}
${openStatusLine(status, lang)}
<div class="detail">
<div class="detail__main">
${contactSection(ctx, point)}
${hoursSection(lang, point, hours, timeZone)}
${aboutSection(lang, point)}
${partnershipsSection(ctx, deps.partnershipsForPoint(point.id))}
${sourceSection(lang, point, source)}
<p class="correction"><a class="button button--secondary" href="${correctionHref(ctx, deps.correctionsEmail, point)}" aria-describedby="correction-hint">${t(lang, 'location.correction')}</a></p>
<p class="hint" id="correction-hint">${t(lang, 'location.correctionHint')}</p>
<p><a href="${pagePath(ctx, lang, '/')}">${t(lang, 'location.backToSearch')}</a></p>
</div>
<div class="detail__side">
${whereSection(ctx, point, nearby ?? [])}
${nearbySection(ctx, point, nearby)}
</div>
</div>`;
  return renderPage({ ctx, title: name.text, section: 'search', main, withMap: point.geocode !== null });
}

async function nearbyOfOtherLevels(deps: LocationDeps, point: ServicePoint): Promise<NearestHit[] | null> {
  if (!point.geocode) return null;
  return deps.store.findNearest({
    lat: point.geocode.lat,
    lon: point.geocode.lon,
    k: NEARBY_COUNT,
    jurisdictionLevels: GOVERNMENT_LEVELS.filter((level) => level !== point.jurisdictionLevel),
    roles: ['service_point'],
  });
}

/** The name in the other official language, when the record has both and they differ. */
function otherNames(point: ServicePoint, lang: Lang): SafeHtml | '' {
  const other: Lang = lang === 'en' ? 'fr' : 'en';
  const own = point.name[lang];
  const theirs = point.name[other];
  if (!own || !theirs || own === theirs) return '';
  return html`<p class="other-name">${t(lang, `location.nameIn.${other}`)}${lang === 'fr' ? '\u00a0: ' : ': '}<span lang="${other}">${theirs}</span></p>`;
}

function row(label: string, value: SafeHtml | string): SafeHtml {
  return html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function contactSection(ctx: PageContext, point: ServicePoint): SafeHtml {
  const { lang } = ctx;
  const address = addressLine(point);
  const website = websiteLink(point.url);
  return html`<section aria-labelledby="contact">
<h2 id="contact">${t(lang, 'location.contact')}</h2>
<dl class="facts facts--wide">
${row(t(lang, 'point.address'), address || t(lang, 'point.noAddress'))}
${point.phones.map((phone) => row(phoneKindLabel(phone, lang), phoneLink(phone, lang)))}
${point.email ? row(t(lang, 'point.email'), html`<a href="${`mailto:${point.email}`}" class="break">${point.email}</a>`) : ''}
${website ? row(t(lang, 'point.website'), website) : ''}
</dl>
</section>`;
}

function hoursSection(
  lang: Lang,
  point: ServicePoint,
  hours: OpeningHours | null,
  timeZone: string,
): SafeHtml {
  const heading = html`<h2 id="hours">${t(lang, 'location.hours')}</h2>`;
  if (!point.hoursText) {
    return html`<section aria-labelledby="hours">${heading}<p>${t(lang, 'location.hoursUnknown')}</p></section>`;
  }
  const week = hours && hours.intervals.length > 0 ? formatWeeklyHours(hours, lang) : null;
  return html`<section aria-labelledby="hours">
${heading}
${
  week
    ? html`<table class="hours">
<caption>${t(lang, 'location.hoursCaption')}</caption>
<thead><tr><th scope="col">${t(lang, 'location.day')}</th><th scope="col">${t(lang, 'point.hours')}</th></tr></thead>
<tbody>
${week.map((day) => html`<tr><th scope="row">${day.day}</th><td>${day.text}</td></tr>`)}
</tbody>
</table>
<p>${t(lang, 'location.timeZone', { zone: timeZoneName(timeZone, lang), id: timeZone })}</p>
${hours && hours.notes.length > 0 ? html`<p>${t(lang, 'location.hoursPartial')}</p>` : ''}
<p>${t(lang, hours?.closedOnHolidays ? 'location.closedHolidays' : 'location.holidays')}</p>`
    : html`<p>${t(lang, 'location.hoursPartial')}</p>`
}
<p class="as-published"><span class="label">${t(lang, 'location.hoursAsPublished')}${lang === 'fr' ? '\u00a0: ' : ': '}</span><q>${point.hoursText}</q></p>
</section>`;
}

function aboutSection(lang: Lang, point: ServicePoint): SafeHtml {
  const organization = textIn(point.organization.name, lang);
  const description = textIn(point.description, lang);
  const types = serviceTypeNames(point, lang);
  return html`<section aria-labelledby="about">
<h2 id="about">${t(lang, 'location.about')}</h2>
<dl class="facts facts--wide">
${organization ? row(t(lang, 'location.organization'), textWithLang(organization, lang)) : ''}
${row(t(lang, 'point.level'), t(lang, levelKey(point.jurisdictionLevel, 'long')))}
${row(t(lang, 'location.channel'), t(lang, `channel.${point.channel}`))}
${types.length > 0 ? row(t(lang, 'location.serviceTypes'), types.join(', ')) : ''}
${point.languages.length > 0 ? row(t(lang, 'point.languages'), languagesText(point.languages, lang)) : ''}
${point.officialLanguages ? row(t(lang, 'location.officialLanguages'), t(lang, `official.${point.officialLanguages}`)) : ''}
${description ? row(t(lang, 'location.description'), textWithLang(description, lang)) : ''}
</dl>
</section>`;
}

function whereSection(ctx: PageContext, point: ServicePoint, nearby: readonly NearestHit[]): SafeHtml {
  const { lang } = ctx;
  const geocode = point.geocode;
  const note = precisionNote(point, lang);
  const approximate = geocode === null || isApproximate(geocode.precision);
  const explanation =
    geocode && !approximate
      ? t(lang, `precision.${geocode.precision as 'building' | 'street' | 'postal_code'}`)
      : null;
  return html`<section aria-labelledby="where">
<h2 id="where">${t(lang, 'location.where')}</h2>
${note ? html`<p class="note">${note}</p>` : ''}
${geocode && approximate ? html`<p>${t(lang, 'precision.approximateHelp')}</p>` : ''}
${explanation ? html`<p>${explanation}</p>` : ''}
${
  geocode
    ? html`<p>${t(lang, 'location.coordinates', { lat: formatDegrees(geocode.lat, lang), lon: formatDegrees(geocode.lon, lang) })}</p>
<div class="detail-map">${mapElement(ctx, {
        pointsQuery: new URLSearchParams({ lat: String(geocode.lat), lon: String(geocode.lon) }).toString(),
        center: geocode,
        zoom: approximate ? 11 : 13,
        // The basemap is bare (boundaries only): framing the nearby points gives it context.
        bounds: boundsAround([
          geocode,
          ...nearby
            .filter((hit) => hit.distanceMetres <= MAP_CONTEXT_METRES)
            .flatMap((hit) => (hit.point.geocode ? [hit.point.geocode] : [])),
        ]),
        labelKey: 'map.labelLocation',
      })}</div>`
    : ''
}
</section>`;
}

function nearbySection(ctx: PageContext, point: ServicePoint, nearby: NearestHit[] | null): SafeHtml {
  const { lang } = ctx;
  const heading = html`<h2 id="nearby">${t(lang, 'location.nearby')}</h2>`;
  if (nearby === null)
    return html`<section aria-labelledby="nearby">${heading}<p>${t(lang, 'location.nearbyUnlocated')}</p></section>`;
  if (nearby.length === 0)
    return html`<section aria-labelledby="nearby">${heading}<p>${t(lang, 'location.nearbyNone')}</p></section>`;
  return html`<section aria-labelledby="nearby">
${heading}
<ol class="nearby">
${nearby.map((hit) => {
  const name = nameOf(hit.point, lang);
  return html`<li><a href="${locationPath(ctx, lang, hit.point.id)}"${langAttribute(name.lang, lang)}>${name.text}</a> <span class="nearby__facts">${t(lang, levelKey(hit.point.jurisdictionLevel, 'short'))} · ${distanceText({ point: hit.point, distanceMetres: hit.distanceMetres }, lang)}</span></li>`;
})}
</ol>
${point.geocode && isApproximate(point.geocode.precision) ? html`<p class="hint">${t(lang, 'precision.approximateHelp')}</p>` : ''}
</section>`;
}

/** Service-delivery partnerships this point takes part in, linked to the partnerships page. */
function partnershipsSection(
  ctx: PageContext,
  partnerships: ReadonlyArray<{ id: string; name: { en: string; fr: string } }>,
): SafeHtml | '' {
  if (partnerships.length === 0) return '';
  const { lang } = ctx;
  return html`<section aria-labelledby="partnerships">
<h2 id="partnerships">${t(lang, 'location.partnerships')}</h2>
<ul>${partnerships.map(
    (p) => html`<li><a href="${`${pagePath(ctx, lang, '/partnerships')}#${encodeURIComponent(p.id)}`}">${p.name[lang]}</a></li>`,
  )}</ul>
</section>`;
}

function sourceSection(lang: Lang, point: ServicePoint, source: SourceSummary | null): SafeHtml {
  const { provenance } = point;
  return html`<section aria-labelledby="source">
<h2 id="source">${t(lang, 'location.source')}</h2>
<dl class="facts facts--wide">
${row(t(lang, 'location.sourceTitle'), source?.title ?? provenance.sourceId)}
${row(t(lang, 'location.licence'), licenceText(lang, provenance.licence))}
${row(t(lang, 'location.retrieved'), formatDate(provenance.retrievedAt, lang))}
${row(t(lang, 'location.lastVerified'), provenance.lastVerified ? formatDate(provenance.lastVerified, lang) : t(lang, 'location.neverVerified'))}
${row(t(lang, 'location.recordId'), html`<code class="break">${point.id}</code>`)}
</dl>
${source?.attribution ? html`<p class="attribution">${source.attribution}</p>` : ''}
</section>`;
}

/** mailto: with subject and body filled in (name, id, page), each percent-encoded. */
export function correctionHref(ctx: PageContext, email: string, point: ServicePoint): string {
  const { lang } = ctx;
  const name = nameOf(point, lang).text;
  const url = `${ctx.origin}${locationPath(ctx, lang, point.id)}`;
  const subject = t(lang, 'location.correctionSubject', { name, id: point.id });
  const body = t(lang, 'location.correctionBody', { name, id: point.id, url });
  return `mailto:${encodeURIComponent(email).replace(/%40/g, '@')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body.replace(/\n/g, '\r\n'))}`;
}
