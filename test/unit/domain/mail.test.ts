/** The mail domain: who is written to, what goes into a subject, how often, the contact's code, and each mail in both languages. */
import { describe, expect, it } from 'vitest';
import type { CaseRecord } from '#domain/case';
import { patchedCase } from '#domain/case';
import { checkContactCode, codeSendRefusal, contactConfirmed, issuedCode, newContactCode } from '#domain/contact';
import type { EditionRecord } from '#domain/edition';
import { CONFIRMATION_INTERVAL_SECONDS, CONTACT_CODE_MAX_ATTEMPTS, CONTACT_CODE_RESEND_SECONDS, CONTACT_CODE_TTL_SECONDS, CONTACT_CODES_PER_CASE_PER_DAY } from '#domain/limits';
import { confirmationDue, contactVerification, submissionConfirmation } from '#domain/mail';
import { selectionNotice } from '#domain/notification';
import { isSingleLine } from '#domain/text';
import { LOCALES, t } from '#domain/i18n/catalogues';
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
    expect(submissionConfirmation('en', base, edition, base.receipt!)).toMatchObject({ to: ['ann@example.org'], cc: [] });
    const confirmed = { ...base, contactConfirmedEmail: 'victim@example.org' };
    expect(submissionConfirmation('en', confirmed, edition, base.receipt!)).toMatchObject({ to: ['ann@example.org'], cc: ['victim@example.org'] });
  });

  it('builds its subject from the case id only: a title with CR LF never reaches a header', () => {
    for (const locale of LOCALES) {
      const m = submissionConfirmation(locale, base, edition, base.receipt!);
      expect(m.subject).toBe(t(locale, 'mail.submission.subject', { caseId: CASE_ID }));
      expect(isSingleLine(m.subject)).toBe(true);
    }
    expect(submissionConfirmation('en', base, edition, base.receipt!).subject).toBe(`Case submitted: ${CASE_ID}`);
  });

  it('and so does the selection notice', () => {
    const m = selectionNotice('en', { ...base, decision: 'outstanding' }, edition);
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
    const m = contactVerification('en', CASE_ID, 'victim@example.org', edition, 'ABCD-EFGH', '2024-06-01T10:30:00.000Z');
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
    expect(codeSendRefusal(first, new Date(now.getTime() + (CONTACT_CODE_RESEND_SECONDS - 1) * 1000))).toMatchObject({ key: 'detail.code-sent-at' });
    let rec = first;
    for (let i = 1; i < CONTACT_CODES_PER_CASE_PER_DAY; i++) {
      const t = new Date(now.getTime() + i * CONTACT_CODE_RESEND_SECONDS * 1000);
      expect(codeSendRefusal(rec, t)).toBeUndefined();
      rec = issuedCode(CASE_ID, 'victim@example.org', newContactCode(), rec, t);
    }
    expect(rec.sentThatDay).toBe(CONTACT_CODES_PER_CASE_PER_DAY);
    expect(codeSendRefusal(rec, at('2024-06-01T23:00:00.000Z'))).toMatchObject({ key: 'detail.codes-per-case', params: { max: CONTACT_CODES_PER_CASE_PER_DAY } });
    expect(codeSendRefusal(rec, at('2024-06-02T00:00:00.000Z'))).toBeUndefined();
  });
});

