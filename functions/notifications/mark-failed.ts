/** Workflow task: the Catch of a recipient whose send failed for good (use-cases/notifications/mark-failed.ts). */
import { recordFailed } from '#adapters/notifications-repo';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { markFailed as recordFailure, type MarkFailedInput } from '#use-cases/notifications/mark-failed';
import { withRunContext } from './task-context.ts';
import { telemetry } from './task-telemetry.ts';

const ports = { notifications: { recordFailed }, ...telemetry };

export const markFailed = (input: MarkFailedInput) => recordFailure(ports, { ...input, now: new Date() });

export const handler = workerHandler(workers.markNotificationFailed, withRunContext(markFailed));
