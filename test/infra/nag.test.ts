import { type CfnElement, Validations } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as sqs from 'aws-cdk-lib/aws-sqs';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { describe, expect, it } from 'vitest';
import { PREFIXES, type Prefix } from '../../functions/adapters/bucket-design.ts';
import { NOTIFY_TASKS } from '../../functions/shared/notify-workflow.ts';
import { ROUTES } from '../../functions/shared/routes.ts';
import { WORKERS } from '../../functions/shared/workers.ts';
import { acknowledgements, buildForTest } from './synth.ts';

/** Whether an acknowledgement is the web app's (lib/constructs/web.ts): web.test.ts checks those. */
const isWebApp = (stack: ReturnType<typeof buildForTest>['stack'], path: string) => path.startsWith(`${stack.node.path}/Web/`);

/** The logical id of a worker's Lambda function. */
function workerFunctionId(stack: ReturnType<typeof buildForTest>['stack'], worker: string): string {
  const fn = stack.workers.functions.get(worker);
  if (!fn) throw new Error(`No function for worker ${worker}`);
  return stack.resolve(stack.getLogicalId(fn.lambda.node.defaultChild as CfnElement)) as string;
}

describe.each(['dev', 'prod'])('cdk-nag AwsSolutions on the %s stack', (stage) => {
  it('synthesizes with the pack applied and leaves no unacknowledged error or warning', () => {
    const { app, stack } = buildForTest(stage);
    expect(() => app.synth()).not.toThrow();
    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.success).toBe(true);
    expect(Annotations.fromStack(stack).findError('*', Match.anyValue())).toEqual([]);
  });

  it('acknowledges only the expected findings, each with a reason', () => {
    const { stack } = buildForTest(stage);
    const acks = acknowledgements(stack).filter((a) => a.id.startsWith('AwsSolutions-') && !isWebApp(stack, a.path));
    for (const ack of acks) expect(ack.reason.length, `${ack.id} on ${ack.path}`).toBeGreaterThan(40);

    const functions = [...ROUTES, ...WORKERS];
    const publicRoutes = ROUTES.filter((r) => r.access === 'public').length;
    const withTable = functions.filter((f) => f.table).length;
    const prefixGrants = (prefix: Prefix) => functions.filter((f) => f.bucket?.[prefix]?.length).length;
    const count = (pattern: RegExp) => acks.filter((a) => pattern.test(a.id)).length;
    expect(new Set(acks.map((a) => a.id.replace(/\[.*\]$/, '')))).toEqual(
      new Set([
        'AwsSolutions-COG2',
        'AwsSolutions-COG8',
        'AwsSolutions-APIG2',
        'AwsSolutions-IAM4',
        'AwsSolutions-APIG4',
        'AwsSolutions-COG4',
        'AwsSolutions-IAM5',
        'AwsSolutions-S1',
        'AwsSolutions-SQS3',
        'AwsSolutions-SMG4',
      ]),
    );
    // The Essentials plan is acknowledged on the strength of the user pool's own web ACL, which exists (the API's does
    // not see a sign-in); the cursor key is not rotated by Secrets Manager (it is resolved at deploy time).
    const cog8 = acks.filter((a) => a.id === 'AwsSolutions-COG8');
    expect(cog8.map((a) => a.path)).toEqual([`${stack.node.path}/Auth/UserPool`]);
    expect(cog8[0]?.reason).toMatch(/user pool's own web ACL/);
    expect(cog8[0]?.reason).not.toMatch(/in front of the API/);
    expect(stack.node.findAll().some((c) => c.node.path === `${stack.node.path}/Api/SignInWebAclAssociation`)).toBe(true);
    expect(acks.filter((a) => a.id === 'AwsSolutions-SMG4').map((a) => a.path)).toEqual([`${stack.node.path}/CursorKey`]);
    // Authorization is waived on the public routes of API.md and nowhere else.
    expect(count(/^AwsSolutions-APIG4$/)).toBe(publicRoutes);
    expect(count(/^AwsSolutions-COG4$/)).toBe(publicRoutes);
    // Wildcards: X-Ray's Resource "*" on each function (and the state machine's role, below), again with the reason
    // for dynamodb:ListStreams on each function fed by the table's stream, the table's own "index/*" on functions with
    // table access, and one prefix of the media bucket ("quarantine/*", "cases/*") per prefix a function's bucket
    // grants name.
    const streamWorkers = WORKERS.filter((w) => w.trigger.source === 'table:stream');
    expect(streamWorkers.length).toBeGreaterThan(0);
    for (const w of streamWorkers) {
      const role = stack.workers.functions.get(w.name)?.role.node.path;
      expect(acks.filter((a) => a.path === role && a.id === 'AwsSolutions-IAM5[Resource::*]').map((a) => a.reason).join(' '), w.name).toMatch(/dynamodb:ListStreams/);
    }
    expect(count(/^AwsSolutions-IAM5\[Resource::\*\]$/)).toBe(functions.length + streamWorkers.length + 1);
    expect(count(/^AwsSolutions-IAM5\[Resource::<[A-Za-z0-9]+\.Arn>\/index\/\*\]$/)).toBe(withTable);
    for (const prefix of Object.keys(PREFIXES) as Prefix[]) {
      const pattern = new RegExp(`^AwsSolutions-IAM5\\[Resource::<StorageMediaBucket[A-Za-z0-9]+\\.Arn>/${PREFIXES[prefix]}\\*\\]$`);
      expect(count(pattern), prefix).toBe(prefixGrants(prefix));
    }
    // The notification state machine's role: Resource "*" for its logging and tracing actions, and "<function>:*"
    // (versions and aliases) for each of the four task functions it invokes.
    const workflowRole = `${stack.node.path}/Workflows/Notify/Role`;
    const taskWorkers = new Set(Object.values(NOTIFY_TASKS));
    expect(acks.filter((a) => a.path === workflowRole).map((a) => a.id).sort()).toEqual(
      [
        'AwsSolutions-IAM5[Resource::*]',
        ...[...taskWorkers].map((w) => `AwsSolutions-IAM5[Resource::<${workerFunctionId(stack, w)}.Arn>:*]`),
      ].sort(),
    );
    expect(count(/^AwsSolutions-IAM5/)).toBe(functions.length + streamWorkers.length + withTable + prefixGrants('quarantine') + prefixGrants('cases') + 1 + taskWorkers.size);
    // Managed policies: API Gateway's account-level logging role, and the role of CDK's S3 notifications handler.
    expect(count(/^AwsSolutions-IAM4\[Policy::.*AmazonAPIGatewayPushToCloudWatchLogs\]$/)).toBe(1);
    expect(acks.filter((a) => /^AwsSolutions-IAM4\[Policy::.*AWSLambdaBasicExecutionRole\]$/.test(a.id)).map((a) => a.path)).toEqual([
      expect.stringMatching(/\/BucketNotificationsHandler[0-9a-f]+\/Role$/),
    ]);
    expect(count(/^AwsSolutions-IAM4/)).toBe(2);
    // The access-log bucket does not log its own access; the workers' dead-letter queue has no DLQ of its own.
    expect(acks.filter((a) => a.id === 'AwsSolutions-S1').map((a) => a.path)).toEqual([`${stack.node.path}/Storage/AccessLogsBucket`]);
    expect(acks.filter((a) => a.id === 'AwsSolutions-SQS3').map((a) => a.path)).toEqual([`${stack.node.path}/Workers/DeadLetterQueue`]);
  });
});

