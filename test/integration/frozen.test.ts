/**
 * Frozen decisions over HTTP, against DynamoDB Local: once a case has a decision, or its
 * owner was notified, no owner write changes it, whatever extension they hold; and no extension is granted
 * once decisions exist for the edition. What the organisers' list and the published results show stays
 * what was decided on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, env } from '../../functions/adapters/clients.ts';
import { keys } from '../../functions/adapters/table-design.ts';
import { getEdition, replaceEdition } from '../../functions/adapters/editions-repo.ts';
import { updatedEdition } from '../../functions/domain/edition.ts';
import { completeFields, openEdition, uniq } from './helpers.ts';
import { startLocalApi, type Answer, type LocalApi } from './local-api.ts';

let api: LocalApi;
beforeAll(async () => {
  // Presigning an upload form needs a bucket name, not a running S3 (set before any handler loads).
  Object.assign(process.env, { BUCKET_NAME: 'it-media', AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9', S3_FORCE_PATH_STYLE: 'true' });
  api = await startLocalApi();
});
afterAll(() => api.close());

const inADay = () => new Date(Date.now() + 86_400_000).toISOString();
const pdf = (fileName: string, purpose: 'supporting' | 'presentation') => ({ fileName, contentType: 'application/pdf', size: 1000, purpose });

function expectProblem(res: Answer, status: number, code: string, what: string) {
  expect(res.status, `${what}: ${res.text.slice(0, 300)}`).toBe(status);
  expect(res.json?.code, what).toBe(code);
}

/** An edition whose case of `owner` (titled 'Original') is submitted, with an extension for the owner granted before the close. */
async function decidedSetUp() {
  const editionId = await openEdition();
  const org = api.token(uniq('olga'), ['organisers']);
  const owner = uniq('ann');
  const asOwner = api.token(owner);
  const created = await api.call('POST', `/editions/${editionId}/cases`, { token: asOwner, body: { ...completeFields, title: 'Original' } });
  expect(created.status, created.text).toBe(201);
  const caseId = String(created.json?.caseId);
  expect((await api.call('POST', `/cases/${caseId}/submit`, { token: asOwner })).status).toBe(200);
  const early = await api.call('POST', `/cases/${caseId}/attachments`, { token: asOwner, body: pdf('early.pdf', 'supporting') });
  expect(early.status, early.text).toBe(201);
  const attachmentId = String((early.json?.attachment as { attachmentId: string }).attachmentId);
  const granted = await api.call('PUT', `/editions/${editionId}/extensions/${owner}`, { token: org, body: { deadline: inADay(), reason: 'Flood at the office' } });
  expect(granted.status, granted.text).toBe(200);
  expect((await api.call('POST', `/editions/${editionId}/close`, { token: org })).status).toBe(200);
  // The extension does keep the owner in after the close: a write before the decision succeeds.
  const before = await api.call('PATCH', `/cases/${caseId}`, { token: asOwner, body: { summary: 'Edited through the extension' } });
  expect(before.status, before.text).toBe(200);
  return { editionId, org, owner, asOwner, caseId, attachmentId };
}

/** Every owner write of a case's content: each must answer 409 conflict on a frozen case. */
async function expectFrozen(caseId: string, asOwner: string, attachmentId: string, when: string) {
  const writes: [string, string, unknown?][] = [
    ['PATCH', `/cases/${caseId}`, { title: 'Rewritten after the decision' }],
    ['POST', `/cases/${caseId}/submit`],
    ['POST', `/cases/${caseId}/withdraw`],
    ['POST', `/cases/${caseId}/attachments`, pdf('late.pdf', 'supporting')],
    ['DELETE', `/cases/${caseId}/attachments/${attachmentId}`],
  ];
  for (const [method, path, body] of writes) {
    const res = await api.call(method, path, { token: asOwner, ...(body === undefined ? {} : { body }) });
    expectProblem(res, 409, 'conflict', `${when}: ${method} ${path}`);
    expect(String(res.json?.detail)).toMatch(/decision/);
  }
}

