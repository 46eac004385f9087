import { totalOf, type ReviewerRecord, type ReviewRecord } from '#domain/review';
import type { ResponseBody } from '../responses.ts';

export function reviewView(r: ReviewRecord): ResponseBody<'Review'> {
  return {
    caseId: r.caseId,
    reviewer: { sub: r.reviewerId, email: r.reviewerEmail },
    scores: r.scores,
    total: totalOf(r.scores),
    recommendation: r.recommendation,
    comment: r.comment ?? null,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    version: r.version,
  };
}

export function reviewerView(p: ReviewerRecord): ResponseBody<'Reviewer'> {
  return {
    caseId: p.caseId,
    sub: p.sub,
    state: p.state,
    assignedAt: p.assignedAt,
    assignedBy: p.assignedBy,
    reviewedAt: p.reviewedAt ?? null,
    conflict: p.state === 'conflicted' ? { reason: p.conflictReason ?? '', declaredAt: p.declaredAt ?? '' } : null,
  };
}
