/**
 * The audit trail over HTTP, against DynamoDB Local: every audited action leaves its entry in a hash chain, a
 * change made straight in the table breaks the chain (chainValid false), and concurrent audited writes give a
 * chain without gaps. A table of its own on the shared DynamoDB Local, so that this file's stream poller (which
 * starts the notification runs) starts this file's runs only.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { DeleteCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { keys } from '../../functions/adapters/table-design.ts';
import { ensureTable } from '../../lib/local/dynamodb.ts';
import type { LocalStepFunctions } from '../../lib/local/stepfunctions.ts';
import type { StreamPoller } from '../../lib/local/streams.ts';
import type { Answer, LocalApi } from './local-api.ts';

const endpoint = inject('dynamoEndpoint');
const TABLE = `it-audit-${process.pid}-${Date.now()}`;
await ensureTable(endpoint, TABLE);
process.env.TABLE_NAME = TABLE;
// The setup file loaded the adapters for the shared table: load them afresh, for this one.
vi.resetModules();
const { ddb, env } = await import('../../functions/adapters/clients.ts');
const { completeFields, openEdition, uniq } = await import('./helpers.ts');
const { startLocalApi } = await import('./local-api.ts');
const { setLocalWorkflowEnv, startLocalWorkflows } = await import('../../lib/local/environment.ts');
const { executionStarted, startRunStream } = await import('../support/run-stream.ts');

let api: LocalApi;
let flows: LocalStepFunctions;
let runStream: StreamPoller;
beforeAll(async () => {
  expect(env.TABLE_NAME).toBe(TABLE); // the adapters were loaded for this file's table
  flows = await startLocalWorkflows(() => undefined, 10);
  setLocalWorkflowEnv(flows.endpoint);
  runStream = await startRunStream(endpoint, TABLE, () => undefined);
  api = await startLocalApi();
});
afterAll(async () => {
  await runStream.stop();
  await api.close();
  await flows.stop();
});

interface Entry {
  seq: number;
  action: string;
  by: string;
  subject: string;
  details: Record<string, string>;
  prevHash: string;
  hash: string;
}

const ok = (res: Answer, status: number, what: string) => expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(status);

/** The whole trail, oldest first, through the route's pages, and chainValid as the route answers it. */
async function trail(editionId: string, token: string): Promise<{ entries: Entry[]; chainValid: boolean }> {
  const entries: Entry[] = [];
  let cursor: string | null = null;
  let chainValid: boolean;
  do {
    const res: Answer = await api.call('GET', `/editions/${editionId}/audit?limit=3${cursor ? `&cursor=${cursor}` : ''}`, { token });
    ok(res, 200, 'audit');
    entries.push(...(res.json?.items as Entry[]));
    chainValid = res.json?.chainValid as boolean;
    cursor = res.json?.nextCursor as string | null;
  } while (cursor);
  return { entries: entries.reverse(), chainValid };
}

async function submitted(editionId: string, sub: string): Promise<string> {
  const t = api.token(sub);
  const created = await api.call('POST', `/editions/${editionId}/cases`, { token: t, body: completeFields });
  ok(created, 201, 'create case');
  const caseId = String(created.json?.caseId);
  ok(await api.call('POST', `/cases/${caseId}/submit`, { token: t }), 200, 'submit');
  return caseId;
}

