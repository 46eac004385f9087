/** Stored records for the committee's use-case tests (reviews, selection): a closed edition and a submitted case in it. */
import type { Caller } from '#domain/caller';
import type { CaseRecord } from '#domain/case';
import type { EditionRecord } from '#domain/edition';
import { completeFields } from '../../support/cases.ts';

export const NOW = new Date('2024-06-01T08:00:00.000Z');
export const CASE_ID = '01HZX3N4QK7M2XG5V6R9T0BCDE';
export const olga: Caller = { sub: 'olga', email: 'olga@example.org', groups: ['organisers'] };

/** Closed since its deadline, before NOW. */
export const edition = (over: Partial<EditionRecord> = {}): EditionRecord => ({
  editionId: '2024', name: 'Practice cases 2024', opensAt: '2024-05-01T00:00:00.000Z', deadline: '2024-05-31T16:00:00.000Z',
  timeZone: 'Asia/Shanghai', rules: { implementedOnOrAfter: '2016-01-01', minCountries: 2 },
  createdAt: '2024-04-01T00:00:00.000Z', updatedAt: '2024-04-01T00:00:00.000Z', version: 3, ...over,
});

/** Ann's case, submitted to that edition. */
export const submitted = (over: Partial<CaseRecord> = {}): CaseRecord => ({
  ...completeFields, countries: [...completeFields.countries], caseId: CASE_ID, editionId: '2024', ownerId: 'ann', ownerEmail: 'ann@example.org',
  status: 'submitted', createdAt: '2024-05-02T00:00:00.000Z', updatedAt: '2024-05-02T00:00:00.000Z', version: 2, ...over,
});
