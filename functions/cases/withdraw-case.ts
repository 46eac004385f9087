import { caseView } from '#shared/views/case';
import { AppError } from '#domain/errors';
import { replaceCase } from '#adapters/cases-repo';
import { notReleasedCheck } from '#adapters/transact';
import { caseFor } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** Withdraws the caller's case, before the results are released and before a decision freezes it (409). Withdrawing twice is harmless. */
export const handler = httpHandler(routes.withdrawCase, async ({ params, caller, ifMatch, now }) => {
  const { record, edition } = await caseFor(params.caseId, caller, 'edit');
  if (edition.releasedAt) throw new AppError('conflict', 'The results are released; the case can no longer be withdrawn.');
  if (record.status === 'withdrawn') return { status: 200, body: caseView(record, edition, 'owner', now), version: record.version };
  if (typeof ifMatch === 'number' && ifMatch !== record.version) throw new AppError('precondition-failed', `The case is at version ${record.version}.`);
  const next = { ...record, status: 'withdrawn' as const, updatedAt: now.toISOString(), version: record.version + 1 };
  const withdrawn = { editionId: edition.editionId, at: next.updatedAt, action: 'case-withdrawn' as const, by: caller.sub, subject: record.caseId, details: { previousStatus: record.status } };
  const outcome = await replaceCase(next, record.version, [notReleasedCheck(edition.editionId)], [], [withdrawn]);
  if (outcome === 'gate-closed') throw new AppError('conflict', 'The results were just released; the case can no longer be withdrawn.');
  if (outcome === 'version-mismatch') throw new AppError('precondition-failed', 'The case changed meanwhile; read it again.');
  return { status: 200, body: caseView(next, edition, 'owner', now), version: next.version };
});
