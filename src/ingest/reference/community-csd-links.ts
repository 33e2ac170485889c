import type { Community, PopulationUnit } from '../../domain/reference.js';
import { communityNameKey } from '../geocode/community-name-key.js';

/**
 * The 2021 CSDs each community point stands for, by name within its province: a First Nation's
 * band name against First Nations CSDs (its reserves: "Cross Lake Band of Indians" → Cross
 * Lake 19, 19A and 19E), an Inuit community's name or traditional name against Inuit CSDs
 * (Nunavik villages have two CSDs of one name: the village and its Category I lands).
 * Only whole-key equality counts; a community with its own `csdCode` keeps it.
 * @returns community id → CSD codes (communities without a link are absent)
 */
export function linkCommunitiesToCsds(
  communities: readonly (Community & { alternateNames?: readonly string[] })[],
  units: readonly PopulationUnit[],
): Map<string, string[]> {
  const byKey = new Map<string, string[]>();
  for (const unit of units) {
    if (unit.communityType !== 'first_nations' && unit.communityType !== 'inuit') continue;
    const key = `${unit.communityType}|${unit.province}|${communityNameKey(unit.name)}`;
    const codes = byKey.get(key);
    if (codes) codes.push(unit.csdCode);
    else byKey.set(key, [unit.csdCode]);
  }
  const links = new Map<string, string[]>();
  for (const community of communities) {
    if (community.csdCode) {
      links.set(community.id, [community.csdCode]);
      continue;
    }
    if (!community.province) continue;
    const type = community.kind === 'first_nation' ? 'first_nations' : 'inuit';
    const names = [community.name.en, community.name.fr, ...(community.alternateNames ?? [])];
    const codes = new Set<string>();
    for (const name of names) {
      const key = name ? communityNameKey(name) : '';
      if (key) for (const code of byKey.get(`${type}|${community.province}|${key}`) ?? []) codes.add(code);
    }
    if (codes.size > 0) links.set(community.id, [...codes]);
  }
  return links;
}
