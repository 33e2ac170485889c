import type { AccessUnitRow } from '../../analysis/access.js';
import type { ColocationResult, PairRow, PartnershipRow } from '../../analysis/colocation.js';
import type { CoverageByProvince, CoverageResult, CoverageUnitRow } from '../../analysis/coverage.js';
import type { SiteRow } from '../../analysis/siting.js';
import type { GapCommunityRow, GapResult, GapUnitRow } from '../../analysis/vulnerability.js';
import type { Lang } from '../../domain/bilingual-text.js';
import type { AnalysisKind } from '../api/analysis-service.js';
import { formatDistance, formatNumber, formatPercent } from '../i18n/locale-format.js';
import { t } from '../i18n/messages.js';
import type { MessageKey } from '../i18n/messages.js';
import {
  analysisApiUrl,
  pageQueryString,
  type AnalysisPageQuery,
  type SortableTable,
} from './analysis-query.js';
import { html } from './html.js';
import type { HtmlValue, SafeHtml } from './html.js';
import { locationPath, pagePath } from './page-context.js';
import type { PageContext } from './page-context.js';
import { sortOf, sortRows, sortableTable, type SortState, type TableColumn } from './sortable-table.js';

/** Rows a table shows on the page; the downloads have them all. */
export const PAGE_ROWS = 25;

/** What the table sections need besides the results. */
export interface TableContext {
  ctx: PageContext;
  query: AnalysisPageQuery;
  /** The page's own query string, for sort links that keep everything else. */
  params: URLSearchParams;
  /** Existing service-delivery partnerships a point takes part in (data/partnerships). */
  partnershipsOf: (pointId: string) => ReadonlyArray<{ id: string; name: { en: string; fr: string } }>;
}

const number =
  (lang: Lang) =>
  (value: number | null): string =>
    value === null ? '–' : formatNumber(value, lang);
const distance =
  (lang: Lang) =>
  (metres: number | null): string =>
    metres === null ? '–' : formatDistance(metres, lang);
const percent =
  (lang: Lang) =>
  (share: number | null): string =>
    share === null ? '–' : formatPercent(share, lang);

/**
 * "Download: CSV · GeoJSON" for one table of an analysis, pointing at the API with the page's
 * parameters (the analyst's session cookie goes with the link: same site).
 */
export function downloads(tc: TableContext, kind: AnalysisKind, table: string, what: string): SafeHtml {
  const { ctx, query } = tc;
  const { lang } = ctx;
  const url = (format: 'csv' | 'geojson'): string =>
    analysisApiUrl(`${ctx.base}/api/v1`, kind, query, { format, table });
  return html`<p class="downloads">${t(lang, 'analysis.download')} <a href="${url('csv')}" download>CSV<span class="visually-hidden"> – ${what}</span></a> · <a href="${url('geojson')}" download>GeoJSON<span class="visually-hidden"> – ${what}</span></a></p>`;
}

/** A sortable table of the page: sorted as its query asks (else `fallback`), its first PAGE_ROWS rows. */
function pageTable<Row>(
  tc: TableContext,
  table: SortableTable,
  rows: readonly Row[],
  columns: readonly TableColumn<Row>[],
  fallback: SortState,
  captionKey: MessageKey,
): SafeHtml {
  const { lang } = tc.ctx;
  const sort = sortOf(tc.query.sorts[table], columns, fallback);
  const sorted = sortRows(rows, columns, sort);
  const shown = sorted.slice(0, PAGE_ROWS);
  const column = columns.find((c) => c.key === sort.column)!;
  const caption = html`${t(lang, captionKey)} <span class="caption-detail">${t(lang, 'analysis.table.shown', {
    shown: shown.length,
    total: rows.length,
    column: column.label,
    order: t(lang, sort.descending ? 'analysis.table.descending' : 'analysis.table.ascending'),
  })}</span>`;
  return sortableTable({
    id: `table-${table}`,
    caption,
    columns,
    rows: shown,
    sort,
    hrefFor: (next) =>
      pagePath(
        tc.ctx,
        lang,
        `/analysis?${pageQueryString(tc.params, { [`${table}_sort`]: next.column, [`${table}_order`]: next.descending ? 'desc' : 'asc' })}`,
      ),
  });
}

