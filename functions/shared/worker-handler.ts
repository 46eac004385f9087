/**
 * The one middleware stack every event-driven function (workers.ts) runs, the counterpart of handler.ts's
 * httpHandler: the invocation's logging context (the function, the worker as its operation, the correlation id)
 * and one error line for every failure. Errors are rethrown unchanged: Lambda's retries and the dead-letter
 * queues act on a thrown error, and the notification workflow's Retry and Catch rules on its name (MailThrottled).
 */
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { logger } from './logger.ts';
import type { WorkerSpec } from './workers.ts';

/**
 * The workflow's tasks carry the correlation id of the request that started the run in their input; any other
 * event starts its own trail, under the invocation's request id.
 */
function workerCorrelationId(event: unknown, context: Partial<Context>): string {
  const given = typeof event === 'object' && event !== null && 'correlationId' in event ? event.correlationId : undefined;
  if (typeof given === 'string' && given !== '') return given;
  return context.awsRequestId ?? 'none';
}

/** Wraps `fn`, the work of `worker` on one event, as its Lambda handler. */
export function workerHandler<E, R>(worker: WorkerSpec, fn: (event: E, context: Context) => Promise<R>) {
  // No early timeout: a worker that runs out of time fails as Lambda reports it, which the workflow's rules expect.
  return middy<E, R, Error, Context>(fn, { timeoutEarlyInMillis: 0 }).use({
    before: ({ event, context }) => {
      logger.addContext(context);
      logger.appendKeys({ operation: worker.name, correlationId: workerCorrelationId(event, context) });
    },
    onError: ({ error }) => {
      logger.error('worker failed', { error: error ?? undefined });
    },
  });
}
