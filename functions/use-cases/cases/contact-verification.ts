/**
 * Primary course:
 * 1. The caller owns the case (404 / 403); it is not withdrawn, has a contact address, and that address is not
 *    confirmed yet (409).
 * 2. The limits (domain/contact.ts, codeSendRefusal; 429): one code a case per CONTACT_CODE_RESEND_SECONDS, so many
 *    a day, and the applicant's daily cap over all their cases.
 * 3. One transaction: the new code, hashed, in place of the one read (so two requests cannot both pass the limits),
 *    the applicant's daily count, and the mail with the code to the contact address alone, in the case's language.
 * 4. The mail is sent after the answer, from the table's stream (functions/mail/send-new-mail.ts); a failed attempt is
 *    the retry worker's.
 */
import type { Caller } from '#domain/caller';
import { codeSendRefusal, contactConfirmed, issuedCode, newContactCode, type ContactCodeRecord } from '#domain/contact';
import { AppError } from '#domain/errors';
import { ulid } from '#domain/ids';
import { CONTACT_CODE_RESEND_SECONDS, CONTACT_CODES_PER_APPLICANT_PER_DAY } from '#domain/limits';
import { contactVerification, type MailRecord } from '#domain/mail';
import { caseFor, type CaseAccessPorts } from '../case-access.ts';
import type { Contacts, Log } from '../ports.ts';
import { caseLocale } from '../recipient-locale.ts';

export type SendContactCodePorts = CaseAccessPorts & { contacts: Pick<Contacts, 'getContactCode' | 'issueContactCode'>; log: Log };

/** The code issued (its address and expiry), and when the next one may be asked for. */
export async function sendContactCode(ports: SendContactCodePorts, input: { caseId: string; caller: Caller; now: Date }): Promise<{ issued: ContactCodeRecord; nextCodeAfter: string }> {
  const { now } = input;
  const { record, edition } = await caseFor(ports, input.caseId, input.caller, 'own');
  if (record.status === 'withdrawn') throw new AppError('conflict', 'detail.case-withdrawn');
  const email = record.contact?.email;
  if (!email) throw new AppError('conflict', 'detail.contact-missing');
  if (contactConfirmed(record)) throw new AppError('conflict', 'detail.contact-confirmed');

  const previous = await ports.contacts.getContactCode(record.caseId);
  const refused = codeSendRefusal(previous, now);
  if (refused) throw new AppError('rate-limited', refused);

  const code = newContactCode();
  const issued = issuedCode(record.caseId, email, code, previous, now);
  const t = now.toISOString();
  const mail: MailRecord = {
    ...contactVerification(caseLocale(record), record.caseId, email, edition, code, issued.codeExpiresAt),
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
  const outcome = await ports.contacts.issueContactCode(record.ownerId, issued, previous, mail);
  if (outcome === 'changed') throw new AppError('rate-limited', 'detail.code-sent-moment-ago');
  if (outcome === 'applicant-limit') {
    throw new AppError('rate-limited', { key: 'detail.codes-per-applicant', params: { max: CONTACT_CODES_PER_APPLICANT_PER_DAY } });
  }

  ports.log.info('contact code queued', { caseId: record.caseId, mailId: mail.mailId });
  return { issued, nextCodeAfter: new Date(now.getTime() + CONTACT_CODE_RESEND_SECONDS * 1000).toISOString() };
}
