/**
 * A problem's words follow Accept-Language: the title, the detail and every field problem's message are Simplified
 * Chinese for a zh-CN caller and English (as API.md words them) for everyone else; code, status and paths never change.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../../functions/cases/patch-case.ts';
import { routes } from '#shared/routes';
import { apiEvent, invoke, type Who } from '../../support/api-event.ts';
import { ann, ben, CASE_ID, caseFound, caseItem, caseRead, completeFields, editionItem, editionReads, NOW } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const CJK = /[\u4e00-\u9fff]/;

interface Answer {
  status: number;
  language: string | undefined;
  json: { code: string; title: string; detail: string; errors?: { path: string; code: string; message: string }[] };
}

const patch = async (lang: string | undefined, body: unknown, opts: { who?: Who; path?: string } = {}): Promise<Answer> => {
  const headers: Record<string, string> = lang ? { 'accept-language': lang } : {};
  const res = await invoke(handler, apiEvent(routes.patchCase, { path: opts.path ?? `/cases/${CASE_ID}`, who: opts.who ?? ann, body, headers }));
  return { status: res.status, language: res.headers['content-language'], json: res.json as Answer['json'] };
};

/** The same request in both languages: what differs is the words only. */
async function bothLanguages(body: unknown, opts: { who?: Who; path?: string } = {}) {
  const zh = await patch('zh-CN,zh;q=0.9,en;q=0.8', body, opts);
  const en = await patch(undefined, body, opts);
  expect(zh.language).toBe('zh-CN');
  expect(en.language).toBe('en');
  expect(zh.status).toBe(en.status);
  expect(zh.json.code).toBe(en.json.code);
  expect(zh.json.title).toMatch(CJK);
  expect(zh.json.detail).toMatch(CJK);
  expect(zh.json.errors?.map(({ path, code }) => ({ path, code }))).toEqual(en.json.errors?.map(({ path, code }) => ({ path, code })));
  for (const e of zh.json.errors ?? []) expect(e.message, e.path).toMatch(CJK);
  return { zh: zh.json, en: en.json };
}

beforeEach(async () => {
  ddb.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  await editionReads(ddb, editionItem());
  caseRead(ddb).resolves(caseFound(caseItem()));
  ddb.on(TransactWriteCommand).resolves({});
});
afterEach(() => vi.useRealTimers());

describe('problems in the language asked for', () => {
  it('validation-failed: the detail and each field message, zod\'s own and our checks\'', async () => {
    const { zh, en } = await bothLanguages({ title: 'x'.repeat(201), countries: ['CN', 'CN', 'XX'], unknown: 1 });
    expect(en.detail).toBe('The body is not valid.');
    expect(zh.detail).toBe('请求体无效。');
    const byCode = (p: typeof en) => Object.fromEntries((p.errors ?? []).map((e) => [`${e.path}:${e.code}`, e.message]));
    expect(byCode(en)).toEqual({
      'title:too-long': 'Too big: expected string to have <=200 characters',
      'countries.2:unknown-country': 'Not an ISO 3166-1 alpha-2 code (upper case)',
      'countries.1:duplicate-country': 'CN is listed twice',
      'unknown:unknown-field': 'unknown is not a field you can set',
    });
    expect(byCode(zh)).toEqual({
      'title:too-long': '过长：字符串应不超过 200 个字符',
      'countries.2:unknown-country': '不是 ISO 3166-1 二位字母代码（大写）',
      'countries.1:duplicate-country': 'CN 重复列出',
      'unknown:unknown-field': 'unknown 不是您可以设置的字段',
    });
  });

  it('validation-failed in the path', async () => {
    const { zh, en } = await bothLanguages({ title: 'x' }, { path: '/cases/not-a-ulid' });
    expect(en).toMatchObject({ detail: 'The path is not valid.', errors: [{ path: 'path.caseId', code: 'invalid-format', message: 'A ULID' }] });
    expect(zh).toMatchObject({ detail: '请求路径无效。', errors: [{ path: 'path.caseId', code: 'invalid-format', message: '一个 ULID' }] });
  });

  it('not-found, naming the thing', async () => {
    const { zh, en } = await bothLanguages({ title: 'x' }, { who: ben });
    expect(en).toMatchObject({ code: 'not-found', detail: 'The case does not exist or is not visible to you.' });
    expect(zh).toMatchObject({ code: 'not-found', title: '未找到', detail: '该案例不存在，或您无权查看。' });
  });

  it('conflict', async () => {
    caseRead(ddb).resolves(caseFound(caseItem({ status: 'withdrawn' })));
    const { zh, en } = await bothLanguages({ title: 'x' });
    expect(en).toMatchObject({ code: 'conflict', detail: 'The case is withdrawn.' });
    expect(zh).toMatchObject({ code: 'conflict', detail: '该案例已撤回。' });
  });

  it('not-eligible, with the readiness problems', async () => {
    caseRead(ddb).resolves(caseFound(caseItem({ ...completeFields, status: 'submitted' })));
    const { zh, en } = await bothLanguages({ countries: ['KE'], implementedOn: '2015-12-31', contact: { name: 'Ann' } });
    expect(en).toMatchObject({
      code: 'not-eligible',
      detail: 'A submitted case must stay eligible.',
      errors: [
        { path: 'implementedOn', code: 'implemented-too-early', message: expect.stringMatching(/^The case must be implemented on or after \d{4}-\d{2}-\d{2}$/) },
        { path: 'countries', code: 'min-countries', message: expect.stringMatching(/^At least \d+ distinct countries or regions are required$/) },
        { path: 'contact.email', code: 'required', message: 'The contact e-mail is required to submit' },
      ],
    });
    expect(zh).toMatchObject({
      detail: '已提交的案例必须始终符合征集要求。',
      errors: [
        { message: expect.stringMatching(/^案例的实施日期不得早于 \d{4}-\d{2}-\d{2}$/) },
        { message: expect.stringMatching(/^至少需要 \d+ 个不同的国家或地区$/) },
        { message: '提交前必须填写：联系人电子邮件' },
      ],
    });
  });

  it("words a case's readiness problems in the answer's language too (a 200, not a problem)", async () => {
    const readiness = async (lang?: string) => {
      const headers: Record<string, string> = lang ? { 'accept-language': lang } : {};
      const res = await invoke(handler, apiEvent(routes.patchCase, { path: `/cases/${CASE_ID}`, who: ann, body: { description: 'x' }, headers }));
      expect(res.status).toBe(200);
      return (res.json?.readiness as { problems: { path: string; code: string; message: string }[] }).problems;
    };
    const [zh, en] = [await readiness('zh'), await readiness()];
    expect(en.length).toBeGreaterThan(0);
    expect(zh.map(({ path, code }) => ({ path, code }))).toEqual(en.map(({ path, code }) => ({ path, code })));
    expect(en.find((p) => p.path === 'category')?.message).toBe('category is required to submit');
    expect(zh.find((p) => p.path === 'category')?.message).toBe('提交前必须填写：类别');
    for (const p of zh) expect(p.message, p.path).toMatch(CJK);
  });

  it('answers English to a language we do not speak, and Chinese to zh-Hans', async () => {
    caseRead(ddb).resolves(caseFound(caseItem({ status: 'withdrawn' })));
    expect((await patch('fr-FR, de;q=0.8', { title: 'x' })).json.detail).toBe('The case is withdrawn.');
    expect((await patch('zh-TW', { title: 'x' })).language).toBe('en');
    expect((await patch('zh-Hans', { title: 'x' })).json.detail).toBe('该案例已撤回。');
  });
});
