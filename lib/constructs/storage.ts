/**
 * The single DynamoDB table and the media bucket. The table's key attributes and indexes come from
 * functions/adapters/table-design.ts (TABLE_KEYS, INDEXES, TTL_ATTRIBUTE, derived from its ENTITIES), the bucket's prefixes from
 * functions/adapters/bucket-design.ts (PREFIXES): the same definitions the repositories, the media store and
 * the local environment read, so the deployed resources and the code cannot drift apart.
 *
 * KEY DESIGN (keep this true; every item, every access pattern, and the key or index that serves it)
 * ================================================================================================
 *
 *   (generated from functions/adapters/table-design.ts and table-design-doc.ts by renderKeyDesign; test/unit/adapters/
 *   table-design.test.ts fails when this differs, and prints the fresh render to paste)
 *   BEGIN KEY DESIGN
 *   item                  type          pk                   sk                  index keys (- = in no index)
 *   --------------------  ------------  -------------------  ------------------  ------------------------------------------------
 *   edition               edition       EDITION#<editionId>  EDITION             gsi1 EDITIONS / <opensAt>#<editionId>
 *   extension             extension     EDITION#<editionId>  EXT#<sub>           -
 *   notification lock     -             EDITION#<editionId>  NOTIFY              -
 *   notification run      run           EDITION#<editionId>  RUN#<runId>         -
 *   recipient             recipient     EDITION#<editionId>  RCPT#<caseId>       -
 *   audit entry           audit         AUDIT#<editionId>    <seq>               -
 *   case                  case          CASE#<caseId>        CASE                gsi1 OWNER#<ownerId> / CASE#<caseId>
 *                                                                                gsi2 EDITION#<editionId>#<shard> / CASE#<caseId>
 *                                                                                gsi3 RANK#<editionId>#<shard> / <scoreKey>
 *                                                                                     (only while submitted)
 *   case texts            case-text     CASE#<caseId>        CASE#TEXT           -
 *   applicant case count  -             OWNER#<sub>          CASES#<editionId>   -
 *   mail day              mail-day      OWNER#<sub>          MAILS#<day>         -
 *   preferences           preferences   USER#<sub>           PREFERENCES         -
 *   attachment            attachment    CASE#<caseId>        ATT#<attachmentId>  -
 *   upload counts         -             CASE#<caseId>        UPLOADS             -
 *   reviewer pair         reviewer      CASE#<caseId>        REVIEWER#<sub>      gsi1 REVIEWER#<sub> / CASE#<caseId>
 *                                                                                     (only while assigned)
 *   review                review        CASE#<caseId>        REVIEW#<sub>        -
 *   contact code          contact-code  CASE#<caseId>        CONTACTCODE         -
 *   confirmation          confirmation  CASE#<caseId>        CONFIRMATION        -
 *   local account         account       DIRECTORY#<sub>      ACCOUNT             gsi1 GROUP#<group> / <email>
 *                                                                                     (only while in the group)
 *   mail                  mail          MAIL#<mailId>        MAIL                gsi1 MAILQ#<shard> / <nextAttemptAt>#<mailId>
 *                                                                                     (only while pending)
 *
 *   Notes
 *     extension: read with its edition in one BatchGetItem
 *     notification lock: one run at a time (activeRun), runs numbered in order (seq)
 *     notification run: runIds carry a zero-padded sequence: newest first by sort key
 *     recipient: the owner of a selected case, across runs; claimed before a send
 *     audit entry: seq zero-padded to 10 digits; write-once: IAM denies UpdateItem/DeleteItem on AUDIT#*
 *     case: shard = shardOf(caseId) mod 16; scoreKey: domain/review.ts (S#<mean total in thousandths>#<caseId>)
 *     case texts: the case's summaries (English, Chinese) and description (CASE_TEXT_FIELDS), apart from the case
 *         item so that writes that leave them alone rewrite ~1 KB; absent while all are; a case item written
 *         before holds its own
 *     applicant case count: cases an applicant created in an edition (MAX_CASES_PER_APPLICANT)
 *     mail day: confirmations and contact codes of an applicant that UTC day (yyyy-mm-dd), for the daily caps; TTL
 *     preferences: an account's preferred language (every e-mail to them); written by PUT /me/preferences, and
 *         with the language of their first request where none is yet
 *     attachment: at most 20 a case
 *     upload counts: live (not rejected) attachments per purpose; apart from the case item, which edits replace
 *         whole
 *     reviewer pair: assigned, or conflicted (a declared conflict of interest, out of gsi1)
 *     contact code: the hashed code sent to the contact, and what limits the next one; TTL
 *     confirmation: the case's latest submission confirmation: mailId, dueAt
 *     local account: npm start only: the stand-in for the user pool (sub derived from the e-mail address); on AWS,
 *         Cognito keeps accounts
 *     mail: queued in gsi1 until sent or given up; shard = shardOf(mailId) mod 8
 *
 *   Indexes
 *     gsi1: gsi1pk / gsi1sk, ALL
 *     gsi2: gsi2pk / gsi2sk, INCLUDE caseId, editionId, ownerId, ownerEmail, status, title, titleZh, category,
 *         caseType, implementedOn, countries, organisation, partners, contact, links, receipt, decision, review,
 *         createdAt, updatedAt
 *     gsi3: gsi3pk / gsi3sk, INCLUDE caseId, editionId, ownerId, ownerEmail, status, title, titleZh, category,
 *         caseType, implementedOn, countries, organisation, partners, contact, links, receipt, decision, review,
 *         createdAt, updatedAt
 *
 *   Access by item
 *     edition: GetItem; BatchGetItem of several; Query gsi1 EDITIONS, newest first (the list, the scheduled close)
 *     extension: BatchGetItem with the edition; Put, with a ConditionCheck on the edition
 *     notification lock: GetItem, strongly consistent; Update with the run start and end
 *     notification run: GetItem; Query begins_with(sk, RUN#), newest first; ADD counts.<field>
 *     recipient: GetItem; Query begins_with(sk, RCPT#); conditional Update (claim, outcome, SES events)
 *     audit entry: Query newest first (a page; Limit 1 for the head); Query oldest first, strongly consistent (the
 *         chain); Put attribute_not_exists(pk)
 *     case: Query sk BETWEEN CASE AND CASE#TEXT (with its texts); BatchGetItem of several, with their texts; Query
 *         sk BETWEEN ATT# AND CASE#TEXT, strongly consistent (the submit: with its attachments); Query gsi1
 *         OWNER#<ownerId>, begins_with CASE#, newest first, then BatchGetItem of the texts; Queries on gsi2 / gsi3
 *         shards, merged
 *     case texts: read with the case (see case); Put / Delete in the transaction of an owner edit that changes
 *         them, never otherwise
 *     applicant case count: ADD below the cap, in the create transaction
 *     mail day: ADD below the cap, in the transaction that queues the mail
 *     preferences: GetItem; Put; Update SET if_not_exists, alone or in the create-case transaction
 *     attachment: GetItem; Query begins_with(sk, ATT#); conditional Put / Update / Delete
 *     upload counts: ADD +-1 with the attachment write; BatchGetItem of many cases (CSV export)
 *     reviewer pair: GetItem; BatchGetItem of several; Query begins_with(sk, REVIEWER#); Query gsi1
 *         REVIEWER#<sub>, begins_with CASE#
 *     review: GetItem, strongly consistent; Query begins_with(sk, REVIEW#) (strongly consistent for the aggregate)
 *     contact code: GetItem, strongly consistent; conditional Put / Update
 *     confirmation: GetItem, strongly consistent; Put with the submit
 *     local account: GetItem by sub; Put attribute_not_exists(pk) (an invitation); Query gsi1 GROUP#reviewers, by
 *         e-mail; conditional Update (join or leave the group, first sign-in)
 *     mail: Put in the transaction of its cause; Queries on gsi1 MAILQ#0..7, due first; conditional Update (the
 *         lease)
 *   END KEY DESIGN
 *
 *   caseId is a ULID (sorts by creation time). shard = shardOf(caseId) = FNV-1a(caseId) mod EDITION_SHARDS (16); the
 *   mail queue shard is shardOf(mailId) mod MAIL_SHARDS (8). <score> = scoreKey (functions/domain/review.ts): the
 *   review aggregate's meanTotal in thousandths, 5 digits zero-padded (00000 without reviews), so it sorts as a string.
 *   gsi3sk is written when the case is created and then only with the aggregate; owner writes never touch it, nor the
 *   committee's attributes (COMMITTEE_ATTRIBUTES in functions/domain/case.ts).
 *   gsi2 and gsi3 project CASE_LISTING_ATTRIBUTES (the list row and CSV columns: no summaries, no description). Every
 *   item but the counters and the notification lock carries `type`; records under optimistic concurrency a `version`.
 *   TTL attribute: `expiresAt` (epoch seconds; set on contact codes, mail days and contact-code mails).
 *
 * Access patterns
 *   Editions
 *    1. Edition by id ...................... GetItem  pk=EDITION#<id>, sk=EDITION
 *    2. Several editions by id ............. BatchGetItem of (1) (the editions a page of cases or a bulk assignment
 *                                            spans)
 *    3. An edition and an applicant's
 *       extension .......................... BatchGetItem [EDITION, EXT#<sub>]: one round trip
 *    4. Editions, newest first ............. Query gsi1  gsi1pk=EDITIONS, ScanIndexForward=false (a handful a year: one
 *                                            small partition; also what the scheduled close walks)
 *    5. Create / update an edition ......... TransactWriteItems [ Put edition with attribute_not_exists(pk), or
 *                                            version = :v and not released; Put audit ]
 *    6. Close an edition ................... TransactWriteItems [ Update edition (not closed, not released), Put audit ]
 *    7. Grant an extension ................. TransactWriteItems [ ConditionCheck edition (exists, not released),
 *                                            Put EXT#<sub>, Put audit ]
 *    8. Audit trail, newest first .......... Query  pk=AUDIT#<id>, ScanIndexForward=false (a page); the whole chain,
 *                                            oldest first, strongly consistent, paged (chainValid)
 *    8a. Append to the audit trail ......... Query  pk=AUDIT#<id>, ScanIndexForward=false, Limit 1, ConsistentRead (the
 *                                            head), then Put <seq+1> with attribute_not_exists(pk) inside the
 *                                            TransactWriteItems of the change it records (5-7, 12 withdraw, 24, 26,
 *                                            decisions, notification runs start and end, release); a taken seq is read
 *                                            again and retried (functions/adapters/audit.ts). Entries are never
 *                                            updated or deleted: every function with table write access carries an IAM
 *                                            Deny of UpdateItem/DeleteItem on dynamodb:LeadingKeys AUDIT#*. Each entry
 *                                            carries prevHash (the previous entry's hash) and its own SHA-256 hash.
 *   Cases (applicants)
 *    9. Case by id ......................... Query  pk=CASE#<caseId>, sk BETWEEN CASE AND CASE#TEXT (the case item and
 *                                            its text item); several: BatchGetItem of both keys of each; with its
 *                                            attachments (the submit): sk BETWEEN ATT# AND CASE#TEXT, strongly consistent
 *   10. A user's cases, newest first ....... Query gsi1  gsi1pk=OWNER#<sub>, begins_with(gsi1sk, CASE#),
 *                                            ScanIndexForward=false; then BatchGetItem of the page's CASE#TEXT items
 *   11. Create a case ...................... TransactWriteItems [ ConditionCheck on the edition item (opensAt <= now <
 *                                            deadline, not closed, not released) or, when an extension keeps the
 *                                            applicant in, on EXT#<sub> (deadline > now) and the edition (not released);
 *                                            Put of the case, attribute_not_exists(pk); Put of CASE#TEXT when it has texts ]
 *   12. Edit / submit / withdraw ........... TransactWriteItems [ the same checks (withdraw: not released only);
 *                                            UpdateItem of the owner's attributes only, version = :v, which sets or
 *                                            removes gsi3pk with the status; Put (or Delete) of CASE#TEXT only when the
 *                                            summaries or description changed; on submit, Put of the confirmation mail ]
 *   Attachments
 *   13. A case's attachments / one ......... Query  pk=CASE#<caseId>, begins_with(sk, ATT#) / GetItem
 *   14. Add / remove an attachment ......... TransactWriteItems [ ConditionChecks on the edition (or extension) and the
 *                                            case, Update UPLOADS (ADD +-1, below the per-purpose maximum), Put / Delete
 *                                            of ATT#<id> conditioned on its status ]
 *   15. Verified / rejected ................ UpdateItem pending -> ready; TransactWriteItems [ pending -> rejected,
 *                                            UPLOADS -1 ]
 *   16. Upload counts of many cases ........ BatchGetItem of CASE#<id>/UPLOADS (the CSV export, per page)
 *   Organisers' lists
 *   17. An edition's cases, newest first ... 16 parallel Queries on gsi2, gsi2pk=EDITION#<id>#0 .. #15,
 *                                            ScanIndexForward=false, merged lazily by gsi2sk (adapters/merged-query.ts):
 *                                            each shard is read only as far as the page needs; the cursor holds the
 *                                            last gsi2sk taken from each shard
 *   18. Submitted cases, best score first .. the same on gsi3, gsi3pk=RANK#<id>#0 .. #15, descending by gsi3sk
 *   19. Filters ............................ FilterExpressions on the projected listing attributes: status, category,
 *                                            contains(countries, :c), decision (attribute_not_exists for undecided)
 *   20. CSV export ......................... (17) or (18) in pages of 500, with (16) and (9, several: for the
 *                                            summaries) per page
 *   Committee
 *   21. A reviewer's assignments ........... Query gsi1  gsi1pk=REVIEWER#<sub>, begins_with(gsi1sk, CASE#), then
 *                                            BatchGetItem of those cases
 *   22. A case's reviewers / reviews ....... Query  pk=CASE#<caseId>, begins_with(sk, REVIEWER#) / begins_with(sk,
 *                                            REVIEW#) (at most 20 reviewers a case; the reviews are read strongly
 *                                            consistent to recompute the aggregate)
 *   23. One reviewer pair / one review ..... GetItem  CASE#<caseId> / REVIEWER#<sub> (case access), REVIEW#<sub>
 *   24. Assign / unassign, one or bulk ..... one TransactWriteItems, all or nothing, at most 100 items: ConditionCheck
 *                                            per edition (closed, not released); per case a ConditionCheck (submitted)
 *                                            or the aggregate Update; Put pair (attribute_not_exists(pk)); Delete pair
 *                                            (state = assigned) and its review
 *   25. Save a review ...................... TransactWriteItems [ ConditionCheck edition (closed, not released), Put
 *                                            review (new, or version = :v), Update pair reviewedAt (still assigned),
 *                                            Update case review + gsi3sk + reviewRev, conditioned on reviewRev,
 *                                            submitted, no decision ]
 *   26. Declare a conflict ................. TransactWriteItems [ ConditionCheck edition, Update pair to conflicted
 *                                            REMOVE gsi1pk, gsi1sk; if reviewed, Delete review + the aggregate Update ]
 *       (24-26: a transaction cancelled because the aggregate or a pair moved is planned again from a fresh read)
 *   Mail
 *   27. Record a mail ...................... Put inside the transaction of the change that causes it
 *   28. Due mails .......................... 8 Queries on gsi1, gsi1pk=MAILQ#<0..7>, gsi1sk <= <now>#~; claimed by a
 *                                            conditional UpdateItem (a lease)
 *   29. Confirm on submit .................. GetItem CASE#<caseId>/CONFIRMATION (strongly consistent); in the submit's
 *                                            transaction (12), when one is due: Put mail, Put CONFIRMATION, Update
 *                                            OWNER#<sub>/MAILS#<day> (ADD confirmations, below the daily cap)
 *   30. Send a contact code ................ GetItem CASE#<caseId>/CONTACTCODE; TransactWriteItems [ Put CONTACTCODE
 *                                            (lastSentAt as read), Update MAILS#<day> (ADD contactCodes, below the cap),
 *                                            Put mail ]
 *   31. Confirm the contact ................ TransactWriteItems [ Update CONTACTCODE (same code, tries left, not
 *                                            expired: REMOVE codeHash), Update case (version = :v, same contact
 *                                            address: SET contactConfirmedEmail, version + 1) ]; a wrong code: UpdateItem
 *                                            attempts + 1
 *   32. Local accounts (npm start only) .... GetItem DIRECTORY#<sub>/ACCOUNT (sub derived from the e-mail address);
 *                                            Put attribute_not_exists(pk) (an invitation); Query gsi1
 *                                            gsi1pk=GROUP#reviewers (the committee, by e-mail); UpdateItem SET / REMOVE
 *                                            gsi1pk, gsi1sk (join, leave). On AWS the user pool holds the accounts.
 *
 *   No Scan anywhere.
 *
 * Limits this design gives (write them down; they are what the deadline rush runs into)
 *   - A partition takes about 1,000 WCU/s and 3,000 RCU/s; a GSI partition the same.
 *   - Case writes (11, 12) all condition-check the ONE edition item. A transactional read of an item under 4 KB costs
 *     2 RCU, so the edition item's partition caps the deadline gate at roughly 3,000 / 2 = ~1,500 case
 *     creates/edits per second for one edition, whatever the table's on-demand capacity. Reads of the edition
 *     (GET /editions/{id}, 0.5 RCU each, eventually consistent) share that partition's budget, and a single item
 *     cannot be split for heat. Transactions that include the same item can also be cancelled with
 *     TransactionConflict when they overlap; they are retried with jittered backoff (functions/adapters/transact.ts).
 *   - gsi2 and gsi3 project only the listing attributes, so an index write is about 1 KB (1 WCU) for a typical case
 *     however long its summary and description; the worst case (50 partners, 20 links of 2,000 characters) is some
 *     tens of KB. Edits of the long texts copy nothing of them into the indexes. Every owner write changes updatedAt,
 *     which is projected, so it still rewrites the ~1 KB listing copy in gsi2 (and in gsi3 while
 *     submitted).
 *   - Sharded 16 ways, gsi2 takes 16 x 1,000 = ~16,000 such writes/s per edition (unsharded, one GSI partition would
 *     cap every case write of the call at ~1,000/s, and a throttled GSI throttles the base-table write). So the edition
 *     item's ~1,500/s above is the binding limit; more shards (EDITION_SHARDS) would matter only for very large
 *     listings.
 *   - gsi3 is sparse (submitted cases only: a submit adds the case, a withdrawal removes it) and sharded the same 16
 *     ways, so it takes the submission rush like gsi2. A review change writes gsi2 once (`review` is projected) and
 *     gsi3 twice when the score moves (gsi3sk is its sort key: delete and put).
 *   - A page of 100 from (17) or (18) reads about 100-150 index items of ~1 KB, eventually consistent (GSI reads always
 *     are): roughly 20-25 RCU (0.5 RCU per 4 KB, rounded up per Query), where whole cases would be up to 2 MB. A
 *     filtered page asks each shard for a full page at once, and filtered-out items are read and paid for, so a narrow
 *     filter can read up to 16 pages' worth in its first round. The CSV export reads the whole list (N x ~1 KB), and
 *     every case with its texts for the summaries.
 *   - Changes to one case's aggregate are serialised by reviewRev (optimistic: a transaction that lost is planned
 *     again).
 *     A transaction holds at most 100 items and costs 2 WCU per KB of each; 30 bulk pairs always fit (with their
 *     two audit entries).
 *   - Audited writes of one edition (organisers' actions, withdrawals) are serialised by the chain's next seq: each
 *     reads the head (1 strongly consistent RCU) and loses a race to a concurrent one by retrying, at most
 *     AUDIT_APPEND_ATTEMPTS times; tens per second per edition, far above what organisers do.
 *   - gsi1 OWNER#<sub> and REVIEWER#<sub> partitions hold one person's cases or assignments: far below any limit. The
 *     EDITIONS partition is written only when an organiser saves an edition; the mail queue spreads over 8 partitions.
 *   - Item size: a case is bounded by its schema (20,000-character description, 50 partners, 20 links), under
 *     200 KB even in 4-byte UTF-8, so the 400 KB item limit is out of reach. Its summary and description (up to
 *     ~60 KB in Chinese) live in the CASE#TEXT item, written only when they change: a submit, a review or a
 *     decision rewrites the ~1 KB case item (2 WCU per KB in a transaction) and its gsi1 copy, whatever the texts.
 *   - Deploying: CloudFormation cannot change a deployed GSI's key schema or projection, and one stack update can create
 *     or delete only one GSI. A different projection needs a new index name, and new indexes go out one per deployment.
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
 *   - CORS (mediaCorsRules in bucket-design.ts, the same rules s3rver gets locally): the stage's corsOrigins and the
 *     web app's (WEB_APP_MEDIA_ORIGIN, lib/constructs/web.ts) may POST the upload form and GET or HEAD presigned
 *     downloads, and read the headers a page needs; nothing else.
 */
