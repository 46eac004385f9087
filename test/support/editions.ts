/** The sample edition the unit tests share: the 2024 call, open in May and June, Beijing time. */
import type { EditionRecord } from '../../functions/domain/edition.ts';

export const edition2024: EditionRecord = {
  editionId: '2024',
  name: 'Practice cases 2024',
  opensAt: '2024-05-01T00:00:00.000Z',
  deadline: '2024-06-20T16:00:00.000Z',
  timeZone: 'Asia/Shanghai',
  rules: { implementedOnOrAfter: '2016-01-01', minCountries: 2 },
  createdAt: '2024-04-01T00:00:00.000Z',
  updatedAt: '2024-04-01T00:00:00.000Z',
  version: 3,
};
