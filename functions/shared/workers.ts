/**
 * Functions that no HTTP route calls: each is triggered by an event. Declared once, like the routes: the
 * CDK stack builds and wires them from here, and the local environment binds the same handlers to its
 * stand-ins' events.
 */
import type { Prefix } from '#adapters/bucket-design';
import type { BucketGrants } from './routes.ts';

export interface WorkerSpec {
  name: string;
  entry: string;
  description: string;
  /** What starts it: objects created under a prefix of the media bucket. */
  trigger: { source: 's3:ObjectCreated'; prefix: Prefix };
  table?: 'read' | 'write';
  bucket?: BucketGrants;
  timeoutSeconds: number;
  memoryMb: number;
}

export const workers = {
  verifyUpload: {
    name: 'verifyUpload',
    entry: 'attachments/verify-upload.ts',
    description: 'Checks an uploaded file (size, type by its first bytes, SHA-256) and moves it out of quarantine, or deletes it',
    trigger: { source: 's3:ObjectCreated', prefix: 'quarantine' },
    table: 'write',
    // Reads and removes what lands in quarantine; writes (copies) into cases/ and removes a copy whose attachment was deleted meanwhile.
    bucket: { quarantine: ['read', 'delete'], cases: ['write', 'delete'] },
    // A 2 GiB video is hashed as a stream in constant memory; memory buys network throughput.
    timeoutSeconds: 300,
    memoryMb: 1024,
  },
} as const satisfies Record<string, WorkerSpec>;

export const WORKERS: WorkerSpec[] = Object.values(workers);
