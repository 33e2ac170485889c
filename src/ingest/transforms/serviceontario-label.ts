import type { RowTransform } from './row-transform.js';

// ServiceOntario's 2019 location finder published one label per location:
// "<street>, [<unit>, ]<name>" — e.g. "50 Bloomington Road West, 3rd floor, York - Land
// Registry Office #65" — and, for its own centres, the street alone. The street part is
// given separately (`street_part`), so the rest is unit details and the name.
const UNIT = /^(suite|unit|room|box|bureau|local|level|floor|flr|\d+(st|nd|rd|th)\s+(floor|flr)|(ground|main|lower|upper)\s+(floor|level)|rr\s*\d+|p\.?o\.?\s*box.*)\b/i;

/** Splits a ServiceOntario label into name and unit; unnamed centres are named after their town. */
export const serviceOntarioLabel: RowTransform = (row, raw) => {
  const label = raw['name_as_published'] ?? '';
  const street = raw['street_part'] ?? '';
  const rest = label.startsWith(street) ? label.slice(street.length) : label;
  const parts = rest
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  const units: string[] = [];
  while (parts.length > 0 && UNIT.test(parts[0] ?? '')) units.push(parts.shift() ?? '');
  const city = row.city ?? raw['city'] ?? '';
  const typeCode = raw['type_code'] ?? '';
  const name =
    parts.join(', ') ||
    (typeCode === 'SO_CNTR' || typeCode === 'SO_SP' ? `ServiceOntario ${city}` : `${raw['type_name'] ?? 'ServiceOntario'} ${city}`);
  const out = { ...row, name: name.trim(), street };
  if (units.length > 0) out.street2 = units.join(', ');
  return { row: out };
};
