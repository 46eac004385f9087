/**
 * A case's two items (cases-repo.ts): the case item ("head") and, apart, its long texts in the text item. Reads
 * merge them (a head written before the split, with its texts and no text item, reads as before); an owner's write
 * rewrites the text item only when a text changed.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { BatchGetCommand, DynamoDBDocumentClient, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { caseItems, createCase, getCase, getCases, getCaseWithAttachments, listCasesByOwner, replaceCase } from '#adapters/cases-repo';
import { keys } from '#adapters/table-design';
import type { CaseRecord } from '#domain/case';
import { effectOf } from '../../support/update-expression.ts';
import { annsCase } from '../../support/cases.ts';

const ddb = mockClient(DynamoDBDocumentClient);
const c = annsCase({ caseId: '01HZX3N4QK7M2XG5V6R9T0BCDE' });
const [head, text] = caseItems(c) as [Record<string, unknown>, Record<string, unknown>];
/** A case item as it was written before the split: the texts on it, and no text item. */
const legacy = { ...head, summary: 'Old summary', description: 'Old description' };

const transaction = () => ddb.commandCalls(TransactWriteCommand)[0]!.args[0].input.TransactItems!;

beforeEach(() => {
  ddb.reset();
  ddb.on(TransactWriteCommand).resolves({});
});
afterEach(() => ddb.reset());

describe('the items of a case', () => {
  it('keeps the texts off the case item, in the text item of the same partition, right after it', () => {
    expect(head).not.toHaveProperty('summary');
    expect(head).not.toHaveProperty('description');
    expect(head).toMatchObject({ ...keys.case(c.caseId), title: c.title, version: c.version });
    expect(text).toEqual({ ...keys.caseText(c.caseId), type: 'case-text', summary: c.summary, description: c.description });
    expect(text.pk).toBe(head.pk);
    expect([String(text.sk), 'CONFIRMATION', String(head.sk)].sort()).toEqual([head.sk, text.sk, 'CONFIRMATION']);
  });

  it('keeps the Chinese summary with the other texts, and the Chinese title on the case item (the lists show it)', () => {
    const bilingual = annsCase({ caseId: c.caseId, titleZh: '联合培训', summaryZh: '两个组织联合开展培训。' });
    const [zhHead, zhText] = caseItems(bilingual) as [Record<string, unknown>, Record<string, unknown>];
    expect(zhHead).toMatchObject({ title: c.title, titleZh: '联合培训' });
    expect(zhHead).not.toHaveProperty('summaryZh');
    expect(zhText).toEqual({ ...keys.caseText(c.caseId), type: 'case-text', summary: c.summary, summaryZh: '两个组织联合开展培训。', description: c.description });
    const { summary: _s, description: _d, ...withoutEnglishTexts } = bilingual;
    expect(caseItems({ ...withoutEnglishTexts, caseId: c.caseId })[1]).toEqual({ ...keys.caseText(c.caseId), type: 'case-text', summaryZh: '两个组织联合开展培训。' });
  });

  it('has no text item without a text', () => {
    expect(caseItems({ ...c, summary: undefined, description: undefined } as CaseRecord)).toHaveLength(1);
  });

  it('are both put when the case is created, in one transaction', async () => {
    expect(await createCase(c, [])).toBe('ok');
    const puts = transaction().flatMap((i) => (i.Put ? [i.Put.Item] : []));
    expect(puts).toEqual([head, text]);
  });
});

