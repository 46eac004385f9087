/**
 * Business metrics, as CloudWatch embedded metric format lines on stdout: the one list of their names, which the
 * functions emit and the stage's dashboard and alarms (lib/constructs) read. The lines are those Powertools Metrics
 * wrote (the `service` and `stage` dimensions, in that order), written by hand: importing Powertools took about
 * 10 ms of a cold start.
 */
export { BUSINESS_METRICS, METRICS_NAMESPACE, STAGE_DIMENSION, type BusinessMetric } from './metric-names.ts';
import { METRICS_NAMESPACE, STAGE_DIMENSION, type BusinessMetric } from './metric-names.ts';

/** The dimension Powertools added to every metric, from POWERTOOLS_SERVICE_NAME. */
const SERVICE_DIMENSION = 'service';

const TRUTHY = new Set(['1', 'y', 'yes', 't', 'true', 'on']);
const isTruthy = (value: string | undefined) => TRUTHY.has((value ?? '').trim().toLowerCase());

/** Off when POWERTOOLS_METRICS_DISABLED says so (the local server, the load test), or, without it, when POWERTOOLS_DEV is on. */
const disabled = process.env.POWERTOOLS_METRICS_DISABLED !== undefined ? isTruthy(process.env.POWERTOOLS_METRICS_DISABLED) : isTruthy(process.env.POWERTOOLS_DEV);

const dimensions = {
  [SERVICE_DIMENSION]: process.env.POWERTOOLS_SERVICE_NAME || 'service_undefined',
  [STAGE_DIMENSION]: process.env.STAGE ?? 'local',
};
const dimensionNames = Object.keys(dimensions);

/** Counts one event (or `n`) now: each call is one EMF line, so nothing waits for the end of an invocation. */
export function count(metric: BusinessMetric, n = 1): void {
  if (disabled) return;
  const line = {
    _aws: {
      Timestamp: Date.now(),
      CloudWatchMetrics: [{ Namespace: METRICS_NAMESPACE, Dimensions: [dimensionNames], Metrics: [{ Name: metric, Unit: 'Count' }] }],
    },
    ...dimensions,
    [metric]: n,
  };
  process.stdout.write(`${JSON.stringify(line)}\n`);
}
