import type { Lang } from '../../domain/bilingual-text.js';
import type { Catalogue } from '../../referral/catalogue.js';
import type { Evidence, EvidenceKey, Partnership, PartnershipCatalogue } from '../../referral/partnerships.js';
import { html } from '../pages/html.js';
import type { SafeHtml } from '../pages/html.js';
import { boundsAround, mapMessages } from '../pages/map-element.js';
import { locationPath, pagePath } from '../pages/page-context.js';
import type { PageContext } from '../pages/page-context.js';
import { dateText } from './format.js';
import { rt } from './messages.js';
import type { ReferralMessageKey } from './messages.js';

const EVIDENCE_KEYS: readonly EvidenceKey[] = ['partners', 'services', 'locations', 'year', 'outcome'];

/** Names of the Repère points the page links to, by id (absent: not in the store). */
export type PointNames = ReadonlyMap<string, string>;

/**
 * The main content of /{lang}/partnerships: each partnership with its partners, services,
 * places (linked to the Repère points there), year and outcome, every claim marked verified
 * (with the quoted passage) or unverified; then the map of the sites (an enhancement: hidden
 * until the map bundle starts).
 */
export function partnershipsMain(ctx: PageContext, catalogue: PartnershipCatalogue, services: Catalogue, points: PointNames): SafeHtml {
  const { lang } = ctx;
  return html`<h1>${rt(lang, 'partnerships.title')}</h1>
<p>${rt(lang, 'partnerships.intro')}</p>
<p><a href="${pagePath(ctx, lang, '/referral')}">${rt(lang, 'partnerships.referralLink')}</a></p>
<ol class="partnership-list">
${catalogue.partnerships.map((p) => partnershipItem(ctx, catalogue, p, services, points))}
</ol>
${partnershipMap(ctx, catalogue)}
<p class="referral-hint">${rt(lang, 'partnerships.catalogue', { version: catalogue.version, updated: dateText(catalogue.updated, lang) })}</p>`;
}

function partnershipItem(ctx: PageContext, catalogue: PartnershipCatalogue, p: Partnership, services: Catalogue, points: PointNames): SafeHtml {
  const { lang } = ctx;
  const row = (key: EvidenceKey, value: SafeHtml | string): SafeHtml =>
    html`<div><dt>${rt(lang, `partnerships.${key === 'locations' ? 'locations' : key}` as ReferralMessageKey)}</dt><dd>${value} ${statusBadge(p.evidence[key], lang)}</dd></div>`;
  const serviceNames = p.services.map((id) => services.byId.get(id)).filter((s) => s !== undefined);
  return html`<li class="partnership" id="${p.id}">
<h2 id="${`${p.id}-heading`}">${p.name[lang]}</h2>
<p>${p.description[lang]}</p>
<dl class="referral-facts">
${row('partners', html`<ul>${p.partners.map((partner) => html`<li>${partner.name[lang]} (${rt(lang, `level.${partner.jurisdiction_level}` as ReferralMessageKey)}) – ${partner.role[lang]}</li>`)}</ul>`)}
${row('services', html`${serviceNames.map((s, i) => html`${i > 0 ? ', ' : ''}<a href="${pagePath(ctx, lang, `/referral?q=${encodeURIComponent(s.name[lang])}`)}">${s.name[lang]}</a>`)}${serviceNames.length > 0 && p.service_text ? '; ' : ''}${p.service_text?.[lang] ?? ''}`)}
${row('locations', html`<ul>${p.locations.map((location) => html`<li>${location.name[lang]}${location.point_ids.length > 0
  ? html`<br>${rt(lang, 'partnerships.pointsHere')} ${location.point_ids.map((id, i) => html`${i > 0 ? ', ' : ''}<a href="${locationPath(ctx, lang, id)}">${points.get(id) ?? id}</a>`)}${location.point_match?.status === 'unverified' ? html` <span class="referral-hint">${rt(lang, 'partnerships.pointMatch')}</span>` : ''}`
  : html` <span class="referral-hint">${rt(lang, 'partnerships.noPoints')}</span>`}</li>`)}</ul>`)}
${row('year', p.year === null ? rt(lang, 'partnerships.yearUnknown') : String(p.year))}
${row('outcome', p.outcome ? p.outcome[lang] : rt(lang, 'partnerships.outcomeUnknown'))}
</dl>
<h3 id="${`${p.id}-sources`}">${rt(lang, 'partnerships.evidence')}</h3>
<ul aria-labelledby="${`${p.id}-sources`}" class="partnership-sources">
${EVIDENCE_KEYS.map((key) => evidenceItem(catalogue, p.evidence[key], key, lang))}
</ul>
</li>`;
}

function statusBadge(evidence: Evidence, lang: Lang): SafeHtml {
  const verified = evidence.status === 'verified';
  const label = verified ? rt(lang, 'partnerships.verified', { where: linesText(evidence.lines ?? '', lang) }) : rt(lang, 'fact.unverified');
  return html`<span class="fact fact--${verified ? 'verified' : 'unverified'}">${label}</span>`;
}

/** "lines 70–71", "line 73". */
function linesText(lines: string, lang: Lang): string {
  return rt(lang, lines.includes('–') ? 'partnerships.lines' : 'partnerships.line', { lines });
}

function evidenceItem(catalogue: PartnershipCatalogue, evidence: Evidence, key: EvidenceKey, lang: Lang): SafeHtml {
  const source = catalogue.sources[evidence.source];
  const title = source?.title[lang] ?? evidence.source;
  const label = rt(lang, `partnerships.evidence.${key}` as ReferralMessageKey);
  if (evidence.status !== 'verified') {
    return html`<li>${label}${colon(lang)}<span class="fact fact--unverified">${rt(lang, 'fact.unverified')}</span> (${title})</li>`;
  }
  return html`<li>${label}${colon(lang)}${title}${source?.file ? html`, <code>${source.file}</code>` : ''}, ${linesText(evidence.lines ?? '', lang)}${evidence.quote ? html`${colon(lang)}<q${source?.language && source.language !== lang ? html` lang="${source.language}"` : ''}>${evidence.quote}</q>` : ''}</li>`;
}

function colon(lang: Lang): string {
  return lang === 'fr' ? '\u00a0: ' : ': ';
}

/** The map element of the map bundle's contract (src/web/map-config.ts), fed the partnership sites. */
function partnershipMap(ctx: PageContext, catalogue: PartnershipCatalogue): SafeHtml {
  const { lang, base } = ctx;
  const spots = catalogue.partnerships.flatMap((p) =>
    p.locations.flatMap((l) => (l.lat !== null && l.lon !== null ? [{ lat: l.lat, lon: l.lon }] : [])),
  );
  const bounds = boundsAround(spots);
  return html`<div id="map" class="map referral-map" role="region" aria-label="${rt(lang, 'partnerships.mapLabel')}" hidden data-lang="${lang}" data-points-url="${`${base}/api/v1/partnerships?format=geojson&lang=${lang}`}" data-boundaries-url="${`${base}/api/v1/map/boundaries.geojson?lang=${lang}`}" data-communities-url="" data-detail-base="${pagePath(ctx, lang, '/locations/')}" data-tile-url="${ctx.tileUrl}" data-center="-96,56" data-zoom="3"${bounds ? html` data-bounds="${bounds.map((d) => Math.round(d * 1e5) / 1e5).join(',')}"` : ''} data-messages="${JSON.stringify(mapMessages(lang))}"></div>`;
}
