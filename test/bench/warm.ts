/**
 * Warm invocation cost of one route, run in its own process (as each function runs in its own Lambda
 * environment, so one handler's shapes do not disturb another's inline caches):
 *
 *   node --expose-gc --import tsx test/bench/warm.ts <operationId> <warmup> <iterations> <rounds>
 *
 * "full" is the route's real handler (middy, logger, validation, the use case, the response) with the
 * document client stubbed by aws-sdk-client-mock. "bare" is a plain async function that sends the same
 * commands, with the same inputs, through the same stubbed client and returns a JSON string. Both are
 * timed in batches, rounds interleaved and their order alternated; the last stdout line is the result.
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { ROUTES } from '#shared/routes';
import { cannedItems, eventFor, lambdaContext, sampleBodies, stubTable } from './fixtures.ts';
import { RESULT_PREFIX, type WarmResult } from './warm-result.ts';

type Handler = (event: APIGatewayProxyEvent, context: Context) => Promise<APIGatewayProxyResult>;
interface Sendable { send(command: unknown): Promise<unknown> }
type CommandClass = new (input: unknown) => unknown;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const [operationId, warmupArg, iterationsArg, roundsArg] = process.argv.slice(2);
const warmup = Number(warmupArg);
const iterations = Number(iterationsArg);
const rounds = Number(roundsArg);
if (!operationId || !(warmup > 0) || !(iterations > 0) || !(rounds > 0)) fail('usage: warm.ts <operationId> <warmup> <iterations> <rounds>');
for (const v of ['TABLE_NAME', 'POWERTOOLS_LOG_LEVEL']) if (!process.env[v]) fail(`warm.ts: ${v} must be set`);
const gc = (globalThis as { gc?: () => void }).gc ?? fail('warm.ts: run node with --expose-gc');

const route = ROUTES.find((r) => r.operationId === operationId) ?? fail(`warm.ts: no route ${operationId}`);
const now = new Date();
const ddbMock = mockClient(DynamoDBDocumentClient);
stubTable(ddbMock, cannedItems(now));

const mod = (await import(pathToFileURL(path.resolve(import.meta.dirname, '../../functions', route.entry)).href)) as { handler?: Handler };
const handler = mod.handler ?? fail(`warm.ts: ${route.entry} exports no handler`);
const event = eventFor(route, sampleBodies(now));
const context = lambdaContext(operationId);

const is2xx = (r: APIGatewayProxyResult | undefined) => !!r && r.statusCode >= 200 && r.statusCode < 300;
const describe = (r: APIGatewayProxyResult | undefined) => (r ? `${r.statusCode} ${r.body}` : String(r));

// ---------- one full invocation: check it, and record the commands it sends ----------

ddbMock.resetHistory();
const first = await handler(event, context);
if (!is2xx(first)) fail(`${operationId}: the handler answered ${describe(first)}; the bench measures success paths only`);
const recorded = ddbMock.calls().map((call) => {
  const command = call.args[0] as unknown as { constructor: CommandClass; input: unknown };
  return { Command: command.constructor, input: command.input, client: call.thisValue as Sendable };
});
const commands = recorded.map((r) => r.Command.name);

/** The same calls without the framework: send, collect, serialise. */
async function bare(): Promise<string> {
  const outputs: unknown[] = [];
  for (const r of recorded) outputs.push(await r.client.send(new r.Command(r.input)));
  return JSON.stringify(outputs);
}

ddbMock.resetHistory();
await bare();
const bareCommands = ddbMock.calls().map((c) => (c.args[0] as unknown as { constructor: CommandClass }).constructor.name);
if (bareCommands.join() !== commands.join()) fail(`${operationId}: bare sent ${bareCommands.join()} but the handler sent ${commands.join()}`);

// ---------- warm-up: every full response must be 2xx and send the same commands ----------

ddbMock.resetHistory();
for (let i = 0; i < warmup; i++) {
  const r = await handler(event, context);
  if (!is2xx(r)) fail(`${operationId}: warm-up invocation ${i} answered ${describe(r)}`);
  await bare();
}
const sent = ddbMock.calls().length;
if (sent !== warmup * 2 * commands.length) {
  fail(`${operationId}: expected ${warmup * 2 * commands.length} SDK calls in warm-up, saw ${sent} (a retry path?)`);
}

// ---------- measured rounds ----------

async function timeFull(n: number): Promise<number> {
  let bad: APIGatewayProxyResult | undefined;
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const r = await handler(event, context);
    if (!is2xx(r)) bad = r;
  }
  const us = ((performance.now() - t0) * 1000) / n;
  if (bad) fail(`${operationId}: a measured invocation answered ${describe(bad)}`);
  return us;
}

async function timeBare(n: number): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) await bare();
  return ((performance.now() - t0) * 1000) / n;
}

const fullUs: number[] = [];
const bareUs: number[] = [];
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['full', 'bare'] : ['bare', 'full'];
  for (const which of order) {
    ddbMock.resetHistory();
    gc();
    if (which === 'full') fullUs.push(await timeFull(iterations));
    else bareUs.push(await timeBare(iterations));
  }
}
ddbMock.restore();

const result: WarmResult = { operationId, fullUs, bareUs, commands, statusCode: first.statusCode };
process.stdout.write(`\n${RESULT_PREFIX}${JSON.stringify(result)}\n`);
