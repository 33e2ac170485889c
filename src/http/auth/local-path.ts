/**
 * Where to go after signing in: `next` when it is a path of this site's pages
 * (`{base}/en/…` or `{base}/fr/…`), else `fallback`. Anything that a browser could read as
 * another site (`//evil.example`, `/\evil.example`, `https://…`, control characters) is
 * refused: the sign-in form must not be an open redirect.
 * @example localNextPath('/en/analysis?radius_km=25', '', '/en/analysis') // '/en/analysis?radius_km=25'
 */
export function localNextPath(next: unknown, base: string, fallback: string): string {
  if (typeof next !== 'string' || next.length > 2000) return fallback;
  // Browsers drop tabs and newlines inside URLs and read "\" as "/".
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  const sitePage = new RegExp(`^${escapeRegExp(base)}/(?:en|fr)(?:[/?#]|$)`);
  if (!sitePage.test(next)) return fallback;
  let url: URL;
  try {
    url = new URL(next, 'http://repere.invalid');
  } catch {
    return fallback;
  }
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Dot segments may have climbed out of the language folder: check what they resolve to.
  return url.origin === 'http://repere.invalid' && sitePage.test(path) ? path : fallback;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
