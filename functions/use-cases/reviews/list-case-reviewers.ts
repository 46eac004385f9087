/**
 * Primary course:
 * 1. The caller is an organiser who does not own the case (committee access: 404 / 403).
 * 2. A page of its reviewers, assigned and conflicted.
 */
import type { Caller } from '#domain/caller';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import type { Reviews } from '../ports.ts';

export type ListCaseReviewersPorts = CaseAccessPorts & { reviews: Pick<Reviews, 'listReviewers'> };

export async function listCaseReviewers(ports: ListCaseReviewersPorts, input: { caseId: string; caller: Caller; limit: number; cursor?: string }) {
  await caseFor(ports, input.caseId, input.caller, 'committee');
  return ports.reviews.listReviewers(input.caseId, input.limit, input.cursor);
}
