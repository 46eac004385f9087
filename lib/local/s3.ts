/**
 * S3 locally: s3rver in process, with the media bucket, and its object-created events delivered to the
 * workers bound to them (the verify function) the way S3 and Lambda deliver them: asynchronously, filtered
 * by prefix, retried twice on failure, then parked (logged) as Lambda's on-failure destination would.
 */
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { S3Event } from 'aws-lambda';
import S3rver from 's3rver';
import { freePort } from './ports.ts';

export interface LocalS3 {
  endpoint: string;
  /** Resolves when every event delivered so far has been handled (tests wait on it). */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface ObjectCreatedBinding {
  prefix: string;
  handle(event: S3Event): Promise<void>;
}

const RETRIES = 2;

export async function startLocalS3(dataDir: string, bucket: string, bindings: ObjectCreatedBinding[], log: (line: string) => void): Promise<LocalS3> {
  const directory = resolve(dataDir);
  mkdirSync(directory, { recursive: true });
  const port = await freePort();
  const server = new S3rver({ address: '127.0.0.1', port, directory, silent: true, allowMismatchedSignatures: true, configureBuckets: [{ name: bucket }] });
  await server.run();

  const inFlight = new Set<Promise<void>>();
  server.on('event', (event) => {
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
  });

  const idle = async () => {
    while (inFlight.size) await Promise.allSettled([...inFlight]);
  };
  return {
    endpoint: `http://127.0.0.1:${port}`,
    idle,
    async stop() {
      await idle();
      await server.close();
    },
  };
}
