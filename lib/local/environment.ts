/**
 * The whole backend on one machine: DynamoDB Local, the table, the demo edition and the HTTP server.
 * Handlers read their endpoints and names from the environment, set here once; they never ask whether
 * they run locally.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { ROUTES } from '../../functions/shared/routes.ts';
import { FUNCTIONS_DIR } from '../bundling.ts';
import { fieldProblems } from '../../functions/shared/http.ts';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoLocal, type DynamoLocal } from './dynamodb.ts';
import { createLocalServer, listen, type LocalRoute } from './server.ts';
import { loadSecret, signToken, TokenRequest } from './tokens.ts';

export { FUNCTIONS_DIR };
export const LOCAL_TABLE_NAME = 'practice-cases';

export interface LocalEnvironmentOptions {
  port: number;
  /** Where DynamoDB, S3 and the outbox keep their data; in memory (DynamoDB) when undefined. */
  dataDir?: string;
  host?: string;
  seed?: boolean;
  log?: (line: string) => void;
}

export interface LocalEnvironment {
  url: string;
  port: number;
  dynamoEndpoint: string;
  secret: Buffer;
  stop(): Promise<void>;
}

/** Points the AWS SDK and the handlers' configuration at the local stand-ins. */
export function setLocalEnv(dynamoEndpoint: string, tableName = LOCAL_TABLE_NAME): void {
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    POWERTOOLS_SERVICE_NAME: process.env.POWERTOOLS_SERVICE_NAME ?? 'practice-cases-local',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    CORS_ALLOWED_ORIGINS: process.env.CORS_ALLOWED_ORIGINS ?? '*',
  });
}

export function localRoutes(secret: Buffer, outboxDir: string | undefined): LocalRoute[] {
  return [
    {
      method: 'POST',
      path: '/local/token',
      async handle(body) {
        const parsed = TokenRequest.safeParse(body);
        if (!parsed.success) {
          return { status: 400, body: { type: 'https://practice-cases.dev/problems/validation-failed', title: 'The request is not valid', status: 400, code: 'validation-failed', errors: fieldProblems(parsed.error) } };
        }
        return { status: 200, body: { token: signToken(parsed.data, secret) } };
      },
    },
    {
      method: 'GET',
      path: '/local/outbox',
      async handle() {
        const items: Record<string, unknown>[] = [];
        if (outboxDir) {
          for (const f of readdirSync(outboxDir).filter((n) => n.endsWith('.json'))) {
            items.push(JSON.parse(readFileSync(join(outboxDir, f), 'utf8')) as Record<string, unknown>);
          }
        }
        items.sort((a, b) => String(b.sentAt).localeCompare(String(a.sentAt)));
        return { status: 200, body: { items, nextCursor: null } };
      },
    },
  ];
}

export async function startLocalEnvironment(opts: LocalEnvironmentOptions): Promise<LocalEnvironment> {
  const dataDir = opts.dataDir ? resolve(opts.dataDir) : undefined;
  const outboxDir = dataDir ? join(dataDir, 'outbox') : undefined;
  if (outboxDir) mkdirSync(outboxDir, { recursive: true });

  const dynamo: DynamoLocal = await startDynamoLocal(dataDir && join(dataDir, 'dynamodb'));
  let server: Server | undefined;
  try {
    await ensureTable(dynamo.endpoint, LOCAL_TABLE_NAME);
    setLocalEnv(dynamo.endpoint);
    if (opts.seed !== false) {
      const { seedDemoEdition } = await import('./seed.ts');
      const seeded = await seedDemoEdition();
      if (seeded) opts.log?.(`Created the open demo edition ${seeded}`);
    }
    const secret = loadSecret(dataDir && join(dataDir, 'token-secret'));
    server = createLocalServer({ port: opts.port, routes: ROUTES, functionsDir: FUNCTIONS_DIR, secret, localRoutes: localRoutes(secret, outboxDir), ...(opts.log ? { log: opts.log } : {}) });
    const port = await listen(server, opts.port, opts.host);
    const s = server;
    return {
      url: `http://localhost:${port}`,
      port,
      dynamoEndpoint: dynamo.endpoint,
      secret,
      async stop() {
        await new Promise<void>((r) => {
          s.close(() => r());
          s.closeAllConnections();
        });
        await dynamo.stop();
      },
    };
  } catch (err) {
    server?.close();
    await dynamo.stop();
    throw err;
  }
}
