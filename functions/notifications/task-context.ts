/**
 * What every task of the notification workflow logs besides the worker wrapper's keys (worker-handler.ts, which
 * also picks up the correlation id the run carries): the run it works for.
 */
import { logger } from '#shared/logger';

export interface RunPayload {
  runId: string;
  correlationId?: string;
}

export function withRunContext<P extends RunPayload, R>(task: (payload: P) => Promise<R>): (payload: P) => Promise<R> {
  return (payload) => {
    logger.appendKeys({ runId: payload.runId });
    return task(payload);
  };
}