import { Duration, Validations } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { Construct } from 'constructs';
import { removalPolicy, type Removal } from '../stage-config.ts';
import { mediaCorsRules, PREFIXES } from '../../functions/adapters/bucket-design.ts';
import { INDEXES, type IndexDesign, TABLE_KEYS, TTL_ATTRIBUTE } from '../../functions/adapters/table-design.ts';

/**
 * An index's projection as CDK takes it: INCLUDE with exactly the design's non-key attributes (the table and index
 * keys are always projected), or ALL when the design names none.
 */
function projectionOf(index: IndexDesign): Pick<dynamodb.GlobalSecondaryIndexProps, 'projectionType' | 'nonKeyAttributes'> {
  return index.projection
    ? { projectionType: dynamodb.ProjectionType.INCLUDE, nonKeyAttributes: [...index.projection] }
    : { projectionType: dynamodb.ProjectionType.ALL };
}

export interface StorageProps {
  /**
   * destroy (dev): the table goes with the stack, and the buckets too, emptied first. retain (prod): the table gets
   * deletion protection and both buckets are kept.
   */
  removal: Removal;
  /** Browser origins allowed to upload to and download from the media bucket (the stage's corsOrigins and the web app's). */
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
      // The outbox: each new mail item reaches the mail function (workers with trigger table:stream) from here; the
      // new image is all it reads.
      stream: dynamodb.StreamViewType.NEW_IMAGE,
      deletionProtection: retain,
      removalPolicy: removalPolicy(props.removal),
    });

    for (const index of Object.values<IndexDesign>(INDEXES)) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: dynamodb.AttributeType.STRING },
        sortKey: { name: index.sortKey, type: dynamodb.AttributeType.STRING },
        ...projectionOf(index),
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
      removalPolicy: removalPolicy(props.removal),
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
      // Uploads (the presigned POST) and downloads (presigned GETs a page fetches or previews), for the stage's
      // origins: the rules the local s3rver gets too (bucket-design.ts).
      cors: mediaCorsRules(props.corsOrigins).map((rule) => ({
        id: rule.id,
        allowedMethods: rule.allowedMethods.map((m) => s3.HttpMethods[m]),
        allowedOrigins: rule.allowedOrigins,
        allowedHeaders: rule.allowedHeaders,
        exposedHeaders: rule.exposedHeaders,
        maxAge: rule.maxAgeSeconds,
      })),
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
      removalPolicy: removalPolicy(props.removal),
      // Dev only: a versioned bucket with files (or their old versions) in it cannot be deleted by CloudFormation,
      // so `cdk destroy` would fail. Prod keeps the bucket and never empties it.
      autoDeleteObjects: !retain,
    });
  }
}