/** Name (the row header), province and population: the leading columns of every per-place table. */
function placeColumns<Row extends { name: string; province: string | null; population: number | null }>(
  lang: Lang,
): TableColumn<Row>[] {
  return [
    {
      key: 'name',
      label: t(lang, 'analysis.col.name'),
      cell: (r) => r.name,
      sortValue: (r) => r.name,
      rowHeader: true,
    },
    {
      key: 'province',
      label: t(lang, 'analysis.col.province'),
      cell: (r) => text(r.province),
      sortValue: (r) => r.province,
    },
    {
      key: 'population',
      label: t(lang, 'analysis.col.population'),
      cell: (r) => number(lang)(r.population),
      sortValue: (r) => r.population,
      numeric: true,
      descendingFirst: true,
    },
  ];
}

function text(value: string | null): string {
  return value ?? '–';
}

/** Census subdivisions by distance to the nearest point (the map's table). */
export function distanceUnitsTable(tc: TableContext, result: CoverageResult): SafeHtml {
  const { lang } = tc.ctx;
  const located = result.units.filter((u) => u.covered !== null);
  const columns: TableColumn<CoverageUnitRow>[] = [
    ...placeColumns(lang),
    {
      key: 'nearest_metres',
      label: t(lang, 'analysis.col.nearest'),
      cell: (u) => distance(lang)(u.nearest_metres),
      sortValue: (u) => u.nearest_metres,
      numeric: true,
      descendingFirst: true,
    },
    {
      key: 'covered',
      label: t(lang, 'analysis.col.covered', { radius: result.parameters.radius_km }),
      cell: (u) => t(lang, u.covered ? 'analysis.yes' : 'analysis.no'),
    },
  ];
  return pageTable(
    tc,
    'units',
    located,
    columns,
    { column: 'nearest_metres', descending: true },
    'analysis.units.distanceCaption',
  );
}

/** Census subdivisions by accessibility score (the map's table when the metric is access). */
export function accessUnitsTable(tc: TableContext, units: readonly AccessUnitRow[]): SafeHtml {
  const { lang } = tc.ctx;
  const located = units.filter((u) => u.access !== null);
  const columns: TableColumn<AccessUnitRow>[] = [
    ...placeColumns(lang),
    {
      key: 'access',
      label: t(lang, 'analysis.col.access'),
      cell: (u) => (u.access === null ? '–' : formatNumber(u.access, lang, 2)),
      sortValue: (u) => u.access,
      numeric: true,
    },
  ];
  return pageTable(
    tc,
    'units',
    located,
    columns,
    { column: 'access', descending: false },
    'analysis.units.accessCaption',
  );
}

/** Coverage by province: not sorted, every row. */
export function provinceTable(tc: TableContext, rows: readonly CoverageByProvince[]): SafeHtml {
  const { lang } = tc.ctx;
  const columns: TableColumn<CoverageByProvince>[] = [
    {
      key: 'province',
      label: t(lang, 'analysis.col.province'),
      cell: (r) => r.province ?? t(lang, 'analysis.noProvince'),
      rowHeader: true,
    },
    {
      key: 'population_total',
      label: t(lang, 'analysis.col.located'),
      cell: (r) => number(lang)(r.population_total),
      numeric: true,
    },
    {
      key: 'population_covered',
      label: t(lang, 'analysis.col.populationCovered'),
      cell: (r) => number(lang)(r.population_covered),
      numeric: true,
    },
    {
      key: 'coverage_share',
      label: t(lang, 'analysis.col.coverageShare'),
      cell: (r) => percent(lang)(r.coverage_share),
      numeric: true,
    },
    {
      key: 'population_unlocated',
      label: t(lang, 'analysis.col.unlocated'),
      cell: (r) => number(lang)(r.population_unlocated),
      numeric: true,
    },
  ];
  return sortableTable({
    id: 'table-provinces',
    caption: t(lang, 'analysis.provinces.caption'),
    columns,
    rows,
    sort: null,
    hrefFor: () => '',
  });
}

