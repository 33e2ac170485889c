import { cleanText, foldPlaceName } from '../../domain/text.js';

// Words that say what kind of municipality a name is, in front ("Township of Tiny", "Ville de
// Gatineau", "Municipalité de Val-des-Monts") or behind ("North Vancouver, District of",
// "Tiny Township", "Gatineau (Ville)").
const DESIGNATOR =
  '(?:city|town|township|twp|village|municipality|municipal district|district municipality|district|county|' +
  'united townships?|regional municipality|rural municipality|resort municipality|hamlet|' +
  'ville|municipalit[eé]|canton|cantons unis|paroisse|village nordique)';
const DESIGNATOR_PREFIX = new RegExp(
  `^(?:the )?(?:corporation of the )?${DESIGNATOR} (?:of |de |du |des |d['’])(?=\\S)`,
  'iu',
);
const DESIGNATOR_SUFFIX_OF = new RegExp(`,\\s*(?:the )?${DESIGNATOR} of$`, 'iu');
const DESIGNATOR_SUFFIX = /\s+(?:township|twp\.?)$/iu;
const DESIGNATOR_IN_PARENS = new RegExp(`\\s*\\(${DESIGNATOR}\\)$`, 'iu');
// Separators between a larger place and a part of it: "Sudbury - Val Caron", "Fergus/Elora".
// A hyphen without spaces belongs to the name (Saint-Jean-sur-Richelieu).
const PART_SEPARATOR = /\s+[-–—]\s+|\s*\/\s*|\s*,\s*/u;
const PARENTHESES = /^(.*?)\s*\(([^()]*)\)\s*(.*)$/u;
// Words that start or end many unrelated place names ("Grande-Rivière", "Grande-Entrée";
// "Côte-Saint-Luc", "Côte-des-Neiges"): alone, half a compound name made of one of them
// says nothing about which place is meant.
const COMMON_WORDS: ReadonlySet<string> = new Set(
  (
    'saint sainte notre dame lac lake mont mount baie bay port pointe point cap cape cote anse ile iles island ' +
    'riviere river grand grande petit petite val fort trois haute basse new north south east west nord sud est ' +
    'ouest upper lower little big centre center village ville park harbour cove falls'
  ).split(' '),
);
// French elided articles glue to the next word ("L'Anse-Saint-Jean", "D'Alembert"); keep them
// as separate words so that the article can be dropped: "Anse Saint-Jean" names the same place.
const ELISION = /(^|[\s-])([LlDd])['’](?=\p{L})/gu;
const LEADING_ARTICLE = /^(?:l|la|le|les|the) /;
// Letters that Unicode does not decompose into a base letter + accent, so foldText keeps them:
// "Łutselk'e" must match "Lutselk'e".
const UNDECOMPOSED: Readonly<Record<string, string>> = {
  ł: 'l',
  Ł: 'L',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ı: 'i',
};
const UNDECOMPOSED_LETTER = /[łŁøØđĐı]/g;
// Words that cannot start or end a partial name ("Salaberry-de", "de-Valleyfield"), and
// "Saint": "Saint-Luc" is its own municipality, not the end of Côte-Saint-Luc.
const PARTICLES: ReadonlySet<string> = new Set(
  'de du des d l la le les sur en aux a on the of and saint sainte'.split(' '),
);

/**
 * The ways a place name in an address can be written for the same place, as matching keys:
 * folded (foldPlaceName), with a leading article dropped.
 * @example placeKeys("L'Anse-Saint-Jean") // ['l anse saint jean', 'anse saint jean']
 */
export function placeKeys(name: string): string[] {
  const key = foldPlaceName(
    name.replace(UNDECOMPOSED_LETTER, (c) => UNDECOMPOSED[c] ?? c).replace(ELISION, '$1$2 '),
  );
  if (!key) return [];
  const bare = key.replace(LEADING_ARTICLE, '');
  return bare !== key && bare ? [key, bare] : [key];
}

/**
 * Keys of the leading and trailing hyphen-separated runs of a compound name, for addresses that
 * use one half: "Happy Valley-Goose Bay" → "happy valley", "goose bay";
 * "Salaberry-de-Valleyfield" → "salaberry", "valleyfield". Runs that start or end with a
 * particle ("de", "sur") or are only common words ("Grande", "Côte", "Saint") are left out.
 * @example partialPlaceKeys('Dolbeau-Mistassini') // ['dolbeau', 'mistassini']
 */
export function partialPlaceKeys(name: string): string[] {
  const segments = cleanText(name)
    .split(/\s*[-–—]\s*/u)
    .filter(Boolean);
  if (segments.length < 2) return [];
  const out = new Set<string>();
  for (let n = 1; n < segments.length; n++) {
    for (const run of [segments.slice(0, n), segments.slice(segments.length - n)]) {
      const [key] = placeKeys(run.join(' '));
      const words = key ? key.split(' ') : [];
      const isCommon = words.every((word) => COMMON_WORDS.has(word));
      if (
        !key ||
        key.length < 4 ||
        isCommon ||
        PARTICLES.has(words[0] ?? '') ||
        PARTICLES.has(words[words.length - 1] ?? '')
      )
        continue;
      out.add(key);
    }
  }
  return [...out];
}

/**
 * A place name as written in an address, and its parts: designators stripped ("Township of
 * X", "North Vancouver, District of"), parentheses and " - "/"/"/"," parts split out. The whole
 * name comes first; the parts follow in the order written.
 * @example placeNameVariants('Ottawa (Orléans)') // { whole: 'Ottawa (Orléans)', parts: ['Ottawa', 'Orléans'] }
 */
export function placeNameVariants(input: string): { whole: string; parts: string[] } {
  const whole = stripDesignators(cleanText(input));
  const parts: string[] = [];
  const add = (text: string): void => {
    const part = stripDesignators(text.trim());
    if (part && part !== whole && !parts.includes(part)) parts.push(part);
  };
  const paren = PARENTHESES.exec(whole);
  const pieces = paren ? [`${paren[1] ?? ''} ${paren[3] ?? ''}`.trim(), paren[2] ?? ''] : [whole];
  for (const piece of pieces) {
    const split = piece.split(PART_SEPARATOR);
    if (split.length > 1 || piece !== whole) add(piece);
    if (split.length > 1) split.forEach(add);
  }
  for (const name of [whole, ...parts]) {
    const head = /^([^\s-]+)-\S/u.exec(name)?.[1] ?? '';
    const [key] = placeKeys(head);
    if (key && key.length >= 4 && !COMMON_WORDS.has(key)) add(head);
  }
  return { whole, parts };
}

function stripDesignators(name: string): string {
  let out = name;
  for (let previous = ''; previous !== out;) {
    previous = out;
    out = out
      .replace(DESIGNATOR_SUFFIX_OF, '')
      .replace(DESIGNATOR_IN_PARENS, '')
      .replace(DESIGNATOR_PREFIX, '')
      .replace(DESIGNATOR_SUFFIX, '')
      .trim();
  }
  // A designator alone ("Township") is no place name; keep the input rather than nothing.
  return out || name;
}
