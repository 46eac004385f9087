/**
 * The web app on AWS: a private bucket with the built app (web/), served only through a CloudFront distribution (origin
 * access control), with the app's security headers (lib/web-headers.ts, the ones the local server sends too), routes
 * of the single-page app answered with its index.html, and the app's runtime configuration (`/config.json`, typed by
 * web/src/config.ts) written at deploy time; and the user pool's managed login, which the app signs in through.
 *
 *   path                 object                         Cache-Control                      written by
 *   -------------------  -----------------------------  ---------------------------------  -------------------------------
 *   /assets/*            Vite's output, hashed names    a year, immutable                  AssetsDeployment, never pruned
 *   /config.json         { apiUrl, auth: cognito ... }  no-cache                           AppDeployment (deploy time)
 *   /index.html, other   the page, files of public/     no-cache                           AppDeployment, pruned
 *   any path whose last segment has no dot: /index.html (SPA_FALLBACK_CODE, a viewer-request function)
 *
 *   - The app is built at synth (`npm run build -w web` into the asset's folder), as the functions are bundled: a fresh
 *     clone synthesizes without web/dist, the stack ships exactly the current source, and the build is cached by the
 *     hash of web/ and of the lockfile (a synth after no change reuses it). The infra tests skip it, as they skip the
 *     functions' bundling.
 *   - Old hashed assets stay: a page loaded before a deployment still finds the chunks it loads later. They are a few
 *     hundred kilobytes a deployment.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { AssetHashType, Aws, CfnParameter, DockerImage, Duration, FileSystem, NestedStack, Stack, Validations } from 'aws-cdk-lib';
import type * as apigw from 'aws-cdk-lib/aws-apigateway';
import * as cloudfront from 'aws-cdk-lib/aws-cloudfront';
import * as origins from 'aws-cdk-lib/aws-cloudfront-origins';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as s3deploy from 'aws-cdk-lib/aws-s3-deployment';
import { Construct } from 'constructs';
import type { AppConfig } from '../../web/src/config.ts';
import { removalPolicy, type StageName, type StageSettings } from '../stage-config.ts';
import { webSecurityHeaders } from '../web-headers.ts';
import { PROJECT_ROOT, WEB_DIR, WEB_SHARED_SOURCES } from '../web-sources.ts';



/** Where Vite puts the hashed files (its default assetsDir): the only files cached for good. */
const HASHED_ASSETS = 'assets/*';

/**
 * The media bucket's CORS origin for the app. The distribution's own origin would make the media bucket depend on the
 * distribution, whose CSP names the bucket: a cycle CloudFormation refuses. This admits any page on cloudfront.net,
 * which grants nothing: every request to the private bucket needs a presigned URL or form, which only the API issues;
 * CORS decides only which pages may read the answer to one.
 */
export const WEB_APP_MEDIA_ORIGIN = 'https://*.cloudfront.net';

/**
 * The SPA fallback, a CloudFront Function on viewer request (cloudfront-js-2.0): a path whose last segment has no dot
 * is a route of the app (/, /cases/01J..., /callback), answered with /index.html; any other path is a file, and a
 * missing one stays an error. Error responses (403/404 → /index.html) would answer a missing script with a page too,
 * with 200, and turn every 404 of the distribution into a success.
 */
export const SPA_FALLBACK_CODE = `function handler(event) {
  var request = event.request;
  if (!/\\.[^/]*$/.test(request.uri)) request.uri = '/index.html';
  return request;
}`;

/** The deployment stack's parameter with the app bucket's name. */
const APP_BUCKET_PARAMETER = 'AppBucketName';

/** A year, for the hashed assets. */
const IMMUTABLE = s3deploy.CacheControl.fromString('public, max-age=31536000, immutable');

/** How long an old version of index.html or config.json is kept, to put a previous deployment back by hand. */
const NONCURRENT_VERSION_DAYS = 30;

/** The member of a CloudFront enum whose value is `value`; `what` names the setting when there is none. */
function cloudFrontValue<T extends string>(values: Record<string, T>, value: string, what: string): T {
  const found = Object.values(values).find((v) => v === value);
  if (!found) throw new Error(`${what}: "${value}" is not a value CloudFront takes.`);
  return found;
}

