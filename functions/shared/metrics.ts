/**
 * Business metrics, as CloudWatch embedded metric format lines (Powertools Metrics): the one list of their
 * names, which the functions emit and the stage's dashboard and alarms (lib/constructs) read.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export const METRICS_NAMESPACE = 'PracticeCases';

export const BUSINESS_METRICS = {
  casesCreated: 'CasesCreated',
  casesSubmitted: 'CasesSubmitted',
  uploadsVerified: 'UploadsVerified',
  uploadsRejected: 'UploadsRejected',
  notificationsSent: 'NotificationsSent',
  notificationsFailed: 'NotificationsFailed',
  notificationsDelivered: 'NotificationsDelivered',
  notificationsBounced: 'NotificationsBounced',
  notificationsComplained: 'NotificationsComplained',
} as const;
export type BusinessMetric = (typeof BUSINESS_METRICS)[keyof typeof BUSINESS_METRICS];

/** The dimension every business metric carries (besides Powertools' `service`): the stage, from STAGE. */
export const STAGE_DIMENSION = 'stage';

const metrics = new Metrics({ namespace: METRICS_NAMESPACE, defaultDimensions: { [STAGE_DIMENSION]: process.env.STAGE ?? 'local' } });

/** Counts one event (or `n`) now: each call is one EMF line, so nothing waits for the end of an invocation. */
export function count(metric: BusinessMetric, n = 1): void {
  metrics.addMetric(metric, MetricUnit.Count, n);
  metrics.publishStoredMetrics();
}
