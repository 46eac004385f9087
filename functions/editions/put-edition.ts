import { newEdition, updatedEdition } from '#domain/edition';
import { editionView } from '#shared/views/edition';
import { AppError } from '#domain/errors';
import { createEdition, getEdition, replaceEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

const ATTEMPTS = 3;

/**
 * Primary course:
 * 1. Read the edition.
 * 2. Absent: create it (201). Present: refuse if released (409) or if If-Match names another version (412),
 *    else replace it conditioned on the version read (200). Either write carries its audit entry.
 * 3. A concurrent writer between read and write: with If-Match that is a 412; without, read again and retry.
 */
export const handler = httpHandler(routes.putEdition, async ({ params, body, caller, ifMatch, now }) => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const current = await getEdition(params.editionId);
    if (!current) {
      if (typeof ifMatch === 'number') throw new AppError('precondition-failed', 'The edition does not exist yet; send no If-Match to create it.');
      const created = newEdition(params.editionId, body, now);
      if (await createEdition(created, caller.sub)) return { status: 201, body: editionView(created, now), version: created.version };
      continue;
    }
    if (current.releasedAt) throw new AppError('conflict', 'The results of this edition are released; it can no longer change.');
    if (typeof ifMatch === 'number' && ifMatch !== current.version) {
      throw new AppError('precondition-failed', `The edition is at version ${current.version}.`);
    }
    const next = updatedEdition(current, body, now);
    if (await replaceEdition(next, current.version, caller.sub)) return { status: 200, body: editionView(next, now), version: next.version };
    if (typeof ifMatch === 'number') throw new AppError('precondition-failed', 'The edition changed while you were editing it.');
  }
  throw new AppError('conflict', 'The edition is being changed by someone else; try again.');
});
