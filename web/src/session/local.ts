/**
 * The local sign-in (`npm start` only, when config.json says auth.kind "local"): the API's POST /local/token signs a
 * token with the claims a Cognito ID token carries (lib/local/tokens.ts), in the groups of the role chosen.
 */
import type { Locale } from '../i18n/i18n';
import { sessionOf, stillValid, type Session } from './session';

const TOKEN_KEY = 'practice-cases.token';

/** The subject's rule, as the local token route checks it (lib/local/tokens.ts). */
export const LOCAL_SUB = /^[A-Za-z0-9._@:+-]{1,128}$/;

export interface LocalSignIn {
  sub: string;
  email: string;
  /** The account's language, as Cognito keeps the one signed up with. */
  locale: Locale;
  role: LocalRole;
}

/** Who one may sign in as locally, and the Cognito groups each is in. */
export const LOCAL_ROLES = { applicant: [], reviewer: ['reviewers'], organiser: ['organisers'] } as const satisfies Record<string, readonly string[]>;
export type LocalRole = keyof typeof LOCAL_ROLES;

/** A token from the local API; a failure is its problem's words (the route answers in the Accept-Language asked). */
export async function signInLocally(apiUrl: string, who: LocalSignIn): Promise<Session> {
  // Not in the OpenAPI document (the route exists only locally), hence plain fetch.
  const response = await fetch(`${apiUrl}/local/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'accept-language': who.locale },
    body: JSON.stringify({ sub: who.sub, email: who.email, groups: LOCAL_ROLES[who.role], locale: who.locale }),
  });
  const body = (await response.json().catch(() => ({}))) as { token?: string; detail?: string; title?: string };
  const session = body.token ? sessionOf(body.token) : undefined;
  if (!response.ok || !session) throw new Error(body.detail ?? body.title ?? `HTTP ${response.status}`);
  sessionStorage.setItem(TOKEN_KEY, session.token);
  return session;
}

export function restoreLocal(): Session | undefined {
  const token = sessionStorage.getItem(TOKEN_KEY);
  const session = stillValid(token ? sessionOf(token) : undefined);
  if (!session) sessionStorage.removeItem(TOKEN_KEY);
  return session;
}

export const signOutLocally = (): void => sessionStorage.removeItem(TOKEN_KEY);
