/// <reference types="vite/client" />
// Entry of the browser bundle (public/build/map.js, served as /assets/map.js): enhances the
// server-rendered `#map` element. The page's list of results works without it; when anything
// here fails, the map element is hidden and the list is all there is.
import { setWorkerUrl } from 'maplibre-gl';
// Emitted by Vite as /assets/maplibre-gl-worker.js; without this MapLibre looks for its worker
// beside the bundle under a name that does not exist there.
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import './map.css';
import { MapConfigError, mapConfigFromDataset } from './map-config.js';
import { createServiceMap } from './service-map.js';

setWorkerUrl(workerUrl);

const container = document.getElementById('map');
if (container !== null) enhance(container);

function enhance(element: HTMLElement): void {
  try {
    const config = mapConfigFromDataset(element.dataset, document.baseURI);
    // The server may render the element `hidden` so that, without JavaScript, screen readers
    // do not meet an empty region.
    element.hidden = false;
    element.classList.add('map--enhanced');
    createServiceMap(element, config);
  } catch (error) {
    element.classList.remove('map--enhanced');
    element.hidden = true;
    if (error instanceof MapConfigError) console.error(`Repère map: ${error.message}`);
    else
      console.warn('Repère map: the map could not start (is WebGL available?); the list still works.', error);
  }
}
