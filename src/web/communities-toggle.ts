import type { IControl, Map as MapLibreMap } from 'maplibre-gl';

export interface CommunitiesToggleOptions {
  /** Visible label of the checkbox, e.g. "First Nations and Inuit communities". */
  label: string;
  /** The layer the checkbox shows and hides. */
  layerId: string;
  /** Whether the layer starts visible (as the style declares it). */
  visible: boolean;
}

/**
 * A labelled checkbox that shows or hides the communities layer. A real `<input>` inside its
 * `<label>`, so it is reachable with Tab, toggled with Space and announced with its name.
 * @example map.addControl(new CommunitiesToggle({ label: 'First Nations and Inuit communities', layerId: 'communities', visible: true }), 'bottom-left')
 */
export class CommunitiesToggle implements IControl {
  readonly #options: CommunitiesToggleOptions;
  #container: HTMLElement | null = null;

  constructor(options: CommunitiesToggleOptions) {
    this.#options = options;
  }

  onAdd(map: MapLibreMap): HTMLElement {
    const doc = map.getContainer().ownerDocument;
    const container = doc.createElement('div');
    container.className = 'maplibregl-ctrl maplibregl-ctrl-group repere-toggle';

    const label = doc.createElement('label');
    label.className = 'repere-toggle__label';
    const checkbox = doc.createElement('input');
    checkbox.type = 'checkbox';
    checkbox.className = 'repere-toggle__input';
    checkbox.checked = this.#options.visible;
    const apply = (): void => {
      map.setLayoutProperty(this.#options.layerId, 'visibility', checkbox.checked ? 'visible' : 'none');
    };
    checkbox.addEventListener('change', () => {
      // Before the style has loaded the layer does not exist yet: apply the choice once it does.
      if (map.getLayer(this.#options.layerId) === undefined) map.once('load', apply);
      else apply();
    });

    // The same triangle as on the map (drawn by map.css), as a key; decorative, the text is the name.
    const swatch = doc.createElement('span');
    swatch.className = 'repere-toggle__swatch';
    swatch.setAttribute('aria-hidden', 'true');

    const text = doc.createElement('span');
    text.textContent = this.#options.label;

    label.append(checkbox, swatch, text);
    container.append(label);
    this.#container = container;
    return container;
  }

  onRemove(): void {
    this.#container?.remove();
    this.#container = null;
  }
}
