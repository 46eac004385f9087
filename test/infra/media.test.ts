/**
 * The media bucket, its access-log bucket, the S3 notification to the verifier, and the S3 grants of every function:
 * each may touch only the prefixes and actions its route or worker spec names.
 */
import { describe, expect, it } from 'vitest';
import { PREFIXES, type Prefix } from '../../functions/adapters/bucket-design.ts';
import { type BucketAccess, type BucketGrants, ROUTES } from '../../functions/shared/routes.ts';
import { WORKERS } from '../../functions/shared/workers.ts';
import { WEB_APP_MEDIA_ORIGIN } from '../../lib/constructs/web.ts';
import {
  actionsOf,
  backendFunctions,
  grantsOf,
  logicalIdOf,
  ofType,
  stageSettings,
  statementsOfFunction,
  type Synth,
  STAGES,
  useStages,
} from './synth.ts';

const synths = useStages();

/** The workers started by objects created in the media bucket (the others run on a schedule: schedule.test.ts). */
const S3_WORKERS = WORKERS.flatMap((w) => (w.trigger.source === 's3:ObjectCreated' ? [{ ...w, trigger: w.trigger }] : []));

/** What each access mode of routes.ts / workers.ts means in IAM (written out here, not imported, to check the mapping). */
const S3_ACTION: Record<BucketAccess, string> = {
  read: 's3:GetObject',
  write: 's3:PutObject',
  delete: 's3:DeleteObject',
  readVersion: 's3:GetObjectVersion',
  deleteVersion: 's3:DeleteObjectVersion',
};

type Props = Record<string, unknown>;
const props = (s: Synth, id: string) => (s.resources[id]?.Properties ?? {}) as Props;

function buckets(s: Synth) {
  return { media: logicalIdOf(s, s.stack.storage.mediaBucket), logs: logicalIdOf(s, s.stack.storage.accessLogsBucket) };
}

/** Exactly the grants a spec's `bucket` names: one "Allow <action> <MediaBucket>/<prefix>*" per prefix and access mode. */
function expectedGrants(media: string, grants: BucketGrants | undefined): string[] {
  return (Object.entries(grants ?? {}) as [Prefix, BucketAccess[]][])
    .flatMap(([prefix, access]) => [...new Set(access)].map((a) => `Allow ${S3_ACTION[a]} <${media}>/${PREFIXES[prefix]}*`))
    .sort();
}

function policyStatements(s: Synth, bucketId: string): Props[] {
  const policies = ofType(s.resources, 'AWS::S3::BucketPolicy').filter(([, p]) => JSON.stringify(p.Properties?.Bucket) === JSON.stringify({ Ref: bucketId }));
  expect(policies, bucketId).toHaveLength(1);
  return ((policies[0]?.[1].Properties?.PolicyDocument as { Statement: Props[] }).Statement);
}

function envOf(s: Synth, fnId: string): Record<string, unknown> {
  return (props(s, fnId).Environment as { Variables: Record<string, unknown> }).Variables;
}

