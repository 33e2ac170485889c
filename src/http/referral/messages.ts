import type { Lang } from '../../domain/bilingual-text.js';

/** One user-facing message in both official languages; `{name}` marks a placeholder. */
export interface ReferralMessage {
  en: string;
  fr: string;
}

// The referral and partnership pages' own messages, in the shape of src/http/i18n/messages.ts
// (to be merged into it once that catalogue settles). French follows the same typography: a
// non-breaking space (\u00a0) before a colon, « » guillemets with non-breaking spaces inside,
// the typographic apostrophe ’. messages.test.ts checks both languages of every key.
const MESSAGES = {
  'referral.nav': { en: 'Referral aid', fr: 'Aide à l’aiguillage' },
  'referral.title': { en: 'Referral aid for call-centre agents', fr: 'Aide à l’aiguillage pour les agents des centres d’appels' },
  'referral.intro': {
    en: 'Type the caller’s need and where they live: see which order of government handles it there, how to reach it, and the nearest in-person points.',
    fr: 'Tapez le besoin de la personne et l’endroit où elle habite\u00a0: voyez quel ordre de gouvernement s’en occupe, comment le joindre et les points de service en personne les plus proches.',
  },
  'referral.shortcut': {
    en: 'Keyboard: press / (slash) anywhere on this page to go to the need box.',
    fr: 'Clavier\u00a0: appuyez sur / (barre oblique) n’importe où dans cette page pour aller à la case du besoin.',
  },
  'referral.skipToAnswer': { en: 'Skip to the answer', fr: 'Passer à la réponse' },
  'form.heading': { en: 'Caller’s need', fr: 'Besoin de la personne' },
  'form.q.label': { en: 'Need, service or life event', fr: 'Besoin, service ou événement de vie' },
  'form.q.hint': {
    en: 'In English or French, in the caller’s words: lost wallet, health card, chômage, baby bonus.',
    fr: 'En français ou en anglais, dans les mots de la personne\u00a0: portefeuille perdu, carte soleil, chômage, baby bonus.',
  },
  'form.where.label': { en: 'Postal code, place or province', fr: 'Code postal, lieu ou province' },
  'form.where.hint': { en: 'For example E3B 1A1, E3B, Fredericton or NB.', fr: 'Par exemple E3B 1A1, E3B, Fredericton ou N.-B.' },
  'form.called.label': { en: 'Line the caller reached', fr: 'Ligne que la personne a jointe' },
  'form.called.none': { en: 'Not given', fr: 'Non précisée' },
  'form.called.federal': { en: 'Federal line', fr: 'Ligne fédérale' },
  'form.called.provincial': { en: 'Provincial or territorial line', fr: 'Ligne provinciale ou territoriale' },
  'form.called.municipal': { en: 'Municipal line', fr: 'Ligne municipale' },
  'form.submit': { en: 'Find who handles it', fr: 'Trouver qui s’en occupe' },
  'form.errorHeading': { en: 'Please correct this:', fr: 'Veuillez corriger ceci\u00a0:' },
  'form.qMissing': { en: 'Type the caller’s need.', fr: 'Tapez le besoin de la personne.' },
  'form.qTooLong': { en: 'The need is too long (200 characters at most).', fr: 'Le besoin est trop long (200 caractères au plus).' },
  'form.whereError': {
    en: '“{where}” is not a postal code, FSA, province or place we know. Try a postal code such as E3B 1A1.',
    fr: '«\u00a0{where}\u00a0» n’est pas un code postal, une RTA, une province ni un lieu connu. Essayez un code postal comme E3B 1A1.',
  },

  'answer.heading': { en: 'Answer for “{q}”', fr: 'Réponse pour «\u00a0{q}\u00a0»' },
  'answer.location': { en: 'Caller’s location: {label}, {province}.', fr: 'Emplacement de la personne\u00a0: {label}, {province}.' },
  'answer.locationNoProvince': {
    en: 'Caller’s location: {label} ({provinces}). Give the province or territory to see who handles provincial and territorial services.',
    fr: 'Emplacement de la personne\u00a0: {label} ({provinces}). Précisez la province ou le territoire pour savoir qui s’occupe des services provinciaux et territoriaux.',
  },
  'answer.noLocation': {
    en: 'No location given: provincial and territorial services depend on where the caller lives. Add a postal code to see who handles them and the nearest points.',
    fr: 'Aucun emplacement\u00a0: les services provinciaux et territoriaux dépendent du lieu de résidence. Ajoutez un code postal pour savoir qui s’en occupe et voir les points les plus proches.',
  },
  'answer.lifeEvent': { en: 'Life event: {name}.', fr: 'Événement de vie\u00a0: {name}.' },
  'answer.order': { en: 'Services in the order the caller would do them:', fr: 'Services dans l’ordre où la personne les ferait\u00a0:' },
  'answer.count.one': { en: '{count} service', fr: '{count} service' },
  'answer.count.other': { en: '{count} services', fr: '{count} services' },
  'answer.seeAlso': { en: 'See also', fr: 'Voir aussi' },
  'answer.catalogue': {
    en: 'Catalogue version {version}, updated {updated}. Facts marked “unverified” were not checked against a source: confirm them before giving them out.',
    fr: 'Catalogue version {version}, mis à jour le {updated}. Les renseignements marqués «\u00a0non vérifié\u00a0» n’ont pas été vérifiés auprès d’une source\u00a0: confirmez-les avant de les transmettre.',
  },
  'noMatch.heading': { en: 'No service matches “{q}”', fr: 'Aucun service ne correspond à «\u00a0{q}\u00a0»' },
  'noMatch.text': {
    en: 'The closest entries of the catalogue: choose one, or try other words.',
    fr: 'Les entrées les plus proches du catalogue\u00a0: choisissez-en une ou essayez d’autres mots.',
  },

  'card.level': { en: 'Order of government', fr: 'Ordre de gouvernement' },
  'card.who': { en: 'Who handles it', fr: 'Qui s’en occupe' },
  'card.phone': { en: 'Phone', fr: 'Téléphone' },
  'card.tty': { en: 'TTY', fr: 'ATS' },
  'card.web': { en: 'Web', fr: 'Web' },
  'card.channels': { en: 'How', fr: 'Modes' },
  'card.noContact': { en: 'No phone number or web page in the catalogue.', fr: 'Aucun numéro ni page Web dans le catalogue.' },
  'card.noBody': {
    en: 'Depends on the province or territory: give the caller’s location.',
    fr: 'Dépend de la province ou du territoire\u00a0: indiquez l’emplacement de la personne.',
  },
  'card.nearest': { en: 'Nearest in-person points', fr: 'Points de service en personne les plus proches' },
  'card.nearestSameOrder': {
    en: 'Repère has no in-person point of this body. Nearest points of the same order of government (check that they offer this service):',
    fr: 'Repère n’a aucun point de service en personne de cet organisme. Points les plus proches du même ordre de gouvernement (vérifiez qu’ils offrent ce service)\u00a0:',
  },
  'card.nearestNone': {
    en: 'Repère has no in-person point of this body or of its order of government near the caller: use the phone line or web page.',
    fr: 'Repère n’a aucun point de service en personne de cet organisme ni de son ordre de gouvernement près de la personne\u00a0: utilisez la ligne téléphonique ou la page Web.',
  },
  'card.nearestNoPoint': {
    en: 'Give a postal code or place to see the nearest in-person points.',
    fr: 'Indiquez un code postal ou un lieu pour voir les points de service en personne les plus proches.',
  },
  'card.distance': { en: '{distance} away', fr: 'à {distance}' },
  'card.distanceApprox': { en: 'about {distance} away', fr: 'à environ {distance}' },
  'card.partnership': { en: 'Partnership: {name}', fr: 'Partenariat\u00a0: {name}' },
  'card.via': { en: 'Part of “{name}”', fr: 'Fait partie de «\u00a0{name}\u00a0»' },

  'fact.verified': { en: 'verified {date}', fr: 'vérifié le {date}' },
  'fact.unverified': { en: 'unverified', fr: 'non vérifié' },
  'fact.source': { en: 'source', fr: 'source' },
  'fact.whoVerified': { en: 'Who handles it: verified {date}', fr: 'Qui s’en occupe\u00a0: vérifié le {date}' },
  'fact.whoUnverified': { en: 'Who handles it: unverified', fr: 'Qui s’en occupe\u00a0: non vérifié' },

  'wrongDoor.heading': { en: 'Wrong door', fr: 'Mauvaise porte' },
  'wrongDoor.intro': {
    en: 'The caller reached the {line}. These services are handled by another order of government:',
    fr: 'La personne a joint la {line}. Ces services relèvent d’un autre ordre de gouvernement\u00a0:',
  },
  'wrongDoor.item': { en: '{service}: {level}, handled by {body}.', fr: '{service}\u00a0: {level}, relève de {body}.' },
  'wrongDoor.itemNoBody': { en: '{service}: {level} (depends on the province or territory).', fr: '{service}\u00a0: {level} (dépend de la province ou du territoire).' },
  'wrongDoor.none': { en: 'Every service found is handled by the {line}’s order of government.', fr: 'Tous les services trouvés relèvent de l’ordre de gouvernement de la {line}.' },
  'line.federal': { en: 'federal line', fr: 'ligne fédérale' },
  'line.provincial': { en: 'provincial or territorial line', fr: 'ligne provinciale ou territoriale' },
  'line.municipal': { en: 'municipal line', fr: 'ligne municipale' },

  'level.federal': { en: 'federal', fr: 'fédéral' },
  'level.provincial': { en: 'provincial', fr: 'provincial' },
  'level.territorial': { en: 'territorial', fr: 'territorial' },
  'level.municipal': { en: 'municipal', fr: 'municipal' },
  'level.indigenous': { en: 'Indigenous', fr: 'autochtone' },
  'level.other': { en: 'other organization', fr: 'autre organisme' },
  'channel.in_person': { en: 'in person', fr: 'en personne' },
  'channel.outreach': { en: 'outreach visits', fr: 'visites itinérantes' },
  'channel.phone': { en: 'phone', fr: 'téléphone' },
  'channel.digital': { en: 'online', fr: 'en ligne' },
  'channel.mail': { en: 'mail', fr: 'poste' },

  'summary.heading': { en: 'Referral summary to copy', fr: 'Résumé de l’aiguillage à copier' },
  'summary.label': { en: 'Plain-text summary', fr: 'Résumé en texte brut' },
  'summary.copy': { en: 'Copy summary', fr: 'Copier le résumé' },
  'summary.copied': { en: 'Summary copied.', fr: 'Résumé copié.' },
  'summary.copyFailed': { en: 'Could not copy: select the text and copy it.', fr: 'Copie impossible\u00a0: sélectionnez le texte et copiez-le.' },
  'summary.title': { en: 'Referral for “{q}”', fr: 'Aiguillage pour «\u00a0{q}\u00a0»' },
  'summary.near': { en: 'Near {label} ({province})', fr: 'Près de {label} ({province})' },
  'summary.nearest': { en: 'Nearest in person', fr: 'En personne, le plus proche' },
  'summary.footer': {
    en: 'Repère referral catalogue {version}. Facts marked unverified must be confirmed.',
    fr: 'Catalogue d’aiguillage Repère {version}. Les renseignements non vérifiés doivent être confirmés.',
  },

  'slip.link': { en: 'Printable referral slip (English and French)', fr: 'Fiche d’aiguillage à imprimer (français et anglais)' },
  'slip.title': { en: 'Referral slip', fr: 'Fiche d’aiguillage' },
  'slip.print': { en: 'Print this slip', fr: 'Imprimer cette fiche' },
  'slip.printHint': {
    en: 'Use your browser’s Print command (Ctrl+P); only the slip is printed, in both official languages.',
    fr: 'Utilisez la commande Imprimer du navigateur (Ctrl+P)\u00a0; seule la fiche s’imprime, dans les deux langues officielles.',
  },
  'slip.intro': {
    en: 'Who can help you, and how to reach them:',
    fr: 'Qui peut vous aider, et comment le joindre\u00a0:',
  },
  'slip.prepared': { en: 'Prepared on {date} with Repère.', fr: 'Préparée le {date} avec Repère.' },
  'slip.back': { en: 'Back to the referral', fr: 'Retour à l’aiguillage' },
  'slip.empty': { en: 'No service to put on a slip: go back and type the caller’s need.', fr: 'Aucun service à inscrire sur une fiche\u00a0: revenez en arrière et tapez le besoin de la personne.' },

  'partnerships.title': { en: 'Service delivery partnerships', fr: 'Partenariats de prestation de services' },
  'partnerships.intro': {
    en: 'Governments delivering one another’s services: partners, services, places, year, outcome, and where each fact comes from. Facts no reviewed source states are marked “unverified”.',
    fr: 'Des gouvernements qui offrent les services les uns des autres\u00a0: partenaires, services, lieux, année, résultats et provenance de chaque renseignement. Ce qu’aucune source consultée n’affirme est marqué «\u00a0non vérifié\u00a0».',
  },
  'partnerships.mapLabel': { en: 'Map of the partnership sites listed below', fr: 'Carte des lieux de partenariat énumérés ci-dessous' },
  'partnerships.partners': { en: 'Partners', fr: 'Partenaires' },
  'partnerships.services': { en: 'Services', fr: 'Services' },
  'partnerships.locations': { en: 'Where', fr: 'Où' },
  'partnerships.year': { en: 'Year', fr: 'Année' },
  'partnerships.yearUnknown': { en: 'not known', fr: 'inconnue' },
  'partnerships.outcome': { en: 'Outcome', fr: 'Résultat' },
  'partnerships.outcomeUnknown': { en: 'not reported', fr: 'non signalé' },
  'partnerships.evidence': { en: 'Sources', fr: 'Sources' },
  'partnerships.pointsHere': { en: 'Repère points here:', fr: 'Points Repère à cet endroit\u00a0:' },
  'partnerships.pointMatch': {
    en: 'Same community; that these are the partnership’s own premises is unverified.',
    fr: 'Même collectivité; qu’il s’agisse des locaux mêmes du partenariat n’est pas vérifié.',
  },
  'partnerships.noPoints': { en: 'No Repère point for this site.', fr: 'Aucun point Repère pour ce lieu.' },
  'partnerships.lines': { en: 'lines {lines}', fr: 'lignes {lines}' },
  'partnerships.line': { en: 'line {lines}', fr: 'ligne {lines}' },
  'partnerships.verified': { en: 'verified: {where}', fr: 'vérifié\u00a0: {where}' },
  'partnerships.evidence.partners': { en: 'Partners', fr: 'Partenaires' },
  'partnerships.evidence.services': { en: 'Services', fr: 'Services' },
  'partnerships.evidence.locations': { en: 'Place', fr: 'Lieu' },
  'partnerships.evidence.year': { en: 'Year', fr: 'Année' },
  'partnerships.evidence.outcome': { en: 'Outcome', fr: 'Résultat' },
  'partnerships.referralLink': { en: 'Referral aid for call-centre agents', fr: 'Aide à l’aiguillage pour les agents des centres d’appels' },
  'partnerships.catalogue': { en: 'Partnerships catalogue version {version}, updated {updated}.', fr: 'Catalogue des partenariats version {version}, mis à jour le {updated}.' },
} as const satisfies Record<string, ReferralMessage>;

