import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { handler as getCase } from '../../../functions/cases/get-case.ts';
import { handler as listMine } from '../../../functions/cases/list-my-cases.ts';
import { handler as listEditions } from '../../../functions/editions/list-editions.ts';
import { handler as getEdition } from '../../../functions/editions/get-edition.ts';
import { routes } from '#shared/routes';
import { encodeCursor } from '#adapters/cursor';
import { cursorScope } from '#adapters/paging';
import { INDEXES, keys } from '#adapters/table-design';
import { apiEvent, invoke } from '../../support/api-event.ts';
import { ann, ben, CASE_ID, caseItem, completeFields, editionItem, NOW, org, editionReads, caseFound, caseRead } from './fixtures.ts';

/** The cursor scope of an owner's list of cases (cases-repo.ts listCasesByOwner): cursors are signed for it. */
const ownerCases = (sub: string) => cursorScope({ index: INDEXES.gsi1, partition: keys.ownerPartition(sub), sortPrefix: 'CASE#', newestFirst: true });

const ddb = mockClient(DynamoDBDocumentClient);

beforeEach(async () => {
  ddb.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => vi.useRealTimers());

describe('GET /cases/{caseId}', () => {
  beforeEach(async () => {
    caseRead(ddb).resolves(caseFound(caseItem(completeFields)));
    ddb.on(GetCommand, { Key: keys.reviewer(CASE_ID, 'rita') }).resolves({});
    await editionReads(ddb, editionItem());
  });
  const get = (who: typeof ann) => invoke(getCase, apiEvent(routes.getCase, { path: `/cases/${CASE_ID}`, who }));

  it('shows the owner the case with its readiness and ETag', async () => {
    const res = await get(ann);
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"2"');
    expect(res.json).toMatchObject({ caseId: CASE_ID, readiness: { ready: true, problems: [] }, contact: completeFields.contact });
    expect(res.json).not.toHaveProperty('ownerId');
    expect(res.json).not.toHaveProperty('pk');
  });

  it('shows it to an organiser, and to nobody else (404, as for a case that does not exist)', async () => {
    expect((await get(org)).status).toBe(200);
    const stranger = await get(ben);
    expect(stranger.status).toBe(404);
    expect(stranger.json?.code).toBe('not-found');
    // A reviewer who is not assigned is a stranger too.
    expect((await get({ sub: 'rita', groups: ['reviewers'] } as typeof ann)).status).toBe(404);
  });
});

describe('GET /me/cases', () => {
  it("queries the caller's partition newest first and pages with an opaque cursor", async () => {
    const last = { ...keys.case(CASE_ID), ...keys.caseByOwner('ann', CASE_ID) };
    ddb.on(QueryCommand).resolves({ Items: [caseItem()], LastEvaluatedKey: last });
    ddb.on(BatchGetCommand).resolves({ Responses: { 'unit-table': [editionItem()] } });
    const res = await invoke(listMine, apiEvent(routes.listMyCases, { who: ann, query: { limit: '1' } }));
    expect(res.status).toBe(200);
    expect((res.json?.items as unknown[]).length).toBe(1);
    expect(res.json?.nextCursor).toBe(encodeCursor(last, ownerCases('ann')));
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      IndexName: INDEXES.gsi1.name,
      ExpressionAttributeValues: { ':pk': 'OWNER#ann', ':prefix': 'CASE#' },
      ScanIndexForward: false,
      Limit: 1,
    });

    await invoke(listMine, apiEvent(routes.listMyCases, { who: ann, query: { cursor: String(res.json?.nextCursor) } }));
    expect(ddb).toHaveReceivedNthCommandWith(QueryCommand, 2, { ExclusiveStartKey: last, Limit: 25 });
  });

  it("refuses another owner's cursor, a garbage cursor and a limit out of range with 400", async () => {
    const theirs = encodeCursor({ ...keys.case(CASE_ID), ...keys.caseByOwner('ben', CASE_ID) }, ownerCases('ben'))!;
    const queries: Record<string, string>[] = [{ cursor: theirs }, { cursor: 'not-base64-json' }, { limit: '0' }, { limit: '101' }, { limit: 'ten' }];
    for (const query of queries) {
      const res = await invoke(listMine, apiEvent(routes.listMyCases, { who: ann, query }));
      expect(res.status, JSON.stringify(query)).toBe(400);
    }
    expect(ddb).not.toHaveReceivedCommand(QueryCommand);
  });
});

describe('editions', () => {
  it('lists editions newest first without a token', async () => {
    ddb.on(QueryCommand).resolves({ Items: [editionItem()] });
    const res = await invoke(listEditions, apiEvent(routes.listEditions));
    expect(res.json).toMatchObject({ items: [{ editionId: '2024', status: 'open' }], nextCursor: null });
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, { IndexName: 'gsi1', ScanIndexForward: false, ExpressionAttributeValues: { ':pk': 'EDITIONS' } });
  });

  it('gets one edition with its ETag, or 404', async () => {
    ddb.on(GetCommand).resolvesOnce({ Item: editionItem() }).resolves({});
    const one = await invoke(getEdition, apiEvent(routes.getEdition, { path: '/editions/2024' }));
    expect(one.headers.etag).toBe('"3"');
    expect((await invoke(getEdition, apiEvent(routes.getEdition, { path: '/editions/2024' }))).status).toBe(404);
    expect((await invoke(getEdition, apiEvent(routes.getEdition, { path: '/editions/24' }))).status).toBe(400);
  });
});

describe('headers on every answer', () => {
  it('carries the security headers and the correlation id on successes and problems alike', async () => {
    ddb.on(GetCommand, { Key: keys.edition('2024') }).resolves({ Item: editionItem() });
    ddb.on(GetCommand, { Key: keys.edition('2023') }).resolves({});
    const ok = await invoke(getEdition, apiEvent(routes.getEdition, { path: '/editions/2024', headers: { 'x-correlation-id': 'trace-42' } }));
    const missing = await invoke(getEdition, apiEvent(routes.getEdition, { path: '/editions/2023' }));
    const bad = await invoke(getEdition, apiEvent(routes.getEdition, { path: '/editions/x', headers: { 'x-correlation-id': 'bad id with spaces' } }));
    for (const res of [ok, missing, bad]) {
      expect(res.headers).toMatchObject({
        'strict-transport-security': 'max-age=63072000; includeSubDomains',
        'x-content-type-options': 'nosniff',
        'x-frame-options': 'DENY',
        'cache-control': 'no-store',
        'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
      });
      expect(res.headers['x-correlation-id']).toMatch(/^[A-Za-z0-9._:-]+$/);
    }
    expect([ok.status, missing.status, bad.status]).toEqual([200, 404, 400]);
    expect(ok.headers['x-correlation-id']).toBe('trace-42');
    // A correlation id that is not a safe token is not echoed; the request id stands in.
    expect(bad.headers['x-correlation-id']).not.toContain(' ');
  });
});
