/**
 * Issue 15, as an applicant lives it through the local server (`npm start`'s): one who signed up with
 * locale=zh-CN and asks for Chinese gets every answer, problem and e-mail in Chinese; one who asks for nothing gets
 * English. The confirmation is sent from the table's stream, as on AWS: a table of its own, so that this file's
 * stream poller delivers this file's mails only.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureTable } from '../../lib/local/dynamodb.ts';
import { startStreamPoller, type StreamPoller } from '../../lib/local/streams.ts';

const endpoint = inject('dynamoEndpoint');
const outbox = mkdtempSync(join(tmpdir(), 'pc-it-languages-'));
const TABLE = `it-languages-${process.pid}-${Date.now()}`;
await ensureTable(endpoint, TABLE);
Object.assign(process.env, { TABLE_NAME: TABLE, MAIL_TRANSPORT: 'outbox', OUTBOX_DIR: outbox });
// The adapters read TABLE_NAME and MAIL_TRANSPORT at import: load them afresh, for this table.
vi.resetModules();
const { completeFields, openEdition, uniq } = await import('./helpers.ts');
const { startLocalApi } = await import('./local-api.ts');
const { streamBindings } = await import('../../lib/local/environment.ts');
type LocalApi = Awaited<ReturnType<typeof startLocalApi>>;

const CJK = /[\u4e00-\u9fff]/;
let api: LocalApi;
let streams: StreamPoller;
const streamLog: string[] = [];
beforeAll(async () => {
  api = await startLocalApi();
  streams = await startStreamPoller({ endpoint, tableName: TABLE, bindings: streamBindings(), log: (line) => streamLog.push(line), pollMs: 50 });
});
afterAll(async () => {
  await streams.stop();
  await api.close();
  rmSync(outbox, { recursive: true, force: true });
  expect(streamLog.filter((l) => /dead-letter|fail/i.test(l))).toEqual([]);
});

interface Mail {
  to: string[];
  subject: string;
  text: string;
  html: string;
}
const mailsTo = async (address: string) => {
  const read = () => readdirSync(outbox).map((f) => JSON.parse(readFileSync(join(outbox, f), 'utf8')) as Mail).filter((m) => m.to.includes(address));
  await expect.poll(() => read().length, { timeout: 10_000 }).toBe(1);
  return read();
};

/** An applicant's whole course: preferences, a draft, a refused submission, the completed case submitted, the mail. */
async function applicantCourse(sub: string, token: string, headers: Record<string, string>, title: Record<string, string>) {
  const editionId = await openEdition();
  const prefs = await api.call('GET', '/me/preferences', { token, headers });
  const draft = await api.call('POST', `/editions/${editionId}/cases`, { token, headers, body: title });
  const caseId = String(draft.json?.caseId);
  const refused = await api.call('POST', `/cases/${caseId}/submit`, { token, headers });
  const { title: _t, summary: _s, ...rest } = completeFields;
  const summary = 'summaryZh' in title ? { summaryZh: '两国的计算机应急响应小组共同培训。' } : { summary: completeFields.summary };
  const patched = await api.call('PATCH', `/cases/${caseId}`, { token, headers: { ...headers, 'if-match': '"1"' }, body: { ...rest, ...summary } });
  const submitted = await api.call('POST', `/cases/${caseId}/submit`, { token, headers });
  const [mail] = await mailsTo(`${sub}@example.org`);
  return { prefs, draft, refused, patched, submitted, mail: mail!, caseId };
}

describe('a Chinese-speaking applicant (signed up with locale=zh-CN)', () => {
  it('gets every answer, problem and e-mail in Chinese; the codes are the same as in English', async () => {
    const sub = uniq('mei');
    const run = await applicantCourse(sub, api.token(sub, [], 'zh-CN'), { 'accept-language': 'zh-CN,zh;q=0.9' }, { titleZh: '中肯两国应急响应联合培训' });

    expect(run.prefs.json).toMatchObject({ locale: 'zh-CN', chosen: false });
    expect(run.draft.status).toBe(201);
    expect(run.draft.headers.get('content-language')).toBe('zh-CN');
    expect(run.draft.json).toMatchObject({ locale: 'zh-CN', titleZh: '中肯两国应急响应联合培训' });

    expect(run.refused.status).toBe(422);
    expect(run.refused.headers.get('content-language')).toBe('zh-CN');
    const problem = run.refused.json as { code: string; title: string; detail: string; errors: { path: string; code: string; message: string }[] };
    expect(problem.code).toBe('not-eligible');
    expect(problem.title).toMatch(CJK);
    expect(problem.detail).toMatch(CJK);
    expect(problem.errors.length).toBeGreaterThan(0);
    for (const e of problem.errors) expect(e.message).toMatch(CJK);
    expect(problem.errors.map((e) => e.path)).not.toContain('title'); // titleZh alone is a title

    expect(run.patched.status).toBe(200);
    expect(run.submitted.status).toBe(200);
    expect(run.mail.subject).toMatch(CJK);
    expect(run.mail.text).toContain('中肯两国应急响应联合培训');
    expect(run.mail.text).toContain('（北京时间）');
    expect(run.mail.html).toContain('（北京时间）');
  });

  it('keeps e-mail in the language the account chose, whatever a request asks for', async () => {
    const sub = uniq('lei');
    const token = api.token(sub, [], 'zh-CN');
    const put = await api.call('PUT', '/me/preferences', { token, body: { locale: 'en' } });
    expect(put.json).toMatchObject({ locale: 'en', chosen: true });
    // The API answers follow Accept-Language; the e-mail follows the account.
    const run = await applicantCourse(sub, token, { 'accept-language': 'zh-CN' }, { titleZh: '数字丝路', title: 'Digital Silk Road' });
    expect(run.prefs.json).toMatchObject({ locale: 'en', chosen: true });
    expect(run.refused.json?.title).toMatch(CJK);
    expect(run.mail.subject).not.toMatch(CJK);
    expect(run.mail.text).toContain('Digital Silk Road');
    expect(run.mail.text).toContain('(Beijing time)');
  });
});

describe('an English-speaking applicant', () => {
  it('gets every answer, problem and e-mail in English', async () => {
    const sub = uniq('ann');
    const run = await applicantCourse(sub, api.token(sub), {}, { title: 'Joint CERT training' });
    expect(run.prefs.json).toMatchObject({ locale: 'en', chosen: false });
    expect(run.draft.headers.get('content-language')).toBe('en');
    expect(run.draft.json).toMatchObject({ locale: 'en' });
    const problem = run.refused.json as { code: string; title: string; detail: string; errors: { message: string }[] };
    expect(problem.code).toBe('not-eligible');
    expect(`${problem.title} ${problem.detail} ${problem.errors.map((e) => e.message).join(' ')}`).not.toMatch(CJK);
    expect(run.submitted.status).toBe(200);
    expect(run.mail.subject).not.toMatch(CJK);
    expect(run.mail.text).toContain('Joint CERT training');
    expect(run.mail.text).toContain('(Beijing time)');
  });
});
