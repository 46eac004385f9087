/**
 * The one Lambda function construct: every default is set here once (runtime, architecture, bundling, memory,
 * timeout, log group, tracing, Powertools environment), and grants are added with helpers that set the
 * environment variable and the IAM statement together, so a function only ever gets what its operation needs.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import type { CfnTable, ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ESBUILD_SETTINGS, FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT_SECONDS, FUNCTIONS_DIR } from '../bundling.ts';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const SERVICE_NAME = 'practice-cases';
export const METRICS_NAMESPACE = 'PracticeCases';

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
        reason: 'Queries run on the table\'s own GSIs (gsi1, gsi2); "index/*" names only the indexes of this one table.',
      });
    }
    return this;
  }
}
