/**
 * npm start: the whole API on localhost, and the web app built (when web/dist is missing or stale) and served beside it.
 * PORT (default 3000), WEB_PORT (the app's, default 5173), LOCAL_DATA_DIR (default .local/) and HOST (default
 * 127.0.0.1: every listener, DynamoDB Local included, on the loopback address only).
 * Ctrl-C stops everything it started, Java included.
 */
import { portInUse } from '../lib/local/ports.ts';
import { startLocalEnvironment } from '../lib/local/environment.ts';
import { LOOPBACK, reachableHost } from '../lib/local/server.ts';
import { serveLocalWebApp } from '../lib/local/web.ts';
import { buildWebAppIfStale } from '../lib/local/web-build.ts';
import { devCorsOrigins } from '../lib/stage-config.ts';

const port = Number(process.env.PORT ?? 3000);
const webPort = Number(process.env.WEB_PORT ?? 5173);
const dataDir = process.env.LOCAL_DATA_DIR ?? '.local';
const host = process.env.HOST?.trim() || LOOPBACK;

async function main(): Promise<void> {
  for (const [name, value, other] of [['PORT', port, 3001], ['WEB_PORT', webPort, 5175]] as const) {
    if (!Number.isInteger(value) || value < 1 || value > 65535) {
      console.error(`${name} must be a port number, not "${process.env[name]}".`);
      process.exit(2);
    }
    if (await portInUse(value)) {
      console.error(`Port ${value} is already in use. Stop whatever listens there, or start on another port: ${name}=${other} npm start`);
      process.exit(1);
    }
  }
  if (host !== LOOPBACK) {
    // Local tokens for any role, the outbox and the unauthenticated DynamoDB Local then answer whoever reaches this address.
    console.warn(`WARNING: HOST=${host}: the local environment (tokens for any role, the outbox, DynamoDB Local) listens on ${host}, reachable beyond this machine.`);
  }
  const started = Date.now();
  await buildWebAppIfStale();
  // The app's origin is allowed whatever its port (the dev stage lists :5173, the default).
  const appOrigin = `http://${host === LOOPBACK ? 'localhost' : reachableHost(host)}:${webPort}`;
  const corsOrigins = [...new Set([...devCorsOrigins(), appOrigin])];
  const env = await startLocalEnvironment({ port, dataDir, host, corsOrigins, log: (line) => console.log(line) });
  const app = await serveLocalWebApp(env, webPort, host).catch(async (err: Error) => {
    await env.stop();
    throw err;
  });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local environment...`);
    await app.close();
    await env.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  console.log(`Data in ${dataDir}; DynamoDB Local at ${env.dynamoEndpoint}; started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`API reference at ${env.url}/docs`);
  console.log(`Web app at ${app.url}`);
  console.log(`Local API ready at ${env.url}`);
}

main().catch((err: Error) => {
  console.error(`The local environment could not start: ${err.message}`);
  process.exit(1);
});
