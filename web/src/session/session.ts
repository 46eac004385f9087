/**
 * Who is signed in: the ID token the API takes as its bearer, and what the page shows of it. Locally the token comes
 * from the API's POST /local/token and is kept in this tab's sessionStorage; on AWS oidc-client-ts keeps Cognito's
 * (cognito.ts). Either way a closed tab forgets it.
 */
export interface Session {
  token: string;
  /** What the header shows: the e-mail address, else the subject. */
  name: string;
  /** When the token stops being accepted (ms since the epoch). */
  expiresAt: number;
  /** The Cognito groups the token names (`reviewers`, `organisers`): which desks the header offers. The API decides. */
  groups: string[];
}

interface Claims {
  sub?: string;
  email?: string;
  exp?: number;
  /** An array in Cognito's ID tokens (the local tokens too); a comma-separated string where API Gateway passes claims on. */
  'cognito:groups'?: string[] | string;
}

/** The session a JWT gives, or undefined when it cannot be read. The API checks the signature (and the expiry: a device's clock may be wrong). */
export function sessionOf(token: string): Session | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  let claims: Claims;
  try {
    const bytes = Uint8Array.from(atob(payload.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0));
    claims = JSON.parse(new TextDecoder().decode(bytes)) as Claims;
  } catch {
    return undefined;
  }
  const groups = claims['cognito:groups'] ?? [];
  return { token, name: claims.email ?? claims.sub ?? '', expiresAt: (claims.exp ?? 0) * 1000, groups: Array.isArray(groups) ? groups : groups.split(',').filter(Boolean) };
}

/** A kept session that has not expired by this device's clock, worth offering to the API. */
export const stillValid = (session: Session | undefined, now = Date.now()): Session | undefined => (session && session.expiresAt > now ? session : undefined);

/** Where Cognito's managed login sends the browser back (a callback URL of the app client). */
export const CALLBACK_PATH = '/callback';

/** Where the page was when sign-in began, to return to it. */
const RETURN_KEY = 'practice-cases.return-to';

export const rememberReturn = (path: string): void => sessionStorage.setItem(RETURN_KEY, path);

export function takeReturn(): string {
  const path = sessionStorage.getItem(RETURN_KEY) ?? '/';
  sessionStorage.removeItem(RETURN_KEY);
  // Only a path of this app: never an address elsewhere.
  return path.startsWith('/') && !path.startsWith('//') ? path : '/';
}
