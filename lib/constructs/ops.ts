/**
 * Operations: the stage's alarms, the one SNS topic they notify (KMS-encrypted, TLS only, an e-mail subscription to the
 * stage's alarmEmail), and the stage's CloudWatch dashboard.
 *
 * A nested stack: one alarm on each function's errors and one on its throttles is about two resources per route, and
 * CloudFormation allows 500 resources per stack, which the backend stack (some 360) would otherwise reach within a few
 * routes. The nested stack gets the function names, the table name and so on as parameters (CDK passes them).
 *
 * ALARMS (each notifies the topic when it goes into ALARM and again when it is OK; no data counts as OK)
 * =====================================================================================================
 *
 *   alarm                        metric                                              fires when                period
 *   ---------------------------  --------------------------------------------------  ------------------------  ------
 *   api-5xx-rate                 100 * 5XXError / Count of the API stage             > API_5XX_RATE_PERCENT    5 min
 *                                (0 while Count < API_5XX_MIN_REQUESTS)              (1%)
 *   fn-<name>-errors             Lambda Errors (Sum), every function                 > FUNCTION_ERRORS_ALLOWED 5 min
 *                                                                                    (0)
 *   fn-<name>-throttles          Lambda Throttles (Sum), every function              > FUNCTION_THROTTLES_     5 min
 *                                                                                    ALLOWED (0)
 *   dlq-<name>-messages          SQS ApproximateNumberOfMessagesVisible (Maximum),   > DEAD_LETTERS_ALLOWED    5 min
 *                                every dead-letter queue                             (0)
 *   notify-failed                Step Functions ExecutionsFailed (Sum)               > WORKFLOW_FAILURES_      5 min
 *   notify-timed-out             Step Functions ExecutionsTimedOut (Sum)               ALLOWED (0)
 *   table-throttled-requests     DynamoDB ThrottledRequests (Sum) over TABLE_        > TABLE_THROTTLES_        5 min
 *                                OPERATIONS                                            ALLOWED (0)
 *   table-throttle-events,       DynamoDB ReadThrottleEvents + WriteThrottleEvents   > TABLE_THROTTLES_        5 min
 *   <index>-throttle-events      (Sum), of the table and of each GSI                   ALLOWED (0)
 *   ses-bounce-rate              AWS/SES Reputation.BounceRate (Maximum), account    > SES_BOUNCE_RATE_MAX     1 hour
 *                                                                                    (0.02, i.e. 2%)
 *   ses-complaint-rate           AWS/SES Reputation.ComplaintRate (Maximum), account > SES_COMPLAINT_RATE_MAX  1 hour
 *                                                                                    (0.0005, i.e. 0.05%)
 *
 *   Alarm names start with the backend stack's name (PracticeCases-<stage>-), so the stages of one account never clash
 *   and the mail's subject says which stage it is about. Every alarm evaluates one period: the zero thresholds mean
 *   "anything at all", since each of those events needs a person (a crash, lost capacity, a dead letter, a failed run).
 *
 *   - The 5xx rate needs API_5XX_MIN_REQUESTS in the 5 minutes before it counts, so one failure among a handful of
 *     night-time requests does not page anyone; a 5xx that comes from a crash pages through its function's errors anyway.
 *   - Lambda Errors are unhandled failures only (an exception the handler did not turn into a problem answer, a
 *     timeout, running out of memory); handled 4xx and 5xx answers are not errors.
 *   - The SES rates are SES's own reputation metrics for the whole account (the ones SES reviews an account on at 5%
 *     bounces and 0.1% complaints), including Cognito's mails in a stage that sends them through SES; a stage sharing
 *     the account with another raises the same alarm. They are fractions (0.02 = 2%). The configuration set also
 *     publishes them per set (dimension ses:configuration-set), which the dashboard shows next to the account's.
 *
 * DASHBOARD: <stack name>-<region> (dashboards are global to the account), with the alarms' states, the business
 * metrics (functions/shared/metric-names.ts: namespace METRICS_NAMESPACE, dimensions service and stage), the API (requests,
 * 4xx, 5xx, latency p50 and p99), every function (errors, throttles, duration p99), the table (consumed capacity,
 * throttles), the notification workflow (executions started, succeeded, failed, timed out, aborted), SES (sends,
 * deliveries, bounces, complaints, reputation rates) and the dead-letter queues' depth.
 */
