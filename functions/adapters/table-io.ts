/**
 * The table, named once: every single read and write of the repositories goes through here, which supplies
 * TableName. Imported as a namespace (`import * as table from './table-io.ts'`) and used as `table.get(...)`, so
 * that esbuild keeps only the commands a function calls.
 */
import {
  BatchGetCommand,
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

type Input<T> = Omit<T, 'TableName'>;

export const get = (input: Input<GetCommandInput>) => ddb.send(new GetCommand({ TableName: env.TABLE_NAME, ...input }));
export const query = (input: Input<QueryCommandInput>) => ddb.send(new QueryCommand({ TableName: env.TABLE_NAME, ...input }));
export const put = (input: Input<PutCommandInput>) => ddb.send(new PutCommand({ TableName: env.TABLE_NAME, ...input }));
export const update = (input: Input<UpdateCommandInput>) => ddb.send(new UpdateCommand({ TableName: env.TABLE_NAME, ...input }));
const remove = (input: Input<DeleteCommandInput>) => ddb.send(new DeleteCommand({ TableName: env.TABLE_NAME, ...input }));
export { remove as delete };

/** One BatchGetItem request of the table's items (batch.ts splits and retries). */
export async function batchGet(keys: Record<string, unknown>[], consistent: boolean) {
  const out = await ddb.send(new BatchGetCommand({ RequestItems: { [env.TABLE_NAME]: { Keys: keys, ...(consistent ? { ConsistentRead: true } : {}) } } }));
  return { items: out.Responses?.[env.TABLE_NAME] ?? [], unprocessed: out.UnprocessedKeys?.[env.TABLE_NAME]?.Keys ?? [] };
}
