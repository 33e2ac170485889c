import { describe, expect, it } from 'vitest';
import { haversineMetres } from '../domain/distance.js';
import type { MaybeLocated } from './analysis-inputs.js';
import { createNeighbourSearch } from './neighbour-search.js';
import { seededRandom } from './test-inputs.js';

/** Seeded points in a box, some unlocated, some duplicated (exact ties). */
function randomPlaces(
  seed: number,
  n: number,
  box: { south: number; north: number; west: number; east: number },
): MaybeLocated[] {
  const random = seededRandom(seed);
  const out: MaybeLocated[] = [];
  for (let i = 0; i < n; i++) {
    if (random() < 0.03) out.push({ lat: null, lon: null });
    else if (i > 0 && random() < 0.1) out.push({ ...out[Math.floor(random() * out.length)] });
    else
      out.push({
        lat: box.south + random() * (box.north - box.south),
        lon: box.west + random() * (box.east - box.west),
      });
  }
  return out;
}

function collect(
  search: ReturnType<typeof createNeighbourSearch>,
  origin: number,
  radius: number,
): [number, number][] {
  const out: [number, number][] = [];
  search.within(origin, radius, (j, metres) => out.push([j, metres]));
  return out;
}

const BOXES = {
  canada: { south: 42, north: 70, west: -141, east: -52 },
  antimeridian: { south: -20, north: 20, west: 175, east: 185 }, // wrapped below to [-180, 180]
  arctic: { south: 84, north: 90, west: -180, east: 180 },
};

describe('the kd-tree search equals brute force on seeded random data', () => {
  for (const [name, box] of Object.entries(BOXES)) {
    it(`${name}: same nearest (index, metres) and same within-lists for several radii`, () => {
      const wrap = (places: MaybeLocated[]): MaybeLocated[] =>
        places.map((p) => (p.lon !== null && p.lon > 180 ? { lat: p.lat, lon: p.lon - 360 } : p));
      const origins = wrap(randomPlaces(7, 400, box));
      const points = wrap(randomPlaces(8, 300, box));
      const indexed = createNeighbourSearch(origins, points);
      const brute = createNeighbourSearch(origins, points, { search: 'brute' });
      for (let i = 0; i < origins.length; i++) {
        expect(indexed.nearest(i)).toEqual(brute.nearest(i));
        for (const radius of [0, 25_000, 150_000, 600_000])
          expect(collect(indexed, i, radius)).toEqual(collect(brute, i, radius));
      }
    });
  }

  it('finds points across the antimeridian and over the pole', () => {
    const points = [
      { lat: 0, lon: 179.9 },
      { lat: 89.9, lon: 100 },
    ];
    const origins = [
      { lat: 0, lon: -179.9 },
      { lat: 89.9, lon: -80 },
    ];
    const search = createNeighbourSearch(origins, points);
    expect(search.nearest(0)).toEqual({ index: 0, metres: haversineMetres(0, -179.9, 0, 179.9) });
    expect(collect(search, 0, 30_000).map(([j]) => j)).toEqual([0]);
    // 0.1° to the pole on each side: 0.2° of arc ≈ 22.2 km.
    expect(collect(search, 1, 23_000).map(([j]) => j)).toEqual([1]);
  });

  it('breaks exact ties by the lowest index', () => {
    const points = [
      { lat: 46, lon: -75 },
      { lat: 44, lon: -75 },
      { lat: 46, lon: -75 },
    ];
    const search = createNeighbourSearch([{ lat: 45, lon: -75 }], points);
    expect(search.nearest(0)?.index).toBe(0);
    expect(createNeighbourSearch([{ lat: 45, lon: -75 }], points.slice(1)).nearest(0)?.index).toBe(0);
  });
});
