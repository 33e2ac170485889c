// The referral pages' message catalogue: both languages, the same placeholders, and the
// French typography of the site's catalogue (src/http/i18n/messages.ts).
import { describe, expect, it } from 'vitest';
import { placeholdersOf, REFERRAL_MESSAGES, rt } from '../../src/http/referral/messages.js';
import type { ReferralMessageKey } from '../../src/http/referral/messages.js';

const entries = Object.entries(REFERRAL_MESSAGES) as Array<[ReferralMessageKey, { en: string; fr: string }]>;

describe('referral messages', () => {
  it('has every key in English and French, with the same placeholders', () => {
    expect(entries.length).toBeGreaterThan(100);
    for (const [key, message] of entries) {
      expect(message.en.trim().length, `${key} en`).toBeGreaterThan(0);
      expect(message.fr.trim().length, `${key} fr`).toBeGreaterThan(0);
      expect(placeholdersOf(message.fr), key).toEqual(placeholdersOf(message.en));
    }
  });

  it('writes French with a non-breaking space before colons and in guillemets, and typographic apostrophes', () => {
    for (const [key, { fr, en }] of entries) {
      expect(fr, key).not.toMatch(/[^\u00a0]:(?!\/\/)/);
      expect(fr, key).not.toMatch(/«(?!\u00a0)|(?<!\u00a0)»/);
      expect(fr, key).not.toContain("'");
      expect(en, key).not.toContain("'");
    }
  });

  it('fills placeholders and formats numbers the language’s way, and throws on a missing value', () => {
    expect(rt('fr', 'answer.count.other', { count: 1234 })).toBe('1\u00a0234 services');
    expect(rt('en', 'card.partnership', { name: 'Picton' })).toBe('Partnership: Picton');
    expect(rt('fr', 'card.partnership', { name: 'Picton' })).toBe('Partenariat\u00a0: Picton');
    expect(() => rt('en', 'answer.heading')).toThrow('message "answer.heading" needs a value for {q}, found none');
  });
});
