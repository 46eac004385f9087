/** Runs before each integration test file: points the handlers at the shared DynamoDB Local. */
import { inject } from 'vitest';
import { setLocalEnv } from '../../lib/local/environment.ts';

setLocalEnv(inject('dynamoEndpoint'), inject('tableName'));
