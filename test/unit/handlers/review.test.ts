/**
 * The committee's handlers against a mocked DynamoDB: the exact writes, what happens when DynamoDB cancels or
 * throttles them, and the k-way merge of the sharded lists.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DynamoDBDocumentClient, GetCommand, QueryCommand, TransactWriteCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { handler as putMyReview } from '../../../functions/reviews/put-my-review.ts';
import { handler as bulkAssign } from '../../../functions/reviews/bulk-assign.ts';
import { handler as listEditionCases } from '../../../functions/selection/list-edition-cases.ts';
import { handler as assignReviewer } from '../../../functions/reviews/assign-reviewer.ts';
import { handler as listReviews } from '../../../functions/reviews/list-reviews.ts';
import { handler as putDecision } from '../../../functions/selection/put-decision.ts';
import { mergedPage } from '#adapters/merged-query';
import { EDITION_SHARDS, INDEXES, keys, shardOf } from '#adapters/table-design';
import { aggregateOf, scoreKey } from '#domain/review';
import { ulid } from '#domain/ids';
import { routes } from '#shared/routes';
import { apiEvent, invoke } from '../../support/api-event.ts';
import { effectOf } from '../../support/update-expression.ts';
import { CASE_ID, caseItem, cancelled, completeFields, editionItem, NOW, org, caseFound, caseRead } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const rita = { sub: 'rita', groups: ['reviewers'] };
const closed = editionItem({ deadline: '2024-05-31T16:00:00.000Z' });
const prior = [{ scores: { innovation: 5, impact: 5, cooperation: 5, sustainability: 5 }, recommendation: 'collection' as const }];

beforeEach(() => {
  ddb.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
});
afterEach(() => vi.useRealTimers());

const submittedCase = (rev: number) => caseItem({ ...completeFields, status: 'submitted', reviewRev: rev, review: aggregateOf(prior) });

describe('PUT /cases/{caseId}/reviews/me', () => {
  const save = () =>
    invoke(putMyReview, apiEvent(routes.putMyReview, { path: `/cases/${CASE_ID}/reviews/me`, who: rita, body: { scores: { innovation: 9, impact: 9, cooperation: 9, sustainability: 9 }, recommendation: 'outstanding' } }));

  beforeEach(() => {
    ddb.on(GetCommand, { Key: keys.reviewer(CASE_ID, 'rita') }).resolves({ Item: { ...keys.reviewer(CASE_ID, 'rita'), caseId: CASE_ID, editionId: '2024', sub: 'rita', state: 'assigned', assignedAt: 'x', assignedBy: 'olga' } });
    ddb.on(BatchGetCommand).resolves({ Responses: { 'unit-table': [closed] } });
    ddb.on(QueryCommand).resolves({ Items: [{ ...keys.review(CASE_ID, 'ravi'), caseId: CASE_ID, reviewerId: 'ravi', ...prior[0], version: 1 }] });
  });

  it('writes the review, the pair and the aggregate in one transaction conditioned on the aggregate it read, and plans again when another save got in first', async () => {
    // caseFor reads revision 2, the first plan too; another reviewer's save then moves it to 3.
    caseRead(ddb).resolvesOnce(caseFound(submittedCase(2))).resolvesOnce(caseFound(submittedCase(2))).resolves(caseFound(submittedCase(3)));
    ddb.on(TransactWriteCommand).rejectsOnce(cancelled('None', 'None', 'None', 'ConditionalCheckFailed')).resolves({});

    const res = await save();
    expect(res.status).toBe(201);
    const calls = ddb.commandCalls(TransactWriteCommand);
    expect(calls).toHaveLength(2);
    const [edition, review, pair, aggregate] = calls[1]!.args[0].input.TransactItems!;
    expect(edition!.ConditionCheck?.Key).toEqual(keys.edition('2024'));
    expect(review!.Put).toMatchObject({ Item: { ...keys.review(CASE_ID, 'rita'), version: 1, reviewerEmail: 'rita@example.org' } });
    expect(pair!.Update).toMatchObject({ Key: keys.reviewer(CASE_ID, 'rita'), ExpressionAttributeValues: { ':assigned': 'assigned' } });
    const expected = aggregateOf([...prior, { scores: { innovation: 9, impact: 9, cooperation: 9, sustainability: 9 }, recommendation: 'outstanding' }]);
    expect(aggregate!.Update?.ExpressionAttributeValues).toMatchObject({ ':rev': 3, ':next': 4, ':agg': expected, ':sk': scoreKey(expected, CASE_ID) });
    expect(effectOf(aggregate!.Update).set).toMatchObject({ review: expected, reviewRev: 4 });
  });

  it('answers 429 (never a 5xx) when the case keeps changing under it, and 409 once a decision is recorded', async () => {
    caseRead(ddb).resolves(caseFound(submittedCase(2)));
    ddb.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'None', 'ConditionalCheckFailed'));
    const busy = await save();
    expect(busy.status).toBe(429);
    expect(busy.headers['retry-after']).toBe('1');
    expect(ddb.commandCalls(TransactWriteCommand)).toHaveLength(5);

    caseRead(ddb).resolves(caseFound({ ...submittedCase(2), decision: 'collection' }));
    expect((await save()).json?.code).toBe('conflict');
  });
});

describe('POST /editions/{editionId}/assignments', () => {
  it('turns a lasting transaction conflict into 429 after retries, writing nothing half-way', async () => {
    ddb.on(GetCommand, { Key: keys.edition('2024') }).resolves({ Item: closed });
    ddb.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { sk: string }[] }> }) => {
      const wanted = Object.values(input.RequestItems)[0]!.Keys;
      if (wanted.some((k) => k.sk === 'CASE')) return { Responses: { 'unit-table': [submittedCase(0)] } };
      if (wanted.some((k) => k.sk === 'EDITION')) return { Responses: { 'unit-table': [closed] } };
      return { Responses: { 'unit-table': [] } };
    });
    ddb.on(QueryCommand).resolves({ Count: 0 });
    ddb.on(TransactWriteCommand).rejects(cancelled('TransactionConflict', 'None', 'None'));
    const res = await invoke(bulkAssign, apiEvent(routes.bulkAssign, { path: '/editions/2024/assignments', who: org, body: { assign: [{ caseId: CASE_ID, sub: 'rita' }] } }));
    expect(res.status).toBe(429);
    expect(res.json?.code).toBe('rate-limited');
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx.map((i) => Object.keys(i)[0])).toEqual(['ConditionCheck', 'ConditionCheck', 'Put', 'Put']);
    expect(tx[2]!.Put?.Item).toMatchObject({ ...keys.reviewer(CASE_ID, 'rita'), ...keys.assignmentOf('rita', CASE_ID), state: 'assigned', assignedBy: 'olga' });
    // The assignment's audit entry, in the same transaction.
    expect(tx[3]!.Put).toMatchObject({ Item: { ...keys.auditEntry('2024', 1), action: 'reviewers-assigned', subject: CASE_ID, details: { pairs: `${CASE_ID}/rita` } } });
  });
});

describe('an organiser who owns the case (a conflict of interest)', () => {
  /** Olga is an organiser and the owner of the case. */
  const owned = () => ({ ...submittedCase(1), ownerId: 'olga', ownerEmail: 'olga@example.org' });
  beforeEach(() => {
    ddb.on(GetCommand, { Key: keys.edition('2024') }).resolves({ Item: closed });
    ddb.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { sk: string }[] }> }) => {
      const wanted = Object.values(input.RequestItems)[0]!.Keys;
      if (wanted.some((k) => k.sk === 'CASE')) return { Responses: { 'unit-table': [owned()] } };
      return { Responses: { 'unit-table': [closed] } };
    });
    ddb.on(QueryCommand).resolves({ Items: [], Count: 0 });
    // After the catch-all Query: the later of two matching stubs answers.
    caseRead(ddb).resolves(caseFound(owned()));
    ddb.on(TransactWriteCommand).resolves({});
  });

  it('gets 403 on its decision, its reviews and its reviewers, and nothing is written', async () => {
    const answers = [
      await invoke(putDecision, apiEvent(routes.putDecision, { path: `/cases/${CASE_ID}/decision`, who: org, body: { decision: 'outstanding' } })),
      await invoke(listReviews, apiEvent(routes.listReviews, { path: `/cases/${CASE_ID}/reviews`, who: org })),
      await invoke(assignReviewer, apiEvent(routes.assignReviewer, { path: `/cases/${CASE_ID}/reviewers/rita`, who: org })),
    ];
    for (const res of answers) {
      expect(res.status, res.body).toBe(403);
      expect(res.json?.code).toBe('forbidden');
      expect(res.body).not.toContain('"aggregate"');
    }
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses a bulk pair on its own case with the per-pair code owner-organiser', async () => {
    const res = await invoke(bulkAssign, apiEvent(routes.bulkAssign, { path: '/editions/2024/assignments', who: org, body: { assign: [{ caseId: CASE_ID, sub: 'rita' }] } }));
    expect(res.status).toBe(409);
    expect(res.json?.errors).toEqual([expect.objectContaining({ path: 'assign.0', code: 'owner-organiser' })]);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('lets another organiser decide it', async () => {
    const res = await invoke(putDecision, apiEvent(routes.putDecision, { path: `/cases/${CASE_ID}/decision`, who: { sub: 'otto', groups: ['organisers'] }, body: { decision: 'outstanding' } }));
    expect(res.status).toBe(200);
    expect(ddb).toHaveReceivedCommand(TransactWriteCommand);
  });
});

