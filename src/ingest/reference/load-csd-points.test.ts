import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadFederalBuildingPoints, loadHealthFacilityPoints } from './load-csd-points.js';

// The bundled DFRP and ODHF files (data/dfrp_federal_offices_2023, data/odhf_healthcare_facilities_v1.1).
const DATA = fileURLToPath(new URL('../../../data', import.meta.url));

describe('CSD-coded point sources', () => {
  it('reads DFRP buildings and properties with a CSD code and a Canadian position', async () => {
    const { sourceId, points } = await loadFederalBuildingPoints(DATA);
    expect(sourceId).toBe('dfrp_federal_offices_2023');
    // 2,148 Canadian buildings + 1,760 properties with usable coordinates and a 7-digit SGC code.
    expect(points).toHaveLength(3908);
    // "GC Building - Mount Pearl", the first building row.
    expect(points[0]).toEqual({ csdCode: '1001542', lat: 47.524605, lon: -52.841289 });
  });

  it('reads the ODHF facilities that have both a CSDuid and coordinates', async () => {
    const { sourceId, points } = await loadHealthFacilityPoints(DATA);
    expect(sourceId).toBe('odhf_healthcare_facilities_v1.1');
    expect(points).toHaveLength(6549);
    // Alberta Children's Hospital, Calgary (row 2; row 1 has neither CSDuid nor coordinates).
    expect(points[0]).toEqual({ csdCode: '4806016', lat: 51.074582, lon: -114.148426 });
  });
});
