/** Delimiters found in Canadian open-data "CSV" files, in the order ties are broken. */
export const DELIMITER_CANDIDATES = [',', ';', '\t', '|'] as const;

// Enough records to see the shape of a file without reading far into it.
const MAX_SAMPLE_RECORDS = 50;

/**
 * Picks the delimiter of a CSV sample: each candidate is counted outside quotes on every
 * record; it must appear in the header, and the candidate whose count on the data records
 * most often equals its count on the header wins (then the larger count, then list order).
 * Falls back to "," for a one-column file. With `isWholeFile` false the last record, which
 * may have been cut, is ignored.
 * @example detectDelimiter('nom;ville\nBibliothèque Benny;Montréal\n', true) // ';'
 */
export function detectDelimiter(sample: string, isWholeFile: boolean): string {
  const records = countOutsideQuotes(sample);
  if (!isWholeFile && records.length > 1) records.pop();
  const [header, ...data] = records;
  if (header === undefined) return ',';
  let best: { delimiter: string; consistency: number; count: number } | null = null;
  for (const delimiter of DELIMITER_CANDIDATES) {
    const count = header.get(delimiter) ?? 0;
    if (count === 0) continue;
    const matching = data.filter((record) => (record.get(delimiter) ?? 0) === count).length;
    const consistency = data.length === 0 ? 1 : matching / data.length;
    if (
      best === null ||
      consistency > best.consistency ||
      (consistency === best.consistency && count > best.count)
    ) {
      best = { delimiter, consistency, count };
    }
  }
  return best?.delimiter ?? ',';
}

/** Per record (quoted line breaks do not end one; blank lines skipped): candidate → count outside quotes. */
function countOutsideQuotes(sample: string): Map<string, number>[] {
  const records: Map<string, number>[] = [];
  let counts = new Map<string, number>();
  let inQuotes = false;
  let blank = true;
  const candidates: ReadonlySet<string> = new Set(DELIMITER_CANDIDATES);
  for (const char of sample) {
    if (char === '"') {
      // A doubled quote inside a quoted field toggles twice: no net change.
      inQuotes = !inQuotes;
      blank = false;
    } else if (!inQuotes && (char === '\n' || char === '\r')) {
      if (!blank) records.push(counts);
      if (records.length >= MAX_SAMPLE_RECORDS) return records;
      counts = new Map();
      blank = true;
    } else {
      if (!inQuotes && candidates.has(char)) counts.set(char, (counts.get(char) ?? 0) + 1);
      if (char.trim() !== '') blank = false;
    }
  }
  if (!blank) records.push(counts);
  return records;
}
