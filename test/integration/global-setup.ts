/** One DynamoDB Local for the whole integration run, in memory, with the stack's table. */
import type { TestProject } from 'vitest/node';
import { ensureTable, startDynamoLocal } from '../../lib/local/dynamodb.ts';

export const TABLE = 'it-practice-cases';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
    tableName: string;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoLocal();
  await ensureTable(dynamo.endpoint, TABLE);
  project.provide('dynamoEndpoint', dynamo.endpoint);
  project.provide('tableName', TABLE);
  return async () => {
    await dynamo.stop();
  };
}
