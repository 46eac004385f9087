/**
 * Functions that no HTTP route calls: each is triggered by an event. Declared once, like the routes: the
 * CDK stack builds and wires them from here, and the local environment binds the same handlers to its
 * stand-ins' events.
 */
import type { Prefix } from '#adapters/bucket-design';
import { ENTITIES, type EntityName } from '#adapters/table-design';
import type { BucketGrants } from './routes.ts';

/** A stream trigger: the table's new items of one entity, in the order they were written per key. */
export interface StreamTrigger {
  source: 'table:stream';
  /** The entity whose INSERTs the worker receives, told apart by its `type` tag (ENTITIES). */
  inserted: EntityName;
  /** Records per invocation, at most. */
  batchSize: number;
  /** Deliveries of a failed batch after the first, before it goes to the dead-letter queue (a log line locally). */
  retryAttempts: number;
}

export interface WorkerSpec {
  name: string;
  entry: string;
  description: string;
  /**
   * What starts it: objects created under a prefix of the media bucket, or a clock (an EventBridge rule on
   * AWS, a timer locally) every `minutes` minutes.
   */
  trigger:
    | { source: 's3:ObjectCreated'; prefix: Prefix }
    | { source: 'schedule'; minutes: number }
    /** A task of the notification state machine (shared/notify-workflow.ts). */
    | { source: 'workflow' }
    /** The SES configuration set's events (delivery, bounce, complaint, send), through EventBridge. */
    | { source: 'ses:events' }
    /**
     * The table's stream (an event source mapping on AWS, a poller of DynamoDB Local's stream locally), filtered by
     * streamFilter: a batch of records, of which the worker reports the failed ones (batchItemFailures).
     */
    | StreamTrigger
    /**
     * The user pool's custom message trigger: Cognito invokes it synchronously before each of its own mails (sign-up
     * and recovery codes, invitations), waits at most 5 seconds, and fails the user's request if it throws.
     */
    | { source: 'cognito:customMessage' };
  table?: 'read' | 'write';
  bucket?: BucketGrants;
  /** Sends e-mail through the stage's SES identity and configuration set. */
  mail?: true;
  /** Starts executions of the notification workflow (states:StartExecution on that state machine only). */
  startsWorkflow?: true;
  timeoutSeconds: number;
  memoryMb: number;
}

