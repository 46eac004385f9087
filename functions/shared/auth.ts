import type { APIGatewayProxyEvent } from 'aws-lambda';
import type { Caller } from '#domain/caller';
import { localeOfTag } from '#domain/i18n/negotiate';
import { GROUPS, type Group } from '#domain/vocabulary';

/**
 * Cognito's REST authorizer passes `cognito:groups` as a string: "organisers" for one group and
 * "[organisers reviewers]" or "organisers,reviewers" for several. Accept each form, and a real array.
 */
export function parseGroups(raw: unknown): Group[] {
  const parts = Array.isArray(raw)
    ? raw.map(String)
    : typeof raw === 'string'
      ? raw.replace(/^\[|\]$/g, '').split(/[\s,]+/)
      : [];
  return parts.filter((g): g is Group => (GROUPS as readonly string[]).includes(g));
}

/** The caller from the authorizer's claims, or undefined when the request carries none. */
export function callerFrom(event: APIGatewayProxyEvent): Caller | undefined {
  const claims = event.requestContext?.authorizer?.claims as Record<string, unknown> | undefined;
  const sub = claims?.sub;
  if (typeof sub !== 'string' || sub.length === 0) return undefined;
  const locale = typeof claims?.locale === 'string' ? localeOfTag(claims.locale) : undefined;
  return { sub, email: typeof claims?.email === 'string' ? claims.email : '', groups: parseGroups(claims?.['cognito:groups']), ...(locale ? { locale } : {}) };
}
