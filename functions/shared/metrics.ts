/**
 * Business metrics, as CloudWatch embedded metric format lines (Powertools Metrics): the one list of their
 * names, which the functions emit and the stage's dashboard and alarms (lib/constructs) read.
 */
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export { BUSINESS_METRICS, METRICS_NAMESPACE, STAGE_DIMENSION, type BusinessMetric } from './metric-names.ts';
import { METRICS_NAMESPACE, STAGE_DIMENSION, type BusinessMetric } from './metric-names.ts';

const metrics = new Metrics({ namespace: METRICS_NAMESPACE, defaultDimensions: { [STAGE_DIMENSION]: process.env.STAGE ?? 'local' } });

/** Counts one event (or `n`) now: each call is one EMF line, so nothing waits for the end of an invocation. */
export function count(metric: BusinessMetric, n = 1): void {
  metrics.addMetric(metric, MetricUnit.Count, n);
  metrics.publishStoredMetrics();
}