describe.each(['dev', 'prod'])('cdk-nag Serverless on the %s stack', (stage) => {
  it('is registered with the app next to AwsSolutions, and leaves no unacknowledged error or warning', () => {
    const { app, stack } = buildForTest(stage);
    expect(() => app.synth()).not.toThrow();
    const report = new ServerlessChecks().validateScope(stack);
    expect(report.violations.map((v) => `${v.severity} ${v.ruleName}: ${v.violatingResources.map((r) => r.constructPath).join(', ')}`)).toEqual([]);
    expect(report.success).toBe(true);
  });

  it('acknowledges only the expected findings, each with a reason', () => {
    const { stack } = buildForTest(stage);
    const acks = acknowledgements(stack).filter((a) => a.id.startsWith('Serverless-') && !isWebApp(stack, a.path));
    for (const ack of acks) expect(ack.reason.length, `${ack.id} on ${ack.path}`).toBeGreaterThan(40);
    expect(new Set(acks.map((a) => a.id))).toEqual(new Set(['Serverless-LambdaDLQ', 'Serverless-SQSRedrivePolicy', 'Serverless-SNSRedrivePolicy']));

    // No DeadLetterConfig on any function: the routes are invoked synchronously by API Gateway, the workflow's tasks by
    // the state machine, and the asynchronous workers have an on-failure destination instead. One per function.
    const lambdaDlq = acks.filter((a) => a.id === 'Serverless-LambdaDLQ');
    const functionPaths = [
      ...[...stack.api.functions.values()].map((fn) => fn.lambda.node.path),
      ...[...stack.workers.functions.values()].map((fn) => fn.lambda.node.path),
    ];
    expect(lambdaDlq.map((a) => a.path).sort()).toEqual(functionPaths.sort());
    expect(functionPaths).toHaveLength(ROUTES.length + WORKERS.length);
    for (const worker of WORKERS) {
      const ack = lambdaDlq.find((a) => a.path === stack.workers.functions.get(worker.name)?.lambda.node.path);
      const invoked = {
        workflow: /synchronously by the notification state machine/,
        'table:stream': /event source mapping on the table's stream, whose on-failure destination/,
        'cognito:customMessage': /synchronously by the Cognito user pool/,
      };
      expect(ack?.reason, worker.name).toMatch(invoked[worker.trigger.source as keyof typeof invoked] ?? /Invoked asynchronously, with an on-failure destination/);
    }
    // The dead-letter queue has no dead-letter queue; the alarm topic's e-mail subscription no redrive queue.
    expect(acks.filter((a) => a.id === 'Serverless-SQSRedrivePolicy').map((a) => a.path)).toEqual([`${stack.node.path}/Workers/DeadLetterQueue`]);
    expect(acks.filter((a) => a.id === 'Serverless-SNSRedrivePolicy').map((a) => a.path)).toEqual([
      expect.stringMatching(new RegExp(`^${stack.node.path}/Ops/AlarmTopic/`)),
    ]);
    expect(acks).toHaveLength(functionPaths.length + 2);
  });
});

