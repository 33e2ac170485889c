import type { Lang } from '../../domain/bilingual-text.js';

/** One user-facing message in both official languages; `{name}` marks a placeholder. */
export interface Message {
  en: string;
  fr: string;
}

// French follows Canadian typography (Bureau de la traduction, "Le guide du rédacteur"):
// a non-breaking space (\u00a0) before the colon and inside « guillemets », no space before
// ; ! ?, and the typographic apostrophe ’. messages.test.ts checks every entry for it.
const CATALOGUE = {
  'site.name': { en: 'Repère', fr: 'Repère' },
  'site.tagline': {
    en: 'Government service points in Canada',
    fr: 'Points de service gouvernementaux au Canada',
  },
  'site.titleSuffix': { en: '{title} – Repère', fr: '{title} – Repère' },
  'skip.main': { en: 'Skip to main content', fr: 'Passer au contenu principal' },
  'lang.toggle': { en: 'Français', fr: 'English' },
  'nav.label': { en: 'Main menu', fr: 'Menu principal' },
  'nav.search': { en: 'Find services', fr: 'Trouver des services' },
  'nav.referral': { en: 'Referral aid', fr: 'Aide à l’aiguillage' },
  'nav.partnerships': { en: 'Partnerships', fr: 'Partenariats' },
  'nav.sources': { en: 'Data sources', fr: 'Sources des données' },

  'footer.heading': { en: 'About the data', fr: 'À propos des données' },
  'footer.caution': {
    en: 'Information comes from open data and may be out of date: call before you go.',
    fr: 'Les renseignements proviennent de données ouvertes et peuvent ne pas être à jour\u00a0: téléphonez avant de vous déplacer.',
  },
  'footer.attribution.ogl': {
    en: 'Contains information licensed under the Open Government Licence – Canada (Statistics Canada Open Database of Healthcare Facilities; Treasury Board Secretariat Directory of Federal Real Property; Indigenous Services Canada Community Well-Being index, First Nations and Inuit community locations).',
    fr: 'Contient des informations visées par la Licence du gouvernement ouvert – Canada (Base de données ouvertes sur les établissements de soins de santé de Statistique Canada; Répertoire des biens immobiliers fédéraux du Secrétariat du Conseil du Trésor; indice du bien-être des collectivités, emplacements des Premières Nations et des communautés inuites de Services aux Autochtones Canada).',
  },
  'footer.attribution.geonames': {
    en: 'Place names and coordinates: GeoNames (geonames.org), CC BY 4.0.',
    fr: 'Noms de lieux et coordonnées\u00a0: GeoNames (geonames.org), CC BY 4.0.',
  },
  'footer.attribution.fsa': {
    en: 'FSA centroids adapted from Statistics Canada, Forward Sortation Area Boundary File, 2011 Census; includes information copied with permission from Canada Post Corporation.',
    fr: 'Centroïdes des RTA adaptés de Statistique Canada, Fichier des limites des régions de tri d’acheminement, Recensement de 2011; comprend des informations copiées avec l’autorisation de la Société canadienne des postes.',
  },
  'footer.attribution.naturalEarth': {
    en: 'Basemap boundaries: Made with Natural Earth.',
    fr: 'Limites du fond de carte\u00a0: réalisé avec Natural Earth (Made with Natural Earth).',
  },
  'footer.attribution.workbc': {
    en: 'WorkBC centre data: Province of British Columbia (Apache-2.0 repository bcgov/workbc-wage-subsidy).',
    fr: 'Données des centres WorkBC\u00a0: Province de la Colombie-Britannique (dépôt bcgov/workbc-wage-subsidy, licence Apache-2.0).',
  },
  'footer.attribution.provincial': {
    en: 'Contains information licensed under the Open Government Licence – Nova Scotia; – Ontario; – Toronto; – Vancouver; – British Columbia; and the municipal open-data licences listed on the data sources page (Données Québec data: CC BY).',
    fr: 'Contient des informations visées par la Licence du gouvernement ouvert – Nouvelle-Écosse; – Ontario; – Toronto; – Vancouver; – Colombie-Britannique; et par les licences municipales de données ouvertes énumérées à la page des sources des données (données de Données Québec\u00a0: CC BY).',
  },
  'footer.sourcesLink': {
    en: 'All data sources and licences',
    fr: 'Toutes les sources de données et leurs licences',
  },
  'footer.openSource': {
    en: 'Repère is open-source software.',
    fr: 'Repère est un logiciel libre.',
  },

  'home.title': {
    en: 'Find government services near you',
    fr: 'Trouver des services gouvernementaux près de chez vous',
  },
  'home.intro': {
    en: 'Service Canada centres, provincial and territorial offices, municipal offices, public libraries and Indigenous community offices across Canada, from open data.',
    fr: 'Centres Service Canada, bureaux provinciaux et territoriaux, bureaux municipaux, bibliothèques publiques et bureaux communautaires autochtones partout au Canada, à partir de données ouvertes.',
  },
  'home.examples': { en: 'Examples:', fr: 'Exemples\u00a0:' },
  'home.example.postal': { en: 'V9W 2P8', fr: 'H2X 1Y4' },
  'home.example.place': { en: 'Iqaluit', fr: 'Iqaluit' },
  'home.example.keywords': { en: 'passport', fr: 'emploi' },

  'search.label': { en: 'Search', fr: 'Recherche' },
  'search.heading': { en: 'Search again', fr: 'Nouvelle recherche' },
  'search.q.label': { en: 'Place, postal code or keywords', fr: 'Lieu, code postal ou mots-clés' },
  'search.q.hint': {
    en: 'For example a postal code (V9W 2P8), a town (Iqaluit) or a service (passport, emploi).',
    fr: 'Par exemple un code postal (H2X 1Y4), une localité (Iqaluit) ou un service (emploi, passeport).',
  },
  'search.more': { en: 'More options', fr: 'Plus d’options' },
  'search.moreActive.one': { en: 'More options ({count} selected)', fr: 'Plus d’options ({count} choisie)' },
  'search.moreActive.other': {
    en: 'More options ({count} selected)',
    fr: 'Plus d’options ({count} choisies)',
  },
  'search.near.label': {
    en: 'Near a place or postal code (optional)',
    fr: 'Près d’un lieu ou d’un code postal (facultatif)',
  },
  'search.near.hint': {
    en: 'Sorts keyword results by distance from this place.',
    fr: 'Trie les résultats des mots-clés selon la distance de ce lieu.',
  },
  'search.submit': { en: 'Search', fr: 'Rechercher' },

  'filter.level.legend': { en: 'Order of government', fr: 'Ordre de gouvernement' },
  'filter.channel.legend': { en: 'How the service is offered', fr: 'Mode de prestation' },
  'filter.type.label': { en: 'Type of service', fr: 'Type de service' },
  'filter.type.any': { en: 'Any type of service', fr: 'Tous les types de service' },
  'filter.open.legend': { en: 'Opening hours', fr: 'Heures d’ouverture' },
  'filter.open.label': { en: 'Open now', fr: 'Ouvert maintenant' },
  'filter.open.hint': {
    en: 'Only places whose published hours say they are open now. Many places do not publish their hours.',
    fr: 'Seulement les lieux dont les heures publiées indiquent qu’ils sont ouverts. Beaucoup de lieux ne publient pas leurs heures.',
  },

  'level.federal': { en: 'Federal', fr: 'Fédéral' },
  'level.provincial': { en: 'Provincial', fr: 'Provincial' },
  'level.territorial': { en: 'Territorial', fr: 'Territorial' },
  'level.municipal': { en: 'Municipal', fr: 'Municipal' },
  'level.indigenous': { en: 'Indigenous', fr: 'Autochtone' },
  'level.other': { en: 'Other organization', fr: 'Autre organisme' },
  'levelLong.federal': { en: 'Federal government', fr: 'Gouvernement fédéral' },
  'levelLong.provincial': { en: 'Provincial government', fr: 'Gouvernement provincial' },
  'levelLong.territorial': { en: 'Territorial government', fr: 'Gouvernement territorial' },
  'levelLong.municipal': { en: 'Municipal government', fr: 'Administration municipale' },
  'levelLong.indigenous': {
    en: 'Indigenous government or community',
    fr: 'Gouvernement ou communauté autochtone',
  },
  'levelLong.other': {
    en: 'Other organization (for example a jointly funded non-profit)',
    fr: 'Autre organisme (par exemple un organisme sans but lucratif financé conjointement)',
  },

  'channel.in_person': { en: 'In person', fr: 'En personne' },
  'channel.outreach': { en: 'Outreach (scheduled visits)', fr: 'Service itinérant (visites prévues)' },
  'channel.phone': { en: 'By phone', fr: 'Par téléphone' },
  'channel.digital': { en: 'Online', fr: 'En ligne' },

  'results.near.one': { en: '{count} result near {place}', fr: '{count} résultat près de {place}' },
  'results.near.other': { en: '{count} results near {place}', fr: '{count} résultats près de {place}' },
  'results.for.one': {
    en: '{count} result for “{query}”',
    fr: '{count} résultat pour «\u00a0{query}\u00a0»',
  },
  'results.for.other': {
    en: '{count} results for “{query}”',
    fr: '{count} résultats pour «\u00a0{query}\u00a0»',
  },
  'results.forNear.one': {
    en: '{count} result for “{query}” near {place}',
    fr: '{count} résultat pour «\u00a0{query}\u00a0» près de {place}',
  },
  'results.forNear.other': {
    en: '{count} results for “{query}” near {place}',
    fr: '{count} résultats pour «\u00a0{query}\u00a0» près de {place}',
  },
  'results.noneNear': { en: 'No results near {place}', fr: 'Aucun résultat près de {place}' },
  'results.noneFor': { en: 'No results for “{query}”', fr: 'Aucun résultat pour «\u00a0{query}\u00a0»' },
  'results.noneForNear': {
    en: 'No results for “{query}” near {place}',
    fr: 'Aucun résultat pour «\u00a0{query}\u00a0» près de {place}',
  },
  'results.problem': { en: 'Your search could not be done', fr: 'Votre recherche n’a pas pu être faite' },
  'results.yourLocation': { en: 'your location', fr: 'votre position' },
  'results.range': { en: 'Results {from} to {to}', fr: 'Résultats {from} à {to}' },
  'results.byDistance': {
    en: 'Sorted by distance, nearest first.',
    fr: 'Triés selon la distance, du plus proche au plus éloigné.',
  },
  'results.byRelevance': {
    en: 'Sorted by relevance. To sort by distance, add a place or postal code under “More options”.',
    fr: 'Triés par pertinence. Pour trier selon la distance, ajoutez un lieu ou un code postal sous «\u00a0Plus d’options\u00a0».',
  },
  'results.openNowOnly': {
    en: 'Showing only places whose published hours say they are open now.',
    fr: 'Seuls les lieux dont les heures publiées indiquent qu’ils sont ouverts sont affichés.',
  },
  'results.filtersActive.one': { en: '{count} filter is on.', fr: '{count} filtre est appliqué.' },
  'results.filtersActive.other': { en: '{count} filters are on.', fr: '{count} filtres sont appliqués.' },
  'results.help': {
    en: 'Check the spelling, try a nearby town or a postal code, or use fewer keywords.',
    fr: 'Vérifiez l’orthographe, essayez une localité voisine ou un code postal, ou utilisez moins de mots-clés.',
  },
  'results.helpFilters': {
    en: 'Some filters are on: removing them may find more places.',
    fr: 'Des filtres sont appliqués\u00a0: les retirer peut trouver plus de lieux.',
  },
  'results.removeFilters': { en: 'Search again without filters', fr: 'Refaire la recherche sans filtres' },

  'paging.label': { en: 'Result pages', fr: 'Pages de résultats' },
  'paging.status': { en: 'Page {page} of {pages}', fr: 'Page {page} de {pages}' },
  'paging.previous': { en: 'Previous page', fr: 'Page précédente' },
  'paging.next': { en: 'Next page', fr: 'Page suivante' },
  'paging.page': { en: 'Page {page}', fr: 'Page {page}' },

  'error.summary': { en: 'There is a problem with your search', fr: 'Votre recherche comporte un problème' },
  'error.prefix': { en: 'Error:', fr: 'Erreur\u00a0:' },
  'error.emptyQuery': {
    en: 'Type a place, a postal code or keywords.',
    fr: 'Tapez un lieu, un code postal ou des mots-clés.',
  },
  'error.postalNotFound': {
    en: 'We could not find the postal code {code}. Check it, or type the name of your town.',
    fr: 'Nous n’avons pas trouvé le code postal {code}. Vérifiez-le ou tapez le nom de votre localité.',
  },
  'error.nearNotFound': {
    en: 'We could not find the place “{place}”. Check the spelling, or type a postal code.',
    fr: 'Nous n’avons pas trouvé le lieu «\u00a0{place}\u00a0». Vérifiez l’orthographe ou tapez un code postal.',
  },
  'error.badLocation': {
    en: 'The position in the address of this page could not be read; results are not sorted by distance.',
    fr: 'La position dans l’adresse de cette page n’a pas pu être lue; les résultats ne sont pas triés selon la distance.',
  },

  'point.distance': { en: '{distance} away', fr: 'À {distance}' },
  'point.distanceApprox': { en: 'About {distance} away', fr: 'À environ {distance}' },
  'point.distanceUnknown': { en: 'Distance unknown', fr: 'Distance inconnue' },
  'point.level': { en: 'Order of government', fr: 'Ordre de gouvernement' },
  'point.levelLabel': { en: 'Order of government:', fr: 'Ordre de gouvernement\u00a0:' },
  'point.address': { en: 'Address', fr: 'Adresse' },
  'point.email': { en: 'Email', fr: 'Courriel' },
  'point.website': { en: 'Website', fr: 'Site Web' },
  'point.languages': { en: 'Languages', fr: 'Langues' },
  'point.hours': { en: 'Hours', fr: 'Heures' },
  'point.noAddress': { en: 'No street address published', fr: 'Aucune adresse municipale publiée' },
  'phone.voice': { en: 'Phone', fr: 'Téléphone' },
  'phone.toll_free': { en: 'Toll-free', fr: 'Sans frais' },
  'phone.tty': { en: 'TTY', fr: 'ATS' },
  'phone.fax': { en: 'Fax', fr: 'Télécopieur' },
  'phone.extension': { en: 'ext. {extension}', fr: 'poste {extension}' },
  'precision.fsa': {
    en: 'Approximate location: centre of the postal code area {fsa}',
    fr: 'Emplacement approximatif\u00a0: centre de la zone postale {fsa}',
  },
  'precision.fsaUnnamed': {
    en: 'Approximate location: centre of the postal code area',
    fr: 'Emplacement approximatif\u00a0: centre de la zone postale',
  },
  'precision.community': {
    en: 'Approximate location: centre of the community',
    fr: 'Emplacement approximatif\u00a0: centre de la localité',
  },
  'precision.csd': {
    en: 'Approximate location: centre of the municipality',
    fr: 'Emplacement approximatif\u00a0: centre de la municipalité',
  },
  'precision.none': {
    en: 'Not on the map: this place could not be located.',
    fr: 'Absent de la carte\u00a0: ce lieu n’a pas pu être situé.',
  },
  'precision.building': {
    en: 'Located at the building, from the coordinates published by the source.',
    fr: 'Situé au bâtiment, selon les coordonnées publiées par la source.',
  },
  'precision.street': { en: 'Located on the street.', fr: 'Situé dans la rue.' },
  'precision.postal_code': { en: 'Located at the postal code.', fr: 'Situé au code postal.' },
  'precision.approximateHelp': {
    en: 'The source gives no exact position, so the point on the map and the distances are estimates. Check the address before you go.',
    fr: 'La source ne donne pas de position exacte\u00a0: le point sur la carte et les distances sont des estimations. Vérifiez l’adresse avant de vous déplacer.',
  },

  'location.nameIn.en': { en: 'Name in English', fr: 'Nom en anglais' },
  'location.nameIn.fr': { en: 'Name in French', fr: 'Nom en français' },
  'location.contact': { en: 'Contact', fr: 'Coordonnées' },
  'location.about': { en: 'About this service point', fr: 'À propos de ce point de service' },
  'location.organization': { en: 'Organization', fr: 'Organisation' },
  'location.channel': { en: 'How the service is offered', fr: 'Mode de prestation' },
  'location.serviceTypes': { en: 'Services', fr: 'Services' },
  'location.description': { en: 'Description', fr: 'Description' },
  'location.officialLanguages': { en: 'Official-language designation', fr: 'Désignation linguistique' },
  'official.en': { en: 'English', fr: 'Anglais' },
  'official.fr': { en: 'French', fr: 'Français' },
  'official.en+fr': { en: 'Bilingual: English and French', fr: 'Bilingue\u00a0: français et anglais' },
  'location.hours': { en: 'Opening hours', fr: 'Heures d’ouverture' },
  'location.timeZone': { en: 'Time zone: {zone} ({id})', fr: 'Fuseau horaire\u00a0: {zone} ({id})' },
  'location.hoursCaption': {
    en: 'Opening hours, Monday to Sunday, in local time',
    fr: 'Heures d’ouverture, du lundi au dimanche, à l’heure locale',
  },
  'location.day': { en: 'Day', fr: 'Jour' },
  'location.hoursAsPublished': {
    en: 'Hours as published by the source',
    fr: 'Heures telles que publiées par la source',
  },
  'location.hoursUnknown': {
    en: 'The source does not publish opening hours for this place. Call before you go.',
    fr: 'La source ne publie pas les heures d’ouverture de ce lieu. Téléphonez avant de vous déplacer.',
  },
  'location.hoursPartial': {
    en: 'Part of the published hours could not be read; check the text as published below.',
    fr: 'Une partie des heures publiées n’a pas pu être lue; consultez le texte publié ci-dessous.',
  },
  'location.closedHolidays': { en: 'Closed on statutory holidays.', fr: 'Fermé les jours fériés.' },
  'location.holidays': {
    en: 'Hours may differ on statutory holidays.',
    fr: 'Les heures peuvent différer les jours fériés.',
  },
  'location.where': { en: 'Location', fr: 'Emplacement' },
  'location.coordinates': { en: 'Latitude {lat}, longitude {lon}', fr: 'Latitude {lat}, longitude {lon}' },
  'location.nearby': {
    en: 'Nearby service points of other orders of government',
    fr: 'Points de service à proximité d’autres ordres de gouvernement',
  },
  'location.nearbyNone': {
    en: 'No service point of another order of government was found.',
    fr: 'Aucun point de service d’un autre ordre de gouvernement n’a été trouvé.',
  },
  'location.nearbyUnlocated': {
    en: 'This place is not located, so nearby service points cannot be listed.',
    fr: 'Ce lieu n’est pas situé\u00a0: les points de service à proximité ne peuvent pas être énumérés.',
  },
  'location.source': { en: 'Source of this information', fr: 'Source de ces renseignements' },
  'location.sourceTitle': { en: 'Source', fr: 'Source' },
  'location.licence': { en: 'Licence', fr: 'Licence' },
  'location.retrieved': { en: 'Retrieved', fr: 'Date d’obtention' },
  'location.lastVerified': { en: 'Last verified', fr: 'Dernière vérification' },
  'location.neverVerified': { en: 'Never verified', fr: 'Jamais vérifié' },
  'location.recordId': { en: 'Identifier', fr: 'Identifiant' },
  'location.partnerships': { en: 'Partnerships between governments here', fr: 'Partenariats entre gouvernements à cet endroit' },
  'location.correction': { en: 'Report a correction', fr: 'Signaler une correction' },
  'location.correctionHint': {
    en: 'Opens your email program with the name and identifier of this place filled in.',
    fr: 'Ouvre votre logiciel de courriel avec le nom et l’identifiant de ce lieu déjà inscrits.',
  },
  'location.correctionSubject': { en: 'Correction: {name} ({id})', fr: 'Correction\u00a0: {name} ({id})' },
  'location.correctionBody': {
    en: 'Service point: {name}\nIdentifier: {id}\nPage: {url}\n\nWhat should be corrected:\n',
    fr: 'Point de service\u00a0: {name}\nIdentifiant\u00a0: {id}\nPage\u00a0: {url}\n\nCe qui doit être corrigé\u00a0:\n',
  },
  'location.backToSearch': {
    en: 'Search for other service points',
    fr: 'Chercher d’autres points de service',
  },

  'licence.unclear': { en: 'Licence unclear', fr: 'Licence incertaine' },
  'licence.unclearHelp': {
    en: 'The publisher states no licence for this data.',
    fr: 'L’éditeur n’indique aucune licence pour ces données.',
  },

  'sources.title': { en: 'Data sources and licences', fr: 'Sources des données et licences' },
  'sources.intro': {
    en: 'Every service point comes from one of these open-data sources. Where the publisher states no licence, the source is marked “licence unclear”.',
    fr: 'Chaque point de service provient de l’une de ces sources de données ouvertes. Quand l’éditeur n’indique aucune licence, la source porte la mention «\u00a0licence incertaine\u00a0».',
  },
  'sources.records.one': { en: '{count} record', fr: '{count} enregistrement' },
  'sources.records.other': { en: '{count} records', fr: '{count} enregistrements' },
  'sources.none': { en: 'No source has been imported yet.', fr: 'Aucune source n’a encore été importée.' },

  'map.label': { en: 'Map of the service points listed', fr: 'Carte des points de service de la liste' },
  'map.labelLocation': {
    en: 'Map of this service point and its neighbours',
    fr: 'Carte de ce point de service et de ses voisins',
  },
  'map.useMyLocation': { en: 'Use my location', fr: 'Utiliser ma position' },
  'map.communities': {
    en: 'First Nations and Inuit communities',
    fr: 'Communautés des Premières Nations et inuites',
  },
  'map.detail': { en: 'Details', fr: 'Détails' },
  'map.approximate': { en: 'Approximate location', fr: 'Emplacement approximatif' },
  'map.locating': { en: 'Locating…', fr: 'Localisation en cours…' },
  'map.locationDenied': {
    en: 'Your location could not be found.',
    fr: 'Votre position n’a pas pu être trouvée.',
  },

  'notFound.title': { en: 'Page not found', fr: 'Page introuvable' },
  'notFound.text': {
    en: 'We could not find this page. The address may be mistyped, or the page may have moved.',
    fr: 'Nous n’avons pas trouvé cette page. L’adresse est peut-être mal tapée, ou la page a été déplacée.',
  },
  'notFound.location': {
    en: 'We could not find this service point. It may have been removed from the data, or its identifier may have changed.',
    fr: 'Nous n’avons pas trouvé ce point de service. Il a peut-être été retiré des données, ou son identifiant a changé.',
  },
  'notFound.search': { en: 'Search for service points', fr: 'Chercher des points de service' },
  'serverError.title': { en: 'Something went wrong', fr: 'Une erreur s’est produite' },
  'serverError.text': {
    en: 'The page could not be shown because of an error on our side. Please try again in a few minutes.',
    fr: 'La page n’a pas pu être affichée à cause d’une erreur de notre côté. Veuillez réessayer dans quelques minutes.',
  },
} as const satisfies Record<string, Message>;

