/**
 * Optimistic concurrency: If-Match against a stored version, and the one answer for a write that lost to a
 * concurrent change. '*' and no header match any version.
 */
import { AppError, thing, type Thing } from './errors.ts';

export type IfMatch = number | '*' | undefined;

/** 412 when If-Match names a version and the stored one (or its absence) differs. */
export function assertVersion(ifMatch: IfMatch, version: number | undefined, what: Thing): void {
  if (typeof ifMatch !== 'number' || ifMatch === version) return;
  throw new AppError(
    'precondition-failed',
    version === undefined ? { key: 'detail.version-absent', params: { thing: thing(what) } } : { key: 'detail.version-mismatch', params: { thing: thing(what), version } },
  );
}

/** A conditional write failed because someone changed the resource after it was read: read it again. */
export const changedMeanwhile = (what: Thing): AppError => new AppError('precondition-failed', { key: 'detail.changed-meanwhile', params: { thing: thing(what) } });
