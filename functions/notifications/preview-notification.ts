import { AppError, notFound } from '#domain/errors';
import { isSelected, selectionNotice } from '#domain/notification';
import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { assertNotOwner } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/**
 * Exactly what the workflow would send to this case's owner: the same template, the same data. It tells the
 * decision, so the owner cannot preview it even as an organiser (403).
 */
export const handler = httpHandler(routes.previewNotification, async ({ params, query, caller }) => {
  const [edition, c] = await Promise.all([getEdition(params.editionId), getCase(query.caseId)]);
  if (!edition) throw notFound('The edition');
  if (!c || c.editionId !== params.editionId) throw notFound('The case');
  assertNotOwner(c, caller);
  if (c.status !== 'submitted' || !isSelected(c.decision)) {
    throw new AppError('conflict', 'Only the owners of submitted cases decided outstanding or collection are notified.');
  }
  return { status: 200, body: selectionNotice(c, edition) };
});
