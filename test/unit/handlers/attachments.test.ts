import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, GetCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import { handler as createAttachment } from '../../../functions/attachments/create-attachment.ts';
import { handler as getAttachment } from '../../../functions/attachments/get-attachment.ts';
import * as attachments from '#adapters/attachments-repo';
import * as media from '#adapters/media-store';
import { verifyUpload } from '#use-cases/attachments/verify-upload';
import type { ObjectVersion } from '#adapters/media-store';
import { routes } from '#shared/routes';
import { keys } from '#adapters/table-design';
import { objectKeys } from '#adapters/bucket-design';
import { apiEvent, invoke } from '../../support/api-event.ts';
import { ann, ben, cancelled, CASE_ID, caseItem, editionItem, NOW, org, editionReads, caseFound, caseRead } from './fixtures.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const verifyObject = (object: ObjectVersion, arrivedAt: string) => verifyUpload({ attachments, media, clock: () => new Date() }, { object, arrivedAt });
const s3 = mockClient(S3Client);
const ATT_ID = '01HZX3N4QK7M2XG5V6R9T0BCDF';
const ref = { editionId: '2024', caseId: CASE_ID, attachmentId: ATT_ID };
const body = { fileName: 'report.pdf', contentType: 'application/pdf', size: 2048, purpose: 'supporting' };
const create = (who = ann, b: unknown = body) => invoke(createAttachment, apiEvent(routes.createAttachment, { path: `/cases/${CASE_ID}/attachments`, who, body: b }));
const attachmentItem = (over: Record<string, unknown> = {}) => ({
  ...keys.attachment(CASE_ID, ATT_ID), type: 'attachment', attachmentId: ATT_ID, caseId: CASE_ID, editionId: '2024', ownerId: 'ann',
  purpose: 'supporting', fileName: 'report.pdf', contentType: 'application/pdf', size: 2048, status: 'pending',
  uploadBy: '2024-06-01T08:15:00.000Z', createdAt: NOW.toISOString(), updatedAt: NOW.toISOString(), ...over,
});
const body$ = (bytes: Buffer) => Readable.from([bytes]) as never;
const pdf = (size: number) => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size - 9, 0x20)]);

beforeEach(async () => {
  ddb.reset();
  s3.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  caseRead(ddb).resolves(caseFound(caseItem()));
  await editionReads(ddb, editionItem());
});
afterEach(() => vi.useRealTimers());

