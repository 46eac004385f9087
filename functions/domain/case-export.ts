/** The columns of the CSV export (GET /editions/{editionId}/cases.csv): one row per case. */
import type { CaseRecord } from './case.ts';
import type { Cell } from './csv.ts';
import type { ReviewAggregate } from './review.ts';
import { CRITERIA, RECOMMENDATIONS } from './vocabulary.ts';

export type ExportedCase = Omit<CaseRecord, 'summary' | 'summaryZh' | 'description' | 'version'>;
export interface ExportRow {
  c: ExportedCase;
  /** Live (not rejected) attachments: supporting and presentation files. */
  attachments: number;
  /** The review aggregate as the caller may see it (domain/case.ts, reviewsFor): null leaves the review columns empty. */
  reviews: ReviewAggregate | null;
}

const round2 = (n: number | null | undefined) => (n === null || n === undefined ? null : Math.round(n * 100) / 100);
const list = (xs: readonly string[] | undefined) => (xs?.length ? xs.join('; ') : null);

export const EXPORT_COLUMNS: readonly { header: string; value: (r: ExportRow) => Cell }[] = [
  { header: 'caseId', value: ({ c }) => c.caseId },
  { header: 'status', value: ({ c }) => c.status },
  { header: 'title', value: ({ c }) => c.title },
  { header: 'titleZh', value: ({ c }) => c.titleZh },
  { header: 'category', value: ({ c }) => c.category },
  { header: 'caseType', value: ({ c }) => c.caseType },
  { header: 'implementedOn', value: ({ c }) => c.implementedOn },
  { header: 'countries', value: ({ c }) => list(c.countries) },
  { header: 'organisation', value: ({ c }) => c.organisation?.name },
  { header: 'organisationCountry', value: ({ c }) => c.organisation?.country },
  { header: 'partners', value: ({ c }) => list(c.partners?.map((p) => `${p.name} (${p.country})`)) },
  { header: 'contactName', value: ({ c }) => c.contact?.name },
  { header: 'contactEmail', value: ({ c }) => c.contact?.email },
  { header: 'ownerEmail', value: ({ c }) => c.ownerEmail },
  { header: 'links', value: ({ c }) => list(c.links) },
  { header: 'submittedAt', value: ({ c }) => c.receipt?.submittedAt },
  { header: 'receiptSha256', value: ({ c }) => c.receipt?.sha256 },
  { header: 'attachments', value: (r) => r.attachments },
  { header: 'reviews', value: ({ reviews }) => reviews?.count },
  ...CRITERIA.map((k) => ({ header: `mean_${k}`, value: ({ reviews }: ExportRow) => round2(reviews?.mean?.[k]) })),
  { header: 'meanTotal', value: ({ reviews }) => round2(reviews?.meanTotal) },
  { header: 'spread', value: ({ reviews }) => reviews?.spread ?? null },
  ...RECOMMENDATIONS.map((k) => ({ header: `recommended_${k}`, value: ({ reviews }: ExportRow) => reviews?.recommendations[k] })),
  { header: 'decision', value: ({ c }) => c.decision },
];
