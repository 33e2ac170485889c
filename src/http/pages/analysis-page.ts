import type { AccessResult } from '../../analysis/access.js';
import type { ColocationResult } from '../../analysis/colocation.js';
import type { CoverageResult } from '../../analysis/coverage.js';
import { cumulativeCoverage, distanceBands } from '../../analysis/distance-distribution.js';
import type { SitingResult } from '../../analysis/siting.js';
import type { GapResult } from '../../analysis/vulnerability.js';
import type { Lang } from '../../domain/bilingual-text.js';
import type { LayerOption } from '../api/analysis-service.js';
import type { SignedIn } from '../auth/auth.js';
import { formatCompact, formatNumber, formatPercent } from '../i18n/locale-format.js';
import { t } from '../i18n/messages.js';
import { analysisForm, fieldIdOf, type FormProblem } from './analysis-form.js';
import { barChart, shareCurve } from './analysis-charts.js';
import { analysisApiUrl, type AnalysisPageQuery } from './analysis-query.js';
import {
  accessUnitsTable,
  distanceUnitsTable,
  downloads,
  gapTables,
  opportunityTables,
  provinceTable,
  sitesTable,
  type TableContext,
} from './analysis-tables.js';
import { html } from './html.js';
import type { SafeHtml } from './html.js';
import { renderPage } from './layout.js';
import { mapMessages } from './map-element.js';
import { pagePath } from './page-context.js';
import type { PageContext } from './page-context.js';
import { sortableTable } from './sortable-table.js';

/** The results one view of the page shows (access only when it is the metric). */
export interface AnalysisResults {
  coverage: CoverageResult;
  gaps: GapResult;
  colocation: ColocationResult;
  siting: SitingResult;
  access: AccessResult | null;
}

export interface AnalysisPageView {
  query: AnalysisPageQuery;
  params: URLSearchParams;
  signedIn: SignedIn;
  layers: readonly LayerOption[];
  outcome: { results: AnalysisResults; problem: null } | { results: null; problem: FormProblem };
  partnershipsOf: TableContext['partnershipsOf'];
  /** The page's own stylesheet and script (versioned URLs). */
  assets: { css: string; js: string };
}

// Diverging, colour-blind-safe classes (ColorBrewer RdYlBu): blue is well served, red far; each
// circle has a dark edge, so the pale middle class still shows on the land colour.
const CLASS_COLOURS = ['#4575b4', '#91bfdb', '#fee090', '#fc8d59', '#d73027'] as const;
const MISSING_COLOUR = '#bdbdbd';

/** The map's units legend (the data-units-legend contract of src/web/units-layer.ts). */
function unitsLegend(lang: Lang, query: AnalysisPageQuery, radiusKm: number): Record<string, unknown> {
  if (query.metric === 'access') {
    // Normalised scores: 1 is the average resident's access; zero means no point in reach.
    return {
      property: 'access',
      breaks: [1e-9, 0.5, 1, 2],
      colours: [...CLASS_COLOURS].reverse(),
      labels: [
        t(lang, 'analysis.legend.accessNone'),
        t(lang, 'analysis.legend.accessBelow', { value: formatNumber(0.5, lang, 2) }),
        t(lang, 'analysis.legend.accessBetween', {
          from: formatNumber(0.5, lang, 2),
          to: formatNumber(1, lang, 2),
        }),
        t(lang, 'analysis.legend.accessBetween', {
          from: formatNumber(1, lang, 2),
          to: formatNumber(2, lang, 2),
        }),
        t(lang, 'analysis.legend.accessAbove', { value: formatNumber(2, lang, 2) }),
      ],
      missing: { colour: MISSING_COLOUR, label: t(lang, 'analysis.legend.missing') },
      title: t(lang, 'analysis.legend.accessTitle'),
    };
  }
  // Distances are whole metres: half a metre above each limit puts "exactly 50 km" in "50 km or less".
  const limits = [radiusKm / 2, radiusKm, radiusKm * 2, radiusKm * 4];
  const km = (value: number): string => formatNumber(Math.round(value * 10) / 10, lang);
  return {
    property: 'nearest_metres',
    breaks: limits.map((l) => l * 1000 + 0.5),
    colours: [...CLASS_COLOURS],
    labels: [
      t(lang, 'analysis.legend.within', { km: km(limits[0]) }),
      ...limits
        .slice(1)
        .map((to, k) => t(lang, 'analysis.legend.between', { from: km(limits[k]), to: km(to) })),
      t(lang, 'analysis.legend.beyond', { km: km(limits[3]) }),
    ],
    missing: { colour: MISSING_COLOUR, label: t(lang, 'analysis.legend.missing') },
    title: t(lang, 'analysis.legend.distanceTitle'),
  };
}

