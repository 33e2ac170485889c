import type { Lang } from '../../domain/bilingual-text.js';
import type { SourceSummary } from '../../store/store.js';
import { formatDate } from '../i18n/locale-format.js';
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

/** `/{lang}/sources`: every imported source with its licence, record count and dates. */
export function renderSourcesPage(ctx: PageContext, sources: readonly SourceSummary[]): string {
  const { lang } = ctx;
  const sorted = [...sources].sort((a, b) => a.title.localeCompare(b.title, lang));
  const main = html`<h1>${t(lang, 'sources.title')}</h1>
<p class="lead">${t(lang, 'sources.intro')}</p>
${sorted.length === 0 ? html`<p>${t(lang, 'sources.none')}</p>` : ''}
<ul class="sources">
${sorted.map(
  (source) => html`<li class="source">
<h2>${source.title}</h2>
<dl class="facts facts--wide">
<div><dt>${t(lang, 'location.licence')}</dt><dd>${licenceText(lang, source.licence)}</dd></div>
<div><dt>${t(lang, 'location.recordId')}</dt><dd><code>${source.id}</code></dd></div>
<div><dt>${t(lang, 'location.retrieved')}</dt><dd>${formatDate(source.retrievedAt, lang)}</dd></div>
<div><dt>${t(lang, 'location.lastVerified')}</dt><dd>${source.lastVerified ? formatDate(source.lastVerified, lang) : t(lang, 'location.neverVerified')}</dd></div>
</dl>
<p>${tp(lang, 'sources.records', source.records)}</p>
${source.attribution ? html`<p class="attribution">${source.attribution}</p>` : ''}
</li>`,
)}
</ul>`;
  return renderPage({ ctx, title: t(lang, 'sources.title'), section: 'sources', main });
}
