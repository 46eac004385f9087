/**
 * What the notification tasks report besides their answers: log lines and business metrics. A use case imports
 * nothing from functions/shared, so the handlers pass the structured logger and the metrics in; a test passes
 * plain functions.
 */
import type { Log } from '../ports.ts';

export interface TaskLog extends Log {
  error(message: string, attributes: Record<string, unknown>): void;
}

/** The business metrics a notification task counts, by their names in shared/metric-names.ts. */
export type NotificationMetric = 'notificationsSent' | 'notificationsFailed' | 'notificationsDelivered' | 'notificationsBounced' | 'notificationsComplained';

export interface Telemetry {
  log: TaskLog;
  count(metric: NotificationMetric): void;
}
