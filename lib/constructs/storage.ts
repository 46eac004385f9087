/**
 * The single DynamoDB table and the media bucket. The table's key attributes and indexes come from
 * functions/adapters/table-design.ts (TABLE_KEYS, INDEXES, TTL_ATTRIBUTE), the bucket's prefixes from
 * functions/adapters/bucket-design.ts (PREFIXES): the same definitions the repositories, the media store and
 * the local environment read, so the deployed resources and the code cannot drift apart.
 *
 * KEY DESIGN (keep this true; every access pattern, and the key or index that serves it)
 * ======================================================================================
 *
 *   item        pk                  sk        gsi1pk            gsi1sk                 gsi2pk                          gsi2sk
 *   ----------  ------------------  --------  ----------------  ---------------------  ------------------------------  ---------------
 *   edition     EDITION#<editionId> EDITION   EDITIONS          <opensAt>#<editionId>  -                               -
 *   case        CASE#<caseId>       CASE      OWNER#<sub>       CASE#<caseId>          EDITION#<editionId>#<shard>     CASE#<caseId>
 *
 *   caseId is a ULID (sorts by creation time). shard = shardOf(caseId) = FNV-1a(caseId) mod EDITION_SHARDS (16).
 *   Every item also carries `type` and a `version` (optimistic concurrency). TTL attribute: `expiresAt`
 *   (epoch seconds; set only on items meant to expire, none so far).
 *
 * Access patterns
 *   1. Edition by id ................. GetItem  pk=EDITION#<id>, sk=EDITION
 *   2. Several editions by id ........ BatchGetItem of (1)   (the editions a page of cases refers to)
 *   3. Editions, newest first ........ Query gsi1  gsi1pk=EDITIONS, ScanIndexForward=false
 *                                      (sorted by gsi1sk = <opensAt>#<id>; a handful of editions a year, so one small
 *                                      partition is fine)
 *   4. Case by id .................... GetItem  pk=CASE#<caseId>, sk=CASE
 *   5. A user's cases, newest first .. Query gsi1  gsi1pk=OWNER#<sub>, begins_with(gsi1sk, CASE#), ScanIndexForward=false
 *   6. The cases of an edition ....... 16 parallel Queries on gsi2, gsi2pk=EDITION#<id>#0 .. EDITION#<id>#15,
 *                                      merged by gsi2sk (CASE#<ulid>, i.e. creation order)
 *   7. Create / edit a case before
 *      the deadline .................. TransactWriteItems [ ConditionCheck on the edition item
 *                                      (opensAt <= now < deadline, not closed, not released),
 *                                      Put of the case (attribute_not_exists(pk) on create, version = :v on edit) ]
 *   8. Create / update an edition .... PutItem with attribute_not_exists(pk), or version = :v and not released
 *
 *   No Scan anywhere in a request path.
 *
 * Limits this design gives (write them down; they are what the deadline rush runs into)
 *   - A partition takes about 1,000 WCU/s and 3,000 RCU/s; a GSI partition the same.
 *   - Case writes (7) all condition-check the ONE edition item. A transactional read of an item under 4 KB costs
 *     2 RCU, so the edition item's partition caps the deadline gate at roughly 3,000 / 2 = ~1,500 case
 *     creates/edits per second for one edition, whatever the table's on-demand capacity. Reads of the edition
 *     (GET /editions/{id}, 0.5 RCU each, eventually consistent) share that partition's budget, and a single item
 *     cannot be split for heat. Transactions that include the same item can also be cancelled with
 *     TransactionConflict when they overlap; the repository should retry those with jittered backoff.
 *   - Without sharding, gsi2 keyed by the edition alone would put every case write of the call in one GSI partition
 *     (~1,000 WCU/s, and a throttled GSI throttles the base-table write). With EDITION_SHARDS = 16 the index takes
 *     16 x 1,000 = ~16,000 WCU/s. A gsi2 write costs 1 WCU per KB of the projected item (projection ALL), so that
 *     is ~16,000 case writes/s for 1 KB items, ~3,200/s for 5 KB drafts and ~800/s for 20 KB cases. For typical
 *     drafts the edition item's ~1,500/s above is the binding limit; for very large cases the shard count is, and
 *     the remedy is more shards (EDITION_SHARDS in table-design.ts) or a narrower gsi2 projection.
 *   - gsi1 OWNER#<sub> partitions hold one applicant's cases: one writer each, far below any limit. The EDITIONS
 *     partition of gsi1 is written only when an organiser saves an edition.
 *   - Item size: a case is bounded by its schema (20,000-character description, 50 partners, 20 links), under
 *     200 KB even in 4-byte UTF-8, so the 400 KB item limit is out of reach.
 *
 * MEDIA BUCKET (keep this true; every prefix, who writes it, who reads it)
 * ========================================================================
 *
 *   prefix (PREFIXES)  key                                                 written by                        read by
 *   -----------------  --------------------------------------------------  --------------------------------  ---------------------------
 *   quarantine/        quarantine/<editionId>/<caseId>/<attachmentId>      the browser, only through the     the verifier (verifyUpload)
 *                                                                          presigned POST createAttachment
 *                                                                          issues (policy pins key, type,
 *                                                                          exact size; 15 minutes)
 *   cases/             cases/<editionId>/<caseId>/<attachmentId>           only the verifier (a copy of a    presigned GETs of
 *                                                                          quarantined object that passed)   getAttachment (minutes)
 *
 *   - Objects created under quarantine/ notify the verifier (S3 ObjectCreated, prefix filter quarantine/). It
 *     checks size, magic bytes and SHA-256, copies what passes to cases/ and deletes the quarantined object, or
 *     deletes it and marks the attachment rejected. Nothing under quarantine/ is ever served.
 *   - deleteAttachment removes the object under either prefix.
 *   - Grants are per prefix and per action (GetObject, PutObject, DeleteObject on <bucket>/<prefix>*), from the
 *     `bucket` grants of functions/shared/routes.ts and workers.ts; no function may list the bucket, and no
 *     function reads or writes outside the two prefixes.
 *   - Lifecycle: incomplete multipart uploads are aborted after a day; anything still under quarantine/ after a
 *     day (an upload the verifier never finished) expires, and its noncurrent versions go a day later;
 *     noncurrent versions elsewhere (deleted or overwritten files) are kept media.noncurrentVersionDays (a
 *     stage setting) to undo mistakes, then removed, and so are the delete markers left behind.
 *   - Versioned, so a deleted file leaves a noncurrent version until that expiry: "deleted" means unreachable by
 *     the API at once, and gone from storage after media.noncurrentVersionDays.
 */