/** The map element of the bundle's contract, with the census subdivisions layer. */
function analysisMap(ctx: PageContext, query: AnalysisPageQuery, radiusKm: number): SafeHtml {
  const { lang, base } = ctx;
  const api = `${base}/api/v1`;
  const units =
    query.metric === 'access'
      ? analysisApiUrl(api, 'access', query, { format: 'geojson', table: 'units' })
      : analysisApiUrl(api, 'coverage', query, { format: 'geojson', table: 'units' });
  const points = analysisApiUrl(api, 'access', query, { format: 'geojson', table: 'points' });
  return html`<div id="map" class="map analysis-map" role="region" aria-label="${t(lang, 'analysis.map.label')}" hidden data-lang="${lang}" data-points-url="${points}" data-boundaries-url="${`${api}/map/boundaries.geojson?lang=${lang}`}" data-communities-url="${`${api}/map/communities.geojson?lang=${lang}`}" data-units-url="${units}" data-units-legend="${JSON.stringify(unitsLegend(lang, query, radiusKm))}" data-detail-base="${pagePath(ctx, lang, '/locations/')}" data-tile-url="${ctx.tileUrl}" data-center="-96,60" data-zoom="2.5" data-messages="${JSON.stringify(mapMessages(lang))}"></div>`;
}

function fact(label: string, value: string): SafeHtml {
  return html`<div><dt>${label}</dt><dd>${value}</dd></div>`;
}

function summarySection(ctx: PageContext, results: AnalysisResults): SafeHtml {
  const { lang } = ctx;
  const { coverage, gaps, siting } = results;
  const radius = coverage.parameters.radius_km;
  const n = (value: number): string => formatNumber(value, lang);
  const share = (value: number | null): string => (value === null ? '–' : formatPercent(value, lang));
  return html`<section class="analysis-section" aria-labelledby="summary-heading">
<h2 id="summary-heading" tabindex="-1">${t(lang, 'analysis.summary.heading')}</h2>
<p class="lead" id="summary-lead">${t(lang, 'analysis.summary.lead', { share: share(coverage.coverage_share), radius, points: coverage.points_used })}</p>
<dl class="facts facts--wide">
${fact(t(lang, 'analysis.summary.located'), n(coverage.population_total))}
${fact(t(lang, 'analysis.summary.covered', { radius }), n(coverage.population_covered))}
${fact(t(lang, 'analysis.summary.beyond', { radius }), t(lang, 'analysis.summary.beyondValue', { population: n(coverage.population_uncovered), units: gaps.units_beyond }))}
${fact(t(lang, 'analysis.summary.communities', { radius }), t(lang, 'analysis.summary.communitiesValue', { beyond: gaps.communities_beyond, measured: gaps.communities_measured }))}
${fact(t(lang, 'analysis.summary.unlocated'), n(coverage.population_unlocated))}
${fact(t(lang, 'analysis.summary.approximate'), share(coverage.approximate_share))}
${fact(t(lang, 'analysis.summary.siting', { budget: siting.sites.length }), t(lang, 'analysis.summary.sitingValue', { before: share(siting.coverage_share_before), after: share(siting.coverage_share_after) }))}
</dl>
</section>`;
}

