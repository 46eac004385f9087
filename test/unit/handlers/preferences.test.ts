import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { handler as getPreferences } from '../../../functions/preferences/get-preferences.ts';
import { handler as putPreferences } from '../../../functions/preferences/put-preferences.ts';
import { keys } from '#adapters/table-design';
import { routes } from '#shared/routes';
import { callerFrom } from '#shared/auth';
import { apiEvent, invoke } from '../../support/api-event.ts';
import { ann, NOW } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);

beforeEach(() => {
  ddb.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => vi.useRealTimers());

/** DynamoDB's answer to the if_not_exists update: the item as it stands after it (ALL_NEW). */
const answersWith = (item: Record<string, unknown>) => ddb.on(UpdateCommand).resolves({ Attributes: { ...keys.preferences('ann'), type: 'preferences', ...item } });

describe('GET /me/preferences', () => {
  const get = (who = ann as { sub: string; locale?: string }, headers: Record<string, string> = {}) =>
    invoke(getPreferences, apiEvent(routes.getMyPreferences, { who, headers }));

  it("records the first request's language as the default, never overwriting one recorded", async () => {
    answersWith({ locale: 'zh-CN', chosen: false, updatedAt: NOW.toISOString() });
    const res = await get(ann, { 'accept-language': 'zh-CN,en;q=0.5' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ locale: 'zh-CN', chosen: false, updatedAt: NOW.toISOString() });
    const [update] = ddb.commandCalls(UpdateCommand);
    expect(update!.args[0].input).toMatchObject({ Key: keys.preferences('ann'), ExpressionAttributeValues: { ':locale': 'zh-CN', ':no': false } });
    expect(update!.args[0].input.UpdateExpression).toContain('locale = if_not_exists(locale, :locale)');
    expect(update!.args[0].input.UpdateExpression).toContain('chosen = if_not_exists(chosen, :no)');
  });

  it('prefers the language the account signed up with (its locale attribute) to the request', async () => {
    answersWith({ locale: 'zh-CN', chosen: false, updatedAt: NOW.toISOString() });
    await get({ sub: 'ann', locale: 'zh_CN' }, { 'accept-language': 'en' });
    expect(ddb.commandCalls(UpdateCommand)[0]!.args[0].input.ExpressionAttributeValues).toMatchObject({ ':locale': 'zh-CN' });
  });

  it('answers what is recorded, a chosen language included, in the language the request asked for', async () => {
    answersWith({ locale: 'en', chosen: true, updatedAt: '2024-01-01T00:00:00.000Z' });
    const res = await get(ann, { 'accept-language': 'zh' });
    expect(res.json).toEqual({ locale: 'en', chosen: true, updatedAt: '2024-01-01T00:00:00.000Z' });
    expect(res.headers['content-language']).toBe('zh-CN');
  });

  it('is for signed-in callers only', async () => {
    const res = await invoke(getPreferences, apiEvent(routes.getMyPreferences, {}));
    expect(res.status).toBe(401);
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe('PUT /me/preferences', () => {
  const put = (body: unknown, who = ann) => invoke(putPreferences, apiEvent(routes.putMyPreferences, { who, body }));

  it("replaces the caller's own preferences, marked as chosen", async () => {
    ddb.on(PutCommand).resolves({});
    const res = await put({ locale: 'zh-CN' }, { sub: 'ben' });
    expect(res.status).toBe(200);
    expect(res.json).toEqual({ locale: 'zh-CN', chosen: true, updatedAt: NOW.toISOString() });
    expect(ddb.commandCalls(PutCommand)[0]!.args[0].input.Item).toEqual({
      ...keys.preferences('ben'),
      type: 'preferences',
      locale: 'zh-CN',
      chosen: true,
      updatedAt: NOW.toISOString(),
    });
  });

  it.each([[{ locale: 'fr' }], [{ locale: 'zh-TW' }], [{}], [{ locale: 'en', theme: 'dark' }], [{ locale: 'en', sub: 'ann' }]])('refuses %j with 400 and writes nothing', async (body) => {
    const res = await put(body);
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'validation-failed' });
    expect(ddb.calls()).toHaveLength(0);
  });
});

describe("the caller's locale attribute", () => {
  const claims = (locale: string) => apiEvent(routes.getMyPreferences, { who: { sub: 'ann', locale } });
  it.each([
    ['zh-CN', 'zh-CN'],
    ['zh_CN', 'zh-CN'],
    ['zh-Hans', 'zh-CN'],
    ['en-GB', 'en'],
    ['zh-TW', undefined],
    ['fr', undefined],
    ['not a tag', undefined],
  ])('%s gives %s', (attribute, expected) => {
    expect(callerFrom(claims(attribute))?.locale).toBe(expected);
  });
});
