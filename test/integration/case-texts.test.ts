/**
 * A case's long texts in their own item, against DynamoDB Local: written with the case, read back with it, rewritten
 * only by a change of a text (a submit rewrites the case item alone), and read with the attachments in one Query.
 */
import { describe, expect, it } from 'vitest';
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { newCase, type CaseRecord } from '../../functions/domain/case.ts';
import type { AttachmentRecord } from '../../functions/domain/attachment.ts';
import { ddb, env } from '../../functions/adapters/clients.ts';
import { keys } from '../../functions/adapters/table-design.ts';
import { deadlineChecks } from '../../functions/adapters/transact.ts';
import { caseItems, createCase, getCase, getCases, getCaseWithAttachments, listCasesByOwner, replaceCase } from '../../functions/adapters/cases-repo.ts';
import { addAttachment } from '../../functions/adapters/attachments-repo.ts';
import { completeFields, openEdition, uniq } from './helpers.ts';

const raw = async (key: Record<string, string>) => (await ddb.send(new GetCommand({ TableName: env.TABLE_NAME, Key: key, ConsistentRead: true }))).Item;
const next = (from: CaseRecord, over: Partial<CaseRecord>): CaseRecord => ({ ...from, ...over, version: from.version + 1, updatedAt: new Date().toISOString() });

describe('the texts of a case, in their own item', () => {
  it('are created with the case, patched, read back, left alone by a submit, and read with the attachments', async () => {
    const editionId = await openEdition();
    const owner = { sub: uniq('ann'), email: 'ann@example.org', groups: [] };
    const now = () => new Date().toISOString();
    const created = newCase(uniq('case'), editionId, owner, { title: 'Draft', summary: 'First summary' }, 'en', new Date());
    expect(await createCase(created, deadlineChecks(editionId, now()))).toBe('ok');
    const caseId = created.caseId;
    expect(await raw(keys.case(caseId))).not.toHaveProperty('summary');
    expect(await raw(keys.caseText(caseId))).toMatchObject({ summary: 'First summary' });

    // An edit of the texts rewrites the text item, and the case reads whole.
    const read = (await getCase(caseId, true))!;
    expect(read).toEqual(created);
    const edited = next(read, { ...completeFields, titleZh: '草稿', summaryZh: '摘要'.repeat(50), description: '描述'.repeat(2000) });
    expect(await replaceCase(edited, read, deadlineChecks(editionId, now()))).toBe('ok');
    expect(await raw(keys.caseText(caseId))).toMatchObject({ summary: completeFields.summary, summaryZh: edited.summaryZh });
    expect(await raw(keys.case(caseId))).toMatchObject({ titleZh: '草稿' });
    expect(await raw(keys.case(caseId))).not.toHaveProperty('summaryZh');
    expect(await getCase(caseId, true)).toEqual(edited);
    expect(await getCases([caseId], true)).toEqual([edited]);
    expect((await listCasesByOwner(owner.sub, 10)).items).toEqual([edited]);

    // A submit-like replacement that leaves the texts alone does not touch the text item: a mark set on it survives
    // (a Put would have replaced the whole item), and the case item still holds no text.
    await ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, Key: keys.caseText(caseId), UpdateExpression: 'SET mark = :m', ExpressionAttributeValues: { ':m': 1 } }));
    const submitted = next(edited, { status: 'submitted' });
    expect(await replaceCase(submitted, edited, deadlineChecks(editionId, now()))).toBe('ok');
    expect(await raw(keys.caseText(caseId))).toMatchObject({ mark: 1, description: edited.description });
    const head = (await raw(keys.case(caseId)))!;
    expect(head).toMatchObject({ status: 'submitted', version: submitted.version });
    expect(head).not.toHaveProperty('summary');
    expect(head).not.toHaveProperty('description');

    // The case and its attachments in one Query.
    const attachment: AttachmentRecord = {
      attachmentId: uniq('att'), caseId, editionId, ownerId: owner.sub, purpose: 'supporting', fileName: 'a.pdf', contentType: 'application/pdf',
      size: 1024, status: 'pending', uploadBy: new Date(Date.now() + 3_600_000).toISOString(), createdAt: now(), updatedAt: now(),
    };
    expect(await addAttachment(attachment, now())).toBe('ok');
    const both = await getCaseWithAttachments(caseId);
    expect(both.record).toMatchObject({ status: 'submitted', summary: edited.summary, description: edited.description });
    expect(both.attachments).toEqual([attachment]);
    expect(await getCaseWithAttachments(uniq('case'))).toEqual({ attachments: [] });
  });

  it('reads a case item written before the split as before, and moves its texts out with the first change of one', async () => {
    const editionId = await openEdition();
    const c = newCase(uniq('case'), editionId, { sub: uniq('ann'), email: 'ann@example.org', groups: [] }, { ...completeFields }, 'en', new Date());
    const [head] = caseItems(c);
    await ddb.send(new PutCommand({ TableName: env.TABLE_NAME, Item: { ...head, summary: c.summary, description: c.description } }));
    expect(await getCase(c.caseId, true)).toEqual(c);

    const renamed = next(c, { title: 'Renamed' });
    expect(await replaceCase(renamed, c, [])).toBe('ok');
    expect(await raw(keys.caseText(c.caseId))).toBeUndefined();
    expect(await getCase(c.caseId, true)).toEqual(renamed);

    const rewritten = next(renamed, { summary: 'New summary' });
    expect(await replaceCase(rewritten, renamed, [])).toBe('ok');
    expect(await raw(keys.case(c.caseId))).not.toHaveProperty('description');
    expect(await raw(keys.caseText(c.caseId))).toMatchObject({ summary: 'New summary', description: c.description });
    expect(await getCase(c.caseId, true)).toEqual(rewritten);
  });
});
