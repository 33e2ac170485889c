/** Order of government responsible for a service point (DESIGN.md, Canadian profile). */
export type JurisdictionLevel = 'federal' | 'provincial' | 'territorial' | 'municipal' | 'indigenous' | 'other';
export const JURISDICTION_LEVELS: readonly JurisdictionLevel[] = [
  'federal',
  'provincial',
  'territorial',
  'municipal',
  'indigenous',
  'other',
];

/** How a service is delivered; `outreach` is a scheduled visit to a site that is not an office. */
export type Channel = 'in_person' | 'outreach' | 'phone' | 'digital';
export const CHANNELS: readonly Channel[] = ['in_person', 'outreach', 'phone', 'digital'];

export function isJurisdictionLevel(value: string): value is JurisdictionLevel {
  return (JURISDICTION_LEVELS as readonly string[]).includes(value);
}

export function isChannel(value: string): value is Channel {
  return (CHANNELS as readonly string[]).includes(value);
}
