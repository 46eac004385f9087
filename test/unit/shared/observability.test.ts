/**
 * What the logs and metrics carry: structured JSON with the correlation id (routes and workers alike), business
 * metrics as EMF lines, and never an e-mail address, a token or a presigned URL.
 */
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { redact } from '#shared/redact';

let out: string[];
beforeEach(() => {
  out = [];
  vi.resetModules();
  // The logger and the metrics write to process.stdout; stderr and console are caught too, so a line sent elsewhere still fails the checks below rather than vanishing.
  for (const stream of [process.stdout, process.stderr]) {
    vi.spyOn(stream, 'write').mockImplementation((chunk: string | Uint8Array) => {
      out.push(String(chunk));
      return true;
    });
  }
  for (const level of ['log', 'info', 'warn', 'error', 'debug'] as const) vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void out.push(`${args.map(String).join(' ')}\n`));
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

const presigned = 'https://practice-cases-media.s3.eu-west-1.amazonaws.com/cases/2024/01J/01K?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIAIOSFODNN7EXAMPLE%2F20240601&X-Amz-Signature=deadbeef';
const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbm4ifQ.c2lnbmF0dXJl';

describe('redaction', () => {
  it('takes e-mail addresses, bearer tokens, JWTs, presigned URLs and access keys out of any text', () => {
    const text = `to ann.lee+cases@example.org, Bearer ${jwt}, raw ${jwt}, url ${presigned}, key AKIAIOSFODNN7EXAMPLE`;
    const clean = redact(text);
    for (const secret of ['ann.lee+cases@example.org', jwt, 'X-Amz-Signature', 'AKIAIOSFODNN7EXAMPLE', 'deadbeef']) expect(clean).not.toContain(secret);
    expect(clean).toBe('to <email>, Bearer <token>, raw <token>, url <presigned-url>, key <access-key>');
  });

  it('applies to every log line, nested values and errors included', async () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
    vi.stubEnv('POWERTOOLS_DEV', 'false');
    const { logger } = await import('#shared/logger');
    logger.appendKeys({ correlationId: 'req-123' });
    logger.warn('mail to ann@example.org failed', {
      detail: { to: ['ben@example.org'], url: presigned },
      authorization: `Bearer ${jwt}`,
      error: new Error(`MessageRejected: Email address is not verified: carl@example.org`),
    });
    const lines = out.join('').trim().split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(0);
    const entry = JSON.parse(lines.at(-1)!) as Record<string, unknown>;
    expect(entry).toMatchObject({ level: 'WARN', correlationId: 'req-123', message: 'mail to <email> failed' });
    const text = lines.join('\n');
    for (const secret of ['@example.org', jwt, 'X-Amz-Signature', 'AKIAIOSFODNN7EXAMPLE']) expect(text).not.toContain(secret);
    expect(text).toContain('not verified: <email>');
  });
});

describe('business metrics', () => {
  it('emits one EMF line per count, in the namespace and with the stage dimension the dashboard reads', async () => {
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', 'false');
    vi.stubEnv('STAGE', 'prod');
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'practice-cases');
    const { count, BUSINESS_METRICS, METRICS_NAMESPACE } = await import('#shared/metrics');
    count(BUSINESS_METRICS.casesSubmitted);
    const emf = out.map((l) => l.trim()).filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => '_aws' in l);
    expect(emf).toMatchObject({ CasesSubmitted: 1, stage: 'prod', service: 'practice-cases' });
    const meta = (emf!._aws as { CloudWatchMetrics: { Namespace: string; Dimensions: string[][] }[] }).CloudWatchMetrics[0]!;
    expect(meta.Namespace).toBe(METRICS_NAMESPACE);
    expect(meta.Dimensions[0]).toEqual(expect.arrayContaining(['stage', 'service']));
  });
});

describe('the worker wrapper', () => {
  const context = {
    functionName: 'practice-cases-prod-sendNotification',
    invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:practice-cases-prod-sendNotification',
    awsRequestId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
    memoryLimitInMB: '512',
  } as Context;

  /** The log lines written so far, parsed. */
  const entries = () => out.join('').trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

  /** The logger and the wrapper, loaded afresh with every level logged, and `fn` wrapped as the sendNotification worker. */
  async function load() {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
    vi.stubEnv('POWERTOOLS_DEV', 'false');
    const { logger } = await import('#shared/logger');
    const { workerHandler } = await import('#shared/worker-handler');
    const { workers } = await import('#shared/workers');
    return { logger, wrap: <E, R>(fn: (event: E) => Promise<R>) => workerHandler(workers.sendNotification, fn) };
  }

  it('adds the function, the worker as operation and the request id as correlation id to every line', async () => {
    // Prepare
    const { logger, wrap } = await load();
    const handler = wrap(async (event: { caseId: string }) => {
      logger.info('working', { caseId: event.caseId });
      return 'done';
    });
    // Act
    const result = await handler({ caseId: 'c1' }, context);
    // Assess
    expect(result).toBe('done');
    expect(entries().at(-1)).toMatchObject({
      message: 'working',
      operation: 'sendNotification',
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
      correlationId: context.awsRequestId,
      caseId: 'c1',
    });
  });

  it('takes the correlation id a workflow input carries', async () => {
    // Prepare
    const { logger, wrap } = await load();
    const handler = wrap(async (_input: { runId: string; correlationId: string }) => logger.info('task'));
    // Act
    await handler({ runId: '2024#0001', correlationId: 'req-from-the-api' }, context);
    // Assess
    expect(entries().at(-1)).toMatchObject({ message: 'task', operation: 'sendNotification', correlationId: 'req-from-the-api' });
  });

  it('logs a failure once and rethrows the very error, its name intact for the retry rules', async () => {
    // Prepare
    class MailThrottled extends Error {
      override readonly name = 'MailThrottled';
    }
    const thrown = new MailThrottled('Throttling: Maximum sending rate exceeded.');
    const { wrap } = await load();
    const handler = wrap(async () => {
      throw thrown;
    });
    // Act
    const failure = handler({ runId: '2024#0001', correlationId: 'req-1' }, context);
    // Assess
    await expect(failure).rejects.toBe(thrown);
    await expect(failure).rejects.toMatchObject({ name: 'MailThrottled' });
    const errors = entries().filter((e) => e.level === 'ERROR');
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ message: 'worker failed', operation: 'sendNotification', correlationId: 'req-1', error: { name: 'MailThrottled' } });
  });

  it('wraps every worker entry', async () => {
    const { WORKERS } = await import('#shared/workers');
    for (const worker of WORKERS) {
      const { handler } = (await import(`../../../functions/${worker.entry}`)) as { handler: object };
      // A middy handler: the wrapper's middleware is attached to it.
      expect('use' in handler, worker.entry).toBe(true);
    }
  });
});