describe('the audit trail', () => {
  it('records every audited action with its action name, in one valid chain; an entry edited in the table makes it invalid', async () => {
    const olga = uniq('olga');
    const org = api.token(olga, ['organisers']);
    const editionId = uniq('2099-audit');
    const now = Date.now();
    const settings = { name: 'Audit edition', opensAt: new Date(now - 60_000).toISOString(), deadline: new Date(now + 3_600_000).toISOString(), timeZone: 'Asia/Shanghai' };
    ok(await api.call('PUT', `/editions/${editionId}`, { token: org, body: settings }), 201, 'create edition');
    ok(await api.call('PUT', `/editions/${editionId}`, { token: org, body: { ...settings, name: 'Audit edition, renamed' } }), 200, 'edit edition');

    const [ann, ben, rita, rob] = [uniq('ann'), uniq('ben'), uniq('rita'), uniq('rob')];
    const annCase = await submitted(editionId, ann);
    const benCase = await submitted(editionId, ben);
    ok(await api.call('PUT', `/editions/${editionId}/extensions/${ann}`, { token: org, body: { deadline: new Date(now + 7_200_000).toISOString(), reason: 'Hospital stay' } }), 200, 'extension');
    ok(await api.call('POST', `/cases/${benCase}/withdraw`, { token: api.token(ben) }), 200, 'withdraw');
    ok(await api.call('POST', `/editions/${editionId}/close`, { token: org }), 200, 'close');
    ok(await api.call('PUT', `/cases/${annCase}/reviewers/${rita}`, { token: org }), 201, 'assign');
    ok(await api.call('POST', `/editions/${editionId}/assignments`, { token: org, body: { assign: [{ caseId: annCase, sub: rob }] } }), 200, 'bulk assign');
    ok(await api.call('DELETE', `/cases/${annCase}/reviewers/${rob}`, { token: org }), 204, 'unassign');
    ok(await api.call('POST', `/cases/${annCase}/conflict`, { token: api.token(rita, ['reviewers']), body: { reason: 'A former colleague' } }), 200, 'conflict');
    ok(await api.call('PUT', `/cases/${annCase}/decision`, { token: org, body: { decision: 'not-selected' } }), 200, 'decision');
    const started = await api.call('POST', `/editions/${editionId}/notifications`, { token: org });
    ok(started, 202, 'notifications');
    await executionStarted(flows, String(started.json?.runId));
    await flows.idle();
    ok(await api.call('POST', `/editions/${editionId}/release`, { token: org }), 200, 'release');

    const { entries, chainValid } = await trail(editionId, org);
    expect(chainValid).toBe(true);
    expect(entries.map((e) => e.action)).toEqual([
      'edition-created', 'edition-updated', 'extension-granted', 'case-withdrawn', 'edition-closed', 'reviewers-assigned', 'reviewers-assigned',
      'reviewers-unassigned', 'conflict-declared', 'decision-recorded', 'notifications-started', 'notifications-finished', 'results-released',
    ]);
    expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
    expect(entries[0]).toMatchObject({ by: olga, subject: editionId, prevHash: '0'.repeat(64) });
    expect(entries[1]!.details).toMatchObject({ name: 'Audit edition, renamed', version: '2' });
    expect(entries[2]).toMatchObject({ subject: ann, details: { reason: 'Hospital stay' } });
    expect(entries[3]).toMatchObject({ by: ben, subject: benCase });
    expect(entries[5]).toMatchObject({ subject: annCase, details: { pairs: `${annCase}/${rita}` } });
    expect(entries[7]).toMatchObject({ details: { pairs: `${annCase}/${rob}` } });
    expect(entries[8]).toMatchObject({ by: rita, subject: annCase });
    expect(entries[9]).toMatchObject({ subject: annCase, details: { decision: 'not-selected' } });
    expect(entries[10]).toMatchObject({ subject: started.json?.runId });
    expect(entries[11]).toMatchObject({ subject: started.json?.runId, details: { status: 'succeeded' } });
    for (const [i, e] of entries.entries()) if (i > 0) expect(e.prevHash).toBe(entries[i - 1]!.hash);

    // Tampering straight in the table (what the IAM deny stops in AWS): the chain no longer holds.
    await ddb.send(
      new UpdateCommand({
        TableName: env.TABLE_NAME,
        Key: keys.auditEntry(editionId, 10),
        UpdateExpression: 'SET details.decision = :d',
        ExpressionAttributeValues: { ':d': 'outstanding' },
      }),
    );
    expect((await trail(editionId, org)).chainValid).toBe(false);
  }, 60_000);

  it('detects an entry deleted from the middle of the chain', async () => {
    const org = api.token(uniq('olga'), ['organisers']);
    const editionId = await openEdition();
    for (const sub of ['a', 'b', 'c']) {
      ok(await api.call('PUT', `/editions/${editionId}/extensions/${uniq(sub)}`, { token: org, body: { deadline: new Date(Date.now() + 7_200_000).toISOString(), reason: 'Travel' } }), 200, 'extension');
    }
    expect((await trail(editionId, org)).chainValid).toBe(true);
    await ddb.send(new DeleteCommand({ TableName: env.TABLE_NAME, Key: keys.auditEntry(editionId, 2) }));
    const after = await trail(editionId, org);
    expect(after.entries.map((e) => e.seq)).toEqual([1, 3, 4]);
    expect(after.chainValid).toBe(false);
  });

  it('gives a gap-free chain for 10 extensions granted at once', async () => {
    const org = api.token(uniq('olga'), ['organisers']);
    const editionId = await openEdition(); // entry 1: the edition's creation
    const subs = Array.from({ length: 10 }, () => uniq('x'));
    const results = await Promise.all(
      subs.map((sub) => api.call('PUT', `/editions/${editionId}/extensions/${sub}`, { token: org, body: { deadline: new Date(Date.now() + 7_200_000).toISOString(), reason: 'Storm' } })),
    );
    for (const r of results) ok(r, 200, 'extension');
    const stored = await ddb.send(new QueryCommand({ TableName: env.TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': keys.auditPartition(editionId) }, ConsistentRead: true }));
    expect(stored.Items?.map((i) => i.seq)).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
    const { entries, chainValid } = await trail(editionId, org);
    expect(chainValid).toBe(true);
    expect(entries.filter((e) => e.action === 'extension-granted').map((e) => e.subject).sort()).toEqual([...subs].sort());
  });
});
