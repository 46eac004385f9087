import { CATEGORY_IDS, type CategoryId } from './vocabulary.ts';

/** What each category of the call is called (the ids and their order: vocabulary.ts). */
const NAMES: Record<CategoryId, string> = {
  'internet-infrastructure': 'Internet Infrastructure Construction',
  'cultural-exchange': 'Online Cultural Exchanges and Mutual Learning',
  'digital-economy': 'Innovative Development of Digital Economy',
  cybersecurity: 'Cybersecurity Maintenance',
  'global-governance': 'Global Governance in Cyberspace',
};

export const CATEGORIES: readonly { id: CategoryId; name: string }[] = CATEGORY_IDS.map((id) => ({ id, name: NAMES[id] }));

/** Rules every new edition starts with ("implemented or deployed after 2015", "at least two countries or regions"). */
export const DEFAULT_RULES = { implementedOnOrAfter: '2016-01-01', minCountries: 2 } as const;
