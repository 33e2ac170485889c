import type { PageLang } from './map-config.js';

/**
 * French for the strings MapLibre's own controls show or announce (button labels, the
 * canvas's accessible name, gesture help). English uses MapLibre's defaults.
 */
const FRENCH: Readonly<Record<string, string>> = {
  'AttributionControl.ToggleAttribution': 'Afficher ou masquer les sources',
  'AttributionControl.MapFeedback': 'Signaler une erreur sur la carte',
  'Map.Title': 'Carte interactive',
  'NavigationControl.ResetBearing': 'Réorienter la carte vers le nord',
  'NavigationControl.ZoomIn': 'Zoom avant',
  'NavigationControl.ZoomOut': 'Zoom arrière',
  'Popup.Close': 'Fermer',
  'CooperativeGesturesHandler.WindowsHelpText': 'Utilisez Ctrl + la molette pour zoomer sur la carte',
  'CooperativeGesturesHandler.MacHelpText': 'Utilisez ⌘ + la molette pour zoomer sur la carte',
  'CooperativeGesturesHandler.MobileHelpText': 'Utilisez deux doigts pour déplacer la carte',
};

/**
 * MapLibre's `locale` option for a page language. MapLibre makes its canvas a `region`
 * landmark named by `Map.Title`; it must differ from the container's own label, or screen
 * readers meet two landmarks with one name (axe `landmark-unique`).
 */
export function maplibreLocale(lang: PageLang, containerLabel: string | null): Record<string, string> {
  const locale: Record<string, string> = lang === 'fr' ? { ...FRENCH } : { 'Map.Title': 'Interactive map' };
  if (containerLabel !== null && containerLabel.trim() === locale['Map.Title']) {
    locale['Map.Title'] = lang === 'fr' ? 'Canevas de la carte' : 'Map canvas';
  }
  return locale;
}
