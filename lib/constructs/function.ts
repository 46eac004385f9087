/**
 * The one Lambda function construct: every default is set here once (runtime, architecture, bundling, memory,
 * timeout, log group, tracing, Powertools environment), and grants are added with helpers that set the
 * environment variable and the IAM statement together, so a function only ever gets what its operation needs.
 *
 * Metrics: every function gets POWERTOOLS_METRICS_NAMESPACE from functions/shared/metrics.ts (the one place the
 * namespace is named) and STAGE, which that module makes the `stage` dimension of every business metric, so the
 * stage's dashboard (lib/constructs/ops.ts) reads exactly what the functions write.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { CfnTable, ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { PREFIXES, type Prefix } from '../../functions/adapters/bucket-design.ts';
import { INDEXES } from '../../functions/adapters/table-design.ts';
import { METRICS_NAMESPACE } from '../../functions/shared/metric-names.ts';
import type { BucketAccess, BucketGrants } from '../../functions/shared/routes.ts';
import { ESBUILD_SETTINGS, FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT_SECONDS, FUNCTIONS_DIR } from '../bundling.ts';
import type { StageName } from '../stage-config.ts';
import { domainOf, type Mailer } from './mail.ts';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** POWERTOOLS_SERVICE_NAME of every function: Powertools adds it as the `service` dimension of every metric. */
export const SERVICE_NAME = 'practice-cases';

export type TableAccess = 'read' | 'write';

/**
 * DynamoDB actions per access mode. Reads are GetItem, BatchGetItem and Query (no Scan). Writes add the per-item
 * actions a TransactWriteItems is authorised by: there is no TransactWriteItems IAM action, each Put, Update,
 * Delete and ConditionCheck inside a transaction needs PutItem, UpdateItem, DeleteItem or ConditionCheckItem.
 */
