/**
 * The committee's routes against a mocked user pool and table: an invitation creates the account (or finds it) and adds
 * it to the reviewers group, the list pages through the group with each reviewer's load, and a removal takes the
 * account out of the group. Only organisers may call them.
 */
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { mockClient } from 'aws-sdk-client-mock';
import { DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import {
  AdminAddUserToGroupCommand,
  AdminCreateUserCommand,
  AdminGetUserCommand,
  AdminListGroupsForUserCommand,
  AdminRemoveUserFromGroupCommand,
  CognitoIdentityProviderClient,
  ListUsersInGroupCommand,
  TooManyRequestsException,
  UserNotFoundException,
  UsernameExistsException,
} from '@aws-sdk/client-cognito-identity-provider';
import { keys } from '#adapters/table-design';
import { routes } from '#shared/routes';
import { edition2024 } from '../../support/editions.ts';
import { apiEvent, invoke, type Who } from '../../support/api-event.ts';
import { ann, NOW, org } from './fixtures.ts';

// The deployed configuration (lib/constructs/function.ts, bindDirectory), before the handlers read it at start-up.
const POOL = vi.hoisted(() => {
  const pool = 'eu-west-1_UnitPool';
  Object.assign(process.env, { DIRECTORY: 'cognito', USER_POOL_ID: pool });
  return pool;
});
afterAll(() => {
  delete process.env.DIRECTORY;
  delete process.env.USER_POOL_ID;
});

const { handler: invite } = await import('../../../functions/committee/invite-reviewer.ts');
const { handler: list } = await import('../../../functions/committee/list-committee.ts');
const { handler: remove } = await import('../../../functions/committee/remove-reviewer.ts');

const cognito = mockClient(CognitoIdentityProviderClient);
const ddb = mockClient(DynamoDBDocumentClient);

const SUB = '7a0b2c3d-1111-4222-8333-444455556666';
const meta = { $metadata: { httpStatusCode: 400 } };
const attributes = (over: Record<string, string> = {}) =>
  Object.entries({ sub: SUB, email: 'li.wei@example.org', email_verified: 'true', name: 'Li Wei', locale: 'zh-CN', ...over }).map(([Name, Value]) => ({ Name, Value }));

/** The editions partition (open 2024, released 2023) and the reviewer's assignments in each. */
function tableWith(assignments: { editionId: string; reviewedAt?: string }[] = []) {
  ddb.on(QueryCommand, { ExpressionAttributeValues: { ':pk': keys.editionsPartition } }).resolves({
    Items: [
      { ...keys.edition('2024'), type: 'edition', ...edition2024 },
      { ...keys.edition('2023'), type: 'edition', ...edition2024, editionId: '2023', releasedAt: '2023-12-01T00:00:00.000Z' },
    ],
  });
  ddb.on(QueryCommand, { ExpressionAttributeValues: { ':pk': keys.reviewerPartition(SUB) } }).resolves({
    Items: assignments.map((a, i) => ({ ...keys.reviewer(`01HZX3N4QK7M2XG5V6R9T0BC0${i}`, SUB), type: 'reviewer', caseId: `01HZX3N4QK7M2XG5V6R9T0BC0${i}`, sub: SUB, state: 'assigned', assignedAt: NOW.toISOString(), assignedBy: 'olga', ...a })),
  });
}

beforeEach(() => {
  cognito.reset();
  ddb.reset();
  vi.useFakeTimers({ toFake: ['Date'], now: NOW });
  return () => vi.useRealTimers();
});

const post = (body: unknown, who: Who = org) => invoke(invite, apiEvent(routes.inviteReviewer, { who, body }));
const get = (query: Record<string, string> = {}, who: Who = org) => invoke(list, apiEvent(routes.listCommittee, { who, query }));
const del = (sub: string, who: Who = org) => invoke(remove, apiEvent(routes.removeReviewer, { who, path: `/reviewers/${sub}` }));

describe('POST /reviewers', () => {
  it('creates the account with an invitation in its language, then adds it to the reviewers group (201)', async () => {
    tableWith();
    cognito.on(AdminCreateUserCommand).resolves({ User: { Username: SUB, Attributes: attributes(), UserStatus: 'FORCE_CHANGE_PASSWORD' } });
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    const res = await post({ email: 'Li.Wei@Example.org', name: 'Li Wei', locale: 'zh-CN' });

    expect(res.status).toBe(201);
    expect(res.json).toEqual({ sub: SUB, email: 'li.wei@example.org', name: 'Li Wei', status: 'invited', load: { assigned: 0, reviewed: 0 } });
    expect(cognito).toHaveReceivedCommandWith(AdminCreateUserCommand, {
      UserPoolId: POOL,
      Username: 'li.wei@example.org',
      DesiredDeliveryMediums: ['EMAIL'],
      UserAttributes: [
        { Name: 'email', Value: 'li.wei@example.org' },
        { Name: 'email_verified', Value: 'true' },
        { Name: 'name', Value: 'Li Wei' },
        { Name: 'locale', Value: 'zh-CN' },
      ],
    });
    expect(cognito).toHaveReceivedCommandWith(AdminAddUserToGroupCommand, { UserPoolId: POOL, Username: SUB, GroupName: 'reviewers' });
  });

  it('adds an existing account to the group without a second invitation (200), with its load over unreleased editions', async () => {
    tableWith([{ editionId: '2024', reviewedAt: NOW.toISOString() }, { editionId: '2024' }, { editionId: '2023', reviewedAt: NOW.toISOString() }]);
    cognito.on(AdminCreateUserCommand).rejects(new UsernameExistsException({ message: 'An account with the given email already exists.', ...meta }));
    cognito.on(AdminGetUserCommand).resolves({ Username: SUB, UserAttributes: attributes(), UserStatus: 'CONFIRMED' });
    cognito.on(AdminAddUserToGroupCommand).resolves({});

    const res = await post({ email: 'li.wei@example.org', name: 'Someone Else', locale: 'en' });

    expect(res.status).toBe(200);
    expect(res.json).toEqual({ sub: SUB, email: 'li.wei@example.org', name: 'Li Wei', status: 'active', load: { assigned: 2, reviewed: 1 } });
    expect(cognito).toHaveReceivedCommandTimes(AdminCreateUserCommand, 1);
    expect(cognito).toHaveReceivedCommandWith(AdminGetUserCommand, { UserPoolId: POOL, Username: 'li.wei@example.org' });
    expect(cognito).toHaveReceivedCommandWith(AdminAddUserToGroupCommand, { Username: SUB, GroupName: 'reviewers' });
  });

  it('answers 429 when the user pool throttles beyond the retries, and adds no one', async () => {
    cognito.on(AdminCreateUserCommand).rejects(new TooManyRequestsException({ message: 'Too many requests', ...meta }));
    const res = await post({ email: 'li.wei@example.org', name: 'Li Wei', locale: 'en' });
    expect(res.status).toBe(429);
    expect(res.json).toMatchObject({ code: 'rate-limited' });
    expect(cognito).not.toHaveReceivedCommand(AdminAddUserToGroupCommand);
  });

  it('refuses an address that is not one, before calling the pool', async () => {
    const res = await post({ email: 'not-an-address', name: 'Li Wei', locale: 'en' });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'validation-failed', errors: [expect.objectContaining({ path: 'email' })] });
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('GET /reviewers', () => {
  it('pages through the group with a signed cursor over Cognito\'s NextToken, at most 60 a page', async () => {
    tableWith([{ editionId: '2024' }]);
    cognito
      .on(ListUsersInGroupCommand, { NextToken: undefined })
      .resolves({ Users: [{ Username: SUB, Attributes: attributes(), UserStatus: 'FORCE_CHANGE_PASSWORD' }], NextToken: 'cognito-token-1' })
      .on(ListUsersInGroupCommand, { NextToken: 'cognito-token-1' })
      .resolves({ Users: [] });

    const first = await get({ limit: '100' });
    expect(first.status).toBe(200);
    expect(first.json!.items).toEqual([{ sub: SUB, email: 'li.wei@example.org', name: 'Li Wei', status: 'invited', load: { assigned: 1, reviewed: 0 } }]);
    expect(cognito).toHaveReceivedNthCommandWith(ListUsersInGroupCommand, 1, { UserPoolId: POOL, GroupName: 'reviewers', Limit: 60 });
    const cursor = first.json!.nextCursor as string;
    expect(cursor).not.toContain('cognito-token-1');

    const second = await get({ cursor, limit: '10' });
    expect(second.json).toEqual({ items: [], nextCursor: null });
    expect(cognito).toHaveReceivedNthCommandWith(ListUsersInGroupCommand, 2, { NextToken: 'cognito-token-1', Limit: 10 });
  });

  it('refuses a cursor it did not issue (400), without calling the pool', async () => {
    const forged = `${Buffer.from(JSON.stringify({ t: 'cognito-token-1' })).toString('base64url')}.forged`;
    const res = await get({ cursor: forged });
    expect(res.status).toBe(400);
    expect(res.json).toMatchObject({ code: 'validation-failed', errors: [expect.objectContaining({ path: 'query.cursor' })] });
    expect(cognito.calls()).toHaveLength(0);
  });
});

describe('DELETE /reviewers/{sub}', () => {
  it('takes a reviewer out of the group (204)', async () => {
    cognito.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'organisers' }, { GroupName: 'reviewers' }] });
    cognito.on(AdminRemoveUserFromGroupCommand).resolves({});
    const res = await del(SUB);
    expect(res.status).toBe(204);
    expect(cognito).toHaveReceivedCommandWith(AdminRemoveUserFromGroupCommand, { UserPoolId: POOL, Username: SUB, GroupName: 'reviewers' });
  });

  it('answers 404 for an account that is not a reviewer, or no account at all', async () => {
    cognito.on(AdminListGroupsForUserCommand, { Username: SUB }).resolves({ Groups: [{ GroupName: 'organisers' }] });
    cognito.on(AdminListGroupsForUserCommand, { Username: 'nobody' }).rejects(new UserNotFoundException({ message: 'User does not exist.', ...meta }));
    for (const sub of [SUB, 'nobody']) {
      const res = await del(sub);
      expect(res.status, sub).toBe(404);
      expect(res.json, sub).toMatchObject({ code: 'not-found' });
    }
    expect(cognito).not.toHaveReceivedCommand(AdminRemoveUserFromGroupCommand);
  });
});

describe('who may manage the committee', () => {
  const reviewer = { sub: SUB, groups: ['reviewers'] };
  const calls = (who: Who | undefined) => [
    invoke(invite, apiEvent(routes.inviteReviewer, { ...(who ? { who } : {}), body: { email: 'x@example.org', name: 'X', locale: 'en' } })),
    invoke(list, apiEvent(routes.listCommittee, who ? { who } : {})),
    invoke(remove, apiEvent(routes.removeReviewer, { ...(who ? { who } : {}), path: `/reviewers/${SUB}` })),
  ];

  it.each([
    ['an applicant', ann],
    ['a reviewer', reviewer],
  ])('not %s (403 on every route, nothing read or changed)', async (_name, who) => {
    for (const res of await Promise.all(calls(who))) {
      expect(res.status).toBe(403);
      expect(res.json).toMatchObject({ code: 'forbidden' });
    }
    expect(cognito.calls()).toHaveLength(0);
    expect(ddb.calls()).toHaveLength(0);
  });

  it('nobody signed out (401)', async () => {
    for (const res of await Promise.all(calls(undefined))) expect(res.status).toBe(401);
    expect(cognito.calls()).toHaveLength(0);
  });
});
