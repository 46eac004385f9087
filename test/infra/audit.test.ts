/**
 * The audit trail is write-once: every function that may write the table carries an explicit Deny of updates and
 * deletes on the audit entries' leading keys (AUDIT#...), and the functions that only read have no write at all.
 */
import { describe, expect, it } from 'vitest';
import { AUDIT_KEY_PREFIX } from '../../functions/adapters/table-design.ts';
import { AUDIT_DENIED_ACTIONS } from '../../lib/constructs/function.ts';
import { actionsOf, backendFunctions, ofType, statementsOfFunction, type Statement, STAGES, useStages } from './synth.ts';

const synths = useStages();
const WRITES = ['dynamodb:PutItem', 'dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLInsert', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete'];

type Full = Statement & { Sid?: string; Condition?: Record<string, Record<string, unknown>> };

describe.each(STAGES)('the audit trail (%s)', (stage) => {
  it('denies every function with table write access UpdateItem and DeleteItem (and batch / PartiQL writes) on AUDIT# leading keys', () => {
    const s = synths[stage];
    const [tableId] = ofType(s.resources, 'AWS::DynamoDB::Table')[0]!;
    const { routes, workers } = backendFunctions(s);
    let writers = 0;
    for (const [name, fnId] of [...routes, ...workers]) {
      const statements = statementsOfFunction(s.resources, fnId) as Full[];
      const writes = statements.filter((st) => st.Effect === 'Allow' && actionsOf(st).some((a) => WRITES.includes(a) || a === 'dynamodb:*'));
      const denies = statements.filter((st) => st.Effect === 'Deny' && actionsOf(st).some((a) => a.startsWith('dynamodb:')));
      if (writes.length === 0) {
        expect(denies, name).toEqual([]);
        continue;
      }
      writers++;
      expect(denies, name).toHaveLength(1);
      const deny = denies[0]!;
      expect([...actionsOf(deny)].sort(), name).toEqual([...AUDIT_DENIED_ACTIONS].sort());
      for (const action of ['dynamodb:UpdateItem', 'dynamodb:DeleteItem']) expect(actionsOf(deny), name).toContain(action);
      expect(deny.Resource, name).toEqual({ 'Fn::GetAtt': [tableId, 'Arn'] });
      // The condition names the audit prefix, and matches as soon as any leading key of the request is an audit key.
      expect(deny.Condition, name).toEqual({ 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_KEY_PREFIX}*`] } });
      // Every write the function is allowed on the table, the deny covers where it changes or removes an item.
      for (const w of writes.flatMap(actionsOf).filter((a) => a !== 'dynamodb:PutItem' && WRITES.includes(a))) expect(actionsOf(deny), `${name}: ${w}`).toContain(w);
    }
    expect(writers).toBeGreaterThan(10);
  });

  it('keys the audit entries under that prefix, so the deny covers exactly them', async () => {
    const { keys } = await import('../../functions/adapters/table-design.ts');
    expect(keys.auditEntry('2024', 7)).toEqual({ pk: `${AUDIT_KEY_PREFIX}2024`, sk: '0000000007' });
    for (const other of [keys.edition('2024'), keys.case('01H'), keys.run('2024', 'r'), keys.mail('m'), keys.applicantCases('s', '2024')]) {
      expect(other.pk.startsWith(AUDIT_KEY_PREFIX)).toBe(false);
    }
  });
});
