/** The five categories of the call. The one place they are listed. */
export const CATEGORIES = [
  { id: 'internet-infrastructure', name: 'Internet Infrastructure Construction' },
  { id: 'cultural-exchange', name: 'Online Cultural Exchanges and Mutual Learning' },
  { id: 'digital-economy', name: 'Innovative Development of Digital Economy' },
  { id: 'cybersecurity', name: 'Cybersecurity Maintenance' },
  { id: 'global-governance', name: 'Global Governance in Cyberspace' },
] as const;

export type CategoryId = (typeof CATEGORIES)[number]['id'];
export const CATEGORY_IDS = CATEGORIES.map((c) => c.id) as [CategoryId, ...CategoryId[]];

export const CASE_TYPES = [
  'project', 'initiative', 'program', 'action', 'meeting',
  'training', 'communication', 'product', 'service', 'other',
] as const;

/** Rules every new edition starts with ("implemented or deployed after 2015", "at least two countries or regions"). */
export const DEFAULT_RULES = { implementedOnOrAfter: '2016-01-01', minCountries: 2 } as const;
