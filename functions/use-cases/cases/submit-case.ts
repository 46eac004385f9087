/**
 * Primary course:
 * 1. The caller owns the case (404 / 403), it is not withdrawn (409), If-Match (if sent) names its version (412),
 *    and the edition or the owner's extension accepts submissions now (409).
 * 2. Every rule at once: readiness, and no attachment still being verified (422 listing all problems).
 * 3. One transaction: the deadline checks, the case as submitted with its receipt (conditioned on the
 *    version read), and, when one is due, the confirmation mail as a pending record with the case's confirmation
 *    slot and the applicant's daily count. Nothing is half-written.
 * 4. At most one confirmation a case an hour: a re-submit within the hour queues one mail for the end of the hour
 *    (or none, when one is already waiting); the mail is rendered when it is sent, so it says the latest receipt.
 *    Past the applicant's daily cap none is queued. The answer carries the receipt whatever happens to the mail.
 * 5. Send a confirmation that is due now. A failure never undoes the submission: the mail stays queued and the
 *    retry worker sends it later; every attempt is recorded.
 */
import { fieldsOf, type CaseRecord } from '#domain/case';
import type { Caller } from '#domain/caller';
import { assertVersion, changedMeanwhile, type IfMatch } from '#domain/concurrency';
import { utcDay } from '#domain/contact';
import type { EditionRecord } from '#domain/edition';
import { AppError } from '#domain/errors';
import { ulid } from '#domain/ids';
import { CONFIRMATIONS_PER_APPLICANT_PER_DAY } from '#domain/limits';
import { confirmationDue, submissionConfirmation, type ConfirmationSlot, type MailRecord } from '#domain/mail';
import { readiness } from '#domain/rules';
import { stamp } from '#domain/submission';
import type { Guarded } from '#adapters/cases-repo';
import type { TransactItem } from '#adapters/table';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import { gateFor, refusal, type GatePorts, type RefusalPorts } from '../deadline.ts';
import { attemptMail, type SendMailPorts } from '#use-cases/mail/send-mail';
import type { Attachments, Cases, Mails } from '../ports.ts';
import { attachmentsOf } from '../receipts.ts';

export type SubmitCasePorts = CaseAccessPorts &
  GatePorts &
  RefusalPorts &
  SendMailPorts & {
    cases: Pick<Cases, 'replaceCase'>;
    attachments: Pick<Attachments, 'listAttachments'>;
    mails: Pick<Mails, 'getConfirmationSlot' | 'mailPut' | 'confirmationSlotPut' | 'applicantMailCount'>;
  };

export async function submitCase(
  ports: SubmitCasePorts,
  input: { caseId: string; caller: Caller; ifMatch: IfMatch; now: Date },
): Promise<{ record: CaseRecord; edition: EditionRecord }> {
  const { now } = input;
  const { record, edition, extension } = await caseFor(ports, input.caseId, input.caller, 'edit');
  if (record.status === 'withdrawn') throw new AppError('conflict', 'The case is withdrawn.');
  assertVersion(input.ifMatch, record.version, 'The case');
  const gate = gateFor(ports, edition, extension, now);

  const attachments = await attachmentsOf(ports, record.caseId);
  const problems = readiness(fieldsOf(record), edition.rules, edition.timeZone, now).problems;
  for (const a of attachments.filter((x) => x.status === 'pending' && x.purpose === 'supporting')) {
    problems.push({ path: `attachments.${a.attachmentId}`, code: 'attachment-pending', message: `${a.fileName} is still being verified (or was never uploaded); wait, or delete it` });
  }
  if (problems.length) throw new AppError('not-eligible', 'The case cannot be submitted yet.', problems);

  const submitted = { ...stamp(record, attachments, now), updatedAt: now.toISOString(), version: record.version + 1 };
  let confirmation = queuedConfirmation(ports, submitted, edition, await ports.mails.getConfirmationSlot(record.caseId), now);

  let outcome = await ports.cases.replaceCase(submitted, record.version, gate.checks, confirmation?.items ?? []);
  if (outcome === 'mail-limit') {
    ports.log.info('no confirmation queued: the applicant reached their daily limit', { caseId: record.caseId });
    confirmation = undefined;
    outcome = await ports.cases.replaceCase(submitted, record.version, gate.checks);
  }
  if (outcome === 'gate-closed') throw await refusal(ports, edition, now);
  if (outcome === 'version-mismatch') throw changedMeanwhile('The case');

  const mail = confirmation?.mail;
  const sent = !mail ? 'none' : mail.nextAttemptAt > now.toISOString() ? 'deferred' : await attemptMail(ports, mail.mailId).catch((err: Error) => {
    ports.log.warn('confirmation left for the retry worker', { mailId: mail.mailId, error: err.message });
    return 'retry' as const;
  });
  ports.log.info('case submitted', { caseId: record.caseId, receipt: submitted.receipt!.sha256, mail: sent });
  return { record: submitted, edition };
}

/**
 * The confirmation to queue with this submission, if one is due (domain/mail.ts, confirmationDue), with the items
 * that record it: the mail, the case's slot, and the applicant's daily count, whose cap fails the write as
 * 'mail-limit' (the submission is then written alone).
 */
function queuedConfirmation(
  ports: Pick<SubmitCasePorts, 'mails'>,
  c: CaseRecord,
  edition: EditionRecord,
  slot: ConfirmationSlot | undefined,
  now: Date,
): { mail: MailRecord; items: (TransactItem | Guarded<'mail-limit'>)[] } | undefined {
  const due = confirmationDue(slot, now);
  if (!due) return undefined;
  const t = now.toISOString();
  const mail: MailRecord = {
    ...submissionConfirmation(c, edition, c.receipt!),
    mailId: ulid(now.getTime()),
    kind: 'submission-confirmation',
    caseId: c.caseId,
    editionId: c.editionId,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: due.toISOString(),
    createdAt: t,
    updatedAt: t,
  };
  return {
    mail,
    items: [
      ports.mails.mailPut(mail),
      ports.mails.confirmationSlotPut({ caseId: c.caseId, mailId: mail.mailId, dueAt: mail.nextAttemptAt }),
      { item: ports.mails.applicantMailCount(c.ownerId, utcDay(due), 'confirmations', CONFIRMATIONS_PER_APPLICANT_PER_DAY), onFail: 'mail-limit' },
    ],
  };
}
