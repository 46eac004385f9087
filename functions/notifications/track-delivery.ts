/**
 * SES's events for the configuration set (delivery, bounce, complaint, and send), through EventBridge: each
 * updates the recipient it is about, found by the tags the notice was sent with. Events for other mail
 * (submission confirmations carry no case tags of a run) are ignored.
 */
import { applyDeliveryEvent, type DeliveryKind } from '#adapters/notifications-repo';
import { logger } from '#shared/logger';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';

const DELIVERY_METRIC = { delivered: BUSINESS_METRICS.notificationsDelivered, bounced: BUSINESS_METRICS.notificationsBounced, complained: BUSINESS_METRICS.notificationsComplained } as const;

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

export async function trackDelivery(event: SesEvent, now: Date = new Date()): Promise<'applied' | 'ignored' | 'stale'> {
  const kind = KINDS[event.detail?.eventType];
  const tags = event.detail?.mail?.tags ?? {};
  const editionId = tags.editionId?.[0];
  const caseId = tags.caseId?.[0];
  if (!kind || !editionId || !caseId) return 'ignored';
  const detail = [event.detail.eventType, event.detail.bounce?.bounceType, event.detail.bounce?.bounceSubType, event.detail.complaint?.complaintFeedbackType].filter(Boolean).join(' ');
  const applied = await applyDeliveryEvent(editionId, caseId, event.detail.mail.messageId, kind, detail, now.toISOString());
  if (kind !== 'send' || applied) logger.info('delivery event', { caseId, kind, applied });
  if (applied && kind !== 'send') count(DELIVERY_METRIC[kind]);
  return applied ? 'applied' : 'stale';
}

export const handler = workerHandler(workers.trackDelivery, (event: SesEvent) => trackDelivery(event));