function distanceSection(tc: TableContext, coverage: CoverageResult): SafeHtml {
  const { lang } = tc.ctx;
  const radius = coverage.parameters.radius_km;
  const km = (value: number): string => formatNumber(value, lang);
  const bands = distanceBands(coverage.units, radius);
  const bandLabel = (from: number, to: number | null): string =>
    to === null
      ? t(lang, 'analysis.band.beyond', { from: km(from) })
      : t(lang, 'analysis.band.range', { from: km(from), to: km(to) });
  const share = (value: number | null): string => (value === null ? '–' : formatPercent(value, lang));
  const beyondRadius = bands
    .filter((b) => b.to_km === null || b.to_km > radius)
    .reduce((sum, b) => sum + b.population, 0);
  const histogram = barChart({
    id: 'chart-distance',
    title: t(lang, 'analysis.distance.chartTitle'),
    description: t(lang, 'analysis.distance.chartDesc', { radius, beyond: formatNumber(beyondRadius, lang) }),
    xLabel: t(lang, 'analysis.distance.xLabel'),
    yLabel: t(lang, 'analysis.distance.yLabel'),
    tickText: (value) => formatCompact(value, lang),
    // The axis says "km": the bars' labels are the bare limits, short enough to sit side by side.
    bars: bands.map((b) => ({
      label: b.to_km === null ? `> ${km(b.from_km)}` : `${km(b.from_km)}–${km(b.to_km)}`,
      detail: bandLabel(b.from_km, b.to_km),
      value: b.population,
      valueText: share(b.population_share),
    })),
  });
  const bandTable = sortableTable({
    id: 'table-distance-bands',
    caption: t(lang, 'analysis.distance.tableCaption'),
    columns: [
      {
        key: 'band',
        label: t(lang, 'analysis.col.band'),
        cell: (b: (typeof bands)[number]) => bandLabel(b.from_km, b.to_km),
        rowHeader: true,
      },
      {
        key: 'units',
        label: t(lang, 'analysis.col.units'),
        cell: (b) => formatNumber(b.units, lang),
        numeric: true,
      },
      {
        key: 'population',
        label: t(lang, 'analysis.col.population'),
        cell: (b) => formatNumber(b.population, lang),
        numeric: true,
      },
      {
        key: 'population_share',
        label: t(lang, 'analysis.col.populationShare'),
        cell: (b) => share(b.population_share),
        numeric: true,
      },
    ],
    rows: bands,
    sort: null,
    hrefFor: () => '',
  });
  const cumulative = cumulativeCoverage(coverage.units, radius);
  const curve = shareCurve({
    id: 'chart-cumulative',
    title: t(lang, 'analysis.cumulative.chartTitle'),
    description: t(lang, 'analysis.cumulative.chartDesc', {
      radius,
      share: share(coverage.coverage_share),
      share100: share(cumulative.find((r) => r.distance_km === 100)?.coverage_share ?? null),
    }),
    xLabel: t(lang, 'analysis.cumulative.xLabel'),
    yLabel: t(lang, 'analysis.cumulative.yLabel'),
    points: cumulative.map((r) => ({ x: r.distance_km, y: r.coverage_share ?? 0 })),
    xTicks: [5, 10, 25, 50, 100, 250, 500, 1000],
    xTickText: (x) => km(x),
    yTickText: (y) => formatPercent(y, lang),
    marker: { x: radius, label: t(lang, 'analysis.cumulative.marker', { radius: km(radius) }) },
  });
  const cumulativeTable = sortableTable({
    id: 'table-cumulative',
    caption: t(lang, 'analysis.cumulative.tableCaption'),
    columns: [
      {
        key: 'distance_km',
        label: t(lang, 'analysis.col.distanceKm'),
        cell: (r: (typeof cumulative)[number]) => km(r.distance_km),
        rowHeader: true,
        numeric: true,
      },
      {
        key: 'population_covered',
        label: t(lang, 'analysis.col.populationCovered'),
        cell: (r) => formatNumber(r.population_covered, lang),
        numeric: true,
      },
      {
        key: 'coverage_share',
        label: t(lang, 'analysis.col.coverageShare'),
        cell: (r) => share(r.coverage_share),
        numeric: true,
      },
    ],
    rows: cumulative,
    sort: null,
    hrefFor: () => '',
  });
  return html`<section class="analysis-section" aria-labelledby="distance-heading">
<h2 id="distance-heading">${t(lang, 'analysis.distance.heading')}</h2>
<figure class="chart-figure">
${histogram}
<figcaption>${t(lang, 'analysis.distance.caption')}</figcaption>
</figure>
<details class="chart-data">
<summary>${t(lang, 'analysis.chart.data', { chart: t(lang, 'analysis.distance.chartTitle') })}</summary>
${bandTable}
${downloads(tc, 'coverage', 'distance_bands', t(lang, 'analysis.distance.tableCaption'))}
</details>
<figure class="chart-figure">
${curve}
<figcaption>${t(lang, 'analysis.cumulative.caption')}</figcaption>
</figure>
<details class="chart-data">
<summary>${t(lang, 'analysis.chart.data', { chart: t(lang, 'analysis.cumulative.chartTitle') })}</summary>
${cumulativeTable}
${downloads(tc, 'coverage', 'cumulative_coverage', t(lang, 'analysis.cumulative.tableCaption'))}
</details>
<h3 id="provinces-heading">${t(lang, 'analysis.provinces.heading')}</h3>
${provinceTable(tc, coverage.by_province)}
${downloads(tc, 'coverage', 'by_province', t(lang, 'analysis.provinces.caption'))}
</section>`;
}