/** The vulnerability-weighted gaps: census subdivisions, then First Nations and Inuit community points. */
export function gapTables(tc: TableContext, result: GapResult): { units: SafeHtml; communities: SafeHtml } {
  const { lang } = tc.ctx;
  const common = <Row extends GapUnitRow | GapCommunityRow>(): TableColumn<Row>[] => [
    {
      key: 'rank',
      label: t(lang, 'analysis.col.rank'),
      cell: (r) => r.rank,
      sortValue: (r) => r.rank,
      numeric: true,
    },
    ...placeColumns(lang),
    {
      key: 'cwb_score',
      label: t(lang, 'analysis.col.cwb'),
      cell: (r) => number(lang)(r.cwb_score === null ? null : Math.round(r.cwb_score)),
      sortValue: (r) => r.cwb_score,
      numeric: true,
    },
    {
      key: 'weighted_population',
      label: t(lang, 'analysis.col.weighted'),
      cell: (r) => number(lang)(r.weighted_population === null ? null : Math.round(r.weighted_population)),
      sortValue: (r) => r.weighted_population,
      numeric: true,
      descendingFirst: true,
    },
    {
      key: 'nearest_metres',
      label: t(lang, 'analysis.col.nearest'),
      cell: (r) => distance(lang)(r.nearest_metres),
      sortValue: (r) => r.nearest_metres,
      numeric: true,
      descendingFirst: true,
    },
  ];
  const unitColumns = common<GapUnitRow>();
  unitColumns.splice(3, 0, {
    key: 'community_type',
    label: t(lang, 'analysis.col.communityType'),
    cell: (r) => t(lang, `analysis.communityType.${r.community_type}`),
    sortValue: (r) => r.community_type,
  });
  const communityColumns = common<GapCommunityRow>();
  communityColumns.splice(3, 0, {
    key: 'kind',
    label: t(lang, 'analysis.col.kind'),
    cell: (r) => t(lang, `analysis.communityKind.${r.kind}`),
    sortValue: (r) => r.kind,
  });
  const rank: SortState = { column: 'rank', descending: false };
  return {
    units: pageTable(tc, 'underserved', result.units, unitColumns, rank, 'analysis.underserved.caption'),
    communities: pageTable(
      tc,
      'communities',
      result.communities,
      communityColumns,
      rank,
      'analysis.communities.caption',
    ),
  };
}

function pointLink(tc: TableContext, id: string, name: string): SafeHtml {
  return html`<a href="${locationPath(tc.ctx, tc.ctx.lang, id)}">${name}</a>`;
}

/** Links to the partnerships a pair's points take part in already, else to the catalogue as a candidate. */
function partnershipCell(tc: TableContext, ids: readonly string[], names: string): HtmlValue {
  const { lang } = tc.ctx;
  const existing = new Map(ids.flatMap((id) => tc.partnershipsOf(id)).map((p) => [p.id, p.name[lang]]));
  const catalogue = pagePath(tc.ctx, lang, '/partnerships');
  if (existing.size === 0) {
    return html`<a href="${catalogue}">${t(lang, 'analysis.partnership.candidate')}<span class="visually-hidden"> – ${names}</span></a>`;
  }
  return [...existing].map(
    ([id, name], k) =>
      html`${k > 0 ? ', ' : ''}<a href="${`${catalogue}#${id}`}">${t(lang, 'analysis.partnership.existing', { name })}</a>`,
  );
}

/** The row fields of one point of a pair, named with a prefix (`host_id`, `host_name`, `host_level`). */
type PairPoint<P extends string> = Record<`${P}_id` | `${P}_name` | `${P}_level`, string>;

/** One point of a pair: the prefix of its row fields and the labels of its name and level columns. */
interface PairSide<P extends string> {
  prefix: P;
  label: MessageKey;
  levelLabel: MessageKey;
}

/**
 * The columns of a table of pairs of points, `first` then `second`: each one's name (linked)
 * and order of government, how far apart they are (`apart` formats the metres), and the
 * partnerships they take part in.
 */
function pointPairColumns<
  A extends string,
  B extends string,
  R extends PairPoint<A> & PairPoint<B> & { metres: number },