describe('each mail in both languages', () => {
  // Every character HTML gives a meaning to, in the title the applicant typed.
  const sly = `<b>&"'`;
  const escaped = '&lt;b&gt;&amp;&quot;&#39;';
  const submitted = { ...base, title: sly, receipt: { submittedAt: '2024-06-20T15:59:59.999Z', sha256: 'c'.repeat(64) } } as CaseRecord;
  const noticed = { ...edition, materialsDeadline: '2024-09-01T16:00:00.000Z', contact: { name: 'WIC <secretariat>', email: 'cases@example.org', phone: '+86 10 1234' } } as EditionRecord;

  it('confirms a submission in English: the title quoted and escaped, the time in Beijing and in UTC', () => {
    const m = submissionConfirmation('en', submitted, edition, submitted.receipt!);
    expect(m.text).toBe(
      [
        `Your case "${sly}" was submitted to Practice cases 2024.`,
        '',
        'Submitted: 23:59, 20 June 2024 (Beijing time), 15:59, 20 June 2024 (UTC)',
        `Receipt (SHA-256): ${'c'.repeat(64)}`,
        `Case: ${CASE_ID}`,
        '',
        'You can still edit the case until the deadline; each change issues a new receipt.',
        'Confirmations are sent at most once an hour; the next one, if any, says the receipt current when it is sent.',
      ].join('\n'),
    );
    expect(m.html).toContain(`<p>Your case &quot;<b>${escaped}</b>&quot; was submitted to Practice cases 2024.</p><ul><li>Submitted: 23:59, 20 June 2024 (Beijing time)`);
    expect(m.html).toContain(`<li>Receipt (SHA-256): <code>${'c'.repeat(64)}</code></li>`);
    expect(m.html).not.toContain(sly);
  });

  it('confirms it in Chinese, with the Chinese title when there is one', () => {
    const m = submissionConfirmation('zh-CN', { ...submitted, titleZh: `中文${sly}` }, edition, submitted.receipt!);
    expect(m.subject).toBe(`案例已提交：${CASE_ID}`);
    expect(m.text).toContain(`您的案例“中文${sly}”已提交至Practice cases 2024。`);
    expect(m.text).toContain('提交时间：2024年6月20日 23:59（北京时间），2024年6月20日 15:59（UTC）');
    expect(m.text).toContain(`案例编号：${CASE_ID}`);
    expect(m.html).toContain(`<p>您的案例“<b>中文${escaped}</b>”已提交至Practice cases 2024。</p>`);
    expect(m.html).not.toContain(sly);
  });

  it('names the case by the title of the reader\'s language, else the other one, else as untitled', () => {
    const titled = (title?: string, titleZh?: string) => ({ ...submitted, title, titleZh }) as CaseRecord;
    const intro = (locale: 'en' | 'zh-CN', c: CaseRecord) => submissionConfirmation(locale, c, edition, submitted.receipt!).text.split('\n')[0];
    expect(intro('en', titled('English', '中文'))).toContain('"English"');
    expect(intro('zh-CN', titled('English', '中文'))).toContain('“中文”');
    expect(intro('en', titled(undefined, '中文'))).toContain('"中文"');
    expect(intro('zh-CN', titled('English'))).toContain('“English”');
    expect(intro('en', titled())).toContain('"(untitled)"');
    expect(intro('zh-CN', titled())).toContain('“（无标题）”');
  });

  it('notifies an outstanding case in both languages, with the materials deadline at 24:00 Beijing time', () => {
    const c = { ...submitted, decision: 'outstanding', titleZh: '中文标题' } as CaseRecord;
    const en = selectionNotice('en', c, noticed);
    expect(en.subject).toBe(`Outstanding case: ${CASE_ID}`);
    expect(en.text).toContain(`selected your case "${sly}" as an outstanding case.`);
    expect(en.text).toContain('by 24:00, 1 September 2024 (Beijing time): sign in');
    expect(en.text).toContain('Questions: WIC <secretariat> <cases@example.org>, +86 10 1234.');
    expect(en.html).toContain(`<b>${escaped}</b>`);
    expect(en.html).toContain('Questions: WIC &lt;secretariat&gt; &lt;cases@example.org&gt;, +86 10 1234.');
    expect(en.html).not.toContain(sly);
    const zh = selectionNotice('zh-CN', c, noticed);
    expect(zh.subject).toBe(`优秀案例：${CASE_ID}`);
    expect(zh.text).toContain('专家委员会已将您的案例“中文标题”评选为优秀案例。');
    expect(zh.text).toContain('请于2024年9月1日 24:00（北京时间）前提交展示材料');
    expect(zh.text).toContain('如有疑问，请联系：WIC <secretariat> <cases@example.org>，电话：+86 10 1234。');
    expect(zh.html).toContain('<b>中文标题</b>');
    expect(zh.html).toContain('WIC &lt;secretariat&gt;');
  });

  it('notifies a collection case in both languages, without materials, and names the organisers when the edition has no contact', () => {
    const c = { ...submitted, decision: 'collection' } as CaseRecord;
    const en = selectionNotice('en', c, edition);
    expect(en.subject).toBe(`Selected for the case collection: ${CASE_ID}`);
    expect(en.text).toContain('Nothing more is needed from you now.');
    expect(en.text).toContain('Questions: the organisers (reply to this e-mail).');
    expect(en.text).not.toContain('presentation');
    const zh = selectionNotice('zh-CN', c, edition);
    expect(zh.subject).toBe(`入选案例集：${CASE_ID}`);
    expect(zh.text).toContain(`您的案例“${sly}”选入案例集。`);
    expect(zh.text).toContain('如有疑问，请联系：主办方（直接回复本邮件即可）。');
    expect(zh.html).not.toContain(sly);
  });

  it('words the outstanding notice for a materials deadline not set yet', () => {
    const c = { ...submitted, decision: 'outstanding' } as CaseRecord;
    expect(selectionNotice('en', c, edition).text).toContain('when the organisers announce the deadline');
    expect(selectionNotice('zh-CN', c, edition).text).toContain('请在主办方公布截止时间后提交展示材料');
  });

  it("sends the contact's code in both languages, its expiry in UTC", () => {
    const en = contactVerification('en', CASE_ID, 'victim@example.org', edition, 'ABCD-EFGH', '2024-06-01T10:30:00.000Z');
    expect(en.text).toContain('It is valid until 10:30, 1 June 2024 (UTC).');
    expect(en.html).toContain('<b>ABCD-EFGH</b>');
    const zh = contactVerification('zh-CN', CASE_ID, 'victim@example.org', edition, 'ABCD-EFGH', '2024-06-01T10:30:00.000Z');
    expect(zh).toMatchObject({ to: ['victim@example.org'], cc: [], subject: `案例 ${CASE_ID} 联系人确认码` });
    expect(zh.text).toContain('确认码有效期至2024年6月1日 10:30（UTC）。');
    expect(zh.text).toContain(`此邮箱地址被填写为Practice cases 2024中案例 ${CASE_ID} 的联系人地址。`);
    expect(zh.html).toContain('<b>ABCD-EFGH</b>');
  });

  it('escapes the organisers\' edition name too, in every mail', () => {
    const named = { ...edition, name: 'A & B <2024>' } as EditionRecord;
    for (const locale of LOCALES) {
      const mails = [
        submissionConfirmation(locale, submitted, named, submitted.receipt!),
        selectionNotice(locale, { ...submitted, decision: 'collection' } as CaseRecord, named),
        contactVerification(locale, CASE_ID, 'victim@example.org', named, 'ABCD-EFGH', '2024-06-01T10:30:00.000Z'),
      ];
      for (const m of mails) {
        expect(m.text).toContain('A & B <2024>');
        expect(m.html).toContain('A &amp; B &lt;2024&gt;');
        expect(m.html).not.toContain('<2024>');
      }
    }
  });
});
