/**
 * Submission against DynamoDB Local: receipts, the confirmation e-mail in the outbox (sent from the table's stream by
 * the mail function, as `npm start` and AWS do it), the race at the deadline, extensions, closing (by hand and by the
 * schedule), withdrawal, and the audit trail. A table of its own on the shared DynamoDB Local, so that this file's
 * stream poller delivers this file's mails only.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { routes } from '../../functions/shared/routes.ts';
import { keys, MAIL_SHARDS } from '../../functions/adapters/table-design.ts';
import { ensureTable } from '../../lib/local/dynamodb.ts';
import { startStreamPoller, type StreamPoller } from '../../lib/local/streams.ts';
import { apiEvent, invoke, type Who } from '../support/api-event.ts';
import type { LocalApi } from './local-api.ts';

const endpoint = inject('dynamoEndpoint');
const outbox = mkdtempSync(join(tmpdir(), 'pc-it-outbox-'));
const TABLE = `it-submission-${process.pid}-${Date.now()}`;
await ensureTable(endpoint, TABLE);
Object.assign(process.env, { TABLE_NAME: TABLE, MAIL_TRANSPORT: 'outbox', OUTBOX_DIR: outbox });
// The setup file loaded the adapters for the shared table: load them afresh, for this one. Handlers read
// MAIL_TRANSPORT and TABLE_NAME at import: import them after they are set.
vi.resetModules();
const { ddb, env } = await import('../../functions/adapters/clients.ts');
const { completeFields, openEdition, uniq } = await import('./helpers.ts');
const { startLocalApi } = await import('./local-api.ts');
const { streamBindings } = await import('../../lib/local/environment.ts');
const { handler: createCase } = await import('../../functions/cases/create-case.ts');
const { handler: patchCase } = await import('../../functions/cases/patch-case.ts');
const { handler: submitCase } = await import('../../functions/cases/submit-case.ts');
const { handler: withdrawCase } = await import('../../functions/cases/withdraw-case.ts');
const { handler: getCase } = await import('../../functions/cases/get-case.ts');
const { handler: listMyCases } = await import('../../functions/cases/list-my-cases.ts');
const { handler: closeEdition } = await import('../../functions/editions/close-edition.ts');
const { handler: putExtension } = await import('../../functions/editions/put-extension.ts');
const { handler: listAudit } = await import('../../functions/editions/list-audit.ts');
const { handler: putEdition } = await import('../../functions/editions/put-edition.ts');
const { closeDue } = await import('../../functions/editions/close-due-editions.ts');
const { attemptMail: attempt } = await import('../../functions/use-cases/mail/send-mail.ts');
const mailPorts = {
  cases: await import('../../functions/adapters/cases-repo.ts'),
  editions: await import('../../functions/adapters/editions-repo.ts'),
  mails: await import('../../functions/adapters/mail-repo.ts'),
  mailer: await import('../../functions/adapters/mailer.ts'),
  preferences: await import('../../functions/adapters/preferences-repo.ts'),
  log: (await import('../../functions/shared/logger.ts')).logger,
};
const attemptMail = (mailId: string, clock: () => Date) => attempt({ ...mailPorts, clock }, mailId);
const { putPreferences } = mailPorts.preferences;

let streams: StreamPoller;
const streamLog: string[] = [];
beforeAll(async () => {
  expect(env.TABLE_NAME).toBe(TABLE); // the adapters were loaded for this file's table
  streams = await startStreamPoller({ endpoint, tableName: TABLE, bindings: streamBindings(), log: (line) => streamLog.push(line), pollMs: 50 });
});
afterAll(async () => {
  await streams.stop();
  expect(streamLog.filter((l) => /dead-letter|fail/i.test(l))).toEqual([]);
});
afterAll(() => rmSync(outbox, { recursive: true, force: true }));

const org: Who = { sub: uniq('olga'), groups: ['organisers'] };
const draft = async (editionId: string, who: Who, body: unknown = completeFields) =>
  invoke(createCase, apiEvent(routes.createCase, { path: `/editions/${editionId}/cases`, who, body }));
const submit = (caseId: string, who: Who) => invoke(submitCase, apiEvent(routes.submitCase, { path: `/cases/${caseId}/submit`, who }));
const mails = () => readdirSync(outbox).map((f) => JSON.parse(readFileSync(join(outbox, f), 'utf8')) as { to: string[]; cc: string[]; subject: string; text: string; html: string });
/** The mails that satisfy `where`, once the stream's mail function has sent them (it runs after the answer). */
const sentMails = async (where: (m: ReturnType<typeof mails>[number]) => boolean, count = 1) => {
  await expect.poll(() => mails().filter(where).length, { timeout: 10_000 }).toBe(count);
  return mails().filter(where);
};
const setDeadline = (editionId: string, deadline: string) =>
  ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, Key: keys.edition(editionId), UpdateExpression: 'SET deadline = :d', ExpressionAttributeValues: { ':d': deadline } }));

