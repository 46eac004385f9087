/**
 * The web app as `npm start` serves it, for a browser test: the local environment on free ports with a data folder
 * of its own, and the built app (test/browser/global-setup.ts builds it) on another, whose origin the API and the
 * bucket allow and whose config.json names that API.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalEnvironment } from '../../../lib/local/environment.ts';
import { freePort } from '../../../lib/local/ports.ts';
import { LOOPBACK } from '../../../lib/local/server.ts';
import { serveLocalWebApp } from '../../../lib/local/web.ts';

export interface AppEnvironment {
  /** The app's origin, e.g. http://localhost:41234: open `${appUrl}/` or any of its routes. */
  appUrl: string;
  apiUrl: string;
  /** Where the local mailer writes every mail it sends (also listed by GET `${apiUrl}/local/outbox`). */
  outboxDir: string;
  close(): Promise<void>;
}

export async function startAppEnvironment(): Promise<AppEnvironment> {
  const dataDir = mkdtempSync(join(tmpdir(), 'pc-app-'));
  // The app's port is chosen first: the API and the bucket must allow its origin from the start.
  const appPort = await freePort();
  const appOrigin = `http://localhost:${appPort}`;
  const env = await startLocalEnvironment({ port: 0, host: LOOPBACK, dataDir, seed: true, corsOrigins: [appOrigin] }).catch((err: unknown) => {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  const app = await serveLocalWebApp(env, appPort, LOOPBACK).catch(async (err: unknown) => {
    await env.stop();
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  });
  return {
    appUrl: app.url,
    apiUrl: env.url,
    outboxDir: join(dataDir, 'outbox'),
    async close() {
      await app.close();
      await env.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
