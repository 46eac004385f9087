/**
 * E-mail: the SES configuration set the stack creates, and the send rights of the functions whose route or worker spec
 * has `mail`: exactly ses:SendEmail and ses:SendRawEmail on the stage sender's identities (the address and its
 * domain) and the configuration set, only From the sender's address (ses:FromAddress), with the environment that names them; every other function has no SES action.
 * The set's send, delivery, bounce and complaint events go to EventBridge's default bus, where a rule takes this
 * stage's to the worker with trigger 'ses:events' (trackDelivery), with retries and the workers' dead-letter queue.
 */
import { describe, expect, it } from 'vitest';
import { ROUTES } from '../../functions/shared/routes.ts';
import { WORKERS } from '../../functions/shared/workers.ts';
import { arnText, backendFunctions, grantsOf, logicalIdOf, ofType, stageSettings, statementsOfFunction, type Synth, STAGES, useStages } from './synth.ts';

const synths = useStages();

/** The SES resource types the stack creates: the configuration set and its event destination. */
const SES_TYPES = ['AWS::SES::ConfigurationSet', 'AWS::SES::ConfigurationSetEventDestination'];

/** The detail-type EventBridge gives each published SES event (written out here, not imported, to check the mapping). */
const DETAIL_TYPES = { send: 'Email Sent', delivery: 'Email Delivered', bounce: 'Email Bounced', complaint: 'Email Complaint Received' };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function rulesTargeting(s: Synth, fnId: string) {
  return ofType(s.resources, 'AWS::Events::Rule').filter(([, r]) =>
    ((r.Properties?.Targets ?? []) as Record<string, unknown>[]).some((t) => same(t.Arn, { 'Fn::GetAtt': [fnId, 'Arn'] })),
  );
}

