/**
 * Event-triggered functions: one per entry of the worker table (functions/shared/workers.ts), built with the same
 * function construct as the routes, with only the grants the spec names, its memory and timeout, and its trigger
 * wired: objects created under a prefix of the media bucket (an S3 notification), or a clock (an EventBridge rule).
 *
 * Both invoke the function asynchronously: Lambda retries a failed event twice, and an event that still fails (or
 * waits too long) goes to the dead-letter queue with the error, so no upload or tick is lost without a trace.
 * EventBridge has its own retry policy for the delivery itself (the Invoke call: throttling, a missing permission);
 * an event it cannot deliver goes to the same dead-letter queue.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as events from 'aws-cdk-lib/aws-events';
import * as targets from 'aws-cdk-lib/aws-events-targets';
import { SqsDestination } from 'aws-cdk-lib/aws-lambda-destinations';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3n from 'aws-cdk-lib/aws-s3-notifications';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PREFIXES } from '../../functions/adapters/bucket-design.ts';
import type { WorkerSpec } from '../../functions/shared/workers.ts';
import type { StageSettings } from '../stage-config.ts';
import { BackendFunction } from './function.ts';
import type { Mailer } from './mail.ts';

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

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export interface WorkersProps {
  settings: StageSettings;
  table: ITable;
  mediaBucket: s3.IBucket;
  workers: readonly WorkerSpec[];
  /** The sender and configuration set, for workers with `mail`. */
  mailer: Mailer;
}

export class Workers extends Construct {
  /** The function of each worker, by name. */
  readonly functions = new Map<string, BackendFunction>();
  /**
   * Events a worker failed on after every retry, with the error and the original event (Lambda's on-failure
   * destination record), and scheduled events EventBridge could not deliver to a worker. Anything in it needs a
   * person; alarm on ApproximateNumberOfMessagesVisible > 0.
   */
  readonly deadLetterQueue: sqs.Queue;

  constructor(scope: Construct, id: string, props: WorkersProps) {
    super(scope, id);
    const { settings } = props;

    this.deadLetterQueue = new sqs.Queue(this, 'DeadLetterQueue', {
      encryption: sqs.QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: DEAD_LETTER_RETENTION,
      removalPolicy: settings.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });
    Validations.of(this.deadLetterQueue).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the dead-letter store: the on-failure destination of the workers\' asynchronous ' +
        'invocations (an EventInvokeConfig, which cdk-nag does not recognise as a DLQ) and the dead-letter queue of ' +
        'the schedule rules\' targets. Nothing consumes it automatically, so it has no DLQ of its own.',
    });

    const failures = new SqsDestination(this.deadLetterQueue);
    for (const spec of props.workers) {
      const fn = new BackendFunction(this, pascal(spec.name), {
        entry: spec.entry,
        description: spec.description,
        logRetentionDays: settings.logRetentionDays,
        removal: settings.removal,
        logLevel: settings.logLevel,
        memorySize: spec.memoryMb,
        timeout: Duration.seconds(spec.timeoutSeconds),
      });
      if (spec.table) fn.bindTable(props.table, spec.table);
      if (spec.bucket) fn.bindBucket(props.mediaBucket, spec.bucket);
      if (spec.mail) fn.bindMailer(props.mailer);
      fn.lambda.configureAsyncInvoke({ retryAttempts: ASYNC_RETRY_ATTEMPTS, maxEventAge: MAX_EVENT_AGE, onFailure: failures });
      this.wireTrigger(spec, fn, props.mediaBucket);
      this.functions.set(spec.name, fn);
    }
    this.acknowledgeNotificationsHandler();
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

  private wireTrigger(spec: WorkerSpec, fn: BackendFunction, bucket: s3.IBucket) {
    const { trigger } = spec;
    switch (trigger.source) {
      case 's3:ObjectCreated':
        bucket.addEventNotification(s3.EventType.OBJECT_CREATED, new s3n.LambdaDestination(fn.lambda), { prefix: PREFIXES[trigger.prefix] });
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
      default: {
        const unknown: never = trigger;
        throw new Error(`Worker ${spec.name}: no trigger wiring for ${JSON.stringify(unknown)}`);
      }
    }
  }
}
