/**
 * Event-triggered functions: one per entry of the worker table (functions/shared/workers.ts), built with the same
 * function construct as the routes, with only the grants the spec names, its memory and timeout, and its trigger
 * wired: objects created under a prefix of the media bucket (an S3 notification), a clock (an EventBridge rule), the
 * stage's SES events (an EventBridge rule on the default bus), the table's stream (an event source mapping), a task
 * of the notification state machine (nothing here: lib/constructs/workflow.ts references the function and invokes it),
 * or the user pool's custom message trigger (Cognito invokes it synchronously, with a permission for that pool only).
 *
 * S3 and EventBridge invoke the function asynchronously: Lambda retries a failed event twice, and an event that still
 * fails (or waits too long) goes to the dead-letter queue with the error, so no upload, tick or delivery event is lost
 * without a trace. EventBridge has its own retry policy for the delivery itself (the Invoke call: throttling, a
 * missing permission); an event it cannot deliver goes to the same dead-letter queue. Lambda polls the table's stream
 * itself and retries a failed batch as its mapping says (wireStream), then sends it to the same queue. The state machine invokes its
 * tasks synchronously and handles their failures itself (Retry and Catch), so those functions have no async settings.
 */
import { Duration, Stack, Validations } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { PREFIXES } from '../../functions/adapters/bucket-design.ts';
import { streamFilter, type StreamTrigger, type WorkerSpec } from '../../functions/shared/workers.ts';
import { removalPolicy, type StageName, type StageSettings } from '../stage-config.ts';
import { BackendFunction } from './function.ts';
import { CONFIGURATION_SET_TAG, type Mailer, PUBLISHED_MAIL_EVENTS } from './mail.ts';

/** Lambda's async retries after the first attempt (0 to 2). */
export const ASYNC_RETRY_ATTEMPTS = 2;
/** How long Lambda keeps retrying an event before it gives up and sends it to the dead-letter queue. */
const MAX_EVENT_AGE = Duration.hours(6);
/** How long a failed event waits in the dead-letter queue (SQS's maximum) for someone to look at it. */
const DEAD_LETTER_RETENTION = Duration.days(14);
/** EventBridge's retries of a scheduled event it could not deliver to the function (0 to 185). */
export const SCHEDULE_RETRY_ATTEMPTS = 2;
/**
 * How long EventBridge keeps trying to deliver a scheduled event before it goes to the dead-letter queue. Short: the
 * scheduled workers sweep everything that is due, so the next tick does the work of a lost one.
 */
export const SCHEDULE_MAX_EVENT_AGE = Duration.hours(1);

/** EventBridge's retries of an SES event it could not deliver to the function (its maximum, 185). */
export const MAIL_EVENT_RETRY_ATTEMPTS = 185;
/**
 * How long EventBridge keeps trying to deliver an SES event before it goes to the dead-letter queue (its maximum).
 * Long: SES publishes each event once, and nothing sweeps up a lost one.
 */
export const MAIL_EVENT_MAX_EVENT_AGE = Duration.hours(24);

/**
 * Concurrent invocations per shard of the table's stream (1 to 10). Records of one item still arrive in order (Lambda
 * keeps a key on one of them); the deadline rush writes thousands of mails a minute, across few shards.
 */
export const STREAM_PARALLELIZATION = 10;

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The triggers that do not invoke their worker asynchronously, so need no async retries or on-failure destination. */
const SYNCHRONOUS_OR_POLLED = new Set<WorkerSpec['trigger']['source']>(['workflow', 'table:stream', 'cognito:customMessage']);

export interface WorkersProps {
  stageName: StageName;
  settings: StageSettings;
  table: ITable;
  mediaBucket: s3.IBucket;
  workers: readonly WorkerSpec[];
  /** The sender and configuration set, for workers with `mail`. */
  mailer: Mailer;
  /** The user pool, for the worker that writes its mails (trigger cognito:customMessage). */
  userPool: cognito.UserPool;
}

/** Why a worker's function has no DeadLetterConfig (cdk-nag's Serverless-LambdaDLQ), by how it is invoked. */
function noDeadLetterConfigReason(spec: WorkerSpec): string {
  switch (spec.trigger.source) {
    case 'workflow':
      return 'Invoked synchronously by the notification state machine, whose Retry and Catch handle a failure (and whose ' +
        'ExecutionsFailed is alarmed on); a dead-letter queue only ever receives asynchronous invocations, so it would stay empty.';
    case 'cognito:customMessage':
      return 'Invoked synchronously by the Cognito user pool before each of its own mails, which fails the user\'s request ' +
        '(sign-up, password reset, invitation) when the function does; a dead-letter queue only ever receives asynchronous ' +
        'invocations, so it would stay empty. Errors are alarmed on with every function\'s (lib/constructs/ops.ts).';
    case 'table:stream':
      return 'Invoked by an event source mapping on the table\'s stream, whose on-failure destination (SqsDlq) is the workers\' ' +
        'dead-letter queue, alarmed on (lib/constructs/ops.ts); a DeadLetterConfig only ever receives asynchronous invocations, ' +
        'which a stream never makes, so it would stay empty.';
    default:
      return 'Invoked asynchronously, with an on-failure destination (EventInvokeConfig) to the workers\' dead-letter queue, ' +
        'AWS\'s successor to DeadLetterConfig: its record carries the error as well as the original event, and the queue ' +
        'is alarmed on (lib/constructs/ops.ts). A DeadLetterConfig as well would only add a second, poorer copy.';
  }
}

