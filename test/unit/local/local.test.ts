import { describe, expect, it } from 'vitest';
import { LOOPBACK, reachableHost } from '../../../lib/local/server.ts';
import { listeningAddresses } from '../../support/listeners.ts';
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

describe('local listeners', () => {
  it('bind the SES stand-in and the local Step Functions to 127.0.0.1 by default, and to HOST when given', async () => {
    const { startFakeSes } = await import('../../../lib/local/ses.ts');
    const { startLocalStepFunctions } = await import('../../../lib/local/stepfunctions.ts');
    const load = async () => async () => ({});
    const ses = await startFakeSes();
    const flows = await startLocalStepFunctions({ maxConcurrency: 1, load });
    const anywhere = await startFakeSes({ host: '0.0.0.0' });
    try {
      expect(new URL(ses.endpoint).hostname).toBe('127.0.0.1');
      expect(new URL(flows.endpoint).hostname).toBe('127.0.0.1');
      // Bound to 127.0.0.1 they listen on loopback only; bound to 0.0.0.0, on every interface.
      for (const endpoint of [ses.endpoint, flows.endpoint]) expect(listeningAddresses(Number(new URL(endpoint).port)), endpoint).toEqual(['127.0.0.1']);
      expect(listeningAddresses(Number(new URL(anywhere.endpoint).port))).toEqual(['0.0.0.0']);
    } finally {
      await Promise.all([ses.stop(), flows.stop(), anywhere.stop()]);
    }
  });

  it('derives the address clients connect to from the bind address', () => {
    expect(reachableHost('127.0.0.1')).toBe('127.0.0.1');
    expect(reachableHost('0.0.0.0')).toBe('127.0.0.1');
    expect(reachableHost('::')).toBe('127.0.0.1');
    expect(reachableHost('192.0.2.2')).toBe('192.0.2.2');
    expect(reachableHost('fd00::2')).toBe('[fd00::2]');
    expect(LOOPBACK).toBe('127.0.0.1');
  });
});
