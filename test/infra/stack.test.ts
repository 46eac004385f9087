import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { CASE_LISTING_ATTRIBUTES, INDEXES, type IndexDesign, TABLE_KEYS, TTL_ATTRIBUTE } from '../../functions/adapters/table-design.ts';
import { METRICS_NAMESPACE } from '../../functions/shared/metric-names.ts';
import { ROUTES, type RouteSpec } from '../../functions/shared/routes.ts';
import { WORKERS } from '../../functions/shared/workers.ts';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE_SECONDS } from '../../functions/shared/http.ts';
import { RATE_LIMITED_LABEL, rateLimitedCorsRuleName } from '../../lib/constructs/api.ts';
import {
  actionsOf,
  backendFunctions,
  buildForTest,
  cdkJson,
  functionOfMethod,
  logicalIdOf,
  methodFor,
  methods,
  ofType,
  resourcePaths,
  stageSettings,
  statementsOfFunction,
  type Synth,
  STAGES,
  useStages,
} from './synth.ts';

type Json = Record<string, unknown>;

const synths = useStages();

/** The web app's distribution domain, as the template names it. */
const appDomain = (s: Synth) => ({ 'Fn::GetAtt': [logicalIdOf(s, s.stack.web.distribution), 'DomainName'] });

const READ_ACTIONS = ['dynamodb:BatchGetItem', 'dynamodb:GetItem', 'dynamodb:Query'];
const WRITE_ONLY_ACTIONS = ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'];

interface Gsi {
  IndexName: string;
  Projection: { ProjectionType: string; NonKeyAttributes?: string[] };
}

/** What CloudFormation should get for an index of table-design.ts: INCLUDE with exactly its attributes, or ALL. */
function projectionOf(index: IndexDesign): Gsi['Projection'] {
  return index.projection ? { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection] } : { ProjectionType: 'ALL' };
}

/**
 * The organisers' lists and the committee's routes, written out here (not read from routes.ts) so that a change to
 * their path, audience or table access is a deliberate one: GETs read, everything else reads and writes.
 */
const COMMITTEE_ROUTES: Record<string, { method: string; path: string; access: string; table: 'read' | 'write' }> = {
  listEditionCases: { method: 'GET', path: '/editions/{editionId}/cases', access: 'organisers', table: 'read' },
  exportEditionCases: { method: 'GET', path: '/editions/{editionId}/cases.csv', access: 'organisers', table: 'read' },
  bulkAssign: { method: 'POST', path: '/editions/{editionId}/assignments', access: 'organisers', table: 'write' },
  listCaseReviewers: { method: 'GET', path: '/cases/{caseId}/reviewers', access: 'organisers', table: 'read' },
  assignReviewer: { method: 'PUT', path: '/cases/{caseId}/reviewers/{sub}', access: 'organisers', table: 'write' },
  unassignReviewer: { method: 'DELETE', path: '/cases/{caseId}/reviewers/{sub}', access: 'organisers', table: 'write' },
  listMyAssignments: { method: 'GET', path: '/me/assignments', access: 'reviewers', table: 'read' },
  declareConflict: { method: 'POST', path: '/cases/{caseId}/conflict', access: 'reviewers', table: 'write' },
  putMyReview: { method: 'PUT', path: '/cases/{caseId}/reviews/me', access: 'reviewers', table: 'write' },
  getMyReview: { method: 'GET', path: '/cases/{caseId}/reviews/me', access: 'reviewers', table: 'read' },
  listReviews: { method: 'GET', path: '/cases/{caseId}/reviews', access: 'organisers', table: 'read' },
};

/**
 * The decision, notification and results routes, written out the same way. getResults is public (API.md): the
 * released results, no authorizer. startNotifications records the run only: its stream worker starts the workflow (workflow.test.ts).
 */
const SELECTION_ROUTES: Record<string, { method: string; path: string; access: string; table: 'read' | 'write' }> = {
  putDecision: { method: 'PUT', path: '/cases/{caseId}/decision', access: 'organisers', table: 'write' },
  startNotifications: { method: 'POST', path: '/editions/{editionId}/notifications', access: 'organisers', table: 'write' },
  listNotifications: { method: 'GET', path: '/editions/{editionId}/notifications', access: 'organisers', table: 'read' },
  previewNotification: { method: 'GET', path: '/editions/{editionId}/notifications/preview', access: 'organisers', table: 'read' },
  releaseEdition: { method: 'POST', path: '/editions/{editionId}/release', access: 'organisers', table: 'write' },
  getResults: { method: 'GET', path: '/editions/{editionId}/results', access: 'public', table: 'read' },
};

function routeOf(operationId: string): RouteSpec {
  const route = ROUTES.find((r) => r.operationId === operationId);
  if (!route) throw new Error(`No route ${operationId} in the route table`);
  return route;
}

function tableLogicalId(s: Synth): string {
  const tables = ofType(s.resources, 'AWS::DynamoDB::Table');
  expect(tables).toHaveLength(1);
  return (tables[0] as [string, unknown])[0];
}

