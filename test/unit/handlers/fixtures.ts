import { TransactionCanceledException, ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { CASE_TEXT_FIELDS, keys } from '#adapters/table-design';
import type { AwsStub } from 'aws-sdk-client-mock';
import { QueryCommand, type DynamoDBDocumentClientResolvedConfig, type ServiceInputTypes, type ServiceOutputTypes } from '@aws-sdk/lib-dynamodb';
import { edition2024 } from '../../support/editions.ts';

export const NOW = new Date('2024-06-01T08:00:00.000Z');
export const CASE_ID = '01HZX3N4QK7M2XG5V6R9T0BCDE';
export const ann = { sub: 'ann' };
export const ben = { sub: 'ben' };
export const org = { sub: 'olga', groups: ['organisers'] };

export const editionItem = (over: Record<string, unknown> = {}) => ({
  ...keys.edition('2024'),
  type: 'edition',
  ...edition2024,
  ...over,
});

export { completeFields } from '../../support/cases.ts';

export const caseItem = (over: Record<string, unknown> = {}) => ({
  ...keys.case(CASE_ID),
  type: 'case',
  caseId: CASE_ID,
  editionId: '2024',
  ownerId: 'ann',
  ownerEmail: 'ann@example.org',
  status: 'draft',
  title: 'Draft',
  createdAt: '2024-05-10T00:00:00.000Z',
  updatedAt: '2024-05-10T00:00:00.000Z',
  version: 2,
  ...over,
});

/** A whole case item (caseItem) as the table holds it: the case item, and its texts apart in the text item. */
export function storedItems(item: Record<string, unknown>): Record<string, unknown>[] {
  const isText = (k: string) => (CASE_TEXT_FIELDS as readonly string[]).includes(k);
  const texts = Object.entries(item).filter(([k]) => isText(k));
  const head = Object.fromEntries(Object.entries(item).filter(([k]) => !isText(k)));
  return texts.length ? [head, { ...keys.caseText(String(item.caseId)), type: 'case-text', ...Object.fromEntries(texts) }] : [head];
}

/** What the Query of a case and its text item (cases-repo.ts, getCase) answers for `item`, or for no case. */
export const caseFound = (item?: Record<string, unknown>) => ({ Items: item ? storedItems(item) : [] });

/** What DynamoDB answers when a transaction's condition fails: one reason per item, in order. */
export const cancelled = (...codes: ('ConditionalCheckFailed' | 'TransactionConflict' | 'None')[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled',
    $metadata: {},
    CancellationReasons: codes.map((Code) => ({ Code })),
  });

export const conditionFailed = () => new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

type DdbMock = AwsStub<ServiceInputTypes, ServiceOutputTypes, DynamoDBDocumentClientResolvedConfig>;

/** The reads of a case and its text item (cases-repo.ts, getCase): answer them with caseFound. */
export const caseRead = (ddb: DdbMock, caseId = CASE_ID) =>
  ddb.on(QueryCommand, { ExpressionAttributeValues: { ':pk': keys.casePartition(caseId), ':to': keys.caseText(caseId).sk } });

/** The edition (and an extension) as handlers read them: one BatchGetItem, or a GetItem of the edition. */
export async function editionReads(ddb: DdbMock, edition: Record<string, unknown> | undefined, extension?: Record<string, unknown>) {
  const { BatchGetCommand, GetCommand } = await import('@aws-sdk/lib-dynamodb');
  ddb.on(BatchGetCommand).resolves({ Responses: { 'unit-table': [edition, extension].filter((x) => x !== undefined) } });
  ddb.on(GetCommand, { Key: keys.edition('2024') }).resolves(edition ? { Item: edition } : {});
}
