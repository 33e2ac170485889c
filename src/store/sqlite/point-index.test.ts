import { describe, expect, it } from 'vitest';
import { compareIds } from './point-index.js';

describe('compareIds', () => {
  it("orders ids as SQLite's ORDER BY id does: by the bytes of their UTF-8", () => {
    const ids = ['b', 'a:2', 'a:10', 'a', 'É', 'z', '\u{1F600}', '\uFB01', 'a:1'];
    const utf8Order = [...ids].sort((x, y) => Buffer.compare(Buffer.from(x), Buffer.from(y)));
    expect([...ids].sort(compareIds)).toEqual(utf8Order);
    // The case where UTF-16 code units disagree: U+1F600 (a surrogate pair) after U+FB01.
    expect(compareIds('\u{1F600}', '\uFB01')).toBeGreaterThan(0);
    expect('\u{1F600}' < '\uFB01').toBe(true);
    expect(utf8Order).toEqual(['a', 'a:1', 'a:10', 'a:2', 'b', 'z', 'É', '\uFB01', '\u{1F600}']);
  });
});
