/**
 * Primary course, in three sequential DynamoDB round trips and no call to SES:
 * 1. One read of the case with its attachments (and its latest confirmation, kept on the case). The caller owns it
 *    (404 / 403), it is not withdrawn (409), If-Match (if sent) names its version (412); then one read of the edition
 *    and the owner's extension: it accepts submissions now (409).
 * 2. Every rule at once: readiness, and no attachment still being verified (422 listing all problems).
 * 3. One transaction: the deadline checks, the case as submitted with its receipt (conditioned on the version read)
 *    and, when one is due, its confirmation slot and the confirmation mail as a pending record. Nothing is
 *    half-written.
 * 4. At most one confirmation a case an hour: a re-submit within the hour queues one mail for the end of the hour
 *    (or none, when one is already waiting); the mail is rendered when it is sent, so it says the latest receipt.
 * 5. The mail is sent after the answer, from the table's stream (functions/mail/send-new-mail.ts), or by the retry
 *    worker when it is due later or its first attempt failed; the applicant's daily cap of confirmations applies
 *    there (send-mail.ts). The answer carries the receipt whatever happens to the mail.
 */
import { fieldsOf, type CaseRecord, type ConfirmationSlot } from '#domain/case';
import type { Caller } from '#domain/caller';
import { assertVersion, changedMeanwhile, type IfMatch } from '#domain/concurrency';
import { AppError } from '#domain/errors';
import { ulid } from '#domain/ids';
import { confirmationDue, recipients, submissionSubject, type MailRecord } from '#domain/mail';
import { readiness } from '#domain/rules';
import { stamp } from '#domain/submission';
import { accessTo, type CaseAccessPorts, type CaseInEdition } from '../case-access.ts';
import { gateFor, refusal, type GatePorts, type RefusalPorts } from '../deadline.ts';
import type { Cases, Log, Mails } from '../ports.ts';

export type SubmitCasePorts = Omit<CaseAccessPorts, 'cases'> &
  GatePorts &
  RefusalPorts & {
    cases: Pick<Cases, 'getCase' | 'getCaseWithAttachments' | 'replaceCase'>;
    mails: Pick<Mails, 'mailPut'>;
    log: Log;
  };

export async function submitCase(
  ports: SubmitCasePorts,
  input: { caseId: string; caller: Caller; ifMatch: IfMatch; now: Date },
): Promise<CaseInEdition> {
  const { now } = input;
  const { record: read, attachments } = await ports.cases.getCaseWithAttachments(input.caseId);
  const { record, edition, extension } = await accessTo(ports, read, input.caller, 'edit');
  if (record.status === 'withdrawn') throw new AppError('conflict', 'detail.case-withdrawn');
  assertVersion(input.ifMatch, record.version, 'case');
  const gate = gateFor(ports, edition, extension, now);

  const problems = readiness(fieldsOf(record), edition.rules, edition.timeZone, now).problems;
  for (const a of attachments.filter((x) => x.status === 'pending' && x.purpose === 'supporting')) {
    problems.push({ path: `attachments.${a.attachmentId}`, code: 'attachment-pending', message: { key: 'field.attachment-pending', params: { fileName: a.fileName } } });
  }
  if (problems.length) throw new AppError('not-eligible', 'detail.case-not-ready', problems);

  const mail = queuedConfirmation(record, now);
  const submitted: CaseRecord = {
    ...stamp(record, attachments, now),
    ...(mail ? { confirmation: { mailId: mail.mailId, dueAt: mail.nextAttemptAt } satisfies ConfirmationSlot } : {}),
    updatedAt: now.toISOString(),
    version: record.version + 1,
  };
  const outcome = await ports.cases.replaceCase(submitted, record, gate.checks, mail ? [ports.mails.mailPut(mail)] : []);
  if (outcome === 'gate-closed') throw await refusal(ports, edition, now);
  if (outcome === 'version-mismatch') throw changedMeanwhile('case');

  const queued = !mail ? 'none' : mail.nextAttemptAt > now.toISOString() ? 'deferred' : 'queued';
  ports.log.info('case submitted', { caseId: record.caseId, receipt: submitted.receipt!.sha256, mail: queued, mailId: mail?.mailId });
  return { record: submitted, edition, extension };
}

/**
 * The confirmation to queue with this submission, if one is due (domain/mail.ts, confirmationDue). Addressed, not
 * rendered: it says the receipt current when it is sent.
 */
function queuedConfirmation(c: CaseRecord, now: Date): MailRecord | undefined {
  const due = confirmationDue(c.confirmation, now);
  if (!due) return undefined;
  const t = now.toISOString();
  return {
    ...recipients(c),
    subject: submissionSubject(c.caseId),
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
}
