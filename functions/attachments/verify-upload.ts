import type { S3Event, S3EventRecord } from 'aws-lambda';
import { claimVerification, getAttachment, markReady, markRejected } from '#adapters/attachments-repo';
import { copyObject, deleteObject, digest, sizeOf } from '#adapters/media-store';
import { logger } from '#shared/logger';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';
import { verifyUpload } from '#use-cases/attachments/verify-upload';

const ports = {
  attachments: { claimVerification, getAttachment, markReady, markRejected },
  media: { copyObject, deleteObject, digest, sizeOf },
  clock: () => new Date(),
};

/** S3 keys arrive URL-encoded, with + for spaces. */
const keyOf = (r: S3EventRecord) => decodeURIComponent(r.s3.object.key.replace(/\+/g, ' '));

export const handler = workerHandler(workers.verifyUpload, async (event: S3Event): Promise<void> => {
  for (const record of event.Records) {
    if (!record.eventName.startsWith('ObjectCreated:')) continue;
    const key = keyOf(record);
    const verdict = await verifyUpload(ports, { object: { key, versionId: record.s3.object.versionId, eTag: record.s3.object.eTag }, arrivedAt: record.eventTime });
    logger.info('upload verified', { key, verdict: verdict.kind, ...(verdict.kind === 'rejected' ? { reason: verdict.reason } : {}) });
    if (verdict.kind === 'ready') count(BUSINESS_METRICS.uploadsVerified);
    if (verdict.kind === 'rejected') count(BUSINESS_METRICS.uploadsRejected);
  }
});
