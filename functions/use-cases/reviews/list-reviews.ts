/**
 * Primary course:
 * 1. The caller is an organiser who does not own the case (committee access: 404 / 403).
 * 2. A page of its reviews, with the aggregate from the case item, where every review change keeps it in step
 *    with the reviews.
 */
import type { Caller } from '#domain/caller';
import { reviewsOf } from '#domain/case';
import type { ReviewAggregate, ReviewRecord } from '#domain/review';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import type { Reviews } from '../ports.ts';

export async function listReviews(
  ports: CaseAccessPorts & { reviews: Pick<Reviews, 'listReviews'> },
  input: { caseId: string; caller: Caller; limit: number; cursor?: string },
): Promise<{ aggregate: ReviewAggregate; items: ReviewRecord[]; nextCursor: string | null }> {
  const { record } = await caseFor(ports, input.caseId, input.caller, 'committee');
  const page = await ports.reviews.listReviews(input.caseId, input.limit, input.cursor);
  return { aggregate: reviewsOf(record), ...page };
}
