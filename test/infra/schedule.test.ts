/**
 * The scheduled workers (trigger source 'schedule' in functions/shared/workers.ts): one EventBridge rule each, at the
 * rate of its spec, targeting exactly its function with a retry policy and the workers' dead-letter queue; EventBridge
 * may invoke the function for that rule only, and may write to the queue for that rule only.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import { describe, expect, it } from 'vitest';
import { WORKERS, type WorkerSpec } from '../../functions/shared/workers.ts';
import { Workers } from '../../lib/constructs/workers.ts';
import { resolveStage } from '../../lib/stage-config.ts';
import { backendFunctions, cdkJson, logicalIdOf, ofType, type Synth, STAGES, useStages } from './synth.ts';

const synths = useStages();

type Props = Record<string, unknown>;
type Scheduled = WorkerSpec & { trigger: { source: 'schedule'; minutes: number } };

const SCHEDULED = WORKERS.filter((w): w is Scheduled => w.trigger.source === 'schedule');

/** EventBridge's rate syntax, written out here: singular for one unit. */
const rateOf = (minutes: number) => `rate(${minutes} ${minutes === 1 ? 'minute' : 'minutes'})`;

/** What a schedule target does when it cannot deliver an event (written out, not imported, to check the construct). */
const RETRY_POLICY = { MaximumRetryAttempts: 2, MaximumEventAgeInSeconds: 3600 };

const fnArn = (fnId: string) => ({ 'Fn::GetAtt': [fnId, 'Arn'] });
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function rulesTargeting(s: Synth, fnId: string) {
  return ofType(s.resources, 'AWS::Events::Rule').filter(([, r]) =>
    ((r.Properties?.Targets ?? []) as Props[]).some((t) => same(t.Arn, fnArn(fnId))),
  );
}

