/**
 * The one Lambda function construct: every default is set here once (runtime, architecture, bundling, memory,
 * timeout, log group, tracing, and the environment every function starts with, from lib/function-settings.ts, which
 * the benchmark reads too), and grants are added with helpers that set the environment variable and the IAM
 * statement together, so a function only ever gets what its operation needs.
 *
 * Metrics: every function gets POWERTOOLS_METRICS_NAMESPACE from functions/shared/metric-names.ts (the one place the
 * namespace is named) and STAGE, which that module makes the `stage` dimension of every business metric, so the
 * stage's dashboard (lib/constructs/ops.ts) reads exactly what the functions write.
 */
import { dirname, isAbsolute, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ArnFormat, Duration, Stack, Validations } from 'aws-cdk-lib';
import type { IUserPool } from 'aws-cdk-lib/aws-cognito';
import type { CfnTable, ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction, OutputFormat } from 'aws-cdk-lib/aws-lambda-nodejs';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as secretsmanager from 'aws-cdk-lib/aws-secretsmanager';
import type { CfnBucket, IBucket } from 'aws-cdk-lib/aws-s3';
import type { IStateMachine } from 'aws-cdk-lib/aws-stepfunctions';
import { Construct } from 'constructs';
import { PREFIXES, type Prefix } from '../../functions/adapters/bucket-design.ts';
import { AUDIT_KEY_PREFIX, INDEXES } from '../../functions/adapters/table-design.ts';
import type { BucketAccess, BucketGrants, DirectoryAccess } from '../../functions/shared/routes.ts';
import { ESBUILD_SETTINGS, FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT_SECONDS, FUNCTIONS_DIR } from '../bundling.ts';
import { functionEnvironment, type FunctionLogLevel } from '../function-settings.ts';
import { removalPolicy, type Removal, type StageName } from '../stage-config.ts';
import { domainOf, type Mailer } from './mail.ts';