describe.each(STAGES)('the %s stack', (stage) => {
  const settings = stageSettings(stage);

  describe('media bucket', () => {
    it('is versioned, owner-enforced and encrypted with SSE-S3, and refuses SSE-C', () => {
      const s = synths[stage];
      const p = props(s, buckets(s).media);
      expect(p.VersioningConfiguration).toEqual({ Status: 'Enabled' });
      expect(p.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
      expect(p.BucketEncryption).toEqual({
        ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BlockedEncryptionTypes: { EncryptionType: ['SSE-C'] } }],
      });
    });

    it.each(['media', 'logs'] as const)('blocks all public access and denies every request without TLS (%s bucket)', (which) => {
      const s = synths[stage];
      const id = buckets(s)[which];
      expect(props(s, id).PublicAccessBlockConfiguration).toEqual({
        BlockPublicAcls: true,
        BlockPublicPolicy: true,
        IgnorePublicAcls: true,
        RestrictPublicBuckets: true,
      });
      const denyPlain = policyStatements(s, id).filter((st) => st.Effect === 'Deny' && JSON.stringify(st.Condition) === '{"Bool":{"aws:SecureTransport":"false"}}');
      expect(denyPlain, id).toHaveLength(1);
      expect(denyPlain[0]?.Principal).toEqual({ AWS: '*' });
      expect(denyPlain[0]?.Action).toBe('s3:*');
      expect(denyPlain[0]?.Resource).toEqual([{ 'Fn::GetAtt': [id, 'Arn'] }, { 'Fn::Join': ['', [{ 'Fn::GetAtt': [id, 'Arn'] }, '/*']] }]);
    });

    it('allows no principal anything in its bucket policy but the dev stage\'s emptying on destroy', () => {
      const s = synths[stage];
      for (const id of Object.values(buckets(s))) {
        const allows = policyStatements(s, id).filter((st) => st.Effect === 'Allow');
        const principals = allows.map((st) => JSON.stringify(st.Principal));
        const expected = [
          ...(settings.removal === 'destroy' ? [expect.stringMatching(/CustomS3AutoDeleteObjectsCustomResourceProviderRole/)] : []),
          ...(id === buckets(s).logs ? ['{"Service":"logging.s3.amazonaws.com"}'] : []),
        ];
        expect(principals, id).toEqual(expected);
      }
    });

    it('logs server access to the access-log bucket, which S3 logging may write only for the media bucket', () => {
      const s = synths[stage];
      const { media, logs } = buckets(s);
      expect(props(s, media).LoggingConfiguration).toMatchObject({ DestinationBucketName: { Ref: logs } });
      const delivery = policyStatements(s, logs).find((st) => JSON.stringify(st.Principal) === '{"Service":"logging.s3.amazonaws.com"}');
      expect(delivery?.Action).toBe('s3:PutObject');
      expect(delivery?.Condition).toMatchObject({ ArnLike: { 'aws:SourceArn': { 'Fn::GetAtt': [media, 'Arn'] } } });
    });

    it('keeps access logs for the stage\'s accessLogDays, encrypted and owner-enforced', () => {
      const s = synths[stage];
      const p = props(s, buckets(s).logs);
      expect(p.LifecycleConfiguration).toEqual({ Rules: [expect.objectContaining({ Status: 'Enabled', ExpirationInDays: settings.media.accessLogDays })] });
      expect(p.BucketEncryption).toEqual({ ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] });
      expect(p.OwnershipControls).toEqual({ Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] });
    });

    it('aborts multipart uploads after a day, expires quarantine/ after a day, and old versions after noncurrentVersionDays', () => {
      const s = synths[stage];
      const rules = (props(s, buckets(s).media).LifecycleConfiguration as { Rules: Props[] }).Rules;
      for (const rule of rules) expect(rule.Status).toBe('Enabled');

      const abort = rules.filter((r) => r.AbortIncompleteMultipartUpload);
      expect(abort).toHaveLength(1);
      expect(abort[0]).toMatchObject({ AbortIncompleteMultipartUpload: { DaysAfterInitiation: 1 } });
      expect(abort[0]?.Prefix).toBeUndefined();

      // Current objects expire under quarantine/ only: a rule expiring anything else would delete verified files.
      const expiring = rules.filter((r) => r.ExpirationInDays !== undefined || r.ExpirationDate !== undefined);
      expect(expiring).toHaveLength(1);
      expect(expiring[0]).toMatchObject({ Prefix: PREFIXES.quarantine, ExpirationInDays: 1, NoncurrentVersionExpiration: { NoncurrentDays: 1 } });

      const noncurrent = rules.filter((r) => r.Prefix === undefined && r.NoncurrentVersionExpiration);
      expect(noncurrent).toHaveLength(1);
      expect(noncurrent[0]).toMatchObject({
        NoncurrentVersionExpiration: { NoncurrentDays: settings.media.noncurrentVersionDays },
        ExpiredObjectDeleteMarker: true,
      });
      expect(rules.filter((r) => r.Transitions || r.NoncurrentVersionTransitions)).toEqual([]);
    });

    it('lets pages of the stage origins (and the web app) POST uploads and GET or HEAD downloads, read what they need, and nothing else', () => {
      const s = synths[stage];
      const origins = [...settings.corsOrigins, WEB_APP_MEDIA_ORIGIN];
      // Written out (not read from mediaCorsRules) so that a change to what a page may do is a deliberate one.
      expect(props(s, buckets(s).media).CorsConfiguration).toEqual({
        CorsRules: [
          {
            Id: 'Uploads',
            AllowedMethods: ['POST'],
            AllowedOrigins: origins,
            AllowedHeaders: ['Content-Type'],
            ExposedHeaders: ['ETag', 'Location'],
            MaxAge: 3600,
          },
          {
            Id: 'Downloads',
            AllowedMethods: ['GET', 'HEAD'],
            AllowedOrigins: origins,
            AllowedHeaders: ['Range', 'If-None-Match', 'If-Modified-Since'],
            ExposedHeaders: ['Content-Length', 'Content-Type', 'Content-Disposition', 'Content-Range', 'Accept-Ranges', 'ETag'],
            MaxAge: 3600,
          },
        ],
      });
    });
  });

  describe('upload verification', () => {
    it('notifies each S3-triggered worker of objects created under its prefix, through CDK\'s bucket notifications resource', () => {
      const s = synths[stage];
      const { media } = buckets(s);
      const { workers } = backendFunctions(s);
      expect(S3_WORKERS.map((w) => w.name)).toContain('verifyUpload');
      const notifications = ofType(s.resources, 'Custom::S3BucketNotifications');
      expect(notifications).toHaveLength(1);
      const p = notifications[0]?.[1].Properties ?? {};
      expect(p.BucketName).toEqual({ Ref: media });
      expect(p.NotificationConfiguration).toEqual({
        LambdaFunctionConfigurations: S3_WORKERS.map((w) => ({
          Events: ['s3:ObjectCreated:*'],
          Filter: { Key: { FilterRules: [{ Name: 'prefix', Value: PREFIXES[w.trigger.prefix] }] } },
          LambdaFunctionArn: { 'Fn::GetAtt': [workers.get(w.name), 'Arn'] },
        })),
      });
      expect(WORKERS.find((w) => w.name === 'verifyUpload')?.trigger).toEqual({ source: 's3:ObjectCreated', prefix: 'quarantine' });

      // S3 may invoke the worker for this bucket in this account only, and nothing else may invoke it.
      for (const w of S3_WORKERS) {
        const functionName = { 'Fn::GetAtt': [workers.get(w.name), 'Arn'] };
        const permissions = ofType(s.resources, 'AWS::Lambda::Permission').filter(
          ([, r]) => JSON.stringify(r.Properties?.FunctionName) === JSON.stringify(functionName),
        );
        expect(permissions.map(([, r]) => r.Properties)).toEqual([
          {
            Action: 'lambda:InvokeFunction',
            FunctionName: functionName,
            Principal: 's3.amazonaws.com',
            SourceAccount: { Ref: 'AWS::AccountId' },
            SourceArn: { 'Fn::GetAtt': [media, 'Arn'] },
          },
        ]);
      }
    });

    it.each(WORKERS.map((w) => [w.name, w] as const))('%s runs with the memory and timeout of its spec', (name, spec) => {
      const s = synths[stage];
      const p = props(s, backendFunctions(s).workers.get(name) ?? '');
      expect(p.MemorySize).toBe(spec.memoryMb);
      expect(p.Timeout).toBe(spec.timeoutSeconds);
      expect(p.Runtime).toBe('nodejs24.x');
      expect(p.Architectures).toEqual(['arm64']);
    });

    it('lets the verifier touch only <bucket>/quarantine/* and <bucket>/cases/*, with exactly the actions of its spec', () => {
      const s = synths[stage];
      const { media } = buckets(s);
      const spec = WORKERS.find((w) => w.name === 'verifyUpload');
      const fnId = backendFunctions(s).workers.get('verifyUpload') ?? '';
      const statements = statementsOfFunction(s.resources, fnId);
      const s3Statements = statements.filter((st) => actionsOf(st).some((a) => a.startsWith('s3:') || a === '*'));

      const resources = new Set(s3Statements.flatMap((st) => (Array.isArray(st.Resource) ? st.Resource : [st.Resource])).map((r) => JSON.stringify(r)));
      expect([...resources].sort()).toEqual(
        [`${PREFIXES.cases}*`, `${PREFIXES.quarantine}*`].map((suffix) => JSON.stringify({ 'Fn::Join': ['', [{ 'Fn::GetAtt': [media, 'Arn'] }, `/${suffix}`]] })),
      );
      expect(grantsOf(statements, 's3')).toEqual(expectedGrants(media, spec?.bucket));
      // Written out: the verifier reads and deletes quarantined objects only by version (what the event named), so an
      // unpinned read of "the latest" bytes is refused by IAM; in cases/ it only copies in and removes its copy.
      expect(grantsOf(statements, 's3')).toEqual([
        `Allow s3:DeleteObject <${media}>/${PREFIXES.cases}*`,
        `Allow s3:DeleteObjectVersion <${media}>/${PREFIXES.quarantine}*`,
        `Allow s3:GetObjectVersion <${media}>/${PREFIXES.quarantine}*`,
        `Allow s3:PutObject <${media}>/${PREFIXES.cases}*`,
      ]);
      for (const action of s3Statements.flatMap(actionsOf)) expect(action).toMatch(/^s3:(GetObject|GetObjectVersion|PutObject|DeleteObject|DeleteObjectVersion)$/);
      expect(envOf(s, fnId).BUCKET_NAME).toEqual({ Ref: media });
    });

    it('gives each worker its table grant (per spec), the bucket name and nothing on the bucket beyond its spec', () => {
      const s = synths[stage];
      const { media } = buckets(s);
      const table = logicalIdOf(s, s.stack.storage.table);
      for (const spec of WORKERS) {
        const fnId = backendFunctions(s).workers.get(spec.name) ?? '';
        const statements = statementsOfFunction(s.resources, fnId);
        expect(grantsOf(statements, 's3'), spec.name).toEqual(expectedGrants(media, spec.bucket));
        const dynamo = grantsOf(statements, 'dynamodb');
        if (spec.table === 'write') expect(dynamo).toContain(`Allow dynamodb:UpdateItem <${table}>`);
        if (spec.table === 'read') expect(dynamo.some((g) => /PutItem|UpdateItem|DeleteItem/.test(g))).toBe(false);
        if (!spec.table) expect(dynamo).toEqual([]);
        expect(envOf(s, fnId).TABLE_NAME, spec.name).toEqual(spec.table ? { Ref: table } : undefined);
        expect(envOf(s, fnId).BUCKET_NAME, spec.name).toEqual(spec.bucket ? { Ref: media } : undefined);
      }
    });

    it('retries a failed invocation twice, then sends it to an encrypted, SSL-only dead-letter queue kept 14 days', () => {
      const s = synths[stage];
      const queue = logicalIdOf(s, s.stack.workers.deadLetterQueue);
      expect(props(s, queue)).toEqual({ MessageRetentionPeriod: 14 * 24 * 3600, SqsManagedSseEnabled: true });
      const queuePolicy = ofType(s.resources, 'AWS::SQS::QueuePolicy').find(([, r]) => JSON.stringify(r.Properties?.Queues) === JSON.stringify([{ Ref: queue }]));
      expect((queuePolicy?.[1].Properties?.PolicyDocument as { Statement: Props[] }).Statement).toContainEqual(
        expect.objectContaining({ Effect: 'Deny', Action: 'sqs:*', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
      );

      const configs = ofType(s.resources, 'AWS::Lambda::EventInvokeConfig');
      // The workers invoked asynchronously (S3, EventBridge); the state machine's tasks and Cognito's custom message
      // trigger are invoked synchronously and have no async settings (workflow.test.ts, cognito-mails.test.ts), and a
      // stream's mapping retries by its own settings (stream.test.ts).
      const synchronousOrPolled = ['workflow', 'table:stream', 'cognito:customMessage'];
      for (const spec of WORKERS.filter((w) => !synchronousOrPolled.includes(w.trigger.source))) {
        const fnId = backendFunctions(s).workers.get(spec.name) ?? '';
        const config = configs.filter(([, r]) => JSON.stringify(r.Properties?.FunctionName) === JSON.stringify({ Ref: fnId }));
        expect(config, spec.name).toHaveLength(1);
        expect(config[0]?.[1].Properties).toMatchObject({
          MaximumRetryAttempts: 2,
          DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [queue, 'Arn'] } } },
        });
        // Lambda sends the failure record with the function's own role.
        expect(grantsOf(statementsOfFunction(s.resources, fnId), 'sqs')).toContain(`Allow sqs:SendMessage <${queue}>`);
      }
    });
  });

  describe('S3 grants of the route functions', () => {
    it('gives each route exactly the S3 actions its bucket grants name, on its prefixes only, and routes without bucket none', () => {
      const s = synths[stage];
      const { media } = buckets(s);
      const { routes } = backendFunctions(s);
      expect(ROUTES.some((r) => r.bucket)).toBe(true);
      for (const route of ROUTES) {
        const fnId = routes.get(route.operationId) ?? '';
        const statements = statementsOfFunction(s.resources, fnId);
        const label = `${route.operationId} ${JSON.stringify(route.bucket ?? 'no bucket')}`;
        expect(grantsOf(statements, 's3'), label).toEqual(expectedGrants(media, route.bucket));
        expect(envOf(s, fnId).BUCKET_NAME, label).toEqual(route.bucket ? { Ref: media } : undefined);
      }
    });

    it('grants no function any S3 action on the bucket itself, any wildcard action, or anything on the log bucket', () => {
      const s = synths[stage];
      const { media, logs } = buckets(s);
      const { routes, workers } = backendFunctions(s);
      for (const fnId of [...routes.values(), ...workers.values()]) {
        for (const grant of grantsOf(statementsOfFunction(s.resources, fnId), 's3')) {
          expect(grant, fnId).toMatch(new RegExp(`^Allow s3:(GetObject|PutObject|DeleteObject|GetObjectVersion|DeleteObjectVersion) <${media}>/(quarantine|cases)/\\*$`));
          expect(grant, fnId).not.toContain(logs);
        }
      }
    });
  });
});

describe('media bucket by stage', () => {
  it('prod retains both buckets and does not empty them', () => {
    const s = synths.prod;
    for (const id of Object.values(buckets(s))) {
      expect(s.resources[id]?.DeletionPolicy, id).toBe('Retain');
      expect(s.resources[id]?.UpdateReplacePolicy, id).toBe('Retain');
    }
    expect(ofType(s.resources, 'Custom::S3AutoDeleteObjects')).toEqual([]);
  });

  it('dev deletes both buckets with the stack, emptied first so that the delete succeeds', () => {
    const s = synths.dev;
    const ids = Object.values(buckets(s));
    for (const id of ids) expect(s.resources[id]?.DeletionPolicy, id).toBe('Delete');
    const emptied = ofType(s.resources, 'Custom::S3AutoDeleteObjects').map(([, r]) => JSON.stringify(r.Properties?.BucketName));
    // Each once (the web app's buckets are emptied too: web.test.ts).
    expect(emptied.filter((b) => ids.some((id) => b === JSON.stringify({ Ref: id }))).sort()).toEqual(ids.map((id) => JSON.stringify({ Ref: id })).sort());
  });
});
