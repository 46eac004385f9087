/**
 * The repositories' write conditions against DynamoDB Local: each write is refused in the situation its condition
 * guards against and accepted otherwise. The unit tests check what a handler makes of a refusal; these check
 * that the refusal happens.
 */
import { describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { newCase, type CaseRecord } from '../../functions/domain/case.ts';
import { newEdition, type EditionRecord } from '../../functions/domain/edition.ts';
import { aggregateOf, type ReviewRecord } from '../../functions/domain/review.ts';
import { MAX_CASES_PER_APPLICANT } from '../../functions/domain/limits.ts';
import { MAX_ATTACHMENTS_PER_PURPOSE, rejections } from '../../functions/domain/uploads.ts';
import type { AttachmentRecord } from '../../functions/domain/attachment.ts';
import type { MailRecord } from '../../functions/domain/mail.ts';
import { ddb, env } from '../../functions/adapters/clients.ts';
import { keys } from '../../functions/adapters/table-design.ts';
import { deadlineChecks, transact } from '../../functions/adapters/transact.ts';
import { auditChainValid, auditedTransact, listAudit } from '../../functions/adapters/audit.ts';
import { caseItems, createCase, getCase, recordDecision, replaceCase } from '../../functions/adapters/cases-repo.ts';
import { createEdition, getEdition, putExtension, releaseEdition, replaceEdition } from '../../functions/adapters/editions-repo.ts';
import { addAttachment, claimVerification, getAttachment, markReady, markRejected } from '../../functions/adapters/attachments-repo.ts';
import { applicantMailCount, claimMail, countConfirmation, mailPut, recordSent as recordMailSent } from '../../functions/adapters/mail-repo.ts';
import { aggregateUpdate, reviewPut } from '../../functions/adapters/reviews-repo.ts';
import { applyDeliveryEvent, claimRecipient, finishRun, getRecipient, getRun, recordFailed, recordSent, releaseClaim, startRun } from '../../functions/adapters/notifications-repo.ts';
import { completeFields, openEdition, uniq } from './helpers.ts';

const HOUR = 3_600_000;
const iso = (ms: number) => new Date(ms).toISOString();
const set = (key: Record<string, string>, attributes: Record<string, unknown>) => {
  const names = Object.keys(attributes);
  return ddb.send(new UpdateCommand({
    TableName: env.TABLE_NAME,
    Key: key,
    UpdateExpression: `SET ${names.map((_, i) => `#a${i} = :a${i}`).join(', ')}`,
    ExpressionAttributeNames: Object.fromEntries(names.map((n, i) => [`#a${i}`, n])),
    ExpressionAttributeValues: Object.fromEntries(names.map((n, i) => [`:a${i}`, attributes[n]])),
  }));
};
const remove = (key: Record<string, string>, attribute: string) =>
  ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, Key: key, UpdateExpression: 'REMOVE #a', ExpressionAttributeNames: { '#a': attribute } }));
const putRaw = (item: Record<string, unknown>) => ddb.send(new PutCommand({ TableName: env.TABLE_NAME, Item: item }));

const owner = () => {
  const sub = uniq('ann');
  return { sub, email: `${sub}@example.org`, groups: [] };
};
/** A draft case of `editionId`, not written. */
const draftOf = (editionId: string, who = owner()) => newCase(uniq('case'), editionId, who, { ...completeFields }, 'en', new Date());
/** A case stored as given (status, decision, revision...), straight into the table. */
async function storedCase(editionId: string, over: Partial<CaseRecord> = {}): Promise<CaseRecord> {
  const c = { ...draftOf(editionId), ...over };
  for (const item of caseItems(c)) await putRaw(item);
  return c;
}
const editionOf = async (editionId: string) => (await getEdition(editionId))!;

