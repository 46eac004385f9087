/** What organisers send to list, export and decide the cases of an edition, and to preview a notice. */
import * as z from 'zod/mini';
import { Category } from './case-input.ts';
import { CountryCode, customIssue, longText, named, PageQuery, Ulid } from './schema-kit.ts';
import { LOCALES } from './i18n/catalogues.ts';
import { CASE_SORTS, CASE_STATUSES, DECISION_FILTERS, DECISIONS } from './vocabulary.ts';

export const DecisionInput = named(
  z.strictObject({ decision: z.enum(DECISIONS), note: z.optional(z.nullable(longText(2000))) }),
  'DecisionInput',
  'The organisers\' decision on a submitted case, with an optional note for the audit trail (never shown to the owner).',
);
export const PreviewQuery = z.strictObject({
  caseId: Ulid,
  lang: z.optional(z.enum(LOCALES)).register(z.globalRegistry, { description: "The notice in this language instead of the owner's (to read it in both before sending)" }),
});

const listFilters = {
  status: z.optional(z.enum(CASE_STATUSES)),
  category: z.optional(Category),
  country: z.optional(CountryCode),
  decision: z.optional(z.enum(DECISION_FILTERS)),
  sort: z._default(z.enum(CASE_SORTS), 'newest'),
};
const rankedNeedsSubmitted = z.superRefine((q: { sort: string; status?: string | undefined }, ctx) => {
  if (q.sort === 'score' && q.status !== undefined && q.status !== 'submitted') {
    ctx.addIssue(customIssue(['status'], 'not-ranked'));
  }
});
export const EditionCasesQuery = z.strictObject({ ...PageQuery.shape, ...listFilters }).check(rankedNeedsSubmitted);
export const EditionCasesCsvQuery = z.strictObject(listFilters).check(rankedNeedsSubmitted);
export type CaseListFilters = z.infer<typeof EditionCasesCsvQuery>;
