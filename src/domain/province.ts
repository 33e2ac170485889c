import { foldText } from './text.js';

/** Canada Post / ISO 3166-2:CA two-letter code of a province or territory. */
export type ProvinceCode =
  'NL' | 'PE' | 'NS' | 'NB' | 'QC' | 'ON' | 'MB' | 'SK' | 'AB' | 'BC' | 'YT' | 'NT' | 'NU';

/** All codes, east to west then the territories: Statistics Canada SGC order. */
export const PROVINCE_CODES: readonly ProvinceCode[] = [
  'NL',
  'PE',
  'NS',
  'NB',
  'QC',
  'ON',
  'MB',
  'SK',
  'AB',
  'BC',
  'YT',
  'NT',
  'NU',
];

export interface ProvinceInfo {
  code: ProvinceCode;
  /** Two-digit Standard Geographical Classification code, the first two digits of a CSD code. */
  sgc: string;
  /** Official names in both languages. */
  name: { en: string; fr: string };
  level: 'provincial' | 'territorial';
  /** IANA zone of the capital and most of the people; some regions differ (e.g. Labrador, eastern QC, NW Ontario). */
  timeZone: string;
}

export const PROVINCES: Readonly<Record<ProvinceCode, ProvinceInfo>> = {
  NL: {
    code: 'NL',
    sgc: '10',
    name: { en: 'Newfoundland and Labrador', fr: 'Terre-Neuve-et-Labrador' },
    level: 'provincial',
    timeZone: 'America/St_Johns',
  },
  PE: {
    code: 'PE',
    sgc: '11',
    name: { en: 'Prince Edward Island', fr: 'Île-du-Prince-Édouard' },
    level: 'provincial',
    timeZone: 'America/Halifax',
  },
  NS: {
    code: 'NS',
    sgc: '12',
    name: { en: 'Nova Scotia', fr: 'Nouvelle-Écosse' },
    level: 'provincial',
    timeZone: 'America/Halifax',
  },
  NB: {
    code: 'NB',
    sgc: '13',
    name: { en: 'New Brunswick', fr: 'Nouveau-Brunswick' },
    level: 'provincial',
    timeZone: 'America/Moncton',
  },
  QC: {
    code: 'QC',
    sgc: '24',
    name: { en: 'Quebec', fr: 'Québec' },
    level: 'provincial',
    timeZone: 'America/Toronto',
  },
  ON: {
    code: 'ON',
    sgc: '35',
    name: { en: 'Ontario', fr: 'Ontario' },
    level: 'provincial',
    timeZone: 'America/Toronto',
  },
  MB: {
    code: 'MB',
    sgc: '46',
    name: { en: 'Manitoba', fr: 'Manitoba' },
    level: 'provincial',
    timeZone: 'America/Winnipeg',
  },
  // Saskatchewan keeps Central Standard Time all year.
  SK: {
    code: 'SK',
    sgc: '47',
    name: { en: 'Saskatchewan', fr: 'Saskatchewan' },
    level: 'provincial',
    timeZone: 'America/Regina',
  },
  AB: {
    code: 'AB',
    sgc: '48',
    name: { en: 'Alberta', fr: 'Alberta' },
    level: 'provincial',
    timeZone: 'America/Edmonton',
  },
  BC: {
    code: 'BC',
    sgc: '59',
    name: { en: 'British Columbia', fr: 'Colombie-Britannique' },
    level: 'provincial',
    timeZone: 'America/Vancouver',
  },
  YT: {
    code: 'YT',
    sgc: '60',
    name: { en: 'Yukon', fr: 'Yukon' },
    level: 'territorial',
    timeZone: 'America/Whitehorse',
  },
  NT: {
    code: 'NT',
    sgc: '61',
    name: { en: 'Northwest Territories', fr: 'Territoires du Nord-Ouest' },
    level: 'territorial',
    timeZone: 'America/Yellowknife',
  },
  NU: {
    code: 'NU',
    sgc: '62',
    name: { en: 'Nunavut', fr: 'Nunavut' },
    level: 'territorial',
    timeZone: 'America/Iqaluit',
  },
};