function unitsSection(tc: TableContext, results: AnalysisResults): SafeHtml {
  const { lang } = tc.ctx;
  const access = results.access;
  return html`<section class="analysis-section" aria-labelledby="units-heading">
<h2 id="units-heading">${t(lang, access ? 'analysis.units.accessHeading' : 'analysis.units.distanceHeading')}</h2>
<p>${t(lang, access ? 'analysis.units.accessIntro' : 'analysis.units.distanceIntro')}</p>
${access ? accessUnitsTable(tc, access.units) : distanceUnitsTable(tc, results.coverage)}
${
  access
    ? downloads(tc, 'access', 'units', t(lang, 'analysis.units.accessCaption'))
    : downloads(tc, 'coverage', 'units', t(lang, 'analysis.units.distanceCaption'))
}
</section>`;
}

function gapsSection(tc: TableContext, gaps: GapResult): SafeHtml {
  const { lang } = tc.ctx;
  const tables = gapTables(tc, gaps);
  const radius = gaps.parameters.radius_km;
  return html`<section class="analysis-section" aria-labelledby="underserved-heading">
<h2 id="underserved-heading">${t(lang, 'analysis.underserved.heading')}</h2>
<p>${t(lang, 'analysis.underserved.intro', { radius, weight: formatNumber(gaps.parameters.indigenous_weight, lang, 2) })}</p>
${tables.units}
${downloads(tc, 'gaps', 'units', t(lang, 'analysis.underserved.caption'))}
<h3 id="communities-heading">${t(lang, 'analysis.communities.heading', { radius })}</h3>
${tables.communities}
${downloads(tc, 'gaps', 'communities', t(lang, 'analysis.communities.caption'))}
</section>`;
}

function opportunitiesSection(tc: TableContext, colocation: ColocationResult): SafeHtml {
  const { ctx } = tc;
  const { lang } = ctx;
  const tables = opportunityTables(tc, colocation);
  const { within_metres: within, share_km: shareKm, radius_km: radius } = colocation.parameters;
  const single = colocation.single_order_by_level.map(
    (row) =>
      html`<li>${t(lang, 'analysis.opportunities.singleOrder', { level: t(lang, `level.${row.order}`), units: row.units, population: formatNumber(row.population, lang) })}</li>`,
  );
  return html`<section class="analysis-section" aria-labelledby="opportunities-heading">
<h2 id="opportunities-heading">${t(lang, 'analysis.opportunities.heading')}</h2>
<p>${t(lang, 'analysis.opportunities.intro')} <a href="${pagePath(ctx, lang, '/partnerships')}">${t(lang, 'analysis.opportunities.catalogue')}</a></p>
<h3 id="partnerships-heading">${t(lang, 'analysis.partnerships.heading')}</h3>
<p>${t(lang, 'analysis.partnerships.intro', { km: shareKm, metres: within })}</p>
${tables.partnerships}
${downloads(tc, 'colocation', 'partnerships', t(lang, 'analysis.partnerships.caption'))}
<h3 id="pairs-heading">${t(lang, 'analysis.pairs.heading')}</h3>
<p>${t(lang, 'analysis.pairs.intro', { metres: within })}</p>
${tables.pairs}
${downloads(tc, 'colocation', 'pairs', t(lang, 'analysis.pairs.caption'))}
<h3 id="single-order-heading">${t(lang, 'analysis.opportunities.singleHeading', { radius })}</h3>
${single.length > 0 ? html`<ul>${single}</ul>` : html`<p>${t(lang, 'analysis.opportunities.singleNone')}</p>`}
${downloads(tc, 'colocation', 'single_order_units', t(lang, 'analysis.opportunities.singleHeading', { radius }))}
</section>`;
}

