import { MAX_CASES_PER_APPLICANT } from '#domain/limits';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { handler } from '../../../functions/cases/create-case.ts';
import { routes } from '#shared/routes';
import { keys } from '#adapters/table-design';
import { CONFLICT_ATTEMPTS } from '#adapters/transact';
import { apiEvent, invoke } from '../../support/api-event.ts';
import { ann, cancelled, editionItem, NOW, editionReads } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const event = (body: unknown = { title: 'My case' }, who: { sub: string } | null = ann) =>
  apiEvent(routes.createCase, { path: '/editions/2024/cases', body, ...(who ? { who } : {}) });

beforeEach(async () => {
  ddb.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => vi.useRealTimers());

describe('POST /editions/{editionId}/cases', () => {
  it('sends Location under the path the API was reached by: the stage on an execute-api URL, the base path on a custom domain', async () => {
    await editionReads(ddb, editionItem());
    ddb.on(TransactWriteCommand).resolves({});
    const onStage = event({ title: 'My case' });
    onStage.requestContext = { ...onStage.requestContext, path: '/dev/editions/2024/cases', stage: 'dev' };
    const staged = await invoke(handler, onStage);
    expect(staged.status).toBe(201);
    expect(staged.headers.location).toBe(`/dev/cases/${staged.json?.caseId}`);
    // Resolved against the request URL, as a browser or fetch does, it names the new case on the same stage.
    expect(new URL(String(staged.headers.location), 'https://abc.execute-api.eu-west-1.amazonaws.com/dev/editions/2024/cases').pathname).toBe(
      `/dev/cases/${staged.json?.caseId}`,
    );
    const onDomain = event({ title: 'My case' });
    onDomain.requestContext = { ...onDomain.requestContext, path: '/api/v1/editions/2024/cases' };
    const mapped = await invoke(handler, onDomain);
    expect(mapped.headers.location).toBe(`/api/v1/cases/${mapped.json?.caseId}`);
  });

  it('writes the draft and the deadline condition in one transaction', async () => {
    // Prepare
    await editionReads(ddb, editionItem());
    ddb.on(TransactWriteCommand).resolves({});
    // Act
    const res = await invoke(handler, event({ title: 'My case', countries: ['KE', 'CN'] }));
    // Assess
    expect(res.status).toBe(201);
    expect(res.headers.etag).toBe('"1"');
    expect(res.headers.location).toBe(`/cases/${res.json?.caseId}`);
    expect(res.json).toMatchObject({ editionId: '2024', status: 'draft', title: 'My case', version: 1, decision: null, receipt: null });
    const caseId = String(res.json?.caseId);
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 1);
    expect(ddb).toHaveReceivedCommandWith(TransactWriteCommand, {
      TransactItems: [
        {
          ConditionCheck: expect.objectContaining({
            TableName: 'unit-table',
            Key: keys.edition('2024'),
            ExpressionAttributeValues: { ':now': NOW.toISOString() },
          }),
        },
        {
          Update: expect.objectContaining({
            TableName: 'unit-table',
            Key: keys.applicantCases('ann', '2024'),
            UpdateExpression: 'ADD #n :one',
            ExpressionAttributeNames: { '#n': 'cases' },
            ExpressionAttributeValues: { ':one': 1, ':max': MAX_CASES_PER_APPLICANT },
          }),
        },
        {
          Put: expect.objectContaining({
            TableName: 'unit-table',
            Item: expect.objectContaining({
              ...keys.case(caseId),
              ...keys.caseByOwner('ann', caseId),
              ...keys.caseByEdition('2024', caseId),
              ownerId: 'ann',
              ownerEmail: 'ann@example.org',
              status: 'draft',
              version: 1,
              countries: ['KE', 'CN'],
            }),
          }),
        },
        {
          // The account's first language, unless it has one: an update that cannot fail the transaction.
          Update: expect.objectContaining({
            Key: keys.preferences('ann'),
            ExpressionAttributeValues: expect.objectContaining({ ':locale': 'en', ':no': false }),
          }),
        },
      ],
    });
    const [update] = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!.filter((t) => t.Update?.Key?.pk === keys.preferences('ann').pk);
    expect(update!.Update!.ConditionExpression).toBeUndefined();
    expect(update!.Update!.UpdateExpression).toContain('locale = if_not_exists(locale, :locale)');
  });

  it("stores the case's language: the one the body names, else the request's (Accept-Language)", async () => {
    await editionReads(ddb, editionItem());
    ddb.on(TransactWriteCommand).resolves({});
    const create = (body: object, acceptLanguage?: string) =>
      invoke(handler, apiEvent(routes.createCase, { path: '/editions/2024/cases', who: ann, body, ...(acceptLanguage ? { headers: { 'Accept-Language': acceptLanguage } } : {}) }));
    const stored = (i: number) => ddb.commandCalls(TransactWriteCommand)[i]!.args[0].input.TransactItems!.find((t) => t.Put)!.Put!.Item;
    expect((await create({ titleZh: '联合培训' }, 'zh-CN,zh;q=0.9,en;q=0.8')).json).toMatchObject({ titleZh: '联合培训', title: null, locale: 'zh-CN' });
    expect(stored(0)).toMatchObject({ titleZh: '联合培训', locale: 'zh-CN' });
    expect((await create({ title: 'Joint training', locale: 'en' }, 'zh-CN')).json?.locale).toBe('en');
    expect(stored(1)).toMatchObject({ locale: 'en' });
    expect((await create({ title: 'Joint training' })).json?.locale).toBe('en');
    // The language the account signed up with comes before the request's.
    const signedUpInChinese = await invoke(handler, apiEvent(routes.createCase, { path: '/editions/2024/cases', who: { sub: 'mei', locale: 'zh-CN' }, body: { title: 'X' } }));
    expect(signedUpInChinese.json?.locale).toBe('zh-CN');
  });

  it('answers 409 when the applicant has created the most cases an edition allows', async () => {
    await editionReads(ddb, editionItem());
    ddb.on(TransactWriteCommand).rejects(cancelled('None', 'ConditionalCheckFailed', 'None'));
    const res = await invoke(handler, event());
    expect(res.status).toBe(409);
    expect(res.json?.detail).toContain(`at most ${MAX_CASES_PER_APPLICANT} cases`);
  });

  it('answers 409 edition-not-open before the edition opens, without writing', async () => {
    await editionReads(ddb, editionItem({ opensAt: '2024-06-02T00:00:00.000Z' }));
    const res = await invoke(handler, event());
    expect(res.status).toBe(409);
    expect(res.json?.code).toBe('edition-not-open');
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('answers 409 deadline-passed when the write lands after the deadline', async () => {
    // The read saw it open; by the time the write arrived DynamoDB's condition refused it.
    await editionReads(ddb, editionItem());
    ddb.on(GetCommand).resolves({ Item: editionItem({ closedAt: NOW.toISOString() }) });
    ddb.on(TransactWriteCommand).rejects(cancelled('ConditionalCheckFailed', 'None'));
    const res = await invoke(handler, event());
    expect(res.status).toBe(409);
    expect(res.json?.code).toBe('deadline-passed');
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('retries a transaction DynamoDB cancelled for a conflict on the edition item, and gives up after a bound', async () => {
    await editionReads(ddb, editionItem());
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled('TransactionConflict', 'None')).rejectsOnce(cancelled('None', 'TransactionConflict')).resolves({});
    expect((await invoke(handler, event())).status).toBe(201);
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 3);

    ddb.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None'));
    const res = await invoke(handler, event());
    expect(res.status).toBe(429);
    expect(res.headers['retry-after']).toBe('1');
    expect(ddb).toHaveReceivedCommandTimes(TransactWriteCommand, 3 + CONFLICT_ATTEMPTS);
  });

  it('answers 404 for an unknown edition', async () => {
    await editionReads(ddb, undefined);
    const res = await invoke(handler, event());
    expect(res.status).toBe(404);
    expect(res.json?.code).toBe('not-found');
  });

  it('answers 401 without claims and 400 for a server-owned field, before any SDK call', async () => {
    expect((await invoke(handler, event({ title: 'x' }, null))).json?.code).toBe('unauthorized');
    const bad = await invoke(handler, event({ title: 'x', status: 'submitted' }));
    expect(bad.status).toBe(400);
    expect(bad.json?.errors).toEqual([{ path: 'status', code: 'unknown-field', message: 'status is not a field you can set' }]);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('answers 400 for broken JSON and 413 for an over-large body', async () => {
    const broken = await invoke(handler, apiEvent(routes.createCase, { path: '/editions/2024/cases', who: ann, rawBody: '{"title":' }));
    expect(broken.status).toBe(400);
    const huge = await invoke(handler, event({ title: 'x', description: 'y'.repeat(300_000) }));
    expect(huge.status).toBe(413);
    expect(huge.json?.code).toBe('payload-too-large');
  });

  it('maps DynamoDB throttling to 429 with Retry-After', async () => {
    ddb.on(BatchGetCommand).rejects(Object.assign(new Error('Rate exceeded'), { name: 'ProvisionedThroughputExceededException' }));
    const res = await invoke(handler, event());
    expect(res.status).toBe(429);
    expect(res.json?.code).toBe('rate-limited');
    expect(res.headers['retry-after']).toBe('1');
  });

  it('sends CORS headers for an allowed origin only, on success and on errors', async () => {
    await editionReads(ddb, undefined);
    const allowed = await invoke(handler, apiEvent(routes.createCase, { path: '/editions/2024/cases', who: ann, body: {}, headers: { origin: 'https://app.example.org' } }));
    expect(allowed.status).toBe(404);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://app.example.org');
    const other = await invoke(handler, apiEvent(routes.createCase, { path: '/editions/2024/cases', who: ann, body: {}, headers: { origin: 'https://evil.example' } }));
    expect(other.headers).not.toHaveProperty('access-control-allow-origin');
    expect(other.headers.vary).toBe('Origin, Accept-Language');
  });

  it('answers an unexpected failure with a 500 problem that leaks nothing', async () => {
    ddb.on(BatchGetCommand).rejects(Object.assign(new Error('connect ECONNREFUSED 10.0.0.1:443 arn:aws:dynamodb:secret'), { name: 'TimeoutError' }));
    const res = await invoke(handler, event());
    expect(res.status).toBe(500);
    expect(res.json?.code).toBe('internal-error');
    expect(res.body).not.toMatch(/ECONNREFUSED|arn:aws|at .*\.ts/);
  });
});
