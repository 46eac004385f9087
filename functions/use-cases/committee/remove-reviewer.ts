/**
 * Primary course:
 * 1. The account leaves the reviewers group: from their next sign-in they are no longer a reviewer.
 * 2. 404 when the sub is not a reviewer's.
 *
 * Their assignments and reviews stay: the organisers unassign them case by case (or in bulk) while the edition allows.
 * Logged, not audited: the audit trail is per edition, and the committee is not.
 */
import type { Caller } from '#domain/caller';
import { notFound } from '#domain/errors';
import type { Directory, Log } from '../ports.ts';

export async function removeReviewer(ports: { directory: Pick<Directory, 'removeReviewer'>; log: Log }, input: { sub: string; caller: Caller }): Promise<void> {
  if (!(await ports.directory.removeReviewer(input.sub))) throw notFound('reviewer');
  ports.log.info('reviewer removed', { sub: input.sub, by: input.caller.sub });
}
