import { rememberFirstLocale } from '#adapters/preferences-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/preferences';
import { getMyPreferences } from '#use-cases/preferences/preferences';

const ports = { preferences: { rememberFirstLocale } };

export const handler = httpHandler(routes.getMyPreferences, async ({ caller, locale, now }) => ({
  status: 200,
  body: await getMyPreferences(ports, { caller, locale, now }),
}));
