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
  'nav.analysis': { en: 'Analysis', fr: 'Analyse' },

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
  'sources.stale': { en: 'Possibly out of date: {days} days old', fr: 'Peut-être périmée\u00a0: {days} jours' },
  'sources.lastImported': { en: 'Last imported', fr: 'Dernière importation' },
  'sources.qualityCaption': { en: 'Quality figures of {title}', fr: 'Indicateurs de qualité de {title}' },
  'sources.records.one': { en: '{count} record', fr: '{count} enregistrement' },
  'sources.records.other': { en: '{count} records', fr: '{count} enregistrements' },
  'sources.rowsRead': { en: 'Rows read at the last import', fr: 'Lignes lues à la dernière importation' },
  'sources.rejected': { en: 'Rows rejected', fr: 'Lignes rejetées' },
  'sources.duplicatesWithin': { en: 'Duplicate rows within the source', fr: 'Lignes en double dans la source' },
  'sources.duplicatesAcross': { en: 'Likely duplicates of other sources (kept)', fr: 'Doublons probables d’autres sources (conservés)' },
  'sources.located': { en: 'Located', fr: 'Localisés' },
  'sources.precise': { en: 'Located at the building, street or postal code', fr: 'Localisés au bâtiment, à la rue ou au code postal' },
  'sources.approximate': { en: 'Located approximately (postal area, community or census subdivision)', fr: 'Localisés approximativement (région postale, communauté ou subdivision de recensement)' },
  'sources.withPhone': { en: 'With a phone number', fr: 'Avec un numéro de téléphone' },
  'sources.withEmail': { en: 'With an e-mail address', fr: 'Avec une adresse courriel' },
  'sources.withWebsite': { en: 'With a website', fr: 'Avec un site Web' },
  'sources.withHours': { en: 'With opening hours', fr: 'Avec des heures d’ouverture' },
  'sources.municipalGaps': { en: 'Places without a municipal source', fr: 'Endroits sans source municipale' },
  'sources.municipalGapsIntro': {
    en: '{covered} of {total} census subdivisions ({share} of the population) have municipal service points in Repère. The most populous of the others, where an authoritative municipal source is most needed (matched to the nearest census subdivision point, so approximate):',
    fr: '{covered} des {total} subdivisions de recensement ({share} de la population) ont des points de service municipaux dans Repère. Les plus peuplées des autres, où une source municipale officielle manque le plus (associées au point de subdivision le plus proche, donc approximativement)\u00a0:',
  },
  'sources.municipalGapsCaption': { en: 'Most populous census subdivisions without a municipal source', fr: 'Subdivisions de recensement les plus peuplées sans source municipale' },
  'sources.csd': { en: 'Census subdivision', fr: 'Subdivision de recensement' },
  'sources.population': { en: 'Population (2021)', fr: 'Population (2021)' },
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

  'signin.title': { en: 'Sign in to the analysis', fr: 'Connexion à l’analyse' },
  'signin.intro': {
    en: 'The analysis pages are for government analysts with an account. Sign in with your email address and password.',
    fr: 'Les pages d’analyse sont réservées aux analystes du gouvernement qui ont un compte. Connectez-vous avec votre adresse courriel et votre mot de passe.',
  },
  'signin.email': { en: 'Email address', fr: 'Adresse courriel' },
  'signin.password': { en: 'Password', fr: 'Mot de passe' },
  'signin.submit': { en: 'Sign in', fr: 'Se connecter' },
  'signin.help': {
    en: 'No account? Ask the administrator of this site: accounts are created with the command “repere user add”.',
    fr: 'Pas de compte? Demandez-en un à l’administrateur du site\u00a0: les comptes sont créés avec la commande «\u00a0repere user add\u00a0».',
  },
  'signin.signOut': { en: 'Sign out', fr: 'Se déconnecter' },
  'signin.signedOut': { en: 'You are signed out.', fr: 'Vous êtes déconnecté.' },
  'signin.toAnalysis': { en: 'Go to the analysis', fr: 'Aller à l’analyse' },
  'signin.error.heading': { en: 'You could not be signed in', fr: 'La connexion n’a pas réussi' },
  'signin.error.refused': {
    en: 'The email address or the password is incorrect.',
    fr: 'L’adresse courriel ou le mot de passe est incorrect.',
  },
  'signin.error.missing': {
    en: 'Enter your email address and your password.',
    fr: 'Entrez votre adresse courriel et votre mot de passe.',
  },
  'signin.error.expired': {
    en: 'The form had expired or did not come from this site. Please try again.',
    fr: 'Le formulaire avait expiré ou ne venait pas de ce site. Veuillez réessayer.',
  },
  'signin.error.wait': {
    en: 'Too many unsuccessful attempts. Try again in {minutes} min.',
    fr: 'Trop de tentatives infructueuses. Réessayez dans {minutes}\u00a0min.',
  },

  'analysis.title': { en: 'Who is far from service', fr: 'Qui est loin des services' },
  'analysis.intro': {
    en: 'Coverage, accessibility, underserved communities, co-location and partnership opportunities, and where new sites would help most, for the service points you choose. Every table can be downloaded as CSV or GeoJSON.',
    fr: 'Couverture, accessibilité, communautés mal desservies, occasions de colocalisation et de partenariat, et endroits où de nouveaux points aideraient le plus, pour les points de service choisis. Chaque tableau peut être téléchargé en CSV ou en GeoJSON.',
  },
  'analysis.signedInAs': { en: 'Signed in as', fr: 'Connecté en tant que' },
  'analysis.form.heading': { en: 'Parameters', fr: 'Paramètres' },
  'analysis.form.metric': { en: 'Measure shown on the map', fr: 'Mesure affichée sur la carte' },
  'analysis.metric.distance': { en: 'Distance to the nearest point', fr: 'Distance du point le plus proche' },
  'analysis.metric.access': {
    en: 'Accessibility score (supply per person, relative to the average)',
    fr: 'Indice d’accessibilité (offre par personne, par rapport à la moyenne)',
  },
  'analysis.form.radius': { en: 'Radius (km)', fr: 'Rayon (km)' },
  'analysis.form.radiusHint': {
    en: 'People within this distance of a point count as served; it is also the catchment of the accessibility score. Default 50 km, Service Canada’s in-person standard.',
    fr: 'Les personnes à cette distance d’un point ou moins sont considérées comme desservies; c’est aussi la zone d’attraction de l’indice d’accessibilité. Par défaut 50\u00a0km, la norme de Service Canada pour le service en personne.',
  },
  'analysis.form.method': { en: 'Accessibility method', fr: 'Méthode d’accessibilité' },
  'analysis.form.methodHint': {
    en: 'Used for the accessibility score.',
    fr: 'Sert à l’indice d’accessibilité.',
  },
  'analysis.method.2sfca': {
    en: 'Two-step floating catchment (2SFCA)',
    fr: 'Zone d’attraction flottante en deux étapes (2SFCA)',
  },
  'analysis.method.e2sfca': {
    en: 'Enhanced 2SFCA, weighted by distance band (E2SFCA)',
    fr: '2SFCA amélioré, pondéré par tranche de distance (E2SFCA)',
  },
  'analysis.method.gravity': { en: 'Gravity model (power decay)', fr: 'Modèle gravitaire (décroissance en puissance)' },
  'analysis.form.budget': { en: 'New sites to suggest', fr: 'Nouveaux points à suggérer' },
  'analysis.form.budgetHint': {
    en: 'From 1 to 100. Default 10.',
    fr: 'De 1 à 100. Par défaut 10.',
  },
  'analysis.form.points': { en: 'Service points measured', fr: 'Points de service mesurés' },
  'analysis.form.layers': { en: 'Layers', fr: 'Couches' },
  'analysis.form.layersHint': {
    en: 'None checked: every layer.',
    fr: 'Aucune case cochée\u00a0: toutes les couches.',
  },
  'analysis.form.layerDetail': { en: '({layer}, {count} points)', fr: '({layer}, {count}\u00a0points)' },
  'analysis.form.channelsHint': {
    en: 'None checked: in person and outreach. Phone lines and websites have no place to be near.',
    fr: 'Aucune case cochée\u00a0: en personne et service itinérant. Les lignes téléphoniques et les sites Web n’ont pas d’emplacement.',
  },
  'analysis.form.submit': { en: 'Update the analysis', fr: 'Mettre à jour l’analyse' },
  'analysis.error.summary': {
    en: 'There is a problem with the parameters',
    fr: 'Les paramètres comportent un problème',
  },
  'analysis.error.radius': {
    en: 'Enter a radius in kilometres, more than 0 and at most 1,000.',
    fr: 'Entrez un rayon en kilomètres, supérieur à 0 et d’au plus 1\u00a0000.',
  },
  'analysis.error.budget': {
    en: 'Enter a whole number of sites from 1 to 100.',
    fr: 'Entrez un nombre entier de points de 1 à 100.',
  },
  'analysis.error.method': {
    en: 'Choose one of the accessibility methods listed.',
    fr: 'Choisissez une des méthodes d’accessibilité proposées.',
  },
  'analysis.error.layers': {
    en: 'A chosen layer has no located service point with these orders of government and channels.',
    fr: 'Une couche choisie n’a aucun point de service localisé avec ces ordres de gouvernement et ces modes de prestation.',
  },
  'analysis.error.choice': {
    en: 'Choose among the values listed.',
    fr: 'Choisissez parmi les valeurs proposées.',
  },
  'analysis.error.other': {
    en: 'A parameter is not valid ({reason}).',
    fr: 'Un paramètre n’est pas valide ({reason}).',
  },
  'analysis.summary.heading': { en: 'Summary', fr: 'Résumé' },
  'analysis.summary.lead': {
    en: '{share} of the located population lives within {radius} km of one of the {points} points measured.',
    fr: '{share} de la population localisée habite à {radius}\u00a0km ou moins d’un des {points}\u00a0points mesurés.',
  },
  'analysis.summary.located': { en: 'Located population', fr: 'Population localisée' },
  'analysis.summary.covered': { en: 'Within {radius} km', fr: 'À {radius}\u00a0km ou moins' },
  'analysis.summary.beyond': { en: 'Farther than {radius} km', fr: 'À plus de {radius}\u00a0km' },
  'analysis.summary.beyondValue': {
    en: '{population} people in {units} census subdivisions',
    fr: '{population}\u00a0personnes dans {units}\u00a0subdivisions de recensement',
  },
  'analysis.summary.communities': {
    en: 'First Nations and Inuit community points farther than {radius} km',
    fr: 'Points de communautés des Premières Nations et inuites à plus de {radius}\u00a0km',
  },
  'analysis.summary.communitiesValue': { en: '{beyond} of {measured}', fr: '{beyond} sur {measured}' },
  'analysis.summary.unlocated': {
    en: 'Population of census subdivisions without a location (not counted)',
    fr: 'Population des subdivisions de recensement sans emplacement (non comptée)',
  },
  'analysis.summary.approximate': {
    en: 'Share of the population with an approximate location',
    fr: 'Part de la population dont l’emplacement est approximatif',
  },
  'analysis.summary.siting': { en: 'Coverage with {budget} new sites', fr: 'Couverture avec {budget}\u00a0nouveaux points' },
  'analysis.summary.sitingValue': { en: 'from {before} to {after}', fr: 'de {before} à {after}' },
  'analysis.map.heading': { en: 'Map', fr: 'Carte' },
  'analysis.map.label': {
    en: 'Map of census subdivisions as circles sized by population, with service points and communities',
    fr: 'Carte des subdivisions de recensement en cercles proportionnels à la population, avec les points de service et les communautés',
  },
  'analysis.map.introDistance': {
    en: 'Each circle is a census subdivision: its area shows the population, its colour the distance to the nearest point. The map needs JavaScript;',
    fr: 'Chaque cercle est une subdivision de recensement\u00a0: sa surface montre la population, sa couleur la distance du point le plus proche. La carte demande JavaScript;',
  },
  'analysis.map.introAccess': {
    en: 'Each circle is a census subdivision: its area shows the population, its colour the accessibility score. The map needs JavaScript;',
    fr: 'Chaque cercle est une subdivision de recensement\u00a0: sa surface montre la population, sa couleur l’indice d’accessibilité. La carte demande JavaScript;',
  },
  'analysis.map.alternative': {
    en: 'the table of census subdivisions gives the same figures.',
    fr: 'le tableau des subdivisions de recensement donne les mêmes chiffres.',
  },
  'analysis.legend.distanceTitle': {
    en: 'Distance to the nearest point (circle area: population)',
    fr: 'Distance du point le plus proche (surface du cercle\u00a0: population)',
  },
  'analysis.legend.accessTitle': {
    en: 'Accessibility score, 1 = average (circle area: population)',
    fr: 'Indice d’accessibilité, 1 = moyenne (surface du cercle\u00a0: population)',
  },
  'analysis.legend.within': { en: '{km} km or less', fr: '{km}\u00a0km ou moins' },
  'analysis.legend.between': { en: '{from} to {to} km', fr: 'de {from} à {to}\u00a0km' },
  'analysis.legend.beyond': { en: 'more than {km} km', fr: 'plus de {km}\u00a0km' },
  'analysis.legend.accessNone': { en: '0 (no point in reach)', fr: '0 (aucun point à portée)' },
  'analysis.legend.accessBelow': { en: 'less than {value}', fr: 'moins de {value}' },
  'analysis.legend.accessBetween': { en: '{from} to {to}', fr: 'de {from} à {to}' },
  'analysis.legend.accessAbove': { en: '{value} or more', fr: '{value} ou plus' },
  'analysis.legend.missing': { en: 'No point in reach', fr: 'Aucun point à portée' },
  'analysis.distance.heading': { en: 'Distance to the nearest point', fr: 'Distance du point le plus proche' },
  'analysis.distance.chartTitle': {
    en: 'Population by distance to the nearest point',
    fr: 'Population selon la distance du point le plus proche',
  },
  'analysis.distance.chartDesc': {
    en: 'Bar chart of the located population in each distance band; {beyond} people live farther than {radius} km.',
    fr: 'Diagramme à barres de la population localisée par tranche de distance; {beyond}\u00a0personnes habitent à plus de {radius}\u00a0km.',
  },
  'analysis.distance.xLabel': { en: 'Distance to the nearest point (km)', fr: 'Distance du point le plus proche (km)' },
  'analysis.distance.yLabel': { en: 'People', fr: 'Personnes' },
  'analysis.distance.caption': {
    en: 'Bars: people in each distance band; above each bar, its share of the located population.',
    fr: 'Barres\u00a0: personnes par tranche de distance; au-dessus de chaque barre, sa part de la population localisée.',
  },
  'analysis.distance.tableCaption': {
    en: 'Located population by distance to the nearest point',
    fr: 'Population localisée selon la distance du point le plus proche',
  },
  'analysis.band.range': { en: '{from}–{to} km', fr: '{from}–{to}\u00a0km' },
  'analysis.band.beyond': { en: 'over {from} km', fr: 'plus de {from}\u00a0km' },
  'analysis.chart.data': { en: 'Data table: {chart}', fr: 'Tableau de données\u00a0: {chart}' },
  'analysis.cumulative.chartTitle': {
    en: 'Cumulative population coverage by distance',
    fr: 'Couverture cumulée de la population selon la distance',
  },
  'analysis.cumulative.chartDesc': {
    en: 'Line chart of the share of the located population within each distance of a point, on a logarithmic distance scale: {share} within {radius} km, {share100} within 100 km.',
    fr: 'Graphique linéaire de la part de la population localisée à chaque distance d’un point ou moins, sur une échelle de distance logarithmique\u00a0: {share} à {radius}\u00a0km ou moins, {share100} à 100\u00a0km ou moins.',
  },
  'analysis.cumulative.xLabel': {
    en: 'Distance to the nearest point (km, logarithmic scale)',
    fr: 'Distance du point le plus proche (km, échelle logarithmique)',
  },
  'analysis.cumulative.yLabel': { en: 'Population covered', fr: 'Population couverte' },
  'analysis.cumulative.marker': { en: 'radius {radius} km', fr: 'rayon {radius}\u00a0km' },
  'analysis.cumulative.caption': {
    en: 'The curve reaches the coverage share at the radius (dashed line).',
    fr: 'La courbe atteint le taux de couverture au rayon (ligne pointillée).',
  },
  'analysis.cumulative.tableCaption': {
    en: 'Share of the located population within each distance',
    fr: 'Part de la population localisée à chaque distance ou moins',
  },
  'analysis.provinces.heading': { en: 'Coverage by province and territory', fr: 'Couverture par province et territoire' },
  'analysis.provinces.caption': {
    en: 'Population within the radius, by province and territory',
    fr: 'Population à l’intérieur du rayon, par province et territoire',
  },
  'analysis.noProvince': { en: 'Unknown', fr: 'Inconnue' },
  'analysis.units.distanceHeading': {
    en: 'Census subdivisions by distance',
    fr: 'Subdivisions de recensement selon la distance',
  },
  'analysis.units.accessHeading': {
    en: 'Census subdivisions by accessibility',
    fr: 'Subdivisions de recensement selon l’accessibilité',
  },
  'analysis.units.distanceIntro': {
    en: 'The figures of the map: each located census subdivision, its population and the distance to its nearest point. Sort by any column; download the whole table below.',
    fr: 'Les chiffres de la carte\u00a0: chaque subdivision de recensement localisée, sa population et la distance de son point le plus proche. Triez selon n’importe quelle colonne; téléchargez le tableau complet ci-dessous.',
  },
  'analysis.units.accessIntro': {
    en: 'The figures of the map: each located census subdivision, its population and its accessibility score (1 is the average resident’s access, 0 means no point in reach). Sort by any column; download the whole table below.',
    fr: 'Les chiffres de la carte\u00a0: chaque subdivision de recensement localisée, sa population et son indice d’accessibilité (1 correspond à l’accès du résident moyen, 0 à aucun point à portée). Triez selon n’importe quelle colonne; téléchargez le tableau complet ci-dessous.',
  },
  'analysis.units.distanceCaption': {
    en: 'Census subdivisions and their distance to the nearest point',
    fr: 'Subdivisions de recensement et distance de leur point le plus proche',
  },
  'analysis.units.accessCaption': {
    en: 'Census subdivisions and their accessibility score',
    fr: 'Subdivisions de recensement et leur indice d’accessibilité',
  },
  'analysis.table.shown': {
    en: '(first {shown} of {total}, by {column}, {order})',
    fr: '({shown} premières lignes sur {total}, par {column}, {order})',
  },
  'analysis.table.ascending': { en: 'ascending', fr: 'ordre croissant' },
  'analysis.table.descending': { en: 'descending', fr: 'ordre décroissant' },
  'analysis.download': { en: 'Download:', fr: 'Télécharger\u00a0:' },
  'analysis.yes': { en: 'Yes', fr: 'Oui' },
  'analysis.no': { en: 'No', fr: 'Non' },
  'analysis.underserved.heading': { en: 'Underserved communities', fr: 'Communautés mal desservies' },
  'analysis.underserved.intro': {
    en: 'Census subdivisions farther than {radius} km from every point, ranked by population weighted by low Community Well-Being (CWB) and, for First Nations and Inuit communities, by {weight}.',
    fr: 'Subdivisions de recensement à plus de {radius}\u00a0km de tout point, classées selon leur population pondérée par un faible indice de bien-être des collectivités (IBC) et, pour les communautés des Premières Nations et inuites, par {weight}.',
  },
  'analysis.underserved.caption': {
    en: 'Underserved census subdivisions',
    fr: 'Subdivisions de recensement mal desservies',
  },
  'analysis.communities.heading': {
    en: 'First Nations and Inuit community points farther than {radius} km',
    fr: 'Points des communautés des Premières Nations et inuites à plus de {radius}\u00a0km',
  },
  'analysis.communities.caption': {
    en: 'Underserved First Nations and Inuit communities',
    fr: 'Communautés des Premières Nations et inuites mal desservies',
  },
  'analysis.communityType.first_nations': { en: 'First Nations', fr: 'Premières Nations' },
  'analysis.communityType.inuit': { en: 'Inuit', fr: 'Inuit' },
  'analysis.communityType.non_indigenous': { en: 'Non-Indigenous', fr: 'Non autochtone' },
  'analysis.communityType.other': { en: 'Other', fr: 'Autre' },
  'analysis.communityKind.first_nation': { en: 'First Nation', fr: 'Première Nation' },
  'analysis.communityKind.inuit': { en: 'Inuit community', fr: 'Communauté inuite' },
  'analysis.opportunities.heading': {
    en: 'Co-location and partnership opportunities',
    fr: 'Occasions de colocalisation et de partenariat',
  },
  'analysis.opportunities.intro': {
    en: 'Places where two orders of government could share a site or a room. Each is a candidate partnership, to compare with those that exist already:',
    fr: 'Endroits où deux ordres de gouvernement pourraient partager un lieu ou une salle. Chacun est un partenariat possible, à comparer à ceux qui existent déjà\u00a0:',
  },
  'analysis.opportunities.catalogue': {
    en: 'service-delivery partnerships in Canada',
    fr: 'partenariats de prestation de services au Canada',
  },
  'analysis.partnerships.heading': {
    en: 'Outreach sites an office of another order could host',
    fr: 'Services itinérants qu’un bureau d’un autre ordre pourrait accueillir',
  },
  'analysis.partnerships.intro': {
    en: 'Scheduled outreach visits with an in-person office of another order of government within {km} km (not already within {metres} m).',
    fr: 'Visites itinérantes prévues avec un bureau en personne d’un autre ordre de gouvernement à {km}\u00a0km ou moins (mais pas déjà à {metres}\u00a0m ou moins).',
  },
  'analysis.partnerships.caption': {
    en: 'Candidate partnerships: outreach sites and possible hosts',
    fr: 'Partenariats possibles\u00a0: services itinérants et hôtes possibles',
  },
  'analysis.pairs.heading': {
    en: 'Offices of different orders side by side',
    fr: 'Bureaux d’ordres différents côte à côte',
  },
  'analysis.pairs.intro': {
    en: 'Points of two orders of government within {metres} m of each other: they could share a site, or already do.',
    fr: 'Points de deux ordres de gouvernement à {metres}\u00a0m ou moins l’un de l’autre\u00a0: ils pourraient partager un lieu, ou le font déjà.',
  },
  'analysis.pairs.caption': {
    en: 'Co-located points of different orders of government',
    fr: 'Points colocalisés d’ordres de gouvernement différents',
  },
  'analysis.partnership.candidate': { en: 'Candidate partnership', fr: 'Partenariat possible' },
  'analysis.partnership.existing': { en: 'Existing: {name}', fr: 'Existant\u00a0: {name}' },
  'analysis.opportunities.singleHeading': {
    en: 'Census subdivisions reached by one order of government only (within {radius} km)',
    fr: 'Subdivisions de recensement desservies par un seul ordre de gouvernement (à {radius}\u00a0km ou moins)',
  },
  'analysis.opportunities.singleOrder': {
    en: '{level}: {units} census subdivisions, {population} people',
    fr: '{level}\u00a0: {units}\u00a0subdivisions de recensement, {population}\u00a0personnes',
  },
  'analysis.opportunities.singleNone': {
    en: 'None: every census subdivision in reach is served by several orders of government, or by none.',
    fr: 'Aucune\u00a0: chaque subdivision de recensement à portée est desservie par plusieurs ordres de gouvernement, ou par aucun.',
  },
  'analysis.siting.heading': { en: 'Where new sites would help most', fr: 'Où de nouveaux points aideraient le plus' },
  'analysis.siting.intro': {
    en: 'Up to {budget} new sites, each covering {radius} km, chosen one at a time among federal buildings, community points and census subdivisions to reach the most people not yet covered, weighted by vulnerability, then improved by swaps.',
    fr: 'Jusqu’à {budget}\u00a0nouveaux points couvrant chacun {radius}\u00a0km, choisis un à la fois parmi les immeubles fédéraux, les points de communautés et les subdivisions de recensement pour joindre le plus de personnes non couvertes, pondérées selon leur vulnérabilité, puis améliorés par échanges.',
  },
  'analysis.siting.chartTitle': { en: 'People newly covered by each added site', fr: 'Personnes nouvellement couvertes par chaque point ajouté' },
  'analysis.siting.chartDesc': {
    en: 'Bar chart of the people each suggested site newly covers, in the order the sites are added: {sites} sites cover {population} more people; the first covers {first}.',
    fr: 'Diagramme à barres des personnes que chaque point suggéré couvre en plus, dans l’ordre d’ajout\u00a0: {sites}\u00a0points couvrent {population}\u00a0personnes de plus; le premier en couvre {first}.',
  },
  'analysis.siting.xLabel': { en: 'Site, in the order added', fr: 'Point, dans l’ordre d’ajout' },
  'analysis.siting.yLabel': { en: 'People newly covered', fr: 'Personnes nouvellement couvertes' },
  'analysis.siting.caption': {
    en: 'Each site’s gain is what it adds to the sites before it; the table below names them.',
    fr: 'Le gain de chaque point est ce qu’il ajoute aux points précédents; le tableau ci-dessous les nomme.',
  },
  'analysis.siting.stoppedEarly': {
    en: 'No other candidate site would cover anyone more.',
    fr: 'Aucun autre point candidat ne couvrirait une personne de plus.',
  },
  'analysis.sites.caption': { en: 'Suggested sites, in the order added', fr: 'Points suggérés, dans l’ordre d’ajout' },
  'analysis.candidate.candidate_site': { en: 'Federal building', fr: 'Immeuble fédéral' },
  'analysis.candidate.community': { en: 'Community point', fr: 'Point de communauté' },
  'analysis.candidate.csd': { en: 'Census subdivision', fr: 'Subdivision de recensement' },
  'analysis.col.name': { en: 'Name', fr: 'Nom' },
  'analysis.col.province': { en: 'Province or territory', fr: 'Province ou territoire' },
  'analysis.col.population': { en: 'Population', fr: 'Population' },
  'analysis.col.nearest': { en: 'Nearest point', fr: 'Point le plus proche' },
  'analysis.col.covered': { en: 'Within {radius} km', fr: 'À {radius}\u00a0km ou moins' },
  'analysis.col.access': { en: 'Accessibility score', fr: 'Indice d’accessibilité' },
  'analysis.col.located': { en: 'Located population', fr: 'Population localisée' },
  'analysis.col.populationCovered': { en: 'Population covered', fr: 'Population couverte' },
  'analysis.col.coverageShare': { en: 'Coverage', fr: 'Couverture' },
  'analysis.col.unlocated': { en: 'Not located', fr: 'Non localisée' },
  'analysis.col.rank': { en: 'Rank', fr: 'Rang' },
  'analysis.col.communityType': { en: 'Community type', fr: 'Type de communauté' },
  'analysis.col.kind': { en: 'Kind', fr: 'Genre' },
  'analysis.col.cwb': { en: 'CWB score', fr: 'Indice IBC' },
  'analysis.col.weighted': { en: 'Weighted population', fr: 'Population pondérée' },
  'analysis.col.outreach': { en: 'Outreach site', fr: 'Service itinérant' },
  'analysis.col.level': { en: 'Order of government', fr: 'Ordre de gouvernement' },
  'analysis.col.host': { en: 'Possible host', fr: 'Hôte possible' },
  'analysis.col.hostLevel': { en: 'Host’s order of government', fr: 'Ordre de gouvernement de l’hôte' },
  'analysis.col.apart': { en: 'Distance apart', fr: 'Distance entre eux' },
  'analysis.col.partnership': { en: 'Partnership', fr: 'Partenariat' },
  'analysis.col.pointA': { en: 'Point', fr: 'Point' },
  'analysis.col.pointB': { en: 'Nearby point', fr: 'Point voisin' },
  'analysis.col.order': { en: 'Order added', fr: 'Ordre d’ajout' },
  'analysis.col.site': { en: 'Site', fr: 'Point' },
  'analysis.col.siteKind': { en: 'Kind of site', fr: 'Genre de point' },
  'analysis.col.newlyCovered': { en: 'People newly covered', fr: 'Personnes nouvellement couvertes' },
  'analysis.col.vulnerableCovered': { en: 'Of whom vulnerable', fr: 'Dont vulnérables' },
  'analysis.col.shareAfter': { en: 'Coverage after', fr: 'Couverture après' },
  'analysis.col.band': { en: 'Distance band', fr: 'Tranche de distance' },
  'analysis.col.units': { en: 'Census subdivisions', fr: 'Subdivisions de recensement' },
  'analysis.col.populationShare': { en: 'Share of the located population', fr: 'Part de la population localisée' },
  'analysis.col.distanceKm': { en: 'Distance (km)', fr: 'Distance (km)' },
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