/**
 * The security headers of lib/web-headers.ts as CloudFront's response headers policy takes them. CloudFront refuses
 * its security headers as custom headers, so each is mapped to its typed setting, and a value the setting cannot
 * express fails the synth; any other header becomes a custom header.
 */
export function securityHeadersBehavior(headers: Record<string, string>): {
  securityHeadersBehavior: cloudfront.ResponseSecurityHeadersBehavior;
  customHeadersBehavior?: cloudfront.ResponseCustomHeadersBehavior;
} {
  const security: { -readonly [K in keyof cloudfront.ResponseSecurityHeadersBehavior]: cloudfront.ResponseSecurityHeadersBehavior[K] } = {};
  const custom: cloudfront.ResponseCustomHeader[] = [];
  for (const [name, value] of Object.entries(headers)) {
    switch (name.toLowerCase()) {
      case 'content-security-policy':
        security.contentSecurityPolicy = { contentSecurityPolicy: value, override: true };
        break;
      case 'strict-transport-security': {
        const hsts = /^max-age=(\d+)(; includeSubDomains)?(; preload)?$/.exec(value);
        if (!hsts) throw new Error(`lib/web-headers.ts: strict-transport-security: "${value}" is not max-age=<seconds>[; includeSubDomains][; preload].`);
        security.strictTransportSecurity = {
          accessControlMaxAge: Duration.seconds(Number(hsts[1])),
          includeSubdomains: hsts[2] !== undefined,
          preload: hsts[3] !== undefined,
          override: true,
        };
        break;
      }
      case 'x-content-type-options':
        if (value !== 'nosniff') throw new Error(`lib/web-headers.ts: x-content-type-options: CloudFront sets only nosniff, not "${value}".`);
        security.contentTypeOptions = { override: true };
        break;
      case 'x-frame-options':
        security.frameOptions = { frameOption: cloudFrontValue(cloudfront.HeadersFrameOption, value, `lib/web-headers.ts: ${name}`), override: true };
        break;
      case 'referrer-policy':
        security.referrerPolicy = { referrerPolicy: cloudFrontValue(cloudfront.HeadersReferrerPolicy, value, `lib/web-headers.ts: ${name}`), override: true };
        break;
      default:
        custom.push({ header: name, value, override: true });
    }
  }
  return { securityHeadersBehavior: security, ...(custom.length > 0 ? { customHeadersBehavior: { customHeaders: custom } } : {}) };
}

/**
 * The built app as a deployment source: web/ built by `npm run build -w web` into the asset's folder, with the
 * project's Node (node_modules/.bin first on the PATH, as npm scripts have it). Hashed by web/'s sources and the
 * lockfile, so an unchanged app is built once and then reused from cdk.out.
 */
function builtApp(): s3deploy.ISource {
  // The lockfile, and the backend code the app imports (web-sources.ts), are read by the build as much as web/ is.
  const outside = createHash('sha256').update(readFileSync(join(PROJECT_ROOT, 'package-lock.json')));
  for (const source of WEB_SHARED_SOURCES) outside.update(FileSystem.fingerprint(join(PROJECT_ROOT, source)));
  return s3deploy.Source.asset(WEB_DIR, {
    assetHashType: AssetHashType.CUSTOM,
    assetHash: FileSystem.fingerprint(WEB_DIR, { exclude: ['node_modules', 'dist'], extraHash: outside.digest('hex') }),
    bundling: {
      // Required by CDK, never run: the local build below either succeeds or throws.
      image: DockerImage.fromRegistry('public.ecr.aws/docker/library/node:24-slim'),
      local: {
        tryBundle(outputDir: string) {
          execFileSync('npm', ['run', 'build', '-w', 'web', '--', '--outDir', outputDir, '--emptyOutDir'], {
            cwd: PROJECT_ROOT,
            env: { ...process.env, NODE_ENV: 'production', PATH: [join(PROJECT_ROOT, 'node_modules', '.bin'), process.env.PATH].join(delimiter) },
            // The synth's standard output is the CDK CLI's; the build talks on standard error.
            stdio: ['ignore', 2, 2],
          });
          return true;
        },
      },
    },
  });
}

