/** What the warm child (warm.ts) reports to run.ts: the last stdout line, after this prefix. */
export const RESULT_PREFIX = 'WARM_RESULT ';

export interface WarmResult {
  /** The route's operationId or the worker's name. */
  name: string;
  /** Mean µs per invocation, one per measured round. */
  fullUs: number[];
  bareUs: number[];
  /** Invocations per timed batch: --iterations, or fewer for a slow function (--batch-ms). */
  iterations: number;
  /**
   * The calls one invocation makes, in order: SDK commands (without "Command"), presignPost
   * (createPresignedPost) and presign<Command> (getSignedUrl of that command).
   */
  commands: string[];
  /** The success that was checked: a route's status code, or what a worker's records ended as ('ready'). */
  outcome: string;
}
