/**
 * The local server of `npm start`, started in the test process on a free port, and a small client for it:
 * tokens as POST /local/token signs them, JSON or raw bodies, and the answer as status, headers, JSON and text.
 */
import type { Server } from 'node:http';
import { ROUTES } from '../../functions/shared/routes.ts';
import { FUNCTIONS_DIR, localRoutes } from '../../lib/local/environment.ts';
import { createLocalServer, listen } from '../../lib/local/server.ts';
import { signToken } from '../../lib/local/tokens.ts';

export type Role = 'organisers' | 'reviewers';

export interface Answer {
  status: number;
  headers: Headers;
  json: Record<string, unknown> | null;
  text: string;
}

export interface CallOptions {
  token?: string | undefined;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
}

export interface LocalApi {
  base: string;
  /** `locale`: the account's locale attribute, as Cognito puts it in the ID token. */
  token: (sub: string, groups?: Role[], locale?: string) => string;
  call: (method: string, path: string, opts?: CallOptions) => Promise<Answer>;
  close: () => Promise<void>;
}

export async function startLocalApi(): Promise<LocalApi> {
  const secret = Buffer.alloc(32, 1);
  const server: Server = createLocalServer({ port: 0, routes: ROUTES, functionsDir: FUNCTIONS_DIR, secret, localRoutes: localRoutes(secret, undefined) });
  const base = `http://127.0.0.1:${await listen(server, 0, '127.0.0.1')}`;
  return {
    base,
    token: (sub, groups = [], locale) => signToken({ sub, email: `${sub}@example.org`, groups, ...(locale ? { locale } : {}) }, secret),
    async call(method, path, opts = {}) {
      const headers: Record<string, string> = { ...opts.headers };
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      if (opts.body !== undefined || opts.raw !== undefined) headers['content-type'] = 'application/json';
      const res = await fetch(base + path, { method, headers, body: opts.raw ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)) });
      const text = await res.text();
      let json: Record<string, unknown> | null;
      try {
        json = JSON.parse(text) as Record<string, unknown>;
      } catch {
        json = null;
      }
      return { status: res.status, headers: res.headers, json, text };
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
