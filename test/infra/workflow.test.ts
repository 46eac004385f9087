/**
 * The notification workflow: a Standard state machine deployed from the one definition of
 * functions/shared/notify-workflow.ts, logged (ALL, with execution data) and traced; each task state invoking its
 * worker's function, the Map sending at the stage's SES rate, SendOne retrying SES throttling as MAIL_RETRY says; a
 * role that may invoke exactly the four task functions; and the run-starting workers (the stream's and the catch-up's),
 * the only functions that may start it.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as ses from 'aws-cdk-lib/aws-ses';
import { describe, expect, it } from 'vitest';
import { NOTIFY_TASKS } from '../../functions/shared/notify-workflow.ts';
import { ROUTES } from '../../functions/shared/routes.ts';
import { WORKERS, type WorkerSpec } from '../../functions/shared/workers.ts';
import { Workers } from '../../lib/constructs/workers.ts';
import { Workflows } from '../../lib/constructs/workflows.ts';
import { resolveStage } from '../../lib/stage-config.ts';
import {
  actionsOf,
  arnText,
  backendFunctions,
  cdkJson,
  definitionOf,
  grantsOf,
  logicalIdOf,
  ofType,
  stageSettings,
  statementsOfFunction,
  type Synth,
  STAGES,
  useStages,
} from './synth.ts';

const synths = useStages();

type Json = Record<string, unknown>;
interface State extends Json {
  Type: string;
  Resource?: string;
  Parameters?: Json;
  Retry?: Json[];
  Catch?: Json[];
  MaxConcurrency?: number;
  ItemProcessor?: { ProcessorConfig?: Json; StartAt: string; States: Record<string, State> };
}

/** SES throttling and transient errors, as the issue specifies them (written out here, not imported from the definition). */
const MAIL_RETRY = {
  ErrorEquals: ['MailThrottled', 'MailTransient'],
  IntervalSeconds: 1,
  MaxAttempts: 8,
  BackoffRate: 2,
  MaxDelaySeconds: 30,
  JitterStrategy: 'FULL',
};

/** The task workers, and the workers with trigger source 'workflow': the same four. */
const TASK_WORKERS = [...new Set(Object.values(NOTIFY_TASKS))].sort();

const stateMachineId = (s: Synth) => logicalIdOf(s, s.stack.workflows.notify);

/** Every state of the definition by name, the Map's inner states included. */
function statesOf(s: Synth): Map<string, State> {
  const out = new Map<string, State>();
  const walk = (states: Record<string, State>) => {
    for (const [name, state] of Object.entries(states)) {
      if (out.has(name)) throw new Error(`State ${name} appears twice`);
      out.set(name, state);
      if (state.ItemProcessor) walk(state.ItemProcessor.States);
    }
  };
  walk((definitionOf(s.resources, stateMachineId(s)) as { States: Record<string, State> }).States);
  return out;
}

/** Every statement of the inline and attached policies of a role. */
function statementsOfRole(s: Synth, roleId: string) {
  const statements = ofType(s.resources, 'AWS::IAM::Policy')
    .filter(([, p]) => JSON.stringify(p.Properties?.Roles) === JSON.stringify([{ Ref: roleId }]))
    .flatMap(([, p]) => (p.Properties?.PolicyDocument as { Statement: Parameters<typeof grantsOf>[0] }).Statement);
  expect(s.resources[roleId]?.Properties?.Policies, roleId).toBeUndefined();
  return statements;
}

