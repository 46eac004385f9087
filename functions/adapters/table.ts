/**
 * The table, named once: every read and write of the repositories goes through here, which supplies TableName,
 * and `conditionally` turns a failed write condition into an answer rather than an error. Transaction items
 * (tx.*) get their TableName here too.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  type TransactWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  UpdateCommand,
  type DeleteCommandInput,
  type GetCommandInput,
  type PutCommandInput,
  type QueryCommandInput,
  type UpdateCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ddb, env } from './clients.ts';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

type Input<T> = Omit<T, 'TableName'>;
type Part<K extends keyof TransactItem> = Omit<NonNullable<TransactItem[K]>, 'TableName'>;

export const table = {
  get: (input: Input<GetCommandInput>) => ddb.send(new GetCommand({ TableName: env.TABLE_NAME, ...input })),
  query: (input: Input<QueryCommandInput>) => ddb.send(new QueryCommand({ TableName: env.TABLE_NAME, ...input })),
  put: (input: Input<PutCommandInput>) => ddb.send(new PutCommand({ TableName: env.TABLE_NAME, ...input })),
  update: (input: Input<UpdateCommandInput>) => ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, ...input })),
  delete: (input: Input<DeleteCommandInput>) => ddb.send(new DeleteCommand({ TableName: env.TABLE_NAME, ...input })),
  /** One BatchGetItem request of the table's items (batch.ts splits and retries). */
  batchGet: async (keys: Record<string, unknown>[], consistent: boolean) => {
    const out = await ddb.send(new BatchGetCommand({ RequestItems: { [env.TABLE_NAME]: { Keys: keys, ...(consistent ? { ConsistentRead: true } : {}) } } }));
    return { items: out.Responses?.[env.TABLE_NAME] ?? [], unprocessed: out.UnprocessedKeys?.[env.TABLE_NAME]?.Keys ?? [] };
  },
};

/** The items of a transaction, on this table. */
export const tx = {
  put: (input: Part<'Put'>): TransactItem => ({ Put: { TableName: env.TABLE_NAME, ...input } }),
  update: (input: Part<'Update'>): TransactItem => ({ Update: { TableName: env.TABLE_NAME, ...input } }),
  delete: (input: Part<'Delete'>): TransactItem => ({ Delete: { TableName: env.TABLE_NAME, ...input } }),
  check: (input: Part<'ConditionCheck'>): TransactItem => ({ ConditionCheck: { TableName: env.TABLE_NAME, ...input } }),
};

/** A write whose condition may fail: its output, or undefined when the condition did not hold. */
export async function conditionally<T>(write: Promise<T>): Promise<T | undefined> {
  try {
    return await write;
  } catch (err) {
    if (err instanceof ConditionalCheckFailedException) return undefined;
    throw err;
  }
}
