import type { Lang } from '../../domain/bilingual-text.js';
import type { QualityReport, SourceQuality } from '../../quality/index.js';
import { formatDate, formatNumber, formatPercent } from '../i18n/locale-format.js';
import { t, tp } from '../i18n/messages.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import type { PageContext } from './page-context.js';

/** The licence of a source; "Licence unclear" stands out (text and style) when none is stated. */
export function licenceText(lang: Lang, licence: string): SafeHtml {
  if (licence.trim() === '' || licence === 'unclear') {
    return html`<strong class="flag">${t(lang, 'licence.unclear')}</strong> ${t(lang, 'licence.unclearHelp')}`;
  }
  return html`${licence}`;
}

/**
 * `/{lang}/sources`: every imported source with its licence, dates, and the quality figures a
 * data steward needs (completeness, location precision, duplicates, rejects, freshness), and
 * the census subdivisions with the most people and no municipal source.
 */
export function renderSourcesPage(ctx: PageContext, report: QualityReport): string {
  const { lang } = ctx;
  const sorted = [...report.sources].sort((a, b) => a.title.localeCompare(b.title, lang));
  const main = html`<h1>${t(lang, 'sources.title')}</h1>
<p class="lead">${t(lang, 'sources.intro')}</p>
${sorted.length === 0 ? html`<p>${t(lang, 'sources.none')}</p>` : ''}
<ul class="sources">
${sorted.map((source) => sourceItem(lang, source))}
</ul>
${municipalGaps(lang, report)}`;
  return renderPage({ ctx, title: t(lang, 'sources.title'), section: 'sources', main });
}

function sourceItem(lang: Lang, source: SourceQuality): SafeHtml {
  const q = source.quality;
  const share = (s: { count: number; share: number }): string =>
    `${formatNumber(s.count, lang)} (${formatPercent(s.share, lang)})`;
  const precise = q.byPrecision.building.count + q.byPrecision.street.count + q.byPrecision.postal_code.count;
  const approximate = q.byPrecision.fsa.count + q.byPrecision.community.count + q.byPrecision.csd.count;
  const stale = q.flags.includes('stale');
  return html`<li class="source">
<h2 id="${`source-${source.id}`}">${source.title}</h2>
${stale ? html`<p><strong class="flag">${t(lang, 'sources.stale', { days: formatNumber(q.freshness.ageDays ?? 0, lang) })}</strong></p>` : ''}
<dl class="facts facts--wide">
<div><dt>${t(lang, 'location.licence')}</dt><dd>${licenceText(lang, source.licence)}</dd></div>
<div><dt>${t(lang, 'location.recordId')}</dt><dd><code>${source.id}</code></dd></div>
<div><dt>${t(lang, 'location.retrieved')}</dt><dd>${formatDate(source.retrievedAt, lang)}</dd></div>
<div><dt>${t(lang, 'location.lastVerified')}</dt><dd>${source.lastVerified ? formatDate(source.lastVerified, lang) : t(lang, 'location.neverVerified')}</dd></div>
<div><dt>${t(lang, 'sources.lastImported')}</dt><dd>${formatDate(q.lastImported, lang)}</dd></div>
</dl>
<p>${tp(lang, 'sources.records', q.records)}</p>
<table class="quality">
<caption>${t(lang, 'sources.qualityCaption', { title: source.title })}</caption>
<tbody>
<tr><th scope="row">${t(lang, 'sources.rowsRead')}</th><td>${formatNumber(q.rowsRead, lang)}</td></tr>
<tr><th scope="row">${t(lang, 'sources.rejected')}</th><td>${formatNumber(q.rejected, lang)}</td></tr>
<tr><th scope="row">${t(lang, 'sources.duplicatesWithin')}</th><td>${formatNumber(q.duplicatesWithin, lang)}</td></tr>
<tr><th scope="row">${t(lang, 'sources.duplicatesAcross')}</th><td>${formatNumber(q.likelyDuplicatesAcross, lang)}</td></tr>
<tr><th scope="row">${t(lang, 'sources.located')}</th><td>${share(q.located)}</td></tr>
<tr><th scope="row">${t(lang, 'sources.precise')}</th><td>${formatNumber(precise, lang)}</td></tr>
<tr><th scope="row">${t(lang, 'sources.approximate')}</th><td>${formatNumber(approximate, lang)}</td></tr>
<tr><th scope="row">${t(lang, 'sources.withPhone')}</th><td>${share(q.phone)}</td></tr>
<tr><th scope="row">${t(lang, 'sources.withEmail')}</th><td>${share(q.email)}</td></tr>
<tr><th scope="row">${t(lang, 'sources.withWebsite')}</th><td>${share(q.website)}</td></tr>
<tr><th scope="row">${t(lang, 'sources.withHours')}</th><td>${share(q.hours)}</td></tr>
</tbody>
</table>
${source.attribution ? html`<p class="attribution">${source.attribution}</p>` : ''}
</li>`;
}

/** The most populous census subdivisions that no municipal source covers (approximate matching). */
function municipalGaps(lang: Lang, report: QualityReport): SafeHtml | '' {
  const coverage = report.municipalCoverage;
  if (!coverage) return '';
  const gaps = coverage.gaps.slice(0, 15);
  return html`<section aria-labelledby="municipal-gaps">
<h2 id="municipal-gaps">${t(lang, 'sources.municipalGaps')}</h2>
<p>${t(lang, 'sources.municipalGapsIntro', {
    covered: formatNumber(coverage.csds.covered, lang),
    total: formatNumber(coverage.csds.total, lang),
    share: formatPercent(coverage.population.coveredShare, lang),
  })}</p>
<table>
<caption>${t(lang, 'sources.municipalGapsCaption')}</caption>
<thead><tr><th scope="col">${t(lang, 'sources.csd')}</th><th scope="col">${t(lang, 'sources.population')}</th></tr></thead>
<tbody>${gaps.map((gap) => html`<tr><td>${gap.name} (${gap.province ?? ''})</td><td>${gap.population === null ? '—' : formatNumber(gap.population, lang)}</td></tr>`)}</tbody>
</table>
</section>`;
}
