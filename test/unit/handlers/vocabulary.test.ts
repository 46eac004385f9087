import { describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../../functions/vocabulary/get-vocabulary.ts';
import { CASE_STATUSES, CASE_TYPES, CATEGORY_IDS, CRITERIA, DECISIONS, EDITION_STATUSES, RECOMMENDATIONS } from '#domain/vocabulary';
import { responseSchemas } from '#shared/responses';
import { routes } from '#shared/routes';
import { apiEvent, invoke } from '../../support/api-event.ts';

const get = (query: Record<string, string> = {}, headers: Record<string, string> = {}) => invoke(handler, apiEvent(routes.getVocabulary, { query, headers }));
const ids = (list: unknown) => (list as { id: string }[]).map((item) => item.id);
const labelOf = (list: unknown, id: string) => (list as { id: string; label: string }[]).find((item) => item.id === id)?.label;

describe('GET /vocabulary', () => {
  it('lists every id of every list, in order, each labelled, without a token and without reading the table', async () => {
    const ddb = mockClient(DynamoDBDocumentClient);
    const res = await get();
    expect(res.status).toBe(200);
    expect(responseSchemas().Vocabulary.safeParse(res.json).success).toBe(true);
    expect(ids(res.json?.categories)).toEqual(CATEGORY_IDS);
    expect(ids(res.json?.caseTypes)).toEqual(CASE_TYPES);
    expect(ids(res.json?.criteria)).toEqual(CRITERIA);
    expect(ids(res.json?.recommendations)).toEqual(RECOMMENDATIONS);
    expect(ids(res.json?.decisions)).toEqual(DECISIONS);
    expect(ids(res.json?.caseStatuses)).toEqual(CASE_STATUSES);
    expect(ids(res.json?.editionStatuses)).toEqual(EDITION_STATUSES);
    expect(ddb.calls()).toHaveLength(0);
    ddb.restore();
  });

  it('answers in English by default, cacheable for an hour by anyone', async () => {
    const res = await get();
    expect(res.json?.locale).toBe('en');
    expect(labelOf(res.json?.categories, 'cybersecurity')).toBe('Cybersecurity Maintenance');
    expect(res.headers['content-language']).toBe('en');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    expect(res.headers.vary).toContain('Accept-Language');
  });

  it('follows Accept-Language', async () => {
    const res = await get({}, { 'Accept-Language': 'zh-Hans-CN, en;q=0.5' });
    expect(res.json?.locale).toBe('zh-CN');
    expect(res.headers['content-language']).toBe('zh-CN');
    expect(labelOf(res.json?.categories, 'digital-economy')).toBe('数字经济创新发展');
    expect(labelOf(res.json?.decisions, 'outstanding')).toBe('优秀案例');
  });

  it('gives each criterion what a reviewer weighs under it, in the language asked', async () => {
    const [en, zh] = await Promise.all([get({ lang: 'en' }), get({ lang: 'zh-CN' })]);
    const guidance = (res: typeof en) => (res.json?.criteria as { id: string; guidance: string }[]).map((c) => [c.id, c.guidance]);
    expect(guidance(en).map(([id]) => id)).toEqual(['innovation', 'impact', 'cooperation', 'sustainability']);
    expect(guidance(en).find(([id]) => id === 'cooperation')?.[1]).toMatch(/^How deeply the countries or regions involved worked together/);
    expect(guidance(zh).every(([, text]) => /[\u4e00-\u9fff]/.test(text!))).toBe(true);
  });

  it('lets lang win over Accept-Language', async () => {
    const zh = await get({ lang: 'zh-CN' }, { 'accept-language': 'en' });
    expect(zh.json?.locale).toBe('zh-CN');
    expect(zh.headers['content-language']).toBe('zh-CN');
    const en = await get({ lang: 'en' }, { 'accept-language': 'zh' });
    expect(en.headers['content-language']).toBe('en');
    expect(labelOf(en.json?.editionStatuses, 'open')).toBe('Open for submissions');
  });

  it.each<Record<string, string>>([{ lang: 'fr' }, { lang: 'zh' }, { lang: '' }, { locale: 'en' }])('refuses %o with 400, titled in the language negotiated', async (query) => {
    const res = await get(query, { 'accept-language': 'zh' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'validation-failed', title: '请求无效' });
    expect(res.headers['content-language']).toBe('zh-CN');
    expect(res.headers['cache-control']).toBe('no-store');
  });
});
