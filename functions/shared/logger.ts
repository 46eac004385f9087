/**
 * The structured logger: one JSON line per call on stdout, in the shape Powertools' logger wrote (its field names
 * and order, the Lambda context's fields, appended keys, an error as { name, location, message, stack, cause }), the
 * service name and level from POWERTOOLS_* variables. Written by hand because importing Powertools' logger took
 * about 20 ms of every cold start; this takes well under one.
 *
 * Every string it writes goes through redact.ts: no e-mail address, token or presigned URL reaches a log. A logged
 * error's stack names the source files, lines and columns (stack-map.ts), not the bundle's.
 */
import type { Context } from 'aws-lambda';
import { redactingReplacer } from './redact.ts';
import { withMappedStack } from './stack-map.ts';

/** Powertools' levels and their order; a line is written when its level is at least the configured one. */
const LEVELS = { TRACE: 6, DEBUG: 8, INFO: 12, WARN: 16, ERROR: 20, CRITICAL: 24, SILENT: 28 } as const;
type LevelName = keyof typeof LEVELS;

const isLevel = (name: string): name is LevelName => Object.hasOwn(LEVELS, name);

/**
 * Lambda's own log level (advanced logging controls, AWS_LAMBDA_LOG_LEVEL) wins, as with Powertools: Lambda drops
 * lines below it anyway. Otherwise POWERTOOLS_LOG_LEVEL, or LOG_LEVEL; INFO when neither names a level.
 */
function configuredLevel(env: NodeJS.ProcessEnv): number {
  const lambda = (env.AWS_LAMBDA_LOG_LEVEL ?? '').toUpperCase();
  const alc = lambda === 'FATAL' ? 'CRITICAL' : lambda;
  if (isLevel(alc)) return LEVELS[alc];
  const own = (env.POWERTOOLS_LOG_LEVEL || env.LOG_LEVEL || '').toUpperCase();
  return isLevel(own) ? LEVELS[own] : LEVELS.INFO;
}

/** Keys a line owns: an attribute or appended key by these names is dropped, with a warning. */
const RESERVED_KEYS = new Set(['level', 'message', 'sampling_rate', 'service', 'timestamp']);

export type LogAttributes = Record<string, unknown>;

/** The file and line of the first frame with a location in parentheses, as Powertools reports an error's location. */
function codeLocation(stack: string | undefined): string {
  for (const line of stack?.split('\n') ?? []) {
    const m = /\(([^()]*?):(\d+?):(\d+?)\)\\?$/.exec(line);
    if (m) return `${m[1]}:${Number(m[2])}`;
  }
  return '';
}

const ERROR_OWN_KEYS = new Set(['name', 'message', 'stack', 'cause']);

function formatError(error: Error): LogAttributes {
  const formatted: LogAttributes = {
    name: error.name,
    location: codeLocation(error.stack),
    message: error.message,
    stack: error.stack,
    cause: error.cause instanceof Error ? formatError(error.cause) : error.cause,
  };
  // Its other enumerable properties too (an SDK error's $metadata, a code), as Powertools logs them.
  for (const key in error) if (!ERROR_OWN_KEYS.has(key)) formatted[key] = (error as unknown as LogAttributes)[key];
  return formatted;
}

/**
 * A JSON.stringify replacer: redaction first (on the error with its stack mapped), then an error as an object,
 * a BigInt as its digits, and a value that refers back to one of its ancestors left out, so no value makes the
 * line throw.
 */
function lineReplacer(): (this: unknown, key: string, value: unknown) => unknown {
  const ancestors: unknown[] = [];
  return function (this: unknown, key: string, value: unknown): unknown {
    let replaced = redactingReplacer(key, value instanceof Error ? withMappedStack(value) : value);
    if (replaced instanceof Error) replaced = formatError(replaced);
    if (typeof replaced === 'bigint') return replaced.toString();
    if (typeof replaced === 'object' && replaced !== null) {
      while (ancestors.length > 0 && ancestors.at(-1) !== this) ancestors.pop();
      if (ancestors.includes(replaced)) return undefined;
      ancestors.push(replaced);
    }
    return replaced;
  };
}