export type ReferralMessageKey = keyof typeof MESSAGES;

/** The referral pages' message catalogue (English and French side by side). */
export const REFERRAL_MESSAGES: Readonly<Record<ReferralMessageKey, ReferralMessage>> = MESSAGES;

const PLACEHOLDER = /\{(\w+)\}/g;
const NUMBER_FORMATS: Readonly<Record<Lang, Intl.NumberFormat>> = {
  en: new Intl.NumberFormat('en-CA'),
  fr: new Intl.NumberFormat('fr-CA'),
};

/**
 * The message `key` in `lang` with its `{name}` placeholders filled; a missing value throws.
 * @example rt('fr', 'card.partnership', { name: 'Picton' }) // 'Partenariat : Picton'
 */
export function rt(lang: Lang, key: ReferralMessageKey, params: Readonly<Record<string, string | number>> = {}): string {
  return REFERRAL_MESSAGES[key][lang].replace(PLACEHOLDER, (_whole, name: string) => {
    const value = params[name];
    if (value === undefined) throw new Error(`message "${key}" needs a value for {${name}}, found none`);
    return typeof value === 'number' ? NUMBER_FORMATS[lang].format(value) : value;
  });
}

/** The placeholder names of a message text, sorted (used by the catalogue test). */
export function placeholdersOf(text: string): string[] {
  return [...text.matchAll(PLACEHOLDER)].map((match) => match[1]!).sort();
}