describe('POST /cases/{caseId}/attachments', () => {
  it('records a pending attachment in a counted, deadline-checked transaction and signs a POST pinned to key, type and size', async () => {
    ddb.on(TransactWriteCommand).resolves({});
    const res = await create();
    expect(res.status).toBe(201);
    const { attachment, upload } = res.json as { attachment: { attachmentId: string; status: string }; upload: { url: string; fields: Record<string, string>; expiresAt: string } };
    expect(attachment.status).toBe('pending');

    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx[0]!.ConditionCheck?.Key).toEqual(keys.edition('2024'));
    // The case is checked too: not withdrawn, not frozen by a decision (supporting files are part of what is decided on; test/integration/conditions.test.ts).
    expect(tx[1]!.ConditionCheck).toMatchObject({ Key: keys.case(CASE_ID) });
    expect(tx[2]!.Update).toMatchObject({ Key: keys.uploadCounts(CASE_ID), UpdateExpression: 'ADD #p :d', ExpressionAttributeValues: { ':d': 1, ':max': 10 } });
    expect(tx[3]!.Put?.Item).toMatchObject({ ...keys.attachment(CASE_ID, attachment.attachmentId), status: 'pending', size: 2048, uploadBy: '2024-06-01T08:15:00.000Z' });

    const key = objectKeys.quarantine({ ...ref, attachmentId: attachment.attachmentId });
    expect(upload.fields.key).toBe(key);
    expect(upload.fields['Content-Type']).toBe('application/pdf');
    const policy = JSON.parse(Buffer.from(upload.fields.Policy!, 'base64').toString('utf8')) as { expiration: string; conditions: unknown[] };
    expect(policy.expiration).toBe('2024-06-01T08:15:00Z');
    expect(policy.conditions).toEqual(
      expect.arrayContaining([
        ['eq', '$key', key],
        ['eq', '$Content-Type', 'application/pdf'],
        ['content-length-range', 2048, 2048],
        { bucket: 'unit-bucket' },
      ]),
    );
    expect(upload.expiresAt).toBe('2024-06-01T08:15:00.000Z');
  });

  it('never signs past the deadline: ten minutes before it, the URL lives ten minutes', async () => {
    await editionReads(ddb, editionItem({ deadline: '2024-06-01T08:10:00.000Z' }));
    ddb.on(TransactWriteCommand).resolves({});
    const res = await create();
    const policy = JSON.parse(Buffer.from((res.json as { upload: { fields: Record<string, string> } }).upload.fields.Policy!, 'base64').toString()) as { expiration: string };
    expect(policy.expiration).toBe('2024-06-01T08:10:00Z');
  });

  it('refuses the eleventh file with 409 and signs nothing', async () => {
    ddb.on(TransactWriteCommand).rejects(cancelled('None', 'None', 'ConditionalCheckFailed', 'None'));
    const res = await create();
    expect(res.status).toBe(409);
    expect(res.json?.code).toBe('conflict');
    expect(String(res.json?.detail)).toContain('at most 10 supporting files');
    expect(res.body).not.toContain('Policy');
  });

  it('refuses after the deadline (409 deadline-passed), a stranger (404), an organiser (403), bad input (400), all before any write', async () => {
    await editionReads(ddb, editionItem({ deadline: '2024-06-01T07:00:00.000Z' }));
    expect((await create()).json?.code).toBe('deadline-passed');
    expect((await create(ben)).status).toBe(404);
    expect((await create(org)).status).toBe(403);
    expect((await create(ann, { ...body, fileName: 'a/b.pdf' })).status).toBe(400);
    expect(ddb).not.toHaveReceivedCommand(TransactWriteCommand);
  });

  it('refuses presentation files for a case that is not a notified outstanding one', async () => {
    const res = await create(ann, { ...body, purpose: 'presentation' });
    expect(res.status).toBe(409);
    expect(String(res.json?.detail)).toContain('outstanding');
  });
});

describe('GET /cases/{caseId}/attachments/{attachmentId}', () => {
  const get = (who = ann) => invoke(getAttachment, apiEvent(routes.getAttachment, { path: `/cases/${CASE_ID}/attachments/${ATT_ID}`, who }));

  it('gives a short-lived download URL for a verified file only', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem({ status: 'ready', sha256: 'ab' }) });
    const ready = await get();
    const url = new URL(String(ready.json?.downloadUrl));
    expect(url.pathname).toContain(objectKeys.verified(ref));
    expect(url.searchParams.get('X-Amz-Expires')).toBe('300');
    expect(url.searchParams.get('response-content-disposition')).toBe(`attachment; filename="report.pdf"; filename*=UTF-8''report.pdf`);

    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem({ status: 'pending' }) });
    expect((await get()).json).not.toHaveProperty('downloadUrl');
    expect((await get(ben)).status).toBe(404);
  });
});

