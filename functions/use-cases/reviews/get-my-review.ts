/**
 * Primary course:
 * 1. The caller is assigned to the case (404 otherwise, also after declaring a conflict).
 * 2. Their review, read strongly consistent (404 until they save one).
 */
import type { Caller } from '#domain/caller';
import { notFound } from '#domain/errors';
import type { ReviewRecord } from '#domain/review';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import type { Reviews } from '../ports.ts';

export async function getMyReview(
  ports: CaseAccessPorts & { reviews: Pick<Reviews, 'getReview'> },
  input: { caseId: string; caller: Caller },
): Promise<ReviewRecord> {
  const { reviewer } = await caseFor(ports, input.caseId, input.caller, 'review');
  if (reviewer?.state !== 'assigned') throw notFound('case');
  const review = await ports.reviews.getReview(input.caseId, input.caller.sub);
  if (!review) throw notFound('review');
  return review;
}
