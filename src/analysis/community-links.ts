import type { Community, PopulationUnit } from '../domain/reference.js';
import type { AnalysisCommunity } from './analysis-inputs.js';

/**
 * The census subdivisions each community point stands for: its own `csdCode` when it has
 * one, else the First Nations (Inuit) CSDs whose representative point is exactly this First
 * Nation's (Inuit community's) point — which is how the ingest placed those CSDs when no named
 * place did (src/ingest/reference/locate-csds.ts), so the link the ingest made by name is
 * recovered without re-reading names. Returns new objects sorted by id; inputs are not changed.
 * @example linkCommunities(communities, units).find((c) => c.id === 'inuit:IN30')?.csdCodes
 */
export function linkCommunities(
  communities: readonly Community[],
  units: readonly PopulationUnit[],
): AnalysisCommunity[] {
  const byPoint = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.lat === null || unit.lon === null) continue;
    if (unit.communityType !== 'first_nations' && unit.communityType !== 'inuit') continue;
    const key = `${unit.communityType}|${unit.lat}|${unit.lon}`;
    const codes = byPoint.get(key);
    if (codes) codes.push(unit.csdCode);
    else byPoint.set(key, [unit.csdCode]);
  }
  return communities
    .map((community) => {
      const type = community.kind === 'first_nation' ? 'first_nations' : 'inuit';
      const codes = community.csdCode
        ? [community.csdCode]
        : [...(byPoint.get(`${type}|${community.lat}|${community.lon}`) ?? [])];
      return { ...community, csdCodes: codes.sort() };
    })
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
