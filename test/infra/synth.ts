import { beforeAll } from 'vitest';
/**
 * Builds the app for a stage exactly as bin/app.ts does (cdk.json's context, cdk-nag registered), minus asset
 * bundling, and helpers to read the template: resource paths, methods by route, a function's IAM statements.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type CfnElement, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { buildApp } from '../../lib/build-app.ts';
import { ROUTES, type RouteSpec } from '../../functions/shared/routes.ts';
import { WORKERS } from '../../functions/shared/workers.ts';

type Json = Record<string, unknown>;
interface CfnResource {
  Type: string;
  Properties?: Json;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
}

export const cdkJson = JSON.parse(readFileSync(new URL('../../cdk.json', import.meta.url), 'utf8')) as { context: Json };

/** The app for a stage with cdk.json's context, without bundling (tests need the template, not the zip files). */
export function buildForTest(stage: string | undefined, extraContext: Json = {}) {
  return buildApp({
    context: { ...cdkJson.context, ...(stage === undefined ? {} : { stage }), 'aws:cdk:bundling-stacks': [], ...extraContext },
    outdir: mkdtempSync(join(tmpdir(), 'cdk-test-')),
  });
}

export function stageSettings(stage: 'dev' | 'prod') {
  const stages = cdkJson.context.stages as Record<string, Json>;
  return stages[stage] as {
    removal: string;
    corsOrigins: string[];
    sesSender: string;
    ses: { maxSendRate: number };
    alarmEmail: string;
    apiThrottle: { rateLimit: number; burstLimit: number };
    wafRateLimit: number;
    logRetentionDays: number;
    logLevel: string;
    media: { accessLogDays: number; noncurrentVersionDays: number };
  };
}

export function synthStage(stage: 'dev' | 'prod') {
  const { app, stack } = buildForTest(stage);
  const template = Template.fromStack(stack);
  const resources = template.toJSON().Resources as Record<string, CfnResource>;
  const opsTemplate = Template.fromStack(stack.ops);
  return {
    app,
    stack,
    template,
    resources,
    /** The ops nested stack (alarms, topic, dashboard): its own template. */
    ops: { template: opsTemplate, resources: opsTemplate.toJSON().Resources as Record<string, CfnResource>, parameters: nestedParameters(stack, resources) },
  };
}

/**
 * What the backend stack passes to each parameter of the ops nested stack (`{ Ref: <logical id> }`,
 * `{ "Fn::GetAtt": [...] }`): a value in the nested template that is `{ Ref: <parameter> }` means that.
 */
function nestedParameters(stack: ReturnType<typeof buildForTest>['stack'], resources: Record<string, CfnResource>): Map<string, unknown> {
  const id = stack.getLogicalId(stack.ops.nestedStackResource as CfnElement);
  const params = resources[id]?.Properties?.Parameters as Record<string, unknown> | undefined;
  if (!params) throw new Error(`No nested stack resource ${id} with parameters`);
  return new Map(Object.entries(params));
}

/** A value of the ops template read as the backend stack's: a `{ Ref: <parameter> }` becomes what the parameter gets. */
export function fromParent(s: Synth, value: unknown): unknown {
  const ref = refOf(value);
  return ref !== undefined && s.ops.parameters.has(ref) ? s.ops.parameters.get(ref) : value;
}

export type Synth = ReturnType<typeof synthStage>;

export const STAGES = ['dev', 'prod'] as const;

/** Both stages, synthesized once for the calling test file (in its beforeAll). */
export function useStages(): Record<(typeof STAGES)[number], Synth> {
  const synths = {} as Record<(typeof STAGES)[number], Synth>;
  beforeAll(() => {
    for (const stage of STAGES) synths[stage] = synthStage(stage);
  });
  return synths;
}

/** The logical id of an L2 construct's CloudFormation resource. */
export function logicalIdOf(s: Synth, construct: { node: { defaultChild?: unknown } }): string {
  return s.stack.getLogicalId(construct.node.defaultChild as CfnElement);
}

/** The logical id of every function the project defines: one per route (by operationId) and one per worker (by name). */
export function backendFunctions(s: Synth): { routes: Map<string, string>; workers: Map<string, string> } {
  const routes = new Map(ROUTES.map((r) => [r.operationId, functionOfMethod(methodFor(s.resources, r))]));
  const workers = new Map(
    WORKERS.map((w) => {
      const fn = s.stack.workers.functions.get(w.name);
      if (!fn) throw new Error(`No function for worker ${w.name}`);
      return [w.name, logicalIdOf(s, fn.lambda)];
    }),
  );
  return { routes, workers };
}

export function ofType(resources: Record<string, CfnResource>, type: string): [string, CfnResource][] {
  return Object.entries(resources).filter(([, r]) => r.Type === type);
}

const refOf = (value: unknown): string | undefined =>
  typeof value === 'object' && value !== null && 'Ref' in value ? String((value as { Ref: unknown }).Ref) : undefined;

/** The API path of every AWS::ApiGateway::Resource by logical id, and '/' for the root resource. */
export function resourcePaths(resources: Record<string, CfnResource>): Map<string, string> {
  const parts = new Map(ofType(resources, 'AWS::ApiGateway::Resource').map(([id, r]) => [id, r.Properties as Json]));
  const pathOf = (id: string): string => {
    const props = parts.get(id);
    if (!props) throw new Error(`No API resource ${id}`);
    const parent = refOf(props.ParentId);
    return `${parent ? pathOf(parent) : ''}/${String(props.PathPart)}`;
  };
  return new Map([...parts.keys()].map((id) => [id, pathOf(id)]));
}