describe("the organisers' list", () => {
  it("leaves out the review aggregate on the caller's own rows only", async () => {
    const mine = { ...submittedCase(1), ownerId: 'olga', ownerEmail: 'olga@example.org', ...keys.caseByEdition('2024', CASE_ID) };
    const other = { ...submittedCase(1), caseId: '01HZX3N4QK7M2XG5V6R9T0BCDF', ...keys.case('01HZX3N4QK7M2XG5V6R9T0BCDF'), ...keys.caseByEdition('2024', '01HZX3N4QK7M2XG5V6R9T0BCDF') };
    ddb.on(GetCommand).resolves({ Item: closed });
    ddb.on(QueryCommand).callsFake((input: QueryCommandInput) => ({ Items: [mine, other].filter((i) => i.gsi2pk === input.ExpressionAttributeValues![':ipk']) }));
    const res = await invoke(listEditionCases, apiEvent(routes.listEditionCases, { path: '/editions/2024/cases', who: org }));
    expect(res.status).toBe(200);
    const items = res.json?.items as { caseId: string; reviews: unknown }[];
    expect(items.find((i) => i.caseId === CASE_ID)?.reviews).toBeNull();
    expect(items.find((i) => i.caseId !== CASE_ID)?.reviews).toMatchObject({ count: 1, meanTotal: 20 });
  });

  it('answers DynamoDB throttling with 429 problem details', async () => {
    ddb.on(GetCommand).resolves({ Item: closed });
    ddb.on(QueryCommand).rejects(Object.assign(new Error('Rate of requests exceeds the allowed throughput'), { name: 'ProvisionedThroughputExceededException' }));
    const res = await invoke(listEditionCases, apiEvent(routes.listEditionCases, { path: '/editions/2024/cases', who: org, query: { sort: 'score' } }));
    expect(res.status).toBe(429);
    expect(res.json?.code).toBe('rate-limited');
  });
});

