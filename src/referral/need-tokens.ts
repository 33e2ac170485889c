import { foldText } from '../domain/text.js';

// Words that say nothing about the need, folded (accents off): English and French pronouns,
// articles, prepositions and the verbs callers wrap a need in ("I need to get…", "je veux…").
// Elided French forms (d', l', j', qu') arrive as single letters once apostrophes split words.
const STOPWORDS: ReadonlySet<string> = new Set([
  // English
  'a', 'an', 'the', 'i', 'im', 'ive', 'me', 'my', 'mine', 'we', 'our', 'you', 'your', 'he', 'his', 'she', 'her',
  'they', 'their', 'it', 'its', 'to', 'for', 'of', 'and', 'or', 'in', 'on', 'at', 'by', 'with', 'from', 'about',
  'is', 'am', 'are', 'was', 'be', 'been', 'do', 'does', 'did', 'need', 'needs', 'want', 'wants', 'get', 'got',
  'have', 'has', 'had', 'how', 'can', 'could', 'would', 'should', 'please', 'help', 'some', 'any', 'what', 'where',
  'who', 'which', 'there', 'this', 'that', 'just', 'so', 'up', 's', 't',
  // French
  'je', 'j', 'me', 'm', 'moi', 'mon', 'ma', 'mes', 'tu', 'ton', 'ta', 'tes', 'il', 'elle', 'on', 'nous', 'vous',
  'ils', 'elles', 'son', 'sa', 'ses', 'notre', 'nos', 'votre', 'vos', 'leur', 'leurs', 'le', 'la', 'les', 'l', 'un',
  'une', 'des', 'de', 'du', 'd', 'au', 'aux', 'et', 'ou', 'en', 'dans', 'par', 'pour', 'sur', 'avec', 'chez',
  'ai', 'as', 'avons', 'avez', 'ont', 'suis', 'es', 'est', 'sommes', 'etes', 'sont', 'qu', 'que', 'qui', 'quoi',
  'comment', 'besoin', 'veux', 'voudrais', 'voulons', 'faut', 'faire', 'obtenir', 'svp', 'aide', 'aider', 'se', 'ce',
  'cet', 'cette', 'ces', 'n', 'ne', 'pas', 'y',
]);

// Spellings that mean one word: US/UK spellings, inflections the plural rule does not catch.
const ALIASES: ReadonlyMap<string, string> = new Map([
  ['license', 'licence'],
  ['licenses', 'licence'],
  ['licensed', 'licence'],
  ['driving', 'driver'],
  ['drivers', 'driver'],
  ['cheque', 'check'],
  ['enrollment', 'enrolment'],
  ['center', 'centre'],
  ['centers', 'centre'],
]);

/**
 * The words of a need that carry meaning, normalised so both languages' variants meet:
 * apostrophes split words ("d'emploi" → "emploi"), accents and case are removed, stopwords
 * dropped, plurals in -s cut, US spellings mapped ("license" → "licence").
 * @example needTokens("J'ai perdu mon portefeuille") // ['perdu', 'portefeuille']
 */
export function needTokens(text: string): string[] {
  const words = foldText(text.replace(/['’‘ʼ`´]/g, ' ')).split(' ');
  return words.filter((word) => word !== '' && !STOPWORDS.has(word)).map(normaliseToken);
}

function normaliseToken(word: string): string {
  const alias = ALIASES.get(word);
  if (alias) return alias;
  // Plural -s in both languages; "ss" ends ("business", "address") and short words stay.
  if (word.length > 3 && word.endsWith('s') && !word.endsWith('ss') && !/\d/.test(word)) return word.slice(0, -1);
  return word;
}

/**
 * True when a typed word stands for a catalogue word: the same, or one a short extension of
 * the other (at least 4 letters in common, at most 2 more), e.g. "passport"/"passports",
 * "chomage"/"chomages".
 */
export function isSameWord(typed: string, term: string): boolean {
  if (typed === term) return true;
  const [short, long] = typed.length <= term.length ? [typed, term] : [term, typed];
  return short.length >= 4 && long.length - short.length <= 2 && long.startsWith(short);
}

/**
 * How alike two words are, 0 to 1, for "did you mean": a shared prefix of 4+ letters, else
 * the Dice coefficient of their letter trigrams (typos: "pasport" ~ "passport").
 */
export function wordSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix += 1;
  const prefixScore = prefix >= 4 ? prefix / Math.max(a.length, b.length) : 0;
  return Math.max(prefixScore, trigramDice(a, b));
}

function trigramDice(a: string, b: string): number {
  const grams = (word: string): string[] => {
    const padded = `  ${word} `;
    const out: string[] = [];
    for (let i = 0; i + 3 <= padded.length; i += 1) out.push(padded.slice(i, i + 3));
    return out;
  };
  const left = grams(a);
  const right = grams(b);
  const pool = new Map<string, number>();
  for (const gram of right) pool.set(gram, (pool.get(gram) ?? 0) + 1);
  let shared = 0;
  for (const gram of left) {
    const count = pool.get(gram) ?? 0;
    if (count > 0) {
      shared += 1;
      pool.set(gram, count - 1);
    }
  }
  return (2 * shared) / (left.length + right.length);
}
