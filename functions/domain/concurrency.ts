/**
 * Optimistic concurrency: If-Match against a stored version, and the one answer for a write that lost to a
 * concurrent change. '*' and no header match any version.
 */
import { AppError } from './errors.ts';

export type IfMatch = number | '*' | undefined;

/** 412 when If-Match names a version and the stored one (or its absence) differs. `what`: "The case", "Your review". */
export function assertVersion(ifMatch: IfMatch, version: number | undefined, what: string): void {
  if (typeof ifMatch !== 'number' || ifMatch === version) return;
  throw new AppError('precondition-failed', version === undefined ? `${what} does not exist yet; send no If-Match to create it.` : `${what} is at version ${version}.`);
}

/** A conditional write failed because someone changed the resource after it was read: read it again. */
export const changedMeanwhile = (what: string): AppError => new AppError('precondition-failed', `${what} changed meanwhile; read it again.`);
