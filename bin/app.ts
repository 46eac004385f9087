#!/usr/bin/env node
/**
 * The CDK app: `npx cdk synth|deploy -c stage=dev|prod` (dev when no stage is given). Per-stage settings live in
 * cdk.json under context.stages; lib/build-app.ts builds the app, the same way the infra tests do.
 */
import { buildApp } from '../lib/build-app.ts';
import { StageConfigError } from '../lib/stage-config.ts';

try {
  buildApp();
} catch (err) {
  if (!(err instanceof StageConfigError)) throw err;
  console.error(err.message);
  process.exit(1);
}
