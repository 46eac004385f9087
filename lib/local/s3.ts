/**
 * S3 locally: s3rver with the media bucket, in a child process (s3-child.ts) so that a client misbehaving
 * towards it (an aborted multipart POST, a form posted twice) cannot take the API's process down; the child
 * is restarted on the same port if it dies, and killed when this process stops or exits. Its object-created
 * events come back over IPC and are delivered here to the workers bound to them (the verify function) the way
 * S3 and Lambda deliver them: asynchronously, filtered by prefix, retried twice on failure, then parked
 * (logged) as Lambda's on-failure destination would. The bucket gets the deployed bucket's CORS rules
 * (mediaCorsRules), for the origins it is given.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { S3Event } from 'aws-lambda';
import { mediaCorsRules, type MediaCorsRule } from '../../functions/adapters/bucket-design.ts';
import { devCorsOrigins } from '../stage-config.ts';
import { freePort } from './ports.ts';
import type { ChildConfig, ChildMessage, ParentMessage } from './s3-child.ts';

export interface LocalS3 {
  endpoint: string;
  /** Resolves when every event delivered so far has been handled and s3rver answers (tests wait on it). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface ObjectCreatedBinding {
  prefix: string;
  handle(event: S3Event): Promise<void>;
}

const RETRIES = 2;
/** Tries to start s3rver again after it ended unexpectedly. */
const RESTART_ATTEMPTS = 5;

const CHILD = fileURLToPath(new URL('./s3-child.ts', import.meta.url));

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const xmlText = (value: string | number) => String(value).replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);

/** CORS rules as the CORSConfiguration document of S3's PutBucketCors, which s3rver takes at start. */
export function corsConfigurationXml(rules: readonly MediaCorsRule[]): string {
  const element = (name: string, values: readonly (string | number)[]) => values.map((v) => `<${name}>${xmlText(v)}</${name}>`).join('');
  const rule = (r: MediaCorsRule) =>
    '<CORSRule>' +
    element('ID', [r.id]) +
    element('AllowedOrigin', r.allowedOrigins) +
    element('AllowedMethod', r.allowedMethods) +
    element('AllowedHeader', r.allowedHeaders) +
    element('ExposeHeader', r.exposedHeaders) +
    element('MaxAgeSeconds', [r.maxAgeSeconds]) +
    '</CORSRule>';
  return `<?xml version="1.0" encoding="UTF-8"?><CORSConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/">${rules.map(rule).join('')}</CORSConfiguration>`;
}

/** Starts the child and resolves once s3rver listens; `onMessage` gets what it sends after, `onExit` its unexpected end. */
function startChild(config: ChildConfig, onMessage: (m: ChildMessage) => void, onExit: (code: number | null, signal: string | null) => void) {
  // Node runs the .ts itself (type stripping); no loader of the parent's (tsx, vitest) is passed on.
  const child = fork(CHILD, [], { execArgv: ['--disable-warning=ExperimentalWarning'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  return new Promise<ChildProcess>((ok, fail) => {
    let ready = false;
    child.on('message', (m: ChildMessage) => {
      if (m.type === 'event' || m.type === 'pong') onMessage(m);
      else if (m.type === 'ready') {
        ready = true;
        ok(child);
      } else fail(new Error(`s3rver did not start: ${m.message}`));
    });
    child.once('exit', (code, signal) => {
      if (ready) onExit(code, signal);
      else fail(new Error(`s3rver exited before it was ready (code ${code}, signal ${signal})`));
    });
    child.send({ type: 'start', config } satisfies ParentMessage);
  });
}

/** `corsOrigins`: the browser origins the bucket answers, the dev stage's unless given. */
export async function startLocalS3(
  dataDir: string,
  bucket: string,
  bindings: ObjectCreatedBinding[],
  log: (line: string) => void,
  host = '127.0.0.1',
  corsOrigins: readonly string[] = devCorsOrigins(),
): Promise<LocalS3> {
  const directory = resolve(dataDir);
  mkdirSync(directory, { recursive: true });
  const config: ChildConfig = { directory, bucket, host, port: await freePort(), corsXml: corsConfigurationXml(mediaCorsRules(corsOrigins)) };

  const inFlight = new Set<Promise<void>>();
  const deliver = (event: S3Event) => {
    for (const record of event.Records) {
      if (!record.eventName.startsWith('ObjectCreated:')) continue;
      for (const b of bindings.filter((x: ObjectCreatedBinding) => record.s3.object.key.startsWith(x.prefix))) {
        const run = (async () => {
          for (let attempt = 0; attempt <= RETRIES; attempt++) {
            try {
              await b.handle({ Records: [record] });
              return;
            } catch (err) {
              if (attempt === RETRIES) log(`object-created event for ${record.s3.object.key} failed ${RETRIES + 1} times and is dead-lettered: ${(err as Error).message}`);
              else await new Promise((r) => setTimeout(r, 200 * (attempt + 1)));
            }
          }
        })();
        inFlight.add(run);
        void run.finally(() => inFlight.delete(run));
      }
    }
  };

  const pongs = new Map<number, () => void>();
  let pings = 0;
  const onMessage = (m: ChildMessage) => {
    if (m.type === 'event') deliver(m.event);
    else if (m.type === 'pong') pongs.get(m.id)?.();
  };
  /** Resolves once every event s3rver emitted before now has reached `deliver` (or the child is gone). */
  const drained = () =>
    new Promise<void>((r) => {
      if (!child.connected) return r();
      const id = ++pings;
      const done = () => {
        pongs.delete(id);
        child.off('exit', done);
        r();
      };
      pongs.set(id, done);
      child.once('exit', done);
      child.send({ type: 'ping', id } satisfies ParentMessage);
    });

  let stopping = false;
  let child: ChildProcess;
  let restarting: Promise<unknown> = Promise.resolve();
  const onExit = (code: number | null, signal: string | null) => {
    if (stopping) return;
    log(`s3rver exited (code ${code}, signal ${signal}); restarting it on ${config.host}:${config.port}`);
    // A start can fail for a moment (the old process's port not yet released): a few tries, a little apart.
    restarting = (async () => {
      for (let attempt = 1; attempt <= RESTART_ATTEMPTS && !stopping; attempt++) {
        try {
          child = await startChild(config, onMessage, onExit);
          return;
        } catch (err) {
          if (attempt === RESTART_ATTEMPTS) log(`s3rver could not be restarted: ${(err as Error).message}`);
          else await new Promise((r) => setTimeout(r, 200 * attempt));
        }
      }
    })();
  };
  child = await startChild(config, onMessage, onExit);
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const idle = async () => {
    await drained();
    while (inFlight.size) await Promise.allSettled([...inFlight]);
    // A client that made s3rver fail (a form posted twice) may have it restarting: idle means it answers again too.
    await restarting;
  };
  return {
    endpoint: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`,
    idle,
    async stop() {
      await idle();
      stopping = true;
      await restarting;
      process.off('exit', killOnExit);
      if (!child.connected) return;
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.send({ type: 'stop' } satisfies ParentMessage);
      // A stuck s3rver is killed rather than waited for.
      const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
      await exited;
      clearTimeout(timer);
    },
  };
}