describe('the lazy k-way merge of sharded partitions', () => {
  /** A fake gsi3 holding `n` cases with random scores, answering Query as DynamoDB does (Limit, ExclusiveStartKey, order). */
  function fakeIndex(n: number) {
    const items = Array.from({ length: n }, (_, i) => {
      const caseId = ulid(1_700_000_000_000 + i * 7);
      const gsi3sk = scoreKey({ meanTotal: 4 + ((i * 7919) % 3600) / 100 }, caseId);
      return { ...keys.case(caseId), gsi3pk: keys.rankShardPartition('2024', shardOf(caseId)), gsi3sk, caseId };
    });
    let read = 0;
    ddb.on(QueryCommand).callsFake((input: QueryCommandInput) => {
      const partition = input.ExpressionAttributeValues![':ipk'];
      const start = input.ExclusiveStartKey?.gsi3sk as string | undefined;
      const sorted = items.filter((i) => i.gsi3pk === partition).sort((a, b) => (a.gsi3sk < b.gsi3sk ? 1 : -1));
      const rest = start ? sorted.filter((i) => i.gsi3sk < start) : sorted;
      const page = rest.slice(0, input.Limit);
      read += page.length;
      const last = page.at(-1);
      return { Items: page, ...(rest.length > page.length && last ? { LastEvaluatedKey: { pk: last.pk, sk: last.sk, gsi3pk: last.gsi3pk, gsi3sk: last.gsi3sk } } : {}) };
    });
    return { items, reads: () => read };
  }

  const query = {
    index: INDEXES.gsi3,
    partitions: Array.from({ length: EDITION_SHARDS }, (_, i) => keys.rankShardPartition('2024', i)),
    descending: true,
    fingerprint: 'score',
    startKey: (partition: string, sk: string) => ({ ...keys.case(sk.slice(-26)), gsi3pk: partition, gsi3sk: sk }),
  };

  it('returns the global order page by page, each item once, reading little more than it returns', async () => {
    const { items, reads } = fakeIndex(1000);
    const expected = [...items].sort((a, b) => (a.gsi3sk < b.gsi3sk ? 1 : -1)).map((i) => i.caseId);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await mergedPage(query, 100, cursor);
      seen.push(...page.items.map((i) => String(i.caseId)));
      cursor = page.nextCursor ?? undefined;
      pages++;
    } while (cursor);
    expect(seen).toEqual(expected);
    expect(pages).toBe(10);
    // 16 shards, 1,000 items: a naive merge reads 16 x 100 per page (16,000); this one stays within 2x what it returns.
    expect(reads()).toBeLessThan(2000);
  });

  it('refuses a cursor of another query, or one that was tampered with', async () => {
    fakeIndex(50);
    const first = await mergedPage(query, 10, undefined);
    await expect(mergedPage({ ...query, fingerprint: 'other' }, 10, first.nextCursor!)).rejects.toMatchObject({ code: 'validation-failed' });
    const tampered = Buffer.from(JSON.stringify({ f: 'score', p: ['x'] })).toString('base64url');
    await expect(mergedPage(query, 10, tampered)).rejects.toMatchObject({ code: 'validation-failed' });
  });
});
