import { odhfAddress } from './odhf-address.js';
import { placeFromOfficeName } from './place-from-office-name.js';
import type { RowTransform } from './row-transform.js';
import { serviceOntarioLabel } from './serviceontario-label.js';

/** Transforms a profile can name in `transforms` (data/sources.json). */
export const ROW_TRANSFORMS: Readonly<Record<string, RowTransform>> = {
  place_from_office_name: placeFromOfficeName,
  serviceontario_label: serviceOntarioLabel,
  odhf_address: odhfAddress,
  // Inuit community files name the community, and the office is in it.
  city_from_name: (row) => ({ row: row.city ? row : { ...row, city: row.name ?? '' } }),
};

export type { RowTransform, TransformResult } from './row-transform.js';
