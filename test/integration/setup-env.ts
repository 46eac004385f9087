/** Runs before each integration test file: points the handlers at the shared DynamoDB Local, and e-mail at an outbox. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { LOCAL_BUCKET_NAME, setLocalEnv } from '../../lib/local/environment.ts';

setLocalEnv(inject('dynamoEndpoint'), inject('tableName'), undefined, LOCAL_BUCKET_NAME, mkdtempSync(join(tmpdir(), 'pc-it-outbox-')));
