/**
 * A stand-in for Amazon SES's SendEmail (the AWS Query protocol the real @aws-sdk/client-ses speaks), for
 * tests and the bench: point AWS_ENDPOINT_URL_SES at it and the production mailer talks to it unchanged.
 * It can throttle above a send rate, inject faults per message, and emit the configuration set's events
 * (Send, Delivery) the way SES publishes them to EventBridge.
 */
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listen, LOOPBACK, reachableHost } from './server.ts';

export interface SesMessage {
  messageId: string;
  to: string[];
  cc: string[];
  subject: string;
  text: string;
  html: string;
  tags: Record<string, string>;
  configurationSet: string | undefined;
  acceptedAt: number;
}

/** What to do with one SendEmail: throttle it, reject it for good, fail with a 5xx, or accept it and then never answer in time. */
export type SesFault = 'throttle' | 'reject' | 'server-error' | 'timeout-after-send';

export interface FakeSesOptions {
  /** Sends per second; above it, Throttling (what SES answers at its maximum send rate). */
  ratePerSecond?: number;
  /** Decides a fault for a message, given how many times this message (first recipient and subject) has been tried (1 = first). */
  fault?: (to: string, subject: string, attempt: number) => SesFault | undefined;
  /** How long a 'timeout-after-send' holds the answer back (the client gives up first). */
  holdMs?: number;
  /** The configuration set's events, in EventBridge's shape (detail-type and detail), for each accepted message. */
  onEvent?: (event: { 'detail-type': string; detail: Record<string, unknown> }) => void;
  /** The address to listen on (127.0.0.1 by default). */
  host?: string;
}

export interface FakeSes {
  endpoint: string;
  /** Every accepted message, in order. */
  accepted: SesMessage[];
  /** SendEmail calls per message (first recipient and subject, joined by a space), accepted or not. */
  attempts: Map<string, number>;
  stop(): Promise<void>;
}

const xml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
const NS = 'http://ses.amazonaws.com/doc/2010-12-01/';

function members(form: URLSearchParams, prefix: string): string[] {
  const out: string[] = [];
  for (let i = 1; form.has(`${prefix}.member.${i}`); i++) out.push(form.get(`${prefix}.member.${i}`)!);
  return out;
}

function tagsOf(form: URLSearchParams): Record<string, string> {
  const tags: Record<string, string> = {};
  for (let i = 1; form.has(`Tags.member.${i}.Name`); i++) tags[form.get(`Tags.member.${i}.Name`)!] = form.get(`Tags.member.${i}.Value`) ?? '';
  return tags;
}

function error(res: ServerResponse, status: number, code: string, message: string) {
  res.writeHead(status, { 'content-type': 'text/xml' });
  res.end(`<ErrorResponse xmlns="${NS}"><Error><Type>${status >= 500 ? 'Receiver' : 'Sender'}</Type><Code>${code}</Code><Message>${xml(message)}</Message></Error><RequestId>${randomUUID()}</RequestId></ErrorResponse>`);
}

export async function startFakeSes(opts: FakeSesOptions = {}): Promise<FakeSes> {
  const accepted: SesMessage[] = [];
  const attempts = new Map<string, number>();
  const rate = opts.ratePerSecond;
  // A token bucket holding one second of sends: bursts up to the rate, then the rate itself.
  let tokens = rate ?? 0;
  let refilledAt = performance.now();
  const take = () => {
    if (rate === undefined) return true;
    const now = performance.now();
    tokens = Math.min(rate, tokens + ((now - refilledAt) / 1000) * rate);
    refilledAt = now;
    if (tokens < 1) return false;
    tokens -= 1;
    return true;
  };
  const held = new Set<ServerResponse>();

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const form = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
    if (form.get('Action') !== 'SendEmail') return error(res, 400, 'InvalidAction', `${form.get('Action')} is not served by the SES stand-in`);
    const to = members(form, 'Destination.ToAddresses');
    const subject = form.get('Message.Subject.Data') ?? '';
    const key = `${to[0] ?? ''} ${subject}`;
    const attempt = (attempts.get(key) ?? 0) + 1;
    attempts.set(key, attempt);
    const fault = opts.fault?.(to[0] ?? '', subject, attempt);
    if (fault === 'throttle' || !take()) return error(res, 400, 'Throttling', 'Maximum sending rate exceeded.');
    if (fault === 'reject') return error(res, 400, 'MessageRejected', `Email address is not verified. The following identities failed the check: ${to[0] ?? ''}`);
    if (fault === 'server-error') return error(res, 500, 'InternalFailure', 'The request processing has failed because of an unknown error.');
    const message: SesMessage = {
      messageId: `fake-${randomUUID()}`,
      to,
      cc: members(form, 'Destination.CcAddresses'),
      subject,
      text: form.get('Message.Body.Text.Data') ?? '',
      html: form.get('Message.Body.Html.Data') ?? '',
      tags: tagsOf(form),
      configurationSet: form.get('ConfigurationSetName') ?? undefined,
      acceptedAt: Date.now(),
    };
    accepted.push(message);
    const mail = { messageId: message.messageId, destination: [...to, ...message.cc], tags: Object.fromEntries(Object.entries(message.tags).map(([k, v]) => [k, [v]])) };
    opts.onEvent?.({ 'detail-type': 'Email Sent', detail: { eventType: 'Send', mail } });
    opts.onEvent?.({ 'detail-type': 'Email Delivered', detail: { eventType: 'Delivery', mail, delivery: { recipients: to } } });
    const body = `<SendEmailResponse xmlns="${NS}"><SendEmailResult><MessageId>${message.messageId}</MessageId></SendEmailResult><ResponseMetadata><RequestId>${randomUUID()}</RequestId></ResponseMetadata></SendEmailResponse>`;
    if (fault === 'timeout-after-send') {
      held.add(res);
      setTimeout(() => {
        held.delete(res);
        if (!res.destroyed) res.writeHead(200, { 'content-type': 'text/xml' }).end(body);
      }, opts.holdMs ?? 5000).unref();
      return;
    }
    res.writeHead(200, { 'content-type': 'text/xml' }).end(body);
  };

  const server = createServer((req, res) => void handle(req, res).catch((err: Error) => error(res, 500, 'InternalFailure', err.message)));
  // Longer than any client keeps an idle connection: SES does not close one under a client about to reuse it.
  server.keepAliveTimeout = 65_000;
  const host = opts.host ?? LOOPBACK;
  const port = await listen(server, 0, host);
  return {
    endpoint: `http://${reachableHost(host)}:${port}`,
    accepted,
    attempts,
    async stop() {
      for (const r of held) r.destroy();
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
  };
}
