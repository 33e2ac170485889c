// RFC 5322 "atext" characters of the local part (dots checked separately), without quoting.
const LOCAL_PART = /^[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+(?:\.[\p{L}\p{N}!#$%&'*+/=?^_`{|}~-]+)*$/u;
// Host labels of letters, digits and inner hyphens; a top-level domain of 2+ letters or an IDN "xn--" label.
const DOMAIN = /^(?:[\p{L}\p{N}](?:[\p{L}\p{N}-]*[\p{L}\p{N}])?\.)+(?:\p{L}{2,}|xn--[a-z\d-]+)$/u;

/**
 * An e-mail address with its domain in lower case (the local part is kept as written: it may
 * be case-sensitive); a "mailto:" prefix is dropped. Null when it is not a sensible address.
 * @example normaliseEmail('mailto:Elizabeth.Cooke@CANSA.ca') // 'Elizabeth.Cooke@cansa.ca'
 */
export function normaliseEmail(input: string): string | null {
  let text = input.trim();
  if (/^mailto:/i.test(text)) {
    // "mailto:a@b.ca?subject=…": only the address is kept.
    text = text.slice('mailto:'.length).split('?')[0].trim();
  }
  if (/\s/.test(text)) return null;
  const parts = text.split('@');
  if (parts.length !== 2) return null;
  const [local, domain] = [parts[0], parts[1].toLowerCase()];
  if (local.length > 64 || domain.length > 253) return null;
  if (!LOCAL_PART.test(local) || !DOMAIN.test(domain)) return null;
  return `${local}@${domain}`;
}
