import { caseView, fieldsOf } from '#domain/case';
import { AppError } from '#domain/errors';
import { ulid } from '#domain/ids';
import { submissionConfirmation, type MailRecord } from '#domain/mail';
import { readiness } from '#domain/rules';
import { replaceCase } from '#adapters/cases-repo';
import { mailPut } from '#adapters/mail-repo';
import { caseFor } from '#shared/case-access';
import { gateFor, refusal } from '#shared/deadline';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { attachmentsOf, stamp } from '#shared/receipts';
import { routes } from '#shared/routes';
import { attemptMail } from '#shared/send-mail';
import { BUSINESS_METRICS, count } from '#shared/metrics';

/**
 * Primary course:
 * 1. The caller owns the case (404 / 403), it is not withdrawn (409), If-Match (if sent) names its version (412),
 *    and the edition or the owner's extension accepts submissions now (409).
 * 2. Every rule at once: readiness, and no attachment still being verified (422 listing all problems).
 * 3. One transaction: the deadline checks, the case as submitted with its receipt (conditioned on the
 *    version read), and the confirmation mail as a pending record. Nothing is half-written.
 * 4. Send the confirmation. A failure never undoes the submission: the mail stays queued and the retry
 *    worker sends it later; every attempt is recorded.
 */
export const handler = httpHandler(routes.submitCase, async ({ params, caller, ifMatch, now }) => {
  const { record, edition, extension } = await caseFor(params.caseId, caller, 'own');
  if (record.status === 'withdrawn') throw new AppError('conflict', 'The case is withdrawn.');
  if (typeof ifMatch === 'number' && ifMatch !== record.version) throw new AppError('precondition-failed', `The case is at version ${record.version}.`);
  const gate = gateFor(edition, extension, now);

  const attachments = await attachmentsOf(record.caseId);
  const problems = readiness(fieldsOf(record), edition.rules, edition.timeZone, now).problems;
  for (const a of attachments.filter((x) => x.status === 'pending' && x.purpose === 'supporting')) {
    problems.push({ path: `attachments.${a.attachmentId}`, code: 'attachment-pending', message: `${a.fileName} is still being verified (or was never uploaded); wait, or delete it` });
  }
  if (problems.length) throw new AppError('not-eligible', 'The case cannot be submitted yet.', problems);

  const submitted = { ...stamp(record, attachments, now), updatedAt: now.toISOString(), version: record.version + 1 };
  const t = now.toISOString();
  const mail: MailRecord = {
    ...submissionConfirmation(submitted, edition, submitted.receipt!),
    mailId: ulid(now.getTime()),
    kind: 'submission-confirmation',
    caseId: record.caseId,
    editionId: record.editionId,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: t,
    createdAt: t,
    updatedAt: t,
  };

  const outcome = await replaceCase(submitted, record.version, gate.checks, [mailPut(mail)]);
  if (outcome === 'gate-closed') throw await refusal(edition, now);
  if (outcome === 'version-mismatch') throw new AppError('precondition-failed', 'The case changed while you were submitting it; read it again.');

  const sent = await attemptMail(mail.mailId).catch((err: Error) => {
    logger.warn('confirmation left for the retry worker', { mailId: mail.mailId, error: err.message });
    return 'retry' as const;
  });
  count(BUSINESS_METRICS.casesSubmitted);
  logger.info('case submitted', { caseId: record.caseId, receipt: submitted.receipt!.sha256, mail: sent });
  return { status: 200, body: caseView(submitted, edition, 'owner', now), version: submitted.version };
});
