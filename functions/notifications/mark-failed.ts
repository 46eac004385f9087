/** Workflow task: the Catch of a recipient whose send failed for good (use-cases/notifications/mark-failed.ts). */
import * as notifications from '#adapters/notifications-repo';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { markFailed as recordFailure, type MarkFailedInput } from '#use-cases/notifications/mark-failed';
import { telemetry, withRunContext } from './task-context.ts';

const ports = { notifications, ...telemetry };

export const markFailed = (input: MarkFailedInput) => recordFailure(ports, { ...input, now: new Date() });

export const handler = workerHandler(workers.markNotificationFailed, withRunContext(markFailed));
