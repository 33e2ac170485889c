/**
 * Markup that is already safe to put in a page: built by `html` (whose values were escaped)
 * or wrapped explicitly with `raw()`. Plain strings are never trusted.
 */
export class SafeHtml {
  readonly #markup: string;
  constructor(markup: string) {
    this.#markup = markup;
  }
  toString(): string {
    return this.#markup;
  }
}

/** What may be interpolated: text (escaped), numbers, safe markup, lists of them, or nothing. */
export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[];

/**
 * Marks markup as safe as it is. Only for text that contains no data (constant markup) or that
 * was escaped by other means; everything else goes through `html`.
 */
export function raw(markup: string): SafeHtml {
  return new SafeHtml(markup);
}

const ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/**
 * Escapes the five characters that matter in HTML text and quoted attributes.
 * @example escapeHtml('<img src=x onerror=alert(1)>') // '&lt;img src=x onerror=alert(1)&gt;'
 */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

/**
 * True for a URL a link may point to: http(s), mailto, tel, or relative (path, query or
 * fragment). `javascript:`, `data:`, `vbscript:` and any other scheme are refused, also when
 * hidden behind case, entities or control characters.
 */
export function isSafeHref(url: string): boolean {
  // Browsers ignore tabs and newlines inside a URL and leading spaces/control characters.
  // eslint-disable-next-line no-control-regex
  const cleaned = url.replace(/[\u0000-\u0020\u007f]/g, '');
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(cleaned);
  if (scheme) return ['http', 'https', 'mailto', 'tel'].includes(scheme[1]!.toLowerCase());
  // "//host" is another site (protocol-relative); "\\host" is read the same way by browsers.
  return !/^[/\\]{2}/.test(cleaned) && !cleaned.includes('&#') && !cleaned.includes('&colon');
}

/**
 * Where an interpolation sits in its template: text, a quoted attribute value (with its
 * name), or between attributes inside a tag, where only whole `SafeHtml` attributes
 * (` checked`, ` lang="fr"`) or nothing may go.
 */
type Slot = { kind: 'text' } | { kind: 'attribute'; name: string } | { kind: 'tag' };

/** What the replacement is when a URL attribute gets a URL that `isSafeHref` refuses. */
export const BLOCKED_URL = 'about:invalid';

const URL_ATTRIBUTES: ReadonlySet<string> = new Set([
  'href',
  'src',
  'action',
  'formaction',
  'poster',
  'cite',
]);

// Each template's slots are worked out once: a template literal's `strings` array is the same
// object on every call, so a WeakMap on it caches the parse for the life of the process.
const SLOTS = new WeakMap<TemplateStringsArray, Slot[]>();

/**
 * Tagged template for HTML: every interpolated value is escaped unless it is `SafeHtml`;
 * arrays are joined; null/undefined/false render nothing. Values in URL attributes (`href`,
 * `src`, `action`…) that are not http(s)/mailto/tel/relative become `about:invalid`.
 * Inside a tag, outside quotes, only `SafeHtml` (whole optional attributes) or nothing is
 * accepted: a plain value there could not be escaped, so it throws.
 * @example html`<a href="${url}">${name}</a>`
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let slots = SLOTS.get(strings);
  if (!slots) {
    slots = slotsOf(strings);
    SLOTS.set(strings, slots);
  }
  let out = strings[0]!;
  for (let i = 0; i < values.length; i += 1) {
    out += render(values[i], slots[i]!) + strings[i + 1]!;
  }
  return new SafeHtml(out);
}

function render(value: HtmlValue, slot: Slot): string {
  if (value === null || value === undefined || value === false) return '';
  if (Array.isArray(value)) return (value as readonly HtmlValue[]).map((item) => render(item, slot)).join('');
  if (value instanceof SafeHtml) return value.toString();
  const text = String(value);
  if (slot.kind === 'tag') {
    if (text === '') return '';
    throw new Error(
      `html: ${JSON.stringify(text.slice(0, 40))} is inside a tag outside quotes; quote the attribute or pass html\`…\``,
    );
  }
  if (slot.kind === 'attribute' && URL_ATTRIBUTES.has(slot.name) && !isSafeHref(text)) return BLOCKED_URL;
  return escapeHtml(text);
}

/**
 * The slot of each interpolation, from a small scan of the static parts: text, quoted
 * attribute value, or inside a tag. Comments, `<script>` and `<style>` are no place for data
 * in these templates, so a value there throws when the template is first used.
 */
function slotsOf(strings: TemplateStringsArray): Slot[] {
  const slots: Slot[] = [];
  let state: 'text' | 'tag' | 'quoted' | 'raw-text' | 'comment' = 'text';
  let quote: '"' | "'" = '"';
  let attribute = '';
  let tagName = '';
  for (let part = 0; part < strings.length; part += 1) {
    const chunk = strings[part]!;
    for (let i = 0; i < chunk.length; i += 1) {
      const c = chunk[i]!;
      const rest = chunk.slice(i);
      if (state === 'text') {
        if (rest.startsWith('<!--')) {
          state = 'comment';
          i += 3;
        } else if (c === '<' && /^<\/?[a-zA-Z!]/.test(rest)) {
          state = 'tag';
          tagName = /^<([a-zA-Z0-9!-]*)/.exec(rest)?.[1]?.toLowerCase() ?? '';
        }
      } else if (state === 'comment') {
        if (rest.startsWith('-->')) {
          state = 'text';
          i += 2;
        }
      } else if (state === 'raw-text') {
        if (rest.toLowerCase().startsWith(`</${tagName}`)) state = 'text';
      } else if (state === 'tag') {
        if (c === '>') state = tagName === 'script' || tagName === 'style' ? 'raw-text' : 'text';
        else if (c === '"' || c === "'") {
          state = 'quoted';
          quote = c;
          attribute =
            /([a-zA-Z_:][-a-zA-Z0-9_:.]*)\s*=\s*$/.exec(chunk.slice(0, i))?.[1]?.toLowerCase() ?? '';
        }
      } else if (c === quote) {
        state = 'tag';
      }
    }
    if (part === strings.length - 1) break;
    if (state === 'text') slots.push({ kind: 'text' });
    else if (state === 'quoted') slots.push({ kind: 'attribute', name: attribute });
    else if (state === 'tag') slots.push({ kind: 'tag' });
    else {
      const where = state === 'comment' ? 'inside a comment' : `inside <${tagName}>`;
      const template = strings.join('${…}').slice(0, 160);
      throw new Error(
        `html: value ${part + 1} is ${where}; put it in text or in a quoted attribute (template: ${JSON.stringify(template)})`,
      );
    }
  }
  return slots;
}
