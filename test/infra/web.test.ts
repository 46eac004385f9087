/**
 * The web app on AWS (lib/constructs/web.ts): the private bucket behind CloudFront with origin access control, the SPA
 * fallback, the security headers (lib/web-headers.ts), the deployment of the build and of config.json, the managed
 * login and the app client's redirects, the app's origin among the API's CORS origins, and its acknowledged cdk-nag
 * findings. (A circular dependency, which the app's origin among the CORS origins could cause, fails the synth itself:
 * CDK validates the template as CloudFormation would.)
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CfnElement } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { securityHeadersBehavior, SPA_FALLBACK_CODE, WEB_APP_MEDIA_ORIGIN } from '../../lib/constructs/web.ts';
import { webContentSecurityPolicy, WEB_REFERRER_POLICY } from '../../lib/web-headers.ts';
import { parseConfig } from '../../web/src/config.ts';
import { acknowledgements, backendFunctions, buildForTest, cdkJson, logicalIdOf, methodFor, ofType, stageSettings, STAGES, type Synth, useStages } from './synth.ts';
import { ROUTES } from '../../functions/shared/routes.ts';

type Json = Record<string, unknown>;

const synths = useStages();

/** The stage's web settings (cdk.json), which synth.ts's stageSettings does not type. */
const webSettings = (stage: 'dev' | 'prod') =>
  (stageSettings(stage) as unknown as { web: { priceClass: string; accessLogDays: number; localOrigins: string[] } }).web;

/**
 * A CloudFormation value as text: `{ Ref: X }` is `${X}`, `{ "Fn::GetAtt": [X, A] }` is `${X.A}`, a Join the
 * concatenation of its parts; a string is itself. In a nested stack, a Ref to one of its `parameters` is what the
 * backend stack passes to it.
 */
function cfnText(value: unknown, parameters: Json = {}): string {
  if (typeof value === 'string') return value;
  const v = value as Json;
  if (typeof v.Ref === 'string') return v.Ref in parameters ? cfnText(parameters[v.Ref]) : `\${${v.Ref}}`;
  const getAtt = v['Fn::GetAtt'] as [string, string] | undefined;
  if (getAtt) return `\${${getAtt[0]}.${getAtt[1]}}`;
  const join = v['Fn::Join'] as [string, unknown[]] | undefined;
  if (join) return join[1].map((part) => cfnText(part, parameters)).join(join[0]);
  throw new Error(`Not a text value: ${JSON.stringify(value)}`);
}

/** The deployment's nested stack: its resources, and what the backend stack passes to each of its parameters. */
function deploymentStack(s: Synth): { resources: Synth['resources']; parameters: Json } {
  const nested = s.stack.web.deployment;
  const resources = Template.fromStack(nested).toJSON().Resources as Synth['resources'];
  const id = s.stack.getLogicalId(nested.nestedStackResource as CfnElement);
  return { resources, parameters: (s.resources[id]?.Properties?.Parameters ?? {}) as Json };
}

const props = (s: Synth, id: string) => (s.resources[id]?.Properties ?? {}) as Json;

function ids(s: Synth) {
  const { web, api, auth, storage } = s.stack;
  return {
    bucket: logicalIdOf(s, web.bucket),
    logs: logicalIdOf(s, web.logsBucket),
    distribution: logicalIdOf(s, web.distribution),
    policy: logicalIdOf(s, web.responseHeadersPolicy),
    fallback: logicalIdOf(s, web.spaFallback),
    domain: logicalIdOf(s, web.signInDomain),
    restApi: logicalIdOf(s, api.restApi),
    stage: logicalIdOf(s, api.restApi.deploymentStage),
    pool: logicalIdOf(s, auth.userPool),
    client: logicalIdOf(s, auth.client),
    media: logicalIdOf(s, storage.mediaBucket),
  };
}

/** The app's origin as the template has it. */
const appOrigin = (s: Synth) => `https://\${${ids(s).distribution}.DomainName}`;

