/**
 * Sending e-mail: SES on AWS, an outbox folder locally. The choice is made once, at start-up, from
 * MAIL_TRANSPORT; callers never ask which one they have.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import type { MailMessage } from '#domain/mail';
import { isSingleLine } from '#domain/text';
import { integer, loadEnv, oneOf, optional } from '#config/env';

export interface Mailer {
  /** `tags` travel with the message into SES's delivery, bounce and complaint events (letters, digits, _ and - only). */
  send(message: MailMessage, tags?: Record<string, string>): Promise<{ messageId: string }>;
}

/** A failure that retrying will not cure (a rejected message, an unverified sender). */
export class PermanentMailError extends Error {
  override readonly name = 'PermanentMailError';
}

/**
 * The last line of defence against header injection, whatever built the message: a subject or an address with a
 * control character or a line break is never handed to a transport.
 */
export function assertSafeHeaders(m: MailMessage): void {
  const bad = [m.subject, ...m.to, ...m.cc].find((h) => !isSingleLine(h));
  if (bad !== undefined) throw new PermanentMailError('A subject or an address contains a control character or a line break.');
}

const PERMANENT = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'ConfigurationSetDoesNotExistException', 'ConfigurationSetSendingPausedException', 'AccountSendingPausedException', 'InvalidParameterValue']);
const THROTTLED = new Set(['Throttling', 'ThrottlingException', 'TooManyRequestsException', 'LimitExceededException']);
/** The request may have reached SES and been accepted: sending again could deliver it twice. */
const UNCERTAIN = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT']);

export type MailFailure = 'permanent' | 'throttled' | 'uncertain' | 'transient';

/**
 * What a failed send means for the next attempt: never retry (permanent), retry after a pause (throttled;
 * transient, e.g. a 5xx SES answered, so it did not send), or do not retry blindly (uncertain: no answer).
 */
export function mailFailure(err: unknown): MailFailure {
  if (err instanceof PermanentMailError) return 'permanent';
  const e = err as { name?: string; code?: string; $metadata?: { httpStatusCode?: number } } | null;
  const name = e?.name ?? '';
  if (PERMANENT.has(name)) return 'permanent';
  if (THROTTLED.has(name)) return 'throttled';
  if (UNCERTAIN.has(name) || UNCERTAIN.has(e?.code ?? '')) return 'uncertain';
  if (e?.$metadata?.httpStatusCode !== undefined) return 'transient';
  return 'uncertain';
}

const mailEnv = loadEnv({
  MAIL_TRANSPORT: oneOf(['ses', 'outbox']),
  SES_SENDER: optional(),
  SES_CONFIGURATION_SET: optional(),
  /** How long one SendEmail may take before it counts as uncertain (milliseconds). */
  SES_TIMEOUT_MS: integer(100, 10_000),
  OUTBOX_DIR: optional(),
});

function sesMailer(sender: string, configurationSet: string, timeoutMs: number): Mailer {
  // One attempt per call: the caller (the retry worker, the workflow) owns retries, so a throttle or a timeout
  // is seen and recorded, never repeated blindly inside the SDK.
  const ses = new SESClient({ maxAttempts: 1, requestHandler: { requestTimeout: timeoutMs, connectionTimeout: timeoutMs, throwOnRequestTimeout: true } });
  return {
    async send(m, tags = {}) {
      assertSafeHeaders(m);
      try {
        const out = await ses.send(
          new SendEmailCommand({
            Source: sender,
            Destination: { ToAddresses: m.to, CcAddresses: m.cc },
            ConfigurationSetName: configurationSet,
            Tags: Object.entries(tags).map(([Name, Value]) => ({ Name, Value })),
            Message: {
              Subject: { Data: m.subject, Charset: 'UTF-8' },
              Body: { Text: { Data: m.text, Charset: 'UTF-8' }, Html: { Data: m.html, Charset: 'UTF-8' } },
            },
          }),
        );
        return { messageId: out.MessageId ?? '' };
      } catch (err) {
        const name = (err as { name?: string }).name ?? '';
        if (PERMANENT.has(name)) throw new PermanentMailError(`${name}: ${(err as Error).message}`);
        throw err;
      }
    },
  };
}

/** Locally: each e-mail is a JSON file in the outbox, listed by GET /local/outbox. */
function outboxMailer(dir: string): Mailer {
  mkdirSync(dir, { recursive: true });
  return {
    async send(m, tags = {}) {
      assertSafeHeaders(m);
      const messageId = `local-${randomUUID()}`;
      const sentAt = new Date().toISOString();
      writeFileSync(join(dir, `${sentAt.replace(/[:.]/g, '-')}-${messageId}.json`), JSON.stringify({ ...m, sentAt, messageId, tags }, null, 2));
      return { messageId };
    },
  };
}

function createMailer(): Mailer {
  if (mailEnv.MAIL_TRANSPORT === 'ses') {
    if (!mailEnv.SES_SENDER || !mailEnv.SES_CONFIGURATION_SET) throw new Error('Missing or invalid environment: SES_SENDER, SES_CONFIGURATION_SET');
    return sesMailer(mailEnv.SES_SENDER, mailEnv.SES_CONFIGURATION_SET, mailEnv.SES_TIMEOUT_MS);
  }
  if (!mailEnv.OUTBOX_DIR) throw new Error('Missing or invalid environment: OUTBOX_DIR');
  return outboxMailer(mailEnv.OUTBOX_DIR);
}

export const mailer: Mailer = createMailer();
