import { html } from './html.js';
import type { SafeHtml } from './html.js';

// Charts as inline SVG (no script, no inline style: the CSP allows neither), each named by its
// <title> and described by its <desc>; the page puts a data table beside each one. Colours and
// fonts come from classes styled in public/css/analysis.css.

const WIDTH = 640;
const HEIGHT = 300;
const MARGIN = { top: 24, right: 16, bottom: 56, left: 64 } as const;
const PLOT_WIDTH = WIDTH - MARGIN.left - MARGIN.right;
const PLOT_HEIGHT = HEIGHT - MARGIN.top - MARGIN.bottom;

/** Coordinates to a tenth of a pixel: enough for the eye, short markup. */
const px = (value: number): number => Math.round(value * 10) / 10;

/** One bar: its category label, its value and the value as the page writes it. */
export interface ChartBar {
  label: string;
  value: number;
  valueText: string;
  /** A longer description, shown as the bar's tooltip (e.g. the site's name). */
  detail?: string;
}

interface ChartText {
  id: string;
  title: string;
  description: string;
  xLabel: string;
  yLabel: string;
}

// Round upper ends whose quarters are round too (the axis has a line at each quarter).
const NICE_STEPS = [1, 1.2, 1.6, 2, 2.4, 3, 4, 5, 6, 8, 10];

/** The upper end of the value axis: the first round number (see NICE_STEPS) times a power of ten that is at least `max`. */
export function niceMaximum(max: number): number {
  if (!(max > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  // Rounding: 1.2 × 10⁶ must not come out as 1200000.0000000002.
  return NICE_STEPS.map((m) => Math.round(m * power * 1e6) / 1e6).find((v) => v >= max)!;
}

function frame(text: ChartText, body: SafeHtml): SafeHtml {
  const { id } = text;
  return html`<svg class="chart" id="${id}" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${`${id}-title ${id}-desc`}" focusable="false">
<title id="${`${id}-title`}">${text.title}</title>
<desc id="${`${id}-desc`}">${text.description}</desc>
${body}
<text class="chart__axis-label" x="${px(MARGIN.left + PLOT_WIDTH / 2)}" y="${HEIGHT - 8}" text-anchor="middle">${text.xLabel}</text>
<text class="chart__axis-label" transform="${`translate(16 ${px(MARGIN.top + PLOT_HEIGHT / 2)}) rotate(-90)`}" text-anchor="middle">${text.yLabel}</text>
</svg>`;
}

function valueAxis(maximum: number, tickText: (value: number) => string): SafeHtml {
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => f * maximum);
  const y = (value: number): number => px(MARGIN.top + PLOT_HEIGHT * (1 - value / maximum));
  return html`<g class="chart__grid">
${ticks.map(
  (
    value,
  ) => html`<line x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${y(value)}" y2="${y(value)}"></line>
<text class="chart__tick" x="${MARGIN.left - 6}" y="${px(y(value) + 4)}" text-anchor="end">${tickText(value)}</text>
`,
)}</g>`;
}

/**
 * A bar chart of categories (distance bands, added sites), values from 0; the value of each
 * bar is written above it when there is room, and every bar has its own tooltip.
 * @example barChart({ id: 'chart-bands', title: 'Population by distance', description: '…', xLabel: 'km', yLabel: 'People', bars, tickText: String })
 */
export function barChart(
  text: ChartText & { bars: readonly ChartBar[]; tickText: (value: number) => string },
): SafeHtml {
  const { bars } = text;
  const maximum = niceMaximum(Math.max(0, ...bars.map((b) => b.value)));
  const slot = PLOT_WIDTH / Math.max(1, bars.length);
  const barWidth = slot * 0.7;
  // Labels under every bar while they fit, else every few bars.
  const labelEvery = Math.max(1, Math.ceil(bars.length / 16));
  const showValues = bars.length <= 12;
  const body = html`${valueAxis(maximum, text.tickText)}
<g class="chart__bars">
${bars.map((bar, k) => {
  const height = (PLOT_HEIGHT * Math.max(0, bar.value)) / maximum;
  const x = MARGIN.left + slot * k + (slot - barWidth) / 2;
  const y = MARGIN.top + PLOT_HEIGHT - height;
  const centre = px(x + barWidth / 2);
  return html`<rect class="chart__bar" x="${px(x)}" y="${px(y)}" width="${px(barWidth)}" height="${px(height)}"><title>${`${bar.detail ?? bar.label}: ${bar.valueText}`}</title></rect>
${showValues ? html`<text class="chart__value" x="${centre}" y="${px(y - 4)}" text-anchor="middle">${bar.valueText}</text>` : ''}
${k % labelEvery === 0 ? html`<text class="chart__tick" x="${centre}" y="${MARGIN.top + PLOT_HEIGHT + 16}" text-anchor="middle">${bar.label}</text>` : ''}
`;
})}</g>
<line class="chart__baseline" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${MARGIN.top + PLOT_HEIGHT}" y2="${MARGIN.top + PLOT_HEIGHT}"></line>`;
  return frame(text, body);
}

/** A point of a curve: x in the axis unit (km), y a share from 0 to 1. */
export interface CurvePoint {
  x: number;
  y: number;
}

/**
 * A rising curve of shares (0–100 %) against distance on a logarithmic axis (the first tens of
 * kilometres matter most), with a marked reference distance (the radius).
 * @example shareCurve({ id: 'chart-cumulative', …, points, xTicks: [5, 50, 500], marker: { x: 50, label: 'radius' } })
 */
export function shareCurve(
  text: ChartText & {
    points: readonly CurvePoint[];
    xTicks: readonly number[];
    xTickText: (x: number) => string;
    yTickText: (y: number) => string;
    marker: { x: number; label: string } | null;
  },
): SafeHtml {
  const xs = text.points.map((p) => p.x).filter((x) => x > 0);
  const low = Math.min(...xs, ...text.xTicks);
  const high = Math.max(...xs, ...text.xTicks);
  const span = Math.log(high / low) || 1;
  const x = (value: number): number => px(MARGIN.left + (PLOT_WIDTH * Math.log(value / low)) / span);
  const y = (share: number): number => px(MARGIN.top + PLOT_HEIGHT * (1 - share));
  const path = text.points.map((p) => `${x(p.x)},${y(p.y)}`).join(' ');
  const body = html`${valueAxis(1, text.yTickText)}
<g class="chart__grid chart__grid--x">
${text.xTicks.map(
  (
    tick,
  ) => html`<text class="chart__tick" x="${x(tick)}" y="${MARGIN.top + PLOT_HEIGHT + 16}" text-anchor="middle">${text.xTickText(tick)}</text>
`,
)}</g>
${
  text.marker
    ? html`<line class="chart__marker" x1="${x(text.marker.x)}" x2="${x(text.marker.x)}" y1="${MARGIN.top}" y2="${MARGIN.top + PLOT_HEIGHT}"></line>
<text class="chart__marker-label" x="${px(x(text.marker.x) + 4)}" y="${MARGIN.top + 12}">${text.marker.label}</text>`
    : ''
}
<polyline class="chart__line" points="${path}"></polyline>
${text.points.map((p) => html`<circle class="chart__dot" cx="${x(p.x)}" cy="${y(p.y)}" r="3"></circle>`)}
<line class="chart__baseline" x1="${MARGIN.left}" x2="${WIDTH - MARGIN.right}" y1="${MARGIN.top + PLOT_HEIGHT}" y2="${MARGIN.top + PLOT_HEIGHT}"></line>`;
  return frame(text, body);
}
