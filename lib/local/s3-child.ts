/**
 * s3rver in a process of its own (forked by s3.ts), so that whatever a client does to it (an aborted multipart
 * POST, a form posted twice) cannot stall or kill the API's process. It reports `ready` with its port, forwards
 * every S3 event to the parent over IPC, and exits when told to stop or when the parent goes away.
 * Run by Node itself (type stripping): erasable TypeScript only, no path aliases.
 */
import S3rver from 's3rver';
import type { S3Event } from 'aws-lambda';

export interface ChildConfig {
  directory: string;
  bucket: string;
  host: string;
  port: number;
  /** The bucket's CORSConfiguration document; s3rver applies it at every start, replacing what a data dir kept. */
  corsXml: string;
}

export type ChildMessage = { type: 'ready'; port: number } | { type: 'event'; event: S3Event } | { type: 'failed'; message: string } | { type: 'pong'; id: number };
/**
 * ping: s3rver emits an event before it answers the request, and IPC keeps order, so a pong sent after the
 * client had its answer comes after that request's event: the parent's idle() waits on it.
 */
export type ParentMessage = { type: 'start'; config: ChildConfig } | { type: 'ping'; id: number } | { type: 'stop' };

const send = (m: ChildMessage) => process.send?.(m);
let server: S3rver | undefined;

process.on('message', (m: ParentMessage) => {
  if (m.type === 'start') {
    const { directory, bucket, host, port, corsXml } = m.config;
    server = new S3rver({ address: host, port, directory, silent: true, allowMismatchedSignatures: true, configureBuckets: [{ name: bucket, configs: [corsXml] }] });
    server.on('event', (event) => send({ type: 'event', event }));
    server.run().then(
      (address) => send({ type: 'ready', port: address.port }),
      (err: Error) => {
        send({ type: 'failed', message: err.message });
        process.exit(1);
      },
    );
  } else if (m.type === 'ping') {
    send({ type: 'pong', id: m.id });
  } else {
    const closing = server ? server.close() : Promise.resolve();
    void closing.finally(() => process.disconnect());
  }
});
// The parent stopped or died: nothing may outlive it.
process.on('disconnect', () => process.exit(0));
/**
 * s3rver's file store leaves some stream errors unhandled: a form posted again while the verifier deletes the first
 * post's object makes its write stream fail with ENOENT, which would end the process. That one request fails; the
 * store serves on (the parent restarts it should anything still end it).
 */
process.on('uncaughtException', (err) => {
  process.stderr.write(`s3rver: ${err.message} (the request failed; the store serves on)\n`);
});