const PROJECT_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export { SERVICE_NAME } from '../function-settings.ts';

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
 * What no function may do to an audit entry (leading key AUDIT#...): entries are write-once, put with
 * attribute_not_exists(pk) and never changed or removed. UpdateItem and DeleteItem are what the write grant allows;
 * the batch and PartiQL writes are not granted, and are denied too so that a later grant cannot reopen the trail.
 * (A PutItem over an existing entry cannot be told apart by IAM; the hash chain shows it.)
 */
export const AUDIT_DENIED_ACTIONS = ['dynamodb:UpdateItem', 'dynamodb:DeleteItem', 'dynamodb:BatchWriteItem', 'dynamodb:PartiQLUpdate', 'dynamodb:PartiQLDelete'];

/**
 * The SES (v1) actions a function that sends mail gets: SendEmail (a formatted message) and SendRawEmail (MIME).
 * No templates, no bulk sending, nothing that reads or changes identities or configuration sets.
 */
export const MAIL_ACTIONS = ['ses:SendEmail', 'ses:SendRawEmail'];

/**
 * S3 actions per bucket access mode, on the objects of one prefix. read is GetObject (also what HeadObject, the
 * source of a CopyObject and a presigned GET need), write is PutObject (a presigned POST, the target of a
 * CopyObject), delete is DeleteObject. readVersion / deleteVersion are what the same calls need with a VersionId
 * (GetObjectVersion also covers HeadObject and the source of a CopyObject from ?versionId=). Nothing on ACLs, tags,
 * version listings or the bucket itself.
 */
const BUCKET_ACTIONS: Record<BucketAccess, string> = {
  read: 's3:GetObject',
  write: 's3:PutObject',
  delete: 's3:DeleteObject',
  readVersion: 's3:GetObjectVersion',
  deleteVersion: 's3:DeleteObjectVersion',
};

/**
 * The user pool actions per committee operation (functions/adapters/cognito-directory.ts), on the stage's pool only.
 * An invitation creates the account or reads the existing one, then adds it to the reviewers group; the list reads the
 * group; a removal checks the account's groups, then takes it out. Nothing deletes, disables or edits an account.
 */
export const DIRECTORY_ACTIONS: Record<DirectoryAccess, string[]> = {
  invite: ['cognito-idp:AdminCreateUser', 'cognito-idp:AdminGetUser', 'cognito-idp:AdminAddUserToGroup'],
  list: ['cognito-idp:ListUsersInGroup'],
  remove: ['cognito-idp:AdminListGroupsForUser', 'cognito-idp:AdminRemoveUserFromGroup'],
};

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * The stack's one key for signing list cursors (functions/shared/http.ts), generated by Secrets Manager and made on
 * first use. CloudFormation resolves it into CURSOR_SECRET at deploy time, so a function reads it without a call, an
 * SDK client or any cold-start cost. Whoever may read the functions' configuration can read it too; with it they could
 * forge a cursor, which the shape checks still confine to the list it is used on.
 */
function cursorKeyOf(scope: Construct): secretsmanager.Secret {
  const stack = Stack.of(scope);
  const existing = stack.node.tryFindChild('CursorKey');
  if (existing) return existing as secretsmanager.Secret;
  const secret = new secretsmanager.Secret(stack, 'CursorKey', {
    description: 'Signs the cursors of the API lists (functions/shared/http.ts)',
    generateSecretString: { passwordLength: 64, excludePunctuation: true, includeSpace: false },
  });
  Validations.of(secret).acknowledge({
    id: 'AwsSolutions-SMG4',
    reason:
      'The cursor key is resolved into the functions at deploy time, so a rotation would not reach them; rotating it ' +
      'means a redeploy after changing the secret, which only invalidates the list cursors in flight (clients start over).',
  });
  return secret;
}

/** The bundling every function gets, mapped from lib/bundling.ts (which the benchmark reads too). */
function bundlingOptions() {
  if (ESBUILD_SETTINGS.platform !== 'node') throw new Error('lib/bundling.ts: Lambda functions are bundled for platform "node".');
  return {
    minify: ESBUILD_SETTINGS.minify,
    sourceMap: ESBUILD_SETTINGS.sourcemap,
    sourcesContent: ESBUILD_SETTINGS.sourcesContent,
    target: ESBUILD_SETTINGS.target,
    format: ESBUILD_SETTINGS.format === 'esm' ? OutputFormat.ESM : OutputFormat.CJS,
    mainFields: [...ESBUILD_SETTINGS.mainFields],
    banner: ESBUILD_SETTINGS.banner,
    externalModules: [...ESBUILD_SETTINGS.external],
    bundleAwsSDK: true,
  };
}

/** Files copied into a function's package beside its bundle, for a handler that serves them as they are. */
export interface BundledFiles {
  /** The folder inside the package: LAMBDA_TASK_ROOT/<dir> at run time. */
  dir: string;
  /** File name in that folder → the file's absolute path in this project. */
  files: Record<string, string>;
}

/** Where Lambda unpacks a function's .zip package. */
export const LAMBDA_TASK_ROOT = '/var/task';

const PLAIN_NAME = /^[\w.-]+$/;

/**
 * The shell commands that copy `bundled` into the bundle's output folder. They run after esbuild, on this machine or in
 * the bundling container, where the project is mounted as inputDir: so each source is named relative to the project.
 */
export function copyCommands(bundled: BundledFiles, inputDir: string, outputDir: string): string[] {
  if (!PLAIN_NAME.test(bundled.dir)) throw new Error(`Bundled folder "${bundled.dir}": letters, digits, _ . - only.`);
  const target = `${outputDir}/${bundled.dir}`;
  return [
    `mkdir -p "${target}"`,
    ...Object.entries(bundled.files).map(([name, source]) => {
      const inProject = relative(PROJECT_ROOT, source);
      if (!PLAIN_NAME.test(name)) throw new Error(`Bundled file "${name}": letters, digits, _ . - only.`);
      if (inProject.startsWith('..') || isAbsolute(inProject) || /["$`\\]/.test(inProject)) throw new Error(`Bundled file ${source} is not a plain path inside the project.`);
      return `cp "${inputDir}/${inProject}" "${target}/${name}"`;
    }),
  ];
}

const copyHooks = (bundled: BundledFiles) => ({
  beforeBundling: () => [],
  beforeInstall: () => [],
  afterBundling: (inputDir: string, outputDir: string) => copyCommands(bundled, inputDir, outputDir),
});

export interface BackendFunctionProps {
  /** The handler module, relative to functions/; it exports `handler`. */
  entry: string;
  description?: string;
  /** The stage, as STAGE: the `stage` dimension of the business metrics (functions/shared/metric-names.ts). */
  stage: StageName;
  /** Log group retention in days (a value CloudWatch Logs accepts; checked in stage-config.ts). */
  logRetentionDays: number;
  /** destroy (dev) or retain (prod) the log group with the stack. */
  removal: Removal;
  logLevel: FunctionLogLevel;
  /** Extra environment variables, on top of the defaults. */
  environment?: Record<string, string>;
  memorySize?: number;
  timeout?: Duration;
  /** Files the handler reads at run time, copied into the package (see BundledFiles). */
  bundledFiles?: BundledFiles;
}

export class BackendFunction extends Construct {
  readonly lambda: NodejsFunction;
  readonly role: iam.Role;
  readonly logGroup: logs.LogGroup;
  /** What the package carries beside the bundle, if anything. */
  readonly bundledFiles: BundledFiles | undefined;

  constructor(scope: Construct, id: string, props: BackendFunctionProps) {
    super(scope, id);
    this.bundledFiles = props.bundledFiles;

    this.logGroup = new logs.LogGroup(this, 'LogGroup', {
      retention: props.logRetentionDays as logs.RetentionDays,
      removalPolicy: removalPolicy(props.removal),
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
      bundling: {
        ...bundlingOptions(),
        ...(props.bundledFiles ? { commandHooks: copyHooks(props.bundledFiles) } : {}),
      },
      environment: { ...functionEnvironment(props.stage, props.logLevel), ...props.environment },
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
   * the configuration set, against the set. No wildcard. The From address is pinned to the sender (ses:FromAddress).
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
        // The domain identity would let the function send as every address of the domain: only the stage's sender.
        conditions: { StringEquals: { 'ses:FromAddress': mailer.sender } },
      }),
    );
    return this;
  }

  /**
   * Sets DIRECTORY=cognito and USER_POOL_ID, and grants exactly the user pool actions of `access` on that pool: no
   * other pool, and no wildcard.
   */
  bindDirectory(userPool: IUserPool, access: DirectoryAccess): this {
    this.lambda.addEnvironment('DIRECTORY', 'cognito');
    this.lambda.addEnvironment('USER_POOL_ID', userPool.userPoolId);
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({ sid: `Directory${pascal(access)}`, actions: DIRECTORY_ACTIONS[access], resources: [userPool.userPoolArn] }),
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

  /**
   * Sets TABLE_NAME and grants exactly the actions of `access` on the table and its indexes. A write grant comes
   * with an explicit Deny of updates and deletes on the audit entries' leading keys (AUDIT_DENIED_ACTIONS): a Deny
   * wins over any Allow, so no function, whatever it is later granted, can rewrite the trail.
   */
  bindTable(table: ITable, access: TableAccess): this {
    this.lambda.addEnvironment('TABLE_NAME', table.tableName);
    // Every function that queries may page: the key its cursors are signed with.
    this.lambda.addEnvironment('CURSOR_SECRET', cursorKeyOf(this).secretValue.unsafeUnwrap());
    this.role.addToPrincipalPolicy(
      new iam.PolicyStatement({
        sid: access === 'read' ? 'TableRead' : 'TableReadWrite',
        actions: TABLE_ACTIONS[access],
        resources: [table.tableArn, `${table.tableArn}/index/*`],
      }),
    );
    if (access === 'write') {
      this.role.addToPrincipalPolicy(
        new iam.PolicyStatement({
          sid: 'AuditWriteOnce',
          effect: iam.Effect.DENY,
          actions: AUDIT_DENIED_ACTIONS,
          resources: [table.tableArn],
          // ForAnyValue: denied as soon as one leading key of the request is an audit partition.
          conditions: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': [`${AUDIT_KEY_PREFIX}*`] } },
        }),
      );
    }
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
