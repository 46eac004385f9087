/**
 * The hand-written logger and EMF writer (functions/shared/logger.ts, metrics.ts) keep what Powertools gave: the
 * levels and SILENT, Lambda's own level first, the context fields in Powertools' order with cold_start true once,
 * redaction of every line, errors as { name, location, message, stack, cause } with the mapped stack, lines that
 * never throw, and EMF lines CloudWatch reads as metrics.
 */
import { fileURLToPath } from 'node:url';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

let out: string[];
beforeEach(() => {
  out = [];
  vi.resetModules();
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out.push(String(chunk));
    return true;
  });
});
afterEach(() => {
  vi.doUnmock('../../../functions/shared/stack-map.ts');
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** The lines written so far, parsed: each write is exactly one line. */
const lines = () =>
  out.map((chunk) => {
    expect(chunk.endsWith('\n') && !chunk.slice(0, -1).includes('\n'), chunk).toBe(true);
    return JSON.parse(chunk) as Record<string, unknown>;
  });

async function freshLogger(env: Record<string, string> = {}) {
  vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'DEBUG');
  vi.stubEnv('AWS_LAMBDA_LOG_LEVEL', '');
  vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'practice-cases');
  for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
  return (await import('#shared/logger')).logger;
}

const context = {
  functionName: 'practice-cases-prod-getCase',
  invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:practice-cases-prod-getCase',
  awsRequestId: 'a1b2c3d4-0000-4000-8000-000000000001',
  memoryLimitInMB: '512',
} as Context;

