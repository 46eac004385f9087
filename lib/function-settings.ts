/**
 * The environment every function starts with, whatever its grants: the function construct
 * (lib/constructs/function.ts) sets it and the benchmark (test/bench/cold.ts) gives it to the bundles it imports, so
 * the bench measures the start-up Lambda runs. test/infra/bench-settings.test.ts fails when the two diverge.
 */
import { METRICS_NAMESPACE } from '../functions/shared/metric-names.ts';
import type { StageName } from './stage-config.ts';

/** POWERTOOLS_SERVICE_NAME of every function: the logger's `service` field and the `service` dimension of every metric (functions/shared/logger.ts, metrics.ts). */
export const SERVICE_NAME = 'practice-cases';

/**
 * Node's command-line options for every function (NODE_OPTIONS), none at present. Not `--enable-source-maps`: with it
 * Node parses the bundle's source map while it loads the bundle, on every cold start (about a quarter more import
 * time for getCase). Stacks are mapped when an error is logged instead (functions/shared/stack-map.ts).
 */
export const FUNCTION_NODE_OPTIONS: readonly string[] = [];

export type FunctionLogLevel = 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';

/** The variables every function gets; grants and routes add theirs (TABLE_NAME, CORS_ALLOWED_ORIGINS...). */
export function functionEnvironment(stage: StageName, logLevel: FunctionLogLevel): Record<string, string> {
  return {
    ...(FUNCTION_NODE_OPTIONS.length > 0 ? { NODE_OPTIONS: FUNCTION_NODE_OPTIONS.join(' ') } : {}),
    POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
    POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
    POWERTOOLS_LOG_LEVEL: logLevel,
    // The `stage` dimension of every business metric (functions/shared/metrics.ts).
    STAGE: stage,
  };
}
