/**
 * Operations and hardening: the alarms (each with its metric, statistic, period, threshold and comparison), the alarm
 * topic and its e-mail subscription, the dashboard, log retention on every log group, and the WAF rate rule sized for
 * the deadline rush. The thresholds are written out here, not read from lib/constructs/ops.ts, so that changing one
 * is a deliberate act in two places.
 */
import { describe, expect, it } from 'vitest';
import { INDEXES } from '../../functions/adapters/table-design.ts';
import { BUSINESS_METRICS, METRICS_NAMESPACE } from '../../functions/shared/metric-names.ts';
import { ROUTES } from '../../functions/shared/routes.ts';
import { WORKERS } from '../../functions/shared/workers.ts';
import {
  arnText,
  backendFunctions,
  buildForTest,
  cdkJson,
  fromParent,
  logicalIdOf,
  ofType,
  stageSettings,
  type Synth,
  STAGES,
  useStages,
} from './synth.ts';

const synths = useStages();

type Json = Record<string, unknown>;

/** The WAF per-IP limit (requests per 5 minutes) of each stage, as decided in lib/stage-config.ts's wafRateLimit. */
const WAF_LIMITS = { dev: 1000, prod: 6000 } as const;

const INDEX_NAMES = Object.values(INDEXES).map((i) => i.name);

/** Every function of the stack by its short name (operationId, worker name) and its logical id in the backend stack. */
function functionIds(s: Synth): Map<string, string> {
  const { routes, workers } = backendFunctions(s);
  return new Map([...routes, ...workers]);
}

/** The alarms of the ops stack by name. */
function alarmsByName(s: Synth): Map<string, Json> {
  return new Map(ofType(s.ops.resources, 'AWS::CloudWatch::Alarm').map(([, r]) => [String(r.Properties?.AlarmName), r.Properties ?? {}]));
}

function alarm(s: Synth, stage: string, key: string): Json {
  const found = alarmsByName(s).get(`PracticeCases-${stage}-${key}`);
  if (!found) throw new Error(`No alarm PracticeCases-${stage}-${key}`);
  return found;
}

/** A dimension list with each value read as the backend stack's (a function's `{ Ref }`, a queue's GetAtt, ...). */
function dimensions(s: Synth, dims: unknown): Record<string, unknown> {
  return Object.fromEntries(((dims ?? []) as { Name: string; Value: unknown }[]).map((d) => [d.Name, fromParent(s, d.Value)]));
}

/** What every alarm has in common: one 5-minute (or given) period, "greater than", no data is fine. */
const COMMON = { ComparisonOperator: 'GreaterThanThreshold', EvaluationPeriods: 1, DatapointsToAlarm: 1, TreatMissingData: 'notBreaching' };

/** A single-metric alarm: namespace, metric, statistic, period (seconds), threshold, and its dimensions as the backend's. */
function expectMetricAlarm(
  s: Synth,
  props: Json,
  expected: { namespace: string; metric: string; statistic: string; period: number; threshold: number; dimensions: Record<string, unknown> },
) {
  expect(props).toMatchObject({
    ...COMMON,
    Namespace: expected.namespace,
    MetricName: expected.metric,
    Statistic: expected.statistic,
    Period: expected.period,
    Threshold: expected.threshold,
  });
  expect(dimensions(s, props.Dimensions)).toEqual(expected.dimensions);
}

interface MetricQuery {
  Id: string;
  Expression?: string;
  ReturnData?: boolean;
  MetricStat?: { Metric: { Namespace: string; MetricName: string; Dimensions: unknown }; Period: number; Stat: string };
}

/** The dashboard's widgets, its body parsed with every parameter reference as `${name}`. */
function dashboardOf(s: Synth) {
  const dashboards = ofType(s.ops.resources, 'AWS::CloudWatch::Dashboard');
  expect(dashboards).toHaveLength(1);
  const props = (dashboards[0] as [string, { Properties?: Json }])[1].Properties ?? {};
  const body = JSON.parse(arnText(props.DashboardBody)) as { widgets: { type: string; properties: Json }[] };
  return { name: props.DashboardName, widgets: body.widgets };
}

