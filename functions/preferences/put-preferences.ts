import { putPreferences } from '#adapters/preferences-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes/preferences';
import { putMyPreferences } from '#use-cases/preferences/preferences';

const ports = { preferences: { putPreferences } };

export const handler = httpHandler(routes.putMyPreferences, async ({ body, caller, now }) => ({
  status: 200,
  body: await putMyPreferences(ports, { caller, preferences: body, now }),
}));
