/**
 * The HTTP API: an API Gateway REST API built from the route table (functions/shared/routes.ts), one Lambda
 * function per route with only the grants the route names (the table, prefixes of the media bucket, the user pool's
 * reviewers group for the committee's routes; no route sends mail or starts a workflow: a request records what is to happen, and workers do it from the table's stream), the Cognito
 * authorizer on every route that is not public, problem+json gateway responses, stage throttling, JSON access
 * logs, tracing, CORS for the stage's origins and the web app's, and a WAF web ACL in front of the stage; and a second
 * web ACL on the user pool, whose sign-in and sign-up endpoints are Cognito's own and so not behind the stage's.
 */
import { Duration, RemovalPolicy, Stack, Validations } from 'aws-cdk-lib';
import * as apigw from 'aws-cdk-lib/aws-apigateway';
import type * as cognito from 'aws-cdk-lib/aws-cognito';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import * as logs from 'aws-cdk-lib/aws-logs';
import type { IBucket } from 'aws-cdk-lib/aws-s3';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import type { ProblemCode } from '../../functions/domain/errors.ts';
import type { MessageKey } from '../../functions/domain/i18n/catalogues.ts';
import { fixedProblemBody } from '../../functions/shared/http.ts';
import type { RouteSpec } from '../../functions/shared/routes.ts';
import { removalPolicy, type StageName, type StageSettings } from '../stage-config.ts';
import { DOCS_ASSET_ROUTE, DOCS_ASSETS, DOCS_ASSETS_DIR_VARIABLE, sourcePathOf } from '../../functions/docs/assets.ts';
import { BackendFunction, LAMBDA_TASK_ROOT, type BundledFiles } from './function.ts';
import { CORS_ALLOW_HEADERS, CORS_EXPOSE_HEADERS, CORS_MAX_AGE_SECONDS } from '../../functions/shared/http.ts';

/**
 * Answers API Gateway gives itself, before or instead of a handler, as problem details with the stable codes of
 * API.md. API Gateway answers an unknown path or method with MISSING_AUTHENTICATION_TOKEN (403); that is a 404
 * here. A missing, malformed or expired token on a real route is the Cognito authorizer's UNAUTHORIZED (401).
 */
const GATEWAY_PROBLEMS: { id: string; type: apigw.ResponseType; code: ProblemCode; detail?: MessageKey }[] = [
  { id: 'Unauthorized', type: apigw.ResponseType.UNAUTHORIZED, code: 'unauthorized', detail: 'detail.unauthorized' },
  { id: 'ExpiredToken', type: apigw.ResponseType.EXPIRED_TOKEN, code: 'unauthorized', detail: 'detail.token-expired' },
  { id: 'UnknownRoute', type: apigw.ResponseType.MISSING_AUTHENTICATION_TOKEN, code: 'not-found', detail: 'detail.no-route' },
  { id: 'ResourceNotFound', type: apigw.ResponseType.RESOURCE_NOT_FOUND, code: 'not-found', detail: 'detail.no-route' },
  { id: 'AccessDenied', type: apigw.ResponseType.ACCESS_DENIED, code: 'forbidden' },
  { id: 'WafFiltered', type: apigw.ResponseType.WAF_FILTERED, code: 'forbidden', detail: 'detail.waf-blocked' },
  { id: 'Throttled', type: apigw.ResponseType.THROTTLED, code: 'rate-limited', detail: 'detail.slow-down' },
  { id: 'QuotaExceeded', type: apigw.ResponseType.QUOTA_EXCEEDED, code: 'rate-limited', detail: 'detail.slow-down' },
  { id: 'RequestTooLarge', type: apigw.ResponseType.REQUEST_TOO_LARGE, code: 'payload-too-large' },
  { id: 'Default4xx', type: apigw.ResponseType.DEFAULT_4XX, code: 'validation-failed', detail: 'detail.unprocessable' },
  { id: 'Default5xx', type: apigw.ResponseType.DEFAULT_5XX, code: 'internal-error' },
];

