/**
 * The business metrics' names, namespace and stage dimension: read by the functions (metrics.ts) and by the
 * stack's dashboard and alarms (lib/constructs), so this module has no side effects.
 */
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
