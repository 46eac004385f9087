import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../../functions/editions/put-edition.ts';
import { routes } from '#shared/routes';
import { keys } from '#adapters/table-design';
import { apiEvent, invoke, type Who } from '../../support/api-event.ts';
import { ann, cancelled, editionItem, NOW, org } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const body = { name: 'Call 2025', opensAt: '2025-05-01T00:00:00Z', deadline: '2025-06-20T16:00:00Z', timeZone: 'Asia/Shanghai' };
const put = (who: Who = org, headers: Record<string, string> = {}, b: unknown = body) =>
  invoke(handler, apiEvent(routes.putEdition, { path: '/editions/2024', who, body: b, headers }));

beforeEach(() => {
  ddb.reset();
  ddb.on(QueryCommand).resolves({ Items: [] }); // the audit chain's head: none yet
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});

/** The items of the one transaction the handler wrote: the edition's Put, then its audit entry's. */
const written = () => ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.map((i) => i.Put);
afterEach(() => vi.useRealTimers());

describe('PUT /editions/{editionId}', () => {
  it('creates a new edition with the default rules (201), conditioned on its absence, with its audit entry', async () => {
    ddb.on(GetCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    const res = await put();
    expect(res.status).toBe(201);
    expect(res.json).toMatchObject({ editionId: '2024', status: 'upcoming', rules: { implementedOnOrAfter: '2016-01-01', minCountries: 2 }, version: 1, contact: null, materialsDeadline: null });
    expect((res.json?.categories as unknown[]).length).toBe(5);
    const [edition, audit] = written();
    expect(edition).toMatchObject({
      Item: expect.objectContaining({ ...keys.edition('2024'), ...keys.editionListing('2025-05-01T00:00:00.000Z', '2024'), deadline: '2025-06-20T16:00:00.000Z' }),
    });
    expect(audit).toMatchObject({ Item: { ...keys.auditEntry('2024', 1), action: 'edition-created', by: org.sub, seq: 1 } });
    expect(ddb).not.toHaveReceivedCommand(PutCommand);
  });

  it('updates an existing edition (200), conditioned on the version read, keeping what the body does not set, with its audit entry', async () => {
    ddb.on(GetCommand).resolves({ Item: editionItem({ closedAt: '2024-05-20T00:00:00.000Z' }) });
    ddb.on(TransactWriteCommand).resolves({});
    const res = await put(org, { 'if-match': '"3"' });
    expect(res.status).toBe(200);
    expect(res.headers.etag).toBe('"4"');
    const [edition, audit] = written();
    expect(edition).toMatchObject({
      ExpressionAttributeValues: { ':v': 3 },
      Item: expect.objectContaining({ closedAt: '2024-05-20T00:00:00.000Z', name: 'Call 2025', version: 4 }),
    });
    expect(audit?.Item).toMatchObject({ action: 'edition-updated', by: org.sub, details: { name: 'Call 2025', version: '4', deadline: '2025-06-20T16:00:00.000Z' } });
  });

  it('answers 412 when the conditional write fails under If-Match', async () => {
    ddb.on(GetCommand).resolves({ Item: editionItem() });
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    expect((await put(org, { 'if-match': '"3"' })).status).toBe(412);
    expect((await put(org, { 'if-match': '"2"' })).status).toBe(412);
  });

  it('answers 409 once the results are released', async () => {
    ddb.on(GetCommand).resolves({ Item: editionItem({ releasedAt: '2024-05-30T00:00:00.000Z' }) });
    const res = await put();
    expect(res.status).toBe(409);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('is for organisers only (403), and validates the dates (400)', async () => {
    expect((await put(ann)).json?.code).toBe('forbidden');
    const bad = await put(org, {}, { ...body, deadline: '2025-04-01T00:00:00Z' });
    expect(bad.status).toBe(400);
    expect(bad.json?.errors).toMatchObject([{ path: 'deadline', code: 'deadline-before-opening' }]);
    expect(ddb.calls()).toHaveLength(0);
  });
});