/**
 * A gateway response body is a VTL template: `$` and `#` would be read as template syntax. The problem bodies are
 * static JSON and must stay so.
 */
function staticTemplate(body: object): string {
  const json = JSON.stringify(body);
  if (/[$#]/.test(json)) throw new Error(`Gateway response body would be read as VTL: ${json}`);
  return json;
}

/** The window the WAF rate rule counts a source address's requests in: 5 minutes (wafRateLimit is per this window). */
export const WAF_RATE_WINDOW_SECONDS = 300;

/**
 * The label the WAF rate rule puts on the requests of an address while it is over the limit (a rate-based rule labels
 * only then); the rules after it block what carries it.
 */
export const RATE_LIMITED_LABEL = 'practice-cases:rate-limited';

/** The WAF rule that answers a rate-limited request from the index-th of the API's allowed origins (ApiProps.corsOrigins). */
export const rateLimitedCorsRuleName = (index: number) => `RateLimitedCors${index}`;

const exactly = (fieldToMatch: wafv2.CfnWebACL.FieldToMatchProperty, searchString: string): wafv2.CfnWebACL.StatementProperty => ({
  byteMatchStatement: { fieldToMatch, positionalConstraint: 'EXACTLY', searchString, textTransformations: [{ priority: 0, type: 'NONE' }] },
});

/**
 * The user pool's API operations a browser calls unauthenticated, as Cognito names them in X-Amz-Target, and how many
 * calls of each kind one source address may make in WAF_RATE_WINDOW_SECONDS before it is blocked.
 *
 * Sign-in: SRP is two calls (InitiateAuth, RespondToAuthChallenge) and a token refresh one InitiateAuth an hour per
 * session. 100 applicants behind one NAT all signing in during the same 5 minutes of the deadline rush make ~200;
 * 300 lets them through while a password-guessing loop gets 300 tries, not millions (Cognito also locks a user out
 * after repeated failures). Sign-up and recovery (codes by mail) are a few calls per person: a classroom of 30
 * registering together makes ~100.
 */
export const COGNITO_RATE_RULES = {
  SignInPerIp: { limit: 300, operations: ['InitiateAuth', 'RespondToAuthChallenge'] },
  SignUpPerIp: { limit: 100, operations: ['SignUp', 'ConfirmSignUp', 'ResendConfirmationCode', 'ForgotPassword', 'ConfirmForgotPassword'] },
} as const;
export const cognitoTarget = (operation: string) => `AWSCognitoIdentityProviderService.${operation}`;

const PATH_SEGMENT = /^(?:[A-Za-z0-9._:-]+|\{[A-Za-z][A-Za-z0-9]*\})$/;

const pascal = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The API reference page's scripts and styles, in the package of the one route that serves them (functions/docs/assets.ts). */
export const DOCS_ASSET_FILES: BundledFiles = { dir: 'docs-assets', files: Object.fromEntries(Object.keys(DOCS_ASSETS).map((name) => [name, sourcePathOf(name)])) };

export interface ApiProps {
  stageName: StageName;
  settings: StageSettings;
  userPool: cognito.IUserPool;
  /** Browser origins allowed to call the API (CORS): the stage's corsOrigins and the web app's. */
  corsOrigins: readonly string[];
  table: ITable;
  /** The media bucket, for routes with `bucket` grants. */
  mediaBucket: IBucket;
  routes: readonly RouteSpec[];
}

export class Api extends Construct {
  readonly restApi: apigw.RestApi;
  readonly webAcl: wafv2.CfnWebACL;
  /** The web ACL on the user pool (sign-in, sign-up and recovery). */
  readonly signInWebAcl: wafv2.CfnWebACL;
  /** The stage's JSON access logs. */
  readonly accessLogs: logs.LogGroup;
  /** The stage's execution logs (errors only), in the log group API Gateway names itself. */
  readonly executionLogs: logs.LogGroup;
  /** The function of each route, by operationId. */
  readonly functions = new Map<string, BackendFunction>();
  private authorizer: apigw.CognitoUserPoolsAuthorizer | undefined;

  constructor(scope: Construct, id: string, props: ApiProps) {
    super(scope, id);
    const { settings } = props;

    this.accessLogs = new logs.LogGroup(this, 'AccessLogs', {
      retention: settings.logRetentionDays as logs.RetentionDays,
      removalPolicy: removalPolicy(settings.removal),
    });
    const accessLogs = this.accessLogs;

    this.restApi = new apigw.RestApi(this, 'RestApi', {
      restApiName: `${Stack.of(this).stackName}-api`,
      description: `Practice cases API (${props.stageName})`,
      endpointConfiguration: { types: [apigw.EndpointType.REGIONAL] },
      // Execution logging (APIG6) needs the account-level CloudWatch role. It is kept when a stage is destroyed,
      // because the setting is shared by every API in the account and region.
      cloudWatchRole: true,
      cloudWatchRoleRemovalPolicy: RemovalPolicy.RETAIN,
      deployOptions: {
        stageName: props.stageName,
        throttlingRateLimit: settings.apiThrottle.rateLimit,
        throttlingBurstLimit: settings.apiThrottle.burstLimit,
        accessLogDestination: new apigw.LogGroupLogDestination(accessLogs),
        accessLogFormat: apigw.AccessLogFormat.jsonWithStandardFields({
          caller: true,
          httpMethod: true,
          ip: true,
          protocol: true,
          requestTime: true,
          resourcePath: true,
          responseLength: true,
          status: true,
          user: true,
        }),
        // Errors only, and never request or response bodies (they carry personal data).
        loggingLevel: apigw.MethodLoggingLevel.ERROR,
        dataTraceEnabled: false,
        metricsEnabled: true,
        tracingEnabled: true,
      },
    });

    // Execution logs go to a log group API Gateway names (API-Gateway-Execution-Logs_<api id>/<stage>) and, left to
    // itself, creates on first use without retention. It is created here instead, with the stage's retention, and the
    // stage waits for it, so nothing can be logged before it exists.
    this.executionLogs = new logs.LogGroup(this, 'ExecutionLogs', {
      logGroupName: `API-Gateway-Execution-Logs_${this.restApi.restApiId}/${props.stageName}`,
      retention: settings.logRetentionDays as logs.RetentionDays,
      removalPolicy: removalPolicy(settings.removal),
    });
    this.restApi.deploymentStage.node.addDependency(this.executionLogs);

    // The stack's ApiUrl output is the one place the URL is published.
    this.restApi.node.tryRemoveChild('Endpoint');

    const cloudWatchRole = this.restApi.node.tryFindChild('CloudWatchRole');
    if (cloudWatchRole) {
      Validations.of(cloudWatchRole).acknowledge({
        id: 'AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/AmazonAPIGatewayPushToCloudWatchLogs]',
        reason:
          'The account-level role API Gateway uses to write execution logs; AmazonAPIGatewayPushToCloudWatchLogs is the ' +
          'policy AWS documents for it, and the role is assumable only by apigateway.amazonaws.com.',
      });
    }
    Validations.of(this.restApi).acknowledge({
      id: 'AwsSolutions-APIG2',
      reason:
        'Requests are validated strictly in each handler by the zod schemas of functions/shared/routes.ts, which answer ' +
        'with field-level problem details (API.md) and run identically locally; API Gateway models would duplicate ' +
        'them and answer with a different body.',
    });

    this.addGatewayResponses(props.corsOrigins);
    this.addRoutes(props);
    this.webAcl = this.addWebAcl(props);
    this.signInWebAcl = this.addSignInWebAcl(props);
  }

  get url(): string {
    return this.restApi.url;
  }

  private addGatewayResponses(origins: readonly string[]) {
    // One allowed origin is sent as is. With several, the caller's Origin is echoed: a gateway response body is a
    // fixed problem document with nothing private in it, and the browser still applies the preflight's allow-list
    // to every request that reaches a handler.
    const [only] = origins;
    const allowOrigin = origins.length === 1 && only ? `'${only}'` : 'method.request.header.Origin';
    for (const { id, type, code, detail } of GATEWAY_PROBLEMS) {
      const body = fixedProblemBody(code, detail && { key: detail });
      this.restApi.addGatewayResponse(id, {
        type,
        statusCode: String(body.status),
        responseHeaders: {
          'Content-Type': "'application/problem+json'",
          'Cache-Control': "'no-store'",
          // A template cannot follow Accept-Language: English, the other languages in the body's `translations`.
          'Content-Language': "'en'",
          'Access-Control-Allow-Origin': allowOrigin,
          'Access-Control-Expose-Headers': `'${CORS_EXPOSE_HEADERS.join(',')}'`,
          Vary: "'Origin'",
        },
        templates: { 'application/json': staticTemplate(body) },
      });
    }
  }

  private cognitoAuthorizer(userPool: cognito.IUserPool): apigw.CognitoUserPoolsAuthorizer {
    this.authorizer ??= new apigw.CognitoUserPoolsAuthorizer(this, 'Authorizer', {
      cognitoUserPools: [userPool],
      identitySource: apigw.IdentitySource.header('Authorization'),
    });
    return this.authorizer;
  }

  private resourceFor(path: string): apigw.IResource {
    let resource: apigw.IResource = this.restApi.root;
    for (const segment of path.split('/').filter(Boolean)) {
      if (!PATH_SEGMENT.test(segment)) throw new Error(`Route path ${path}: "${segment}" is not a valid API Gateway path segment.`);
      resource = resource.getResource(segment) ?? resource.addResource(segment);
    }
    return resource;
  }

  private addRoutes(props: ApiProps) {
    const { settings } = props;
    const functionsScope = new Construct(this, 'Functions');
    const methodsByResource = new Map<apigw.IResource, Set<string>>();

    for (const route of props.routes) {
      const docsAssets = route.operationId === DOCS_ASSET_ROUTE;
      const fn = new BackendFunction(functionsScope, pascal(route.operationId), {
        entry: route.entry,
        description: `${route.method} ${route.path} (${route.operationId})`,
        stage: props.stageName,
        logRetentionDays: settings.logRetentionDays,
        removal: settings.removal,
        logLevel: settings.logLevel,
        environment: {
          CORS_ALLOWED_ORIGINS: props.corsOrigins.join(','),
          ...(docsAssets ? { [DOCS_ASSETS_DIR_VARIABLE]: `${LAMBDA_TASK_ROOT}/${DOCS_ASSET_FILES.dir}` } : {}),
        },
        ...(docsAssets ? { bundledFiles: DOCS_ASSET_FILES } : {}),
      });
      if (route.table) fn.bindTable(props.table, route.table);
      if (route.bucket) fn.bindBucket(props.mediaBucket, route.bucket);
      if (route.directory) fn.bindDirectory(props.userPool, route.directory);
      Validations.of(fn.lambda).acknowledge({
        id: 'Serverless-LambdaDLQ',
        reason:
          `Invoked synchronously by API Gateway (proxy integration of ${route.method} ${route.path}): a failure is the ` +
          'caller\'s 5xx answer, counted in the API\'s 5XXError metric and alarmed on (lib/constructs/ops.ts); a dead-letter ' +
          'queue only ever receives asynchronous invocations, so it would stay empty.',
      });
      this.functions.set(route.operationId, fn);

      const resource = this.resourceFor(route.path);
      const integration = new apigw.LambdaIntegration(fn.lambda, { proxy: true, allowTestInvoke: false });
      if (route.access === 'public') {
        const method = resource.addMethod(route.method, integration, {
          operationName: route.operationId,
          authorizationType: apigw.AuthorizationType.NONE,
        });
        const reason = `${route.method} ${route.path} is public by contract (API.md): ${route.summary}.`;
        Validations.of(method).acknowledge({ id: 'AwsSolutions-APIG4', reason });
        Validations.of(method).acknowledge({ id: 'AwsSolutions-COG4', reason });
      } else {
        // Signed-in users and group members alike carry a Cognito ID token; the group rule itself is the handler's
        // (403 forbidden), since an authorizer cannot tell groups apart.
        resource.addMethod(route.method, integration, {
          operationName: route.operationId,
          authorizationType: apigw.AuthorizationType.COGNITO,
          authorizer: this.cognitoAuthorizer(props.userPool),
        });
      }
      const methods = methodsByResource.get(resource) ?? new Set<string>();
      methods.add(route.method);
      methodsByResource.set(resource, methods);
    }

    // Preflight only where there are methods, naming exactly those methods.
    for (const [resource, methods] of methodsByResource) {
      resource.addCorsPreflight({
        allowOrigins: [...props.corsOrigins],
        allowMethods: [...methods],
        allowHeaders: CORS_ALLOW_HEADERS,
        exposeHeaders: CORS_EXPOSE_HEADERS,
        allowCredentials: false,
        maxAge: Duration.seconds(CORS_MAX_AGE_SECONDS),
      });
    }
  }

  private addWebAcl(props: ApiProps): wafv2.CfnWebACL {
    const metricPrefix = `PracticeCases-${props.stageName}`;
    const visibility = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName: `${metricPrefix}-${name}`,
      sampledRequestsEnabled: true,
    });

    const rateLimitedBody = 'rate-limited';
    /** A 429 with the problem body; the answer depends on Origin either way, and nothing may cache it. */
    const tooManyRequests = (cors: wafv2.CfnWebACL.CustomHTTPHeaderProperty[]): wafv2.CfnWebACL.RuleActionProperty => ({
      block: {
        customResponse: {
          responseCode: 429,
          customResponseBodyKey: rateLimitedBody,
          responseHeaders: [...cors, { name: 'Vary', value: 'Origin' }, { name: 'Cache-Control', value: 'no-store' }, { name: 'Content-Language', value: 'en' }],
        },
      },
    });
    const origins = props.corsOrigins;
    // A rate-limited address's preflights still pass: they reach only API Gateway's mock integration, and a blocked
    // preflight would keep the 429 that follows from the page.
    const notPreflight: wafv2.CfnWebACL.StatementProperty = { notStatement: { statement: exactly({ method: {} }, 'OPTIONS') } };
    const overLimit: wafv2.CfnWebACL.StatementProperty = { labelMatchStatement: { scope: 'LABEL', key: RATE_LIMITED_LABEL } };

    const webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('WebAcl'),
      customResponseBodies: {
        // WAF sends a custom body as application/json at best (its content types are plain text, HTML and JSON, and a
        // Content-Type header cannot be set), so this problem document goes out as JSON.
        [rateLimitedBody]: { contentType: 'APPLICATION_JSON', content: JSON.stringify(fixedProblemBody('rate-limited', { key: 'detail.address-rate-limited' })) },
      },
      rules: [
        {
          // Requests per source address in a sliding 5-minute window, the stage's wafRateLimit (sized for the deadline
          // rush: see lib/stage-config.ts). Over it, the address's requests are labelled, and the next rules answer
          // them with 429 problems until its rate drops.
          name: 'RateLimitPerIp',
          priority: 0,
          statement: { rateBasedStatement: { limit: props.settings.wafRateLimit, aggregateKeyType: 'IP', evaluationWindowSec: WAF_RATE_WINDOW_SECONDS } },
          action: { count: {} },
          ruleLabels: [{ name: RATE_LIMITED_LABEL }],
          visibilityConfig: visibility('RateLimitPerIp'),
        },
        // A page may read the 429 only with CORS headers, and WAF's headers are fixed strings: one rule per allowed
        // origin, each naming its own, as API Gateway would.
        ...origins.map((origin, index) => ({
          name: rateLimitedCorsRuleName(index),
          priority: 1 + index,
          statement: { andStatement: { statements: [overLimit, exactly({ singleHeader: { Name: 'origin' } }, origin), notPreflight] } },
          action: tooManyRequests([
            { name: 'Access-Control-Allow-Origin', value: origin },
            { name: 'Access-Control-Expose-Headers', value: CORS_EXPOSE_HEADERS.join(',') },
          ]),
          visibilityConfig: visibility(rateLimitedCorsRuleName(index)),
        })),
        {
          // Every other request of a rate-limited address (no Origin, or one the stage does not allow): no CORS headers.
          name: 'RateLimited',
          priority: 1 + origins.length,
          statement: { andStatement: { statements: [overLimit, notPreflight] } },
          action: tooManyRequests([]),
          visibilityConfig: visibility('RateLimited'),
        },
        {
          name: 'AWSManagedRulesCommonRuleSet',
          priority: 2 + origins.length,
          overrideAction: { none: {} },
          statement: {
            managedRuleGroupStatement: {
              vendorName: 'AWS',
              name: 'AWSManagedRulesCommonRuleSet',
              // Case descriptions are up to 20,000 characters, over this rule's 8 KB body limit. The handlers cap
              // bodies (413) and validate every field, so oversize bodies are counted, not blocked.
              ruleActionOverrides: [{ name: 'SizeRestrictions_BODY', actionToUse: { count: {} } }],
            },
          },
          visibilityConfig: visibility('CommonRuleSet'),
        },
      ],
    });

    new wafv2.CfnWebACLAssociation(this, 'WebAclAssociation', {
      resourceArn: this.restApi.deploymentStage.stageArn,
      webAclArn: webAcl.attrArn,
    });
    return webAcl;
  }

  /**
   * The user pool's endpoints (cognito-idp) are Cognito's, not the stage's, so the API's web ACL does not see a sign-in.
   * This one, associated with the pool, blocks an address over the rate rules of COGNITO_RATE_RULES; every other call
   * is allowed. A plain block: Cognito shows its own error to an API caller.
   */
  private addSignInWebAcl(props: ApiProps): wafv2.CfnWebACL {
    const metricPrefix = `PracticeCases-${props.stageName}-SignIn`;
    const visibility = (name: string): wafv2.CfnWebACL.VisibilityConfigProperty => ({
      cloudWatchMetricsEnabled: true,
      metricName: `${metricPrefix}-${name}`,
      sampledRequestsEnabled: true,
    });
    const target = (operation: string): wafv2.CfnWebACL.StatementProperty => ({
      byteMatchStatement: {
        fieldToMatch: { singleHeader: { Name: 'x-amz-target' } },
        positionalConstraint: 'EXACTLY',
        searchString: cognitoTarget(operation),
        textTransformations: [{ priority: 0, type: 'NONE' }],
      },
    });
    const webAcl = new wafv2.CfnWebACL(this, 'SignInWebAcl', {
      scope: 'REGIONAL',
      defaultAction: { allow: {} },
      visibilityConfig: visibility('WebAcl'),
      rules: Object.entries(COGNITO_RATE_RULES).map(([name, rule], priority) => ({
        name,
        priority,
        statement: {
          rateBasedStatement: {
            limit: rule.limit,
            aggregateKeyType: 'IP',
            evaluationWindowSec: WAF_RATE_WINDOW_SECONDS,
            scopeDownStatement: { orStatement: { statements: rule.operations.map(target) } },
          },
        },
        action: { block: {} },
        visibilityConfig: visibility(name),
      })),
    });
    new wafv2.CfnWebACLAssociation(this, 'SignInWebAclAssociation', {
      resourceArn: props.userPool.userPoolArn,
      webAclArn: webAcl.attrArn,
    });
    return webAcl;
  }
}
