import type { EditionRecord } from '#domain/edition';
import { AppError, notFound } from '#domain/errors';
import { getEdition, putExtension } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/** Why the edition takes no extension now, or undefined when it does. */
function refusalOf(edition: EditionRecord | undefined): AppError | undefined {
  if (!edition) return notFound('The edition');
  if (edition.releasedAt) return new AppError('conflict', 'The results are released; extensions no longer apply.');
  // An extension after a decision would let an owner rewrite a case that was decided on.
  if (edition.decisionsFrom) return new AppError('conflict', `Decisions have been recorded for this edition since ${edition.decisionsFrom}; extensions are no longer granted.`);
  return undefined;
}

/**
 * Gives one applicant a later deadline, with a reason; written to the audit trail in the same transaction,
 * whose condition re-checks the edition (not released, no decision recorded) so that a decision recorded
 * meanwhile still refuses it.
 */
export const handler = httpHandler(routes.putExtension, async ({ params, body, caller, now }) => {
  const edition = await getEdition(params.editionId);
  const refused = refusalOf(edition);
  if (refused) throw refused;
  const extension = { editionId: params.editionId, sub: params.sub, deadline: body.deadline, reason: body.reason, grantedBy: caller.sub, grantedAt: now.toISOString() };
  if ((await putExtension(extension)) !== 'ok') {
    throw refusalOf(await getEdition(params.editionId)) ?? new AppError('conflict', 'The edition changed meanwhile; read it again.');
  }
  return { status: 200, body: extension };
});
