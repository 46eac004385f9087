/** What every task of the notification workflow logs: the run and the correlation id of the request that started it. */
import { logger } from '#shared/logger';

export interface RunPayload {
  runId: string;
  correlationId?: string;
}

export function withRunContext<P extends RunPayload, R>(task: (payload: P) => Promise<R>): (payload: P) => Promise<R> {
  return (payload) => {
    logger.appendKeys({ runId: payload.runId, correlationId: payload.correlationId ?? payload.runId });
    return task(payload);
  };
}
