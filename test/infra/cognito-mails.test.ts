/**
 * Cognito's own mails in the user's language (issue 15): every pool has the standard `locale` attribute, which the
 * web client may write, and hands every message it mails to the customMessage worker, which only Cognito, for this pool, may invoke.
 */
import { describe, expect, it } from 'vitest';
import { workers } from '../../functions/shared/workers.ts';
import { actionsOf, backendFunctions, ofType, statementsOfFunction, STAGES, type Synth, useStages } from './synth.ts';

const synths = useStages();

type Props = Record<string, unknown>;

const poolOf = (s: Synth): [string, Props] => {
  const pools = ofType(s.resources, 'AWS::Cognito::UserPool');
  expect(pools).toHaveLength(1);
  const [id, pool] = pools[0]!;
  return [id, pool.Properties ?? {}];
};
const customMessageFn = (s: Synth) => backendFunctions(s).workers.get(workers.customMessage.name) ?? '';

describe.each(STAGES)('the %s stack', (stage) => {
  it('keeps the schema as the pool was created: the standard locale attribute needs no entry, and adding one fails a deployed pool', () => {
    const [, pool] = poolOf(synths[stage]);
    expect(pool.Schema).toEqual([{ Name: 'email', Required: true, Mutable: true }]);
  });

  it('lets the web client write the locale at sign-up and later', () => {
    const clients = ofType(synths[stage].resources, 'AWS::Cognito::UserPoolClient');
    expect(clients).toHaveLength(1);
    // No WriteAttributes: every standard attribute is writable; a list would have to name locale.
    const write = clients[0]![1].Properties?.WriteAttributes as string[] | undefined;
    if (write !== undefined) expect(write).toContain('locale');
    const read = clients[0]![1].Properties?.ReadAttributes as string[] | undefined;
    if (read !== undefined) expect(read).toContain('locale');
  });

  it('hands every message to the customMessage worker, and has no other trigger', () => {
    const [, pool] = poolOf(synths[stage]);
    expect(pool.LambdaConfig).toEqual({ CustomMessage: { 'Fn::GetAtt': [customMessageFn(synths[stage]), 'Arn'] } });
  });

  it('lets Cognito invoke the function for this pool only, and nothing else invoke it', () => {
    const s = synths[stage];
    const [poolId] = poolOf(s);
    const fnArn = { 'Fn::GetAtt': [customMessageFn(s), 'Arn'] };
    const permissions = ofType(s.resources, 'AWS::Lambda::Permission').filter(([, r]) => JSON.stringify(r.Properties?.FunctionName) === JSON.stringify(fnArn));
    expect(permissions.map(([, r]) => r.Properties)).toEqual([
      { Action: 'lambda:InvokeFunction', FunctionName: fnArn, Principal: 'cognito-idp.amazonaws.com', SourceArn: { 'Fn::GetAtt': [poolId, 'Arn'] } },
    ]);
  });

  it('answers within the 5 seconds Cognito waits, is invoked synchronously (no async settings), and may only log and trace', () => {
    const s = synths[stage];
    const fnId = customMessageFn(s);
    const fn = s.resources[fnId]?.Properties ?? {};
    expect(fn.Timeout).toBeLessThanOrEqual(5);
    const asyncConfigs = ofType(s.resources, 'AWS::Lambda::EventInvokeConfig').filter(([, r]) => JSON.stringify(r.Properties?.FunctionName).includes(fnId));
    expect(asyncConfigs).toEqual([]);
    const env = (fn.Environment as { Variables: Props } | undefined)?.Variables ?? {};
    for (const name of ['TABLE_NAME', 'BUCKET_NAME', 'MAIL_TRANSPORT', 'NOTIFY_STATE_MACHINE_ARN', 'CURSOR_SECRET']) expect(env[name], name).toBeUndefined();
    const services = new Set(statementsOfFunction(s.resources, fnId).flatMap(actionsOf).map((a) => a.split(':')[0]));
    expect([...services].sort()).toEqual(['logs', 'xray']);
  });
});
