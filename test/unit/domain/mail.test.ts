/** The mail domain: who is written to, what goes into a subject, how often, and the contact's code. */
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '#domain/case';
import { patchedCase } from '#domain/case';
import { checkContactCode, codeSendRefusal, contactConfirmed, issuedCode, newContactCode } from '#domain/contact';
import type { EditionRecord } from '#domain/edition';
import { CONFIRMATION_INTERVAL_SECONDS, CONTACT_CODE_MAX_ATTEMPTS, CONTACT_CODE_RESEND_SECONDS, CONTACT_CODE_TTL_SECONDS, CONTACT_CODES_PER_CASE_PER_DAY } from '#domain/limits';
import { confirmationDue, contactVerification, submissionConfirmation } from '#domain/mail';
import { selectionNotice } from '#domain/notification';
import { isSingleLine } from '#domain/text';
import { assertSafeHeaders, PermanentMailError } from '#adapters/mailer';

const CASE_ID = '01HZX3N4QK7M2XG5V6R9T0BCDE';
const edition = { editionId: '2024', name: 'Practice cases 2024', timeZone: 'Asia/Shanghai', contact: null } as unknown as EditionRecord;
const hostile = 'Hi\r\nBcc: victim@example.org\r\n\r\nBuy now';
const base = {
  caseId: CASE_ID,
  editionId: '2024',
  ownerId: 'ann',
  ownerEmail: 'ann@example.org',
  status: 'submitted',
  title: hostile,
  contact: { name: 'Stranger', email: 'victim@example.org' },
  receipt: { submittedAt: '2024-06-01T00:00:00.000Z', sha256: 'a'.repeat(64) },
  createdAt: '2024-05-01T00:00:00.000Z',
  updatedAt: '2024-06-01T00:00:00.000Z',
  version: 3,
} as CaseRecord;
const at = (iso: string) => new Date(iso);

describe('the submission confirmation', () => {
  it('goes to the owner only while the contact is unconfirmed, and copies the contact once confirmed', () => {
    expect(submissionConfirmation(base, edition, base.receipt!)).toMatchObject({ to: ['ann@example.org'], cc: [] });
    const confirmed = { ...base, contactConfirmedEmail: 'victim@example.org' };
    expect(submissionConfirmation(confirmed, edition, base.receipt!)).toMatchObject({ to: ['ann@example.org'], cc: ['victim@example.org'] });
  });

  it('builds its subject from the case id only: a title with CR LF never reaches a header', () => {
    const m = submissionConfirmation(base, edition, base.receipt!);
    expect(m.subject).toBe(`Case submitted: ${CASE_ID}`);
    expect(isSingleLine(m.subject)).toBe(true);
  });

  it('and so does the selection notice', () => {
    const m = selectionNotice({ ...base, decision: 'outstanding' }, edition);
    expect(m.subject).toBe(`Outstanding case: ${CASE_ID}`);
    expect({ to: m.to, cc: m.cc }).toEqual({ to: ['ann@example.org'], cc: [] });
  });

  it('is due at once, then at most once an interval: a re-submit within it waits for its end, or joins the mail already waiting', () => {
    const t0 = at('2024-06-01T00:00:00.000Z');
    expect(confirmationDue(undefined, t0)).toEqual(t0);
    const slot = { caseId: CASE_ID, mailId: 'M0', dueAt: t0.toISOString() };
    const end = new Date(t0.getTime() + CONFIRMATION_INTERVAL_SECONDS * 1000);
    expect(confirmationDue(slot, at('2024-06-01T00:05:00.000Z'))).toEqual(end);
    expect(confirmationDue({ ...slot, dueAt: end.toISOString() }, at('2024-06-01T00:06:00.000Z'))).toBeUndefined();
    expect(confirmationDue(slot, at('2024-06-01T03:00:00.000Z'))).toEqual(at('2024-06-01T03:00:00.000Z'));
  });
});

describe('mail headers', () => {
  it('a transport refuses a subject or an address with a line break (a permanent failure)', () => {
    const ok = { to: ['ann@example.org'], cc: [], subject: 'Fine', text: 'multi\nline', html: '' };
    expect(() => assertSafeHeaders(ok)).not.toThrow();
    expect(() => assertSafeHeaders({ ...ok, subject: hostile })).toThrow(PermanentMailError);
    expect(() => assertSafeHeaders({ ...ok, cc: ['a@example.org\r\nBcc: b@example.org'] })).toThrow(PermanentMailError);
  });
});