/** Every function of the stack with whether its spec sends mail, labelled for messages. */
function functionsOf(s: Synth): { label: string; fnId: string; mail: boolean }[] {
  const { routes, workers } = backendFunctions(s);
  return [
    // No route sends mail: its mails are recorded and sent by the workers (the table's stream, the retry worker).
    ...ROUTES.map((r) => ({ label: `route ${r.operationId}`, fnId: routes.get(r.operationId) ?? '', mail: false })),
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
    const others = Object.values(s.resources).filter((r) => r.Type.startsWith('AWS::SES::') && !SES_TYPES.includes(r.Type));
    expect(others).toEqual([]);
  });

  it("publishes the set's send, delivery, bounce and complaint events to EventBridge's default bus, and nothing else", () => {
    const s = synths[stage];
    const configurationSet = logicalIdOf(s, s.stack.mail.configurationSet);
    const destinations = ofType(s.resources, 'AWS::SES::ConfigurationSetEventDestination');
    expect(destinations).toHaveLength(1);
    const props = destinations[0]?.[1].Properties ?? {};
    expect(props.ConfigurationSetName).toEqual({ Ref: configurationSet });
    const destination = props.EventDestination as Record<string, unknown>;
    expect(Object.keys(destination).sort()).toEqual(['Enabled', 'EventBridgeDestination', 'MatchingEventTypes']);
    expect(destination.Enabled).toBe(true);
    expect([...(destination.MatchingEventTypes as string[])].sort()).toEqual(['bounce', 'complaint', 'delivery', 'send']);
    expect(arnText((destination.EventBridgeDestination as { EventBusArn: unknown }).EventBusArn)).toBe(
      'arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default',
    );
  });

  describe('delivery events', () => {
    const tracking = WORKERS.filter((w) => w.trigger.source === 'ses:events');

    it('go to trackDelivery, the one worker with trigger ses:events', () => {
      expect(tracking.map((w) => w.name)).toEqual(['trackDelivery']);
    });

    it("reach it through one enabled rule on the default bus, for SES's events of this stage's configuration set only", () => {
      const s = synths[stage];
      const configurationSet = logicalIdOf(s, s.stack.mail.configurationSet);
      for (const w of tracking) {
        const rules = rulesTargeting(s, backendFunctions(s).workers.get(w.name) ?? '');
        expect(rules, w.name).toHaveLength(1);
        const rule = rules[0]?.[1].Properties ?? {};
        expect(rule.State).toBe('ENABLED');
        expect(rule.EventBusName).toBeUndefined();
        expect(rule.ScheduleExpression).toBeUndefined();
        expect(rule.EventPattern).toEqual({
          source: ['aws.ses'],
          'detail-type': expect.arrayContaining(Object.values(DETAIL_TYPES)),
          detail: { mail: { tags: { 'ses:configuration-set': [{ Ref: configurationSet }] } } },
        });
        expect((rule.EventPattern as Record<string, string[]>)['detail-type']).toHaveLength(Object.keys(DETAIL_TYPES).length);
      }
    });

    it('retry an undeliverable event for up to a day, then send it to the workers\' SQS dead-letter queue', () => {
      const s = synths[stage];
      const queue = logicalIdOf(s, s.stack.workers.deadLetterQueue);
      for (const w of tracking) {
        const fnId = backendFunctions(s).workers.get(w.name) ?? '';
        const targets = (rulesTargeting(s, fnId)[0]?.[1].Properties?.Targets ?? []) as Record<string, unknown>[];
        expect(targets).toHaveLength(1);
        expect(targets[0]).toMatchObject({
          Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
          RetryPolicy: { MaximumRetryAttempts: 185, MaximumEventAgeInSeconds: 24 * 3600 },
          DeadLetterConfig: { Arn: { 'Fn::GetAtt': [queue, 'Arn'] } },
        });
        expect(targets[0]?.RoleArn).toBeUndefined();
      }
    });

    it('may invoke trackDelivery for this rule only, write to the dead-letter queue for this rule only, and Lambda retries failures into it', () => {
      const s = synths[stage];
      const queue = logicalIdOf(s, s.stack.workers.deadLetterQueue);
      for (const w of tracking) {
        const fnId = backendFunctions(s).workers.get(w.name) ?? '';
        const [ruleId] = rulesTargeting(s, fnId)[0] ?? [''];
        const permissions = ofType(s.resources, 'AWS::Lambda::Permission').filter(([, r]) => same(r.Properties?.FunctionName, { 'Fn::GetAtt': [fnId, 'Arn'] }));
        expect(permissions.map(([, r]) => r.Properties)).toEqual([
          { Action: 'lambda:InvokeFunction', FunctionName: { 'Fn::GetAtt': [fnId, 'Arn'] }, Principal: 'events.amazonaws.com', SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] } },
        ]);
        const policy = ofType(s.resources, 'AWS::SQS::QueuePolicy').find(([, r]) => same(r.Properties?.Queues, [{ Ref: queue }]));
        const statements = (policy?.[1].Properties?.PolicyDocument as { Statement: Record<string, unknown>[] }).Statement;
        expect(statements.filter((st) => JSON.stringify(st.Condition).includes(`"${ruleId}"`))).toEqual([
          expect.objectContaining({
            Effect: 'Allow',
            Action: 'sqs:SendMessage',
            Principal: { Service: 'events.amazonaws.com' },
            Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
          }),
        ]);
        const config = ofType(s.resources, 'AWS::Lambda::EventInvokeConfig').filter(([, r]) => same(r.Properties?.FunctionName, { Ref: fnId }));
        expect(config.map(([, r]) => r.Properties)).toEqual([
          expect.objectContaining({ MaximumRetryAttempts: 2, DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } } }),
        ]);
      }
    });
  });

  it('sends mail from these workers only (no route can: RouteSpec has no mail grant)', () => {
    expect(WORKERS.filter((w) => w.mail).map((w) => w.name).sort()).toEqual(['retryMail', 'sendNewMail', 'sendNotification']);
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

  it("lets each function with mail send only from the stage's sender address (an ses:FromAddress condition), even through the domain identity", () => {
    const s = synths[stage];
    for (const { label, fnId } of functionsOf(s).filter((f) => f.mail)) {
      const sesStatements = statementsOfFunction(s.resources, fnId).filter((st) => JSON.stringify(st.Action).includes('ses:'));
      expect(sesStatements, label).toHaveLength(1);
      expect((sesStatements[0] as { Condition?: unknown } | undefined)?.Condition, label).toEqual({ StringEquals: { 'ses:FromAddress': sesSender } });
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
