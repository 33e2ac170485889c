import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import type { UnitsLayerConfig } from './units-layer.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/**
 * The key of the units layer: its heading, then a swatch and label per class and for units
 * with no value. Text only (textContent), as everything the map shows; the swatches are SVG
 * with a fill attribute, which the page's CSP (no inline styles) allows.
 * @example map.addControl(new UnitsLegend(config.units), 'bottom-right')
 */
export class UnitsLegend implements IControl {
  readonly #config: UnitsLayerConfig;
  #container: HTMLElement | null = null;

  constructor(config: UnitsLayerConfig) {
    this.#config = config;
  }

  onAdd(map: MapLibreMap): HTMLElement {
    const doc = map.getContainer().ownerDocument;
    const container = doc.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group repere-legend';
    const heading = doc.createElement('p');
    heading.className = 'repere-legend__title';
    heading.textContent = this.#config.title;
    const list = doc.createElement('ul');
    list.className = 'repere-legend__list';
    const entries = this.#config.colours.map((colour, k) => ({ colour, label: this.#config.labels[k] }));
    entries.push(this.#config.missing);
    for (const { colour, label } of entries) {
      const item = doc.createElement('li');
      const swatch = doc.createElementNS(SVG_NS, 'svg');
      swatch.setAttribute('width', '12');
      swatch.setAttribute('height', '12');
      swatch.setAttribute('aria-hidden', 'true');
      swatch.setAttribute('class', 'repere-legend__swatch');
      const circle = doc.createElementNS(SVG_NS, 'circle');
      circle.setAttribute('cx', '6');
      circle.setAttribute('cy', '6');
      circle.setAttribute('r', '5.5');
      circle.setAttribute('fill', colour);
      circle.setAttribute('stroke', '#1b1b1b');
      circle.setAttribute('stroke-width', '0.5');
      swatch.append(circle);
      const text = doc.createElement('span');
      text.textContent = label;
      item.append(swatch, text);
      list.append(item);
    }
    container.append(heading, list);
    this.#container = container;
    return container;
  }

  onRemove(): void {
    this.#container?.remove();
    this.#container = null;
  }
}