describe('confirming the contact address', () => {
  const now = at('2024-06-01T10:00:00.000Z');

  it('sends the code to the contact alone, with nothing the applicant typed', () => {
    const m = contactVerification(CASE_ID, 'victim@example.org', edition, 'ABCD-EFGH', '2024-06-01T10:30:00.000Z');
    expect(m).toMatchObject({ to: ['victim@example.org'], cc: [], subject: `Confirmation code for the contact of case ${CASE_ID}` });
    expect(m.text).toContain('ABCD-EFGH');
    expect(m.text).not.toContain('Bcc');
  });

  it('is confirmed for the confirmed address only, or when the contact is the owner; a changed address drops it', () => {
    expect(contactConfirmed(base)).toBe(false);
    expect(contactConfirmed({ ...base, contact: { email: 'ANN@example.org' } })).toBe(true);
    const confirmed = { ...base, contactConfirmedEmail: 'victim@example.org' };
    expect(contactConfirmed(confirmed)).toBe(true);
    const other = patchedCase(confirmed, { contact: { name: 'X', email: 'other@example.org' } }, now);
    expect(other.contactConfirmedEmail).toBeUndefined();
    expect(contactConfirmed(patchedCase(other, { contact: { name: 'X', email: 'victim@example.org' } }, now))).toBe(false);
    expect(patchedCase(confirmed, { title: 'New title' }, now).contactConfirmedEmail).toBe('victim@example.org');
  });

  it('keeps the code hashed, accepts it as typed until it expires, and locks after too many wrong ones', () => {
    const code = newContactCode();
    expect(code).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
    const rec = issuedCode(CASE_ID, 'victim@example.org', code, undefined, now);
    expect(JSON.stringify(rec)).not.toContain(code.replace('-', ''));
    expect(JSON.stringify(rec)).not.toContain(code);
    expect(rec.codeExpiresAt).toBe(new Date(now.getTime() + CONTACT_CODE_TTL_SECONDS * 1000).toISOString());
    expect(checkContactCode(rec, 'victim@example.org', code.toLowerCase().replace('-', ' '), now)).toBe('ok');
    expect(checkContactCode(rec, 'victim@example.org', 'ZZZZ-ZZZZ', now)).toBe('wrong');
    expect(checkContactCode(rec, 'other@example.org', code, now)).toBe('none');
    expect(checkContactCode({ ...rec, attempts: CONTACT_CODE_MAX_ATTEMPTS }, 'victim@example.org', code, now)).toBe('locked');
    expect(checkContactCode(rec, 'victim@example.org', code, at(rec.codeExpiresAt))).toBe('expired');
    const { codeHash: _used, ...usedUp } = rec;
    expect(checkContactCode(usedUp, 'victim@example.org', code, now)).toBe('none');
  });

  it('limits the codes of a case: one per resend interval, so many a day', () => {
    const first = issuedCode(CASE_ID, 'victim@example.org', newContactCode(), undefined, now);
    expect(codeSendRefusal(undefined, now)).toBeUndefined();
    expect(codeSendRefusal(first, new Date(now.getTime() + (CONTACT_CODE_RESEND_SECONDS - 1) * 1000))).toMatch(/ask again after/);
    let rec = first;
    for (let i = 1; i < CONTACT_CODES_PER_CASE_PER_DAY; i++) {
      const t = new Date(now.getTime() + i * CONTACT_CODE_RESEND_SECONDS * 1000);
      expect(codeSendRefusal(rec, t)).toBeUndefined();
      rec = issuedCode(CASE_ID, 'victim@example.org', newContactCode(), rec, t);
    }
    expect(rec.sentThatDay).toBe(CONTACT_CODES_PER_CASE_PER_DAY);
    expect(codeSendRefusal(rec, at('2024-06-01T23:00:00.000Z'))).toMatch(/codes a day/);
    expect(codeSendRefusal(rec, at('2024-06-02T00:00:00.000Z'))).toBeUndefined();
  });
});
