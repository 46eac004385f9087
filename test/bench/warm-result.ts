/** What the warm child (warm.ts) reports to run.ts: the last stdout line, after this prefix. */
export const RESULT_PREFIX = 'WARM_RESULT ';

export interface WarmResult {
  operationId: string;
  /** Mean µs per invocation, one per measured round. */
  fullUs: number[];
  bareUs: number[];
  /** The commands one invocation sends, in order. */
  commands: string[];
  statusCode: number;
}
