import { describe, expect, it } from 'vitest';
import { communityNameKey } from './community-name-key.js';

// Band names from data/isc_first_nations_locations and reserve names from data/cwb_community_wellbeing_2021.
describe('communityNameKey', () => {
  it('gives a band and its reserves the same key', () => {
    expect(communityNameKey("God's Lake First Nation")).toBe('gods lake');
    expect(communityNameKey("God's Lake 23")).toBe('gods lake');
    expect(communityNameKey('Cross Lake Band of Indians')).toBe('cross lake');
    expect(communityNameKey('Cross Lake 19A')).toBe('cross lake');
    expect(communityNameKey('Opaskwayak Cree Nation 21A')).toBe('opaskwayak');
    expect(communityNameKey('Shoal Lake (Part) 40')).toBe('shoal lake');
    expect(communityNameKey('Carry the Kettle 76-19')).toBe('carry kettle');
  });

  it('drops French generic words too', () => {
    expect(communityNameKey('Première Nation des Innus de Nutashkuan')).toBe('nutashkuan');
    expect(communityNameKey('Bande des Innus de Pessamit')).toBe('pessamit');
    expect(communityNameKey('Cree Nation of Chisasibi')).toBe('chisasibi');
    expect(communityNameKey('Chippewas of Kettle and Stony Point')).toBe('kettle and stony point');
  });

  it('is empty for a name made only of generic words', () => {
    expect(communityNameKey('First Nation')).toBe('');
  });
});