const TABLE_ACTIONS: Record<TableAccess, string[]> = {
  read: ['dynamodb:GetItem', 'dynamodb:BatchGetItem', 'dynamodb:Query'],
  write: [
    'dynamodb:GetItem',
    'dynamodb:BatchGetItem',
    'dynamodb:Query',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
};

/**
 * The SES (v1) actions a function that sends mail gets: SendEmail (a formatted message) and SendRawEmail (MIME).
 * No templates, no bulk sending, nothing that reads or changes identities or configuration sets.
 */
export const MAIL_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'];

/**
 * S3 actions per bucket access mode, on the objects of one prefix. read is GetObject (also what HeadObject, the
 * source of a CopyObject and a presigned GET need), write is PutObject (a presigned POST, the target of a
 * CopyObject), delete is DeleteObject. Nothing on object versions, ACLs, tags or the bucket itself.
 */
const BUCKET_ACTIONS: Record<BucketAccess, string> = {
  read: 's3:GetObject',
  write: 's3:PutObject',
  delete: 's3:DeleteObject',
};

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The bundling every function gets, mapped from lib/bundling.ts (which the benchmark reads too). */
function bundlingOptions() {
  if (ESBUILD_SETTINGS.platform !== 'node') throw new Error('lib/bundling.ts: Lambda functions are bundled for platform "node".');
  return {
    minify: ESBUILD_SETTINGS.minify,
    sourceMap: ESBUILD_SETTINGS.sourcemap,
    target: ESBUILD_SETTINGS.target,
    format: ESBUILD_SETTINGS.format === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
    mainFields: [...ESBUILD_SETTINGS.mainFields],
    banner: ESBUILD_SETTINGS.banner,
    externalModules: [...ESBUILD_SETTINGS.external],
    bundleAwsSDK: true,
  };
}

export interface BackendFunctionProps {
  /** The handler module, relative to functions/; it exports `handler`. */
  entry: string;
  description?: string;
  /** The stage, as STAGE: the `stage` dimension of the business metrics (functions/shared/metric-names.ts). */
  stage: StageName;
  /** Log group retention in days (a value CloudWatch Logs accepts; checked in stage-config.ts). */
  logRetentionDays: number;
  /** destroy (dev) or retain (prod) the log group with the stack. */
  removal: 'destroy' | 'retain';
  logLevel: 'DEBUG' | 'INFO' | 'WARN' | 'ERROR';
  /** Extra environment variables, on top of the defaults. */
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
}

export class BackendFunction extends Construct {
  readonly lambda: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;

  constructor(scope: Construct, id: string, props: BackendFunctionProps) {
    super(scope, id);

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: props.removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    // An own role with inline statements instead of AWSLambdaBasicExecutionRole: the function may write to its own
    // log group and nothing else.
    this.role = new iam.Role(this, 'Role', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: `Execution role of ${props.entry}`,
    });
    this.logGroup.grantWrite(this.role);

    this.lambda = new NodejsFunction(this, 'Function', {
      entry: join(FUNCTIONS_DIR, props.entry),
      handler: 'handler',
      description: props.description,
      runtime: lambda.Runtime.NODEJS_24_X,
      architecture: lambda.Architecture.ARM_64,
      memorySize: props.memorySize ?? FUNCTION_MEMORY_MB,
      timeout: props.timeout ?? Duration.seconds(FUNCTION_TIMEOUT_SECONDS),
      role: this.role,
      logGroup: this.logGroup,
      loggingFormat: lambda.LoggingFormat.JSON,
      tracing: lambda.Tracing.ACTIVE,
      projectRoot: PROJECT_ROOT,
      depsLockFilePath: join(PROJECT_ROOT, 'package-lock.json'),
      bundling: bundlingOptions(),
      environment: {
        NODE_OPTIONS: '--enable-source-maps',
        POWERTOOLS_SERVICE_NAME: SERVICE_NAME,
        POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
        POWERTOOLS_LOG_LEVEL: props.logLevel,
        STAGE: props.stage,
        ...props.environment,
      },
    });

    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing: xray:PutTraceSegments and xray:PutTelemetryRecords do not support resource-level permissions, ' +
        'so AWS requires Resource "*" for them (https://docs.aws.amazon.com/service-authorization/latest/reference/list_awsx-ray.html).',
    });
  }

  /**
   * Sets BUCKET_NAME and grants exactly the actions of `grants`, each on the objects of its prefix only
   * (`<bucketArn>/<prefix>*`): one statement per prefix, no bucket-level action, no other prefix.
   */
  bindBucket(bucket: IBucket, grants: BucketGrants): this {
    const entries = (Object.entries(grants) as [Prefix, BucketAccess[] | undefined][]).filter(([, access]) => access?.length);
    if (entries.length === 0) throw new Error(`${this.node.path}: bindBucket needs at least one prefix with an access mode.`);
    this.lambda.addEnvironment('BUCKET_NAME', bucket.bucketName);
    const cfnBucket = bucket.node.defaultChild as CfnBucket | undefined;
    const logicalId = cfnBucket ? (Stack.of(bucket).resolve(cfnBucket.logicalId) as string) : undefined;

    for (const [prefix, access = []] of entries) {
      const objects = bucket.arnForObjects(`${PREFIXES[prefix]}*`);
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: `Media${pascal(prefix)}`,
          actions: [...new Set(access.map((a) => BUCKET_ACTIONS[a]))].sort(),
          resources: [objects],
        }),
      );
      if (logicalId) {
        Validations.of(this.role).acknowledge({
          id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/${PREFIXES[prefix]}*]`,
          reason:
            `Object keys are made per upload (${PREFIXES[prefix]}<editionId>/<caseId>/<attachmentId>), so the grant names ` +
            `the ${PREFIXES[prefix]} prefix of the media bucket: the narrowest bound, with only the actions the operation needs.`,
        });
      }
    }
    return this;
  }

  /**
   * Sets MAIL_TRANSPORT=ses, SES_SENDER and SES_CONFIGURATION_SET, and grants exactly ses:SendEmail and
   * ses:SendRawEmail on the sender's identities and the configuration set. SES authorises a send against the identity
   * that is verified, which may be the address or its domain, so both ARNs are named; and, since the message names
   * the configuration set, against the set. No wildcard.
   */
  bindMailer(mailer: Mailer): this {
    const stack = Stack.of(this);
    const sesArn = (resource: string, resourceName: string) =>
      stack.formatArn({ service: 'ses', resource, resourceName, arnFormat: ArnFormat.SLASH_RESOURCE_NAME });
    const configurationSetName = mailer.configurationSet.configurationSetName;

    this.lambda.addEnvironment('MAIL_TRANSPORT', 'ses');
    this.lambda.addEnvironment('SES_SENDER', mailer.sender);
    this.lambda.addEnvironment('SES_CONFIGURATION_SET', configurationSetName);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'MailSend',
        actions: MAIL_ACTIONS,
        resources: [
          sesArn('identity', mailer.sender),
          sesArn('identity', domainOf(mailer.sender)),
          sesArn('configuration-set', configurationSetName),
        ],
      }),
    );
    return this;
  }

  /**
   * Sets NOTIFY_STATE_MACHINE_ARN and grants exactly states:StartExecution on that state machine: no other state
   * machine, and nothing on its executions (no describe, stop or history).
   */
  bindNotifyWorkflow(stateMachine: IStateMachine): this {
    this.lambda.addEnvironment('NOTIFY_STATE_MACHINE_ARN', stateMachine.stateMachineArn);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: 'NotifyWorkflowStart',
        actions: ['states:StartExecution'],
        resources: [stateMachine.stateMachineArn],
      }),
    );
    return this;
  }

  /** Sets TABLE_NAME and grants exactly the actions of `access` on the table and its indexes. */
  bindTable(table: ITable, access: TableAccess): this {
    this.lambda.addEnvironment('TABLE_NAME', table.tableName);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: access === 'read' ? 'TableRead' : 'TableReadWrite',
        actions: TABLE_ACTIONS[access],
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
    );
    const cfnTable = table.node.defaultChild as CfnTable | undefined;
    if (cfnTable) {
      const logicalId = Stack.of(table).resolve(cfnTable.logicalId) as string;
      Validations.of(this.role).acknowledge({
        id: `AwsSolutions-IAM5[Resource::<${logicalId}.Arn>/index/*]`,
        reason:
          `Queries run on the table's own GSIs (${Object.values(INDEXES).map((i) => i.name).join(', ')}); ` +
          '"index/*" names only the indexes of this one table.',
      });
    }
    return this;
  }
}