>(
  tc: TableContext,
  first: PairSide<A>,
  second: PairSide<B>,
  apart: (metres: number) => string,
): TableColumn<R>[] {
  const { lang } = tc.ctx;
  const level = (value: string): string => t(lang, `level.${value}` as MessageKey);
  // R has these fields by its constraint; TypeScript cannot index it by a built key.
  const field = (r: R, key: string): string => (r as unknown as Record<string, string>)[key] as string;
  const sideColumns = (side: PairSide<A> | PairSide<B>, rowHeader: boolean): TableColumn<R>[] => {
    const name = `${side.prefix}_name`;
    const levelKey = `${side.prefix}_level`;
    const nameColumn: TableColumn<R> = {
      key: name,
      label: t(lang, side.label),
      cell: (r) => pointLink(tc, field(r, `${side.prefix}_id`), field(r, name)),
      sortValue: (r) => field(r, name),
    };
    if (rowHeader) nameColumn.rowHeader = true;
    return [
      nameColumn,
      {
        key: levelKey,
        label: t(lang, side.levelLabel),
        cell: (r) => level(field(r, levelKey)),
        sortValue: (r) => field(r, levelKey),
      },
    ];
  };
  return [
    ...sideColumns(first, true),
    ...sideColumns(second, false),
    {
      key: 'metres',
      label: t(lang, 'analysis.col.apart'),
      cell: (r) => apart(r.metres),
      sortValue: (r) => r.metres,
      numeric: true,
    },
    {
      key: 'partnership',
      label: t(lang, 'analysis.col.partnership'),
      cell: (r) => {
        const [a, b] = [first.prefix, second.prefix];
        return partnershipCell(
          tc,
          [field(r, `${a}_id`), field(r, `${b}_id`)],
          `${field(r, `${a}_name`)}, ${field(r, `${b}_name`)}`,
        );
      },
    },
  ];
}

/** Co-location and partnership opportunities: outreach sites another order could host, then points side by side. */
export function opportunityTables(
  tc: TableContext,
  result: ColocationResult,
): { partnerships: SafeHtml; pairs: SafeHtml } {
  const { lang } = tc.ctx;
  const partnershipColumns = pointPairColumns<'outreach', 'host', PartnershipRow>(
    tc,
    { prefix: 'outreach', label: 'analysis.col.outreach', levelLabel: 'analysis.col.level' },
    { prefix: 'host', label: 'analysis.col.host', levelLabel: 'analysis.col.hostLevel' },
    distance(lang),
  );
  const pairColumns = pointPairColumns<'a', 'b', PairRow>(
    tc,
    { prefix: 'a', label: 'analysis.col.pointA', levelLabel: 'analysis.col.level' },
    { prefix: 'b', label: 'analysis.col.pointB', levelLabel: 'analysis.col.level' },
    (metres) => `${formatNumber(Math.round(metres), lang)}\u00a0m`,
  );
  const nearest: SortState = { column: 'metres', descending: false };
  return {
    partnerships: pageTable(
      tc,
      'partnerships',
      result.partnerships,
      partnershipColumns,
      nearest,
      'analysis.partnerships.caption',
    ),
    pairs: pageTable(tc, 'pairs', result.pairs, pairColumns, nearest, 'analysis.pairs.caption'),
  };
}

/** The suggested sites in the order greedy siting adds them (the siting chart's data table). */
export function sitesTable(tc: TableContext, sites: readonly SiteRow[]): SafeHtml {
  const { lang } = tc.ctx;
  const columns: TableColumn<SiteRow>[] = [
    { key: 'order', label: t(lang, 'analysis.col.order'), cell: (s) => s.order, numeric: true },
    { key: 'name', label: t(lang, 'analysis.col.site'), cell: (s) => s.name, rowHeader: true },
    {
      key: 'kind',
      label: t(lang, 'analysis.col.siteKind'),
      cell: (s) => t(lang, `analysis.candidate.${s.kind}`),
    },
    { key: 'province', label: t(lang, 'analysis.col.province'), cell: (s) => text(s.province) },
    {
      key: 'population_newly_covered',
      label: t(lang, 'analysis.col.newlyCovered'),
      cell: (s) => number(lang)(s.population_newly_covered),
      numeric: true,
    },
    {
      key: 'vulnerable_population_newly_covered',
      label: t(lang, 'analysis.col.vulnerableCovered'),
      cell: (s) => number(lang)(s.vulnerable_population_newly_covered),
      numeric: true,
    },
    {
      key: 'coverage_share_after',
      label: t(lang, 'analysis.col.shareAfter'),
      cell: (s) => percent(lang)(s.coverage_share_after),
      numeric: true,
    },
  ];
  return sortableTable({
    id: 'table-sites',
    caption: t(lang, 'analysis.sites.caption'),
    columns,
    rows: sites,
    sort: null,
    hrefFor: () => '',
  });
}