import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { PREFIXES } from '../../functions/adapters/bucket-design.ts';
import { INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../functions/adapters/table-design.ts';

/** How long a browser may cache the answer to an upload's CORS preflight (seconds). */
const CORS_MAX_AGE_SECONDS = 3000;

export interface StorageProps {
  /**
   * destroy (dev): the table goes with the stack, and the buckets too, emptied first. retain (prod): the table gets
   * deletion protection and both buckets are kept.
   */
  removal: 'destroy' | 'retain';
  /** Browser origins allowed to POST uploads to the media bucket (the stage's corsOrigins). */
  corsOrigins: readonly string[];
  /** Days the media bucket's server access logs are kept. */
  accessLogDays: number;
  /** Days a deleted or overwritten file's old version is kept before it is removed for good. */
  noncurrentVersionDays: number;
}

export class Storage extends Construct {
  readonly table: dynamodb.Table;
  /** Uploaded files: quarantine/ until verified, then cases/ (see MEDIA BUCKET above). */
  readonly mediaBucket: s3.Bucket;
  /** The media bucket's server access logs. */
  readonly accessLogsBucket: s3.Bucket;

  constructor(scope: Construct, id: string, props: StorageProps) {
    super(scope, id);
    const retain = props.removal === 'retain';
    this.table = new dynamodb.Table(this, 'Table', {
      partitionKey: { name: TABLE_KEYS.partitionKey, type: dynamodb.AttributeType.STRING },
      sortKey: { name: TABLE_KEYS.sortKey, type: dynamodb.AttributeType.STRING },
      billingMode: dynamodb.BillingMode.PAY_PER_REQUEST,
      pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
      // The AWS managed key (aws/dynamodb): encryption at rest whose use shows in CloudTrail, at no key cost.
      encryption: dynamodb.TableEncryption.AWS_MANAGED,
      timeToLiveAttribute: TTL_ATTRIBUTE,
      deletionProtection: retain,
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
    });

    for (const index of Object.values(INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        projectionType: dynamodb.ProjectionType.ALL,
      });
    }

    this.accessLogsBucket = this.createAccessLogsBucket(props);
    this.mediaBucket = this.createMediaBucket(props);
  }

  /**
   * Where the media bucket's server access logs go. S3 delivers them with SSE-S3 only (it cannot write to a
   * KMS-encrypted target), and through the bucket policy CDK adds for logging.s3.amazonaws.com, scoped to the
   * source bucket and account.
   */
  private createAccessLogsBucket(props: StorageProps): s3.Bucket {
    const retain = props.removal === 'retain';
    const bucket = new s3.Bucket(this, 'AccessLogsBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      encryption: s3.BucketEncryption.S3_MANAGED,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      lifecycleRules: [{ id: 'ExpireAccessLogs', expiration: Duration.days(props.accessLogDays) }],
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      // A dev stack must be destroyable: CloudFormation cannot delete a bucket with objects in it, and this one
      // fills with access logs from the first upload on.
      autoDeleteObjects: !retain,
    });
    Validations.of(bucket).acknowledge({
      id: 'AwsSolutions-S1',
      reason:
        'This bucket is the target of the media bucket\'s server access logs; logging its own access would need yet ' +
        'another bucket (and that one a further one). It is private, SSL-only and written only by the S3 logging service.',
    });
    return bucket;
  }

  private createMediaBucket(props: StorageProps): s3.Bucket {
    const retain = props.removal === 'retain';
    return new s3.Bucket(this, 'MediaBucket', {
      blockPublicAccess: s3.BlockPublicAccess.BLOCK_ALL,
      enforceSSL: true,
      minimumTLSVersion: 1.2,
      // SSE-S3 rather than KMS: a KMS key would add kms:GenerateDataKey/Decrypt to every grant (presigned POSTs and
      // GETs are signed by the function's role) and a KMS request per object and per multipart part of 2 GiB videos,
      // for no difference in who can read: access is decided by the IAM grants per prefix and the bucket policy.
      encryption: s3.BucketEncryption.S3_MANAGED,
      // Objects encrypted with a customer-provided key could not be read by the verifier; refuse them outright.
      blockedEncryptionTypes: [s3.BlockedEncryptionType.SSE_C],
      versioned: true,
      objectOwnership: s3.ObjectOwnership.BUCKET_OWNER_ENFORCED,
      serverAccessLogsBucket: this.accessLogsBucket,
      serverAccessLogsPrefix: 'media/',
      cors: [
        {
          // The presigned POST upload is the only cross-origin request a browser makes to the bucket; downloads are
          // plain navigations to presigned GET URLs.
          allowedMethods: [s3.HttpMethods.POST],
          allowedOrigins: [...props.corsOrigins],
          allowedHeaders: ['*'],
          maxAge: CORS_MAX_AGE_SECONDS,
        },
      ],
      lifecycleRules: [
        { id: 'AbortIncompleteMultipartUploads', abortIncompleteMultipartUploadAfter: Duration.days(1) },
        {
          // An upload the verifier did not move within a day was abandoned or failed: drop it, and its old version soon after.
          id: 'ExpireUnverifiedUploads',
          prefix: PREFIXES.quarantine,
          expiration: Duration.days(1),
          noncurrentVersionExpiration: Duration.days(1),
        },
        {
          id: 'ExpireNoncurrentVersions',
          noncurrentVersionExpiration: Duration.days(props.noncurrentVersionDays),
          expiredObjectDeleteMarker: true,
        },
      ],
      removalPolicy: retain ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      // Dev only: a versioned bucket with files (or their old versions) in it cannot be deleted by CloudFormation,
      // so `cdk destroy` would fail. Prod keeps the bucket and never empties it.
      autoDeleteObjects: !retain,
    });
  }
}
