import type { IControl, Map as MapLibreMap } from 'maplibre-gl';
import { urlWithLocation } from './location-url.js';

export interface LocateControlOptions {
  /** Button text, e.g. "Use my location". */
  label: string;
  /** Announced while the browser looks for the position, e.g. "Locating…". */
  locating: string;
  /** Announced when no position could be had (refused, unavailable, timed out). */
  failed: string;
  geolocation: Geolocation;
  /** The current page URL, read at click time. */
  currentHref: () => string;
  /** Loads a URL; the page, not the map, then shows the results around the position. */
  navigate: (url: string) => void;
}

/** Cached positions up to 5 minutes old are fine for finding the nearest counter. */
const GEOLOCATION_OPTIONS: PositionOptions = {
  enableHighAccuracy: false,
  timeout: 15_000,
  maximumAge: 300_000,
};

/**
 * "Use my location": a real `<button>` that asks for the device position and loads the page
 * again with `lat`/`lon` (see urlWithLocation), so the server-rendered list is sorted around
 * the user. Progress and failure are announced in a polite live region beside the button.
 * @example map.addControl(new LocateControl({ label, locating, failed, geolocation: navigator.geolocation, currentHref: () => location.href, navigate: (url) => location.assign(url) }), 'top-left')
 */
export class LocateControl implements IControl {
  readonly #options: LocateControlOptions;
  #container: HTMLElement | null = null;
  #busy = false;

  constructor(options: LocateControlOptions) {
    this.#options = options;
  }

  onAdd(map: MapLibreMap): HTMLElement {
    const doc = map.getContainer().ownerDocument;
    const container = doc.createElement('div');
    container.className = 'maplibregl-ctrl repere-locate';

    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'repere-locate__button';
    const icon = doc.createElement('span');
    icon.className = 'repere-locate__icon';
    icon.setAttribute('aria-hidden', 'true');
    const text = doc.createElement('span');
    text.textContent = this.#options.label;
    button.append(icon, text);

    // Present (and empty) from the start: live regions added together with their text are
    // often not announced.
    const status = doc.createElement('p');
    status.className = 'repere-locate__status';
    status.setAttribute('role', 'status');
    status.setAttribute('aria-live', 'polite');

    button.addEventListener('click', () => this.#locate(button, status));
    container.append(button, status);
    this.#container = container;
    return container;
  }

  onRemove(): void {
    this.#container?.remove();
    this.#container = null;
  }

  #locate(button: HTMLButtonElement, status: HTMLElement): void {
    if (this.#busy) return;
    this.#setBusy(button, true);
    status.textContent = this.#options.locating;
    this.#options.geolocation.getCurrentPosition(
      (position) => {
        status.textContent = '';
        // Not left busy: a page restored from the back/forward cache must have a working button.
        this.#setBusy(button, false);
        this.#options.navigate(
          urlWithLocation(this.#options.currentHref(), position.coords.latitude, position.coords.longitude),
        );
      },
      () => {
        this.#setBusy(button, false);
        status.textContent = this.#options.failed;
      },
      GEOLOCATION_OPTIONS,
    );
  }

  #setBusy(button: HTMLButtonElement, busy: boolean): void {
    this.#busy = busy;
    // aria-disabled, not disabled: a disabled button drops keyboard focus.
    button.setAttribute('aria-disabled', String(busy));
    button.setAttribute('aria-busy', String(busy));
  }
}
