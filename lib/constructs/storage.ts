/**
 * The single DynamoDB table. Its key attributes and indexes come from functions/adapters/table-design.ts
 * (TABLE_KEYS, INDEXES, TTL_ATTRIBUTE), the same definition the repositories and the local table creation
 * read, so the deployed table and the code cannot drift apart.
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
 */
import { RemovalPolicy } from 'aws-cdk-lib';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import { Construct } from 'constructs';
import { INDEXES, TABLE_KEYS, TTL_ATTRIBUTE } from '../../functions/adapters/table-design.ts';

export interface StorageProps {
  /** destroy (dev) or retain with deletion protection (prod). */
  removal: 'destroy' | 'retain';
}

export class Storage extends Construct {
  readonly table: dynamodb.Table;

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
  }
}