const CODES: ReadonlySet<string> = new Set(PROVINCE_CODES);

const BY_SGC: ReadonlyMap<string, ProvinceCode> = new Map(
  PROVINCE_CODES.map((code) => [PROVINCES[code].sgc, code]),
);

// Other ways sources write each province, as keys: folded, then spaces removed, so "T.-N.-L.",
// "T N L" and "TNL" are one key. English and French abbreviations are those of the
// Translation Bureau (TERMIUM Plus) and the Canadian Press; NF, PQ and YK are the Canada Post
// codes used before 1992–2002 and still found in old files.
const ALIASES: Readonly<Record<ProvinceCode, readonly string[]>> = {
  NL: ['nfld', 'nfldlab', 'nfldandlab', 'nfldandlabrador', 'newfoundland', 'terreneuve', 'tnl', 'nf'],
  PE: ['pei', 'ipe'],
  // "NÉ"/"N.-É." only with its accent (see provinceFromText): without it, NE is Nebraska.
  NS: ['ne'],
  NB: [],
  QC: ['que', 'pq'],
  ON: ['ont'],
  MB: ['man'],
  SK: ['sask'],
  AB: ['alta', 'alb'],
  BC: ['cb'],
  YT: ['yuk', 'yn', 'yk', 'yukonterritory', 'territoireduyukon'],
  NT: ['nwt', 'tno'],
  NU: ['nvt'],
};

const BY_KEY: ReadonlyMap<string, ProvinceCode> = buildKeys();

function buildKeys(): Map<string, ProvinceCode> {
  const keys = new Map<string, ProvinceCode>();
  for (const code of PROVINCE_CODES) {
    const { name } = PROVINCES[code];
    for (const text of [code, name.en, name.fr, ...ALIASES[code]]) keys.set(keyOf(text), code);
  }
  return keys;
}

function keyOf(text: string): string {
  return foldText(text).replace(/ /g, '');
}

// "Province of Quebec", "Province de l'Ontario", "Province du Manitoba", "The Province of…".
const PROVINCE_OF = /^(?:the )?province (?:of |de la |de l |du |de |d )?/;

/**
 * The province or territory a text names: a two-letter code, the English or French name
 * (any case, with or without accents) or a common abbreviation; null for anything else.
 * @example provinceFromText('Qué.') // 'QC'
 */
export function provinceFromText(input: string): ProvinceCode | null {
  const trimmed = input.trim();
  // "Nt" is the French abbreviation of Nunavut but also the code of the Northwest
  // Territories; only the abbreviation's own spelling, with its capital and period, is Nunavut.
  if (trimmed === 'Nt.') return 'NU';
  // Apostrophes separate words here ("de l'Ontario"), unlike foldText where they join them.
  const words = foldText(trimmed.replace(/['’‘ʼ]/g, ' ')).replace(PROVINCE_OF, '');
  const key = words.replace(/ /g, '');
  if (key === 'ne' && !/é/i.test(trimmed)) return null;
  return BY_KEY.get(key) ?? null;
}

/**
 * The province of a two-digit SGC code ("35" → ON), null when it is not one.
 * @example provinceFromSgc('35') // 'ON'
 */
export function provinceFromSgc(sgc: string): ProvinceCode | null {
  return BY_SGC.get(sgc.trim()) ?? null;
}

/**
 * The province of a 7-digit census subdivision code, read from its first two digits.
 * @example provinceFromCsdCode('3520005') // 'ON' (Toronto)
 */
export function provinceFromCsdCode(csd: string): ProvinceCode | null {
  const code = csd.trim();
  return /^\d{7}$/.test(code) ? provinceFromSgc(code.slice(0, 2)) : null;
}

/** True for one of the 13 codes, in upper case exactly. */
export function isProvinceCode(s: string): s is ProvinceCode {
  return CODES.has(s);
}
