import { describe, expect, it } from 'vitest';
import { barChart, niceMaximum, shareCurve } from './analysis-charts.js';

const TEXT = {
  title: 'Population by distance <band>',
  description: 'Bar chart; 312,992 people live farther than 50 km.',
  xLabel: 'km',
  yLabel: 'People',
};

describe('niceMaximum', () => {
  it('rounds the axis up to a number whose quarters are round', () => {
    expect([
      niceMaximum(0),
      niceMaximum(0.7),
      niceMaximum(1),
      niceMaximum(130),
      niceMaximum(2_400),
      niceMaximum(29_800_000),
      niceMaximum(1_100_001),
    ]).toEqual([1, 0.8, 1, 160, 2_400, 30_000_000, 1_200_000]);
  });
});

describe('barChart', () => {
  const svg = barChart({
    ...TEXT,
    id: 'chart-distance',
    tickText: String,
    bars: [
      { label: '0–5 km', value: 100, valueText: '50%' },
      { label: 'over 500 km', value: 50, valueText: '25%', detail: 'Far <away>' },
    ],
  }).toString();

  it('is an image named by its title and described by its desc', () => {
    expect(svg).toMatch(
      /^<svg class="chart" id="chart-distance" viewBox="0 0 640 300" role="img" aria-labelledby="chart-distance-title chart-distance-desc" focusable="false">/,
    );
    expect(svg).toContain('<title id="chart-distance-title">Population by distance &lt;band&gt;</title>');
    expect(svg).toContain(
      '<desc id="chart-distance-desc">Bar chart; 312,992 people live farther than 50 km.</desc>',
    );
  });

  it('draws bars from zero in proportion, each with its own tooltip, with no inline style', () => {
    // Plot height 220 px; the axis goes to 100, so the second bar is half as tall as the first.
    const heights = [...svg.matchAll(/<rect class="chart__bar"[^>]* height="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(heights).toEqual([220, 110]);
    expect(svg).toContain('<title>0–5 km: 50%</title>');
    expect(svg).toContain('<title>Far &lt;away&gt;: 25%</title>');
    expect(svg).not.toContain('style=');
  });
});

describe('shareCurve', () => {
  it('plots shares on a logarithmic distance axis with the radius marked', () => {
    const svg = shareCurve({
      ...TEXT,
      id: 'chart-cumulative',
      points: [
        { x: 10, y: 0.5 },
        { x: 100, y: 1 },
      ],
      xTicks: [10, 100],
      xTickText: String,
      yTickText: (y) => `${y * 100}%`,
      marker: { x: 10, label: 'radius 10 km' },
    }).toString();
    // x from 64 (10 km) to 624 (100 km); y from 244 (0%) to 24 (100%).
    expect(svg).toContain('<polyline class="chart__line" points="64,134 624,24"></polyline>');
    expect(svg).toContain('<line class="chart__marker" x1="64" x2="64"');
    expect(svg).toContain('>radius 10 km</text>');
  });
});
