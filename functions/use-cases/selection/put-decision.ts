/**
 * Primary course:
 * 1. The caller is an organiser who does not own the case (committee access: 404 / 403); the edition is closed
 *    and not released, the case is submitted (409).
 * 2. Once the owner has been notified, the decision can no longer change (409): they were told.
 * 3. One transaction: the decision and its audit entry. The owner sees it only after their notice is sent or the
 *    results are released.
 */
import type { Caller } from '#domain/caller';
import type { CaseRecord } from '#domain/case';
import { assertNotReleased, type EditionRecord } from '#domain/edition';
import { AppError } from '#domain/errors';
import { editionStatus } from '#domain/rules';
import type { Decision } from '#domain/vocabulary';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import type { Cases } from '../ports.ts';

export type PutDecisionPorts = CaseAccessPorts & { cases: Pick<Cases, 'recordDecision'> };

export async function putDecision(
  ports: PutDecisionPorts,
  input: { caseId: string; decision: Decision; note?: string | null; caller: Caller; now: Date },
): Promise<{ decided: CaseRecord; edition: EditionRecord }> {
  const { decision, note, caller, now } = input;
  const { record, edition } = await caseFor(ports, input.caseId, caller, 'committee');
  assertNotReleased(edition, 'decisions-final');
  if (editionStatus(edition, now) !== 'closed') throw new AppError('conflict', 'detail.decision-not-closed');
  if (record.status !== 'submitted') throw new AppError('conflict', { key: 'detail.decision-not-submitted', params: { status: record.status } });
  if (record.notifiedAt && record.decision !== decision) throw new AppError('conflict', { key: 'detail.decision-notified', params: { decision: String(record.decision) } });
  const at = now.toISOString();
  const outcome = await ports.cases.recordDecision(
    { caseId: record.caseId, editionId: record.editionId, decision, note: note ?? undefined, by: caller.sub, at },
    { editionId: record.editionId, at, action: 'decision-recorded', by: caller.sub, subject: record.caseId, details: { decision, ...(note ? { note } : {}) } },
  );
  if (outcome === 'edition') throw new AppError('conflict', 'detail.decision-edition-changed');
  if (outcome === 'case-changed') throw new AppError('conflict', 'detail.decision-case-changed');
  const decided: CaseRecord = { ...record, decision, decidedAt: at, decidedBy: caller.sub, ...(note ? { decisionNote: note } : {}) };
  return { decided, edition };
}