/** Every key of the catalogue; `t()` accepts nothing else, so a typo fails type-checking. */
export type MessageKey = keyof typeof CATALOGUE;

/** The one message catalogue of the pages (English and French side by side). */
export const MESSAGES: Readonly<Record<MessageKey, Message>> = CATALOGUE;

/** Keys `base` for which both `base.one` and `base.other` exist (see `tp`). */
export type PluralKey = {
  [K in MessageKey]: K extends `${infer Base}.one`
    ? `${Base}.other` extends MessageKey
      ? Base
      : never
    : never;
}[MessageKey];

export type MessageParams = Readonly<Record<string, string | number>>;

const PLACEHOLDER = /\{(\w+)\}/g;
const NUMBER_FORMATS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en-CA'),
  fr: new Intl.NumberFormat('fr-CA'),
};
const PLURAL_RULES: Readonly<Record<Lang, Intl.PluralRules>> = {
  en: new Intl.PluralRules('en-CA'),
  fr: new Intl.PluralRules('fr-CA'),
};

/**
 * The message `key` in `lang` with its `{name}` placeholders filled; numbers are written the
 * way the language does ("1,234" / "1 234"). A placeholder without a value is a bug: it throws.
 * @example t('fr', 'paging.status', { page: 2, pages: 5 }) // 'Page 2 de 5'
 */
export function t(lang: Lang, key: MessageKey, params: MessageParams = {}): string {
  const template = MESSAGES[key][lang];
  return template.replace(PLACEHOLDER, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message "${key}" needs a value for {${name}}, found none`);
    return typeof value === 'number' ? NUMBER_FORMATS[lang].format(value) : value;
  });
}

/**
 * The singular or plural form of `base` for `count` (French counts 0 and 1 as singular),
 * with `{count}` set.
 * @example tp('en', 'sources.records', 1) // '1 record'
 */
export function tp(lang: Lang, base: PluralKey, count: number, params: MessageParams = {}): string {
  const form = PLURAL_RULES[lang].select(count) === 'one' ? 'one' : 'other';
  return t(lang, `${base}.${form}` as MessageKey, { ...params, count });
}

/** The placeholder names of a message text, sorted (used by the catalogue test). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();
}
