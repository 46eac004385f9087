/**
 * The backend, one stack per stage: identity (auth), the single table and the media bucket (storage), the SES
 * configuration set and sender (mail), the event-, schedule- and workflow-triggered functions (workers), the
 * notification state machine over the workflow workers (workflows) and the HTTP API with one function per route
 * (api), whose start route starts that state machine. Physical names are left to CloudFormation, so dev and prod can
 * live in one account.
 */
import { CfnOutput, Stack, type StackProps } from 'aws-cdk-lib';
import type { Construct } from 'constructs';
import { ROUTES } from '../functions/shared/routes.ts';
import { WORKERS } from '../functions/shared/workers.ts';
import { Api } from './constructs/api.ts';
import { Auth } from './constructs/auth.ts';
import { Mail } from './constructs/mail.ts';
import { Storage } from './constructs/storage.ts';
import { Workers } from './constructs/workers.ts';
import { Workflows } from './constructs/workflows.ts';
import type { Stage } from './stage-config.ts';

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

  constructor(scope: Construct, id: string, props: BackendStackProps) {
    super(scope, id, props);
    const { name, settings } = props.stage;

    this.auth = new Auth(this, 'Auth', {
      removal: settings.removal,
      email: settings.cognitoEmail === 'ses' ? { kind: 'ses', from: settings.sesSender } : { kind: 'cognito' },
    });
    this.storage = new Storage(this, 'Storage', {
      removal: settings.removal,
      corsOrigins: settings.corsOrigins,
      accessLogDays: settings.media.accessLogDays,
      noncurrentVersionDays: settings.media.noncurrentVersionDays,
    });
    this.mail = new Mail(this, 'Mail', { sender: settings.sesSender });
    this.workers = new Workers(this, 'Workers', {
      settings,
      table: this.storage.table,
      mediaBucket: this.storage.mediaBucket,
      workers: WORKERS,
      mailer: this.mail,
    });
    this.workflows = new Workflows(this, 'Workflows', { settings, workers: WORKERS, functions: this.workers.functions });
    this.api = new Api(this, 'Api', {
      stageName: name,
      settings,
      userPool: this.auth.userPool,
      table: this.storage.table,
      mediaBucket: this.storage.mediaBucket,
      routes: ROUTES,
      mailer: this.mail,
      notifyWorkflow: this.workflows.notify,
    });

    new CfnOutput(this, 'ApiUrl', { value: this.api.url, description: 'Base URL of the HTTP API' });
    new CfnOutput(this, 'UserPoolId', { value: this.auth.userPool.userPoolId });
    new CfnOutput(this, 'UserPoolClientId', { value: this.auth.client.userPoolClientId });
    new CfnOutput(this, 'TableName', { value: this.storage.table.tableName });
    new CfnOutput(this, 'MediaBucketName', { value: this.storage.mediaBucket.bucketName, description: 'Uploaded files (quarantine/, cases/)' });
  }
}
