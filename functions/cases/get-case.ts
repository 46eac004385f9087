import { caseView, viewerOf } from '#domain/case';
import { notFound } from '#domain/errors';
import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

export const handler = httpHandler(routes.getCase, async ({ params, caller, now }) => {
  const record = await getCase(params.caseId);
  const viewer = record && viewerOf(record, caller);
  if (!record || !viewer) throw notFound('The case');
  const edition = await getEdition(record.editionId);
  if (!edition) throw new Error(`Case ${record.caseId} refers to a missing edition ${record.editionId}`);
  return { status: 200, body: caseView(record, edition, viewer, now), version: record.version };
});
