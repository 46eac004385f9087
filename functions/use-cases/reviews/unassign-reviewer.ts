/**
 * Primary course:
 * 1. One pair through the same all-or-nothing path as the bulk route (committee.ts, applyAssignments).
 * 2. Unassigning a reviewer who is not assigned is a 404: there is no such assignment. On a case the organiser owns, 403.
 */
import type { Caller } from '#domain/caller';
import { applyAssignments, singlePairRefusal, type AssignmentPorts } from './committee.ts';

export async function unassignReviewer(ports: AssignmentPorts, input: { caseId: string; sub: string; caller: Caller; now: Date }): Promise<void> {
  const pair = { caseId: input.caseId, sub: input.sub };
  await applyAssignments(ports, [{ kind: 'unassign', pair, path: 'sub' }], input.caller, input.now).catch(singlePairRefusal);
}
