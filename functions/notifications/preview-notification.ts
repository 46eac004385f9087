import { getCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { getPreferences } from '#adapters/preferences-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/notifications';
import { previewNotification } from '#use-cases/selection/preview-notification';

const ports = { cases: { getCase }, editions: { getEdition }, preferences: { getPreferences } };

export const handler = httpHandler(routes.previewNotification, async ({ params, query, caller }) => {
  const { notice, locale } = await previewNotification(ports, { editionId: params.editionId, caseId: query.caseId, caller, lang: query.lang });
  // The notice's language, not the caller's: Content-Language says which.
  return { status: 200, headers: { 'content-language': locale }, body: notice };
});
