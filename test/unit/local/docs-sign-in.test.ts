/**
 * The docs page's local sign-in posts to /local/token from the local server's own origin. That origin is let in on a
 * loopback name only: a page of another site whose name resolves to 127.0.0.1 (DNS rebinding) sends that name as both
 * Origin and Host, and is refused.
 */
import { randomBytes } from 'node:crypto';
import { request, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTES } from '#shared/routes';
import { FUNCTIONS_DIR, LOCAL_TOKEN_ROUTE, localRoutes } from '../../../lib/local/environment.ts';
import { createLocalServer, listen } from '../../../lib/local/server.ts';

let server: Server;
let port: number;

beforeAll(async () => {
  const secret = randomBytes(32);
  server = createLocalServer({ port: 0, routes: ROUTES, functionsDir: FUNCTIONS_DIR, secret, localRoutes: localRoutes(secret, undefined), corsOrigins: ['http://localhost:5173'] });
  port = await listen(server, 0);
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** A POST with Host and Origin as a browser would send them for a page of `origin` (fetch cannot set Host). */
function postToken(host: string, origin: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const body = JSON.stringify({ sub: 'ann', email: 'ann@example.org', groups: [] });
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port, method: 'POST', path: LOCAL_TOKEN_ROUTE, headers: { host, origin, 'content-type': 'application/json' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('POST /local/token from the docs page', () => {
  it("answers the server's own page on a loopback name", async () => {
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`]) {
      const res = await postToken(host, `http://${host}`);
      expect(res.status, host).toBe(200);
      expect(typeof res.body.token, host).toBe('string');
    }
  });

  it('refuses a page whose origin only matches Host because its name was made to resolve here', async () => {
    const host = `rebound.example:${port}`;
    const res = await postToken(host, `http://${host}`);
    expect(res.status).toBe(403);
    expect(res.body).not.toHaveProperty('token');
  });

  it('refuses a loopback page on another port', async () => {
    const res = await postToken(`localhost:${port}`, `http://localhost:${port + 1}`);
    expect(res.status).toBe(403);
  });
});
