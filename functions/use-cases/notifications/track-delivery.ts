/**
 * SES's events for the configuration set (delivery, bounce, complaint, and send), through EventBridge.
 * Primary course:
 * 1. The recipient the event is about, from the tags the notice was sent with; events for other mail
 *    (submission confirmations carry no case tags of a run) are ignored.
 * 2. Apply the event to it (stale when a later one already did), and count deliveries, bounces, complaints.
 */
import type { DeliveryKind } from '#adapters/notifications-repo';
import type { Notifications } from '../ports.ts';
import type { NotificationMetric, Telemetry } from './telemetry.ts';

/** The parts of an SES event (EventBridge detail) this reads. */
export interface SesEvent {
  'detail-type'?: string;
  detail: {
    eventType: string;
    mail: { messageId: string; tags?: Record<string, string[]> };
    bounce?: { bounceType?: string; bounceSubType?: string };
    complaint?: { complaintFeedbackType?: string };
  };
}

const KINDS: Record<string, DeliveryKind> = { Send: 'send', Delivery: 'delivered', Bounce: 'bounced', Complaint: 'complained' };
const METRIC: Record<Exclude<DeliveryKind, 'send'>, NotificationMetric> = { delivered: 'notificationsDelivered', bounced: 'notificationsBounced', complained: 'notificationsComplained' };

export type TrackDeliveryPorts = Telemetry & { notifications: Pick<Notifications, 'applyDeliveryEvent'> };

export async function trackDelivery(ports: TrackDeliveryPorts, input: { event: SesEvent; now: Date }): Promise<'applied' | 'ignored' | 'stale'> {
  const { event } = input;
  const kind = KINDS[event.detail?.eventType];
  const tags = event.detail?.mail?.tags ?? {};
  const editionId = tags.editionId?.[0];
  const caseId = tags.caseId?.[0];
  if (!kind || !editionId || !caseId) return 'ignored';
  const detail = [event.detail.eventType, event.detail.bounce?.bounceType, event.detail.bounce?.bounceSubType, event.detail.complaint?.complaintFeedbackType].filter(Boolean).join(' ');
  const applied = await ports.notifications.applyDeliveryEvent(editionId, caseId, event.detail.mail.messageId, kind, detail, input.now.toISOString());
  if (kind !== 'send' || applied) ports.log.info('delivery event', { caseId, kind, applied });
  if (applied && kind !== 'send') ports.count(METRIC[kind]);
  return applied ? 'applied' : 'stale';
}
