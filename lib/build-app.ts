/**
 * Builds the CDK app for one stage. bin/app.ts calls it for `cdk synth|deploy`, and the infra tests call it the
 * same way, so what the tests assert is what gets deployed.
 */
import { App, type AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks, ServerlessChecks } from 'cdk-nag';
import { BackendStack } from './backend-stack.ts';
import { resolveStage } from './stage-config.ts';

export const STACK_NAME_PREFIX = 'PracticeCases';

export interface BuildAppOptions {
  /** Context on top of what the CDK CLI passes (cdk.json, -c). Tests pass cdk.json's context and the stage here. */
  context?: AppProps['context'];
  outdir?: string;
}

export function buildApp(options: BuildAppOptions = {}): { app: App; stack: BackendStack } {
  const app = new App({ context: options.context, outdir: options.outdir });
  const stage = resolveStage(app.node.tryGetContext('stage'), app.node.tryGetContext('stages'));

  const stack = new BackendStack(app, `${STACK_NAME_PREFIX}-${stage.name}`, {
    stage,
    description: `Practice cases backend (${stage.name})`,
    tags: { project: 'practice-cases', stage: stage.name },
  });

  // The AWS Solutions and Serverless packs run on every synth; an unacknowledged finding of either fails it. Each
  // acknowledgement in the constructs names its reason.
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app), new ServerlessChecks(app));
  return { app, stack };
}