describe('reading a case', () => {
  it('merges the case item with its text item, in one Query of both', async () => {
    ddb.on(QueryCommand).resolves({ Items: [head, text] });
    expect(await getCase(c.caseId, true)).toEqual(c);
    expect(ddb).toHaveReceivedCommandTimes(QueryCommand, 1);
    expect(ddb).toHaveReceivedCommandWith(QueryCommand, {
      KeyConditionExpression: 'pk = :pk AND sk BETWEEN :from AND :to',
      ExpressionAttributeValues: { ':pk': keys.casePartition(c.caseId), ':from': 'CASE', ':to': 'CASE#TEXT' },
      ConsistentRead: true,
    });
  });

  it("takes the texts from the text item when there is one, and a legacy case item's own otherwise", async () => {
    ddb.on(QueryCommand).resolvesOnce({ Items: [legacy] }).resolvesOnce({ Items: [legacy, { ...text, description: undefined }] }).resolves({ Items: [] });
    expect(await getCase(c.caseId)).toMatchObject({ summary: 'Old summary', description: 'Old description', title: c.title });
    const moved = await getCase(c.caseId);
    expect(moved).toMatchObject({ summary: c.summary });
    expect(moved).not.toHaveProperty('description');
    expect(await getCase(c.caseId)).toBeUndefined();
  });

  it('reads several with their text items in one BatchGetItem, legacy ones too', async () => {
    const other = annsCase({ caseId: '01HZX3N4QK7M2XG5V6R9T0BCDF', title: 'Other' });
    const [otherHead] = caseItems(other);
    ddb.on(BatchGetCommand).resolves({ Responses: { 'unit-table': [text, { ...otherHead, summary: 'S', description: 'D' }, head] } });
    const found = await getCases([c.caseId, other.caseId]);
    expect(found).toHaveLength(2);
    expect(found).toEqual(expect.arrayContaining([c, { ...other, summary: 'S', description: 'D' }]));
    const asked = ddb.commandCalls(BatchGetCommand)[0]!.args[0].input.RequestItems!['unit-table']!.Keys;
    expect(asked).toEqual([keys.case(c.caseId), keys.caseText(c.caseId), keys.case(other.caseId), keys.caseText(other.caseId)]);
  });

  it("lists the owner's page whole: the case items gsi1 holds with their text items, read in one BatchGetItem", async () => {
    ddb.on(QueryCommand).resolves({ Items: [head, legacy] });
    ddb.on(BatchGetCommand).resolves({ Responses: { 'unit-table': [text] } });
    const page = await listCasesByOwner('ann', 2);
    expect(page.items).toEqual([c, expect.objectContaining({ summary: c.summary })]);
    expect(ddb).toHaveReceivedCommandTimes(BatchGetCommand, 1);
  });

  it('reads a case with its attachments in one strongly consistent Query, following its pages', async () => {
    const attachment = { ...keys.attachment(c.caseId, 'A1'), type: 'attachment', attachmentId: 'A1', caseId: c.caseId, status: 'ready' };
    ddb.on(QueryCommand).resolvesOnce({ Items: [attachment], LastEvaluatedKey: keys.attachment(c.caseId, 'A1') }).resolves({ Items: [head, text] });
    expect(await getCaseWithAttachments(c.caseId)).toEqual({ record: c, attachments: [{ attachmentId: 'A1', caseId: c.caseId, status: 'ready' }] });
    const queries = ddb.commandCalls(QueryCommand).map((q) => q.args[0].input);
    expect(queries).toHaveLength(2);
    expect(queries[0]).toMatchObject({ ExpressionAttributeValues: { ':from': 'ATT#', ':to': 'CASE#TEXT' }, ConsistentRead: true });
    expect(queries[1]!.ExclusiveStartKey).toEqual(keys.attachment(c.caseId, 'A1'));
  });

  it('answers no record for a case that does not exist', async () => {
    ddb.on(QueryCommand).resolves({ Items: [] });
    expect(await getCaseWithAttachments(c.caseId)).toEqual({ attachments: [] });
  });
});

describe("an owner's replacement", () => {
  const next = (from: CaseRecord, over: Partial<CaseRecord>): CaseRecord => ({ ...from, ...over, version: from.version + 1 });

  it('rewrites the case item alone when no text changed (a submit): no text item, no text on the case item', async () => {
    expect(await replaceCase(next(c, { status: 'submitted' }), c, [])).toBe('ok');
    const items = transaction();
    expect(items).toHaveLength(1);
    const { set, remove } = effectOf(items[0]!.Update);
    expect(items[0]!.Update).toMatchObject({ Key: keys.case(c.caseId), ExpressionAttributeValues: { ':expected': c.version } });
    expect(set).toMatchObject({ status: 'submitted', version: c.version + 1 });
    for (const f of ['summary', 'description']) {
      expect(set).not.toHaveProperty(f);
      expect(remove).not.toContain(f);
    }
  });

  it('puts the text item in the same transaction when a text changed, after the case item it is guarded by', async () => {
    expect(await replaceCase(next(c, { description: 'New' }), c, [])).toBe('ok');
    const items = transaction();
    expect(items).toHaveLength(2);
    expect(items[1]!.Put).toMatchObject({ Item: { ...keys.caseText(c.caseId), type: 'case-text', summary: c.summary, description: 'New' } });
    expect(items[1]!.Put).not.toHaveProperty('ConditionExpression');
    expect(effectOf(items[0]!.Update).set).not.toHaveProperty('description');
  });

  it('rewrites the text item when only the Chinese summary changed, and leaves it off the case item', async () => {
    expect(await replaceCase(next(c, { summaryZh: '新的摘要' }), c, [])).toBe('ok');
    const items = transaction();
    expect(items).toHaveLength(2);
    expect(items[1]!.Put).toMatchObject({ Item: { ...keys.caseText(c.caseId), summary: c.summary, summaryZh: '新的摘要', description: c.description } });
    const { set, remove } = effectOf(items[0]!.Update);
    expect(set).not.toHaveProperty('summaryZh');
    // As for any text change: a case item written before the split loses its own texts.
    expect(remove).toEqual(expect.arrayContaining(['summary', 'summaryZh', 'description']));
  });

  it('deletes the text item when both texts are gone', async () => {
    expect(await replaceCase(next(c, { summary: undefined, description: undefined }), c, [])).toBe('ok');
    expect(transaction()[1]!.Delete).toMatchObject({ Key: keys.caseText(c.caseId) });
  });

  it('leaves a legacy case item its texts while they do not change, and moves them into the text item when one does', async () => {
    const read = { ...c, summary: 'Old summary', description: 'Old description' };
    await replaceCase(next(read, { title: 'Renamed' }), read, []);
    let items = transaction();
    expect(items).toHaveLength(1);
    expect(effectOf(items[0]!.Update).remove).not.toContain('summary');

    ddb.resetHistory();
    await replaceCase(next(read, { summary: 'New summary' }), read, []);
    items = transaction();
    expect(items[1]!.Put?.Item).toMatchObject({ summary: 'New summary', description: 'Old description' });
    expect(effectOf(items[0]!.Update).remove).toEqual(expect.arrayContaining(['summary', 'description']));
  });
});
