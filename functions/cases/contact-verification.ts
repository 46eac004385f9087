import { codeSendRefusal, contactConfirmed, issuedCode, newContactCode } from '#domain/contact';
import { AppError } from '#domain/errors';
import { ulid } from '#domain/ids';
import { CONTACT_CODE_RESEND_SECONDS, CONTACT_CODES_PER_APPLICANT_PER_DAY } from '#domain/limits';
import { contactVerification, type MailRecord } from '#domain/mail';
import { getContactCode, issueContactCode } from '#adapters/contact-repo';
import { caseFor } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { routes } from '#shared/routes';
import { attemptMail } from '#shared/send-mail';

/**
 * Primary course:
 * 1. The caller owns the case (404 / 403); it is not withdrawn, has a contact address, and that address is not
 *    confirmed yet (409).
 * 2. The limits (domain/contact.ts, codeSendRefusal; 429): one code a case per CONTACT_CODE_RESEND_SECONDS, so many
 *    a day, and the applicant's daily cap over all their cases.
 * 3. One transaction: the new code, hashed, in place of the one read (so two requests cannot both pass the limits),
 *    the applicant's daily count, and the mail with the code to the contact address alone.
 * 4. Send it now; a failure leaves it to the retry worker.
 */
export const handler = httpHandler(routes.sendContactCode, async ({ params, caller, now }) => {
  const { record, edition } = await caseFor(params.caseId, caller, 'own');
  if (record.status === 'withdrawn') throw new AppError('conflict', 'The case is withdrawn.');
  const email = record.contact?.email;
  if (!email) throw new AppError('conflict', 'The case has no contact e-mail address to confirm.');
  if (contactConfirmed(record)) throw new AppError('conflict', 'The contact address is already confirmed.');

  const previous = await getContactCode(record.caseId);
  const refused = codeSendRefusal(previous, now);
  if (refused) throw new AppError('rate-limited', refused);

  const code = newContactCode();
  const issued = issuedCode(record.caseId, email, code, previous, now);
  const t = now.toISOString();
  const mail: MailRecord = {
    ...contactVerification(record.caseId, email, edition, code, issued.codeExpiresAt),
    mailId: ulid(now.getTime()),
    kind: 'contact-verification',
    caseId: record.caseId,
    editionId: record.editionId,
    status: 'pending',
    attempts: 0,
    nextAttemptAt: t,
    createdAt: t,
    updatedAt: t,
  };
  const outcome = await issueContactCode(record.ownerId, issued, previous, mail);
  if (outcome === 'changed') throw new AppError('rate-limited', 'A code for this case was sent a moment ago; ask again later.');
  if (outcome === 'applicant-limit') {
    throw new AppError('rate-limited', `At most ${CONTACT_CODES_PER_APPLICANT_PER_DAY} codes a day are sent for one applicant's cases; ask again tomorrow (UTC).`);
  }

  const sent = await attemptMail(mail.mailId).catch((err: Error) => {
    logger.warn('contact code left for the retry worker', { mailId: mail.mailId, error: err.message });
    return 'retry' as const;
  });
  logger.info('contact code sent', { caseId: record.caseId, mail: sent });
  const nextCodeAfter = new Date(now.getTime() + CONTACT_CODE_RESEND_SECONDS * 1000).toISOString();
  return { status: 202, body: { sentTo: email, expiresAt: issued.codeExpiresAt, nextCodeAfter } };
});