describe('editions', () => {
  it('creates an edition once: a second create of the same id is refused and changes nothing', async () => {
    const editionId = uniq('2097-it');
    const input = { name: 'First', opensAt: '2097-01-01T00:00:00Z', deadline: '2097-06-01T00:00:00Z', timeZone: 'Asia/Shanghai' };
    expect(await createEdition(newEdition(editionId, input, new Date()))).toBe(true);
    expect(await createEdition(newEdition(editionId, { ...input, name: 'Second' }, new Date()))).toBe(false);
    expect((await editionOf(editionId)).name).toBe('First');
  });

  it('replaces an edition only at the version read, and never once its results are released', async () => {
    const editionId = await openEdition();
    const e = await editionOf(editionId);
    const next = (from: EditionRecord, name: string): EditionRecord => ({ ...from, name, version: from.version + 1 });
    expect(await replaceEdition(next(e, 'Second'), e.version, 'olga')).toBe(true);
    expect(await replaceEdition(next(e, 'Stale'), e.version, 'olga')).toBe(false);
    const current = await editionOf(editionId);
    expect(current.name).toBe('Second');
    await set(keys.edition(editionId), { releasedAt: new Date().toISOString() });
    const released = await editionOf(editionId);
    expect(await replaceEdition(next(released, 'After release'), released.version, 'olga')).toBe(false);
    expect((await editionOf(editionId)).name).toBe('Second');
  });

  it('never lets one audit entry overwrite another: concurrent appends take distinct seqs in one valid chain', async () => {
    const editionId = await openEdition();
    const records = Array.from({ length: 6 }, (_, i) => ({ editionId, at: new Date().toISOString(), action: 'extension-granted' as const, by: 'olga', subject: `sub-${i}`, details: {} }));
    expect(await Promise.all(records.map((r) => auditedTransact([], [r])))).toEqual(records.map(() => 'ok'));
    const { items } = await listAudit(editionId, 100);
    // The edition's own creation entry, then the six, each seq once.
    expect(items.map((e) => e.seq).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(new Set(items.map((e) => e.subject)).size).toBe(7);
    expect(await auditChainValid(editionId)).toBe(true);
  });

  it('marks an edition deciding only while it is closed (by hand or by its deadline) and not released; then refuses extensions', async () => {
    const editionId = await openEdition();
    const e = await editionOf(editionId);
    const decide = (c: CaseRecord, at: string) =>
      recordDecision({ caseId: c.caseId, editionId, decision: 'collection', by: 'olga', at }, { editionId, at, action: 'decision-recorded', by: 'olga', subject: c.caseId, details: {} });
    const [a, b, c] = [await storedCase(editionId, { status: 'submitted' }), await storedCase(editionId, { status: 'submitted' }), await storedCase(editionId, { status: 'submitted' })];
    // Open: before its deadline, not closed.
    expect(await decide(a, new Date().toISOString())).toBe('edition');
    expect((await editionOf(editionId)).decisionsFrom).toBeUndefined();
    const extension = { editionId, sub: 'ben', deadline: iso(Date.parse(e.deadline) + 24 * HOUR), reason: 'Flood', grantedBy: 'olga', grantedAt: new Date().toISOString() };
    expect(await putExtension(extension)).toBe('ok');
    // Past its deadline, not closed by hand: decided, and the edition marked.
    const afterDeadline = iso(Date.parse(e.deadline) + 1000);
    expect(await decide(a, afterDeadline)).toBe('ok');
    expect((await editionOf(editionId)).decisionsFrom).toBe(afterDeadline);
    expect(await putExtension({ ...extension, sub: 'cai' })).toBe('edition-gone');
    // Closed by hand before its deadline.
    await set(keys.edition(editionId), { closedAt: new Date().toISOString() });
    expect(await decide(b, new Date().toISOString())).toBe('ok');
    // Released: no more decisions, whatever the clock.
    await set(keys.edition(editionId), { releasedAt: new Date().toISOString() });
    expect(await decide(c, afterDeadline)).toBe('edition');
    expect((await getCase(c.caseId))?.decision).toBeUndefined();
  });

  it('releases an edition once, and only once it is closed or past its deadline', async () => {
    const editionId = await openEdition();
    const e = await editionOf(editionId);
    expect(await releaseEdition(editionId, new Date().toISOString(), 'olga')).toBe('refused');
    const after = iso(Date.parse(e.deadline) + 1000);
    expect(await releaseEdition(editionId, after, 'olga')).toBe('released');
    expect(await releaseEdition(editionId, after, 'olga')).toBe('refused');
  });
});

describe('cases', () => {
  it("creates a draft only while the edition accepts them: after it opens, before its deadline, not closed, not released", async () => {
    const editionId = await openEdition();
    const e = await editionOf(editionId);
    const create = (now: string) => createCase(draftOf(editionId), deadlineChecks(editionId, now));
    expect(await create(iso(Date.parse(e.opensAt) - 1))).toBe('gate-closed');
    expect(await create(e.deadline)).toBe('gate-closed');
    expect(await create(e.opensAt)).toBe('ok');
    await set(keys.edition(editionId), { closedAt: new Date().toISOString() });
    expect(await create(new Date().toISOString())).toBe('gate-closed');
    await remove(keys.edition(editionId), 'closedAt');
    await set(keys.edition(editionId), { releasedAt: new Date().toISOString() });
    expect(await create(new Date().toISOString())).toBe('gate-closed');
  });

  it('lets an applicant have at most MAX_CASES_PER_APPLICANT cases in an edition, and never replaces a case with the same id', async () => {
    const editionId = await openEdition();
    const ann = owner();
    await putRaw({ ...keys.applicantCases(ann.sub, editionId), cases: MAX_CASES_PER_APPLICANT - 1 });
    const now = () => deadlineChecks(editionId, new Date().toISOString());
    const last = draftOf(editionId, ann);
    expect(await createCase(last, now())).toBe('ok');
    expect(await createCase(draftOf(editionId, ann), now())).toBe('limit-reached');
    expect(await createCase(draftOf(editionId), now())).toBe('ok');
    // The same case id again (another applicant): the put is refused, so the transaction is.
    await expect(createCase({ ...draftOf(editionId), caseId: last.caseId, title: 'Impostor' }, now())).rejects.toThrow();
    expect((await getCase(last.caseId))?.ownerId).toBe(ann.sub);
  });

  it("refuses an owner's replacement at another version, and once a decision or the notice has landed (409, the case unchanged)", async () => {
    const editionId = await openEdition();
    const c = await storedCase(editionId);
    const edited = (from: CaseRecord, title: string) => ({ ...from, title, version: from.version + 1 });
    expect(await replaceCase(edited(c, 'Stale'), { ...c, version: c.version + 1 }, [])).toBe('version-mismatch');
    expect(await replaceCase(edited(c, 'Fresh'), c, [])).toBe('ok');
    expect((await getCase(c.caseId, true))?.title).toBe('Fresh');
    for (const frozen of [{ decision: 'collection' }, { notifiedAt: new Date().toISOString() }]) {
      const other = await storedCase(editionId);
      await set(keys.case(other.caseId), frozen);
      await expect(replaceCase(edited(other, 'Late'), other, [])).rejects.toMatchObject({ code: 'conflict' });
      expect((await getCase(other.caseId, true))?.title).toBe(other.title);
    }
  });

  it('takes an extension holder in until their own deadline, through their extension item', async () => {
    const editionId = await openEdition({ opensAt: iso(Date.now() - 2 * HOUR), deadline: iso(Date.now() - HOUR) });
    const ann = owner();
    const until = iso(Date.now() + HOUR);
    await putRaw({ ...keys.extension(editionId, ann.sub), editionId, sub: ann.sub, deadline: until, reason: 'r', grantedBy: 'olga', grantedAt: new Date().toISOString() });
    const create = (now: string, sub = ann.sub) => createCase(draftOf(editionId, { ...ann, sub }), deadlineChecks(editionId, now, sub));
    expect(await create(iso(Date.parse(until) - 1))).toBe('ok');
    expect(await create(until)).toBe('gate-closed');
    expect(await create(new Date().toISOString(), uniq('ben'))).toBe('gate-closed');
  });
});

describe('attachments', () => {
  const attachmentOf = (c: CaseRecord): AttachmentRecord => ({
    attachmentId: uniq('att'), caseId: c.caseId, editionId: c.editionId, ownerId: c.ownerId, purpose: 'supporting', fileName: 'a.pdf',
    contentType: 'application/pdf', size: 1024, status: 'pending', uploadBy: iso(Date.now() + HOUR), createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
  });

  it('adds a supporting file only to a case that is not withdrawn, decided or notified, and at most MAX_ATTACHMENTS_PER_PURPOSE', async () => {
    const editionId = await openEdition();
    const now = new Date().toISOString();
    const editable = await storedCase(editionId);
    expect(await addAttachment(attachmentOf(editable), now)).toBe('ok');
    for (const state of [{ status: 'withdrawn' }, { decision: 'not-selected' }, { notifiedAt: now }]) {
      const c = await storedCase(editionId);
      await set(keys.case(c.caseId), state);
      expect(await addAttachment(attachmentOf(c), now)).toBe('window-closed');
    }
    await putRaw({ ...keys.uploadCounts(editable.caseId), supporting: MAX_ATTACHMENTS_PER_PURPOSE - 1 });
    expect(await addAttachment(attachmentOf(editable), now)).toBe('ok');
    expect(await addAttachment(attachmentOf(editable), now)).toBe('limit-reached');
  });

  it('lets only the holder of the verification claim decide a pending attachment, once', async () => {
    const editionId = await openEdition();
    const c = await storedCase(editionId);
    const now = new Date().toISOString();
    const [ready, rejected] = [attachmentOf(c), attachmentOf(c)];
    for (const a of [ready, rejected]) {
      expect(await addAttachment(a, now)).toBe('ok');
      expect(await claimVerification(a, 'v1')).toBe(true);
      expect(await claimVerification(a, 'v2')).toBe(false);
    }
    expect(await markReady(ready, 'f'.repeat(64), now, 'v2')).toBe(false);
    expect(await markReady(ready, 'f'.repeat(64), now, 'v1')).toBe(true);
    expect(await markReady(ready, 'f'.repeat(64), now, 'v1')).toBe(false);
    expect(await markRejected(ready, rejections.late(now), now, 'v1')).toBe(false);
    expect((await getAttachment(c.caseId, ready.attachmentId))?.status).toBe('ready');

    expect(await markRejected(rejected, rejections.replaced(), now, 'v2')).toBe(false);
    expect(await markRejected(rejected, rejections.replaced(), now, 'v1')).toBe(true);
    expect(await markReady(rejected, 'f'.repeat(64), now, 'v1')).toBe(false);
    expect(await getAttachment(c.caseId, rejected.attachmentId)).toMatchObject({ status: 'rejected', rejection: { key: 'rejection.replaced' } });
  });
});

describe('mail', () => {
  it("counts an applicant's mails of a day up to the cap, and refuses the next", async () => {
    const sub = uniq('ann');
    const count = () => transact([{ item: applicantMailCount(sub, '2024-06-01', 'confirmations', 2), onFail: 'capped' as const }]);
    expect([await count(), await count(), await count()]).toEqual(['ok', 'ok', 'capped']);
    // Another counter of the same day is its own.
    expect(await transact([{ item: applicantMailCount(sub, '2024-06-01', 'contactCodes', 2), onFail: 'capped' as const }])).toBe('ok');
  });

  it('claims a mail only when it is pending and due, and not again while leased or once sent', async () => {
    const due = new Date(Date.now() + HOUR);
    const m: MailRecord = {
      mailId: uniq('mail'), kind: 'submission-confirmation', caseId: uniq('case'), editionId: '2024', status: 'pending', attempts: 0, nextAttemptAt: due.toISOString(),
      to: ['ann@example.org'], cc: [], subject: 's', text: 't', html: 'h', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
    };
    expect(await transact([{ item: mailPut(m) }])).toBe('ok');
    expect(await claimMail(m.mailId, new Date(due.getTime() - 1))).toBeUndefined();
    const claimed = await claimMail(m.mailId, due);
    expect(claimed).toMatchObject({ mailId: m.mailId, attempts: 1 });
    expect(await claimMail(m.mailId, due)).toBeUndefined();
    await recordMailSent(claimed!, 'ses-1', due, { to: m.to, cc: m.cc, subject: m.subject, text: 't', html: 'h' });
    expect(await claimMail(m.mailId, new Date(due.getTime() + 24 * HOUR))).toBeUndefined();
  });

  it('counts a confirmation against its applicant\'s cap once, however often it is retried, and refuses past the cap', async () => {
    const sub = uniq('ann');
    const mail = (): MailRecord => ({
      mailId: uniq('mail'), kind: 'submission-confirmation', caseId: uniq('case'), editionId: '2024', status: 'pending', attempts: 0, nextAttemptAt: new Date().toISOString(),
      to: ['ann@example.org'], cc: [], subject: 's', createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(),
    });
    const [a, b, c] = [mail(), mail(), mail()];
    for (const m of [a, b, c]) expect(await transact([{ item: mailPut(m) }])).toBe('ok');
    expect(await countConfirmation(a, sub, '2024-06-01', 2)).toBe('ok');
    expect(await countConfirmation(a, sub, '2024-06-01', 2)).toBe('counted-before');
    expect(await countConfirmation(b, sub, '2024-06-01', 2)).toBe('ok');
    expect(await countConfirmation(c, sub, '2024-06-01', 2)).toBe('cap-reached');
    // The refused one was not marked counted: nothing of the transaction was written.
    expect((await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.mail(c.mailId) }))).Item?.countedOn).toBeUndefined();
  });
});

