import { describe, expect, it } from 'vitest';
import { authorizerClaims, signToken, verifyToken } from '../../../lib/local/tokens.ts';
import { compileRoutes } from '../../../lib/local/events.ts';
import { ROUTES, routes } from '#shared/routes';
import { parseGroups } from '#shared/auth';

const secret = Buffer.alloc(32, 7);

describe('local tokens', () => {
  it('verifies its own tokens and carries the Cognito claims as the authorizer passes them', () => {
    const claims = verifyToken(signToken({ sub: 'ann', email: 'ann@example.org', groups: ['organisers', 'reviewers'] }, secret), secret)!;
    expect(claims).toMatchObject({ sub: 'ann', email: 'ann@example.org', 'cognito:groups': ['organisers', 'reviewers'] });
    expect(parseGroups(authorizerClaims(claims)['cognito:groups'])).toEqual(['organisers', 'reviewers']);
  });

  it('refuses a tampered, foreign or expired token', () => {
    const t = signToken({ sub: 'ann', email: 'ann@example.org', groups: [] }, secret, 0);
    expect(verifyToken(t, secret, 0)).toBeDefined();
    expect(verifyToken(t, secret, 13 * 3600 * 1000)).toBeUndefined();
    expect(verifyToken(t, Buffer.alloc(32, 8), 0)).toBeUndefined();
    const [h, , s] = t.split('.');
    const forged = Buffer.from(JSON.stringify({ sub: 'olga', 'cognito:groups': ['organisers'], exp: 9e9 })).toString('base64url');
    expect(verifyToken(`${h}.${forged}.${s}`, secret, 0)).toBeUndefined();
  });
});

describe('route matching', () => {
  const m = compileRoutes(ROUTES);
  it('finds the route and decodes path parameters', () => {
    expect(m.match('GET', '/cases/01HZX3N4QK7M2XG5V6R9T0BCDE')).toMatchObject({ route: routes.getCase, pathParameters: { caseId: '01HZX3N4QK7M2XG5V6R9T0BCDE' } });
    expect(m.match('PATCH', '/cases/abc%20d')).toMatchObject({ route: routes.patchCase, pathParameters: { caseId: 'abc d' } });
  });
  it('tells an unknown path from a known path with another method', () => {
    expect(m.match('GET', '/nope')).toBeUndefined();
    expect(m.match('DELETE', '/editions')).toBe('method-not-allowed');
  });
});
