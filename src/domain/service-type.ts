import type { BilingualText } from './bilingual-text.js';

/**
 * The service-type taxonomy (HSDS `taxonomy_term`). Sources are assigned terms by what
 * they mean (data/SOURCES.md says how); `keywords` feed text search so that plain words in
 * either language ("emploi", "job", "chômage") find the right points.
 */
export interface ServiceType {
  id: string;
  name: BilingualText & { en: string; fr: string };
  description: BilingualText & { en: string; fr: string };
  keywords: { en: string[]; fr: string[] };
}

export const SERVICE_TYPES: readonly ServiceType[] = [
  {
    id: 'government_services',
    name: { en: 'Government services', fr: 'Services gouvernementaux' },
    description: {
      en: 'General counters for many government programs and documents.',
      fr: 'Comptoirs généraux pour de nombreux programmes et documents gouvernementaux.',
    },
    keywords: {
      en: ['government', 'service centre', 'counter', 'office'],
      fr: ['gouvernement', 'centre de service', 'comptoir', 'bureau'],
    },
  },
  {
    id: 'employment',
    name: { en: 'Employment services', fr: "Services d'emploi" },
    description: {
      en: 'Job search, training and career help.',
      fr: "Recherche d'emploi, formation et orientation de carrière.",
    },
    keywords: {
      en: ['employment', 'job', 'jobs', 'work', 'career', 'training', 'unemployed', 'resume'],
      fr: ['emploi', 'travail', 'carrière', 'formation', 'chômage', 'chômeur', 'cv'],
    },
  },
  {
    id: 'benefits',
    name: { en: 'Benefits and pensions', fr: 'Prestations et pensions' },
    description: {
      en: 'Employment Insurance, Canada Pension Plan, Old Age Security and other benefits.',
      fr: "Assurance-emploi, Régime de pensions du Canada, Sécurité de la vieillesse et autres prestations.",
    },
    keywords: {
      en: ['employment insurance', 'ei', 'pension', 'cpp', 'old age security', 'oas', 'benefit', 'benefits'],
      fr: ['assurance-emploi', 'pension', 'rpc', 'sécurité de la vieillesse', 'sv', 'prestation', 'prestations'],
    },
  },
  {
    id: 'identity_documents',
    name: { en: 'Identity documents', fr: "Pièces d'identité" },
    description: {
      en: 'Social Insurance Number, passports, health cards, driver’s licences, birth certificates.',
      fr: "Numéro d'assurance sociale, passeports, cartes santé, permis de conduire, certificats de naissance.",
    },
    keywords: {
      en: ['sin', 'social insurance', 'passport', 'health card', 'driver', 'licence', 'license', 'birth certificate', 'id'],
      fr: ['nas', 'assurance sociale', 'passeport', 'carte santé', 'permis de conduire', 'acte de naissance', 'identité'],
    },
  },
  {
    id: 'passport',
    name: { en: 'Passports', fr: 'Passeports' },
    description: { en: 'Passport applications and pick-up.', fr: 'Demandes et remise de passeports.' },
    keywords: { en: ['passport', 'travel document'], fr: ['passeport', 'document de voyage'] },
  },
  {
    id: 'land_registry',
    name: { en: 'Land registry', fr: 'Enregistrement immobilier' },
    description: {
      en: 'Registration and search of deeds, mortgages and plans.',
      fr: 'Enregistrement et recherche de titres, hypothèques et plans.',
    },
    keywords: { en: ['land', 'deed', 'title', 'property', 'mortgage'], fr: ['foncier', 'titre', 'propriété', 'hypothèque'] },
  },
  {
    id: 'business',
    name: { en: 'Business support', fr: 'Soutien aux entreprises' },
    description: {
      en: 'Business registration, small-business advice and community economic development.',
      fr: "Enregistrement d'entreprises, conseils aux petites entreprises et développement économique local.",
    },
    keywords: {
      en: ['business', 'entrepreneur', 'small business', 'company', 'registration'],
      fr: ['entreprise', 'entrepreneur', 'petite entreprise', 'société', 'enregistrement'],
    },
  },
  {
    id: 'library',
    name: { en: 'Public library', fr: 'Bibliothèque publique' },
    description: {
      en: 'Public library branch: internet access, help with forms, community programs.',
      fr: 'Succursale de bibliothèque publique : accès Internet, aide aux formulaires, programmes communautaires.',
    },
    keywords: { en: ['library', 'books', 'internet', 'computer'], fr: ['bibliothèque', 'livres', 'internet', 'ordinateur'] },
  },
  {
    id: 'municipal_office',
    name: { en: 'Municipal office', fr: 'Bureau municipal' },
    description: {
      en: 'City or town hall and municipal service counters.',
      fr: "Hôtel de ville et comptoirs de services municipaux.",
    },
    keywords: {
      en: ['city hall', 'town hall', 'municipal', 'property tax', 'permit'],
      fr: ['hôtel de ville', 'mairie', 'municipal', 'taxe foncière', 'permis'],
    },
  },
  {
    id: 'community_centre',
    name: { en: 'Community centre', fr: 'Centre communautaire' },
    description: {
      en: 'Community and recreation centre.',
      fr: 'Centre communautaire et récréatif.',
    },
    keywords: {
      en: ['community centre', 'recreation', 'youth', 'seniors', 'arena', 'pool'],
      fr: ['centre communautaire', 'loisirs', 'jeunes', 'aînés', 'aréna', 'piscine'],
    },
  },
  {
    id: 'health',
    name: { en: 'Health care', fr: 'Soins de santé' },
    description: {
      en: 'Hospitals, clinics, nursing and residential care facilities.',
      fr: 'Hôpitaux, cliniques, soins infirmiers et établissements de soins.',
    },
    keywords: {
      en: ['health', 'hospital', 'clinic', 'nursing', 'doctor', 'care'],
      fr: ['santé', 'hôpital', 'clinique', 'soins infirmiers', 'médecin', 'soins'],
    },
  },
  {
    id: 'indigenous_services',
    name: { en: 'Indigenous community office', fr: 'Bureau communautaire autochtone' },
    description: {
      en: 'Community, band or hamlet office serving First Nations or Inuit.',
      fr: 'Bureau de communauté, de bande ou de hameau au service des Premières Nations ou des Inuit.',
    },
    keywords: {
      en: ['inuit', 'first nations', 'band office', 'hamlet', 'indigenous', 'status card'],
      fr: ['inuit', 'premières nations', 'bureau de bande', 'hameau', 'autochtone', 'carte de statut'],
    },
  },
  {
    id: 'public_safety',
    name: { en: 'Public safety', fr: 'Sécurité publique' },
    description: { en: 'Police and fire stations.', fr: 'Postes de police et casernes de pompiers.' },
    keywords: { en: ['police', 'fire', 'safety'], fr: ['police', 'pompiers', 'incendie', 'sécurité'] },
  },
  {
    id: 'federal_office',
    name: { en: 'Federal office building', fr: 'Immeuble de bureaux fédéral' },
    description: {
      en: 'Federal office building (Directory of Federal Real Property); a candidate site, not a public counter.',
      fr: "Immeuble de bureaux fédéral (Répertoire des biens immobiliers fédéraux) ; site potentiel, pas un comptoir public.",
    },
    keywords: { en: ['federal building', 'office'], fr: ['immeuble fédéral', 'bureau'] },
  },
];

