import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { detectEncoding, firstInvalidUtf8Index } from './detect-encoding.js';

const FIXTURES = new URL('../../../test/fixtures/ingest/', import.meta.url);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe('detectEncoding', () => {
  it('reads plain ASCII and accented UTF-8 as UTF-8 without BOM', () => {
    expect(detectEncoding(utf8('name,city\nBenny,Montreal\n'), true)).toEqual({
      encoding: 'utf-8',
      bom: false,
    });
    expect(detectEncoding(utf8('nom;ville\nBibliothèque de l’Île des Sœurs;Montréal\n'), true)).toEqual({
      encoding: 'utf-8',
      bom: false,
    });
  });

  it('reports a UTF-8 byte-order mark', async () => {
    const bytes = await readFile(new URL('bom-utf8.csv', FIXTURES));
    expect(detectEncoding(bytes, true)).toEqual({ encoding: 'utf-8', bom: true });
  });

  it('reads the Excel-on-Windows fixture as windows-1252', async () => {
    const bytes = await readFile(new URL('cp1252-fr-semicolon.csv', FIXTURES));
    expect(detectEncoding(bytes, true)).toEqual({ encoding: 'windows-1252', bom: false });
  });

  it('does not hold a character cut by the end of a sample against UTF-8', () => {
    // "Montré" followed by the first byte of "é" (C3 A9) only.
    const cut = Uint8Array.of(...utf8('Montr'), 0xc3);
    expect(detectEncoding(cut, false)).toEqual({ encoding: 'utf-8', bom: false });
    expect(detectEncoding(cut, true)).toEqual({ encoding: 'windows-1252', bom: false });
  });

  it('reports UTF-16 byte-order marks so the caller can refuse them', () => {
    expect(detectEncoding(Uint8Array.of(0xff, 0xfe, 0x6e, 0x00), true)).toEqual({
      encoding: 'utf-16',
      bom: true,
    });
    expect(detectEncoding(Uint8Array.of(0xfe, 0xff, 0x00, 0x6e), true)).toEqual({
      encoding: 'utf-16',
      bom: true,
    });
  });

  it('treats an empty file as UTF-8', () => {
    expect(detectEncoding(new Uint8Array(0), true)).toEqual({ encoding: 'utf-8', bom: false });
  });
});

describe('firstInvalidUtf8Index', () => {
  it('returns -1 for valid text, including 4-byte characters', () => {
    expect(firstInvalidUtf8Index(utf8('Sœurs ᐃᓄᒃᑎᑐᑦ 🍁'), true)).toBe(-1);
  });

  it('finds windows-1252 bytes: ’ is 0x92, œ is 0x9C, é is 0xE9', () => {
    expect(firstInvalidUtf8Index(Uint8Array.of(0x6c, 0x92, 0x49), true)).toBe(1);
    expect(firstInvalidUtf8Index(Uint8Array.of(0x53, 0x9c, 0x75), true)).toBe(1);
    // E9 announces a 3-byte sequence but "al" are not continuation bytes.
    expect(firstInvalidUtf8Index(Uint8Array.of(0x4d, 0x6f, 0x6e, 0x74, 0x72, 0xe9, 0x61, 0x6c), true)).toBe(
      5,
    );
  });

  it('rejects overlong forms, surrogates and code points above U+10FFFF', () => {
    expect(firstInvalidUtf8Index(Uint8Array.of(0xc0, 0xaf), true)).toBe(0);
    expect(firstInvalidUtf8Index(Uint8Array.of(0xe0, 0x80, 0xaf), true)).toBe(0);
    expect(firstInvalidUtf8Index(Uint8Array.of(0x41, 0xed, 0xa0, 0x80), true)).toBe(1);
    expect(firstInvalidUtf8Index(Uint8Array.of(0xf4, 0x90, 0x80, 0x80), true)).toBe(0);
  });

  it('accepts a sequence cut at the end only when the buffer is not the whole file', () => {
    const cut = Uint8Array.of(0x41, 0xe2, 0x80);
    expect(firstInvalidUtf8Index(cut, false)).toBe(-1);
    expect(firstInvalidUtf8Index(cut, true)).toBe(1);
  });
});
