import { describe, expect, it } from 'vitest';
import { partialPlaceKeys, placeKeys, placeNameVariants } from './place-name-variants.js';

// Names as written in the bundled Service Canada, ServiceOntario and GeoNames files.
describe('placeKeys', () => {
  it('folds accents, case, punctuation and Saint/St', () => {
    expect(placeKeys('Saint-Jérôme')).toEqual(['saint jerome']);
    expect(placeKeys('St-Jerome')).toEqual(['saint jerome']);
    expect(placeKeys("St. John's")).toEqual(['saint johns']);
    expect(placeKeys('Sault Ste. Marie')).toEqual(['sault sainte marie']);
  });

  it('separates elided articles and drops a leading article', () => {
    expect(placeKeys("L'Anse-Saint-Jean")).toEqual(['l anse saint jean', 'anse saint jean']);
    expect(placeKeys('The Pas')).toEqual(['the pas', 'pas']);
    expect(placeKeys("O'Leary")).toEqual(['oleary']);
  });

  it('folds letters that Unicode does not decompose', () => {
    expect(placeKeys("Łutselk'e")).toEqual(['lutselke']);
    expect(placeKeys('')).toEqual([]);
  });
});

describe('placeNameVariants', () => {
  it('splits parentheses and " - " parts, in the order written', () => {
    expect(placeNameVariants('Ottawa (Orléans)')).toEqual({
      whole: 'Ottawa (Orléans)',
      parts: ['Ottawa', 'Orléans'],
    });
    expect(placeNameVariants('Saint-Léonard (Montréal)')).toEqual({
      whole: 'Saint-Léonard (Montréal)',
      parts: ['Saint-Léonard', 'Montréal'],
    });
    expect(placeNameVariants('Sudbury - Val Caron')).toEqual({
      whole: 'Sudbury - Val Caron',
      parts: ['Sudbury', 'Val Caron'],
    });
    expect(placeNameVariants('Montreal Lake/Timber Bay')).toEqual({
      whole: 'Montreal Lake/Timber Bay',
      parts: ['Montreal Lake', 'Timber Bay'],
    });
  });

  it('strips municipal designators in English and French', () => {
    expect(placeNameVariants('North Vancouver, District of')).toEqual({
      whole: 'North Vancouver',
      parts: [],
    });
    expect(placeNameVariants('Township of Tiny')).toEqual({ whole: 'Tiny', parts: [] });
    expect(placeNameVariants('Tiny Township')).toEqual({ whole: 'Tiny', parts: [] });
    expect(placeNameVariants('Ville de Gatineau')).toEqual({ whole: 'Gatineau', parts: [] });
    expect(placeNameVariants('Municipalité de Val-des-Monts')).toEqual({ whole: 'Val-des-Monts', parts: [] });
    expect(placeNameVariants('Gatineau (Ville)')).toEqual({ whole: 'Gatineau', parts: [] });
    expect(placeNameVariants('Township')).toEqual({ whole: 'Township', parts: [] });
  });

  it('offers the first word of a hyphenated district unless it is a common one', () => {
    expect(placeNameVariants('Gatineau-Hull')).toEqual({ whole: 'Gatineau-Hull', parts: ['Gatineau'] });
    expect(placeNameVariants('Saint-Jean-sur-Richelieu')).toEqual({
      whole: 'Saint-Jean-sur-Richelieu',
      parts: [],
    });
    expect(placeNameVariants('Grande-Vallée')).toEqual({ whole: 'Grande-Vallée', parts: [] });
  });
});

describe('partialPlaceKeys', () => {
  it('gives the leading and trailing halves of compound municipality names', () => {
    expect(partialPlaceKeys('Happy Valley-Goose Bay')).toEqual(['happy valley', 'goose bay']);
    expect(partialPlaceKeys('Salaberry-de-Valleyfield')).toEqual(['salaberry', 'valleyfield']);
    expect(partialPlaceKeys('Channel-Port aux Basques')).toEqual(['channel', 'port aux basques']);
  });

  it('leaves out halves that are particles or only common words', () => {
    expect(partialPlaceKeys('Grande-Rivière')).toEqual([]);
    expect(partialPlaceKeys('Côte-Saint-Luc')).toEqual([]);
    expect(partialPlaceKeys('Toronto')).toEqual([]);
  });
});