const envOf = (s: Synth, fnId: string) => (s.resources[fnId]?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;

describe.each(STAGES)('the %s stack', (stage) => {
  const settings = stageSettings(stage);

  describe('the notification state machine', () => {
    it('is the one Standard state machine of the stack, logging ALL without execution data (no addresses or names) to its own log group, traced', () => {
      const s = synths[stage];
      const machines = ofType(s.resources, 'AWS::StepFunctions::StateMachine');
      expect(machines.map(([id]) => id)).toEqual([stateMachineId(s)]);
      const props = machines[0]?.[1].Properties ?? {};
      expect(props.StateMachineType).toBe('STANDARD');
      expect(props.TracingConfiguration).toEqual({ Enabled: true });
      const logGroup = logicalIdOf(s, s.stack.workflows.notifyLogGroup);
      expect(props.LoggingConfiguration).toEqual({
        Level: 'ALL',
        IncludeExecutionData: false,
        Destinations: [{ CloudWatchLogsLogGroup: { LogGroupArn: { 'Fn::GetAtt': [logGroup, 'Arn'] } } }],
      });
    });

    it('logs to a vended-logs group named after the stack, kept for the stage retention and removed as the stage says', () => {
      const s = synths[stage];
      const logGroup = s.resources[logicalIdOf(s, s.stack.workflows.notifyLogGroup)];
      expect(logGroup?.Properties).toEqual({ LogGroupName: `/aws/vendedlogs/states/PracticeCases-${stage}-notify`, RetentionInDays: settings.logRetentionDays });
      expect(logGroup?.DeletionPolicy).toBe(settings.removal === 'retain' ? 'Retain' : 'Delete');
    });

    it('has the task states of NOTIFY_TASKS, each invoking its worker\'s function through the Lambda integration', () => {
      const s = synths[stage];
      const { workers } = backendFunctions(s);
      const tasks = [...statesOf(s)].filter(([, state]) => state.Type === 'Task');
      expect(tasks.map(([name]) => name).sort()).toEqual(Object.keys(NOTIFY_TASKS).sort());
      for (const [name, state] of tasks) {
        const worker = NOTIFY_TASKS[name as keyof typeof NOTIFY_TASKS];
        const fnId = workers.get(worker);
        expect(s.resources[fnId ?? '']?.Type, worker).toBe('AWS::Lambda::Function');
        expect(state.Resource, name).toBe('arn:aws:states:::lambda:invoke');
        // The resolved ARN of exactly that function (arnText renders { "Fn::GetAtt": [id, "Arn"] } as <id>).
        expect(state.Parameters?.FunctionName, name).toBe(`<${fnId}>`);
      }
    });

    it("sends from an inline Map whose MaxConcurrency is the stage's SES send rate", () => {
      const send = statesOf(synths[stage]).get('Send');
      expect(send?.Type).toBe('Map');
      expect(send?.MaxConcurrency).toBe(settings.ses.maxSendRate);
      expect(send?.ItemProcessor?.ProcessorConfig).toEqual({ Mode: 'INLINE' });
      expect(send?.ItemProcessor?.StartAt).toBe('SendOne');
    });

    it('retries SES throttling and transient errors in SendOne with backoff and full jitter, and records any other failure', () => {
      const sendOne = statesOf(synths[stage]).get('SendOne');
      expect(sendOne?.Retry?.[0]).toEqual(MAIL_RETRY);
      const mailRetries = (sendOne?.Retry ?? []).filter((r) => JSON.stringify(r.ErrorEquals).includes('Mail'));
      expect(mailRetries).toEqual([MAIL_RETRY]);
      expect(sendOne?.Catch).toEqual([expect.objectContaining({ ErrorEquals: ['States.ALL'], Next: 'MarkFailed' })]);
    });
  });

  describe('the state machine role', () => {
    it('is assumable by Step Functions only, for state machines of this account, and has no managed policy', () => {
      const s = synths[stage];
      const roleId = logicalIdOf(s, s.stack.workflows.notify.role);
      const role = s.resources[roleId]?.Properties ?? {};
      expect(role.ManagedPolicyArns).toBeUndefined();
      const trust = role.AssumeRolePolicyDocument as { Statement: Json[] };
      expect(trust.Statement).toEqual([
        {
          Action: 'sts:AssumeRole',
          Effect: 'Allow',
          Principal: { Service: 'states.amazonaws.com' },
          Condition: {
            ArnLike: { 'aws:SourceArn': expect.anything() },
            StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } },
          },
        },
      ]);
      expect(arnText((trust.Statement[0]?.Condition as { ArnLike: Json }).ArnLike['aws:SourceArn'])).toBe(
        'arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:stateMachine:*',
      );
    });

    it('may invoke exactly the four task functions (and their versions and aliases), and nothing else in Lambda', () => {
      const s = synths[stage];
      const { workers } = backendFunctions(s);
      const statements = statementsOfRole(s, logicalIdOf(s, s.stack.workflows.notify.role));
      expect(TASK_WORKERS).toHaveLength(4);
      const expected = TASK_WORKERS.flatMap((w) => [`<${workers.get(w)}>`, `<${workers.get(w)}>:*`]).map((r) => `Allow lambda:InvokeFunction ${r}`);
      expect(grantsOf(statements, 'lambda')).toEqual(expected.sort());
    });

    it('has otherwise only the logging and tracing actions, which take no resource', () => {
      const s = synths[stage];
      const statements = statementsOfRole(s, logicalIdOf(s, s.stack.workflows.notify.role));
      const others = statements.filter((st) => !actionsOf(st).every((a) => a === 'lambda:InvokeFunction'));
      for (const st of others) {
        expect(st.Resource).toBe('*');
        for (const action of actionsOf(st)) expect(action).toMatch(/^(logs:(CreateLogDelivery|GetLogDelivery|UpdateLogDelivery|DeleteLogDelivery|ListLogDeliveries|PutResourcePolicy|DescribeResourcePolicies|DescribeLogGroups)|xray:(PutTraceSegments|PutTelemetryRecords|GetSamplingRules|GetSamplingTargets))$/);
      }
    });

    it('is the only way the task functions are invoked: no resource-based permission, no event source, no async settings', () => {
      const s = synths[stage];
      const { workers } = backendFunctions(s);
      for (const worker of TASK_WORKERS) {
        const fnId = workers.get(worker) ?? '';
        const mentions = (type: string) => ofType(s.resources, type).filter(([, r]) => JSON.stringify(r.Properties).includes(`"${fnId}"`));
        expect(mentions('AWS::Lambda::Permission'), worker).toEqual([]);
        expect(mentions('AWS::Lambda::EventSourceMapping'), worker).toEqual([]);
        expect(mentions('AWS::Lambda::EventInvokeConfig'), worker).toEqual([]);
        expect(mentions('AWS::Events::Rule'), worker).toEqual([]);
        expect(grantsOf(statementsOfFunction(s.resources, fnId), 'sqs'), worker).toEqual([]);
      }
    });
  });

  describe('starting it', () => {
    const starters = WORKERS.filter((w) => w.startsWorkflow);

    it("is the run's stream worker and the catch-up pass, no route: a request only records the run", () => {
      expect(starters.map((w) => `${w.name} ${w.trigger.source}`).sort()).toEqual(['startNotificationRun table:stream', 'startStalledNotificationRuns schedule']);
    });

    it('gives the starters states:StartExecution on this state machine only, and its ARN as NOTIFY_STATE_MACHINE_ARN', () => {
      const s = synths[stage];
      const { workers } = backendFunctions(s);
      const machine = stateMachineId(s);
      for (const worker of starters) {
        const fnId = workers.get(worker.name) ?? '';
        const statements = statementsOfFunction(s.resources, fnId);
        expect(grantsOf(statements, 'states'), worker.name).toEqual([`Allow states:StartExecution \${${machine}}`]);
        expect(envOf(s, fnId).NOTIFY_STATE_MACHINE_ARN, worker.name).toEqual({ Ref: machine });
      }
    });

    it('gives no other function any Step Functions action or the state machine ARN', () => {
      const s = synths[stage];
      const { routes, workers } = backendFunctions(s);
      const others = [
        ...ROUTES.map((r) => [r.operationId, routes.get(r.operationId) ?? ''] as const),
        ...WORKERS.filter((w) => !w.startsWorkflow).map((w) => [w.name, workers.get(w.name) ?? ''] as const),
      ];
      for (const [label, fnId] of others) {
        expect(JSON.stringify(statementsOfFunction(s.resources, fnId)), label).not.toMatch(/"states:/);
        expect(envOf(s, fnId).NOTIFY_STATE_MACHINE_ARN, label).toBeUndefined();
      }
    });
  });
});

