/**
 * The light wrapper of the docs functions (functions/shared/static-handler.ts) answers as httpHandler does: the same
 * headers on every answer, the same problems, and a logged 500 for what the handler did not expect.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { AppError } from '#domain/errors';
import { httpHandler } from '#shared/handler';
import type { Reply } from '#shared/http';
import { routes } from '#shared/routes';
import { staticHandler, type StaticRequest } from '#shared/static-handler';
import { apiEvent, context, invoke } from '../../support/api-event.ts';

/** An allowed origin of the unit environment (vitest.config.ts) and one that is not. */
const ALLOWED = 'https://app.example.org';
const OTHER = 'https://elsewhere.example.org';

const events = (): [string, APIGatewayProxyEvent][] => [
  ['no origin', apiEvent(routes.docs)],
  ['an allowed origin', apiEvent(routes.docs, { headers: { origin: ALLOWED } })],
  ['another origin', apiEvent(routes.docs, { headers: { Origin: OTHER } })],
  ['a correlation id', apiEvent(routes.docs, { headers: { 'x-correlation-id': 'trace-42.a:b' } })],
  ['a malformed correlation id', apiEvent(routes.docs, { headers: { 'x-correlation-id': 'no spaces <allowed>' } })],
  ['Chinese asked for', apiEvent(routes.docs, { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9,en;q=0.8' } })],
  ['English asked for', apiEvent(routes.docs, { headers: { 'accept-language': 'en-GB', origin: ALLOWED } })],
];

const answers: [string, () => Promise<Reply>][] = [
  ['JSON', async () => ({ status: 200, body: { a: 1 } })],
  ['HTML', async () => ({ status: 200, headers: { 'content-security-policy': "default-src 'self'" }, raw: { contentType: 'text/html; charset=utf-8', text: '<p>hi</p>' } })],
  ['304', async () => ({ status: 304, headers: { etag: '"x"' } })],
  ['its own language and Vary', async () => ({ status: 200, headers: { 'content-language': 'zh-CN', vary: 'Accept-Encoding' }, body: { a: 1 } })],
  ['a problem', async () => Promise.reject(new AppError('not-found', 'detail.docs-not-found'))],
];

afterEach(() => {
  vi.unstubAllEnvs();
  vi.restoreAllMocks();
});

describe('staticHandler', () => {
  it('answers exactly as httpHandler does for a route without schemas: status, headers and body', async () => {
    for (const [what, answer] of answers) {
      const light = staticHandler(answer);
      const full = httpHandler(routes.docs, answer);
      for (const [who, event] of events()) {
        expect(await light(event, context()), `${what}, ${who}`).toEqual(await full(event, context()));
      }
    }
  });

  it('hands over the query and path as own keys, names like built-ins included, with lower-cased headers and the base URL', async () => {
    let seen: StaticRequest | undefined;
    const handler = staticHandler((req) => {
      seen = req;
      return { status: 204 };
    });
    const event = apiEvent(routes.docsAsset, { path: '/docs/assets/__proto__', query: { constructor: '1', ['__proto__']: '2' }, headers: { 'If-None-Match': '"a"', 'x-forwarded-proto': 'https' } });
    event.requestContext.domainName = 'api.example.org';
    event.requestContext.path = '/dev/docs/assets/__proto__';
    await handler(event, context());
    expect(Object.hasOwn(seen!.params, 'file') && seen!.params.file).toBe('__proto__');
    expect(Object.keys(seen!.query).sort()).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(seen!.query)).toBe(Object.prototype);
    expect(seen!.headers['if-none-match']).toBe('"a"');
    expect(seen!.baseUrl).toBe('https://api.example.org/dev');
  });

  it('answers an unexpected failure with a 500 problem that tells nothing of it, and logs it once, redacted, with the correlation id', async () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'INFO');
    const written: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const handler = staticHandler(() => {
      throw new TypeError('cannot read /var/task/docs-assets/x for ann@example.org');
    });
    const res = await invoke(handler, apiEvent(routes.docs, { headers: { 'x-correlation-id': 'corr-1' } }));
    expect(res.status).toBe(500);
    expect(res.json?.code).toBe('internal-error');
    expect(res.headers['x-correlation-id']).toBe('corr-1');
    expect(res.body).not.toMatch(/TypeError|docs-assets|example\.org|\bat\s/);

    expect(written).toHaveLength(1);
    const line = JSON.parse(written[0]!) as Record<string, unknown> & { error: Record<string, string> };
    expect(line).toMatchObject({ level: 'ERROR', correlationId: 'corr-1', error: { name: 'TypeError' } });
    expect(line.error.message).toContain('/var/task/docs-assets/x');
    expect(written[0]).not.toContain('ann@example.org');
  });

  it('writes no log line where the log level is silent', async () => {
    vi.stubEnv('POWERTOOLS_LOG_LEVEL', 'SILENT');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const res = await invoke(staticHandler(() => Promise.reject(new Error('boom'))), apiEvent(routes.docs));
    expect(res.status).toBe(500);
    expect(write).not.toHaveBeenCalled();
  });
});