/** The deployment of the page and config.json, and that of the hashed assets, by logical id and properties. */
function deployments(s: Synth) {
  const all = ofType(deploymentStack(s).resources, 'Custom::CDKBucketDeployment');
  expect(all).toHaveLength(2);
  const page = all.find(([, d]) => d.Properties?.Prune === true);
  const assets = all.find(([, d]) => d.Properties?.Prune === false);
  if (!page || !assets) throw new Error('Expected one pruning and one non-pruning deployment');
  return { page: page[1].Properties as Json, pageId: page[0], assets: assets[1].Properties as Json, assetsId: assets[0], dependsOn: page[1] as { DependsOn?: string[] } };
}

describe('the security headers as CloudFront takes them', () => {
  it('maps each header to its setting, and any other to a custom header', () => {
    const mapped = securityHeadersBehavior({
      'Content-Security-Policy': "default-src 'none'",
      'Strict-Transport-Security': 'max-age=600; preload',
      'X-Content-Type-Options': 'nosniff',
      'X-Frame-Options': 'SAMEORIGIN',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
      'Permissions-Policy': 'camera=()',
    });
    expect(mapped.securityHeadersBehavior).toMatchObject({
      contentSecurityPolicy: { contentSecurityPolicy: "default-src 'none'", override: true },
      strictTransportSecurity: { includeSubdomains: false, preload: true, override: true },
      contentTypeOptions: { override: true },
      frameOptions: { frameOption: 'SAMEORIGIN', override: true },
      referrerPolicy: { referrerPolicy: 'strict-origin-when-cross-origin', override: true },
    });
    expect(mapped.securityHeadersBehavior.strictTransportSecurity?.accessControlMaxAge.toSeconds()).toBe(600);
    expect(mapped.customHeadersBehavior).toEqual({ customHeaders: [{ header: 'Permissions-Policy', value: 'camera=()', override: true }] });
  });

  it.each([
    ['strict-transport-security', 'max-age=forever'],
    ['x-content-type-options', 'sniff'],
    ['x-frame-options', 'ALLOW-FROM https://example.org'],
    ['referrer-policy', 'nobody'],
  ])('fails on a value CloudFront cannot set: %s: %s', (name, value) => {
    expect(() => securityHeadersBehavior({ [name]: value })).toThrow(name);
  });
});

describe('the SPA fallback function', () => {
  const handler = new Function(`${SPA_FALLBACK_CODE}; return handler;`)() as (event: { request: { uri: string } }) => { uri: string };
  it.each([
    ['/', '/index.html'],
    ['/callback', '/index.html'],
    ['/cases/01JABCDEFGHJKMNPQRSTVWXYZ0/files', '/index.html'],
    ['/config.json', '/config.json'],
    ['/assets/index-Bx12.js', '/assets/index-Bx12.js'],
    ['/assets/missing.css', '/assets/missing.css'],
    ['/favicon.ico', '/favicon.ico'],
  ])('answers %s with %s', (uri, expected) => {
    expect(handler({ request: { uri } }).uri).toBe(expected);
  });
});

