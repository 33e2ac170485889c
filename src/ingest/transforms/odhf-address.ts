import type { RowTransform } from './row-transform.js';

// The Open Database of Healthcare Facilities splits addresses into `unit`, `street_no` and
// `street_name` for most provinces, and keeps a one-line `source_format_str_address` for
// others; city names are lower case ("edmonton").
/** Builds one street line and a capitalised city from ODHF's address parts. */
export const odhfAddress: RowTransform = (row, raw) => {
  const street =
    row.street?.trim() ||
    [raw['street_no'], raw['street_name']]
      .map((part) => (part ?? '').trim())
      .filter(Boolean)
      .join(' ');
  const unit = (raw['unit'] ?? '').trim();
  const out = { ...row };
  if (street) out.street = street;
  if (unit) out.street2 = unit;
  if (row.city) out.city = capitaliseWords(row.city);
  return { row: out };
};

/** "saint-jean-sur-richelieu" → "Saint-Jean-Sur-Richelieu"; leaves mixed-case text alone. */
export function capitaliseWords(text: string): string {
  if (text !== text.toLowerCase()) return text;
  return text.replace(/(^|[\s\-'’(])(\p{L})/gu, (_m, sep: string, letter: string) => sep + letter.toUpperCase());
}