describe('reviews', () => {
  const reviewOf = (c: CaseRecord, version: number, recommendation: ReviewRecord['recommendation']): ReviewRecord => ({
    caseId: c.caseId, editionId: c.editionId, reviewerId: 'rita', reviewerEmail: 'rita@example.org', scores: { innovation: 5, impact: 5, cooperation: 5, sustainability: 5 },
    recommendation, createdAt: new Date().toISOString(), updatedAt: new Date().toISOString(), version,
  });

  it('puts a new review only where there is none, and replaces one only at the version read', async () => {
    const c = await storedCase(await openEdition(), { status: 'submitted' });
    const put = (r: ReviewRecord, expected: number | undefined) => transact([{ item: reviewPut(r, expected), onFail: 'refused' as const }]);
    expect(await put(reviewOf(c, 1, 'collection'), undefined)).toBe('ok');
    expect(await put(reviewOf(c, 1, 'outstanding'), undefined)).toBe('refused');
    expect(await put(reviewOf(c, 2, 'outstanding'), 1)).toBe('ok');
    expect(await put(reviewOf(c, 2, 'not-selected'), 1)).toBe('refused');
  });

  it("moves a case's aggregate only from the revision read, and not once a decision is recorded", async () => {
    const editionId = await openEdition();
    const c = await storedCase(editionId, { status: 'submitted' });
    const agg = aggregateOf([{ scores: { innovation: 5, impact: 5, cooperation: 5, sustainability: 5 }, recommendation: 'collection' }]);
    const update = (from: CaseRecord) => transact([{ item: aggregateUpdate(from, agg, { undecided: true }), onFail: 'changed' as const }]);
    expect(await update(c)).toBe('ok');
    expect(await update(c)).toBe('changed');
    const rev1 = (await getCase(c.caseId, true))!;
    expect(rev1.reviewRev).toBe(1);
    expect(await update(rev1)).toBe('ok');
    const rev2 = (await getCase(c.caseId, true))!;
    await set(keys.case(c.caseId), { decision: 'collection' });
    expect(await update(rev2)).toBe('changed');
  });
});

