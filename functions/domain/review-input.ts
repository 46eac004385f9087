/** What organisers send to staff the committee, and what reviewers send about the cases assigned to them. */
import * as z from 'zod/mini';
import { customIssue, longText, named, Sub, text, Ulid } from './schema-kit.ts';
import { CRITERIA, RECOMMENDATIONS, SCORE_MAX, SCORE_MIN, type Criterion } from './vocabulary.ts';

export { ReviewerParams } from './schema-kit.ts';

const Score = z.number().check(z.int(), z.gte(SCORE_MIN), z.lte(SCORE_MAX));
export const ReviewInput = named(
  z.strictObject({
    scores: z.strictObject(Object.fromEntries(CRITERIA.map((c) => [c, Score])) as Record<Criterion, typeof Score>),
    recommendation: z.enum(RECOMMENDATIONS),
    comment: z.optional(z.nullable(longText(10000))),
  }),
  'ReviewInput',
  `Integer scores from ${SCORE_MIN} to ${SCORE_MAX} for each criterion, a recommendation and an optional comment.`,
);

export const ConflictInput = named(z.strictObject({ reason: text(1000) }), 'ConflictInput');

/** Pairs one bulk request may change; the transaction limit (100 writes) can make the real bound lower. */
const BULK_MAX_PAIRS = 100;
export const Pair = z.strictObject({ caseId: Ulid, sub: Sub });
export type Pair = z.infer<typeof Pair>;
export const AssignmentsInput = named(
  z
    .strictObject({
      assign: z.optional(z.array(Pair).check(z.maxLength(BULK_MAX_PAIRS))),
      unassign: z.optional(z.array(Pair).check(z.maxLength(BULK_MAX_PAIRS))),
    })
    .check(
      z.superRefine((b, ctx) => {
        const all = [...(b.assign ?? []).map((p, i) => ({ p, path: ['assign', i] })), ...(b.unassign ?? []).map((p, i) => ({ p, path: ['unassign', i] }))];
        if (all.length === 0) ctx.addIssue(customIssue([], 'empty-bulk'));
        if (all.length > BULK_MAX_PAIRS) ctx.addIssue(customIssue([], 'too-many-pairs', { max: BULK_MAX_PAIRS }));
        const seen = new Set<string>();
        for (const { p, path } of all) {
          const k = `${p.caseId}/${p.sub}`;
          if (seen.has(k)) ctx.addIssue(customIssue(path, 'duplicate-pair', { sub: p.sub, caseId: p.caseId }));
          seen.add(k);
        }
      }),
    ),
  'AssignmentsInput',
  'Case-reviewer pairs to assign and to unassign, all applied or none.',
);