describe('a decided case is frozen for its owner', () => {
  it('refuses every owner write after the decision, with an extension granted before, and the list and results keep the decided title', async () => {
    const { editionId, org, asOwner, caseId, attachmentId } = await decidedSetUp();
    expect((await api.call('PUT', `/cases/${caseId}/decision`, { token: org, body: { decision: 'outstanding' } })).status).toBe(200);

    await expectFrozen(caseId, asOwner, attachmentId, 'decided');
    const stored = await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.case(caseId), ConsistentRead: true }));
    expect(stored.Item).toMatchObject({ title: 'Original', status: 'submitted', decision: 'outstanding' });

    const listed = await api.call('GET', `/editions/${editionId}/cases`, { token: org });
    expect(listed.json?.items).toEqual([expect.objectContaining({ caseId, title: 'Original', status: 'submitted' })]);
    expect((await api.call('POST', `/editions/${editionId}/release`, { token: org })).status).toBe(200);
    const results = await api.call('GET', `/editions/${editionId}/results`);
    expect(results.status, results.text).toBe(200);
    expect(results.text).toContain('Original');
    expect(results.text).not.toContain('Rewritten');
  });

  it('refuses every owner write once the owner was notified, and keeps presentation materials open to them', async () => {
    const { editionId, org, asOwner, caseId, attachmentId } = await decidedSetUp();
    expect((await api.call('PUT', `/cases/${caseId}/decision`, { token: org, body: { decision: 'outstanding' } })).status).toBe(200);
    // The notice was sent (as the workflow's recordSent marks it), and the organisers asked for materials.
    await ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, Key: keys.case(caseId), UpdateExpression: 'SET notifiedAt = :t', ExpressionAttributeValues: { ':t': new Date().toISOString() } }));
    await ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, Key: keys.edition(editionId), UpdateExpression: 'SET materialsDeadline = :t', ExpressionAttributeValues: { ':t': inADay() } }));

    await expectFrozen(caseId, asOwner, attachmentId, 'notified');
    const slides = await api.call('POST', `/cases/${caseId}/attachments`, { token: asOwner, body: pdf('slides.pdf', 'presentation') });
    expect(slides.status, slides.text).toBe(201);

    const seen = await api.call('GET', `/cases/${caseId}`, { token: org });
    expect(seen.json).toMatchObject({ title: 'Original', status: 'submitted' });
  });
});

describe('extensions once decisions are recorded', () => {
  it('grants extensions until the first decision of the edition, then answers 409, also after an edit of the edition', async () => {
    const { editionId, org, owner, caseId } = await decidedSetUp();
    const other = uniq('ben');
    const grant = (sub: string) => api.call('PUT', `/editions/${editionId}/extensions/${sub}`, { token: org, body: { deadline: inADay(), reason: 'Asked in time' } });
    expect((await grant(other)).status).toBe(200);

    expect((await api.call('PUT', `/cases/${caseId}/decision`, { token: org, body: { decision: 'collection' } })).status).toBe(200);
    for (const sub of [owner, other]) {
      const res = await grant(sub);
      expectProblem(res, 409, 'conflict', `extension for ${sub} after a decision`);
      expect(String(res.json?.detail)).toMatch(/[Dd]ecisions/);
    }

    // The mark survives an organiser's edit of the edition's settings.
    const settings = await api.call('GET', `/editions/${editionId}`);
    const edited = await api.call('PUT', `/editions/${editionId}`, {
      token: org,
      headers: { 'if-match': `"${String(settings.json?.version)}"` },
      body: { name: 'Renamed', opensAt: settings.json?.opensAt, deadline: settings.json?.deadline, timeZone: 'Asia/Shanghai' },
    });
    expect(edited.status, edited.text).toBe(200);
    expectProblem(await grant(owner), 409, 'conflict', 'extension after an edit of the edition');
  });
});

describe('an edition edit racing the first decision', () => {
  it('cannot drop the decisions mark: a replacement read before the mark is refused, and the mark stays', async () => {
    const editionId = await openEdition();
    const read = await getEdition(editionId);
    if (!read) throw new Error('edition missing');
    // The first decision lands between the edit's read and its write (the mark does not bump the version).
    await ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, Key: keys.edition(editionId), UpdateExpression: 'SET decisionsFrom = :at', ExpressionAttributeValues: { ':at': new Date().toISOString() } }));
    const next = updatedEdition(read, { name: 'Renamed', opensAt: read.opensAt, deadline: read.deadline, timeZone: read.timeZone }, new Date());
    expect(await replaceEdition(next, read.version, 'olga')).toBe(false);
    const stored = await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: keys.edition(editionId) }));
    expect(stored.Item).toMatchObject({ name: 'Integration edition', decisionsFrom: expect.any(String) });
    // Read again (with the mark), the same edit goes through and keeps it.
    const fresh = (await getEdition(editionId))!;
    expect(await replaceEdition(updatedEdition(fresh, { name: 'Renamed', opensAt: fresh.opensAt, deadline: fresh.deadline, timeZone: fresh.timeZone }, new Date()), fresh.version, 'olga')).toBe(true);
    expect((await getEdition(editionId))).toMatchObject({ name: 'Renamed', decisionsFrom: expect.any(String) });
  });
});