export interface MethodInfo {
  logicalId: string;
  path: string;
  httpMethod: string;
  props: Json;
}

export function methods(resources: Record<string, CfnResource>): MethodInfo[] {
  const paths = resourcePaths(resources);
  return ofType(resources, 'AWS::ApiGateway::Method').map(([logicalId, r]) => {
    const props = r.Properties as Json;
    const resourceRef = refOf(props.ResourceId);
    return { logicalId, path: resourceRef ? (paths.get(resourceRef) ?? '?') : '/', httpMethod: String(props.HttpMethod), props };
  });
}

export function methodFor(resources: Record<string, CfnResource>, route: Pick<RouteSpec, 'method' | 'path'>): MethodInfo {
  const found = methods(resources).filter((m) => m.path === route.path && m.httpMethod === route.method);
  if (found.length !== 1) throw new Error(`Expected one method for ${route.method} ${route.path}, found ${found.length}`);
  return found[0] as MethodInfo;
}

/** The Lambda function a proxy method integrates with, from the integration URI. */
export function functionOfMethod(method: MethodInfo): string {
  const integration = method.props.Integration as Json;
  const ids = JSON.stringify(integration.Uri).match(/"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]/);
  if (!ids?.[1]) throw new Error(`Method ${method.logicalId} has no Lambda integration`);
  return ids[1];
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
}

/** Every statement of every inline policy attached to the function's role. */
export function statementsOfFunction(resources: Record<string, CfnResource>, functionId: string): Statement[] {
  const fn = resources[functionId];
  const roleId = JSON.stringify(fn?.Properties?.Role).match(/"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]/)?.[1];
  if (!roleId) throw new Error(`Function ${functionId} has no role`);
  const statements: Statement[] = [];
  for (const [, policy] of ofType(resources, 'AWS::IAM::Policy')) {
    const roles = (policy.Properties?.Roles as unknown[]).map(refOf);
    if (!roles.includes(roleId)) continue;
    statements.push(...((policy.Properties?.PolicyDocument as { Statement: Statement[] }).Statement));
  }
  const inline = resources[roleId]?.Properties?.Policies as { PolicyDocument: { Statement: Statement[] } }[] | undefined;
  for (const p of inline ?? []) statements.push(...p.PolicyDocument.Statement);
  return statements;
}

export const actionsOf = (s: Statement): string[] => (Array.isArray(s.Action) ? s.Action : [s.Action]);

/**
 * An IAM resource as text: `{ "Fn::GetAtt": [id, "Arn"] }` is `<id>`, `{ "Ref": name }` is `${name}`, a Join of such
 * parts is their concatenation, so `<MediaBucket>/quarantine/*` and `arn:${AWS::Partition}:ses:${AWS::Region}:...`
 * read as written in a policy. Anything else is its JSON.
 */
export function arnText(resource: unknown): string {
  if (typeof resource === 'string') return resource;
  const value = resource as Record<string, unknown>;
  if (Object.keys(value).length === 1 && typeof value.Ref === 'string') return `\${${value.Ref}}`;
  const getAtt = value['Fn::GetAtt'] as [string, string] | undefined;
  if (getAtt?.[1] === 'Arn') return `<${getAtt[0]}>`;
  const join = value['Fn::Join'] as [string, unknown[]] | undefined;
  if (join) return join[1].map(arnText).join(join[0]);
  return JSON.stringify(resource);
}

/** Every (effect, action, resource) a set of statements allows, flattened, as "Allow s3:GetObject <Bucket>/cases/*". */
export function grantsOf(statements: Statement[], service: string): string[] {
  const out: string[] = [];
  for (const st of statements) {
    const resources = Array.isArray(st.Resource) ? (st.Resource as unknown[]) : [st.Resource];
    for (const action of actionsOf(st)) {
      if (!action.startsWith(`${service}:`) && action !== '*') continue;
      for (const r of resources) out.push(`${st.Effect} ${action} ${arnText(r)}`);
    }
  }
  return out.sort();
}

/**
 * A state machine's definition (its DefinitionString) as an object, each ARN token in it read as arnText renders it:
 * a function's `{ "Fn::GetAtt": [id, "Arn"] }` is the string `<id>`.
 */
export function definitionOf(resources: Record<string, CfnResource>, stateMachineId: string): Json {
  const definition = resources[stateMachineId]?.Properties?.DefinitionString;
  if (definition === undefined) throw new Error(`${stateMachineId} has no DefinitionString`);
  return JSON.parse(arnText(definition)) as Json;
}

/** The acknowledgements (suppressions) on the stack, by rule id, each with the construct paths and reasons. */
export function acknowledgements(stack: ReturnType<typeof buildForTest>['stack']) {
  const found: { path: string; id: string; reason: string }[] = [];
  for (const construct of stack.node.findAll()) {
    for (const entry of construct.node.metadata) {
      if (entry.type !== Validations.ACKNOWLEDGED_RULES_METADATA_KEY) continue;
      for (const [key, reason] of Object.entries(entry.data as Record<string, string>)) {
        found.push({ path: construct.node.path, id: key.replace(/^annotation::/i, ''), reason });
      }
    }
  }
  return found;
}