export const workers = {
  verifyUpload: {
    name: 'verifyUpload',
    entry: 'attachments/verify-upload.ts',
    description: 'Checks an uploaded file (size, type by its first bytes, SHA-256) and moves it out of quarantine, or deletes it',
    trigger: { source: 's3:ObjectCreated', prefix: 'quarantine' },
    table: 'write',
    // Reads and removes the exact version that landed in quarantine (by its id, never "the latest"); writes (copies)
    // into cases/ and removes a copy whose attachment was deleted meanwhile.
    bucket: { quarantine: ['readVersion', 'deleteVersion'], cases: ['write', 'delete'] },
    // A 2 GiB video is hashed as a stream in constant memory; memory buys network throughput.
    timeoutSeconds: 300,
    memoryMb: 1024,
  },
  closeDueEditions: {
    name: 'closeDueEditions',
    entry: 'editions/close-due-editions.ts',
    description: 'Closes every edition whose deadline has passed and records that the schedule closed it (idempotent)',
    // Every minute, not a one-time schedule per edition: a moved deadline needs no schedule to be moved, and
    // the deadline itself is enforced to the millisecond in every write; closing is bookkeeping.
    trigger: { source: 'schedule', minutes: 1 },
    table: 'write',
    timeoutSeconds: 60,
    memoryMb: 512,
  },
  sendNewMail: {
    name: 'sendNewMail',
    entry: 'mail/send-new-mail.ts',
    description: 'Sends each e-mail recorded by a change (the outbox), as it appears in the table\'s stream, and records the outcome',
    // A batch of 25 is sent in seconds with a few attempts in flight; a failed one is delivered again (the claim
    // makes that harmless) up to 10 times, and whatever is still pending after that is the retry worker's anyway.
    trigger: { source: 'table:stream', inserted: 'mail', batchSize: 25, retryAttempts: 10 },
    table: 'write',
    mail: true,
    timeoutSeconds: 120,
    memoryMb: 512,
  },
  retryMail: {
    name: 'retryMail',
    entry: 'mail/retry-mail.ts',
    description: 'Sends the e-mails whose first attempt failed, or that the stream left, with backoff, and records each outcome',
    trigger: { source: 'schedule', minutes: 1 },
    table: 'write',
    mail: true,
    timeoutSeconds: 120,
    memoryMb: 512,
  },
  startNotificationRun: {
    name: 'startNotificationRun',
    entry: 'notifications/start-run-workflow.ts',
    description: "Starts the notification workflow of each run recorded by its request (the outbox), as it appears in the table's stream; a start refused for good records the run failed",
    // Runs are a few a year. A failed start is delivered again (the execution's name makes that harmless) up to 10
    // times; a run still unstarted after that is startStalledNotificationRuns'.
    trigger: { source: 'table:stream', inserted: 'run', batchSize: 10, retryAttempts: 10 },
    table: 'write',
    startsWorkflow: true,
    timeoutSeconds: 30,
    memoryMb: 256,
  },
  startStalledNotificationRuns: {
    name: 'startStalledNotificationRuns',
    entry: 'notifications/start-stalled-runs.ts',
    description: 'Starts the workflow of a notification run the stream left unstarted (running for minutes, no execution reported back), the same idempotent way',
    trigger: { source: 'schedule', minutes: 1 },
    table: 'write',
    startsWorkflow: true,
    timeoutSeconds: 60,
    memoryMb: 256,
  },
  pageSelected: {
    name: 'pageSelected',
    entry: 'notifications/page-selected.ts',
    description: 'Notification workflow: the next page of selected cases (ids only)',
    trigger: { source: 'workflow' },
    table: 'write',
    timeoutSeconds: 30,
    memoryMb: 512,
  },
  sendNotification: {
    name: 'sendNotification',
    entry: 'notifications/send-notification.ts',
    description: 'Notification workflow: claims one recipient, sends the notice for its decision through SES, records the outcome',
    trigger: { source: 'workflow' },
    table: 'write',
    mail: true,
    timeoutSeconds: 30,
    memoryMb: 512,
  },
  markNotificationFailed: {
    name: 'markNotificationFailed',
    entry: 'notifications/mark-failed.ts',
    description: 'Notification workflow: records a recipient whose notice failed for good, with the reason',
    trigger: { source: 'workflow' },
    table: 'write',
    timeoutSeconds: 15,
    memoryMb: 256,
  },
  finishNotificationRun: {
    name: 'finishNotificationRun',
    entry: 'notifications/finish-run.ts',
    description: 'Notification workflow: records how a run ended and frees the edition for the next run',
    trigger: { source: 'workflow' },
    table: 'write',
    timeoutSeconds: 15,
    memoryMb: 256,
  },
  trackDelivery: {
    name: 'trackDelivery',
    entry: 'notifications/track-delivery.ts',
    description: "Applies SES delivery, bounce, complaint and send events to the notice's recipient",
    trigger: { source: 'ses:events' },
    table: 'write',
    timeoutSeconds: 15,
    memoryMb: 256,
  },
  customMessage: {
    name: 'customMessage',
    entry: 'auth/custom-message.ts',
    description: "Writes Cognito's own mails (sign-up and recovery codes, invitations) in the user's language (its locale attribute)",
    trigger: { source: 'cognito:customMessage' },
    // No grant: it only fills in text. Cognito gives up on a trigger after 5 seconds.
    timeoutSeconds: 5,
    memoryMb: 256,
  },
} as const satisfies Record<string, WorkerSpec>;

export const WORKERS: WorkerSpec[] = Object.values(workers);

/** The stream records a StreamTrigger takes: what it matches (a subset of Lambda's event filter syntax). */
export type StreamFilter = { eventName: ['INSERT']; dynamodb: { NewImage: { type: { S: [string] } } } };

/**
 * The event filter pattern of a stream trigger: the CDK stack gives it to the event source mapping (FilterCriteria),
 * the local poller applies it (matchesStreamFilter), so both deliver the same records.
 */
export function streamFilter(trigger: StreamTrigger): StreamFilter {
  const type = (ENTITIES[trigger.inserted] as { type?: string }).type;
  if (!type) throw new Error(`A stream trigger needs an entity with a type tag; ${trigger.inserted} has none.`);
  return { eventName: ['INSERT'], dynamodb: { NewImage: { type: { S: [type] } } } };
}

/**
 * Whether `record` matches `pattern` as Lambda's event filtering reads it: each array lists the values allowed at its
 * path (exact matches only), each object narrows into the record; a path the record lacks does not match.
 */
export function matchesStreamFilter(pattern: unknown, record: unknown): boolean {
  if (Array.isArray(pattern)) return pattern.some((allowed) => allowed === record);
  if (typeof pattern !== 'object' || pattern === null) return false;
  if (typeof record !== 'object' || record === null) return false;
  return Object.entries(pattern).every(([key, inner]) => matchesStreamFilter(inner, (record as Record<string, unknown>)[key]));
}
