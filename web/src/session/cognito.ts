/**
 * Cognito's managed login: authorization code flow with PKCE through oidc-client-ts, which keeps the user in this
 * tab's sessionStorage. The ID token is the bearer (API Gateway's Cognito authorizer takes ID tokens). Loaded only
 * when config.json says auth.kind "cognito", so the local app does not carry it.
 */
import { UserManager } from 'oidc-client-ts';
import type { CognitoAuth } from '../config';
import { CALLBACK_PATH, sessionOf, stillValid, type Session } from './session';

const managers = new Map<string, UserManager>();

function manager(auth: CognitoAuth): UserManager {
  let found = managers.get(auth.clientId);
  if (!found) {
    found = new UserManager({
      // The user pool's issuer publishes the discovery document; its endpoints are the managed login domain's.
      authority: `https://cognito-idp.${auth.region}.amazonaws.com/${auth.userPoolId}`,
      client_id: auth.clientId,
      redirect_uri: `${location.origin}${CALLBACK_PATH}`,
      response_type: 'code',
      scope: 'openid email profile',
    });
    managers.set(auth.clientId, found);
  }
  return found;
}

export async function restoreCognito(auth: CognitoAuth): Promise<Session | undefined> {
  const user = await manager(auth).getUser();
  return stillValid(user?.id_token ? sessionOf(user.id_token) : undefined);
}

export const startCognitoSignIn = (auth: CognitoAuth): Promise<void> => manager(auth).signinRedirect();

/** Finishes the redirect back to /callback: the session, or an Error to show. */
export async function completeCognitoSignIn(auth: CognitoAuth): Promise<Session> {
  const user = await manager(auth).signinCallback();
  const session = user?.id_token ? sessionOf(user.id_token) : undefined;
  if (!session) throw new Error('no ID token');
  return session;
}

/** Forgets the user in this tab (an expired session), leaving the managed login's own session. */
export const forgetCognito = (auth: CognitoAuth): Promise<void> => manager(auth).removeUser();

export async function signOutCognito(auth: CognitoAuth): Promise<void> {
  await forgetCognito(auth);
  // Cognito's discovery document names no end-session endpoint; its logout, on the login domain, takes client_id and logout_uri
  // (a sign-out URL of the app client).
  location.assign(`${auth.domain}/logout?client_id=${encodeURIComponent(auth.clientId)}&logout_uri=${encodeURIComponent(`${location.origin}/`)}`);
}
