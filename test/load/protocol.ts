/** What run.ts sends the load driver (driver.ts, a child process) and what it answers, over IPC. */

/** One request the driver may send. `{n}` in the path or body becomes a number unique within the job. */
export interface RequestTemplate {
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE';
  path: string;
  headers: Record<string, string>;
  body?: string;
  /** How many more times it may be sent (a case takes at most 10 supporting files); unlimited when absent. */
  uses?: number;
}

/**
 * How connections pick their requests: `shared`, every connection takes the next template of one round-robin;
 * `per-connection`, connection k takes templates k, k + C, k + 2C... only, so no two connections ever touch
 * the same template's resource at once (a write to one case is never concurrent with another to it).
 */
export type Rotation = 'shared' | 'per-connection';

export interface LoadJob {
  kind: 'job';
  /** The scenario's name, for messages. */
  name: string;
  url: string;
  connections: number;
  durationSeconds: number;
  rotation: Rotation;
  templates: RequestTemplate[];
  /** Parse each 2xx body as JSON and send back its `caseId` with the template's index (created cases). */
  collectCaseIds?: boolean;
}

export interface LoadResult {
  kind: 'result';
  name: string;
  /** Seconds from the first request to the end, as autocannon measured them. */
  durationSeconds: number;
  /** Responses received, whatever their status. */
  responses: number;
  /** autocannon's mean of its one-second samples of completed requests. */
  requestsPerSecond: number;
  /** Every response's latency in ms (µs precision), 2xx or not, in the order received. */
  latenciesMs: number[];
  /** When each of those responses arrived, ms from the start of the run. */
  receivedAtMs: number[];
  statusCounts: Record<string, number>;
  non2xx: number;
  /** Connection errors (refused, reset) and requests that got no answer within the timeout. */
  errors: number;
  timeouts: number;
  /** Requests a connection could not make because its templates were used up (sent to a path that answers 404). */
  exhausted: number;
  /** The first few non-2xx answers, for the report. */
  samples: { status: number; body: string }[];
  /** How many times each template was sent (to deduct from `uses`). */
  used: number[];
  /** With collectCaseIds: [template index, caseId] of each 2xx answer. */
  created: [number, string][];
}

export interface DriverFailure {
  kind: 'failure';
  name: string;
  message: string;
}

export type DriverMessage = LoadResult | DriverFailure;

/** Where a connection whose templates are used up sends its requests: a path no route matches (404). */
export const EXHAUSTED_PATH = '/load/templates-used-up';
