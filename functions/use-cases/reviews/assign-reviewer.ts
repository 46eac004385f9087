/**
 * Primary course:
 * 1. One pair through the same all-or-nothing path as the bulk route (committee.ts, applyAssignments).
 * 2. A case the organiser cannot address is a 404, their own case a 403; an existing assignment is answered as is.
 */
import type { Caller } from '#domain/caller';
import type { ReviewerRecord } from '#domain/review';
import { applyAssignments, singlePairRefusal, type AssignmentPorts } from './committee.ts';

export async function assignReviewer(
  ports: AssignmentPorts,
  input: { caseId: string; sub: string; caller: Caller; now: Date },
): Promise<{ reviewer: ReviewerRecord; created: boolean }> {
  const pair = { caseId: input.caseId, sub: input.sub };
  const result = await applyAssignments(ports, [{ kind: 'assign', pair, path: 'sub' }], input.caller, input.now).catch(singlePairRefusal);
  const [created] = result.assigned;
  return created ? { reviewer: created, created: true } : { reviewer: result.unchanged[0]!, created: false };
}
