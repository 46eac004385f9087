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
} as const satisfies import('../../functions/domain/schemas.ts').CaseFields;
