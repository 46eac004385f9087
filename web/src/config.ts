/**
 * The app's runtime configuration, `/config.json` on the app's own origin: written at deploy time by the stack (lib/)
 * and served by the local server. This file is the one declaration of its shape; both import the type (and may use
 * the parser) so that the three agree. It imports nothing, so Node and the browser can both load it.
 *
 *   locally  { "apiUrl": "http://localhost:3000", "auth": { "kind": "local" } }
 *   on AWS   { "apiUrl": "https://<id>.execute-api.<region>.amazonaws.com/dev",
 *              "auth": { "kind": "cognito", "userPoolId": "eu-west-1_abc", "clientId": "…",
 *                        "domain": "https://<prefix>.auth.eu-west-1.amazoncognito.com", "region": "eu-west-1" } }
 */

/** Where the page fetches its configuration. */
export const CONFIG_PATH = '/config.json';

/** The local sign-in: the API's POST /local/token (lib/local/environment.ts), offered only when the config says so. */
export interface LocalAuth {
  kind: 'local';
}

/** Cognito's managed login, authorization code flow with PKCE; the ID token is the API's bearer. */
export interface CognitoAuth {
  kind: 'cognito';
  userPoolId: string;
  /** The app client (public, no secret): its callback URL is `<app origin>/callback`, its sign-out URL `<app origin>/`. */
  clientId: string;
  /** The managed login's base URL, https://<prefix>.auth.<region>.amazoncognito.com or a custom domain (a bare host is taken as https). */
  domain: string;
  region: string;
}

export interface AppConfig {
  /** The API's base URL, stage included, without a trailing slash. */
  apiUrl: string;
  auth: LocalAuth | CognitoAuth;
}

export class ConfigError extends Error {
  constructor(what: string) {
    super(`Invalid ${CONFIG_PATH}: ${what}`);
    this.name = 'ConfigError';
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function text(from: Record<string, unknown>, key: string, where: string): string {
  const value = from[key];
  if (typeof value !== 'string' || value.trim() === '') throw new ConfigError(`${where}${key} must be a non-empty string`);
  return value.trim();
}

function httpUrl(value: string, where: string): string {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new ConfigError(`${where} is not a URL`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(`${where} must be an http(s) URL`);
  return url.href.replace(/\/+$/, '');
}

/** The configuration in `value` (a parsed config.json), or a ConfigError naming the first thing wrong. */
export function parseConfig(value: unknown): AppConfig {
  if (!isRecord(value)) throw new ConfigError('not a JSON object');
  const apiUrl = httpUrl(text(value, 'apiUrl', ''), 'apiUrl');
  const auth = value.auth;
  if (!isRecord(auth)) throw new ConfigError('auth must be an object');
  if (auth.kind === 'local') return { apiUrl, auth: { kind: 'local' } };
  if (auth.kind === 'cognito') {
    return {
      apiUrl,
      auth: {
        kind: 'cognito',
        userPoolId: text(auth, 'userPoolId', 'auth.'),
        clientId: text(auth, 'clientId', 'auth.'),
        domain: httpUrl(text(auth, 'domain', 'auth.'), 'auth.domain'),
        region: text(auth, 'region', 'auth.'),
      },
    };
  }
  throw new ConfigError('auth.kind must be "local" or "cognito"');
}
