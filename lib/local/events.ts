/**
 * Builds the API Gateway REST (v1) proxy event that API Gateway would build for a request, authorizer
 * claims included, so that the handlers run locally exactly as they do on AWS.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { APIGatewayProxyEvent, Context } from 'aws-lambda';
import type { RouteSpec } from '../../functions/shared/routes.ts';

export interface MatchedRoute {
  route: RouteSpec;
  pathParameters: Record<string, string>;
}

interface CompiledRoute {
  route: RouteSpec;
  regex: RegExp;
  names: string[];
}

/** A matcher over the route table: method + path → route and path parameters. */
export function compileRoutes(routes: RouteSpec[]) {
  const compiled: CompiledRoute[] = routes.map((route) => {
    const names: string[] = [];
    const pattern = route.path
      .split('/')
      .map((seg) => {
        const m = /^\{(\w+)\}$/.exec(seg);
        if (!m) return seg.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        names.push(m[1]!);
        return '([^/]+)';
      })
      .join('/');
    return { route, regex: new RegExp(`^${pattern}$`), names };
  });
  // Literal segments win over parameters, as in API Gateway (/editions/x/cases.csv before /editions/x/{y}).
  compiled.sort((a, b) => a.names.length - b.names.length);

  return {
    match(method: string, path: string): MatchedRoute | 'method-not-allowed' | undefined {
      let pathMatched = false;
      for (const c of compiled) {
        const m = c.regex.exec(path);
        if (!m) continue;
        pathMatched = true;
        if (c.route.method !== method) continue;
        const pathParameters: Record<string, string> = {};
        c.names.forEach((n, i) => {
          const raw = m[i + 1]!;
          try {
            pathParameters[n] = decodeURIComponent(raw);
          } catch {
            pathParameters[n] = raw;
          }
        });
        return { route: c.route, pathParameters };
      }
      return pathMatched ? 'method-not-allowed' : undefined;
    },
  };
}

export function proxyEvent(args: {
  matched: MatchedRoute;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  claims: Record<string, string> | undefined;
  sourceIp: string;
}): APIGatewayProxyEvent {
  // Maps without a prototype: a header or query key such as constructor or __proto__ is an ordinary key, as
  // it is in the event API Gateway builds (JSON), not Object's built-in.
  const headers: Record<string, string> = Object.create(null) as Record<string, string>;
  const multiValueHeaders: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [k, v] of Object.entries(args.headers)) {
    if (v === undefined) continue;
    const values = Array.isArray(v) ? v : [v];
    headers[k] = values.join(',');
    multiValueHeaders[k] = values;
  }
  const query: Record<string, string> = Object.create(null) as Record<string, string>;
  const multiQuery: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [k, v] of args.query) {
    query[k] = v; // API Gateway keeps the last value of a repeated parameter
    (multiQuery[k] ??= []).push(v);
  }
  // API Gateway tells the function the scheme the caller used; the local server speaks plain HTTP.
  headers['x-forwarded-proto'] ??= 'http';
  const hasQuery = Object.keys(query).length > 0;
  const hasParams = Object.keys(args.matched.pathParameters).length > 0;
  const requestId = randomUUID();
  return {
    resource: args.matched.route.path,
    path: args.path,
    httpMethod: args.method,
    headers,
    multiValueHeaders,
    queryStringParameters: hasQuery ? query : null,
    multiValueQueryStringParameters: hasQuery ? multiQuery : null,
    pathParameters: hasParams ? args.matched.pathParameters : null,
    stageVariables: null,
    body: args.body.length ? args.body.toString('utf8') : null,
    isBase64Encoded: false,
    requestContext: {
      accountId: '000000000000',
      apiId: 'local',
      authorizer: args.claims ? { claims: args.claims } : null,
      protocol: 'HTTP/1.1',
      httpMethod: args.method,
      identity: {
        accessKey: null, accountId: null, apiKey: null, apiKeyId: null, caller: null, clientCert: null,
        cognitoAuthenticationProvider: null, cognitoAuthenticationType: null, cognitoIdentityId: null,
        cognitoIdentityPoolId: null, principalOrgId: null, sourceIp: args.sourceIp, user: null,
        userAgent: headers['user-agent'] ?? null, userArn: null,
      },
      // Locally the API is served at the root, as on a custom domain without a base path: no stage in front.
      path: args.path,
      domainName: headers.host ?? 'localhost',
      stage: 'local',
      requestId,
      requestTimeEpoch: Date.now(),
      resourceId: args.matched.route.operationId,
      resourcePath: args.matched.route.path,
    },
  };
}

/** A Lambda context with the deployed timeout, so middy's early-timeout behaves as on AWS. */
export function lambdaContext(functionName: string, timeoutMs: number): Context {
  const deadline = Date.now() + timeoutMs;
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:${functionName}`,
    memoryLimitInMB: '512',
    awsRequestId: randomUUID(),
    logGroupName: `/local/${functionName}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, deadline - Date.now()),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
