import { describe, expect, it } from 'vitest';
import { capitaliseWords, odhfAddress } from './odhf-address.js';
import { placeFromOfficeName, placesFromOfficeName } from './place-from-office-name.js';
import { serviceOntarioLabel } from './serviceontario-label.js';

describe('placesFromOfficeName (Service Canada names, data/service_canada_points_2024)', () => {
  it('strips the office kind', () => {
    expect(placesFromOfficeName('Moose Jaw Service Canada Centre')).toEqual(['Moose Jaw', 'Moose']);
    expect(placesFromOfficeName('Kugluktuk Scheduled Outreach Site')).toEqual(['Kugluktuk']);
    expect(placesFromOfficeName("Łutselk'e Service Delivery Partner")).toEqual(["Łutselk'e"]);
    expect(placesFromOfficeName('Laval Service Canada Centre - Passport Services')).toEqual(['Laval']);
  });
  it('offers each side of a slash and shorter leading names', () => {
    expect(placesFromOfficeName('Montreal Lake/Timber Bay Scheduled Outreach Site')).toEqual([
      'Montreal Lake/Timber Bay',
      'Montreal Lake',
      'Timber Bay',
      'Montreal Lake/Timber',
      'Montreal',
    ]);
    expect(placesFromOfficeName('Hamilton City Hall Scheduled Outreach Site')).toEqual(['Hamilton']);
    expect(placesFromOfficeName('Winnipeg St. Boniface Scheduled Outreach Site')).toEqual([
      'Winnipeg St. Boniface',
      'Winnipeg St.',
      'Winnipeg',
    ]);
  });
  it('finds nothing in a name without an office kind', () => {
    expect(placesFromOfficeName('Nunavut Arctic College')).toEqual([]);
  });
  it('fills an empty city and keeps a published one', () => {
    expect(placeFromOfficeName({ name: 'Digby Service Canada Centre', city: '' }, {}).row.city).toBe('Digby');
    const kept = placeFromOfficeName({ name: 'Abbotsford Service Canada Centre', city: 'Abbotsford' }, {});
    expect(kept.row.city).toBe('Abbotsford');
  });
});

describe('serviceOntarioLabel (data/serviceontario_locations_2019)', () => {
  const apply = (label: string, street: string, typeCode: string, city: string, typeName = '') =>
    serviceOntarioLabel(
      { name: label, street, city },
      { name_as_published: label, street_part: street, type_code: typeCode, type_name: typeName, city },
    ).row;
  it('takes the name after the street and the unit', () => {
    expect(apply('50 Bloomington Road West, 3rd floor, York - Land Registry Office #65', '50 Bloomington Road West', 'LRO', 'Aurora')).toEqual({
      name: 'York - Land Registry Office #65',
      street: '50 Bloomington Road West',
      street2: '3rd floor',
      city: 'Aurora',
    });
    expect(apply('3000 Garden Street, Suite 200, Business Advisory Centre Durham', '3000 Garden Street', 'SBEC', 'Whitby').name).toBe(
      'Business Advisory Centre Durham',
    );
  });
  it('names a ServiceOntario centre after its town when the label is only a street', () => {
    expect(apply('101 Main Street North', '101 Main Street North', 'SO_CNTR', 'Alexandria')).toEqual({
      name: 'ServiceOntario Alexandria',
      street: '101 Main Street North',
      city: 'Alexandria',
    });
    expect(apply('375 University Avenue, 2nd Flr', '375 University Avenue', 'CPPSB', 'Toronto', 'Business and Personal Property Security Office')).toEqual({
      name: 'Business and Personal Property Security Office Toronto',
      street: '375 University Avenue',
      street2: '2nd Flr',
      city: 'Toronto',
    });
  });
});

describe('odhfAddress', () => {
  it('joins street number and name, keeps the unit, capitalises a lower-case city', () => {
    const { row } = odhfAddress({ name: 'X', city: 'saint-jean-sur-richelieu' }, { street_no: '920', street_name: 'Boul. du Séminaire N', unit: '2' });
    expect(row).toEqual({ name: 'X', city: 'Saint-Jean-Sur-Richelieu', street: '920 Boul. du Séminaire N', street2: '2' });
  });
  it('leaves mixed-case text alone', () => {
    expect(capitaliseWords('St. John’s')).toBe('St. John’s');
    expect(capitaliseWords("l'assomption")).toBe("L'Assomption");
  });
});
