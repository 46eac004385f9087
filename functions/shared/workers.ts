/**
 * Functions that no HTTP route calls: each is triggered by an event. Declared once, like the routes: the
 * CDK stack builds and wires them from here, and the local environment binds the same handlers to its
 * stand-ins' events.
 */
import type { Prefix } from '#adapters/bucket-design';
import type { BucketGrants } from './routes.ts';

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
    | { source: 'ses:events' };
  table?: 'read' | 'write';
  bucket?: BucketGrants;
  /** Sends e-mail through the stage's SES identity and configuration set. */
  mail?: true;
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
  retryMail: {
    name: 'retryMail',
    entry: 'mail/retry-mail.ts',
    description: 'Sends the e-mails whose first attempt failed, with backoff, and records each outcome',
    trigger: { source: 'schedule', minutes: 1 },
    table: 'write',
    mail: true,
    timeoutSeconds: 120,
    memoryMb: 512,
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
} as const satisfies Record<string, WorkerSpec>;

export const WORKERS: WorkerSpec[] = Object.values(workers);
