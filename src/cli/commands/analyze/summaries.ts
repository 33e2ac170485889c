import type { AccessResult } from '../../../analysis/access.js';
import type { ColocationResult } from '../../../analysis/colocation.js';
import type { CoverageResult } from '../../../analysis/coverage.js';
import type { SitingResult } from '../../../analysis/siting.js';
import type { GapResult } from '../../../analysis/vulnerability.js';

const int = (n: number): string => Math.round(n).toLocaleString('en-CA');
const pct = (share: number | null): string => (share === null ? 'n/a' : `${(share * 100).toFixed(2)}%`);
const km = (metres: number | null): string => (metres === null ? 'n/a' : `${(metres / 1000).toFixed(1)} km`);

function selectionText(p: { layers: string[]; jurisdiction_levels: string[]; channels: string[] }): string {
  const parts = [`layers: ${p.layers.join(', ') || 'all'}`];
  if (p.jurisdiction_levels.length > 0) parts.push(`orders: ${p.jurisdiction_levels.join(', ')}`);
  parts.push(`channels: ${p.channels.join(', ') || 'all'}`);
  return parts.join('; ');
}

function unlocatedText(population: number, approximate: number): string {
  return `${int(population)} people in census subdivisions without a location are not counted; ${pct(approximate)} of the population has an approximate (CSD-level) or no location.`;
}

/** Plain-text summary of a coverage result. */
export function coverageSummary(r: CoverageResult): string {
  const lines = [
    `Coverage within ${r.parameters.radius_km} km of ${r.points_used} points (${selectionText(r.parameters)}):`,
    `  ${pct(r.coverage_share)} of ${int(r.population_total)} located people (${int(r.population_covered)} covered, ${int(r.population_uncovered)} not)`,
    `  ${unlocatedText(r.population_unlocated, r.approximate_share)}`,
    '',
    'province  located     covered     share    unlocated',
  ];
  for (const p of r.by_province) {
    lines.push(
      `${(p.province ?? '??').padEnd(8)}  ${int(p.population_total).padStart(10)}  ${int(p.population_covered).padStart(10)}  ${pct(p.coverage_share).padStart(7)}  ${int(p.population_unlocated).padStart(10)}`,
    );
  }
  return lines.join('\n');
}

/** Plain-text summary of an access result. */
export function accessSummary(r: AccessResult): string {
  const lowest = r.units
    .filter((u) => u.access !== null && (u.population ?? 0) > 0)
    .sort((a, b) => (a.access as number) - (b.access as number))
    .slice(0, 10);
  return [
    `Accessibility (${r.parameters.method}${r.parameters.normalise ? ', normalised to a mean of 1' : ''}) to ${r.points_used} points (${selectionText(r.parameters)}):`,
    `  population-weighted mean ${r.population_weighted_mean ?? 'n/a'}; ${int(r.population_without_access)} located people with no point in reach; ${r.points_without_demand} points with no one in their catchment`,
    `  ${unlocatedText(r.population_unlocated, r.approximate_share)}`,
    '',
    'Lowest scores among populated census subdivisions:',
    ...lowest.map(
      (u) =>
        `  ${u.csd_code}  ${u.name} (${u.province ?? '??'})  population ${int(u.population ?? 0)}  access ${u.access}`,
    ),
  ].join('\n');
}

/** Plain-text summary of a gaps result. */
export function gapSummary(r: GapResult, rows = 20): string {
  return [
    `People beyond ${r.parameters.radius_km} km of ${r.points_used} points (${selectionText(r.parameters)}):`,
    `  ${int(r.population_beyond)} people in ${r.units_beyond} census subdivisions; ${int(r.weighted_population_beyond)} vulnerability-weighted (mean CWB ${r.mean_cwb?.toFixed(1) ?? 'n/a'}, Indigenous weight ${r.parameters.indigenous_weight})`,
    `  ${r.communities_beyond} of ${r.communities_measured} First Nations and Inuit community points are beyond ${r.parameters.radius_km} km`,
    `  ${unlocatedText(r.population_unlocated, r.approximate_share)}`,
    '',
    `Most underserved census subdivisions (top ${Math.min(rows, r.units.length)}):`,
    ...r.units
      .slice(0, rows)
      .map(
        (u) =>
          `  ${String(u.rank).padStart(3)}. ${u.name} (${u.province ?? '??'}, ${u.csd_code}, ${u.community_type})  population ${int(u.population)}  CWB ${u.cwb_score ?? 'n/a'}  weighted ${int(u.weighted_population)}  nearest ${km(u.nearest_metres)}`,
      ),
  ].join('\n');
}

/** Plain-text summary of a co-location result. */
export function colocationSummary(r: ColocationResult): string {
  return [
    `Co-location among ${r.points_used} points (${selectionText(r.parameters)}):`,
    `  ${r.pairs.length} pairs of points of different orders of government within ${r.parameters.within_metres} m`,
    `  ${r.partnerships.length} outreach sites with an office of another order within ${r.parameters.share_km} km that could host them`,
    `  census subdivisions by orders of government within ${r.parameters.radius_km} km: ${r.units_by_orders.map((o) => `${o.orders}: ${o.units} (${int(o.population)} people)`).join('; ')}`,
    `  reached by one order only: ${r.single_order_by_level.map((o) => `${o.order} ${o.units} (${int(o.population)} people)`).join('; ') || 'none'}`,
  ].join('\n');
}

/** Plain-text summary of a siting result. */
export function sitingSummary(r: SitingResult): string {
  return [
    `Siting up to ${r.parameters.budget} sites (radius ${r.parameters.radius_km} km, ${r.parameters.weighting} weighting) next to ${r.points_used} points (${selectionText(r.parameters)}):`,
    `  coverage ${pct(r.coverage_share_before)} → ${pct(r.coverage_share_after)}; ${int(r.population_covered_after - r.population_covered_before)} people newly covered, ${int(r.vulnerable_population_covered_by_sites)} of them vulnerable; ${r.swaps.length} swaps${r.stopped_early ? '; stopped early: no candidate adds anyone' : ''}`,
    '',
    ...r.sites.map(
      (s) =>
        `  ${String(s.order).padStart(3)}. ${s.name} (${s.province ?? '??'}, ${s.candidate_id})  +${int(s.population_newly_covered)} people, +${int(s.vulnerable_population_newly_covered)} vulnerable  → ${pct(s.coverage_share_after)}`,
    ),
  ].join('\n');
}
