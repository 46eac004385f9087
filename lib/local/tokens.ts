/**
 * Local bearer tokens: HS256 JWTs carrying the claims a Cognito ID token carries (sub, email,
 * cognito:groups). Signed with a secret that only the local server knows, so they are accepted only there.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as z from 'zod';

export const TokenRequest = z.strictObject({
  sub: z.string().regex(/^[A-Za-z0-9._@:+-]{1,128}$/, 'letters, digits and . _ @ : + - (at most 128)'),
  email: z.email().max(254),
  groups: z.array(z.enum(['organisers', 'reviewers'])).max(2).default([]),
  /** The account's `locale` attribute, as Cognito keeps what the user signed up with (a language tag, e.g. zh-CN). */
  locale: z.string().regex(/^[A-Za-z]{1,8}(?:[-_][A-Za-z0-9]{1,8})*$/, 'a language tag such as en or zh-CN').max(35).optional(),
});
export type TokenRequest = z.infer<typeof TokenRequest>;

export interface Claims {
  sub: string;
  email: string;
  'cognito:groups': string[];
  locale?: string;
  token_use: 'id';
  iss: string;
  iat: number;
  exp: number;
}

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const TOKEN_LIFETIME_S = 12 * 3600;

/** The signing secret, kept in the data directory so tokens outlive a restart. */
export function loadSecret(file?: string): Buffer {
  if (!file) return randomBytes(32);
  if (existsSync(file)) return readFileSync(file);
  mkdirSync(dirname(file), { recursive: true });
  const secret = randomBytes(32);
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function signToken(req: TokenRequest, secret: Buffer, now = Date.now()): string {
  const iat = Math.floor(now / 1000);
  const claims: Claims = {
    sub: req.sub,
    email: req.email,
    'cognito:groups': req.groups,
    ...(req.locale ? { locale: req.locale } : {}),
    token_use: 'id',
    iss: 'local',
    iat,
    exp: iat + TOKEN_LIFETIME_S,
  };
  const unsigned = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64(claims)}`;
  return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
}

/** The claims of a valid, unexpired token, or undefined. */
export function verifyToken(token: string, secret: Buffer, now = Date.now()): Claims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  const expected = createHmac('sha256', secret).update(`${parts[0]}.${parts[1]}`).digest();
  const given = Buffer.from(parts[2]!, 'base64url');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  try {
    const claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as Claims;
    if (typeof claims.sub !== 'string' || typeof claims.exp !== 'number' || claims.exp * 1000 <= now) return undefined;
    return claims;
  } catch {
    return undefined;
  }
}

/** As API Gateway's Cognito authorizer passes them to the function: every claim a string. */
export function authorizerClaims(c: Claims): Record<string, string> {
  return {
    sub: c.sub,
    email: c.email,
    email_verified: 'true',
    ...(c['cognito:groups'].length ? { 'cognito:groups': c['cognito:groups'].join(',') } : {}),
    ...(c.locale ? { locale: c.locale } : {}),
    token_use: c.token_use,
    iss: c.iss,
    iat: String(c.iat),
    exp: String(c.exp),
  };
}
