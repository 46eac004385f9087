/**
 * The whole backend on one machine: DynamoDB Local, the table and its stream, the demo edition and the HTTP server.
 * Handlers read their endpoints and names from the environment, set here once; they never ask whether
 * they run locally.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Server } from 'node:http';
import { join, resolve } from 'node:path';
import { ROUTES } from '../../functions/shared/routes.ts';
import { streamFilter, WORKERS } from '../../functions/shared/workers.ts';
import { PREFIXES } from '../../functions/adapters/bucket-design.ts';
import { FUNCTIONS_DIR } from '../bundling.ts';
import { fieldProblems, fixedProblemBody } from '../../functions/shared/http.ts';
import { ensureTable, LOCAL_CREDENTIALS, LOCAL_REGION, startDynamoLocal, type DynamoLocal } from './dynamodb.ts';
import { createLocalServer, listen, LOOPBACK, reachableHost, type LocalRoute } from './server.ts';
import { devCorsOrigins } from '../stage-config.ts';
import { startLocalS3, type LocalS3 } from './s3.ts';
import { pathToFileURL } from 'node:url';
import type { S3Event } from 'aws-lambda';
import { loadSecret, signToken, TokenRequest } from './tokens.ts';
import { LOCAL_NOTIFY_ARN, startLocalStepFunctions, type LocalStepFunctions } from './stepfunctions.ts';
import type { NotifyTaskWorker } from '../../functions/shared/notify-workflow.ts';
import { startStreamPoller, type StreamBinding, type StreamPoller } from './streams.ts';

export { FUNCTIONS_DIR };
export const LOCAL_TABLE_NAME = 'practice-cases';
export const LOCAL_BUCKET_NAME = 'practice-cases-media';
/** The local sign-in: a token for any subject and groups. The docs page shows a form for it (LOCAL_TOKEN_ROUTE). */
export const LOCAL_TOKEN_ROUTE = '/local/token';

export interface LocalEnvironmentOptions {
  port: number;
  /** Where DynamoDB, S3 and the outbox keep their data; in memory and temporary folders when undefined. */
  dataDir?: string;
  /** The address every listener binds to: 127.0.0.1 unless given (bin/local.ts takes HOST and warns). */
  host?: string;
  seed?: boolean;
  /**
   * The browser origins answered with CORS headers, by the server, the handlers and the bucket alike: the dev stage's
   * corsOrigins unless given (a test serves its page from an origin of its own).
   */
  corsOrigins?: string[];
  log?: (line: string) => void;
}

export interface LocalEnvironment {
  url: string;
  port: number;
  dynamoEndpoint: string;
  s3: LocalS3;
  workflows: LocalStepFunctions;
  secret: Buffer;
  stop(): Promise<void>;
}

/** Points the handlers that start the notification workflow at the local Step Functions. */
export function setLocalWorkflowEnv(sfnEndpoint: string): void {
  Object.assign(process.env, { AWS_ENDPOINT_URL_SFN: sfnEndpoint, NOTIFY_STATE_MACHINE_ARN: LOCAL_NOTIFY_ARN });
}

/**
 * Points the AWS SDK and the handlers' configuration at the local stand-ins. `corsOrigins`, when given, replaces the
 * handlers' allow-list; handlers read it when first loaded.
 */
export function setLocalEnv(
  dynamoEndpoint: string,
  tableName = LOCAL_TABLE_NAME,
  s3Endpoint?: string,
  bucketName = LOCAL_BUCKET_NAME,
  outboxDir?: string,
  corsOrigins?: readonly string[],
): void {
  if (outboxDir) Object.assign(process.env, { MAIL_TRANSPORT: 'outbox', OUTBOX_DIR: outboxDir });
  if (s3Endpoint) Object.assign(process.env, { AWS_ENDPOINT_URL_S3: s3Endpoint, S3_FORCE_PATH_STYLE: 'true', BUCKET_NAME: bucketName });
  Object.assign(process.env, {
    TABLE_NAME: tableName,
    AWS_ENDPOINT_URL_DYNAMODB: dynamoEndpoint,
    AWS_REGION: LOCAL_REGION,
    AWS_ACCESS_KEY_ID: LOCAL_CREDENTIALS.accessKeyId,
    AWS_SECRET_ACCESS_KEY: LOCAL_CREDENTIALS.secretAccessKey,
    POWERTOOLS_SERVICE_NAME: process.env.POWERTOOLS_SERVICE_NAME ?? 'practice-cases-local',
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'WARN',
    // Business metrics are CloudWatch EMF lines on stdout: noise in a terminal. POWERTOOLS_METRICS_DISABLED=false shows them.
    POWERTOOLS_METRICS_DISABLED: process.env.POWERTOOLS_METRICS_DISABLED ?? 'true',
    // The dev stage's origins, not '*': every page the developer visits could otherwise read the answers.
    CORS_ALLOWED_ORIGINS: corsOrigins?.join(',') ?? process.env.CORS_ALLOWED_ORIGINS ?? devCorsOrigins().join(','),
    // Signs list cursors (functions/config/env.ts): one per process, kept once set.
    CURSOR_SECRET: process.env.CURSOR_SECRET ?? randomBytes(32).toString('hex'),
    // Tells the docs page (functions/docs/docs.ts) to offer the local sign-in; never set on AWS.
    LOCAL_TOKEN_ROUTE,
    // The committee's accounts in the table, invitations in the outbox (functions/adapters/table-directory.ts).
    DIRECTORY: 'table',
  });
}

