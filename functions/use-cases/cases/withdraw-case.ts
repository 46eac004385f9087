/**
 * Primary course:
 * 1. The caller owns the case (404 / 403) and no decision froze it (409); the results are not released (409).
 *    A withdrawn case is answered as it is: withdrawing twice is harmless. If-Match (if sent) names its version (412).
 * 2. One transaction: the case as withdrawn (conditioned on the version read), the edition still unreleased, and
 *    the audit entry.
 */
import type { CaseRecord } from '#domain/case';
import type { Caller } from '#domain/caller';
import { assertVersion, changedMeanwhile, type IfMatch } from '#domain/concurrency';
import { assertNotReleased, releasedConflict, type AuditRecord } from '#domain/edition';
import { caseFor, type CaseAccessPorts, type CaseInEdition } from '../case-access.ts';
import type { Cases, Transactions } from '../ports.ts';

const CONSEQUENCE = 'no-withdrawal';

export type WithdrawCasePorts = CaseAccessPorts & { cases: Pick<Cases, 'replaceCase'>; transactions: Pick<Transactions, 'notReleasedCheck'> };

export async function withdrawCase(
  ports: WithdrawCasePorts,
  input: { caseId: string; caller: Caller; ifMatch: IfMatch; now: Date },
): Promise<CaseInEdition> {
  const { record, edition, extension } = await caseFor(ports, input.caseId, input.caller, 'edit');
  assertNotReleased(edition, CONSEQUENCE);
  if (record.status === 'withdrawn') return { record, edition, extension };
  assertVersion(input.ifMatch, record.version, 'case');
  const next: CaseRecord = { ...record, status: 'withdrawn', updatedAt: input.now.toISOString(), version: record.version + 1 };
  const withdrawn: AuditRecord = { editionId: edition.editionId, at: next.updatedAt, action: 'case-withdrawn', by: input.caller.sub, subject: record.caseId, details: { previousStatus: record.status } };
  const outcome = await ports.cases.replaceCase(next, record, [ports.transactions.notReleasedCheck(edition.editionId)], [], [withdrawn]);
  if (outcome === 'gate-closed') throw releasedConflict(CONSEQUENCE);
  if (outcome === 'version-mismatch') throw changedMeanwhile('case');
  return { record: next, edition, extension };
}
