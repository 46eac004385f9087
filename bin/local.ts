/**
 * npm start: the whole API on localhost. PORT (default 3000), LOCAL_DATA_DIR (default .local/) and HOST (default
 * 127.0.0.1: every listener, DynamoDB Local included, on the loopback address only).
 * Ctrl-C stops everything it started, Java included.
 */
import { portInUse } from '../lib/local/ports.ts';
import { startLocalEnvironment } from '../lib/local/environment.ts';
import { LOOPBACK } from '../lib/local/server.ts';

const port = Number(process.env.PORT ?? 3000);
const dataDir = process.env.LOCAL_DATA_DIR ?? '.local';
const host = process.env.HOST?.trim() || LOOPBACK;

async function main(): Promise<void> {
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`PORT must be a port number, not "${process.env.PORT}".`);
    process.exit(2);
  }
  if (await portInUse(port)) {
    console.error(`Port ${port} is already in use. Stop whatever listens there, or start on another port: PORT=3001 npm start`);
    process.exit(1);
  }
  if (host !== LOOPBACK) {
    // Local tokens for any role, the outbox and the unauthenticated DynamoDB Local then answer whoever reaches this address.
    console.warn(`WARNING: HOST=${host}: the local environment (tokens for any role, the outbox, DynamoDB Local) listens on ${host}, reachable beyond this machine.`);
  }
  const started = Date.now();
  const env = await startLocalEnvironment({ port, dataDir, host, log: (line) => console.log(line) });

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the local environment...`);
    await env.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  console.log(`Data in ${dataDir}; DynamoDB Local at ${env.dynamoEndpoint}; started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  console.log(`API reference at ${env.url}/docs`);
  console.log(`Local API ready at ${env.url}`);
}

main().catch((err: Error) => {
  console.error(`The local environment could not start: ${err.message}`);
  process.exit(1);
});