/** The trace id of the current invocation: the runtime's per-request store when it has one, else _X_AMZN_TRACE_ID. */
function xrayTraceId(): string | undefined {
  const store = (globalThis as { awslambda?: { InvokeStore?: { getXRayTraceId(): string | undefined } } }).awslambda?.InvokeStore;
  const header = store?.getXRayTraceId() ?? process.env._X_AMZN_TRACE_ID ?? '';
  if (header === '') return undefined;
  if (!header.includes('=')) return header;
  return header.split(';').find((field) => field.startsWith('Root='))?.slice('Root='.length);
}

interface InvocationFields {
  cold_start: boolean;
  function_arn: string;
  function_memory_size: string;
  function_name: string;
  function_request_id: string;
}

export class Logger {
  private readonly service = process.env.POWERTOOLS_SERVICE_NAME || 'service_undefined';
  /** Only an on-demand environment has a cold start; a provisioned one was started ahead of its first request. */
  private coldStart = process.env.AWS_LAMBDA_INITIALIZATION_TYPE?.trim() === 'on-demand';
  private invocation: InvocationFields | undefined;
  private tenantId: string | undefined;
  private keys: LogAttributes = {};

  /** The invocation's fields on every following line; cold_start is true for the first invocation only. */
  addContext(context: Context): void {
    this.invocation = {
      cold_start: this.coldStart,
      function_arn: context.invokedFunctionArn,
      function_memory_size: context.memoryLimitInMB,
      function_name: context.functionName,
      function_request_id: context.awsRequestId,
    };
    this.tenantId = (context as { tenantId?: string }).tenantId;
    this.coldStart = false;
  }

  /** Keys on every following line (until replaced): the wrappers' operation and correlation id, a task's run. */
  appendKeys(attributes: LogAttributes): void {
    this.keys = { ...this.keys, ...this.allowed(attributes) };
  }

  debug(message: string, attributes?: LogAttributes | Error): void {
    this.write('DEBUG', message, attributes);
  }

  info(message: string, attributes?: LogAttributes | Error): void {
    this.write('INFO', message, attributes);
  }

  warn(message: string, attributes?: LogAttributes | Error): void {
    this.write('WARN', message, attributes);
  }

  error(message: string, attributes?: LogAttributes | Error): void {
    this.write('ERROR', message, attributes);
  }

  private allowed(attributes: LogAttributes): LogAttributes {
    const kept: LogAttributes = {};
    for (const [key, value] of Object.entries(attributes)) {
      if (RESERVED_KEYS.has(key)) this.warn(`The key "${key}" is a reserved key and will be dropped.`);
      else kept[key] = value;
    }
    return kept;
  }

  private write(level: LevelName, message: string, attributes: LogAttributes | Error | undefined): void {
    // Read at each line (a look-up, no parsing to speak of), so the level a test or the local server sets applies at once.
    if (LEVELS[level] < configuredLevel(process.env)) return;
    const given = attributes instanceof Error ? { error: attributes } : attributes ? this.allowed(attributes) : {};
    const line: LogAttributes = {
      level,
      message,
      timestamp: new Date().toISOString(),
      service: this.service,
      ...this.invocation,
      // Powertools' debug sampling, which this logger does not do: always 0, as Powertools printed it.
      sampling_rate: 0,
      xray_trace_id: xrayTraceId(),
      tenant_id: this.tenantId,
      ...this.keys,
      ...given,
    };
    // Empty fields are left out (not nested ones), as Powertools did.
    for (const key of Object.keys(line)) if (line[key] === undefined || line[key] === null || line[key] === '') delete line[key];
    process.stdout.write(`${JSON.stringify(line, lineReplacer())}\n`);
  }
}

export const logger = new Logger();