/** Each metric line of the dashboard: [namespace, name, dim, value, ..., options] with values read as the backend's. */
function dashboardMetrics(s: Synth) {
  const lines: { namespace: string; metric: string; dims: Record<string, unknown>; options: Json; widget: string }[] = [];
  for (const widget of dashboardOf(s).widgets) {
    const all = [...((widget.properties.metrics as unknown[][] | undefined) ?? [])];
    for (const line of all) {
      if (typeof line[0] !== 'string') continue;
      const last = line[line.length - 1];
      const options = typeof last === 'object' && last !== null ? (last as Json) : {};
      const parts = line.filter((x) => typeof x === 'string');
      const [namespace, metric, ...rest] = parts;
      const dims: Record<string, unknown> = {};
      for (let i = 0; i + 1 < rest.length; i += 2) {
        const value = rest[i + 1] as string;
        const param = /^\$\{(.+)\}$/.exec(value)?.[1];
        dims[rest[i] as string] = param && s.ops.parameters.has(param) ? s.ops.parameters.get(param) : value;
      }
      lines.push({ namespace: namespace as string, metric: metric as string, dims, options, widget: String(widget.properties.title) });
    }
  }
  return lines;
}

describe.each(STAGES)('the %s stack', (stage) => {
  const settings = stageSettings(stage);

  describe('alarm topic', () => {
    it('is one SNS topic, encrypted with a rotated customer managed key CloudWatch may use, and refusing publishes without TLS', () => {
      const { resources } = synths[stage].ops;
      const topics = ofType(resources, 'AWS::SNS::Topic');
      expect(topics).toHaveLength(1);
      const [topicId, topic] = topics[0] as [string, { Properties?: Json }];
      const keys = ofType(resources, 'AWS::KMS::Key');
      expect(keys).toHaveLength(1);
      const [keyId, key] = keys[0] as [string, { Properties?: Json; DeletionPolicy?: string }];
      expect(topic.Properties?.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [keyId, 'Arn'] });
      expect(key.Properties?.EnableKeyRotation).toBe(true);
      expect(key.DeletionPolicy).toBe(settings.removal === 'retain' ? 'Retain' : 'Delete');
      const statements = (key.Properties?.KeyPolicy as { Statement: Json[] }).Statement;
      expect(statements).toContainEqual(
        expect.objectContaining({
          Effect: 'Allow',
          Principal: { Service: 'cloudwatch.amazonaws.com' },
          Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        }),
      );

      const policies = ofType(resources, 'AWS::SNS::TopicPolicy');
      expect(policies).toHaveLength(1);
      const policy = (policies[0] as [string, { Properties?: Json }])[1].Properties ?? {};
      expect(policy.Topics).toEqual([{ Ref: topicId }]);
      expect((policy.PolicyDocument as { Statement: Json[] }).Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );
    });

    it("has exactly one subscription: e-mail to the stage's alarmEmail", () => {
      const { resources } = synths[stage].ops;
      const [topicId] = ofType(resources, 'AWS::SNS::Topic')[0] as [string, unknown];
      const subscriptions = ofType(resources, 'AWS::SNS::Subscription').map(([, r]) => r.Properties);
      expect(subscriptions).toEqual([{ Protocol: 'email', Endpoint: settings.alarmEmail, TopicArn: { Ref: topicId } }]);
      expect(settings.alarmEmail).toBe(stage === 'prod' ? 'ops@practice-cases.example.org' : 'ops-dev@practice-cases.example.org');
    });
  });

  describe('alarms', () => {
    it('are exactly the expected ones, named after the stack', () => {
      const s = synths[stage];
      const functions = [...ROUTES.map((r) => r.operationId), ...WORKERS.map((w) => w.name)];
      const expected = [
        'api-5xx-rate',
        ...functions.flatMap((name) => [`fn-${name}-errors`, `fn-${name}-throttles`]),
        'dlq-workers-messages',
        'notify-failed',
        'notify-timed-out',
        'table-throttled-requests',
        'table-throttle-events',
        ...INDEX_NAMES.map((index) => `${index}-throttle-events`),
        'ses-bounce-rate',
        'ses-complaint-rate',
      ].map((key) => `PracticeCases-${stage}-${key}`);
      expect([...alarmsByName(s).keys()].sort()).toEqual(expected.sort());
      expect(ofType(s.ops.resources, 'AWS::CloudWatch::Alarm')).toHaveLength(expected.length);
    });

    it('each notify the alarm topic on ALARM and on OK, and say in one line what they mean and what to do first', () => {
      const s = synths[stage];
      const [topicId] = ofType(s.ops.resources, 'AWS::SNS::Topic')[0] as [string, unknown];
      for (const [name, props] of alarmsByName(s)) {
        expect(props.AlarmActions, name).toEqual([{ Ref: topicId }]);
        expect(props.OKActions, name).toEqual([{ Ref: topicId }]);
        expect(props.InsufficientDataActions, name).toBeUndefined();
        const description = String(props.AlarmDescription);
        expect(description, name).not.toMatch(/\n/);
        expect(description, name).toMatch(/^.{20,}\. First: .{20,}$/);
        expect(description.length, name).toBeLessThanOrEqual(1024);
        expect(props, name).toMatchObject(COMMON);
      }
    });

    it('page when more than 1% of API requests answer 5xx in 5 minutes, once there are at least 100', () => {
      const s = synths[stage];
      const props = alarm(s, stage, 'api-5xx-rate');
      expect(props).toMatchObject({ ...COMMON, Threshold: 1 });
      expect(props.MetricName).toBeUndefined();
      const queries = props.Metrics as MetricQuery[];
      const expression = queries.find((q) => q.ReturnData !== false);
      expect(expression?.Expression).toBe('IF(requests >= 100, 100 * errors / requests, 0)');
      const [stageId] = ofType(s.resources, 'AWS::ApiGateway::Stage')[0] as [string, unknown];
      const apiDims = { ApiName: `PracticeCases-${stage}-api`, Stage: { Ref: stageId } };
      for (const [id, metric] of [
        ['errors', '5XXError'],
        ['requests', 'Count'],
      ] as const) {
        const query = queries.find((q) => q.Id === id);
        expect(query?.ReturnData, id).toBe(false);
        expect(query?.MetricStat, id).toMatchObject({ Metric: { Namespace: 'AWS/ApiGateway', MetricName: metric }, Period: 300, Stat: 'Sum' });
        expect(dimensions(s, query?.MetricStat?.Metric.Dimensions), id).toEqual(apiDims);
      }
    });

    it("page on any unhandled error and any throttle of every function, over 5 minutes", () => {
      const s = synths[stage];
      for (const [name, fnId] of functionIds(s)) {
        for (const [kind, metric] of [
          ['errors', 'Errors'],
          ['throttles', 'Throttles'],
        ] as const) {
          expectMetricAlarm(s, alarm(s, stage, `fn-${name}-${kind}`), {
            namespace: 'AWS/Lambda',
            metric,
            statistic: 'Sum',
            period: 300,
            threshold: 0,
            dimensions: { FunctionName: { Ref: fnId } },
          });
        }
      }
      expect(functionIds(s).size).toBe(ROUTES.length + WORKERS.length);
    });

    it("page as soon as a message is visible in the workers' dead-letter queue", () => {
      const s = synths[stage];
      expectMetricAlarm(s, alarm(s, stage, 'dlq-workers-messages'), {
        namespace: 'AWS/SQS',
        metric: 'ApproximateNumberOfMessagesVisible',
        statistic: 'Maximum',
        period: 300,
        threshold: 0,
        dimensions: { QueueName: { 'Fn::GetAtt': [logicalIdOf(s, s.stack.workers.deadLetterQueue), 'QueueName'] } },
      });
      // The only dead-letter queue of the stack.
      expect(ofType(s.resources, 'AWS::SQS::Queue')).toHaveLength(1);
    });

    it('page on any failed or timed-out execution of the notification workflow', () => {
      const s = synths[stage];
      for (const [key, metric] of [
        ['notify-failed', 'ExecutionsFailed'],
        ['notify-timed-out', 'ExecutionsTimedOut'],
      ] as const) {
        expectMetricAlarm(s, alarm(s, stage, key), {
          namespace: 'AWS/States',
          metric,
          statistic: 'Sum',
          period: 300,
          threshold: 0,
          dimensions: { StateMachineArn: { Ref: logicalIdOf(s, s.stack.workflows.notify) } },
        });
      }
    });

    it("page on any throttled request to the table, summed over the operations the functions use", () => {
      const s = synths[stage];
      const tableId = logicalIdOf(s, s.stack.storage.table);
      const props = alarm(s, stage, 'table-throttled-requests');
      expect(props).toMatchObject({ ...COMMON, Threshold: 0 });
      const queries = props.Metrics as MetricQuery[];
      const operations = ['GetItem', 'BatchGetItem', 'Query', 'PutItem', 'UpdateItem', 'DeleteItem', 'TransactWriteItems'];
      const metrics = queries.filter((q) => q.MetricStat);
      expect(metrics.map((q) => dimensions(s, q.MetricStat?.Metric.Dimensions)).sort((a, b) => String(a.Operation).localeCompare(String(b.Operation)))).toEqual(
        [...operations].sort().map((Operation) => ({ Operation, TableName: { Ref: tableId } })),
      );
      for (const q of metrics) expect(q.MetricStat).toMatchObject({ Metric: { Namespace: 'AWS/DynamoDB', MetricName: 'ThrottledRequests' }, Period: 300, Stat: 'Sum' });
      const expression = queries.find((q) => q.Expression)?.Expression ?? '';
      expect(expression.split(' + ').sort()).toEqual(metrics.map((q) => q.Id).sort());
    });

    it('page on any read or write throttle event of the table and of each index', () => {
      const s = synths[stage];
      const tableId = logicalIdOf(s, s.stack.storage.table);
      for (const index of [undefined, ...INDEX_NAMES]) {
        const props = alarm(s, stage, `${index ?? 'table'}-throttle-events`);
        expect(props).toMatchObject({ ...COMMON, Threshold: 0 });
        const queries = props.Metrics as MetricQuery[];
        expect(queries.find((q) => q.Expression)?.Expression).toBe('reads + writes');
        for (const [id, metric] of [
          ['reads', 'ReadThrottleEvents'],
          ['writes', 'WriteThrottleEvents'],
        ] as const) {
          const query = queries.find((q) => q.Id === id);
          expect(query?.MetricStat, `${index} ${id}`).toMatchObject({ Metric: { Namespace: 'AWS/DynamoDB', MetricName: metric }, Period: 300, Stat: 'Sum' });
          expect(dimensions(s, query?.MetricStat?.Metric.Dimensions)).toEqual({
            TableName: { Ref: tableId },
            ...(index ? { GlobalSecondaryIndexName: index } : {}),
          });
        }
      }
    });

    it("page when the account's SES bounce rate passes 2% or its complaint rate 0.05% (reputation metrics, hourly)", () => {
      const s = synths[stage];
      for (const [key, metric, threshold] of [
        ['ses-bounce-rate', 'Reputation.BounceRate', 0.02],
        ['ses-complaint-rate', 'Reputation.ComplaintRate', 0.0005],
      ] as const) {
        expectMetricAlarm(s, alarm(s, stage, key), { namespace: 'AWS/SES', metric, statistic: 'Maximum', period: 3600, threshold, dimensions: {} });
      }
      // The configuration set publishes the same metrics per set, which the dashboard shows.
      s.template.hasResourceProperties('AWS::SES::ConfigurationSet', { ReputationOptions: { ReputationMetricsEnabled: true } });
    });
  });

  describe('dashboard', () => {
    it('is named after the stack and the region, so stages and regions of one account do not clash', () => {
      const s = synths[stage];
      expect(dashboardOf(s).name).toEqual({ 'Fn::Join': ['', [`PracticeCases-${stage}-`, { Ref: 'AWS::Region' }]] });
      const outputs = s.template.toJSON().Outputs as Record<string, { Value: unknown }>;
      expect(outputs.DashboardName?.Value).toBeDefined();
    });

    it("shows every business metric, in the functions' namespace and with the stage's dimensions", () => {
      const lines = dashboardMetrics(synths[stage]);
      for (const name of Object.values(BUSINESS_METRICS)) {
        const line = lines.find((l) => l.metric === name);
        expect(line, name).toBeDefined();
        expect(line?.namespace, name).toBe(METRICS_NAMESPACE);
        expect(line?.namespace).toBe('PracticeCases');
        // Powertools adds `service` (POWERTOOLS_SERVICE_NAME) to the `stage` dimension of functions/shared/metrics.ts.
        expect(line?.dims, name).toEqual({ service: 'practice-cases', stage });
        expect(line?.options.stat, name).toBe('Sum');
      }
    });

    it('shows the API, every function, the table, the workflow, SES, the dead-letter queue and every alarm', () => {
      const s = synths[stage];
      const lines = dashboardMetrics(s);
      const has = (namespace: string, metric: string, stat?: string) =>
        lines.filter((l) => l.namespace === namespace && l.metric === metric && (stat === undefined || l.options.stat === stat));

      for (const metric of ['Count', '4XXError', '5XXError']) expect(has('AWS/ApiGateway', metric, 'Sum'), metric).toHaveLength(1);
      expect(has('AWS/ApiGateway', 'Latency', 'p50')).toHaveLength(1);
      expect(has('AWS/ApiGateway', 'Latency', 'p99')).toHaveLength(1);

      const fnIds = [...functionIds(s).values()].map((id) => ({ Ref: id }));
      for (const [metric, stat] of [
        ['Errors', 'Sum'],
        ['Throttles', 'Sum'],
        ['Duration', 'p99'],
      ] as const) {
        expect(
          has('AWS/Lambda', metric, stat).map((l) => l.dims.FunctionName),
          metric,
        ).toEqual(expect.arrayContaining(fnIds));
        expect(has('AWS/Lambda', metric, stat), metric).toHaveLength(fnIds.length);
      }

      const table = { Ref: logicalIdOf(s, s.stack.storage.table) };
      for (const metric of ['ConsumedReadCapacityUnits', 'ConsumedWriteCapacityUnits']) {
        expect(has('AWS/DynamoDB', metric, 'Sum').map((l) => l.dims), metric).toEqual([{ TableName: table }]);
      }
      expect(has('AWS/DynamoDB', 'ThrottledRequests')).toHaveLength(7);
      for (const metric of ['ReadThrottleEvents', 'WriteThrottleEvents']) {
        expect(has('AWS/DynamoDB', metric).map((l) => l.dims.GlobalSecondaryIndexName ?? 'table').sort(), metric).toEqual(['table', ...INDEX_NAMES].sort());
      }

      const stateMachine = { Ref: logicalIdOf(s, s.stack.workflows.notify) };
      for (const metric of ['ExecutionsStarted', 'ExecutionsSucceeded', 'ExecutionsFailed', 'ExecutionsTimedOut', 'ExecutionsAborted']) {
        expect(has('AWS/States', metric, 'Sum').map((l) => l.dims), metric).toEqual([{ StateMachineArn: stateMachine }]);
      }

      for (const metric of ['Send', 'Delivery', 'Bounce', 'Complaint']) expect(has('AWS/SES', metric, 'Sum'), metric).toHaveLength(1);
      const configurationSet = { Ref: logicalIdOf(s, s.stack.mail.configurationSet) };
      for (const metric of ['Reputation.BounceRate', 'Reputation.ComplaintRate']) {
        expect(has('AWS/SES', metric, 'Maximum').map((l) => l.dims), metric).toEqual([{}, { 'ses:configuration-set': configurationSet }]);
      }

      expect(has('AWS/SQS', 'ApproximateNumberOfMessagesVisible', 'Maximum').map((l) => l.dims)).toEqual([
        { QueueName: { 'Fn::GetAtt': [logicalIdOf(s, s.stack.workers.deadLetterQueue), 'QueueName'] } },
      ]);

      const alarmWidgets = dashboardOf(s).widgets.filter((w) => w.type === 'alarm');
      const shown = alarmWidgets.flatMap((w) => w.properties.alarms as string[]);
      expect(shown).toHaveLength(alarmsByName(s).size);
      for (const w of alarmWidgets) expect((w.properties.alarms as string[]).length).toBeLessThanOrEqual(100);
    });
  });

  describe('log retention', () => {
    it("gives every log group of both templates the stage's retention and removal", () => {
      const s = synths[stage];
      const groups = [...ofType(s.resources, 'AWS::Logs::LogGroup'), ...ofType(s.ops.resources, 'AWS::Logs::LogGroup')];
      // One per function, the API's access and execution logs, the state machine's, and CDK's deployment-time handlers.
      const handlers = ofType(s.resources, 'AWS::Lambda::Function').length - (ROUTES.length + WORKERS.length);
      expect(handlers).toBe(stage === 'dev' ? 2 : 1);
      expect(groups).toHaveLength(ROUTES.length + WORKERS.length + 3 + handlers);
      for (const [id, group] of groups) {
        expect(group.Properties?.RetentionInDays, id).toBe(settings.logRetentionDays);
        expect(group.DeletionPolicy, id).toBe(settings.removal === 'retain' ? 'Retain' : 'Delete');
      }
      expect(ofType(s.resources, 'Custom::LogRetention')).toEqual([]);
      expect(settings.logRetentionDays).toBe(stage === 'prod' ? 365 : 14);
    });

    it("sends every Lambda function's logs, CDK's handlers' included, to a log group of the template", () => {
      const s = synths[stage];
      for (const [id, fn] of ofType(s.resources, 'AWS::Lambda::Function')) {
        const logGroup = (fn.Properties?.LoggingConfig as { LogGroup?: { Ref?: string } } | undefined)?.LogGroup?.Ref;
        expect(logGroup, id).toBeDefined();
        expect(s.resources[logGroup ?? '']?.Type, id).toBe('AWS::Logs::LogGroup');
      }
    });

    it("creates the API's execution log group before the stage can write to it, and logs access to its own group", () => {
      const s = synths[stage];
      const apiId = logicalIdOf(s, s.stack.api.restApi);
      const executionLogs = logicalIdOf(s, s.stack.api.executionLogs);
      expect(s.resources[executionLogs]?.Properties?.LogGroupName).toEqual({
        'Fn::Join': ['', ['API-Gateway-Execution-Logs_', { Ref: apiId }, `/${stage}`]],
      });
      const [stageId, apiStage] = ofType(s.resources, 'AWS::ApiGateway::Stage')[0] as [string, { DependsOn?: string[]; Properties?: Json }];
      expect(apiStage.DependsOn, stageId).toContain(executionLogs);
      expect(JSON.stringify((apiStage.Properties?.AccessLogSetting as Json).DestinationArn)).toContain(`"${logicalIdOf(s, s.stack.api.accessLogs)}"`);
      const stateMachine = s.resources[logicalIdOf(s, s.stack.workflows.notify)]?.Properties?.LoggingConfiguration as Json;
      expect(JSON.stringify(stateMachine)).toContain(logicalIdOf(s, s.stack.workflows.notifyLogGroup));
    });
  });

  describe('WAF rate rule', () => {
    it(`labels an address after ${WAF_LIMITS[stage]} requests in 5 minutes, first of all rules, and blocks what is labelled with a 429 problem answer`, () => {
      const { resources } = synths[stage];
      const acl = (ofType(resources, 'AWS::WAFv2::WebACL')[0] as [string, { Properties?: Json }])[1].Properties ?? {};
      const rules = acl.Rules as Json[];
      const rule = rules.find((r) => r.Name === 'RateLimitPerIp');
      expect(rule).toMatchObject({
        Priority: 0,
        Statement: { RateBasedStatement: { Limit: WAF_LIMITS[stage], AggregateKeyType: 'IP', EvaluationWindowSec: 300 } },
        Action: { Count: {} },
      });
      expect(Math.min(...rules.map((r) => Number(r.Priority)))).toBe(0);
      const labels = (rule?.RuleLabels as { Name: string }[]).map((l) => l.Name);
      expect(labels).toHaveLength(1);
      // The rules that block on the label: after the rate rule, each a 429 with the problem body.
      const matchesLabel = (st: unknown): boolean =>
        typeof st === 'object' && st !== null && Object.entries(st).some(([k, v]) => (k === 'LabelMatchStatement' ? (v as Json).Key === labels[0] : matchesLabel(v)));
      const blocking = rules.filter((r) => matchesLabel(r.Statement));
      expect(blocking.length).toBeGreaterThanOrEqual(2);
      for (const r of blocking) {
        expect(Number(r.Priority), String(r.Name)).toBeGreaterThan(0);
        expect(r.Action, String(r.Name)).toMatchObject({ Block: { CustomResponse: { ResponseCode: 429, CustomResponseBodyKey: 'rate-limited' } } });
      }
      expect(settings.wafRateLimit).toBe(WAF_LIMITS[stage]);
    });
  });

  it("keeps both templates under CloudFormation's 500 resources per stack, with room for more routes", () => {
    const s = synths[stage];
    // 61 routes and workers are ~470 resources (a function, its role, policy, log group and invoke permission, and
    // the API's methods): the next group of routes must move its functions into a nested stack, as Ops and the web
    // deployment did. The guard leaves room for one or two routes, not for a group.
    expect(Object.keys(s.resources).length).toBeLessThan(480);
    expect(Object.keys(s.ops.resources).length).toBeLessThan(450);
    // Each template also stays under CloudFormation's 200 parameters.
    expect(s.ops.parameters.size).toBeLessThan(150);
  });
});

describe('the WAF limit', () => {
  it('lets a university NAT through at the deadline in prod: 100 applicants x ~30 requests in 5 minutes, twice over', () => {
    expect(stageSettings('prod').wafRateLimit).toBeGreaterThanOrEqual(2 * 100 * 30);
    // Still a limit: at most 1% of prod's stage rate (requests per second) for one address.
    expect(stageSettings('prod').wafRateLimit / 300).toBeLessThanOrEqual(stageSettings('prod').apiThrottle.rateLimit / 100);
  });

  it.each([9, 1.5])('refuses a limit of %s, which WAF does not accept', (wafRateLimit) => {
    const stages = cdkJson.context.stages as Record<string, Record<string, unknown>>;
    const broken = { ...stages, prod: { ...stages.prod, wafRateLimit } };
    expect(() => buildForTest('prod', { stages: broken })).toThrow(/stages\.prod\.wafRateLimit/);
  });
});
