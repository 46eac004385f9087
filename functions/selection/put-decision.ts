import { caseView } from '#shared/views/case';
import { AppError } from '#domain/errors';
import { editionStatus } from '#domain/rules';
import { recordDecision } from '#adapters/cases-repo';
import { caseFor } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/**
 * Records the organisers' decision on a submitted case of a closed, unreleased edition, with an audit entry,
 * in one transaction. Once the owner has been notified, the decision can no longer change (409): they were
 * told. The owner sees it only after their notice is sent or the results are released.
 */
export const handler = httpHandler(routes.putDecision, async ({ params, body, caller, now }) => {
  const { record, edition } = await caseFor(params.caseId, caller, 'committee');
  const status = editionStatus(edition, now);
  if (status !== 'closed') throw new AppError('conflict', status === 'released' ? 'The results are released; decisions are final.' : 'Decisions are recorded once the edition has closed.');
  if (record.status !== 'submitted') throw new AppError('conflict', `The case is ${record.status}; only submitted cases are decided.`);
  if (record.notifiedAt && record.decision !== body.decision) throw new AppError('conflict', `The owner has already been notified that the case is ${record.decision}; the decision can no longer change.`);
  const at = now.toISOString();
  const outcome = await recordDecision(
    { caseId: record.caseId, editionId: record.editionId, decision: body.decision, note: body.note ?? undefined, by: caller.sub, at },
    { editionId: record.editionId, at, action: 'decision-recorded', by: caller.sub, subject: record.caseId, details: { decision: body.decision, ...(body.note ? { note: body.note } : {}) } },
  );
  if (outcome === 'edition') throw new AppError('conflict', 'The edition changed meanwhile (released or reopened); read it again.');
  if (outcome === 'case-changed') throw new AppError('conflict', 'The case changed meanwhile (withdrawn, or its owner was just notified); read it again.');
  const decided = { ...record, decision: body.decision, decidedAt: at, decidedBy: caller.sub, ...(body.note ? { decisionNote: body.note } : {}) };
  return { status: 200, body: caseView(decided, edition, 'organiser', now), version: decided.version };
});