describe.each(STAGES)('the %s stack', (stage) => {
  it('has scheduled workers to test, one schedule rule per scheduled worker, and no schedule on any other worker', () => {
    const s = synths[stage];
    expect(SCHEDULED.length).toBeGreaterThan(0);
    const schedules = ofType(s.resources, 'AWS::Events::Rule').filter(([, r]) => r.Properties?.ScheduleExpression !== undefined);
    expect(schedules).toHaveLength(SCHEDULED.length);
    // Besides the schedules, only the rule of SES's events (mail.test.ts), which has a pattern and no schedule.
    const others = ofType(s.resources, 'AWS::Events::Rule').filter(([, r]) => r.Properties?.ScheduleExpression === undefined);
    expect(others).toHaveLength(WORKERS.filter((w) => w.trigger.source === 'ses:events').length);
    const { workers } = backendFunctions(s);
    for (const w of WORKERS.filter((x) => x.trigger.source !== 'schedule')) {
      const rules = rulesTargeting(s, workers.get(w.name) ?? '');
      expect(rules.filter(([, r]) => r.Properties?.ScheduleExpression !== undefined), w.name).toEqual([]);
      if (w.trigger.source !== 'ses:events') expect(rules, w.name).toEqual([]);
    }
  });

  describe.each(SCHEDULED.map((w) => [w.name, w] as const))('%s', (name, spec) => {
    it('runs on an enabled EventBridge rule at the rate of its spec, targeting exactly its function', () => {
      const s = synths[stage];
      const fnId = backendFunctions(s).workers.get(name) ?? '';
      const rules = rulesTargeting(s, fnId);
      expect(rules).toHaveLength(1);
      const rule = rules[0]?.[1].Properties ?? {};
      expect(rule.ScheduleExpression).toBe(rateOf(spec.trigger.minutes));
      expect(rule.State).toBe('ENABLED');
      expect(rule.EventPattern).toBeUndefined();
      const targets = rule.Targets as Props[];
      expect(targets).toHaveLength(1);
      expect(targets[0]?.Arn).toEqual(fnArn(fnId));
      // The function is invoked with its resource-based permission, not a role of the rule.
      expect(targets[0]?.RoleArn).toBeUndefined();
    });

    it('retries an undeliverable event, then sends it to the workers\' SQS dead-letter queue', () => {
      const s = synths[stage];
      const fnId = backendFunctions(s).workers.get(name) ?? '';
      const target = ((rulesTargeting(s, fnId)[0]?.[1].Properties?.Targets ?? []) as Props[])[0] ?? {};
      expect(target.RetryPolicy).toEqual(RETRY_POLICY);
      const queue = logicalIdOf(s, s.stack.workers.deadLetterQueue);
      expect(s.resources[queue]?.Type).toBe('AWS::SQS::Queue');
      expect(target.DeadLetterConfig).toEqual({ Arn: { 'Fn::GetAtt': [queue, 'Arn'] } });
    });

    it('lets EventBridge write to the dead-letter queue for this rule only', () => {
      const s = synths[stage];
      const fnId = backendFunctions(s).workers.get(name) ?? '';
      const [ruleId] = rulesTargeting(s, fnId)[0] ?? [''];
      const queue = logicalIdOf(s, s.stack.workers.deadLetterQueue);
      const policy = ofType(s.resources, 'AWS::SQS::QueuePolicy').find(([, r]) => same(r.Properties?.Queues, [{ Ref: queue }]));
      const statements = (policy?.[1].Properties?.PolicyDocument as { Statement: Props[] }).Statement;
      const fromRule = statements.filter((st) => same(st.Principal, { Service: 'events.amazonaws.com' }) && JSON.stringify(st.Condition).includes(`"${ruleId}"`));
      expect(fromRule).toEqual([
        expect.objectContaining({
          Effect: 'Allow',
          Action: 'sqs:SendMessage',
          Resource: { 'Fn::GetAtt': [queue, 'Arn'] },
          Condition: { ArnEquals: { 'aws:SourceArn': { 'Fn::GetAtt': [ruleId, 'Arn'] } } },
        }),
      ]);
    });

    it('may be invoked by EventBridge for its rule, and by nothing else', () => {
      const s = synths[stage];
      const fnId = backendFunctions(s).workers.get(name) ?? '';
      const [ruleId] = rulesTargeting(s, fnId)[0] ?? [''];
      const permissions = ofType(s.resources, 'AWS::Lambda::Permission').filter(([, r]) => same(r.Properties?.FunctionName, fnArn(fnId)));
      expect(permissions.map(([, r]) => r.Properties)).toEqual([
        {
          Action: 'lambda:InvokeFunction',
          FunctionName: fnArn(fnId),
          Principal: 'events.amazonaws.com',
          SourceArn: { 'Fn::GetAtt': [ruleId, 'Arn'] },
        },
      ]);
    });
  });
});

describe('schedule wiring', () => {
  /** The workers construct alone, in a stack of its own, for worker specs that are not in the table. */
  function workersWith(spec: WorkerSpec) {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'ScheduleTest');
    const stage = resolveStage('dev', cdkJson.context.stages);
    new Workers(stack, 'Workers', {
      stageName: stage.name,
      settings: stage.settings,
      table: new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } }),
      mediaBucket: new s3.Bucket(stack, 'Bucket'),
      workers: [spec],
      mailer: { sender: stage.settings.sesSender, configurationSet: new ses.ConfigurationSet(stack, 'ConfigurationSet') },
      userPool: new cognito.UserPool(stack, 'UserPool'),
    });
    return Template.fromStack(stack);
  }
  const base = SCHEDULED[0] as Scheduled;

  it('takes the rate from the spec', () => {
    const template = workersWith({ ...base, trigger: { source: 'schedule', minutes: 5 } });
    template.resourceCountIs('AWS::Events::Rule', 1);
    template.hasResourceProperties('AWS::Events::Rule', { ScheduleExpression: rateOf(5) });
  });

  it.each([0, -1, 1.5])('refuses a schedule of %s minutes', (minutes) => {
    expect(() => workersWith({ ...base, trigger: { source: 'schedule', minutes } })).toThrow(/whole number of minutes/);
  });
});
