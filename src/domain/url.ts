// A scheme such as "javascript:", "mailto:" or "ftp:"; "workbc.ca:8080" is a host and port.
const SCHEME = /^[a-z][a-z\d+.-]*:(?!\d)/i;
// Text that starts like a host name: labels joined by dots, then a port, path, query or the end.
const HOST_START = /^[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?::\d+)?(?:[/?#]|$)/u;

/**
 * A web address as a WHATWG URL href: http or https only, scheme and host in lower case,
 * "https://" added when the text starts with a host ("www.workbc.ca/x"); null otherwise.
 * @example normaliseUrl('WWW.WorkBC.ca/WorkBC-Centres') // 'https://www.workbc.ca/WorkBC-Centres'
 */
export function normaliseUrl(input: string): string | null {
  const text = input.trim();
  if (text === '' || /\s/.test(text)) return null;
  let candidate: string;
  if (/^https?:\/\//i.test(text)) candidate = text;
  else if (text.startsWith('//')) candidate = `https:${text}`;
  else if (SCHEME.test(text)) return null;
  else if (HOST_START.test(text)) candidate = `https://${text}`;
  else return null;
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  const labels = url.hostname.replace(/\.$/, '').split('.');
  if (labels.length < 2 || labels.some((label) => label === '')) return null;
  return url.href;
}
