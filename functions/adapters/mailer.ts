/**
 * Sending e-mail: SES on AWS, an outbox folder locally. The choice is made once, at start-up, from
 * MAIL_TRANSPORT; callers never ask which one they have.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { SESClient, SendEmailCommand } from '@aws-sdk/client-ses';
import * as z from 'zod/mini';
import type { MailMessage } from '#domain/mail';
import { loadEnv } from '#shared/config';

export interface Mailer {
  send(message: MailMessage): Promise<{ messageId: string }>;
}

/** A failure that retrying will not cure (a rejected message, an unverified sender). */
export class PermanentMailError extends Error {
  override readonly name = 'PermanentMailError';
}

const PERMANENT = new Set(['MessageRejected', 'MailFromDomainNotVerifiedException', 'ConfigurationSetDoesNotExistException', 'ConfigurationSetSendingPausedException', 'AccountSendingPausedException', 'InvalidParameterValue']);

const mailEnv = loadEnv({
  MAIL_TRANSPORT: z.enum(['ses', 'outbox']),
  SES_SENDER: z.optional(z.string()),
  SES_CONFIGURATION_SET: z.optional(z.string()),
  OUTBOX_DIR: z.optional(z.string()),
});

function sesMailer(sender: string, configurationSet: string): Mailer {
  const ses = new SESClient({});
  return {
    async send(m) {
      try {
        const out = await ses.send(
          new SendEmailCommand({
            Source: sender,
            Destination: { ToAddresses: m.to, CcAddresses: m.cc },
            ConfigurationSetName: configurationSet,
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
    async send(m) {
      const messageId = `local-${randomUUID()}`;
      const sentAt = new Date().toISOString();
      writeFileSync(join(dir, `${sentAt.replace(/[:.]/g, '-')}-${messageId}.json`), JSON.stringify({ ...m, sentAt, messageId }, null, 2));
      return { messageId };
    },
  };
}

function createMailer(): Mailer {
  if (mailEnv.MAIL_TRANSPORT === 'ses') {
    if (!mailEnv.SES_SENDER || !mailEnv.SES_CONFIGURATION_SET) throw new Error('Missing or invalid environment: SES_SENDER, SES_CONFIGURATION_SET');
    return sesMailer(mailEnv.SES_SENDER, mailEnv.SES_CONFIGURATION_SET);
  }
  if (!mailEnv.OUTBOX_DIR) throw new Error('Missing or invalid environment: OUTBOX_DIR');
  return outboxMailer(mailEnv.OUTBOX_DIR);
}

export const mailer: Mailer = createMailer();