export function localRoutes(secret: Buffer, outboxDir: string | undefined): LocalRoute[] {
  const loadWorker = workerLoader();
  return [
    {
      // Plays what SES publishes for the configuration set (an EventBridge event: detail-type and detail), so
      // that delivery, bounce and complaint can be tried locally: the same handler as on AWS applies it.
      method: 'POST',
      path: '/local/mail-events',
      async handle(body) {
        const event = body as { detail?: { eventType?: unknown; mail?: { messageId?: unknown } } };
        if (typeof event?.detail?.eventType !== 'string' || typeof event.detail.mail?.messageId !== 'string') {
          return { status: 400, body: fixedProblemBody('validation-failed', { key: 'detail.local-ses-event' }) };
        }
        const outcome = await (await loadWorker('trackDelivery'))(event);
        return { status: 200, body: { outcome } };
      },
    },
    {
      method: 'POST',
      path: LOCAL_TOKEN_ROUTE,
      async handle(body) {
        const parsed = TokenRequest.safeParse(body);
        if (!parsed.success) {
          return { status: 400, body: fixedProblemBody('validation-failed', { key: 'detail.local-token-invalid' }, fieldProblems(parsed.error, undefined, body)) };
        }
        return { status: 200, body: { token: signToken(await asDirectoryAccount(parsed.data), secret) } };
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

/**
 * An organiser's invitee signs in as their directory account (functions/adapters/table-directory.ts), whatever sub was
 * typed: its sub, and the reviewers group if and only if the account is in it, as Cognito's token would say; its
 * language unless one is asked for. Other groups are as asked (organisers are not in the local directory), and an
 * address the directory does not hold signs in as typed.
 */
async function asDirectoryAccount(req: TokenRequest): Promise<TokenRequest> {
  // Only where setLocalEnv put the directory in the table (a server under test without DynamoDB signs as typed).
  if (process.env.DIRECTORY !== 'table') return req;
  // Loaded on the first sign-in: its table client reads the environment setLocalEnv sets.
  const { localSignIn } = await import('../../functions/adapters/table-directory.ts');
  const account = await localSignIn(req.email);
  if (!account) return req;
  const groups = [...req.groups.filter((g) => g !== 'reviewers'), ...(account.reviewer ? (['reviewers'] as const) : [])];
  return { ...req, sub: account.sub, groups, locale: req.locale ?? account.locale };
}

type WorkerHandler = (event: unknown) => Promise<unknown>;

function lazyHandler(entry: string): () => Promise<WorkerHandler> {
  let handler: Promise<WorkerHandler> | undefined;
  return () => (handler ??= import(pathToFileURL(join(FUNCTIONS_DIR, entry)).href).then((m: { handler: WorkerHandler }) => m.handler));
}

/** A worker's handler by name (functions/shared/workers.ts), loaded on first use. */
export function workerLoader(): (name: string) => Promise<WorkerHandler> {
  const loaders = new Map(WORKERS.map((w) => [w.name, lazyHandler(w.entry)]));
  return (name) => {
    const load = loaders.get(name);
    if (!load) throw new Error(`No worker named ${name}`);
    return load();
  };
}

/**
 * The local Step Functions with the notification workflow's tasks bound to their workers. LOCAL_SES_RATE
 * (default 10) stands for the SES send rate, the Map's concurrency.
 */
export function startLocalWorkflows(log: (line: string) => void, retryIntervalMs?: number, host?: string): Promise<LocalStepFunctions> {
  const load = workerLoader();
  return startLocalStepFunctions({
    maxConcurrency: Number(process.env.LOCAL_SES_RATE ?? 10),
    load: (worker: NotifyTaskWorker) => load(worker),
    log,
    ...(retryIntervalMs === undefined ? {} : { retryIntervalMs }),
    ...(host === undefined ? {} : { host }),
  });
}

/** The object-created workers of functions/shared/workers.ts, bound to the local S3's events under their prefix. */
export function workerBindings() {
  return WORKERS.flatMap((w) => {
    if (w.trigger.source !== 's3:ObjectCreated') return [];
    const load = lazyHandler(w.entry);
    return [{ prefix: PREFIXES[w.trigger.prefix], handle: async (event: S3Event) => void (await (await load())(event)) }];
  });
}

/** The workers fed by the table's stream (functions/shared/workers.ts), for the local stream poller. */
export function streamBindings(): StreamBinding[] {
  return WORKERS.flatMap((w) => {
    if (w.trigger.source !== 'table:stream') return [];
    const load = lazyHandler(w.entry);
    const { batchSize, retryAttempts } = w.trigger;
    return [{ name: w.name, filter: streamFilter(w.trigger), batchSize, retryAttempts, handle: async (event) => (await load())(event) }];
  });
}

/** The table's stream, polled and delivered to the stream workers (lib/local/streams.ts). */
export function startLocalStreams(dynamoEndpoint: string, tableName: string, log: (line: string) => void): Promise<StreamPoller> {
  return startStreamPoller({ endpoint: dynamoEndpoint, tableName, bindings: streamBindings(), log });
}

/**
 * The scheduled workers, on a local timer that plays EventBridge's rule. It ticks every LOCAL_TICK_SECONDS
 * (default 5) rather than every minute, so a demo sees its deadline close promptly; the deadline itself is
 * enforced in every write either way. A tick that fails is logged and the next one tries again.
 */
export function startScheduledWorkers(log: (line: string) => void, tickSeconds = Number(process.env.LOCAL_TICK_SECONDS ?? 5)) {
  const timers = WORKERS.flatMap((w) => {
    if (w.trigger.source !== 'schedule') return [];
    const load = lazyHandler(w.entry);
    let running: Promise<void> | undefined;
    const tick = () => {
      running ??= load()
        .then((h) => h({ source: 'local.timer', 'detail-type': 'Scheduled Event', time: new Date().toISOString() }))
        .then(() => undefined)
        .catch((err: Error) => log(`scheduled ${w.name} failed: ${err.message}`))
        .finally(() => (running = undefined));
    };
    return [setInterval(tick, tickSeconds * 1000)];
  });
  return () => timers.forEach((t) => clearInterval(t));
}

export async function startLocalEnvironment(opts: LocalEnvironmentOptions): Promise<LocalEnvironment> {
  const dataDir = opts.dataDir ? resolve(opts.dataDir) : undefined;
  const outboxDir = join(dataDir ?? mkdtempSync(join(tmpdir(), 'pc-outbox-')), 'outbox');
  mkdirSync(outboxDir, { recursive: true });

  const log = opts.log ?? (() => undefined);
  const host = opts.host ?? LOOPBACK;
  const corsOrigins = opts.corsOrigins ?? devCorsOrigins();
  const dynamo: DynamoLocal = await startDynamoLocal(dataDir && join(dataDir, 'dynamodb'), { host, warn: log });
  let server: Server | undefined;
  let s3: LocalS3 | undefined;
  let workflows: LocalStepFunctions | undefined;
  let streams: StreamPoller | undefined;
  try {
    await ensureTable(dynamo.endpoint, LOCAL_TABLE_NAME);
    s3 = await startLocalS3(join(dataDir ?? mkdtempSync(join(tmpdir(), 'pc-s3-')), 's3'), LOCAL_BUCKET_NAME, workerBindings(), log, host, corsOrigins);
    setLocalEnv(dynamo.endpoint, LOCAL_TABLE_NAME, s3.endpoint, LOCAL_BUCKET_NAME, outboxDir, corsOrigins);
    workflows = await startLocalWorkflows(log, undefined, host);
    setLocalWorkflowEnv(workflows.endpoint);
    // After the environment is set: the stream workers' handlers read it when first loaded.
    streams = await startLocalStreams(dynamo.endpoint, LOCAL_TABLE_NAME, log);
    if (opts.seed !== false) {
      const { seedDemoEdition } = await import('./seed.ts');
      const seeded = await seedDemoEdition();
      if (seeded) opts.log?.(`Created the open demo edition ${seeded}`);
    }
    const secret = loadSecret(dataDir && join(dataDir, 'token-secret'));
    server = createLocalServer({
      port: opts.port,
      routes: ROUTES,
      functionsDir: FUNCTIONS_DIR,
      secret,
      corsOrigins,
      localRoutes: localRoutes(secret, outboxDir),
      ...(opts.log ? { log: opts.log } : {}),
    });
    const port = await listen(server, opts.port, host);
    const stopTimers = startScheduledWorkers(log);
    const s = server;
    const media = s3;
    const flows = workflows;
    const poller = streams;
    return {
      url: `http://${host === LOOPBACK ? 'localhost' : reachableHost(host)}:${port}`,
      port,
      dynamoEndpoint: dynamo.endpoint,
      s3: media,
      workflows: flows,
      secret,
      async stop() {
        stopTimers();
        await poller.stop();
        await new Promise<void>((r) => {
          s.close(() => r());
          s.closeAllConnections();
        });
        await flows.stop();
        await media.stop();
        await dynamo.stop();
      },
    };
  } catch (err) {
    server?.close();
    await streams?.stop();
    await workflows?.stop();
    await s3?.stop();
    await dynamo.stop();
    throw err;
  }
}