describe('the logger', () => {
  it('writes the levels at or above the configured one', async () => {
    const logger = await freshLogger({ POWERTOOLS_LOG_LEVEL: 'WARN' });
    logger.debug('d');
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines().map((l) => [l.level, l.message])).toEqual([
      ['WARN', 'w'],
      ['ERROR', 'e'],
    ]);
  });

  it('writes debug lines at DEBUG, and nothing at all at SILENT', async () => {
    const logger = await freshLogger();
    logger.debug('d');
    expect(lines().map((l) => l.level)).toEqual(['DEBUG']);
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    logger.error('e', new Error('boom'));
    expect(out).toHaveLength(1);
  });

  it("takes Lambda's own log level over POWERTOOLS_LOG_LEVEL, FATAL as CRITICAL", async () => {
    const logger = await freshLogger({ POWERTOOLS_LOG_LEVEL: 'DEBUG', AWS_LAMBDA_LOG_LEVEL: 'ERROR' });
    logger.info('i');
    logger.warn('w');
    logger.error('e');
    expect(lines().map((l) => l.message)).toEqual(['e']);
    vi.stubEnv('AWS_LAMBDA_LOG_LEVEL', 'FATAL');
    logger.error('not at fatal');
    expect(out).toHaveLength(1);
  });

  it("writes Powertools' fields in Powertools' order, then appended keys, then the line's attributes", async () => {
    vi.stubEnv('_X_AMZN_TRACE_ID', 'Root=1-5759e988-bd862e3fe1be46a994272793;Parent=53995c3f42cd8ad8;Sampled=1');
    const logger = await freshLogger({ AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand' });
    logger.addContext(context);
    logger.appendKeys({ operation: 'getCase', correlationId: 'corr-1' });
    logger.info('read', { caseId: 'c1', correlationId: 'overridden' });
    const [line] = lines();
    expect(Object.keys(line!)).toEqual([
      'level', 'message', 'timestamp', 'service', 'cold_start', 'function_arn', 'function_memory_size', 'function_name',
      'function_request_id', 'sampling_rate', 'xray_trace_id', 'operation', 'correlationId', 'caseId',
    ]);
    expect(line).toMatchObject({
      level: 'INFO',
      service: 'practice-cases',
      function_arn: context.invokedFunctionArn,
      function_memory_size: '512',
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
      sampling_rate: 0,
      xray_trace_id: '1-5759e988-bd862e3fe1be46a994272793',
      correlationId: 'overridden',
    });
    expect(new Date(line!.timestamp as string).toISOString()).toBe(line!.timestamp);
  });

  it('says cold_start true for the first invocation of an on-demand environment only, false for a provisioned one', async () => {
    let logger = await freshLogger({ AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand' });
    logger.addContext(context);
    logger.info('first');
    logger.info('still the first invocation');
    logger.addContext({ ...context, awsRequestId: 'second' });
    logger.info('second');
    expect(lines().map((l) => l.cold_start)).toEqual([true, true, false]);

    out.length = 0;
    vi.resetModules();
    logger = await freshLogger({ AWS_LAMBDA_INITIALIZATION_TYPE: 'provisioned-concurrency' });
    logger.addContext(context);
    logger.info('first');
    expect(lines()[0]!.cold_start).toBe(false);
  });

  it('leaves out empty top-level fields and drops reserved keys with a warning', async () => {
    const logger = await freshLogger();
    logger.appendKeys({ requestId: undefined, level: 'FAKE' });
    logger.info('x', { empty: '', none: null, zero: 0, no: false, nested: { empty: '' }, service: 'other' });
    const [warnLevel, warnService, line] = lines();
    expect(warnLevel).toMatchObject({ level: 'WARN', message: expect.stringContaining('"level"') });
    expect(warnService).toMatchObject({ level: 'WARN', message: expect.stringContaining('"service"') });
    expect(line).toEqual({ level: 'INFO', message: 'x', timestamp: expect.any(String), service: 'practice-cases', sampling_rate: 0, zero: 0, no: false, nested: { empty: '' } });
  });

  it('redacts appended keys and attributes as well as the message', async () => {
    const logger = await freshLogger();
    logger.appendKeys({ caller: 'ann@example.org' });
    logger.info('sent to ben@example.org', { to: ['carl@example.org'], password: 'hunter2', cookie: 'session=1' });
    const text = out.join('');
    for (const secret of ['@example.org', 'hunter2', 'session=1']) expect(text).not.toContain(secret);
    expect(lines()[0]).toMatchObject({ caller: '<email>', message: 'sent to <email>', to: ['<email>'], password: '<redacted>', cookie: '<redacted>' });
  });

  it('writes a value with a BigInt or a cycle without throwing', async () => {
    const logger = await freshLogger();
    const cyclic: Record<string, unknown> = { n: 10n ** 20n };
    cyclic.self = cyclic;
    logger.info('odd values', { cyclic, list: [1n] });
    expect(lines()[0]).toMatchObject({ cyclic: { n: '100000000000000000000' }, list: ['1'] });
    expect(lines()[0]!.cyclic).not.toHaveProperty('self');
  });

  it('writes an error as name, location, message, stack and cause, with its other properties, the stack as stack-map.ts maps it', async () => {
    // Prepare: stack-map.ts stands in for the bundle's source map, which the unit tests do not have.
    const mapped = (error: Error): Error => {
      const copy = Object.create(Object.getPrototypeOf(error) as object, Object.getOwnPropertyDescriptors(error)) as Error;
      Object.defineProperty(copy, 'stack', { value: error.stack?.replaceAll(fileURLToPath(import.meta.url), 'functions/x.ts') });
      if (error.cause instanceof Error) Object.defineProperty(copy, 'cause', { value: mapped(error.cause) });
      return copy;
    };
    vi.doMock('../../../functions/shared/stack-map.ts', () => ({ withMappedStack: mapped }));
    const logger = await freshLogger();
    function connect() {
      return new Error('socket hang up');
    }
    function send(): never {
      throw Object.assign(new TypeError('mail to ann@example.org failed', { cause: connect() }), { code: 'E_SEND' });
    }
    // Act
    let error = new Error('not thrown');
    try {
      send();
    } catch (err) {
      error = err as Error;
      logger.error('worker failed', { error: err });
    }
    logger.warn('given as the attributes', error);
    // Assess
    const [first, second] = lines() as { error: Record<string, unknown> & { cause: Record<string, unknown> } }[];
    expect(first!.error).toMatchObject({ name: 'TypeError', message: 'mail to <email> failed', code: 'E_SEND', location: expect.stringMatching(/^functions\/x\.ts:\d+$/) });
    expect(first!.error.stack).toMatch(/^TypeError: mail to <email> failed\n\s+at send \(functions\/x\.ts:\d+:\d+\)/);
    expect(first!.error.cause).toMatchObject({ name: 'Error', message: 'socket hang up', location: expect.stringMatching(/^functions\/x\.ts:\d+$/) });
    expect(first!.error.cause.stack).toMatch(/\n\s+at connect \(functions\/x\.ts:\d+:\d+\)/);
    expect(Object.keys(first!.error)).toEqual(['name', 'location', 'message', 'stack', 'cause', 'code']);
    expect(second!.error).toEqual(first!.error);
    // The caller's error is not changed.
    expect(error.stack).not.toContain('functions/x.ts');
  });
});

describe('the EMF writer', () => {
  async function freshMetrics(env: Record<string, string>) {
    vi.stubEnv('POWERTOOLS_SERVICE_NAME', 'practice-cases');
    vi.stubEnv('STAGE', 'test');
    for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
    return import('#shared/metrics');
  }

  it('writes one line per count that CloudWatch reads as the metric, with the service and stage dimensions', async () => {
    const { count, BUSINESS_METRICS, METRICS_NAMESPACE, STAGE_DIMENSION } = await freshMetrics({ POWERTOOLS_METRICS_DISABLED: 'false' });
    const before = Date.now();
    count(BUSINESS_METRICS.uploadsVerified);
    count(BUSINESS_METRICS.notificationsSent, 3);
    const [one, three] = lines();
    expect(one).toEqual({
      _aws: {
        Timestamp: expect.any(Number),
        CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [['service', STAGE_DIMENSION]], Metrics: [{ Name: 'UploadsVerified', Unit: 'Count' }] }],
      },
      service: 'practice-cases',
      [STAGE_DIMENSION]: 'test',
      UploadsVerified: 1,
    });
    expect((one!._aws as { Timestamp: number }).Timestamp).toBeGreaterThanOrEqual(before);
    expect(three).toMatchObject({ NotificationsSent: 3, _aws: { CloudWatchMetrics: [{ Metrics: [{ Name: 'NotificationsSent', Unit: 'Count' }] }] } });
    // Every dimension a line names is a value in it, as EMF requires.
    for (const line of [one!, three!]) for (const name of (line._aws as { CloudWatchMetrics: { Dimensions: string[][] }[] }).CloudWatchMetrics[0]!.Dimensions[0]!) expect(typeof line[name]).toBe('string');
  });

  it('writes nothing when POWERTOOLS_METRICS_DISABLED is on, or without it when POWERTOOLS_DEV is', async () => {
    let metrics = await freshMetrics({ POWERTOOLS_METRICS_DISABLED: 'true' });
    metrics.count(metrics.BUSINESS_METRICS.casesCreated);
    vi.resetModules();
    vi.stubEnv('POWERTOOLS_METRICS_DISABLED', undefined);
    metrics = await freshMetrics({ POWERTOOLS_DEV: '1' });
    metrics.count(metrics.BUSINESS_METRICS.casesCreated);
    expect(out).toEqual([]);
  });
});
