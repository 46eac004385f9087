import type { CaseFields } from '../../functions/domain/case-input.ts';
import type { CaseRecord } from '../../functions/domain/case.ts';

/** A case that meets every rule of the default edition. */
export const completeFields = {
  title: 'Joint CERT training',
  category: 'cybersecurity',
  caseType: 'training',
  summary: 'Two CERTs trained together.',
  description: 'A year of joint exercises.',
  implementedOn: '2021-09-01',
  countries: ['KE', 'CN'],
  organisation: { name: 'Example CERT', country: 'KE' },
  contact: { name: 'A. Example', email: 'a@example.org' },
} as const satisfies CaseFields;

/**
 * A complete case of realistic size (a description of about 1.7 KB, a stored item of about 3 KB), with its own
 * title and contact address: the case the benchmarks store and the load test creates. Every rule of the default
 * edition holds.
 */
export function caseFields(title: string, email: string): CaseFields {
  return {
    title,
    category: 'internet-infrastructure',
    caseType: 'project',
    summary: 'A cooperative of local operators and a university brought fixed wireless broadband to 140 villages. '.repeat(3).trim(),
    description: 'The project started with a survey of 300 households and grew into a regional network. '.repeat(20).trim(),
    implementedOn: '2021-03-15',
    countries: ['CN', 'KE', 'BR'],
    organisation: { name: 'Highland Connectivity Cooperative', country: 'CN' },
    partners: [{ name: 'Nairobi Tech University', country: 'KE' }, { name: 'Rede Rural', country: 'BR' }],
    contact: { name: 'Amina Okafor', email, phone: '+86 10 5555 0101' },
    links: ['https://example.org/cases/community-broadband'],
  };
}

/** Ann's complete case C1 in the 2024 edition, as stored: a draft unless `over` says otherwise. */
export const annsCase = (over: Partial<CaseRecord> = {}): CaseRecord => ({
  ...completeFields,
  countries: [...completeFields.countries],
  caseId: 'C1',
  editionId: '2024',
  ownerId: 'ann',
  ownerEmail: 'ann@example.org',
  status: 'draft',
  createdAt: '2024-05-10T00:00:00.000Z',
  updatedAt: '2024-05-10T00:00:00.000Z',
  version: 2,
  ...over,
});
