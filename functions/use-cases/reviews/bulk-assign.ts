/**
 * Primary course:
 * 1. The edition exists (404 otherwise).
 * 2. Every pair to assign and to unassign is applied, all or nothing (committee.ts, applyAssignments); a refused
 *    pair is named by its place in the request (assign.3, unassign.0).
 */
import type { Caller } from '#domain/caller';
import { notFound } from '#domain/errors';
import type { Pair } from '#domain/review-input';
import type { Editions } from '../ports.ts';
import { applyAssignments, type AssignmentChange, type AssignmentPorts, type AssignmentResult } from './committee.ts';

export type BulkAssignPorts = AssignmentPorts & { editions: Pick<Editions, 'getEdition'> };

export async function bulkAssign(
  ports: BulkAssignPorts,
  input: { editionId: string; assign?: Pair[]; unassign?: Pair[]; caller: Caller; now: Date },
): Promise<AssignmentResult> {
  if (!(await ports.editions.getEdition(input.editionId))) throw notFound('edition');
  const changes: AssignmentChange[] = [
    ...(input.assign ?? []).map((pair, i) => ({ kind: 'assign' as const, pair, path: `assign.${i}` })),
    ...(input.unassign ?? []).map((pair, i) => ({ kind: 'unassign' as const, pair, path: `unassign.${i}` })),
  ];
  return applyAssignments(ports, changes, input.caller, input.now, input.editionId);
}