describe.each(STAGES)('the %s stack', (stage) => {
  const web = webSettings(stage);

  describe('app bucket', () => {
    it('blocks all public access, is versioned, encrypted, owner-enforced and logs access', () => {
      const s = synths[stage];
      const p = props(s, ids(s).bucket);
      expect(p.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(p.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
      expect(p.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
      expect(p.LoggingConfiguration).toEqual({ DestinationBucketName: { Ref: ids(s).logs }, LogFilePrefix: 'bucket/' });
      expect(p.WebsiteConfiguration).toBeUndefined();
    });

    it('lets only this distribution read it (origin access control), denies requests without TLS 1.2, and allows nothing else', () => {
      const s = synths[stage];
      const { bucket, distribution } = ids(s);
      const policies = ofType(s.resources, 'AWS::S3::BucketPolicy').filter(([, p]) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: bucket }));
      expect(policies).toHaveLength(1);
      const statements = (policies[0]![1].Properties?.PolicyDocument as { Statement: Json[] }).Statement;
      const allows = statements.filter((st) => st.Effect === 'Allow');
      const cloudFront = allows.filter((st) => JSON.stringify(st.Principal) === '{"Service":"cloudfront.amazonaws.com"}');
      expect(cloudFront).toHaveLength(1);
      expect(cloudFront[0]?.Action).toBe('s3:GetObject');
      expect(cfnText((cloudFront[0]?.Condition as { StringEquals: Json }).StringEquals['AWS:SourceArn'])).toBe(
        `arn:\${AWS::Partition}:cloudfront::\${AWS::AccountId}:distribution/\${${distribution}}`,
      );
      // Besides it, only the dev stage's emptying of the bucket before the stack is destroyed.
      const others = allows.filter((st) => !cloudFront.includes(st)).map((st) => JSON.stringify(st.Principal));
      expect(others).toEqual(stageSettings(stage).removal === 'destroy' ? [expect.stringMatching(/CustomS3AutoDeleteObjectsCustomResourceProviderRole/)] : []);
      const denies = statements.filter((st) => st.Effect === 'Deny').map((st) => JSON.stringify(st.Condition));
      expect(denies.sort()).toEqual(['{"Bool":{"aws:SecureTransport":"false"}}', '{"NumericLessThan":{"s3:TlsVersion":1.2}}']);

      const config = props(s, distribution).DistributionConfig as Json;
      const origins = config.Origins as Json[];
      expect(origins).toHaveLength(1);
      expect(origins[0]?.DomainName).toEqual({ 'Fn::GetAtt': [bucket, 'RegionalDomainName'] });
      expect(origins[0]?.S3OriginConfig).toEqual({ OriginAccessIdentity: '' });
      const [oacId] = ofType(s.resources, 'AWS::CloudFront::OriginAccessControl')[0] ?? [];
      expect(origins[0]?.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
      expect(props(s, oacId ?? '').OriginAccessControlConfig).toMatchObject({ OriginAccessControlOriginType: 's3', SigningBehavior: 'always', SigningProtocol: 'sigv4' });
      expect(ofType(s.resources, 'AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual([]);
    });
  });

  describe('distribution', () => {
    it('serves index.html at the root, routes through the SPA fallback, redirects HTTP to HTTPS and logs to its bucket', () => {
      const s = synths[stage];
      const { distribution, fallback, logs } = ids(s);
      const config = props(s, distribution).DistributionConfig as Json;
      expect(config.DefaultRootObject).toBe('index.html');
      expect(config.PriceClass).toBe(web.priceClass);
      expect(config.HttpVersion).toBe('http2and3');
      expect(config.CustomErrorResponses).toBeUndefined();
      expect(config.Logging).toEqual({ Bucket: { 'Fn::GetAtt': [logs, 'RegionalDomainName'] }, Prefix: 'cloudfront/' });
      const behavior = config.DefaultCacheBehavior as Json;
      expect(behavior).toMatchObject({ ViewerProtocolPolicy: 'redirect-to-https', AllowedMethods: ['GET', 'HEAD'], Compress: true });
      expect(behavior.ResponseHeadersPolicyId).toEqual({ Ref: ids(s).policy });
      expect(behavior.FunctionAssociations).toEqual([{ EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fallback, 'FunctionARN'] } }]);
      expect(props(s, fallback)).toMatchObject({ FunctionCode: SPA_FALLBACK_CODE, FunctionConfig: { Runtime: 'cloudfront-js-2.0' }, AutoPublish: true });
      expect(config.CacheBehaviors).toBeUndefined();
    });

    it("keeps its logs for the stage's accessLogDays in a private bucket CloudFront can write (ACLs on)", () => {
      const s = synths[stage];
      const p = props(s, ids(s).logs);
      expect(p.LifecycleConfiguration).toEqual({ Rules: [expect.objectContaining({ Status: 'Enabled', ExpirationInDays: web.accessLogDays })] });
      expect(p.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
      expect(p.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerPreferred' }] });
    });

    it('sets the security headers: the CSP of lib/web-headers.ts with the API origin from its id, HSTS, nosniff, DENY', () => {
      const s = synths[stage];
      const { restApi, media, domain, stage: apiStage } = ids(s);
      const config = (props(s, ids(s).policy).ResponseHeadersPolicyConfig as Json).SecurityHeadersConfig as Json;
      const csp = cfnText((config.ContentSecurityPolicy as Json).ContentSecurityPolicy);
      const api = `https://\${${restApi}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}`;
      const mediaOrigin = `https://\${${media}}.s3.\${AWS::Region}.\${AWS::URLSuffix}`;
      expect(csp).toBe(
        webContentSecurityPolicy({
          api,
          media: mediaOrigin,
          signIn: [`https://\${${domain}}.auth.\${AWS::Region}.amazoncognito.com`, 'https://cognito-idp.${AWS::Region}.${AWS::URLSuffix}'],
        }),
      );
      const directives = new Map(csp.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      expect(directives.get('script-src')).toEqual(["'self'"]);
      expect(directives.get('style-src')).toEqual(["'self'"]);
      expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives.get('connect-src')).toEqual(expect.arrayContaining(["'self'", api, mediaOrigin]));
      expect(directives.get('img-src')).toEqual(expect.arrayContaining(['blob:', 'data:', mediaOrigin]));
      expect(csp.split(/[ ;]+/).filter((source) => source.includes('*'))).toEqual([]);
      // From the API's id only: the stage's URL would make the distribution wait for the stage, and so for the
      // functions, which name the distribution.
      expect(csp).not.toContain(apiStage);
      // Two years (730 days), subdomains included.
      expect(config.StrictTransportSecurity).toEqual({ AccessControlMaxAgeSec: 730 * 24 * 3600, IncludeSubdomains: true, Preload: false, Override: true });
      expect(config.ContentTypeOptions).toEqual({ Override: true });
      expect(config.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
      expect(config.ReferrerPolicy).toEqual({ ReferrerPolicy: WEB_REFERRER_POLICY, Override: true });
      expect((props(s, ids(s).policy).ResponseHeadersPolicyConfig as Json).CustomHeadersConfig).toBeUndefined();
    });
  });

  describe('deployment', () => {
    it('copies the hashed assets first, cached for a year and never pruned', () => {
      const s = synths[stage];
      const { assets, assetsId, dependsOn } = deployments(s);
      const { parameters } = deploymentStack(s);
      expect(cfnText(assets.DestinationBucketName, parameters)).toBe(`\${${ids(s).bucket}}`);
      expect(assets).toMatchObject({ Exclude: ['*'], Include: ['assets/*'], SystemMetadata: { 'cache-control': 'public, max-age=31536000, immutable' } });
      expect(assets.DistributionId).toBeUndefined();
      expect([dependsOn.DependsOn].flat()).toContain(assetsId);
    });

    it('then the page, its files and config.json with no-cache, pruning the previous build and invalidating the cache', () => {
      const s = synths[stage];
      const { page, assets } = deployments(s);
      const { parameters } = deploymentStack(s);
      expect(cfnText(page.DestinationBucketName, parameters)).toBe(`\${${ids(s).bucket}}`);
      expect(cfnText(page.DistributionId, parameters)).toBe(`\${${ids(s).distribution}}`);
      expect(page).toMatchObject({ Exclude: ['assets/*'], SystemMetadata: { 'cache-control': 'no-cache' }, DistributionPaths: ['/*'] });
      // The same build in both, and config.json besides.
      const keys = page.SourceObjectKeys as string[];
      expect(keys).toHaveLength(2);
      expect(keys[0]).toEqual((assets.SourceObjectKeys as string[])[0]);
    });

    it('writes config.json with the API URL, the user pool, the client, the login domain and the region, as web/src/config.ts reads it', () => {
      const s = synths[stage];
      const { page } = deployments(s);
      const { parameters } = deploymentStack(s);
      const key = (page.SourceObjectKeys as string[])[1] ?? '';
      const markers = (page.SourceMarkers as Record<string, unknown>[])[1] ?? {};
      let text = readFileSync(join(s.app.outdir, `asset.${key.replace(/\.zip$/, '')}`, 'config.json'), 'utf8');
      for (const [marker, value] of Object.entries(markers)) text = text.split(marker).join(cfnText(value, parameters));
      const { restApi, stage: apiStage, pool, client, domain } = ids(s);
      expect(JSON.parse(text)).toEqual({
        apiUrl: `https://\${${restApi}}.execute-api.\${AWS::Region}.\${AWS::URLSuffix}/\${${apiStage}}`,
        auth: {
          kind: 'cognito',
          userPoolId: `\${${pool}}`,
          clientId: `\${${client}}`,
          domain: `https://\${${domain}}.auth.\${AWS::Region}.amazoncognito.com`,
          region: '${AWS::Region}',
        },
      });
      // With plausible values in place of the CloudFormation ones, the app's own parser takes it as it is.
      const deployed = text.replace(/\$\{AWS::Region\}/g, 'eu-west-1').replace(/\$\{AWS::URLSuffix\}/g, 'amazonaws.com').replace(/\$\{[A-Za-z0-9]+\}/g, 'x1');
      expect(parseConfig(JSON.parse(deployed))).toEqual(JSON.parse(deployed));
    });

    it("runs CDK's deployment handler with a role of its own, which writes only to its log group with the stage's retention", () => {
      const { resources } = deploymentStack(synths[stage]);
      const handlers = ofType(resources, 'AWS::Lambda::Function');
      expect(handlers.map(([id]) => id)).toEqual([expect.stringMatching(/^CustomCDKBucketDeployment/)]);
      const p = handlers[0]![1].Properties as Json;
      const role = (p.Role as { 'Fn::GetAtt': [string, string] })['Fn::GetAtt'][0];
      expect(role).toMatch(/^DeploymentRole/);
      expect(resources[role]?.Properties?.ManagedPolicyArns).toBeUndefined();
      const logGroup = (p.LoggingConfig as { LogGroup: { Ref: string } }).LogGroup.Ref;
      expect(resources[logGroup]?.Properties?.RetentionInDays).toBe(stageSettings(stage).logRetentionDays);
      expect(resources[logGroup]?.DeletionPolicy).toBe(stageSettings(stage).removal === 'retain' ? 'Retain' : 'Delete');
    });
  });

  describe('sign-in', () => {
    it('offers the managed login on a Cognito domain of the stage and account, styled for the app client', () => {
      const s = synths[stage];
      const domain = props(s, ids(s).domain);
      expect(domain.UserPoolId).toEqual({ Ref: ids(s).pool });
      expect(domain.ManagedLoginVersion).toBe(2);
      expect(cfnText(domain.Domain)).toBe(`practice-cases-${stage}-\${AWS::AccountId}`);
      const branding = ofType(s.resources, 'AWS::Cognito::ManagedLoginBranding').map(([, r]) => r.Properties);
      expect(branding).toEqual([{ UserPoolId: { Ref: ids(s).pool }, ClientId: { Ref: ids(s).client }, UseCognitoProvidedValues: true }]);
    });

    it('lets the app client use the code flow only, with openid, email and profile, back to the app (and local copies on dev)', () => {
      const s = synths[stage];
      const p = props(s, ids(s).client);
      expect(p.AllowedOAuthFlows).toEqual(['code']);
      expect(p.AllowedOAuthFlowsUserPoolClient).toBe(true);
      expect([...(p.AllowedOAuthScopes as string[])].sort()).toEqual(['email', 'openid', 'profile']);
      expect(p.SupportedIdentityProviders).toEqual(['COGNITO']);
      expect(p.GenerateSecret).toBe(false);
      const origins = [appOrigin(s), ...web.localOrigins];
      expect((p.CallbackURLs as unknown[]).map((v) => cfnText(v))).toEqual(origins.map((o) => `${o}/callback`));
      expect((p.LogoutURLs as unknown[]).map((v) => cfnText(v))).toEqual(origins.map((o) => `${o}/`));
      expect(web.localOrigins.length > 0).toBe(stage === 'dev');
    });

    it('refuses a local origin that is not among the CORS origins, whose app could not call the API', () => {
      const stages = cdkJson.context.stages as Record<string, Json>;
      const broken = { ...stages, [stage]: { ...stages[stage], web: { ...web, localOrigins: ['http://localhost:9999'] } } };
      expect(() => buildForTest(stage, { stages: broken })).toThrow(new RegExp(`stages\\.${stage}\\.web\\.localOrigins\\.0: http://localhost:9999 must be in corsOrigins`));
    });

    it('keeps the user pool schema as it was (a deployed pool refuses a change)', () => {
      const s = synths[stage];
      expect(props(s, ids(s).pool).Schema).toEqual([{ Name: 'email', Required: true, Mutable: true }]);
    });
  });

  describe('CORS', () => {
    it("lets the app's origin call the API: the functions, the preflights and the gateway's own answers", () => {
      const s = synths[stage];
      const origin = appOrigin(s);
      for (const fnId of backendFunctions(s).routes.values()) {
        const env = (props(s, fnId).Environment as { Variables: Json }).Variables;
        expect(cfnText(env.CORS_ALLOWED_ORIGINS).split(','), fnId).toEqual([...stageSettings(stage).corsOrigins, origin]);
      }
      const route = ROUTES[0]!;
      const preflight = methodFor(s.resources, { method: 'OPTIONS' as never, path: route.path });
      expect(JSON.stringify(preflight.props.Integration)).toContain(JSON.stringify({ 'Fn::GetAtt': [ids(s).distribution, 'DomainName'] }));
      // With more than one origin, the gateway's own answers echo the caller's Origin (a fixed problem document).
      for (const [, response] of ofType(s.resources, 'AWS::ApiGateway::GatewayResponse')) {
        expect((response.Properties?.ResponseParameters as Json)['gatewayresponse.header.Access-Control-Allow-Origin']).toBe('method.request.header.Origin');
      }
    });

    it("lets pages on CloudFront use the media bucket's presigned URLs", () => {
      const s = synths[stage];
      const rules = (props(s, ids(s).media).CorsConfiguration as { CorsRules: { AllowedOrigins: string[] }[] }).CorsRules;
      for (const rule of rules) expect(rule.AllowedOrigins).toContain(WEB_APP_MEDIA_ORIGIN);
    });
  });

  it("keeps the app's buckets with the stage's removal, emptied first where they go with the stack", () => {
    const s = synths[stage];
    const buckets = [ids(s).bucket, ids(s).logs];
    const retain = stageSettings(stage).removal === 'retain';
    for (const id of buckets) expect(s.resources[id]?.DeletionPolicy, id).toBe(retain ? 'Retain' : 'Delete');
    const emptied = ofType(s.resources, 'Custom::S3AutoDeleteObjects').map(([, r]) => JSON.stringify(r.Properties?.BucketName));
    expect(emptied.filter((b) => buckets.some((id) => b === JSON.stringify({ Ref: id })))).toHaveLength(retain ? 0 : 2);
  });

  it('outputs the app URL', () => {
    const s = synths[stage];
    const outputs = s.template.toJSON().Outputs as Record<string, { Value: unknown }>;
    expect(cfnText(outputs.AppUrl?.Value)).toBe(appOrigin(s));
  });

  it('acknowledges only the cdk-nag findings that cannot apply, each with a reason', () => {
    const s = synths[stage];
    const root = s.stack.node.path;
    const acks = acknowledgements(s.stack).filter((a) => a.path.startsWith(`${root}/Web/`));
    for (const ack of acks) expect(ack.reason.length, ack.id).toBeGreaterThan(40);
    const byPath = (path: string) => acks.filter((a) => a.path === path).map((a) => a.id).sort();
    expect(byPath(`${root}/Web/Distribution`)).toEqual(['AwsSolutions-CFR1', 'AwsSolutions-CFR2', 'AwsSolutions-CFR4']);
    expect(byPath(`${root}/Web/LogsBucket`)).toEqual(['AwsSolutions-S1']);
    expect(byPath(`${root}/Web/Deployment/DeploymentRole`)).toEqual(
      [
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::<AppBucketName>/*]',
        'AwsSolutions-IAM5[Action::s3:Abort*]',
        'AwsSolutions-IAM5[Action::s3:DeleteObject*]',
        'AwsSolutions-IAM5[Action::s3:GetBucket*]',
        'AwsSolutions-IAM5[Action::s3:GetObject*]',
        'AwsSolutions-IAM5[Action::s3:List*]',
        'AwsSolutions-IAM5[Resource::*]',
        'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      ].sort(),
    );
    const handler = acks.filter((a) => a.path.startsWith(`${root}/Web/Deployment/Custom::CDKBucketDeployment`));
    expect(handler.map((a) => a.id).sort()).toEqual(['AwsSolutions-L1', 'Serverless-LambdaDLQ', 'Serverless-LambdaLatestVersion', 'Serverless-LambdaTracing']);
    expect(acks).toHaveLength(3 + 1 + 8 + 4);
  });
});