describe('verification', () => {
  const key = objectKeys.quarantine(ref);
  const arrived = '2024-06-01T08:05:00.000Z';
  /** The object version an S3 record names (the bucket is versioned). */
  const object = { key, versionId: 'v1', eTag: '0123abcd' };
  const pinned = { VersionId: 'v1', IfMatch: '"0123abcd"' };
  const ccf = async () => new (await import('@aws-sdk/client-dynamodb')).ConditionalCheckFailedException({ message: 'x', $metadata: {} });
  const status = (code: number, name: string) => Object.assign(new Error(name), { name, $metadata: { httpStatusCode: code } });
  const readyUpdates = () => ddb.commandCalls(UpdateCommand).filter((c) => c.args[0].input.ExpressionAttributeValues?.[':ready']);
  beforeEach(() => {
    s3.on(DeleteObjectCommand).resolves({});
    s3.on(CopyObjectCommand).resolves({});
    s3.on(HeadObjectCommand).resolves({ ContentLength: 2048, ETag: '"0123abcd"' });
    s3.on(GetObjectCommand).callsFake(() => ({ Body: body$(pdf(2048)), ETag: '"0123abcd"' }));
  });

  it('pending → ready: claimed, size, type and streamed SHA-256 checked, copied out of quarantine, then removed from it', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem() });
    ddb.on(UpdateCommand).resolves({});
    const verdict = await verifyObject(object, arrived);
    expect(verdict).toEqual({ kind: 'ready', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const [claim, ready] = ddb.commandCalls(UpdateCommand).map((c) => c.args[0].input);
    expect(claim).toMatchObject({ UpdateExpression: 'SET verifying = :claim', ExpressionAttributeValues: { ':claim': 'v1' } });
    expect(ready).toMatchObject({ ExpressionAttributeValues: expect.objectContaining({ ':ready': 'ready', ':claim': 'v1' }) });
    expect(s3).toHaveReceivedCommandWith(CopyObjectCommand, { Key: objectKeys.verified(ref) });
    expect(s3).toHaveReceivedCommandWith(DeleteObjectCommand, { Key: key, VersionId: 'v1' });
  });

  it('pins the head, the read, the copy and the delete to the version and ETag the record names', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem() });
    ddb.on(UpdateCommand).resolves({});
    await verifyObject(object, arrived);
    expect(s3.commandCalls(HeadObjectCommand)[0]!.args[0].input).toMatchObject({ Key: key, ...pinned });
    expect(s3.commandCalls(GetObjectCommand)[0]!.args[0].input).toMatchObject({ Key: key, ...pinned });
    expect(s3.commandCalls(CopyObjectCommand)[0]!.args[0].input).toMatchObject({ CopySource: `unit-bucket/${key}?versionId=v1`, CopySourceIfMatch: '"0123abcd"' });
    // With a version id the copy is S3's own, pinned: no second read.
    expect(s3).toHaveReceivedCommandTimes(GetObjectCommand, 1);
    expect(s3.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input)).toEqual([{ Bucket: 'unit-bucket', Key: key, VersionId: 'v1' }]);
  });

  it.each([
    ['the head', HeadObjectCommand],
    ['the read', GetObjectCommand],
  ] as const)('treats a 412 on %s (the key now holds other bytes) as gone: nothing is copied or marked ready', async (_, command) => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem() });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    s3.on(command).rejects(status(412, 'PreconditionFailed'));
    expect(await verifyObject(object, arrived)).toEqual({ kind: 'gone' });
    expect(s3).not.toHaveReceivedCommand(CopyObjectCommand);
    expect(readyUpdates()).toEqual([]);
    // This post held the claim, so nobody else will decide: the owner is told to upload again.
    expect(ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems![0]!.Update).toMatchObject({
      ExpressionAttributeValues: expect.objectContaining({ ':reason': { key: 'rejection.replaced' }, ':claim': 'v1' }),
    });
  });

  it('treats a 412 on the copy as gone: no file in cases/, nothing marked ready', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem() });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    s3.on(CopyObjectCommand).rejects(status(412, 'PreconditionFailed'));
    expect(await verifyObject(object, arrived)).toEqual({ kind: 'rejected', reason: { key: 'rejection.replaced' } });
    expect(readyUpdates()).toEqual([]);
    // A rejection leaves nothing in cases/ (even what an interrupted earlier try may have copied).
    expect(s3).toHaveReceivedCommandWith(DeleteObjectCommand, { Key: objectKeys.verified(ref) });
  });

  it('without a version id (s3rver) the ETag alone pins: an answer with another ETag, or bytes that do not hash to it, are gone', async () => {
    const bytes = pdf(2048);
    const md5 = createHash('md5').update(bytes).digest('hex');
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem() });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    // Storage that ignores If-Match answers with what the key holds now: another object's ETag.
    s3.on(HeadObjectCommand).resolves({ ContentLength: 2048, ETag: '"ffff"' });
    expect(await verifyObject({ key, eTag: md5 }, arrived)).toEqual({ kind: 'gone' });
    expect(s3.commandCalls(HeadObjectCommand)[0]!.args[0].input).toEqual({ Bucket: 'unit-bucket', Key: key, IfMatch: `"${md5}"` });
    // The right ETag in the answer, but the bytes were being overwritten while read: their MD5 gives it away.
    s3.on(HeadObjectCommand).resolves({ ContentLength: 2048, ETag: `"${md5}"` });
    s3.on(GetObjectCommand).callsFake(() => ({ Body: body$(Buffer.concat([Buffer.from('MZ'), bytes.subarray(2)])), ETag: `"${md5}"` }));
    expect(await verifyObject({ key, eTag: md5 }, arrived)).toEqual({ kind: 'gone' });
    expect(s3).not.toHaveReceivedCommand(CopyObjectCommand);
    expect(readyUpdates()).toEqual([]);
    // Not ours to delete: the quarantine key now holds the bytes that replaced this post. (cases/ is cleared.)
    expect(s3).not.toHaveReceivedCommandWith(DeleteObjectCommand, { Key: key });
  });

  it('without a version id, reads the copy back and removes it when it is not the verified bytes (s3rver ignores copy-source-if-match)', async () => {
    const bytes = pdf(2048);
    const md5 = createHash('md5').update(bytes).digest('hex');
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem() });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    s3.on(HeadObjectCommand).resolves({ ContentLength: 2048, ETag: `"${md5}"` });
    s3.on(GetObjectCommand, { Key: key }).callsFake(() => ({ Body: body$(bytes), ETag: `"${md5}"` }));
    s3.on(GetObjectCommand, { Key: objectKeys.verified(ref) }).callsFake(() => ({ Body: body$(Buffer.concat([Buffer.from('MZ'), bytes.subarray(2)])) }));
    expect(await verifyObject({ key, eTag: md5 }, arrived)).toMatchObject({ kind: 'rejected' });
    expect(s3.commandCalls(CopyObjectCommand)[0]!.args[0].input).toMatchObject({ CopySource: `unit-bucket/${key}`, CopySourceIfMatch: `"${md5}"` });
    expect(readyUpdates()).toEqual([]);
    expect(s3).toHaveReceivedCommandWith(DeleteObjectCommand, { Key: objectKeys.verified(ref) });

    s3.on(GetObjectCommand, { Key: objectKeys.verified(ref) }).callsFake(() => ({ Body: body$(bytes) }));
    expect(await verifyObject({ key, eTag: md5 }, arrived)).toMatchObject({ kind: 'ready' });
    expect(readyUpdates()).toHaveLength(1);
  });

  it('makes a second post of the same form a leftover while the first holds the verification: its version is removed, nothing else', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem({ verifying: 'v0' }) });
    expect(await verifyObject(object, arrived)).toMatchObject({ kind: 'leftover' });
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem() });
    ddb.on(UpdateCommand).rejects(await ccf()); // claimed by the other post meanwhile
    expect(await verifyObject(object, arrived)).toMatchObject({ kind: 'leftover' });
    expect(s3).not.toHaveReceivedCommand(HeadObjectCommand);
    expect(s3).not.toHaveReceivedCommand(CopyObjectCommand);
    expect(s3.commandCalls(DeleteObjectCommand).map((c) => c.args[0].input)).toEqual(Array(2).fill({ Bucket: 'unit-bucket', Key: key, VersionId: 'v1' }));
  });

  it('pending → rejected when the bytes are not the declared type: the object is deleted and the count freed', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem({ contentType: 'image/png' }) });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    expect(await verifyObject(object, arrived)).toMatchObject({ kind: 'rejected', reason: { key: 'rejection.type-mismatch', params: { declared: 'image/png', seenType: 'application/pdf' } } });
    const tx = ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;
    expect(tx[0]!.Update?.ExpressionAttributeValues).toMatchObject({ ':rejected': 'rejected', ':reason': { key: 'rejection.type-mismatch' } });
    expect(tx[1]!.Update).toMatchObject({ Key: keys.uploadCounts(CASE_ID), ExpressionAttributeValues: { ':d': -1 } });
    expect(s3).not.toHaveReceivedCommand(CopyObjectCommand);
    expect(s3).toHaveReceivedCommandWith(DeleteObjectCommand, { Key: key, VersionId: 'v1' });
  });

  it('rejects a size other than the declared one without reading the content', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem() });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    s3.on(HeadObjectCommand).resolves({ ContentLength: 4096, ETag: '"0123abcd"' });
    expect(await verifyObject(object, arrived)).toMatchObject({ kind: 'rejected', reason: { key: 'rejection.size-mismatch' } });
    expect(s3).not.toHaveReceivedCommand(GetObjectCommand);
  });

  it('rejects an object that started after its upload window (where storage does not enforce the policy)', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem() });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    expect(await verifyObject(object, '2024-06-01T09:15:00.001Z')).toMatchObject({ kind: 'rejected' });
  });

  it('treats a repeated event and a deleted attachment as leftovers: remove the object, change nothing', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolvesOnce({ Item: attachmentItem({ status: 'ready' }) }).resolves({});
    expect(await verifyObject(object, arrived)).toMatchObject({ kind: 'leftover' });
    expect(await verifyObject(object, arrived)).toMatchObject({ kind: 'leftover' });
    expect(ddb).not.toHaveReceivedCommand(UpdateCommand);
    expect(s3).toHaveReceivedCommandTimes(DeleteObjectCommand, 2);
    expect(s3).not.toHaveReceivedCommand(CopyObjectCommand);
  });

  it('removes its copy when the attachment is deleted while it verifies', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolvesOnce({ Item: attachmentItem() }).resolves({});
    ddb.on(UpdateCommand).resolvesOnce({}).rejects(await ccf());
    await verifyObject(object, arrived);
    expect(s3).toHaveReceivedCommandWith(DeleteObjectCommand, { Key: objectKeys.verified(ref) });
    expect(s3).toHaveReceivedCommandWith(DeleteObjectCommand, { Key: key, VersionId: 'v1' });
  });

  it('takes a 403 for a missing object (no function may list the bucket) as gone, not as a failure', async () => {
    ddb.on(GetCommand, { Key: keys.attachment(CASE_ID, ATT_ID) }).resolves({ Item: attachmentItem() });
    ddb.on(UpdateCommand).resolves({});
    ddb.on(TransactWriteCommand).resolves({});
    s3.on(HeadObjectCommand).rejects(status(403, 'Forbidden'));
    expect(await verifyObject(object, arrived)).toEqual({ kind: 'gone' });
    expect(readyUpdates()).toEqual([]);
  });

  it('deletes anything under quarantine/ that is not an upload key', async () => {
    expect(await verifyObject({ key: 'quarantine/evil.exe', versionId: 'v9' }, arrived)).toMatchObject({ kind: 'leftover' });
    expect(s3).toHaveReceivedCommandWith(DeleteObjectCommand, { Key: 'quarantine/evil.exe', VersionId: 'v9' });
    expect(ddb.calls()).toHaveLength(0);
  });
});
