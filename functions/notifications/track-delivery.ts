/** SES's events for the configuration set, through EventBridge (use-cases/notifications/track-delivery.ts). */
import { applyDeliveryEvent } from '#adapters/notifications-repo';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { trackDelivery as applyEvent, type SesEvent } from '#use-cases/notifications/track-delivery';
import { telemetry } from './task-telemetry.ts';

const ports = { notifications: { applyDeliveryEvent }, ...telemetry };

export const trackDelivery = (event: SesEvent) => applyEvent(ports, { event, now: new Date() });

export const handler = workerHandler(workers.trackDelivery, trackDelivery);
