/**
 * Transaction items on the table (tx.*, which supply TableName), and `conditionally`, which turns a failed write
 * condition into an answer rather than an error. Single reads and writes are in table-io.ts.
 */
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import type { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { env } from './clients.ts';

export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

type Part<K extends keyof TransactItem> = Omit<NonNullable<TransactItem[K]>, 'TableName'>;

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