const BY_ID = new Map(SERVICE_TYPES.map((t) => [t.id, t]));

export function serviceTypeById(id: string): ServiceType | undefined {
  return BY_ID.get(id);
}

/** Words in both languages to index for a set of service types (text search). */
export function searchKeywordsFor(serviceTypeIds: readonly string[]): string {
  // Every record of a source usually has the same types: build each combination's words once.
  const key = serviceTypeIds.join(' ');
  let keywords = KEYWORDS_BY_TYPES.get(key);
  if (keywords === undefined) {
    keywords = keywordsOf(serviceTypeIds);
    if (KEYWORDS_BY_TYPES.size < MAX_KEYWORD_COMBINATIONS) KEYWORDS_BY_TYPES.set(key, keywords);
  }
  return keywords;
}

/** Combinations of service types whose words searchKeywordsFor keeps (far more than exist). */
const MAX_KEYWORD_COMBINATIONS = 1_000;
const KEYWORDS_BY_TYPES = new Map<string, string>();

function keywordsOf(serviceTypeIds: readonly string[]): string {
  const words: string[] = [];
  for (const id of serviceTypeIds) {
    const type = BY_ID.get(id);
    if (!type) continue;
    words.push(type.name.en, type.name.fr, ...type.keywords.en, ...type.keywords.fr);
  }
  return words.join(' ');
}
