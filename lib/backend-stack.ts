/**
 * The backend, one stack per stage: identity (auth), the single table and the media bucket (storage), the SES
 * configuration set and sender (mail), the event-, schedule- and workflow-triggered functions (workers), the
 * notification state machine over the workflow workers (workflows), which the run-starting workers start, and the
 * HTTP API with one function per route (api); the web app behind CloudFront, with its managed login (web); and the
 * alarms and dashboard over all of it (ops, a nested stack). Physical names are left to CloudFormation or derived from
 * the stack's name, so dev and prod can live in one account. Every log group of the stack has the stage's retention
 * (logRetentionDays).
 */
import { CfnOutput, CfnResource, Lazy, Stack, type StackProps } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { Construct } from 'constructs';
import { INDEXES } from '../functions/adapters/table-design.ts';
import { ROUTES } from '../functions/shared/routes.ts';
import { WORKERS } from '../functions/shared/workers.ts';
import { Api } from './constructs/api.ts';
import { Auth } from './constructs/auth.ts';
import { Mail } from './constructs/mail.ts';
import { Ops } from './constructs/ops.ts';
import { Storage } from './constructs/storage.ts';
import { WEB_APP_MEDIA_ORIGIN, Web } from './constructs/web.ts';
import { Workers } from './constructs/workers.ts';
import { Workflows } from './constructs/workflows.ts';
import { removalPolicy, type Stage, type StageSettings } from './stage-config.ts';

export interface BackendStackProps extends StackProps {
  stage: Stage;
}

export class BackendStack extends Stack {
  readonly auth: Auth;
  readonly storage: Storage;
  readonly mail: Mail;
  readonly api: Api;
  readonly workers: Workers;
  readonly workflows: Workflows;
  readonly web: Web;
  readonly ops: Ops;

  constructor(scope: Construct, id: string, props: BackendStackProps) {
    super(scope, id, props);
    const { name, settings } = props.stage;
    // The web app is built last (its CSP names the API, its config.json the API and the app client), but the API and
    // the app client name its origin: a token that resolves once it exists.
    const appOrigin = Lazy.string({ produce: () => this.web.origin });

    this.auth = new Auth(this, 'Auth', {
      removal: settings.removal,
      email: settings.cognitoEmail === 'ses' ? { kind: 'ses', from: settings.sesSender } : { kind: 'cognito' },
      appOrigins: [appOrigin, ...settings.web.localOrigins],
    });
    this.storage = new Storage(this, 'Storage', {
      removal: settings.removal,
      corsOrigins: [...settings.corsOrigins, WEB_APP_MEDIA_ORIGIN],
      accessLogDays: settings.media.accessLogDays,
      noncurrentVersionDays: settings.media.noncurrentVersionDays,
    });
    this.mail = new Mail(this, 'Mail', { sender: settings.sesSender });
    this.workers = new Workers(this, 'Workers', {
      stageName: name,
      settings,
      table: this.storage.table,
      mediaBucket: this.storage.mediaBucket,
      workers: WORKERS,
      mailer: this.mail,
      userPool: this.auth.userPool,
    });
    this.workflows = new Workflows(this, 'Workflows', { settings, workers: WORKERS, functions: this.workers.functions });
    this.workers.bindNotifyWorkflow(this.workflows.notify);
    this.api = new Api(this, 'Api', {
      stageName: name,
      settings,
      userPool: this.auth.userPool,
      corsOrigins: [...settings.corsOrigins, appOrigin],
      table: this.storage.table,
      mediaBucket: this.storage.mediaBucket,
      routes: ROUTES,
    });
    this.web = new Web(this, 'Web', {
      stageName: name,
      settings,
      restApi: this.api.restApi,
      userPool: this.auth.userPool,
      client: this.auth.client,
      mediaBucket: this.storage.mediaBucket,
    });

    this.ops = new Ops(this, 'Ops', {
      stageName: name,
      settings,
      restApi: this.api.restApi,
      functions: new Map([
        ...[...this.api.functions].map(([operationId, fn]) => [operationId, fn.lambda] as const),
        ...[...this.workers.functions].map(([worker, fn]) => [worker, fn.lambda] as const),
      ]),
      deadLetterQueues: new Map([['workers', this.workers.deadLetterQueue]]),
      notifyWorkflow: this.workflows.notify,
      table: this.storage.table,
      tableIndexes: Object.values(INDEXES).map((index) => index.name),
      configurationSet: this.mail.configurationSet,
    });
    this.giveHandlersLogGroups(settings);

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'AppUrl', { value: this.web.origin, description: 'The web app' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'MediaBucketName', { value: this.storage.mediaBucket.bucketName, description: 'Uploaded files (quarantine/, cases/)' });
    new CfnOutput(this, 'DashboardName', { value: this.ops.dashboard.dashboardName, description: 'CloudWatch dashboard of the stage' });
  }

  /**
   * CDK's own deployment-time handlers (the S3 notifications handler; in dev, the one that empties the buckets before
   * they are deleted) are plain Lambda functions that would log to /aws/lambda/<name>, a log group Lambda creates on
   * first use without retention. Each gets a log group here with the stage's retention instead. Their roles carry
   * AWSLambdaBasicExecutionRole, which may write to any log group. The project's own functions (CfnFunction) have
   * theirs already (lib/constructs/function.ts).
   */
  private giveHandlersLogGroups(settings: StageSettings) {
    const handlers = this.node
      .findAll()
      .filter((c): c is CfnResource => c instanceof CfnResource && c.cfnResourceType === 'AWS::Lambda::Function' && !(c instanceof lambda.CfnFunction));
    for (const handler of handlers) {
      const scope = handler.node.scope;
      if (!scope) continue;
      const logGroup = new logs.LogGroup(scope, `${handler.node.id}LogGroup`, {
        retention: settings.logRetentionDays as logs.RetentionDays,
        removalPolicy: removalPolicy(settings.removal),
      });
      handler.addPropertyOverride('LoggingConfig', { LogGroup: logGroup.logGroupName });
    }
  }
}