export interface WebProps {
  stageName: StageName;
  settings: StageSettings;
  /** The API the app calls: its origin goes into the CSP, its stage URL into config.json. */
  restApi: apigw.RestApi;
  userPool: cognito.UserPool;
  /** The app client (lib/constructs/auth.ts), whose redirects name this distribution. */
  client: cognito.UserPoolClient;
  /** The media bucket: presigned uploads and downloads go straight to it. */
  mediaBucket: s3.IBucket;
}

export class Web extends Construct {
  /** The built app, private; CloudFront reads it with origin access control. */
  readonly bucket: s3.Bucket;
  /** The distribution's access logs and the app bucket's server access logs. */
  readonly logsBucket: s3.Bucket;
  readonly distribution: cloudfront.Distribution;
  readonly responseHeadersPolicy: cloudfront.ResponseHeadersPolicy;
  readonly spaFallback: cloudfront.Function;
  /** The managed login the app signs in through. */
  readonly signInDomain: cognito.UserPoolDomain;
  /** What the app reads from /config.json. */
  readonly config: AppConfig;
  /** The deployments of the build and config.json, and CDK's handler that runs them (see deploy()). */
  readonly deployment: NestedStack;

  constructor(scope: Construct, id: string, props: WebProps) {
    super(scope, id);
    const { settings } = props;
    const retain = settings.removal === 'retain';

    // Managed login on a Cognito domain; the prefix is unique per stage and account, as Cognito needs in a region.
    this.signInDomain = new cognito.UserPoolDomain(this, 'SignInDomain', {
      userPool: props.userPool,
      cognitoDomain: { domainPrefix: `practice-cases-${props.stageName}-${Aws.ACCOUNT_ID}` },
      managedLoginVersion: cognito.ManagedLoginVersion.NEWER_MANAGED_LOGIN,
    });
    // The newer managed login shows an app client's pages only with a style: Cognito's own.
    new cognito.CfnManagedLoginBranding(this, 'SignInBranding', {
      userPoolId: props.userPool.userPoolId,
      clientId: props.client.userPoolClientId,
      useCognitoProvidedValues: true,
    });

    this.logsBucket = new s3.Bucket(this, 'LogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      // CloudFront delivers standard logs through an ACL grant, so ACLs must be on; the bucket owner still owns them.
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_PREFERRED,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(settings.web.accessLogDays) }],
      removalPolicy: removalPolicy(settings.removal),
      autoDeleteObjects: !retain,
    });
    Validations.of(this.logsBucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        "This bucket holds the distribution's and the app bucket's access logs; logging its own access would need yet " +
        'another bucket. It is private, SSL-only, and written only by CloudFront and the S3 logging service.',
    });

    this.bucket = new s3.Bucket(this, 'Bucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // SSE-S3: origin access control reads it without a key grant; the files are the public app, nothing secret.
      encryption: s3.BucketEncryption.S3_MANAGED,
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.logsBucket,
      serverAccessLogsPrefix: 'bucket/',
      lifecycleRules: [{ id: 'ExpireNoncurrentVersions', noncurrentVersionExpiration: Duration.days(NONCURRENT_VERSION_DAYS), expiredObjectDeleteMarker: true }],
      removalPolicy: removalPolicy(settings.removal),
      autoDeleteObjects: !retain,
    });

    const region = Stack.of(this).region;
    // The API's origin from its id alone: the stage's URL would make the distribution wait for the stage, whose
    // functions wait for the distribution (its origin is among their CORS origins).
    const apiOrigin = `https://${props.restApi.restApiId}.execute-api.${region}.${Aws.URL_SUFFIX}`;
    // The host name the functions' presigned URLs and forms use (virtual-hosted style, the region's endpoint).
    const mediaOrigin = `https://${props.mediaBucket.bucketName}.s3.${region}.${Aws.URL_SUFFIX}`;
    // The managed login (authorize, token, logout) and the pool's issuer (OIDC discovery, keys).
    const signIn = [this.signInDomain.baseUrl(), `https://cognito-idp.${region}.${Aws.URL_SUFFIX}`];

    this.responseHeadersPolicy = new cloudfront.ResponseHeadersPolicy(this, 'SecurityHeaders', {
      comment: `Security headers of the practice cases web app (${props.stageName})`,
      ...securityHeadersBehavior(webSecurityHeaders({ api: apiOrigin, media: mediaOrigin, signIn })),
    });

    this.spaFallback = new cloudfront.Function(this, 'SpaFallback', {
      comment: 'Routes of the single-page app (no dot in the last path segment) are answered with /index.html',
      code: cloudfront.FunctionCode.fromInline(SPA_FALLBACK_CODE),
      runtime: cloudfront.FunctionRuntime.JS_2_0,
    });

    this.distribution = new cloudfront.Distribution(this, 'Distribution', {
      comment: `Practice cases web app (${props.stageName})`,
      defaultRootObject: 'index.html',
      defaultBehavior: {
        origin: origins.S3BucketOrigin.withOriginAccessControl(this.bucket),
        viewerProtocolPolicy: cloudfront.ViewerProtocolPolicy.REDIRECT_TO_HTTPS,
        allowedMethods: cloudfront.AllowedMethods.ALLOW_GET_HEAD,
        cachePolicy: cloudfront.CachePolicy.CACHING_OPTIMIZED,
        compress: true,
        responseHeadersPolicy: this.responseHeadersPolicy,
        functionAssociations: [{ eventType: cloudfront.FunctionEventType.VIEWER_REQUEST, function: this.spaFallback }],
      },
      priceClass: cloudFrontValue(cloudfront.PriceClass, settings.web.priceClass, 'web.priceClass'),
      httpVersion: cloudfront.HttpVersion.HTTP2_AND_3,
      enableLogging: true,
      logBucket: this.logsBucket,
      logFilePrefix: 'cloudfront/',
    });
    this.acknowledgeDistribution();

    this.config = {
      apiUrl: `${apiOrigin}/${props.restApi.deploymentStage.stageName}`,
      auth: {
        kind: 'cognito',
        userPoolId: props.userPool.userPoolId,
        clientId: props.client.userPoolClientId,
        domain: this.signInDomain.baseUrl(),
        region,
      },
    };
    this.deployment = this.deploy(settings);
  }

  /** The app's https origin (no trailing slash): what the API and the sign-in accept it as. */
  get origin(): string {
    return `https://${this.distribution.distributionDomainName}`;
  }

  /**
   * Two deployments of the one build: the hashed assets first (never pruned, cached for a year), then the page, the
   * other files and config.json (no-cache, so a deployment shows at the next load), which prunes what the previous
   * build had and this one has not, and invalidates the distribution's cache.
   *
   * In a nested stack of their own, with CDK's handler, its role and log group: eight resources the backend stack,
   * near CloudFormation's 500, need not hold. It only reads the backend stack's values (as parameters), so it is
   * deployed after the resources it names.
   */
  private deploy(settings: StageSettings): NestedStack {
    const scope = new NestedStack(this, 'Deployment', {
      description: 'Deploys the built web app and its config.json',
      parameters: { [APP_BUCKET_PARAMETER]: this.bucket.bucketName },
    });
    // The app bucket by name, through a parameter of a name of ours: the grants on it read the same in every template.
    const bucket = s3.Bucket.fromBucketName(
      scope,
      'AppBucket',
      new CfnParameter(scope, APP_BUCKET_PARAMETER, { description: 'The app bucket, which the deployments write' }).valueAsString,
    );
    const logGroup = new logs.LogGroup(scope, 'DeploymentLogs', {
      retention: settings.logRetentionDays as logs.RetentionDays,
      removalPolicy: removalPolicy(settings.removal),
    });
    // An own role instead of CDK's (which carries AWSLambdaBasicExecutionRole): its own log group, and the grants the
    // deployments add (read the build from the assets bucket, write the app bucket, invalidate the distribution).
    const role = new iam.Role(scope, 'DeploymentRole', {
      assumedBy: new iam.ServicePrincipal('lambda.amazonaws.com'),
      description: 'Copies the built web app and its config.json into the app bucket',
    });
    logGroup.grantWrite(role);
    const app = builtApp();
    const assets = new s3deploy.BucketDeployment(scope, 'AssetsDeployment', {
      sources: [app],
      destinationBucket: bucket,
      exclude: ['*'],
      include: [HASHED_ASSETS],
      prune: false,
      cacheControl: [IMMUTABLE],
      // The keys copied are not used, and a long list overflows the custom resource's 4 KB answer.
      outputObjectKeys: false,
      role,
      logGroup,
    });
    const page = new s3deploy.BucketDeployment(scope, 'AppDeployment', {
      sources: [app, s3deploy.Source.jsonData('config.json', this.config)],
      destinationBucket: bucket,
      exclude: [HASHED_ASSETS],
      cacheControl: [s3deploy.CacheControl.noCache()],
      distribution: this.distribution,
      distributionPaths: ['/*'],
      outputObjectKeys: false,
      role,
      logGroup,
    });
    // A new page names the new assets: they are in place before it is.
    page.node.addDependency(assets);
    this.acknowledgeDeployment(role);
    return scope;
  }

  /**
   * The deployments run CDK's own handler (Custom::CDKBucketDeployment, a stack singleton), with the grants CDK gives it
   * on the role it is handed.
   */
  private acknowledgeDeployment(role: iam.Role) {
    const copy =
      "CDK's BucketDeployment grants its handler these to copy the build: read the asset it uploaded (the bootstrap " +
      "assets bucket's objects) and sync the app bucket (list, read, write, delete, abort uploads). They name the two " +
      'buckets and nothing else, and the handler runs only during a deployment.';
    for (const finding of ['Action::s3:GetBucket*', 'Action::s3:GetObject*', 'Action::s3:List*', 'Action::s3:Abort*', 'Action::s3:DeleteObject*']) {
      Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[${finding}]`, reason: copy });
    }
    Validations.of(role).acknowledge({ id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::<${APP_BUCKET_PARAMETER}>/*]`, reason: copy });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:s3:::cdk-hnb659fds-assets-<AWS::AccountId>-<AWS::Region>/*]',
      reason: copy,
    });
    Validations.of(role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        "CDK's BucketDeployment grants cloudfront:CreateInvalidation and cloudfront:GetInvalidation on Resource \"*\" to " +
        'invalidate the cached page after a deployment; they only expire cached copies, never change a distribution.',
    });

    const handler = Stack.of(role).node.children.find((c) => c.node.id.startsWith('Custom::CDKBucketDeployment'));
    if (!handler) throw new Error(`${this.node.path}: CDK's bucket deployment handler is not where it was; revisit these acknowledgements.`);
    const runtime =
      "CDK's own handler for Custom::CDKBucketDeployment: aws-cdk-lib chooses its runtime (Python, with the AWS CLI layer) " +
      'and moves it forward with its releases; the stack cannot set it.';
    Validations.of(handler).acknowledge({ id: 'AwsSolutions-L1', reason: runtime });
    Validations.of(handler).acknowledge({ id: 'Serverless-LambdaLatestVersion', reason: runtime });
    Validations.of(handler).acknowledge({
      id: 'Serverless-LambdaDLQ',
      reason:
        'Invoked synchronously by CloudFormation as a custom resource during deployments: a failure fails the stack ' +
        'update, which CloudFormation rolls back; a dead-letter queue only ever receives asynchronous invocations.',
    });
    Validations.of(handler).acknowledge({
      id: 'Serverless-LambdaTracing',
      reason:
        'Runs only while CloudFormation deploys the web app (one copy and one invalidation); its log group keeps what it ' +
        'did, and a failure shows as the failed stack update. There is no request path to trace.',
    });
  }

  private acknowledgeDistribution() {
    const acknowledge = (id: string, reason: string) => Validations.of(this.distribution).acknowledge({ id, reason });
    acknowledge(
      'AwsSolutions-CFR1',
      'The call is international (applicants in every country, the committee in several): no country may be kept out.',
    );
    acknowledge(
      'AwsSolutions-CFR2',
      'The distribution serves only the static app from a private bucket (GET and HEAD, no origin that computes); what ' +
        'takes input is the API, behind its own web ACL, and the user pool, behind its own. A CloudFront web ACL would ' +
        'have to live in us-east-1, outside this stack.',
    );
    acknowledge(
      'AwsSolutions-CFR4',
      "The distribution uses CloudFront's default *.cloudfront.net certificate, with which CloudFront fixes the minimum " +
        'viewer protocol itself (TLSv1); a minimum of TLS 1.2 needs a custom domain with an ACM certificate, which the stack ' +
        'does not have yet. The origin is S3 over HTTPS, with TLS 1.2 at least enforced by the bucket policy.',
    );
  }
}
