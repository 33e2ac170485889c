import type { PageLang } from './map-config.js';

/**
 * French for the strings MapLibre's own controls show or announce (button labels, the
 * canvas's accessible name, gesture help). English uses MapLibre's defaults.
 */
const FRENCH: Readonly<Record<string, string>> = {
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
  'AttributionControl.MapFeedback': 'Signaler une erreur sur la carte',
  'Map.Title': 'Carte',
  'NavigationControl.ResetBearing': 'Réorienter la carte vers le nord',
  'NavigationControl.ZoomIn': 'Zoom avant',
  'NavigationControl.ZoomOut': 'Zoom arrière',
  'Popup.Close': 'Fermer',
  'CooperativeGesturesHandler.WindowsHelpText': 'Utilisez Ctrl + la molette pour zoomer sur la carte',
  'CooperativeGesturesHandler.MacHelpText': 'Utilisez ⌘ + la molette pour zoomer sur la carte',
  'CooperativeGesturesHandler.MobileHelpText': 'Utilisez deux doigts pour déplacer la carte',
};

/**
 * MapLibre's `locale` option for a page language; `mapTitle` names the canvas for screen
 * readers (the map element's own label is more telling than "Map").
 */
export function maplibreLocale(lang: PageLang, mapTitle: string | null): Record<string, string> {
  const locale: Record<string, string> = lang === 'fr' ? { ...FRENCH } : {};
  if (mapTitle !== null && mapTitle.trim() !== '') locale['Map.Title'] = mapTitle.trim();
  return locale;
}
