/**
 * The app's API client: the generated one (api/client.ts) with what every call needs — the bearer, the page's language
 * (`Accept-Language`: the API answers problems and readiness in it), the expired session (401) and the lost network —
 * and the words to show for a failed call.
 */
import type { Middleware } from 'openapi-fetch';
import { ApiProblem, createApiClient, type ApiClient } from '../api/client';
import type { Locale, Translate } from '../i18n/i18n';
import { setOnline } from './online';

export interface ApiHooks {
  token: () => string | undefined;
  locale: () => Locale;
  /** The token was refused (expired, or signed by a server that no longer knows it): sign in again. */
  unauthorized: () => void;
}

export function createAppApi(apiUrl: string, hooks: ApiHooks): ApiClient {
  const api = createApiClient({ baseUrl: apiUrl, token: hooks.token });
  const page: Middleware = {
    onRequest({ request }) {
      request.headers.set('Accept-Language', hooks.locale());
      return request;
    },
    onResponse({ response }) {
      setOnline(true);
      if (response.status === 401) hooks.unauthorized();
      return response;
    },
    onError({ error }) {
      // fetch rejects with a TypeError when no answer came at all: no network, or the server is down.
      if (error instanceof TypeError) setOnline(false);
    },
  };
  api.use(page);
  return api;
}

/** API Gateway's own answers (a missing token, throttling) are English, their other languages in `translations`. */
interface Translated {
  translations?: Record<string, { title?: string; detail?: string }>;
}

/** What to tell the person about a failed call, in their language (the API already answered in it). */
export function failureText(error: unknown, t: Translate, locale: Locale): string {
  if (error instanceof ApiProblem) {
    if (!error.problem) return t('error.unexpected', { status: error.status });
    const own = (error.problem as Translated).translations?.[locale];
    return own?.detail ?? own?.title ?? error.problem.detail ?? error.problem.title;
  }
  if (error instanceof TypeError) return t(navigator.onLine ? 'error.network' : 'error.offline');
  return error instanceof Error ? error.message : String(error);
}

/** The problem's code (`deadline-passed`, `precondition-failed` …), whatever the language. */
export const problemCode = (error: unknown): string | undefined => (error instanceof ApiProblem ? error.problem?.code : undefined);

/** The field problems of a 400 or 422, by path (`countries`, `contact.email`, `partners.1.country`). */
export const fieldProblems = (error: unknown): { path: string; code: string; message: string }[] =>
  error instanceof ApiProblem ? (error.problem?.errors ?? []) : [];
