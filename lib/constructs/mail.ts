/**
 * E-mail through SES (v1 API, @aws-sdk/client-ses in the handlers): the configuration set every mail is sent with,
 * and the sender identity of the stage (`sesSender` in cdk.json).
 *
 * The identity itself is not created here: it is verified once per account and region, outside the stack (see the
 * README), either as the address or as its domain. Functions get send rights with BackendFunction.bindMailer, on
 * both of those identity ARNs and on this configuration set, and nothing else.
 *
 * The configuration set publishes reputation metrics (bounce and complaint rates) to CloudWatch and adds
 * addresses that bounce or complain to the account's suppression list. It also publishes the send, delivery, bounce
 * and complaint events of every mail sent with it to EventBridge's default bus (the only bus SES can publish to), with
 * the message's tags; the trackDelivery worker (lib/constructs/workers.ts) takes them from there to the recipient
 * each one is about. SES needs no permission for this. Rejects (a virus found) and delivery delays are not published:
 * nothing acts on them yet.
 */
import * as events from 'aws-cdk-lib/aws-events';
import * as ses from 'aws-cdk-lib/aws-ses';
import { Construct } from 'constructs';

/** What a function needs to send mail: the sender address and the configuration set. */
export interface Mailer {
  /** The From address; it, or its domain, is a verified SES identity in the stack's account and region. */
  readonly sender: string;
  readonly configurationSet: ses.IConfigurationSet;
}

/**
 * The SES events the configuration set publishes to EventBridge, each with the detail-type EventBridge gives it (and
 * the `detail.eventType` in the event). functions/notifications/track-delivery.ts applies exactly these.
 */
export const PUBLISHED_MAIL_EVENTS = [
  { event: ses.EmailSendingEvent.SEND, detailType: 'Email Sent', eventType: 'Send' },
  { event: ses.EmailSendingEvent.DELIVERY, detailType: 'Email Delivered', eventType: 'Delivery' },
  { event: ses.EmailSendingEvent.BOUNCE, detailType: 'Email Bounced', eventType: 'Bounce' },
  { event: ses.EmailSendingEvent.COMPLAINT, detailType: 'Email Complaint Received', eventType: 'Complaint' },
] as const;

/** The message tag SES adds to every mail sent with a configuration set: its name. */
export const CONFIGURATION_SET_TAG = 'ses:configuration-set';

export interface MailProps {
  /** The stage's sesSender. */
  sender: string;
}

export class Mail extends Construct implements Mailer {
  readonly sender: string;
  readonly configurationSet: ses.ConfigurationSet;

  constructor(scope: Construct, id: string, props: MailProps) {
    super(scope, id);
    this.sender = props.sender;
    // The name is left to CloudFormation (dev and prod can share an account); the functions read it from
    // SES_CONFIGURATION_SET.
    this.configurationSet = new ses.ConfigurationSet(this, 'ConfigurationSet', {
      reputationMetrics: true,
      sendingEnabled: true,
      suppressionReasons: ses.SuppressionReasons.BOUNCES_AND_COMPLAINTS,
    });
    this.configurationSet.addEventDestination('EventBridge', {
      destination: ses.EventDestination.eventBus(events.EventBus.fromEventBusName(this, 'DefaultBus', 'default')),
      events: PUBLISHED_MAIL_EVENTS.map((e) => e.event),
      enabled: true,
    });
  }
}

/** The domain of an e-mail address: what is verified when the sender's domain, not the address, is the identity. */
export function domainOf(address: string): string {
  const at = address.lastIndexOf('@');
  const domain = address.slice(at + 1);
  if (at < 1 || !domain) throw new Error(`"${address}" is not an e-mail address.`);
  return domain;
}