describe('notifications', () => {
  const recipientOf = (editionId: string, runId: string) => ({ editionId, caseId: uniq('case'), email: 'ann@example.org', decision: 'collection' as const, runId });

  it('claims a recipient never sent, released after a throttle, or failed for sure; never one being sent, sent, or failed uncertain', async () => {
    const editionId = uniq('2096-it');
    const runId = `notify-${editionId}-0001`;
    const now = new Date();
    const claim = async (r: ReturnType<typeof recipientOf>) => {
      const out = await claimRecipient(r, now);
      return 'claimed' in out ? out.claimed : undefined;
    };
    const [released, failed, uncertain, sent] = [recipientOf(editionId, runId), recipientOf(editionId, runId), recipientOf(editionId, runId), recipientOf(editionId, runId)];
    const claims = await Promise.all([released, failed, uncertain, sent].map(claim));
    expect(claims.every(Boolean)).toBe(true);
    // Being sent: nobody else takes it.
    expect(await claim(released)).toBeUndefined();
    await releaseClaim(claims[0]!, 'Throttling', now.toISOString());
    await recordFailed(failed, 'MessageRejected', now.toISOString());
    await recordFailed(uncertain, 'timeout', now.toISOString(), true);
    await recordSent(claims[3]!, 'ses-1', now.toISOString());
    expect(await claim(released)).toBeDefined();
    expect(await claim(failed)).toBeDefined();
    expect(await claim(uncertain)).toBeUndefined();
    expect(await claim(sent)).toBeUndefined();
  });

  it("applies SES's events to the recipient whose message it is (or settles an uncertain one), and never lets a delivery overwrite a bounce", async () => {
    const editionId = uniq('2096-it');
    const runId = `notify-${editionId}-0001`;
    const now = new Date().toISOString();
    const [ours, unsure] = [recipientOf(editionId, runId), recipientOf(editionId, runId)];
    for (const r of [ours, unsure]) await claimRecipient(r, new Date());
    await recordSent((await getRecipient(editionId, ours.caseId))!, 'ses-ours', now);
    await recordFailed(unsure, 'timeout', now, true);
    const event = (r: { caseId: string }, messageId: string, kind: 'delivered' | 'bounced') => applyDeliveryEvent(editionId, r.caseId, messageId, kind, kind, now);

    expect(await event(ours, 'ses-other', 'bounced')).toBe(false);
    expect(await event(ours, 'ses-ours', 'bounced')).toBe(true);
    expect(await event(ours, 'ses-ours', 'delivered')).toBe(false);
    expect((await getRecipient(editionId, ours.caseId))?.status).toBe('bounced');
    // An uncertain send is settled by any message's event: SES did take it.
    expect(await event(unsure, 'ses-unknown', 'delivered')).toBe(true);
    expect(await getRecipient(editionId, unsure.caseId)).toMatchObject({ status: 'delivered', messageId: 'ses-unknown' });
    expect(await event({ caseId: uniq('case') }, 'ses-ours', 'delivered')).toBe(false);
  });

  it("audits a run's end once: a repeated end rewrites the run but records nothing more, and keeps the first finishedAt", async () => {
    const editionId = await openEdition();
    const started = await startRun(editionId, 0, 'olga', new Date().toISOString(), 'req-it');
    if (started.outcome !== 'ok') throw new Error(started.outcome);
    const { runId } = started.run;
    const first = new Date().toISOString();
    await finishRun(editionId, runId, 'succeeded', first);
    await finishRun(editionId, runId, 'failed', iso(Date.now() + 1000), 'again');
    expect(await getRun(editionId, runId)).toMatchObject({ finishedAt: first, status: 'failed' });
    const { items } = await listAudit(editionId, 100);
    expect(items.filter((e) => e.action === 'notifications-finished')).toHaveLength(1);
    expect(await auditChainValid(editionId)).toBe(true);
  });
});
