/** Preferences: what an account sets about itself. Part of the route table (shared/routes.ts). */
import { route, schemasFrom, type RouteSpec } from '../route-spec.ts';

const inputs = schemasFrom(() => import('#domain/preferences-input'));

const LANGUAGE =
  'The language of every e-mail to the account, including those sent later by workers and the notification workflow (an API answer follows each ' +
  "request's Accept-Language instead). Until the account chooses one, it is the language given at sign-up (the `locale` attribute), else that of its first request.";

export const routes = {
  getMyPreferences: route({
    operationId: 'getMyPreferences', method: 'GET', path: '/me/preferences', entry: 'preferences/get-preferences.ts', access: 'signed-in',
    tag: 'Preferences', summary: "The caller's preferences",
    description: `${LANGUAGE} The first read records that default (\`chosen\` false); it never changes a language already recorded.`,
    responses: { 200: { description: 'The preferences', schema: (v) => v.Preferences } },
    problems: [], table: 'write',
  }),
  putMyPreferences: route({
    operationId: 'putMyPreferences', method: 'PUT', path: '/me/preferences', entry: 'preferences/put-preferences.ts', access: 'signed-in',
    tag: 'Preferences', summary: "Set the caller's preferences",
    description: `${LANGUAGE} Replaces them whole; idempotent.`,
    schemas: inputs((i) => ({ body: i.PreferencesInput })),
    responses: { 200: { description: 'The preferences as stored', schema: (v) => v.Preferences } },
    problems: [], table: 'write',
  }),
} satisfies Record<string, RouteSpec>;
