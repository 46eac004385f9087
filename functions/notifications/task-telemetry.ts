/**
 * The telemetry a notification task's use case reports through: the structured logger, and each notification
 * metric counted under its business name. Apart from task-context.ts so that tasks that count nothing do not
 * load the metrics library at cold start.
 */
import { logger } from '#shared/logger';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import type { NotificationMetric, Telemetry } from '#use-cases/notifications/telemetry';

export const telemetry: Telemetry = { log: logger, count: (metric: NotificationMetric) => count(BUSINESS_METRICS[metric]) };