describe.each(STAGES)('the %s stack', (stage) => {
  const settings = stageSettings(stage);

  describe('storage', () => {
    it('builds the single table from TABLE_KEYS and INDEXES: on-demand, string keys, each GSI with its projection', () => {
      const { template } = synths[stage];
      const attributes = [TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, ...Object.values(INDEXES).flatMap((i) => [i.partitionKey, i.sortKey])];
      template.hasResourceProperties('AWS::DynamoDB::Table', {
        BillingMode: 'PAY_PER_REQUEST',
        KeySchema: [
          { AttributeName: TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: TABLE_KEYS.sortKey, KeyType: 'RANGE' },
        ],
        AttributeDefinitions: Match.arrayEquals(attributes.map((name) => ({ AttributeName: name, AttributeType: 'S' }))),
        GlobalSecondaryIndexes: Match.arrayEquals(
          Object.values(INDEXES).map((index) => ({
            IndexName: index.name,
            KeySchema: [
              { AttributeName: index.partitionKey, KeyType: 'HASH' },
              { AttributeName: index.sortKey, KeyType: 'RANGE' },
            ],
            Projection: projectionOf(index),
          })),
        ),
      });
    });

    it('projects everything into gsi1 and only the listing attributes into gsi2 and gsi3 (no summary, no description)', () => {
      const s = synths[stage];
      const indexes = s.resources[tableLogicalId(s)]?.Properties?.GlobalSecondaryIndexes as Gsi[];
      const byName = new Map(indexes.map((i) => [i.IndexName, i.Projection]));
      expect(byName.get(INDEXES.gsi1.name)).toEqual({ ProjectionType: 'ALL' });
      for (const index of [INDEXES.gsi2, INDEXES.gsi3]) {
        const projection = byName.get(index.name);
        expect(projection?.ProjectionType, index.name).toBe('INCLUDE');
        expect([...(projection?.NonKeyAttributes ?? [])].sort(), index.name).toEqual([...CASE_LISTING_ATTRIBUTES].sort());
        expect(projection?.NonKeyAttributes, index.name).not.toContain('summary');
        expect(projection?.NonKeyAttributes, index.name).not.toContain('description');
      }
    });

    it('has point-in-time recovery, encryption at rest and TTL on the TTL attribute', () => {
      synths[stage].template.hasResourceProperties('AWS::DynamoDB::Table', {
        PointInTimeRecoverySpecification: { PointInTimeRecoveryEnabled: true },
        SSESpecification: { SSEEnabled: true },
        TimeToLiveSpecification: { AttributeName: TTL_ATTRIBUTE, Enabled: true },
      });
    });
  });

  describe('selection and review routes', () => {
    it('serves each of them under its path and method, behind the Cognito authorizer', () => {
      const { resources } = synths[stage];
      const [authorizerId] = ofType(resources, 'AWS::ApiGateway::Authorizer')[0] as [string, unknown];
      for (const [operationId, expected] of Object.entries(COMMITTEE_ROUTES)) {
        const route = routeOf(operationId);
        expect({ method: route.method, path: route.path, access: route.access }, operationId).toEqual({
          method: expected.method,
          path: expected.path,
          access: expected.access,
        });
        const method = methodFor(resources, route);
        expect(method.props.AuthorizationType, operationId).toBe('COGNITO_USER_POOLS');
        expect(method.props.AuthorizerId, operationId).toEqual({ Ref: authorizerId });
        expect(method.props.OperationName, operationId).toBe(operationId);
        expect((method.props.Integration as { Type: string }).Type, operationId).toBe('AWS_PROXY');
        const fnId = functionOfMethod(method);
        expect(resources[fnId]?.Properties?.Description, operationId).toBe(`${route.method} ${route.path} (${operationId})`);
      }
    });

    it('puts cases.csv beside cases under /editions/{editionId}, with its own preflight', () => {
      const { resources } = synths[stage];
      const paths = resourcePaths(resources);
      const idOf = (path: string) => [...paths].find(([, p]) => p === path)?.[0];
      const edition = idOf('/editions/{editionId}');
      const csv = idOf('/editions/{editionId}/cases.csv');
      expect(edition).toBeDefined();
      expect(csv).toBeDefined();
      expect(resources[csv ?? '']?.Properties).toMatchObject({ PathPart: 'cases.csv', ParentId: { Ref: edition } });
      expect(resources[idOf('/editions/{editionId}/cases') ?? '']?.Properties).toMatchObject({ PathPart: 'cases', ParentId: { Ref: edition } });
      const served = methods(resources).filter((m) => m.path === '/editions/{editionId}/cases.csv').map((m) => m.httpMethod);
      expect(served.sort()).toEqual(['GET', 'OPTIONS']);
      const list = functionOfMethod(methodFor(resources, routeOf('listEditionCases')));
      const csvFn = functionOfMethod(methodFor(resources, routeOf('exportEditionCases')));
      expect(csvFn).not.toBe(list);
    });

    it('grants each function its route\'s table access and nothing else: no writes for the read-only ones, no bucket, no mail', () => {
      const s = synths[stage];
      const table = tableLogicalId(s);
      for (const [operationId, expected] of Object.entries(COMMITTEE_ROUTES)) {
        const route = routeOf(operationId);
        expect(route.table, operationId).toBe(expected.table);
        const fnId = functionOfMethod(methodFor(s.resources, route));
        // What is allowed (the audit trail's Deny for writers is asserted in audit.test.ts).
        const statements = statementsOfFunction(s.resources, fnId).filter((st) => st.Effect === 'Allow');
        const actions = statements.flatMap(actionsOf);
        const dynamo = actions.filter((a) => a.startsWith('dynamodb:')).sort();
        expect(dynamo, operationId).toEqual(expected.table === 'read' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ONLY_ACTIONS].sort());
        if (expected.table === 'read') for (const write of WRITE_ONLY_ACTIONS) expect(dynamo, operationId).not.toContain(write);
        expect(actions.filter((a) => !/^(dynamodb|logs|xray):/.test(a)), operationId).toEqual([]);
        const env = (s.resources[fnId]?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
        expect(env.TABLE_NAME, operationId).toEqual({ Ref: table });
        expect(env.BUCKET_NAME, operationId).toBeUndefined();
        expect(env.MAIL_TRANSPORT, operationId).toBeUndefined();
      }
    });
  });

  describe('decision, notification and results routes', () => {
    it('serves each of them under its path and method, behind the Cognito authorizer but for the public results', () => {
      const { resources } = synths[stage];
      const [authorizerId] = ofType(resources, 'AWS::ApiGateway::Authorizer')[0] as [string, unknown];
      for (const [operationId, expected] of Object.entries(SELECTION_ROUTES)) {
        const route = routeOf(operationId);
        expect({ method: route.method, path: route.path, access: route.access }, operationId).toEqual({
          method: expected.method,
          path: expected.path,
          access: expected.access,
        });
        const method = methodFor(resources, route);
        expect(method.props.OperationName, operationId).toBe(operationId);
        expect((method.props.Integration as { Type: string }).Type, operationId).toBe('AWS_PROXY');
        if (expected.access === 'public') {
          expect(method.props.AuthorizationType, operationId).toBe('NONE');
          expect(method.props.AuthorizerId, operationId).toBeUndefined();
        } else {
          expect(method.props.AuthorizationType, operationId).toBe('COGNITO_USER_POOLS');
          expect(method.props.AuthorizerId, operationId).toEqual({ Ref: authorizerId });
        }
        const fnId = functionOfMethod(method);
        expect(resources[fnId]?.Properties?.Description, operationId).toBe(`${route.method} ${route.path} (${operationId})`);
      }
    });

    it('makes getResults the only public route of these, and answers preflights on the notifications paths', () => {
      const { resources } = synths[stage];
      expect(Object.entries(SELECTION_ROUTES).filter(([, r]) => r.access === 'public').map(([id]) => id)).toEqual(['getResults']);
      const served = (path: string) => methods(resources).filter((m) => m.path === path).map((m) => m.httpMethod).sort();
      expect(served('/editions/{editionId}/notifications')).toEqual(['GET', 'OPTIONS', 'POST']);
      expect(served('/editions/{editionId}/notifications/preview')).toEqual(['GET', 'OPTIONS']);
      expect(served('/editions/{editionId}/results')).toEqual(['GET', 'OPTIONS']);
    });

    it("grants each function its route's table access and nothing else: no bucket, no mail, no StartExecution (the run's stream worker starts it)", () => {
      const s = synths[stage];
      const table = tableLogicalId(s);
      for (const [operationId, expected] of Object.entries(SELECTION_ROUTES)) {
        const route = routeOf(operationId);
        expect(route.table, operationId).toBe(expected.table);
        const fnId = functionOfMethod(methodFor(s.resources, route));
        const actions = statementsOfFunction(s.resources, fnId).filter((st) => st.Effect === 'Allow').flatMap(actionsOf);
        const dynamo = actions.filter((a) => a.startsWith('dynamodb:')).sort();
        expect(dynamo, operationId).toEqual(expected.table === 'read' ? READ_ACTIONS : [...READ_ACTIONS, ...WRITE_ONLY_ACTIONS].sort());
        const others = actions.filter((a) => !/^(dynamodb|logs|xray):/.test(a));
        expect(others, operationId).toEqual([]);
        const env = (s.resources[fnId]?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
        expect(env.TABLE_NAME, operationId).toEqual({ Ref: table });
        expect(env.BUCKET_NAME, operationId).toBeUndefined();
        expect(env.MAIL_TRANSPORT, operationId).toBeUndefined();
      }
    });
  });

  describe('auth', () => {
    it('has a self-service user pool: e-mail as username, verified e-mail, strong passwords, optional TOTP only', () => {
      synths[stage].template.hasResourceProperties('AWS::Cognito::UserPool', {
        AdminCreateUserConfig: { AllowAdminCreateUserOnly: false },
        UsernameAttributes: ['email'],
        AutoVerifiedAttributes: ['email'],
        MfaConfiguration: 'OPTIONAL',
        EnabledMfas: ['SOFTWARE_TOKEN_MFA'],
        AccountRecoverySetting: { RecoveryMechanisms: [{ Name: 'verified_email', Priority: 1 }] },
        Policies: {
          PasswordPolicy: Match.objectLike({ RequireLowercase: true, RequireUppercase: true, RequireNumbers: true, RequireSymbols: true }),
        },
      });
      const pool = ofType(synths[stage].resources, 'AWS::Cognito::UserPool')[0]?.[1];
      const policy = (pool?.Properties?.Policies as { PasswordPolicy: { MinimumLength: number } }).PasswordPolicy;
      expect(policy.MinimumLength).toBeGreaterThanOrEqual(12);
    });

    it('has the organisers and reviewers groups', () => {
      const groups = ofType(synths[stage].resources, 'AWS::Cognito::UserPoolGroup').map(([, r]) => r.Properties?.GroupName);
      expect(groups.sort()).toEqual(['organisers', 'reviewers']);
    });

    it("has a public app client: no secret, SRP and refresh only, and the web app's code flow (web.test.ts)", () => {
      synths[stage].template.hasResourceProperties('AWS::Cognito::UserPoolClient', {
        GenerateSecret: false,
        ExplicitAuthFlows: Match.arrayEquals(['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']),
        AllowedOAuthFlows: ['code'],
      });
    });
  });

  describe('api', () => {
    it('puts the Cognito authorizer on every method of every non-public route, and none on public routes', () => {
      const { resources } = synths[stage];
      const authorizers = ofType(resources, 'AWS::ApiGateway::Authorizer');
      expect(authorizers).toHaveLength(1);
      const [authorizerId, authorizer] = authorizers[0] as [string, { Properties?: Record<string, unknown> }];
      expect(authorizer.Properties?.Type).toBe('COGNITO_USER_POOLS');
      expect(authorizer.Properties?.IdentitySource).toBe('method.request.header.Authorization');
      expect(JSON.stringify(authorizer.Properties?.ProviderARNs)).toContain('UserPool');

      for (const route of ROUTES) {
        const method = methodFor(resources, route);
        if (route.access === 'public') {
          expect(method.props.AuthorizationType, `${route.method} ${route.path}`).toBe('NONE');
          expect(method.props.AuthorizerId, `${route.method} ${route.path}`).toBeUndefined();
        } else {
          expect(method.props.AuthorizationType, `${route.method} ${route.path}`).toBe('COGNITO_USER_POOLS');
          expect(method.props.AuthorizerId, `${route.method} ${route.path}`).toEqual({ Ref: authorizerId });
        }
      }
    });

    it('serves exactly the routes of the route table, plus CORS preflights', () => {
      const all = methods(synths[stage].resources);
      const served = all.filter((m) => m.httpMethod !== 'OPTIONS').map((m) => `${m.httpMethod} ${m.path}`);
      expect(served.sort()).toEqual(ROUTES.map((r) => `${r.method} ${r.path}`).sort());
      for (const m of all.filter((x) => x.httpMethod === 'OPTIONS')) {
        expect(m.props.AuthorizationType).toBe('NONE');
        expect((m.props.Integration as { Type: string }).Type).toBe('MOCK');
      }
    });

    it('answers CORS preflights on every route path with the stage origins, the allowed headers and exactly its methods', () => {
      const { resources } = synths[stage];
      for (const route of ROUTES) {
        const preflight = methodFor(resources, { method: 'OPTIONS' as never, path: route.path });
        const text = JSON.stringify(preflight.props.Integration);
        for (const origin of settings.corsOrigins) expect(text).toContain(origin);
        expect(text).toContain(JSON.stringify(appDomain(synths[stage])));
        expect(text).toContain(`'${CORS_ALLOW_HEADERS.join(',')}'`);
        expect(text).toContain(`'${CORS_EXPOSE_HEADERS.join(',')}'`);
        const integration = preflight.props.Integration as { IntegrationResponses: { ResponseParameters: Record<string, string> }[] };
        const header = integration.IntegrationResponses[0]?.ResponseParameters['method.response.header.Access-Control-Allow-Methods'] ?? '';
        const allowed = header.replace(/'/g, '').split(',');
        const expected = ROUTES.filter((r) => r.path === route.path).map((r) => r.method);
        expect(allowed.sort(), route.path).toEqual([...new Set(expected)].sort());
      }
    });

    it('lets a browser cache every preflight answer for an hour, as the local server does', () => {
      const { resources } = synths[stage];
      expect(CORS_MAX_AGE_SECONDS).toBe(3600);
      for (const route of ROUTES) {
        const preflight = methodFor(resources, { method: 'OPTIONS' as never, path: route.path });
        const integration = preflight.props.Integration as { IntegrationResponses: { ResponseParameters: Record<string, string> }[] };
        expect(integration.IntegrationResponses[0]?.ResponseParameters['method.response.header.Access-Control-Max-Age'], route.path).toBe(`'${CORS_MAX_AGE_SECONDS}'`);
      }
    });

    it('has one Lambda function per route and per worker, and otherwise only the handlers of CDK\'s own custom resources', () => {
      const s = synths[stage];
      const { routes, workers } = backendFunctions(s);
      const ours = new Set([...routes.values(), ...workers.values()]);
      expect(ours.size).toBe(ROUTES.length + WORKERS.length);
      const others = ofType(s.resources, 'AWS::Lambda::Function')
        .map(([id]) => id)
        .filter((id) => !ours.has(id));
      // S3 notifications (both stages); emptying the buckets before they are destroyed (dev only).
      const cdkHandlers = [/^BucketNotificationsHandler/, ...(settings.removal === 'destroy' ? [/^CustomS3AutoDeleteObjectsCustomResourceProvider/] : [])];
      expect(others.length, others.join(', ')).toBe(cdkHandlers.length);
      for (const pattern of cdkHandlers) expect(others.filter((id) => pattern.test(id)), String(pattern)).toHaveLength(1);
    });

    it('runs every route function on nodejs24.x and arm64, integrated as a proxy', () => {
      const { resources } = synths[stage];
      const integrated = new Set<string>();
      for (const route of ROUTES) {
        const method = methodFor(resources, route);
        expect((method.props.Integration as { Type: string }).Type).toBe('AWS_PROXY');
        const fnId = functionOfMethod(method);
        integrated.add(fnId);
        const props = resources[fnId]?.Properties;
        expect(props?.Runtime, route.operationId).toBe('nodejs24.x');
        expect(props?.Architectures, route.operationId).toEqual(['arm64']);
        expect(props?.TracingConfig).toEqual({ Mode: 'Active' });
        expect(props?.Handler).toBe('index.handler');
      }
      expect(integrated.size).toBe(ROUTES.length);
    });

    it('gives every function the Powertools environment, STAGE, and its own log group with the stage retention', () => {
      const { resources } = synths[stage];
      const { routes, workers } = backendFunctions(synths[stage]);
      for (const id of [...routes.values(), ...workers.values()]) {
        const fn = resources[id] as { Properties?: Record<string, unknown> };
        const env = (fn.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
        expect(env, id).toMatchObject({
          POWERTOOLS_SERVICE_NAME: 'practice-cases',
          // The namespace the functions' business metrics are written to and the dashboard reads, from one place.
          POWERTOOLS_METRICS_NAMESPACE: METRICS_NAMESPACE,
          POWERTOOLS_LOG_LEVEL: settings.logLevel,
          // The `stage` dimension of every business metric (functions/shared/metrics.ts).
          STAGE: stage,
        });
        const logGroupId = ((fn.Properties?.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup).Ref;
        const logGroup = resources[logGroupId];
        expect(logGroup?.Type).toBe('AWS::Logs::LogGroup');
        expect(logGroup?.Properties?.RetentionInDays).toBe(settings.logRetentionDays);
        expect(logGroup?.DeletionPolicy).toBe(settings.removal === 'retain' ? 'Retain' : 'Delete');
      }
    });

    it("grants each function exactly its route's table access, on the table and its indexes, and nothing for routes without a table", () => {
      const s = synths[stage];
      const table = tableLogicalId(s);
      const tableResources = [
        { 'Fn::GetAtt': [table, 'Arn'] },
        { 'Fn::Join': ['', [{ 'Fn::GetAtt': [table, 'Arn'] }, '/index/*']] },
      ];
      for (const route of ROUTES) {
        const fnId = functionOfMethod(methodFor(s.resources, route));
        const statements = statementsOfFunction(s.resources, fnId).filter((st) => st.Effect === 'Allow');
        const dynamo = statements.filter((st) => actionsOf(st).some((a) => a.startsWith('dynamodb:')));
        const env = (s.resources[fnId]?.Properties?.Environment as { Variables: Record<string, unknown> }).Variables;
        const label = `${route.operationId} (${route.table ?? 'no table'})`;

        if (!route.table) {
          expect(dynamo, label).toEqual([]);
          expect(env.TABLE_NAME, label).toBeUndefined();
          continue;
        }
        expect(env.TABLE_NAME, label).toEqual({ Ref: table });
        const actions = dynamo.flatMap(actionsOf).sort();
        for (const st of dynamo) {
          expect(st.Effect).toBe('Allow');
          expect(st.Resource, label).toEqual(tableResources);
        }
        if (route.table === 'read') {
          expect(actions, label).toEqual(READ_ACTIONS);
        } else {
          expect(actions, label).toEqual([...READ_ACTIONS, ...WRITE_ONLY_ACTIONS].sort());
        }
        expect(actions, label).not.toContain('dynamodb:Scan');
      }
    });

    it('uses per-function roles with inline statements only: no managed policies, logs only to the own log group', () => {
      const s = synths[stage];
      const { routes, workers } = backendFunctions(s);
      for (const fnId of [...routes.values(), ...workers.values()]) {
        const fn = s.resources[fnId] as { Properties?: Record<string, unknown> };
        const roleId = JSON.stringify(fn.Properties?.Role).match(/"Fn::GetAtt":\["([A-Za-z0-9]+)","Arn"\]/)?.[1] ?? '';
        expect(s.resources[roleId]?.Properties?.ManagedPolicyArns, fnId).toBeUndefined();
        const logGroupId = ((fn.Properties?.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup).Ref;
        const logStatements = statementsOfFunction(s.resources, fnId).filter((st) => actionsOf(st).some((a) => a.startsWith('logs:')));
        expect(logStatements.length, fnId).toBeGreaterThan(0);
        for (const st of logStatements) expect(st.Resource, fnId).toEqual({ 'Fn::GetAtt': [logGroupId, 'Arn'] });
      }
    });

    it('throttles the stage, logs access as JSON, traces and records metrics', () => {
      synths[stage].template.hasResourceProperties('AWS::ApiGateway::Stage', {
        StageName: stage,
        TracingEnabled: true,
        MethodSettings: [
          Match.objectLike({
            HttpMethod: '*',
            ResourcePath: '/*',
            ThrottlingRateLimit: settings.apiThrottle.rateLimit,
            ThrottlingBurstLimit: settings.apiThrottle.burstLimit,
            MetricsEnabled: true,
            DataTraceEnabled: false,
          }),
        ],
        AccessLogSetting: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('^\\{"requestId":"\\$context\\.requestId"') },
      });
    });

    it('answers gateway errors as problem+json with the stable codes of API.md, in English with the Chinese words in translations', () => {
      const { resources } = synths[stage];
      const responses = new Map(
        ofType(resources, 'AWS::ApiGateway::GatewayResponse').map(([, r]) => [String(r.Properties?.ResponseType), r.Properties ?? {}]),
      );
      const expected: Record<string, [number, string]> = {
        UNAUTHORIZED: [401, 'unauthorized'],
        MISSING_AUTHENTICATION_TOKEN: [404, 'not-found'],
        ACCESS_DENIED: [403, 'forbidden'],
        WAF_FILTERED: [403, 'forbidden'],
        THROTTLED: [429, 'rate-limited'],
        REQUEST_TOO_LARGE: [413, 'payload-too-large'],
        DEFAULT_4XX: [400, 'validation-failed'],
        DEFAULT_5XX: [500, 'internal-error'],
      };
      for (const [type, [status, code]] of Object.entries(expected)) {
        const response = responses.get(type);
        expect(response, type).toBeDefined();
        expect(response?.StatusCode, type).toBe(String(status));
        const params = response?.ResponseParameters as Record<string, string>;
        expect(params['gatewayresponse.header.Content-Type'], type).toBe("'application/problem+json'");
        expect(params['gatewayresponse.header.Access-Control-Allow-Origin'], type).toBeDefined();
        expect(params['gatewayresponse.header.Access-Control-Expose-Headers'], type).toBe(`'${CORS_EXPOSE_HEADERS.join(',')}'`);
        const body = JSON.parse((response?.ResponseTemplates as Record<string, string>)['application/json'] ?? '{}') as Record<string, unknown>;
        expect(body, type).toMatchObject({ status, code, type: expect.stringMatching(new RegExp(`/${code}$`)), title: expect.any(String) });
        // A template cannot follow Accept-Language (no VTL runs in a gateway response): English, said so, with the
        // words of every other language in the RFC 9457 extension member `translations`.
        expect(params['gatewayresponse.header.Content-Language'], type).toBe("'en'");
        const zh = (body.translations as Record<string, { title: string; detail?: string }>)['zh-CN'];
        expect(zh?.title, type).toMatch(/[\u4e00-\u9fff]/);
        expect(zh?.detail === undefined, type).toBe(body.detail === undefined);
        if (zh?.detail !== undefined) expect(zh.detail, type).toMatch(/[\u4e00-\u9fff]/);
      }
      for (const [type, response] of responses) {
        const body = JSON.parse((response.ResponseTemplates as Record<string, string>)['application/json'] ?? '{}') as { status: number };
        expect(String(body.status), type).toBe(response.StatusCode);
      }
    });

    it('puts a WAF web ACL on the stage: a per-IP rate rule and the common rule set, counting oversize bodies', () => {
      const { template, resources } = synths[stage];
      template.hasResourceProperties('AWS::WAFv2::WebACL', {
        Scope: 'REGIONAL',
        DefaultAction: { Allow: {} },
        Rules: Match.arrayWith([
          Match.objectLike({
            Statement: { RateBasedStatement: Match.objectLike({ Limit: settings.wafRateLimit, AggregateKeyType: 'IP' }) },
            Action: { Count: {} },
            RuleLabels: [{ Name: RATE_LIMITED_LABEL }],
          }),
          Match.objectLike({
            OverrideAction: { None: {} },
            Statement: {
              ManagedRuleGroupStatement: Match.objectLike({
                VendorName: 'AWS',
                Name: 'AWSManagedRulesCommonRuleSet',
                RuleActionOverrides: [{ Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } }],
              }),
            },
          }),
        ]),
      });
      const [aclId] = ofType(resources, 'AWS::WAFv2::WebACL')[0] as [string, unknown];
      const [stageId] = ofType(resources, 'AWS::ApiGateway::Stage')[0] as [string, unknown];
      const association = ofType(resources, 'AWS::WAFv2::WebACLAssociation')[0]?.[1];
      expect(association?.Properties?.WebACLArn).toEqual({ 'Fn::GetAtt': [aclId, 'Arn'] });
      expect(JSON.stringify(association?.Properties?.ResourceArn)).toContain(`{"Ref":"${stageId}"}`);
    });

    it('answers a rate-limited address with 429 problems a page of each stage origin can read, and lets its preflights through', () => {
      const { resources } = synths[stage];
      const acl = (ofType(resources, 'AWS::WAFv2::WebACL')[0] as [string, { Properties?: Json }])[1].Properties ?? {};
      const rules = [...(acl.Rules as Json[])].sort((a, b) => Number(a.Priority) - Number(b.Priority));
      // The web app's origin is the distribution's domain, a CloudFormation value.
      const origins: unknown[] = [...settings.corsOrigins, { 'Fn::Join': ['', ['https://', appDomain(synths[stage])]] }];
      expect(rules.map((r) => r.Name)).toEqual(['RateLimitPerIp', ...origins.map((_, i) => rateLimitedCorsRuleName(i)), 'RateLimited', 'AWSManagedRulesCommonRuleSet']);
      expect(new Set(rules.map((r) => r.Priority)).size).toBe(rules.length);

      const overLimit = { LabelMatchStatement: { Scope: 'LABEL', Key: RATE_LIMITED_LABEL } };
      const notPreflight = {
        NotStatement: {
          Statement: { ByteMatchStatement: { FieldToMatch: { Method: {} }, PositionalConstraint: 'EXACTLY', SearchString: 'OPTIONS', TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
        },
      };
      const headersOf = (rule: Json) => {
        const response = ((rule.Action as Json).Block as Json).CustomResponse as { ResponseCode: number; CustomResponseBodyKey: string; ResponseHeaders: { Name: string; Value: string }[] };
        expect(response, String(rule.Name)).toMatchObject({ ResponseCode: 429, CustomResponseBodyKey: 'rate-limited' });
        const headers = Object.fromEntries(response.ResponseHeaders.map((h) => [h.Name.toLowerCase(), h.Value]));
        expect(headers['content-language'], String(rule.Name)).toBe('en');
        return headers;
      };
      origins.forEach((origin, i) => {
        const rule = rules.find((r) => r.Name === rateLimitedCorsRuleName(i))!;
        expect(rule.Statement, JSON.stringify(origin)).toEqual({
          AndStatement: {
            Statements: [
              overLimit,
              { ByteMatchStatement: { FieldToMatch: { SingleHeader: { Name: 'origin' } }, PositionalConstraint: 'EXACTLY', SearchString: origin, TextTransformations: [{ Priority: 0, Type: 'NONE' }] } },
              notPreflight,
            ],
          },
        });
        expect(headersOf(rule), JSON.stringify(origin)).toMatchObject({
          'access-control-allow-origin': origin,
          'access-control-expose-headers': CORS_EXPOSE_HEADERS.join(','),
          vary: 'Origin',
        });
      });
      // Any other Origin, or none: still 429, and nothing that lets a foreign page read it.
      const last = rules.find((r) => r.Name === 'RateLimited')!;
      expect(last.Statement).toEqual({ AndStatement: { Statements: [overLimit, notPreflight] } });
      expect(headersOf(last)['access-control-allow-origin']).toBeUndefined();

      const body = (acl.CustomResponseBodies as Record<string, { ContentType: string; Content: string }>)['rate-limited']!;
      expect(body.ContentType).toBe('APPLICATION_JSON');
      expect(JSON.parse(body.Content)).toMatchObject({
        status: 429,
        code: 'rate-limited',
        detail: 'Too many requests from your address; retry in a few minutes.',
        translations: { 'zh-CN': { title: '请求过于频繁', detail: '来自您地址的请求过多，请几分钟后重试。' } },
      });
    });

    it("puts a web ACL on the user pool too: per-address rate rules on Cognito's sign-in and sign-up operations", () => {
      const s = synths[stage];
      const poolId = logicalIdOf(s, s.stack.auth.userPool);
      const aclId = s.stack.getLogicalId(s.stack.api.signInWebAcl);
      const associations = ofType(s.resources, 'AWS::WAFv2::WebACLAssociation').filter(([, a]) => JSON.stringify(a.Properties?.ResourceArn) === JSON.stringify({ 'Fn::GetAtt': [poolId, 'Arn'] }));
      expect(associations.map(([, a]) => a.Properties?.WebACLArn)).toEqual([{ 'Fn::GetAtt': [aclId, 'Arn'] }]);
      const acl = s.resources[aclId]?.Properties ?? {};
      expect(acl).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
      const targets = (rule: string) => {
        const r = (acl.Rules as Json[]).find((x) => x.Name === rule) as Json | undefined;
        const rate = (r?.Statement as Json | undefined)?.RateBasedStatement as Json | undefined;
        expect(r?.Action, rule).toEqual({ Block: {} });
        expect(rate, rule).toMatchObject({ AggregateKeyType: 'IP', EvaluationWindowSec: 300, Limit: expect.any(Number) });
        const statements = ((rate?.ScopeDownStatement as Json).OrStatement as Json).Statements as Json[];
        return statements.map((st) => {
          const m = st.ByteMatchStatement as Json;
          expect(m, rule).toMatchObject({ FieldToMatch: { SingleHeader: { Name: 'x-amz-target' } }, PositionalConstraint: 'EXACTLY' });
          return m.SearchString;
        });
      };
      expect(targets('SignInPerIp')).toEqual(['AWSCognitoIdentityProviderService.InitiateAuth', 'AWSCognitoIdentityProviderService.RespondToAuthChallenge']);
      expect(targets('SignUpPerIp')).toEqual(expect.arrayContaining(['AWSCognitoIdentityProviderService.SignUp', 'AWSCognitoIdentityProviderService.ForgotPassword']));
    });

    it('outputs the API and app URLs, the user pool and client ids, the table name, the media bucket name and the dashboard name', () => {
      const s = synths[stage];
      const outputs = s.template.toJSON().Outputs as Record<string, { Value: unknown }>;
      expect(Object.keys(outputs).sort()).toEqual(['ApiUrl', 'AppUrl', 'DashboardName', 'MediaBucketName', 'TableName', 'UserPoolClientId', 'UserPoolId']);
      expect(outputs.MediaBucketName?.Value).toEqual({ Ref: logicalIdOf(s, s.stack.storage.mediaBucket) });
    });
  });
});

describe('stage differences', () => {
  it('prod retains the table and the user pool, with deletion protection', () => {
    const { template } = synths.prod;
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtectionEnabled: true }),
    });
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Retain',
      Properties: Match.objectLike({ DeletionProtection: 'ACTIVE' }),
    });
  });

  it('dev destroys the table and the user pool with the stack, without deletion protection', () => {
    const { template } = synths.dev;
    template.hasResource('AWS::DynamoDB::Table', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtectionEnabled: false }),
    });
    template.hasResource('AWS::Cognito::UserPool', {
      DeletionPolicy: 'Delete',
      Properties: Match.objectLike({ DeletionProtection: 'INACTIVE' }),
    });
  });

  it('names the stack after the stage', () => {
    expect(synths.dev.stack.stackName).toBe('PracticeCases-dev');
    expect(synths.prod.stack.stackName).toBe('PracticeCases-prod');
  });

  it('uses dev when no stage is given', () => {
    expect(buildForTest(undefined).stack.stackName).toBe('PracticeCases-dev');
  });

  it('sends notifications at the SES rate of each stage: 1 a second in dev (the SES sandbox), 14 in prod', () => {
    expect(stageSettings('dev').ses.maxSendRate).toBe(1);
    expect(stageSettings('prod').ses.maxSendRate).toBe(14);
  });

  it.each([
    [0, /stages\.prod\.ses\.maxSendRate: must be at least 1/],
    [41, /stages\.prod\.ses\.maxSendRate: must be at most 40/],
    [1.5, /stages\.prod\.ses\.maxSendRate: /],
  ])('refuses an SES send rate of %s', (maxSendRate, message) => {
    const stages = cdkJson.context.stages as Record<string, Record<string, unknown>>;
    const broken = { ...stages, prod: { ...stages.prod, ses: { maxSendRate } } };
    expect(() => buildForTest('prod', { stages: broken })).toThrow(message);
  });

  it('refuses an unknown stage, and settings that do not parse, with a message that says what to fix', () => {
    expect(() => buildForTest('staging')).toThrow(/Unknown stage "staging".*-c stage=dev or -c stage=prod/);
    const stages = cdkJson.context.stages as Record<string, Record<string, unknown>>;
    const broken = { ...stages, prod: { ...stages.prod, corsOrigins: ['https://cases.example.org/app/'] } };
    expect(() => buildForTest('prod', { stages: broken })).toThrow(/stages\.prod\.corsOrigins\.0: must be a bare origin/);
  });
});

