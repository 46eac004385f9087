/**
 * The committee's routes on AWS: each function gets the user pool's id and exactly the cognito-idp actions of what it
 * does (an invitation, the list, a removal), on the stage's pool only; no other function gets any.
 */
import { describe, expect, it } from 'vitest';
import { routes } from '../../functions/shared/routes.ts';
import { DIRECTORY_ACTIONS } from '../../lib/constructs/function.ts';
import { actionsOf, backendFunctions, logicalIdOf, STAGES, statementsOfFunction, useStages } from './synth.ts';

const synths = useStages();

const EXPECTED = {
  inviteReviewer: ['cognito-idp:AdminAddUserToGroup', 'cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser'],
  listCommittee: ['cognito-idp:ListUsersInGroup'],
  removeReviewer: ['cognito-idp:AdminListGroupsForUser', 'cognito-idp:AdminRemoveUserFromGroup'],
} as const;

describe.each(STAGES)('%s: the committee', (stage) => {
  it('declares what each committee route does with the accounts', () => {
    expect(routes.inviteReviewer.directory).toBe('invite');
    expect(routes.listCommittee.directory).toBe('list');
    expect(routes.removeReviewer.directory).toBe('remove');
    expect(Object.values(DIRECTORY_ACTIONS).flat().some((a) => /Delete|Disable|Update|SetUser|\*/.test(a))).toBe(false);
  });

  it('grants each committee function its cognito-idp actions on the stage\'s user pool, and sets DIRECTORY and USER_POOL_ID', () => {
    const s = synths[stage];
    const pool = logicalIdOf(s, s.stack.auth.userPool);
    const { routes: fns } = backendFunctions(s);
    for (const [operationId, expected] of Object.entries(EXPECTED)) {
      const fnId = fns.get(operationId)!;
      const cognito = statementsOfFunction(s.resources, fnId).filter((st) => actionsOf(st).some((a) => a.startsWith('cognito-idp:')));
      expect(cognito, operationId).toHaveLength(1);
      expect(cognito[0]!.Effect, operationId).toBe('Allow');
      expect([...actionsOf(cognito[0]!)].sort(), operationId).toEqual(expected);
      expect(cognito[0]!.Resource, operationId).toEqual({ 'Fn::GetAtt': [pool, 'Arn'] });
      const env = (s.resources[fnId]?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
      expect(env.DIRECTORY, operationId).toBe('cognito');
      expect(env.USER_POOL_ID, operationId).toEqual({ Ref: pool });
    }
  });

  it('gives no other function any user pool action or its id', () => {
    const s = synths[stage];
    const { routes: fns, workers } = backendFunctions(s);
    for (const [name, fnId] of [...fns, ...workers]) {
      if (name in EXPECTED) continue;
      const actions = statementsOfFunction(s.resources, fnId).flatMap(actionsOf);
      expect(actions.filter((a) => a.startsWith('cognito-idp:')), name).toEqual([]);
      const env = (s.resources[fnId]?.Properties?.Environment as { Variables?: Record<string, unknown> }).Variables ?? {};
      expect(env.USER_POOL_ID, name).toBeUndefined();
    }
  });
});
