/**
 * Every answer says its language and varies with Accept-Language, through either wrapper (handler.ts,
 * static-handler.ts); a problem's title and detail are in that language, its code is not.
 */
import { describe, expect, it } from 'vitest';
import { AppError } from '#domain/errors';
import { httpHandler } from '#shared/handler';
import type { Reply } from '#shared/http';
import { routes } from '#shared/routes';
import { staticHandler } from '#shared/static-handler';
import { apiEvent, invoke } from '../../support/api-event.ts';

const wrappers = [
  ['httpHandler', (answer: () => Promise<Reply>) => httpHandler(routes.docs, answer)],
  ['staticHandler', (answer: () => Promise<Reply>) => staticHandler(answer)],
] as const;

const ask = (acceptLanguage?: string, more: Record<string, string> = {}) =>
  apiEvent(routes.docs, { headers: { ...(acceptLanguage === undefined ? {} : { 'Accept-Language': acceptLanguage }), ...more } });

describe.each(wrappers)('%s', (_name, wrap) => {
  const ok = wrap(async () => ({ status: 200, body: { a: 1 } }));
  const refused = wrap(() => Promise.reject(new AppError('deadline-passed', { key: 'detail.edition-closed', params: { at: '2024-06-20T16:00:00.000Z' } })));

  it.each([
    [undefined, 'en'],
    ['zh-Hans-CN', 'zh-CN'],
    ['fr;q=1, zh;q=0.4', 'zh-CN'],
    ['en-US, zh;q=0.9', 'en'],
  ])('answers Accept-Language %s in %s, varying with it', async (header, locale) => {
    const res = await invoke(ok, ask(header));
    expect(res.headers['content-language']).toBe(locale);
    expect(res.headers.vary).toBe('Origin, Accept-Language');
  });

  it('words a problem in the language asked for, with the same code, type and status', async () => {
    const zh = await invoke(refused, ask('zh-CN'));
    const en = await invoke(refused, ask('en'));
    expect(zh.headers['content-language']).toBe('zh-CN');
    expect(zh.json).toMatchObject({ title: '已过截止时间', code: 'deadline-passed', status: 409, detail: '该届征集已于 2024-06-20T16:00:00.000Z 截止。' });
    expect(en.json).toMatchObject({ title: 'The deadline has passed', code: 'deadline-passed', detail: 'The edition closed at 2024-06-20T16:00:00.000Z.' });
    expect({ ...zh.json, title: undefined, detail: undefined }).toEqual({ ...en.json, title: undefined, detail: undefined });
  });

  it('titles the 500 it answers for an unexpected failure in that language too', async () => {
    const res = await invoke(wrap(() => Promise.reject(new Error('boom'))), ask('zh'));
    expect(res.status).toBe(500);
    expect(res.json).toMatchObject({ title: '服务器出现错误', code: 'internal-error' });
  });

  it("keeps the language an answer names, and merges its Vary with CORS's and the language's, each once", async () => {
    const own = wrap(async () => ({ status: 200, headers: { 'content-language': 'zh-CN', vary: 'accept-language, Accept-Encoding' }, body: {} }));
    const res = await invoke(own, ask('en', { origin: 'https://app.example.org' }));
    expect(res.headers['content-language']).toBe('zh-CN');
    expect(res.headers.vary).toBe('accept-language, Accept-Encoding, Origin');
  });
});