describe('the workflow construct', () => {
  /** The workers and the workflows alone, in a stack of their own, for worker tables that are not the real one. */
  function workflowsWith(workers: WorkerSpec[]) {
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const stack = new Stack(app, 'WorkflowTest');
    const { settings } = resolveStage('dev', cdkJson.context.stages);
    const built = new Workers(stack, 'Workers', {
      stageName: 'dev',
      settings,
      table: new dynamodb.Table(stack, 'Table', { partitionKey: { name: 'pk', type: dynamodb.AttributeType.STRING } }),
      mediaBucket: new s3.Bucket(stack, 'Bucket'),
      workers,
      mailer: { sender: settings.sesSender, configurationSet: new ses.ConfigurationSet(stack, 'ConfigurationSet') },
      userPool: new cognito.UserPool(stack, 'UserPool'),
    });
    return new Workflows(stack, 'Workflows', { settings, workers, functions: built.functions });
  }
  const taskSpecs = WORKERS.filter((w) => w.trigger.source === 'workflow');

  it('has the four task workers as the workflow workers of the table', () => {
    expect(taskSpecs.map((w) => w.name).sort()).toEqual(TASK_WORKERS);
  });

  it('refuses a workflow worker that no state invokes', () => {
    const orphan = { ...(taskSpecs[0] as WorkerSpec), name: 'nobodyCallsMe' };
    expect(() => workflowsWith([...taskSpecs, orphan])).toThrow(/nobodyCallsMe.*no state of the notification workflow invokes/);
  });

  it('refuses a task worker that is missing or not triggered by the workflow', () => {
    const [first, ...rest] = taskSpecs as [WorkerSpec, ...WorkerSpec[]];
    expect(() => workflowsWith(rest)).toThrow(new RegExp(`invokes ${first.name}, which is not a worker with trigger 'workflow'`));
    expect(() => workflowsWith([{ ...first, trigger: { source: 'schedule', minutes: 1 } }, ...rest])).toThrow(/which is not a worker with trigger 'workflow'/);
  });
});
