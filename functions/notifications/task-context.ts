/**
 * What every task of the notification workflow logs besides the worker wrapper's keys (worker-handler.ts, which
 * also picks up the correlation id the run carries): the run it works for. And the telemetry its use case reports
 * through: the structured logger, and each notification metric counted under its business name.
 */
import { logger } from '#shared/logger';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import type { NotificationMetric, Telemetry } from '#use-cases/notifications/telemetry';

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

export const telemetry: Telemetry = { log: logger, count: (metric: NotificationMetric) => count(BUSINESS_METRICS[metric]) };