/** An independent canonical JSON (sorted keys, no spaces), as an applicant would write it from the README. */
const canon = (v: unknown): string =>
  Array.isArray(v) ? `[${v.map(canon).join(',')}]` : v && typeof v === 'object'
    ? `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canon((v as Record<string, unknown>)[k])}`).join(',')}}`
    : JSON.stringify(v);

describe('submitting', () => {
  it('stamps a receipt an applicant can recompute, and e-mails the owner alone (the contact never confirmed its address)', async () => {
    const editionId = await openEdition();
    const ann: Who = { sub: uniq('ann') };
    const caseId = String((await draft(editionId, ann)).json?.caseId);
    const res = await submit(caseId, ann);
    expect(res.status).toBe(200);
    const receipt = res.json?.receipt as { submittedAt: string; sha256: string };
    expect(res.json?.status).toBe('submitted');

    const read = (await invoke(getCase, apiEvent(routes.getCase, { path: `/cases/${caseId}`, who: ann }))).json!;
    const fields = Object.fromEntries(Object.keys(completeFields).map((k) => [k, read[k]]));
    const doc = { attachments: [], caseId, editionId, fields, submittedAt: receipt.submittedAt };
    expect(createHash('sha256').update(canon(doc)).digest('hex')).toBe(receipt.sha256);

    const [mail] = await sentMails((m) => m.text.includes(receipt.sha256));
    expect(mail).toMatchObject({ to: [`${ann.sub}@example.org`], cc: [], subject: `Case submitted: ${caseId}` });
    expect(mail!.text).toContain('(Beijing time)');
    expect(mail!.text).toContain('(UTC)');
    // Sent: recorded so, and off the queue.
    const { confirmation } = (await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.case(caseId) }))).Item!;
    const mailKey = keys.mail((confirmation as { mailId: string }).mailId);
    await expect.poll(async () => (await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: mailKey }))).Item?.status).toBe('sent');
    const queues = await Promise.all(Array.from({ length: MAIL_SHARDS }, (_, shard) =>
      ddb.send(new QueryCommand({ TableName: env.TABLE_NAME, IndexName: 'gsi1', KeyConditionExpression: 'gsi1pk = :p', ExpressionAttributeValues: { ':p': keys.mailQueuePartition(shard) } }))));
    expect(queues.flatMap((q) => q.Items ?? []).filter((i) => i.caseId === caseId)).toEqual([]);
  });

  it("e-mails a Chinese-speaking applicant in Chinese: their stored preference, the Chinese title, the time in Beijing time", async () => {
    const editionId = await openEdition();
    const li: Who = { sub: uniq('li') };
    const caseId = String((await draft(editionId, li, { ...completeFields, titleZh: '跨境网络应急联合培训' })).json?.caseId);
    await putPreferences(li.sub, { locale: 'zh-CN', chosen: true, updatedAt: new Date().toISOString() });
    const receipt = (await submit(caseId, li)).json?.receipt as { sha256: string };

    const [mail] = await sentMails((m) => m.text.includes(receipt.sha256));
    expect(mail).toMatchObject({ to: [`${li.sub}@example.org`], subject: `案例已提交：${caseId}` });
    expect(mail!.text).toContain('您的案例“跨境网络应急联合培训”已提交至');
    expect(mail!.text).toMatch(/提交时间：\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（北京时间），\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}（UTC）/);
    expect(mail!.html).toContain('<b>跨境网络应急联合培训</b>');
  });

  it('lists every problem at once (422), and issues a new receipt when a submitted case is edited', async () => {
    const editionId = await openEdition();
    const ann: Who = { sub: uniq('ann') };
    const bare = String((await draft(editionId, ann, { title: 'Only a title' })).json?.caseId);
    const refused = await submit(bare, ann);
    expect(refused.status).toBe(422);
    expect((refused.json?.errors as unknown[]).length).toBeGreaterThanOrEqual(8);

    const caseId = String((await draft(editionId, ann)).json?.caseId);
    const first = (await submit(caseId, ann)).json?.receipt as { sha256: string };
    const edited = await invoke(patchCase, apiEvent(routes.patchCase, { path: `/cases/${caseId}`, who: ann, body: { summary: 'A better summary.' } }));
    expect(edited.json).toMatchObject({ status: 'submitted' });
    expect((edited.json?.receipt as { sha256: string }).sha256).not.toBe(first.sha256);
    const broken = await invoke(patchCase, apiEvent(routes.patchCase, { path: `/cases/${caseId}`, who: ann, body: { countries: ['KE'] } }));
    expect(broken.status).toBe(422);
  });

  it('lets nothing in after the deadline: 60 submits fired across it, each stamped before it or refused, none lost or half-written', async () => {
    const editionId = await openEdition();
    const owners = Array.from({ length: 60 }, () => ({ sub: uniq('racer') }));
    const ids = await Promise.all(owners.map(async (o) => String((await draft(editionId, o)).json?.caseId)));
    const deadline = new Date(Date.now() + 600).toISOString();
    await setDeadline(editionId, deadline); // a moved deadline takes effect at once
    const results = await Promise.all(
      ids.map(async (id, i) => {
        await new Promise((r) => setTimeout(r, i * 20)); // spread over ~1.2 s around the deadline
        return submit(id, owners[i]!);
      }),
    );
    const accepted = results.filter((r) => r.status === 200);
    const refused = results.filter((r) => r.status !== 200);
    expect(accepted.length).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    for (const r of accepted) expect((r.json?.receipt as { submittedAt: string }).submittedAt < deadline).toBe(true);
    for (const r of refused) expect(r.json?.code).toBe('deadline-passed');
    for (const [i, id] of ids.entries()) {
      const item = (await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.case(id) }))).Item!;
      expect(item.status, id).toBe(results[i]!.status === 200 ? 'submitted' : 'draft');
      expect(Boolean(item.receipt)).toBe(results[i]!.status === 200);
    }
  }, 30_000);
});

describe('extensions, closing and the audit trail', () => {
  it('lets an applicant with an extension submit after the deadline, and nobody else', async () => {
    const editionId = await openEdition();
    const ann: Who = { sub: uniq('ann') };
    const ben: Who = { sub: uniq('ben') };
    const annCase = String((await draft(editionId, ann)).json?.caseId);
    const benCase = String((await draft(editionId, ben)).json?.caseId);
    await setDeadline(editionId, new Date(Date.now() - 1000).toISOString());
    const ext = await invoke(putExtension, apiEvent(routes.putExtension, { path: `/editions/${editionId}/extensions/${ann.sub}`, who: org, body: { deadline: new Date(Date.now() + 3_600_000).toISOString(), reason: 'Hospital stay' } }));
    expect(ext.status).toBe(200);
    const extended = String(ext.json?.deadline);
    // Each owner is told until when they may still change their case: Ann until her extension, Ben no longer.
    const view = async (caseId: string, who: Who) => (await invoke(getCase, apiEvent(routes.getCase, { path: `/cases/${caseId}`, who }))).json;
    expect(await view(annCase, ann)).toMatchObject({ editableUntil: extended, extension: { deadline: extended } });
    expect(await view(benCase, ben)).toMatchObject({ editableUntil: null, extension: null });
    const annList = (await invoke(listMyCases, apiEvent(routes.listMyCases, { path: '/me/cases', who: ann }))).json?.items as Record<string, unknown>[];
    expect(annList.find((c) => c.caseId === annCase)).toMatchObject({ editableUntil: extended, extension: { deadline: extended } });
    // Neither is anyone else's to know, not even the organisers'.
    const asOrganiser = await view(annCase, org);
    expect(asOrganiser).not.toHaveProperty('extension');
    expect(asOrganiser).not.toHaveProperty('editableUntil');
    expect((await submit(annCase, ann)).status).toBe(200);
    expect((await submit(benCase, ben)).json?.code).toBe('deadline-passed');
    expect((await draft(editionId, ann, { title: 'late but allowed' })).status).toBe(201);
    expect((await draft(editionId, ben, { title: 'late' })).json?.code).toBe('deadline-passed');
  });

  it('closes by hand once, by the schedule once, reopens a schedule-closed edition whose deadline moves, and audits it all', async () => {
    const editionId = await openEdition();
    const close = () => invoke(closeEdition, apiEvent(routes.closeEdition, { path: `/editions/${editionId}/close`, who: org }));
    const first = await close();
    expect(first.json?.status).toBe('closed');
    const again = await close();
    expect(again.status).toBe(200);
    expect((await draft(editionId, { sub: uniq('ann') })).json?.code).toBe('deadline-passed');

    const scheduled = await openEdition();
    await setDeadline(scheduled, new Date(Date.now() - 1).toISOString());
    expect(await closeDue(new Date())).toContain(scheduled);
    expect(await closeDue(new Date())).not.toContain(scheduled);
    const body = { name: 'Moved', opensAt: new Date(Date.now() - 60_000).toISOString(), deadline: new Date(Date.now() + 3_600_000).toISOString(), timeZone: 'Asia/Shanghai' };
    const moved = await invoke(putEdition, apiEvent(routes.putEdition, { path: `/editions/${scheduled}`, who: org, body }));
    expect(moved.json?.status).toBe('open');

    const audit = await invoke(listAudit, apiEvent(routes.listAudit, { path: `/editions/${editionId}/audit`, who: org }));
    // Newest first: the close (once), after the edition's creation (by the test set-up, as 'system').
    expect(audit.json?.items).toEqual([
      { seq: 2, at: expect.any(String), action: 'edition-closed', by: org.sub, subject: editionId, details: { reason: 'closed by an organiser' }, prevHash: expect.any(String), hash: expect.any(String) },
      expect.objectContaining({ seq: 1, action: 'edition-created', by: 'system' }),
    ]);
    expect(audit.json?.chainValid).toBe(true);
    const auditScheduled = await invoke(listAudit, apiEvent(routes.listAudit, { path: `/editions/${scheduled}/audit`, who: org }));
    expect((auditScheduled.json?.items as { action: string; by: string }[]).map((a) => `${a.action} ${a.by}`)).toEqual([`edition-updated ${org.sub}`, 'edition-closed schedule', 'edition-created system']);
  });

  it('withdraws a case for good', async () => {
    const editionId = await openEdition();
    const ann: Who = { sub: uniq('ann') };
    const caseId = String((await draft(editionId, ann)).json?.caseId);
    await submit(caseId, ann);
    const w = await invoke(withdrawCase, apiEvent(routes.withdrawCase, { path: `/cases/${caseId}/withdraw`, who: ann }));
    expect(w.json?.status).toBe('withdrawn');
    expect((await submit(caseId, ann)).json?.code).toBe('conflict');
    expect((await invoke(patchCase, apiEvent(routes.patchCase, { path: `/cases/${caseId}`, who: ann, body: { title: 'x' } }))).json?.code).toBe('conflict');
  });
});

describe('object-level authorisation on the new routes', () => {
  it('hides a case from others on submit and withdraw (404), refuses an organiser (403); edition routes are for organisers', async () => {
    const editionId = await openEdition();
    const ann: Who = { sub: uniq('ann') };
    const caseId = String((await draft(editionId, ann)).json?.caseId);
    for (const who of [{ sub: uniq('ben') }, { sub: uniq('rita'), groups: ['reviewers'] }]) {
      expect((await submit(caseId, who)).status).toBe(404);
      expect((await invoke(withdrawCase, apiEvent(routes.withdrawCase, { path: `/cases/${caseId}/withdraw`, who }))).status).toBe(404);
    }
    expect((await submit(caseId, org)).status).toBe(403);
    expect((await invoke(withdrawCase, apiEvent(routes.withdrawCase, { path: `/cases/${caseId}/withdraw`, who: org }))).status).toBe(403);
    for (const who of [ann, { sub: uniq('rita'), groups: ['reviewers'] }]) {
      expect((await invoke(closeEdition, apiEvent(routes.closeEdition, { path: `/editions/${editionId}/close`, who }))).status).toBe(403);
      expect((await invoke(putExtension, apiEvent(routes.putExtension, { path: `/editions/${editionId}/extensions/x`, who, body: { deadline: '2099-01-01T00:00:00Z', reason: 'r' } }))).status).toBe(403);
      expect((await invoke(listAudit, apiEvent(routes.listAudit, { path: `/editions/${editionId}/audit`, who }))).status).toBe(403);
    }
    expect((await invoke(closeEdition, apiEvent(routes.closeEdition, { path: '/editions/2000-none/close', who: org }))).status).toBe(404);
    expect((await invoke(putExtension, apiEvent(routes.putExtension, { path: '/editions/2000-none/extensions/x', who: org, body: { deadline: '2099-01-01T00:00:00Z', reason: 'r' } }))).status).toBe(404);
  });
});

describe('confirmation mail over HTTP: no relay', () => {
  let api: LocalApi;
  beforeAll(async () => {
    api = await startLocalApi();
  });
  afterAll(() => api.close());

  const HOUR = 3_600_000;
  /** The mails about a case, oldest first (the outbox's file names start with the time sent). */
  const mailsOf = (caseId: string) => readdirSync(outbox).sort().map((f) => JSON.parse(readFileSync(join(outbox, f), 'utf8')) as { to: string[]; cc: string[]; subject: string; text: string }).filter((m) => m.text.includes(caseId) || m.subject.includes(caseId));
  /** Sends the case's waiting confirmation as the retry worker would once it is due (the clock moved on). */
  const sendWaiting = async (caseId: string, after = HOUR + 60_000) => {
    const { confirmation } = (await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.case(caseId) }))).Item!;
    return attemptMail(String((confirmation as { mailId: string }).mailId), () => new Date(Date.now() + after));
  };
  /** The case's mails once `count` of them were sent (the stream's mail function sends after the answer). */
  const sentAbout = async (caseId: string, count: number) => {
    await expect.poll(() => mailsOf(caseId).length, { timeout: 10_000 }).toBe(count);
    return mailsOf(caseId);
  };
  const newCase = async (token: string, contactEmail: string) => {
    const editionId = await openEdition();
    const created = await api.call('POST', `/editions/${editionId}/cases`, { token, body: { ...completeFields, contact: { name: 'C. Ontact', email: contactEmail } } });
    expect(created.status).toBe(201);
    return String(created.json?.caseId);
  };
  const codeIn = (text: string) => /: ([0-9A-Z]{4}-[0-9A-Z]{4})/.exec(text)?.[1] ?? '';

  it('five re-submits within the hour: five 200s with five receipts, one mail in the outbox, to the owner only; the waiting one says the latest receipt', async () => {
    const owner = uniq('ann');
    const token = api.token(owner);
    const stranger = `${uniq('victim')}@example.org`;
    const caseId = await newCase(token, stranger);
    const receipts: string[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await api.call('POST', `/cases/${caseId}/submit`, { token });
      expect(res.status).toBe(200);
      receipts.push((res.json?.receipt as { sha256: string; submittedAt: string }).submittedAt);
    }
    expect(new Set(receipts).size).toBe(5);
    const sent = await sentAbout(caseId, 1);
    expect(sent[0]).toMatchObject({ to: [`${owner}@example.org`], cc: [], subject: `Case submitted: ${caseId}` });
    expect(JSON.stringify(mailsOf(caseId))).not.toContain(stranger);

    // The one confirmation queued for the end of the hour is rendered when sent: it says the fifth receipt.
    expect(await sendWaiting(caseId)).toBe('sent');
    const latest = (await api.call('GET', `/cases/${caseId}`, { token })).json?.receipt as { sha256: string };
    const all = mailsOf(caseId);
    expect(all).toHaveLength(2);
    expect(all[1]!.text).toContain(latest.sha256);
    expect(all[1]!.cc).toEqual([]);
  });

  it('copies the contact only once it confirmed its address with the code sent to it; a wrong code fails; a changed address drops it', async () => {
    const owner = uniq('ann');
    const token = api.token(owner);
    const contact = `${uniq('office')}@example.org`;
    const caseId = await newCase(token, contact);
    expect((await api.call('GET', `/cases/${caseId}`, { token })).json?.contactConfirmed).toBe(false);

    expect((await api.call('POST', `/cases/${caseId}/submit`, { token })).status).toBe(200);
    expect((await sentAbout(caseId, 1)).map((m) => m.cc)).toEqual([[]]);

    const asked = await api.call('POST', `/cases/${caseId}/contact/verification`, { token });
    expect(asked.status).toBe(202);
    expect(asked.json).toMatchObject({ sentTo: contact, expiresAt: expect.any(String), nextCodeAfter: expect.any(String) });
    const codeMail = (await sentAbout(caseId, 2)).find((m) => m.to.includes(contact))!;
    expect(codeMail).toMatchObject({ to: [contact], cc: [], subject: `Confirmation code for the contact of case ${caseId}` });
    expect(codeMail.text).not.toContain(completeFields.title);
    const code = codeIn(codeMail.text);
    expect(code).not.toBe('');
    // Asking again at once is refused: one code per interval.
    expect((await api.call('POST', `/cases/${caseId}/contact/verification`, { token })).status).toBe(429);

    const wrong = await api.call('POST', `/cases/${caseId}/contact/confirm`, { token, body: { code: code === 'AAAA-AAAA' ? 'BBBB-BBBB' : 'AAAA-AAAA' } });
    expect(wrong.status).toBe(400);
    expect(wrong.json).toMatchObject({ code: 'validation-failed', errors: [expect.objectContaining({ path: 'code', code: 'wrong-code' })] });
    expect((await api.call('GET', `/cases/${caseId}`, { token })).json?.contactConfirmed).toBe(false);

    const confirmed = await api.call('POST', `/cases/${caseId}/contact/confirm`, { token, body: { code: code.toLowerCase() } });
    expect(confirmed.status).toBe(200);
    expect(confirmed.json?.contactConfirmed).toBe(true);
    expect(confirmed.headers.get('etag')).toBe(`"${String(confirmed.json?.version)}"`);

    // Re-submitted within the hour, the confirmation waits for its end, and then copies the confirmed contact.
    expect((await api.call('POST', `/cases/${caseId}/submit`, { token })).status).toBe(200);
    expect(await sendWaiting(caseId)).toBe('sent');
    const confirmations = mailsOf(caseId).filter((m) => m.subject === `Case submitted: ${caseId}`);
    expect(confirmations.map((m) => m.cc)).toEqual([[], [contact]]);

    // A new contact address is not confirmed, whatever the old one was.
    const moved = await api.call('PATCH', `/cases/${caseId}`, { token, body: { contact: { name: 'C. Ontact', email: `${uniq('new')}@example.org` } } });
    expect(moved.status).toBe(200);
    expect(moved.json?.contactConfirmed).toBe(false);
    const back = await api.call('PATCH', `/cases/${caseId}`, { token, body: { contact: { name: 'C. Ontact', email: contact } } });
    expect(back.json?.contactConfirmed).toBe(false);
  });

  it('locks a code after too many wrong ones: then even the right code is refused until a new one is sent', async () => {
    const token = api.token(uniq('ann'));
    const contact = `${uniq('office')}@example.org`;
    const caseId = await newCase(token, contact);
    expect((await api.call('POST', `/cases/${caseId}/contact/verification`, { token })).status).toBe(202);
    const code = codeIn((await sentAbout(caseId, 1)).find((m) => m.to.includes(contact))!.text);
    const wrongCode = code === 'AAAA-AAAA' ? 'BBBB-BBBB' : 'AAAA-AAAA';
    for (let i = 0; i < 5; i++) {
      const res = await api.call('POST', `/cases/${caseId}/contact/confirm`, { token, body: { code: wrongCode } });
      expect(res.status, `try ${i + 1}`).toBe(400);
    }
    const locked = await api.call('POST', `/cases/${caseId}/contact/confirm`, { token, body: { code } });
    expect(locked.status).toBe(409);
    expect(locked.json?.code).toBe('conflict');
    expect((await api.call('GET', `/cases/${caseId}`, { token })).json?.contactConfirmed).toBe(false);
  });

  it('hides the new routes from everyone but the owner: 404 for a stranger and a reviewer, 403 for an organiser, 401 without a token', async () => {
    const token = api.token(uniq('ann'));
    const caseId = await newCase(token, `${uniq('office')}@example.org`);
    for (const other of [api.token(uniq('ben')), api.token(uniq('rita'), ['reviewers'])]) {
      expect((await api.call('POST', `/cases/${caseId}/contact/verification`, { token: other })).status).toBe(404);
      expect((await api.call('POST', `/cases/${caseId}/contact/confirm`, { token: other, body: { code: 'AAAA-AAAA' } })).status).toBe(404);
    }
    const org = api.token(uniq('olga'), ['organisers']);
    expect((await api.call('POST', `/cases/${caseId}/contact/verification`, { token: org })).status).toBe(403);
    expect((await api.call('POST', `/cases/${caseId}/contact/confirm`, { token: org, body: { code: 'AAAA-AAAA' } })).status).toBe(403);
    expect((await api.call('POST', `/cases/${caseId}/contact/verification`)).status).toBe(401);
    // Nothing was sent on their behalf.
    expect(mailsOf(caseId)).toEqual([]);
  });

  it('refuses control characters in text fields with 400 validation-failed over HTTP (line breaks only in the long fields)', async () => {
    const token = api.token(uniq('ann'));
    const editionId = await openEdition();
    const res = await api.call('POST', `/editions/${editionId}/cases`, { token, body: { title: 'Hi\r\nBcc: victim@example.org' } });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'validation-failed', errors: [expect.objectContaining({ path: 'title', code: 'control-character' })] });
    const caseId = await newCase(token, `${uniq('office')}@example.org`);
    const patched = await api.call('PATCH', `/cases/${caseId}`, { token, body: { summary: 'Fine\r\nlines', organisation: { name: 'Evil\u0085Corp' } } });
    expect(patched.status).toBe(400);
    expect(patched.json?.errors).toEqual([expect.objectContaining({ path: 'organisation.name', code: 'control-character' })]);
  });
});
