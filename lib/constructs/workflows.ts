/**
 * Step Functions workflows. The notification workflow: a Standard state machine whose definition is the one in
 * functions/shared/notify-workflow.ts (the local environment runs the same), with the ARNs of the worker functions
 * its task states invoke (NOTIFY_TASKS) and the Map's concurrency from the stage's SES send rate (`ses.maxSendRate`).
 *
 * Standard, not Express: a run pages through every selected case and can outlast Express's five minutes, and each
 * execution is named with its run id, which Standard keeps unique (a repeated start never runs twice).
 *
 * Every execution is logged (level ALL, with the states' inputs and outputs: case and run ids, failure reasons) to
 * its own log group, and traced with X-Ray. The state machine's role may invoke exactly the task functions.
 */
import { type CfnElement, Stack, Validations } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { NOTIFY_TASKS, notifyWorkflowDefinition, type NotifyTaskWorker } from '../../functions/shared/notify-workflow.ts';
import type { WorkerSpec } from '../../functions/shared/workers.ts';
import { removalPolicy, type StageSettings } from '../stage-config.ts';
import type { BackendFunction } from './function.ts';

export interface WorkflowsProps {
  settings: StageSettings;
  /** The worker table (functions/shared/workers.ts): the task workers are the ones with trigger source 'workflow'. */
  workers: readonly WorkerSpec[];
  /** The function of each worker, by name (Workers.functions). */
  functions: ReadonlyMap<string, BackendFunction>;
}

export class Workflows extends Construct {
  /** Sends the selection notices of one run (started by the startNotifications route). */
  readonly notify: sfn.StateMachine;
  readonly notifyLogGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: WorkflowsProps) {
    super(scope, id);
    const { settings } = props;
    const tasks = taskFunctions(props.workers, props.functions);

    // Step Functions delivers logs through CloudWatch Logs' vended delivery, which puts every log group it writes to
    // into one account-wide resource policy of limited size, unless the name starts with /aws/vendedlogs/ (one
    // wildcard entry covers those). The stack name keeps the stages of one account apart.
    this.notifyLogGroup = new logs.LogGroup(this, 'NotifyLogs', {
      logGroupName: `/aws/vendedlogs/states/${Stack.of(this).stackName}-notify`,
      retention: settings.logRetentionDays as logs.RetentionDays,
      removalPolicy: removalPolicy(settings.removal),
    });

    const functionArns = Object.fromEntries([...tasks].map(([worker, fn]) => [worker, fn.lambda.functionArn])) as Record<NotifyTaskWorker, string>;
    const definition = notifyWorkflowDefinition({ functions: functionArns, maxConcurrency: settings.ses.maxSendRate });

    this.notify = new sfn.StateMachine(this, 'Notify', {
      stateMachineType: sfn.StateMachineType.STANDARD,
      // The ARNs are tokens inside the JSON; toJsonString turns the document into an Fn::Join that resolves them.
      definitionBody: sfn.DefinitionBody.fromString(Stack.of(this).toJsonString(definition)),
      // Every event, without execution data (inputs, outputs, errors' details): those can carry recipients' addresses
      // and names, which have no place in CloudWatch. The task functions log what is needed, by id.
      logs: { destination: this.notifyLogGroup, level: sfn.LogLevel.ALL, includeExecutionData: false },
      tracingEnabled: true,
    });

    // A definition given as a string grants nothing: the role may invoke each task function (and, as Lambda
    // authorises a qualified ARN separately, its versions and aliases), and no other function.
    this.notify.addToRolePolicy(
      new iam.PolicyStatement({
        sid: 'InvokeTaskFunctions',
        actions: ['lambda:InvokeFunction'],
        resources: [...tasks.values()].flatMap((fn) => [fn.lambda.functionArn, `${fn.lambda.functionArn}:*`]),
      }),
    );
    this.acknowledgeRoleFindings(tasks);
  }

  private acknowledgeRoleFindings(tasks: Map<NotifyTaskWorker, BackendFunction>) {
    const stack = Stack.of(this);
    Validations.of(this.notify.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Tracing and logging of the state machine: xray:PutTraceSegments, xray:PutTelemetryRecords, ' +
        'xray:GetSamplingRules and xray:GetSamplingTargets, and the CloudWatch Logs vended-delivery actions ' +
        '(logs:CreateLogDelivery and friends, logs:PutResourcePolicy, logs:DescribeResourcePolicies, logs:DescribeLogGroups) ' +
        'do not support resource-level permissions, so AWS documents Resource "*" for them ' +
        '(https://docs.aws.amazon.com/step-functions/latest/dg/cw-logs.html).',
    });
    for (const [worker, fn] of tasks) {
      const logicalId = stack.resolve(stack.getLogicalId(fn.lambda.node.defaultChild as CfnElement)) as string;
      Validations.of(this.notify.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>:*]`,
        reason:
          `Versions and aliases of the ${worker} function only (its ARN followed by ":qualifier"), which the state machine ` +
          'invokes as a task; no other function.',
      });
    }
  }
}

/**
 * The function of each worker the definition's task states invoke. Every task worker must be a 'workflow' worker,
 * and every 'workflow' worker a task: one with no state invoking it would never run.
 */
function taskFunctions(workers: readonly WorkerSpec[], functions: ReadonlyMap<string, BackendFunction>): Map<NotifyTaskWorker, BackendFunction> {
  const taskWorkers = new Set<NotifyTaskWorker>(Object.values(NOTIFY_TASKS));
  const workflowWorkers = workers.filter((w) => w.trigger.source === 'workflow').map((w) => w.name);
  const orphans = workflowWorkers.filter((name) => !taskWorkers.has(name as NotifyTaskWorker));
  if (orphans.length) throw new Error(`Workers ${orphans.join(', ')} have trigger 'workflow' but no state of the notification workflow invokes them.`);
  const tasks = new Map<NotifyTaskWorker, BackendFunction>();
  for (const worker of taskWorkers) {
    const spec = workers.find((w) => w.name === worker);
    const fn = functions.get(worker);
    if (spec?.trigger.source !== 'workflow' || !fn) {
      throw new Error(`The notification workflow invokes ${worker}, which is not a worker with trigger 'workflow' in functions/shared/workers.ts.`);
    }
    tasks.set(worker, fn);
  }
  return tasks;
}