function sitingSection(tc: TableContext, siting: SitingResult): SafeHtml {
  const { lang } = tc.ctx;
  const sites = siting.sites;
  const total = siting.population_covered_after - siting.population_covered_before;
  const chart = barChart({
    id: 'chart-siting',
    title: t(lang, 'analysis.siting.chartTitle'),
    description: t(lang, 'analysis.siting.chartDesc', {
      sites: sites.length,
      population: formatNumber(total, lang),
      first: sites[0] ? formatNumber(sites[0].population_newly_covered, lang) : '0',
    }),
    xLabel: t(lang, 'analysis.siting.xLabel'),
    yLabel: t(lang, 'analysis.siting.yLabel'),
    tickText: (value) => formatCompact(value, lang),
    bars: sites.map((s) => ({
      label: String(s.order),
      value: s.population_newly_covered,
      valueText: formatNumber(s.population_newly_covered, lang),
      detail: `${s.order}. ${s.name}`,
    })),
  });
  return html`<section class="analysis-section" aria-labelledby="siting-heading">
<h2 id="siting-heading">${t(lang, 'analysis.siting.heading')}</h2>
<p>${t(lang, 'analysis.siting.intro', { budget: siting.parameters.budget, radius: siting.parameters.radius_km })}</p>
<figure class="chart-figure">
${chart}
<figcaption>${t(lang, 'analysis.siting.caption')}</figcaption>
</figure>
${sitesTable(tc, sites)}
${downloads(tc, 'siting', 'sites', t(lang, 'analysis.sites.caption'))}
${siting.stopped_early ? html`<p>${t(lang, 'analysis.siting.stoppedEarly')}</p>` : ''}
</section>`;
}

function errorSummary(lang: Lang, problem: FormProblem, layers: readonly LayerOption[]): SafeHtml {
  return html`<section class="error-summary" aria-labelledby="error-summary-heading">
<h2 id="error-summary-heading" tabindex="-1">${t(lang, 'analysis.error.summary')}</h2>
<ul><li><a href="${`#${fieldIdOf(problem.parameter, layers)}`}">${problem.message}</a></li></ul>
</section>`;
}

/** The analyst's page: who is signed in, the parameters, then the results as charts, a map and tables. */
export function renderAnalysisPage(ctx: PageContext, view: AnalysisPageView): string {
  const { lang } = ctx;
  const { results, problem } = view.outcome;
  const tc: TableContext = {
    ctx,
    query: view.query,
    params: view.params,
    partnershipsOf: view.partnershipsOf,
  };
  const radius = results?.coverage.parameters.radius_km ?? 50;
  const main = html`<h1>${t(lang, 'analysis.title')}</h1>
<div class="analysis-account">
<p>${t(lang, 'analysis.signedInAs')} <strong>${view.signedIn.email}</strong></p>
<form method="post" action="${pagePath(ctx, lang, '/signout')}">
<input type="hidden" name="csrf" value="${view.signedIn.csrfToken}">
<button type="submit" class="button button--secondary">${t(lang, 'signin.signOut')}</button>
</form>
</div>
<p class="lead">${t(lang, 'analysis.intro')}</p>
${problem ? errorSummary(lang, problem, view.layers) : ''}
<section class="search-panel analysis-parameters" aria-labelledby="parameters-heading">
<h2 id="parameters-heading">${t(lang, 'analysis.form.heading')}</h2>
${analysisForm(ctx, view.query, view.layers, problem)}
</section>
${
  results
    ? html`${summarySection(ctx, results)}
<section class="analysis-section" aria-labelledby="map-heading">
<h2 id="map-heading">${t(lang, 'analysis.map.heading')}</h2>
<p>${t(lang, view.query.metric === 'access' ? 'analysis.map.introAccess' : 'analysis.map.introDistance')} <a href="#units-heading">${t(lang, 'analysis.map.alternative')}</a></p>
${analysisMap(ctx, view.query, radius)}
</section>
${distanceSection(tc, results.coverage)}
${unitsSection(tc, results)}
${gapsSection(tc, results.gaps)}
${opportunitiesSection(tc, results.colocation)}
${sitingSection(tc, results.siting)}`
    : ''
}`;
  const title = problem
    ? `${t(lang, 'error.prefix')} ${t(lang, 'analysis.title')}`
    : t(lang, 'analysis.title');
  return renderPage({
    ctx,
    title,
    main,
    section: 'analysis',
    withMap: results !== null,
    head: { stylesheets: [view.assets.css], modules: [view.assets.js] },
  });
}