describe('an unacknowledged finding', () => {
  it('is reported, and fails the synth even when it is only a warning', () => {
    const { app, stack } = buildForTest('dev');
    // A table without point-in-time recovery: AwsSolutions-DDB3, a warning.
    new dynamodb.Table(stack, 'Unprotected', { partitionKey: { name: 'id', type: dynamodb.AttributeType.STRING } });

    const report = new AwsSolutionsChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual(['AwsSolutions-DDB3']);
    expect(() => app.synth()).toThrow(/AwsSolutions-DDB3/);
  });

  it('of the Serverless pack fails the synth too', () => {
    const { app, stack } = buildForTest('dev');
    // A queue nothing redrives: Serverless-SQSRedrivePolicy (AwsSolutions-SQS3 is acknowledged, to isolate the pack).
    const queue = new sqs.Queue(stack, 'NoRedrive', { enforceSSL: true });
    Validations.of(queue).acknowledge({ id: 'AwsSolutions-SQS3', reason: 'Only here to show that the Serverless pack fails the synth on its own.' });

    const report = new ServerlessChecks().validateScope(stack);
    expect(report.violations.map((v) => v.ruleName)).toEqual(['Serverless-SQSRedrivePolicy']);
    expect(() => app.synth()).toThrow(/Serverless-SQSRedrivePolicy/);
  });
});