import { Aws, Duration, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cw from 'aws-cdk-lib/aws-cloudwatch';
import * as cwActions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import type * as ses from 'aws-cdk-lib/aws-ses';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as subscriptions from 'aws-cdk-lib/aws-sns-subscriptions';
import type * as sqs from 'aws-cdk-lib/aws-sqs';
import type * as sfn from 'aws-cdk-lib/aws-stepfunctions';
import type { Construct } from 'constructs';
import { BUSINESS_METRICS, METRICS_NAMESPACE, STAGE_DIMENSION } from '../../functions/shared/metric-names.ts';
import { removalPolicy, type StageName, type StageSettings } from '../stage-config.ts';
import { SERVICE_NAME } from './function.ts';

/** The period of every alarm but the SES ones. */
export const ALARM_PERIOD = Duration.minutes(5);
/** The API's 5xx answers, in percent of its requests in ALARM_PERIOD, above which api-5xx-rate fires. */
export const API_5XX_RATE_PERCENT = 1;
/** Requests in ALARM_PERIOD below which the 5xx rate counts as 0 (so a lone night-time failure does not page). */
export const API_5XX_MIN_REQUESTS = 100;
/** Unhandled Lambda errors per function in ALARM_PERIOD tolerated: none. */
export const FUNCTION_ERRORS_ALLOWED = 0;
/** Throttled Lambda invocations per function in ALARM_PERIOD tolerated: none. */
export const FUNCTION_THROTTLES_ALLOWED = 0;
/** Messages visible in a dead-letter queue tolerated: none. */
export const DEAD_LETTERS_ALLOWED = 0;
/** Failed or timed-out executions of the notification workflow in ALARM_PERIOD tolerated: none. */
export const WORKFLOW_FAILURES_ALLOWED = 0;
/** Throttled DynamoDB requests, and read or write throttle events of the table or an index, in ALARM_PERIOD: none. */
export const TABLE_THROTTLES_ALLOWED = 0;
/** The DynamoDB operations the functions call (functions/adapters), whose ThrottledRequests are summed. */
export const TABLE_OPERATIONS: readonly dynamodb.Operation[] = [
  dynamodb.Operation.GET_ITEM,
  dynamodb.Operation.BATCH_GET_ITEM,
  dynamodb.Operation.QUERY,
  dynamodb.Operation.PUT_ITEM,
  dynamodb.Operation.UPDATE_ITEM,
  dynamodb.Operation.DELETE_ITEM,
  dynamodb.Operation.TRANSACT_WRITE_ITEMS,
];
/** The period of the SES reputation alarms: SES computes the rates over a representative volume, not per minute. */
export const SES_ALARM_PERIOD = Duration.hours(1);
/** SES bounce rate (a fraction) above which ses-bounce-rate fires: 2%, well before SES reviews the account at 5%. */
export const SES_BOUNCE_RATE_MAX = 0.02;
/** SES complaint rate (a fraction) above which ses-complaint-rate fires: 0.05%, half of SES's review level of 0.1%. */
export const SES_COMPLAINT_RATE_MAX = 0.0005;

/** The AWS/SES reputation metrics (account-level without dimensions; per configuration set with this dimension). */
export const SES_REPUTATION = {
  namespace: 'AWS/SES',
  bounceRate: 'Reputation.BounceRate',
  complaintRate: 'Reputation.ComplaintRate',
  configurationSetDimension: 'ses:configuration-set',
} as const;

export interface OpsProps {
  stageName: StageName;
  settings: StageSettings;
  restApi: apigw.RestApi;
  /** Every function of the stack by a short name (a route's operationId, a worker's name); names must not repeat. */
  functions: ReadonlyMap<string, lambda.IFunction>;
  /** Every dead-letter queue, by a short name. */
  deadLetterQueues: ReadonlyMap<string, sqs.IQueue>;
  notifyWorkflow: sfn.IStateMachine;
  table: dynamodb.ITable;
  /** The names of the table's global secondary indexes. */
  tableIndexes: readonly string[];
  configurationSet: ses.IConfigurationSet;
}

/**
 * Every metric that an alarm watches, each built once: the alarms read them as they are, the dashboard draws the
 * same ones with a label (`with` keeps the metric and changes only how it is shown).
 */
function watchedMetrics(props: OpsProps) {
  const stage = props.restApi.deploymentStage;
  const sum = { statistic: cw.Stats.SUM, period: ALARM_PERIOD };
  const maximum = { statistic: cw.Stats.MAXIMUM, period: ALARM_PERIOD };
  const dynamoDb = (metricName: string, index: string | undefined) =>
    new cw.Metric({
      namespace: 'AWS/DynamoDB',
      metricName,
      dimensionsMap: { TableName: props.table.tableName, ...(index ? { GlobalSecondaryIndexName: index } : {}) },
      ...sum,
    });
  const reputation = (metricName: string, dimensionsMap?: Record<string, string>) =>
    new cw.Metric({ namespace: SES_REPUTATION.namespace, metricName, dimensionsMap, statistic: cw.Stats.MAXIMUM, period: SES_ALARM_PERIOD });
  const ofSet = { [SES_REPUTATION.configurationSetDimension]: props.configurationSet.configurationSetName };
  return {
    api: { serverErrors: stage.metricServerError(sum), requests: stage.metricCount(sum) },
    functions: [...props.functions].map(([name, fn]) => ({ name, errors: fn.metricErrors(sum), throttles: fn.metricThrottles(sum) })),
    deadLetterQueues: [...props.deadLetterQueues].map(([name, queue]) => ({ name, visible: queue.metricApproximateNumberOfMessagesVisible(maximum) })),
    workflow: { failed: props.notifyWorkflow.metricFailed(sum), timedOut: props.notifyWorkflow.metricTimedOut(sum) },
    table: {
      throttledRequests: props.table.metricThrottledRequestsForOperations({ operations: [...TABLE_OPERATIONS], ...sum }),
      /** The table's (index undefined) and each index's throttle events. */
      throttleEvents: [undefined, ...props.tableIndexes].map((index) => ({
        index,
        reads: dynamoDb('ReadThrottleEvents', index),
        writes: dynamoDb('WriteThrottleEvents', index),
      })),
    },
    ses: {
      bounceRate: reputation(SES_REPUTATION.bounceRate),
      complaintRate: reputation(SES_REPUTATION.complaintRate),
      bounceRateOfSet: reputation(SES_REPUTATION.bounceRate, ofSet),
      complaintRateOfSet: reputation(SES_REPUTATION.complaintRate, ofSet),
    },
  };
}

type WatchedMetrics = ReturnType<typeof watchedMetrics>;

/** One alarm as the dashboard and the tests see it. */
export interface OpsAlarm {
  /** The name after the stack name: api-5xx-rate, fn-createCase-errors, ... */
  key: string;
  alarm: cw.Alarm;
}

export class Ops extends NestedStack {
  readonly topic: sns.Topic;
  readonly topicKey: kms.Key;
  readonly dashboard: cw.Dashboard;
  readonly alarms: OpsAlarm[] = [];
  /** The backend stack's name: alarm names and the dashboard name start with it. */
  private readonly prefix: string;

  constructor(scope: Construct, id: string, props: OpsProps) {
    super(scope, id, { description: `Alarms and dashboard of ${Stack.of(scope).stackName}` });
    this.prefix = Stack.of(scope).stackName;

    // CloudWatch publishes to an encrypted topic only with a customer managed key whose policy lets it use the key
    // (the AWS managed aws/sns key cannot be shared with it).
    this.topicKey = new kms.Key(this, 'AlarmTopicKey', {
      description: `Encrypts the alarm topic of ${this.prefix}`,
      enableKeyRotation: true,
      removalPolicy: removalPolicy(props.settings.removal),
      pendingWindow: Duration.days(7),
    });
    this.topicKey.addToResourcePolicy(
      new iam.PolicyStatement({
        sid: 'CloudWatchAlarmsPublish',
        principals: [new iam.ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.topic = new sns.Topic(this, 'AlarmTopic', {
      displayName: `Practice cases alarms (${props.stageName})`,
      masterKey: this.topicKey,
      enforceSSL: true,
    });
    const subscription = this.topic.addSubscription(new subscriptions.EmailSubscription(props.settings.alarmEmail));
    Validations.of(subscription).acknowledge({
      id: 'Serverless-SNSRedrivePolicy',
      reason:
        'The e-mail subscription of the alarm topic: a redrive queue would hold alarms SNS could not deliver, and the ' +
        'only way to tell anyone about that queue would be another alarm on this same topic. SNS retries e-mail ' +
        'delivery itself, and the alarms stay visible in CloudWatch and on the dashboard.',
    });

    const metrics = watchedMetrics(props);
    this.apiAlarms(metrics.api);
    this.functionAlarms(metrics.functions);
    this.deadLetterAlarms(metrics.deadLetterQueues);
    this.workflowAlarms(metrics.workflow);
    this.tableAlarms(metrics.table);
    this.sesAlarms(metrics.ses);

    this.dashboard = this.buildDashboard(props, metrics);
  }

  private addAlarm(key: string, metric: cw.IMetric, threshold: number, description: string): cw.Alarm {
    if (this.alarms.some((a) => a.key === key)) throw new Error(`Two alarms named ${key}: give the functions or queues distinct names.`);
    const alarm = new cw.Alarm(this, `Alarm-${key}`, {
      alarmName: `${this.prefix}-${key}`,
      alarmDescription: description,
      metric,
      threshold,
      comparisonOperator: cw.ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      datapointsToAlarm: 1,
      treatMissingData: cw.TreatMissingData.NOT_BREACHING,
    });
    const action = new cwActions.SnsAction(this.topic);
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    this.alarms.push({ key, alarm });
    return alarm;
  }

  private apiAlarms(api: WatchedMetrics['api']) {
    const rate = new cw.MathExpression({
      expression: `IF(requests >= ${API_5XX_MIN_REQUESTS}, 100 * errors / requests, 0)`,
      usingMetrics: { errors: api.serverErrors, requests: api.requests },
      period: ALARM_PERIOD,
      label: 'API 5xx answers (% of requests)',
    });
    this.addAlarm(
      'api-5xx-rate',
      rate,
      API_5XX_RATE_PERCENT,
      `More than ${API_5XX_RATE_PERCENT}% of API requests answered 5xx in 5 minutes (of at least ${API_5XX_MIN_REQUESTS}). ` +
        'First: see which fn-*-errors alarm fired with it, else search the access logs for status >= 500 to find the route.',
    );
  }

  private functionAlarms(functions: WatchedMetrics['functions']) {
    for (const { name, errors, throttles } of functions) {
      this.addAlarm(
        `fn-${name}-errors`,
        errors,
        FUNCTION_ERRORS_ALLOWED,
        `Function ${name} failed (an unhandled exception, a timeout or out of memory) in the last 5 minutes. ` +
          'First: read its log group for level ERROR and the X-Ray trace of the failed invocation.',
      );
      this.addAlarm(
        `fn-${name}-throttles`,
        throttles,
        FUNCTION_THROTTLES_ALLOWED,
        `Lambda refused to run function ${name} (throttled) in the last 5 minutes: API callers got errors, events were retried. ` +
          'First: check the account\'s concurrency (ConcurrentExecutions vs the quota) and ask for a higher limit if it is reached.',
      );
    }
  }

  private deadLetterAlarms(queues: WatchedMetrics['deadLetterQueues']) {
    for (const { name, visible } of queues) {
      this.addAlarm(
        `dlq-${name}-messages`,
        visible,
        DEAD_LETTERS_ALLOWED,
        `The ${name} dead-letter queue holds an event a worker failed on after every retry (an upload, a tick, a mail event). ` +
          'First: read the message (its error and original event), fix the cause, then replay or delete it.',
      );
    }
  }

  private workflowAlarms(workflow: WatchedMetrics['workflow']) {
    this.addAlarm(
      'notify-failed',
      workflow.failed,
      WORKFLOW_FAILURES_ALLOWED,
      'A notification run failed: some selection notices may not have been sent. ' +
        'First: open the failed execution in the Step Functions console (its failed state and error), then list the run\'s notices (GET /editions/{editionId}/notifications).',
    );
    this.addAlarm(
      'notify-timed-out',
      workflow.timedOut,
      WORKFLOW_FAILURES_ALLOWED,
      'A notification run timed out: some selection notices may not have been sent. ' +
        'First: open the execution in the Step Functions console to see where it stopped, then list the run\'s notices (GET /editions/{editionId}/notifications).',
    );
  }

  private tableAlarms(table: WatchedMetrics['table']) {
    this.addAlarm(
      'table-throttled-requests',
      table.throttledRequests,
      TABLE_THROTTLES_ALLOWED,
      'DynamoDB throttled requests to the table in the last 5 minutes (a hot partition, or traffic over twice its previous peak). ' +
        'First: find the hot key with CloudWatch Contributor Insights or the throttle events per index on the dashboard.',
    );
    for (const { index, reads, writes } of table.throttleEvents) {
      const what = index ? `index ${index}` : 'the table';
      this.addAlarm(
        `${index ?? 'table'}-throttle-events`,
        new cw.MathExpression({
          expression: 'reads + writes',
          usingMetrics: { reads, writes },
          period: ALARM_PERIOD,
          label: `Throttle events of ${what}`,
        }),
        TABLE_THROTTLES_ALLOWED,
        `DynamoDB throttled reads or writes of ${what} in the last 5 minutes (a hot partition${index ? '; a throttled index throttles the table\'s writes' : ''}). ` +
          'First: see the key design limits in lib/constructs/storage.ts and find the hot key with Contributor Insights.',
      );
    }
  }

  private sesAlarms(ses: WatchedMetrics['ses']) {
    this.addAlarm(
      'ses-bounce-rate',
      ses.bounceRate,
      SES_BOUNCE_RATE_MAX,
      `The account's SES bounce rate is above ${SES_BOUNCE_RATE_MAX * 100}% (SES reviews the account at 5%, may pause it at 10%). ` +
        'First: check the bounced addresses (NotificationsBounced, the suppression list) and stop sending to bad lists.',
    );
    this.addAlarm(
      'ses-complaint-rate',
      ses.complaintRate,
      SES_COMPLAINT_RATE_MAX,
      `The account's SES complaint rate is above ${SES_COMPLAINT_RATE_MAX * 100}% (SES reviews the account at 0.1%). ` +
        'First: see which mails drew complaints (NotificationsComplained) and pause that mailing until it is fixed.',
    );
  }

  private buildDashboard(props: OpsProps, watched: WatchedMetrics): cw.Dashboard {
    const minutes5 = ALARM_PERIOD;
    const sum = (metric: cw.Metric, label?: string) => metric.with({ statistic: cw.Stats.SUM, period: minutes5, ...(label ? { label } : {}) });
    const functions = [...props.functions];
    const stage = props.restApi.deploymentStage;

    const business = (keys: (keyof typeof BUSINESS_METRICS)[]) =>
      keys.map(
        (key) =>
          new cw.Metric({
            namespace: METRICS_NAMESPACE,
            metricName: BUSINESS_METRICS[key],
            dimensionsMap: { service: SERVICE_NAME, [STAGE_DIMENSION]: props.stageName },
            statistic: cw.Stats.SUM,
            period: minutes5,
          }),
      );
    const businessKeys = Object.keys(BUSINESS_METRICS) as (keyof typeof BUSINESS_METRICS)[];
    const notificationKeys = businessKeys.filter((k) => k.startsWith('notifications'));
    const caseKeys = businessKeys.filter((k) => !k.startsWith('notifications'));

    const throttleEvents = watched.table.throttleEvents.flatMap(({ index, reads, writes }) => [
      reads.with({ label: `ReadThrottleEvents ${index ?? 'table'}` }),
      writes.with({ label: `WriteThrottleEvents ${index ?? 'table'}` }),
    ]);

    const graph = (title: string, left: cw.IMetric[], extra: Partial<cw.GraphWidgetProps> = {}) =>
      new cw.GraphWidget({ title, left, width: 12, height: 6, ...extra });

    const dashboard = new cw.Dashboard(this, 'Dashboard', {
      dashboardName: `${this.prefix}-${Aws.REGION}`,
      defaultInterval: Duration.hours(3),
    });
    dashboard.addWidgets(
      new cw.TextWidget({
        markdown: `# Practice cases (${props.stageName})\nAlarms go to the stage's alarm topic; each alarm's description says what to do first.`,
        width: 24,
        height: 2,
      }),
    );
    // An alarm status widget takes at most 100 alarms.
    for (let i = 0; i < this.alarms.length; i += 100) {
      dashboard.addWidgets(
        new cw.AlarmStatusWidget({
          title: i === 0 ? 'Alarms' : 'Alarms (continued)',
          alarms: this.alarms.slice(i, i + 100).map((a) => a.alarm),
          width: 24,
          height: 6,
        }),
      );
    }
    dashboard.addWidgets(
      graph('Cases and uploads', business(caseKeys)),
      graph('Notifications', business(notificationKeys)),
      graph('API requests', [
        watched.api.requests.with({ label: 'Requests' }),
        stage.metricClientError({ statistic: cw.Stats.SUM, period: minutes5, label: '4xx' }),
        watched.api.serverErrors.with({ label: '5xx' }),
      ]),
      graph('API latency', [
        stage.metricLatency({ statistic: cw.Stats.p(50), period: minutes5, label: 'p50' }),
        stage.metricLatency({ statistic: cw.Stats.p(99), period: minutes5, label: 'p99' }),
      ]),
      graph('Lambda errors by function', watched.functions.map(({ name, errors }) => errors.with({ label: name })), { stacked: true }),
      graph('Lambda throttles by function', watched.functions.map(({ name, throttles }) => throttles.with({ label: name })), { stacked: true }),
      graph('Lambda duration p99 by function', functions.map(([name, fn]) => fn.metricDuration({ statistic: cw.Stats.p(99), period: minutes5, label: name })), {
        width: 24,
      }),
      graph('DynamoDB consumed capacity', [
        sum(props.table.metricConsumedReadCapacityUnits(), 'Read capacity units'),
        sum(props.table.metricConsumedWriteCapacityUnits(), 'Write capacity units'),
      ]),
      graph('DynamoDB throttles', [
        watched.table.throttledRequests,
        ...throttleEvents,
      ]),
      graph('Notification workflow executions', [
        props.notifyWorkflow.metricStarted({ statistic: cw.Stats.SUM, period: minutes5, label: 'Started' }),
        props.notifyWorkflow.metricSucceeded({ statistic: cw.Stats.SUM, period: minutes5, label: 'Succeeded' }),
        watched.workflow.failed.with({ label: 'Failed' }),
        watched.workflow.timedOut.with({ label: 'Timed out' }),
        props.notifyWorkflow.metricAborted({ statistic: cw.Stats.SUM, period: minutes5, label: 'Aborted' }),
      ]),
      graph(
        'Dead-letter queue depth',
        watched.deadLetterQueues.map(({ name, visible }) => visible.with({ label: name })),
      ),
      graph(
        'SES sending (account)',
        ['Send', 'Delivery', 'Bounce', 'Complaint'].map((metricName) => new cw.Metric({ namespace: SES_REPUTATION.namespace, metricName, statistic: cw.Stats.SUM, period: minutes5 })),
      ),
      graph(
        'SES reputation (fraction)',
        [
          watched.ses.bounceRate.with({ label: 'Bounce rate (account)' }),
          watched.ses.bounceRateOfSet.with({ label: 'Bounce rate (this stage\'s configuration set)' }),
        ],
        {
          right: [
            watched.ses.complaintRate.with({ label: 'Complaint rate (account)' }),
            watched.ses.complaintRateOfSet.with({ label: 'Complaint rate (this stage\'s configuration set)' }),
          ],
          leftAnnotations: [{ value: SES_BOUNCE_RATE_MAX, label: 'Bounce alarm' }],
          rightAnnotations: [{ value: SES_COMPLAINT_RATE_MAX, label: 'Complaint alarm' }],
        },
      ),
    );
    return dashboard;
  }
}