export class Workers extends Construct {
  /** The function of each worker, by name; the notification workflow's tasks among them. */
  readonly functions = new Map<string, BackendFunction>();
  /**
   * Events a worker failed on after every retry, with the error and the original event (Lambda's on-failure
   * destination record), and scheduled or SES events EventBridge could not deliver to a worker. Anything in it needs a
   * person; alarm on ApproximateNumberOfMessagesVisible > 0.
   */
  readonly deadLetterQueue: sqs.Queue;
  private readonly specs: readonly WorkerSpec[];

  constructor(scope: Construct, id: string, props: WorkersProps) {
    super(scope, id);
    const { settings } = props;
    this.specs = props.workers;

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
      removalPolicy: removalPolicy(settings.removal),
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter store: the on-failure destination of the workers\' asynchronous ' +
        'invocations (an EventInvokeConfig, which cdk-nag does not recognise as a DLQ) and of the table stream\'s event ' +
        'source mapping, and the dead-letter queue of the EventBridge rules\' targets (schedules, SES events). Nothing ' +
        'consumes it automatically, so it has no DLQ of its own.',
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'Serverless-SQSRedrivePolicy',
      reason:
        'This queue is itself the dead-letter store of the workers (see AwsSolutions-SQS3): nothing receives from it ' +
        'automatically, so no message can fail here to be redriven; a person reads it when its alarm fires.',
    });

    const failures = new SqsDestination(this.deadLetterQueue);
    for (const spec of props.workers) {
      const fn = new BackendFunction(this, pascal(spec.name), {
        entry: spec.entry,
        description: spec.description,
        stage: props.stageName,
        logRetentionDays: settings.logRetentionDays,
        removal: settings.removal,
        logLevel: settings.logLevel,
        memorySize: spec.memoryMb,
        timeout: Duration.seconds(spec.timeoutSeconds),
      });
      if (spec.table) fn.bindTable(props.table, spec.table);
      if (spec.bucket) fn.bindBucket(props.mediaBucket, spec.bucket);
      if (spec.mail) fn.bindMailer(props.mailer);
      // A stream is polled, not invoked asynchronously: its mapping has retries and a destination of its own. The
      // state machine and the user pool invoke theirs synchronously.
      if (!SYNCHRONOUS_OR_POLLED.has(spec.trigger.source)) {
        fn.lambda.configureAsyncInvoke({ retryAttempts: ASYNC_RETRY_ATTEMPTS, maxEventAge: MAX_EVENT_AGE, onFailure: failures });
      }
      Validations.of(fn.lambda).acknowledge({ id: 'Serverless-LambdaDLQ', reason: noDeadLetterConfigReason(spec) });
      this.wireTrigger(spec, fn, props);
      this.functions.set(spec.name, fn);
    }
    this.acknowledgeNotificationsHandler();
  }

  /**
   * Lets the workers with `startsWorkflow` start executions of the notification state machine. Not in the
   * constructor: the state machine is built after the workers, as its definition names the task workers' functions.
   */
  bindNotifyWorkflow(stateMachine: IStateMachine) {
    for (const spec of this.specs) if (spec.startsWorkflow) this.functions.get(spec.name)?.bindNotifyWorkflow(stateMachine);
  }

  /**
   * The table's stream → the function, through an event source mapping: only the records of the trigger's filter (the
   * INSERTs of its entity; Lambda drops the rest unbilled), from the oldest kept (TRIM_HORIZON: nothing written while
   * the mapping was being created is skipped). The function reports the records it failed on (batchItemFailures) and
   * the batch is delivered again from the first of them, halved on each failure (bisect) to isolate one that keeps
   * failing, until retryAttempts or MAX_EVENT_AGE: then the batch's description (shard and sequence numbers, not the
   * records) goes to the dead-letter queue. A mail it names is still in the table, pending, for the retry worker.
   */
  private wireStream(trigger: StreamTrigger, fn: BackendFunction, table: ITable) {
    fn.lambda.addEventSource(
      new DynamoEventSource(table, {
        startingPosition: lambda.StartingPosition.TRIM_HORIZON,
        filters: [lambda.FilterCriteria.filter(streamFilter(trigger))],
        batchSize: trigger.batchSize,
        retryAttempts: trigger.retryAttempts,
        maxRecordAge: MAX_EVENT_AGE,
        bisectBatchOnError: true,
        reportBatchItemFailures: true,
        parallelizationFactor: STREAM_PARALLELIZATION,
        onFailure: new SqsDlq(this.deadLetterQueue),
      }),
    );
    Validations.of(fn.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'The stream read grant CDK gives an event source mapping\'s function includes dynamodb:ListStreams on Resource "*" ' +
        '(it lists stream ARNs and labels, no data); the data actions (DescribeStream, GetRecords, GetShardIterator) name ' +
        'this table\'s stream only. Besides X-Ray\'s actions, which support no resource-level permissions.',
    });
  }

  /**
   * S3 notifications are configured by CDK's own custom resource (Custom::S3BucketNotifications), whose handler is a
   * stack singleton that CDK gives AWSLambdaBasicExecutionRole whatever role it is handed. Its other statement,
   * s3:PutBucketNotification, names the media bucket only.
   */
  private acknowledgeNotificationsHandler() {
    const handler = Stack.of(this).node.children.find((c) => c.node.id.startsWith('BucketNotificationsHandler'));
    if (!handler) return;
    const role = handler.node.tryFindChild('Role');
    if (!role) throw new Error(`${handler.node.path}: CDK's bucket notifications handler has no Role child any more; revisit this acknowledgement.`);
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole]',
      reason:
        'The role of CDK\'s built-in handler for Custom::S3BucketNotifications, which runs only during deployments to put ' +
        'the media bucket\'s notification configuration. CDK attaches AWSLambdaBasicExecutionRole to it unconditionally ' +
        '(it only lets the handler write its own logs); its one other grant, s3:PutBucketNotification, names the media bucket.',
    });
  }

  private wireTrigger(spec: WorkerSpec, fn: BackendFunction, props: WorkersProps) {
    const { trigger } = spec;
    switch (trigger.source) {
      case 's3:ObjectCreated':
        props.mediaBucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn.lambda), { prefix: PREFIXES[trigger.prefix] });
        return;
      case 'schedule': {
        if (!Number.isInteger(trigger.minutes) || trigger.minutes < 1) {
          throw new Error(`Worker ${spec.name}: a schedule runs every whole number of minutes (1 or more), not ${trigger.minutes}.`);
        }
        // The rule invokes the function with its own resource-based permission (events.amazonaws.com, this rule's
        // ARN only), and may send to the dead-letter queue by a queue policy statement for this rule only.
        const rule = new events.Rule(fn, 'Schedule', {
          description: `Runs ${spec.name} every ${trigger.minutes} minute(s)`,
          schedule: events.Schedule.rate(Duration.minutes(trigger.minutes)),
        });
        rule.addTarget(
          new targets.LambdaFunction(fn.lambda, {
            retryAttempts: SCHEDULE_RETRY_ATTEMPTS,
            maxEventAge: SCHEDULE_MAX_EVENT_AGE,
            deadLetterQueue: this.deadLetterQueue,
          }),
        );
        return;
      }
      case 'ses:events': {
        // SES publishes the configuration set's events to the default bus (lib/constructs/mail.ts); the rule takes
        // those of this stage's set only (SES tags every mail with its set's name), so dev and prod in one account
        // each get their own. Permissions as for the schedules: this rule's ARN only.
        const rule = new events.Rule(fn, 'MailEvents', {
          description: `Sends the ${PUBLISHED_MAIL_EVENTS.map((e) => e.eventType).join(', ')} events of this stage's SES configuration set to ${spec.name}`,
          eventPattern: {
            source: ['aws.ses'],
            detailType: PUBLISHED_MAIL_EVENTS.map((e) => e.detailType),
            detail: { mail: { tags: { [CONFIGURATION_SET_TAG]: [props.mailer.configurationSet.configurationSetName] } } },
          },
        });
        rule.addTarget(
          new targets.LambdaFunction(fn.lambda, {
            retryAttempts: MAIL_EVENT_RETRY_ATTEMPTS,
            maxEventAge: MAIL_EVENT_MAX_EVENT_AGE,
            deadLetterQueue: this.deadLetterQueue,
          }),
        );
        return;
      }
      case 'workflow':
        // Invoked by the notification state machine only (lib/constructs/workflow.ts), with the state machine's role.
        return;
      case 'table:stream':
        this.wireStream(trigger, fn, props.table);
        return;
      case 'cognito:customMessage':
        // Sets the pool's CustomMessage trigger and lets cognito-idp.amazonaws.com invoke the function for this pool only.
        props.userPool.addTrigger(cognito.UserPoolOperation.CUSTOM_MESSAGE, fn.lambda);
        return;
      default: {
        const unknown: never = trigger;
        throw new Error(`Worker ${spec.name}: no trigger wiring for ${JSON.stringify(unknown)}`);
      }
    }
  }
}
