/**
 * E-mail: the SES configuration set the stack creates, and the send rights of the functions whose route or worker spec
 * has `mail`: exactly ses:SendEmail and ses:SendRawEmail on the stage sender's identities (the address and its
 * domain) and the configuration set, with the environment that names them; every other function has no SES action.
 */
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/shared/routes.ts';
import { WORKERS } from '../../functions/shared/workers.ts';
import { backendFunctions, grantsOf, logicalIdOf, ofType, stageSettings, statementsOfFunction, type Synth, STAGES, useStages } from './synth.ts';

const synths = useStages();

/** Every function of the stack with whether its spec sends mail, labelled for messages. */
function functionsOf(s: Synth): { label: string; fnId: string; mail: boolean }[] {
  const { routes, workers } = backendFunctions(s);
  return [
    ...ROUTES.map((r) => ({ label: `route ${r.operationId}`, fnId: routes.get(r.operationId) ?? '', mail: r.mail === true })),
    ...WORKERS.map((w) => ({ label: `worker ${w.name}`, fnId: workers.get(w.name) ?? '', mail: w.mail === true })),
  ];
}

const envOf = (s: Synth, fnId: string) =>
  (s.resources[fnId]?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;

describe.each(STAGES)('the %s stack', (stage) => {
  const { sesSender } = stageSettings(stage);
  const domain = sesSender.split('@')[1];
  /** The ARN prefix of SES resources in the stack's partition, region and account, as arnText renders it. */
  const sesArn = 'arn:${AWS::Partition}:ses:${AWS::Region}:${AWS::AccountId}';

  it('creates one SES configuration set: reputation metrics on, sending on, bounces and complaints suppressed', () => {
    const sets = ofType(synths[stage].resources, 'AWS::SES::ConfigurationSet');
    expect(sets).toHaveLength(1);
    expect(sets[0]?.[1].Properties).toEqual({
      ReputationOptions: { ReputationMetricsEnabled: true },
      SendingOptions: { SendingEnabled: true },
      SuppressionOptions: { SuppressedReasons: ['BOUNCE', 'COMPLAINT'] },
    });
  });

  it('does not create or verify the sender identity (it is verified outside the stack)', () => {
    const s = synths[stage];
    expect(ofType(s.resources, 'AWS::SES::EmailIdentity')).toEqual([]);
    expect(Object.values(s.resources).filter((r) => r.Type.startsWith('AWS::SES::') && r.Type !== 'AWS::SES::ConfigurationSet')).toEqual([]);
  });

  it('has routes and workers that send mail', () => {
    expect(ROUTES.some((r) => r.mail)).toBe(true);
    expect(WORKERS.some((w) => w.mail)).toBe(true);
  });

  it('lets each function with mail send, and only send, from the sender\'s identities with the configuration set', () => {
    const s = synths[stage];
    const configurationSet = logicalIdOf(s, s.stack.mail.configurationSet);
    const resources = [`${sesArn}:configuration-set/\${${configurationSet}}`, `${sesArn}:identity/${domain}`, `${sesArn}:identity/${sesSender}`];
    const expected = ['ses:SendEmail', 'ses:SendRawEmail'].flatMap((action) => resources.map((r) => `Allow ${action} ${r}`)).sort();
    for (const { label, fnId } of functionsOf(s).filter((f) => f.mail)) {
      const statements = statementsOfFunction(s.resources, fnId);
      expect(grantsOf(statements, 'ses'), label).toEqual(expected);
      // One statement, and no wildcard anywhere in it.
      const sesStatements = statements.filter((st) => JSON.stringify(st.Action).includes('ses:'));
      expect(sesStatements, label).toHaveLength(1);
      expect(JSON.stringify(sesStatements), label).not.toContain('*');
    }
  });

  it('gives every other function no SES action', () => {
    const s = synths[stage];
    const others = functionsOf(s).filter((f) => !f.mail);
    expect(others.length).toBeGreaterThan(0);
    for (const { label, fnId } of others) {
      const statements = statementsOfFunction(s.resources, fnId);
      expect(grantsOf(statements, 'ses'), label).toEqual([]);
      expect(JSON.stringify(statements), label).not.toMatch(/"ses:/);
    }
  });

  it('tells each function with mail the transport, the sender and the configuration set, and no other function', () => {
    const s = synths[stage];
    const configurationSet = logicalIdOf(s, s.stack.mail.configurationSet);
    for (const { label, fnId, mail } of functionsOf(s)) {
      const env = envOf(s, fnId);
      if (mail) {
        expect(env, label).toMatchObject({ MAIL_TRANSPORT: 'ses', SES_SENDER: sesSender, SES_CONFIGURATION_SET: { Ref: configurationSet } });
      } else {
        for (const name of ['MAIL_TRANSPORT', 'SES_SENDER', 'SES_CONFIGURATION_SET']) expect(env[name], `${label} ${name}`).toBeUndefined();
      }
    }
  });
});
