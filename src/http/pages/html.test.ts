import { describe, expect, it } from 'vitest';
import { BLOCKED_URL, escapeHtml, html, isSafeHref, raw } from './html.js';

const XSS = '<img src=x onerror=alert(1)>';

describe('html', () => {
  it('escapes every interpolated value in text and attributes', () => {
    const out =
      html`<p title="${XSS}">${XSS}</p><p data-x='${`'"&`}'>${`Shopper's "Row" & co`}</p>`.toString();
    expect(out).toBe(
      '<p title="&lt;img src=x onerror=alert(1)&gt;">&lt;img src=x onerror=alert(1)&gt;</p>' +
        "<p data-x='&#39;&quot;&amp;'>Shopper&#39;s &quot;Row&quot; &amp; co</p>",
    );
  });

  it('keeps SafeHtml and raw() as they are, joins arrays, renders nothing for null, undefined and false', () => {
    const items = ['a<', 'b'].map((x) => html`<li>${x}</li>`);
    expect(html`<ul>${items}</ul>${null}${undefined}${false}${0}${raw('<br>')}`.toString()).toBe(
      '<ul><li>a&lt;</li><li>b</li></ul>0<br>',
    );
  });

  it('checks URLs in href, src and action: http(s), mailto, tel and relative pass, other schemes do not', () => {
    const link = (url: string): string => html`<a href="${url}">x</a>`.toString();
    expect(link('https://workbc.ca/a?b=1&c=2')).toBe('<a href="https://workbc.ca/a?b=1&amp;c=2">x</a>');
    expect(link('/en/locations/workbc%3Ap1')).toBe('<a href="/en/locations/workbc%3Ap1">x</a>');
    expect(link('tel:+12502863441')).toBe('<a href="tel:+12502863441">x</a>');
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'java\tscript:alert(1)',
      'data:text/html,x',
      '//evil.example/',
      'vbscript:x',
    ]) {
      expect(link(bad)).toBe(`<a href="${BLOCKED_URL}">x</a>`);
    }
    expect(html`<form action="${'javascript:x'}"></form>`.toString()).toBe(
      `<form action="${BLOCKED_URL}"></form>`,
    );
    // Not a URL attribute: escaped, not checked.
    expect(html`<div data-tile-url="${'https://t/{z}/{x}/{y}.png'}"></div>`.toString()).toBe(
      '<div data-tile-url="https://t/{z}/{x}/{y}.png"></div>',
    );
  });

  it('accepts whole optional attributes inside a tag, and refuses plain text there', () => {
    const checked = (on: boolean): string =>
      html`<input type="checkbox"${on ? html` checked` : ''}>`.toString();
    expect(checked(true)).toBe('<input type="checkbox" checked>');
    expect(checked(false)).toBe('<input type="checkbox">');
    const attribute = ' onmouseover=alert(1)';
    expect(() => html`<input type="text"${attribute}>`).toThrow('inside a tag outside quotes');
    expect(() => html`<a href=${'/x'}>x</a>`).toThrow('inside a tag outside quotes');
  });

  it('refuses values inside <script>, <style> and comments', () => {
    expect(() => html`<script>var x = ${'1'};</script>`).toThrow('inside <script>');
    expect(() => html`<style>a { color: ${'red'} }</style>`).toThrow('inside <style>');
    expect(() => html`<!-- ${'x'} -->`).toThrow('inside a comment');
  });
});

describe('isSafeHref / escapeHtml', () => {
  it('tells safe link targets from unsafe ones', () => {
    expect(
      ['http://a', 'HTTPS://a', 'mailto:a@b.ca', 'tel:+1', '?q=1', '#main', 'relative/path'].every(
        isSafeHref,
      ),
    ).toBe(true);
    expect(
      ['javascript:x', 'data:x', 'file:///etc/passwd', '\\\\evil', '&#106;avascript:x'].some(isSafeHref),
    ).toBe(false);
  });

  it('escapes the five HTML characters', () => {
    expect(escapeHtml(`&<>"'`)).toBe('&amp;&lt;&gt;&quot;&#39;');
  });
});
