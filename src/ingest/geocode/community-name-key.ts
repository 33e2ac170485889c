import { foldPlaceName } from '../../domain/text.js';

// Words that say what kind of entity a name is rather than which one: band names ("Cree
// Nation of Chisasibi", "Première Nation des Innus de Nutashkuan", "Ermineskin Tribe",
// "Chippewas of Kettle and Stony Point") and
// reserve CSD names ("Opaskwayak Cree Nation 21A", "Shoal Lake (Part) 40") both carry them.
const GENERIC_WORDS: ReadonlySet<string> = new Set([
  'first',
  'nation',
  'nations',
  'premiere',
  'premieres',
  'band',
  'indian',
  'indians',
  'tribe',
  'tribal',
  'council',
  'conseil',
  'government',
  'treaty',
  'independent',
  'reserve',
  'settlement',
  'part',
  'ir',
  'no',
  'cree',
  'crees',
  'innu',
  'innus',
  'innue',
  'montagnais',
  'mohawks',
  'chippewas',
  'ojibways',
  'bande',
  'communaute',
  'the',
  'of',
  'de',
  'des',
  'du',
  'd',
  'la',
  'le',
  'les',
]);

/**
 * The distinctive part of a First Nation, Inuit community or reserve name: folded, without
 * reserve numbers ("148A", "76-19", "#79") or generic words. "God's Lake First Nation" and
 * "God's Lake 23" both give "gods lake".
 * @example communityNameKey('Cree Nation of Chisasibi') // 'chisasibi'
 */
export function communityNameKey(name: string): string {
  return foldPlaceName(name)
    .split(' ')
    .filter((word) => word !== '' && !/\d/.test(word) && !GENERIC_WORDS.has(word))
    .join(' ');
}
