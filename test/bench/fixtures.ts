/**
 * What the warm benchmark feeds a handler: an API Gateway REST (v1) proxy event as the stage would send it
 * (or, for a worker, the S3 event), a Lambda context, canned DynamoDB items stored exactly as the
 * repositories write them (keys from the one key design) and the uploaded file the bucket holds, so every
 * handler takes its success path and does its real work.
 */
import { createHash } from 'node:crypto';
import { Readable } from 'node:stream';
import type { APIGatewayProxyEvent, Context, CustomMessageTriggerEvent, DynamoDBStreamEvent, S3Event, ScheduledEvent } from 'aws-lambda';
import type * as z from 'zod/mini';
import type { AwsClientStub } from 'aws-sdk-client-mock';
import {
  BatchGetCommand, DeleteCommand, GetCommand, PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand,
  type DynamoDBDocumentClient,
} from '@aws-sdk/lib-dynamodb';
import { CopyObjectCommand, DeleteObjectCommand, GetObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import {
  AdminAddUserToGroupCommand, AdminCreateUserCommand, AdminGetUserCommand, AdminListGroupsForUserCommand, AdminRemoveUserFromGroupCommand, ListUsersInGroupCommand,
  type CognitoIdentityProviderClient, type UserStatusType,
} from '@aws-sdk/client-cognito-identity-provider';
import { SendEmailCommand, type SESClient } from '@aws-sdk/client-ses';
import { StartExecutionCommand, type SFNClient } from '@aws-sdk/client-sfn';
import type { AttachmentRecord } from '#domain/attachment';
import { isSelected, type CaseRecord } from '#domain/case';
import { chainedEntry, SCHEDULE, type AuditEntry, type AuditRecord, type EditionRecord } from '#domain/edition';
import { submissionConfirmation, type MailRecord } from '#domain/mail';
import { runIdOf, type RecipientRecord, type RunRecord } from '#domain/notification';
import { aggregateOf, scoreKey, type ReviewerRecord, type ReviewRecord, type Scores } from '#domain/review';
import { AttachmentInput } from '#domain/attachment-input';
import { ReviewerInvitationInput } from '#domain/committee-input';
import { CaseCreateInput, CasePatchInput, ContactConfirmInput, type CaseFields } from '#domain/case-input';
import { hashContactCode, utcDay, type ContactCodeRecord } from '#domain/contact';
import { CONTACT_CODE_TTL_SECONDS } from '#domain/limits';
import { EditionInput, ExtensionInput } from '#domain/edition-input';
import { PreferencesInput } from '#domain/preferences-input';
import { AssignmentsInput, ConflictInput, ReviewInput } from '#domain/review-input';
import { DecisionInput } from '#domain/selection-input';
import { CATEGORY_IDS, CRITERIA, RECOMMENDATIONS, type RecipientStatus, type SelectedDecision } from '#domain/vocabulary';
import { objectKeys } from '#adapters/bucket-design';
import { CASE_TEXT_FIELDS, EDITION_SHARDS, INDEXES, keys, MAIL_SHARDS, shardOf, TABLE_KEYS, TTL_ATTRIBUTE, type IndexDesign } from '#adapters/table-design';
import { pageSizeFor } from '#shared/notify-workflow';
import type { RouteSpec } from '#shared/routes';
import { caseFields } from '../support/cases.ts';

const DAY = 86_400_000;

export const CALLER = {
  sub: '3f0c9b7e-52d4-4c1a-9a43-7d2f1e8b6a10',
  email: 'amina.okafor@example.org',
};
export const EDITION_ID = '2024';
export const CASE_ID = '01J8Z3N4QK7M2XG5V6R9T0BCDE';
/** The stored version of the edition and the case; the If-Match header names it. */
export const VERSION = 3;

/** A verified attachment of the case: getAttachment presigns its download, deleteAttachment removes it. */
export const ATTACHMENT_ID = '01J8Z5R2WQ3M6XG5V6R9T0BCF1';
/** An attachment of the case whose file has just landed in quarantine: the verifier's input. */
export const PENDING_ATTACHMENT_ID = '01J8Z6A7HN4P8YK2W3S5T7VBD9';
/** The declared (and uploaded) size of the attachments: a small PDF, so hashing it costs little. */
export const FILE_SIZE = 1024;
export const BUCKET = 'bench-media';

/**
 * The owner of the case that submitCase submits: complete, with one verified attachment and no upload still
 * being checked (the caller's case has one, which makes it not eligible). Another owner, so that the
 * caller's list of cases stays as it was.
 */
export const SUBMITTER = { sub: '8b1d2f4a-6c3e-4f70-9b21-5e7a0c9d3f42', email: 'li.wei@example.org' };
export const SUBMIT_CASE_ID = '01J8Z3P5RM8N3YH6W7S0V1CDF2';
const SUBMIT_ATTACHMENT_ID = '01J8Z7B3KP5Q9ZM3X4T6V8WCE4';
/**
 * The caller's second draft, whose contact is a colleague who has not confirmed their address yet: a code went
 * to it a quarter of an hour ago (sendContactCode may send another, confirmContact confirms it with CONTACT_CODE).
 */
const CONTACT_CASE_ID = '01J8Z3N4QK7M2XG5V6R9T0BCD1';
const CONTACT = { name: 'Wang Fang', email: 'wang.fang@example.org' };
const CONTACT_CODE = '7K3Q-M9XA';
/** The applicant an organiser gives an extension (putExtension). */
const EXTENDED_SUB = 'c2e4a6b8-1d3f-4a5b-8c7d-9e0f1a2b3c4d';

// ---------- the review committee (issue 5) ----------

/**
 * The edition the committee works in: 2023, past its deadline (closed, results not released). Its submitted
 * cases (SUBMITTED_IDS) sit in every shard of the organisers' lists, so that the merged Queries of
 * listEditionCases and exportEditionCases each find some.
 */
export const REVIEW_EDITION_ID = '2023';
const SUBMITTED_PER_SHARD = 3;

/** Case ids (`prefix` and a counter) that put `perShard` cases in each of the EDITION_SHARDS shards, in id order. */
function idsPerShard(prefix: string, perShard: number): string[] {
  const shards = new Map<number, string[]>();
  const ids: string[] = [];
  for (let i = 0; ids.length < EDITION_SHARDS * perShard; i++) {
    const id = `${prefix}${String(i).padStart(26 - prefix.length, '0')}`;
    const shard = shards.get(shardOf(id)) ?? [];
    if (shard.length === perShard) continue;
    shard.push(id);
    shards.set(shardOf(id), shard);
    ids.push(id);
  }
  return ids;
}

/** Case ids of 2023's submitted cases: SUBMITTED_PER_SHARD in each of the EDITION_SHARDS shards, in id order. */
const SUBMITTED_IDS: string[] = idsPerShard('01HZ5S', SUBMITTED_PER_SHARD);

/** The case the committee's per-case routes work on: submitted in 2023, three reviewers (two reviewed it, one conflicted). */
export const REVIEW_CASE_ID = SUBMITTED_IDS[0]!;
/** The reviewer who calls the reviewers' routes: assigned to the first ASSIGNED_TO_REVIEWER cases of 2023, has reviewed REVIEW_CASE_ID. */
export const REVIEWER = { sub: '7d1e3f5a-9b2c-4d6e-8f0a-1b3c5d7e9f20', email: 'kofi.mensah@example.org' };
const ASSIGNED_TO_REVIEWER = 12;
/** Another assigned reviewer of REVIEW_CASE_ID who has reviewed it: unassignReviewer (and bulkAssign) remove them. */
const SECOND_REVIEWER = { sub: '2c4e6a8b-0d1f-4e3a-9c5b-7d9f1b3d5e71', email: 'ines.duarte@example.org' };
/** A reviewer who declared a conflict of interest on REVIEW_CASE_ID. */
const CONFLICTED_REVIEWER = { sub: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c62' };
/** Reviewers on no case yet: assignReviewer assigns the first, bulkAssign both to three cases. */
const NEW_REVIEWERS = ['4f6a8c0e-2b4d-4f6a-8c0e-2b4d6f8a0c13', '6b8d0f2a-4c6e-4a8b-9d0f-2a4c6e8b0d24'] as const;
/** The version of the caller's stored review; putMyReview's If-Match names it (VERSION). */
const MY_REVIEW_VERSION = VERSION;
/** The owner of 2023's i-th submitted case. */
const committeeOwner = (i: number) => ({ sub: `0a1b2c3d-0000-4000-8000-${String(i).padStart(12, '0')}`, email: `applicant-${String(i).padStart(3, '0')}@example.org` });

// ---------- decisions and the selection notices (issue 6) ----------

/**
 * The organisers' decisions on 2023's submitted cases, in turn outstanding, collection, collection, not selected
 * and none yet; the REVIEWER's cases (the first ASSIGNED_TO_REVIEWER) are all undecided, because a decision makes
 * a case's reviews final (putMyReview, unassignReviewer and bulkAssign work on them).
 */
const DECISION_CYCLE = ['outstanding', 'collection', 'collection', 'not-selected', undefined] as const;
const decisionOf2023 = (i: number) => (i < ASSIGNED_TO_REVIEWER ? undefined : DECISION_CYCLE[i % DECISION_CYCLE.length]);
/** When the organisers decided 2023's case i (t is now; 2023's deadline was 340 days ago). */
const decidedAtOf2023 = (t: number, i: number) => new Date(t - 340 * DAY + (40 + (i % 5)) * DAY).toISOString();
/** 2023's selected cases (outstanding or collection), in id order: what pageSelected lists for the run. */
export const SELECTED_2023: string[] = SUBMITTED_IDS.filter((_, i) => isSelected(decisionOf2023(i)));
/** The notification run going on in 2023; it holds the edition's lock. The workflow's tasks work for it. */
export const NOTIFY_RUN_ID = runIdOf(REVIEW_EDITION_ID, 1);
/**
 * Where the first of 2023's selected owners stand in that run; the others have no recipient item yet (the run
 * has not reached them). None is left 'sending': finishNotificationRun takes its usual path (it lists the
 * recipients and settles none).
 */
const RECIPIENT_STATES: readonly RecipientStatus[] = ['delivered', 'sent', 'pending', 'failed', 'delivered', 'delivered', 'sent'];
/** SES has just delivered the notice to this recipient ('sent'): the delivery event reaches trackDelivery. */
export const NOTIFY_DELIVERED_CASE_ID = SELECTED_2023[1]!;
/** This recipient's first send was throttled and its claim released ('pending'): sendNotification sends it. */
export const NOTIFY_SEND_CASE_ID = SELECTED_2023[2]!;
/**
 * SES has just rejected this owner's notice for good: markNotificationFailed records it failed. Its claim (the
 * recipient 'sending') is not among the canned items, so that finishNotificationRun finds nothing abandoned;
 * the stub does not evaluate recordFailed's condition on it anyway.
 */
export const NOTIFY_FAILED_CASE_ID = SELECTED_2023[RECIPIENT_STATES.length]!;
/** The SES message id of a notice (SES's format), from the case id. */
const messageIdOf = (caseId: string) => {
  const h = createHash('sha256').update(caseId).digest('hex');
  return `0102018f${h.slice(0, 8)}-${h.slice(8, 16)}-${h.slice(16, 20)}-${h.slice(20, 24)}-${h.slice(24, 28)}-${h.slice(28, 40)}-000000`;
};
/** The stage's SES send rate (prod's `maxSendRate` in cdk.json): the Map's concurrency, which sets the page size. */
const STAGE_SES_RATE = 14;

/**
 * Edition 2022: closed by its deadline and its results released. Its first notification run has finished (the
 * lock is free), so startNotifications starts its second (for owners whose notice failed), and getResults
 * publishes it. Its submitted cases sit in every shard of the organisers' lists (which selectedCasesPage
 * merges), RESULTS_PER_SHARD in each, decided in turn outstanding, collection, collection, not selected.
 */
export const RESULTS_EDITION_ID = '2022';
const RESULTS_PER_SHARD = 2;
const RESULTS_IDS: string[] = idsPerShard('01GZ5R', RESULTS_PER_SHARD);
const RESULTS_DECISIONS = ['outstanding', 'collection', 'collection', 'not-selected'] as const;
const RESULTS_TITLES = [
  'Solar micro-grids for island schools', 'Open data for flood early warning', 'Mobile clinics with telemedicine links', 'Digital skills for rural women',
  'Cross-border e-commerce for craft cooperatives', 'Cyber hygiene for small municipalities', 'Satellite connectivity for fishing fleets',
];

/** Sample values for path parameters, by name. A new parameter needs one here. */
const PATH_SAMPLES: Record<string, string> = { editionId: EDITION_ID, caseId: CASE_ID, attachmentId: ATTACHMENT_ID, sub: EXTENDED_SUB };

/** What a route's event has instead of the defaults (PATH_SAMPLES, CALLER, no query string), by operationId. */
const ROUTE_SAMPLES: Record<string, { params?: Record<string, string>; caller?: { sub: string; email: string }; query?: Record<string, string> }> = {
  submitCase: { params: { caseId: SUBMIT_CASE_ID }, caller: SUBMITTER },
  // The largest file of the API reference page (functions/docs/assets.ts).
  getDocsAsset: { params: { file: 'swagger-ui-bundle.js' } },
  sendContactCode: { params: { caseId: CONTACT_CASE_ID } },
  confirmContact: { params: { caseId: CONTACT_CASE_ID } },
  // The organisers' lists and the committee: the closed edition 2023 and its case under review.
  listEditionCases: { params: { editionId: REVIEW_EDITION_ID } },
  exportEditionCases: { params: { editionId: REVIEW_EDITION_ID } },
  bulkAssign: { params: { editionId: REVIEW_EDITION_ID } },
  listCaseReviewers: { params: { caseId: REVIEW_CASE_ID } },
  assignReviewer: { params: { caseId: REVIEW_CASE_ID, sub: NEW_REVIEWERS[0] } },
  unassignReviewer: { params: { caseId: REVIEW_CASE_ID, sub: SECOND_REVIEWER.sub } },
  listReviews: { params: { caseId: REVIEW_CASE_ID } },
  listMyAssignments: { caller: REVIEWER },
  declareConflict: { params: { caseId: REVIEW_CASE_ID }, caller: REVIEWER },
  putMyReview: { params: { caseId: REVIEW_CASE_ID }, caller: REVIEWER },
  getMyReview: { params: { caseId: REVIEW_CASE_ID }, caller: REVIEWER },
  // Decisions and notices: the case under review is decided (its reviews are in); 2023's run is going, so a
  // new run starts in 2022 (released, its first run finished), whose results are public.
  putDecision: { params: { caseId: REVIEW_CASE_ID } },
  startNotifications: { params: { editionId: RESULTS_EDITION_ID } },
  listNotifications: { params: { editionId: REVIEW_EDITION_ID } },
  previewNotification: { params: { editionId: REVIEW_EDITION_ID }, query: { caseId: NOTIFY_SEND_CASE_ID } },
  releaseEdition: { params: { editionId: REVIEW_EDITION_ID } },
  getResults: { params: { editionId: RESULTS_EDITION_ID } },
};

// ---------- stored items ----------

/** The sample case (test/support/cases.ts), the caller's. */
export const CASE_FIELDS: CaseFields = caseFields('Community broadband for mountain villages', CALLER.email);

function editionItem(editionId: string, opensAt: Date, deadline: Date, version: number, more: Partial<EditionRecord> = {}) {
  const e = {
    editionId,
    name: `Global Call for Practice Cases ${editionId}`,
    opensAt: opensAt.toISOString(),
    deadline: deadline.toISOString(),
    timeZone: 'Asia/Shanghai',
    materialsDeadline: new Date(deadline.getTime() + 14 * DAY).toISOString(),
    contact: { name: 'Call secretariat', email: 'secretariat@example.org' },
    rules: { implementedOnOrAfter: '2016-01-01', minCountries: 2 },
    createdAt: new Date(opensAt.getTime() - 20 * DAY).toISOString(),
    updatedAt: new Date(opensAt.getTime() - 10 * DAY).toISOString(),
    version,
    ...more,
  };
  return { ...keys.edition(editionId), ...keys.editionListing(e.opensAt, editionId), type: 'edition', ...e };
}

/**
 * A case's items as cases-repo.ts (caseItems) writes them: the case item with the owner's and the edition's list
 * keys, the ranking's partition while submitted and the score key from the review aggregate, and its texts apart in
 * the text item. A draft unless `more` says otherwise.
 */
function caseItems(caseId: string, editionId: string, createdAt: Date, version: number, fields: object, owner = CALLER, more: Partial<CaseRecord> = {}): Item[] {
  const c = {
    ...fields,
    caseId,
    editionId,
    ownerId: owner.sub,
    ownerEmail: owner.email,
    status: 'draft',
    createdAt: createdAt.toISOString(),
    updatedAt: new Date(createdAt.getTime() + DAY).toISOString(),
    version,
    ...more,
  };
  const isText = ([k]: [string, unknown]) => (CASE_TEXT_FIELDS as readonly string[]).includes(k);
  const texts = Object.fromEntries(Object.entries(c).filter(isText));
  const head = {
    ...keys.case(caseId), ...keys.caseByOwner(owner.sub, caseId), ...keys.caseByEdition(editionId, caseId),
    ...(c.status === 'submitted' ? keys.caseRankPartition(editionId, caseId) : {}),
    gsi3sk: scoreKey(c.review, caseId),
    type: 'case', ...Object.fromEntries(Object.entries(c).filter((e) => !isText(e))),
  };
  return Object.keys(texts).length ? [head, { ...keys.caseText(caseId), type: 'case-text', ...texts }] : [head];
}

/** A reviewer pair as reviews-repo.ts writes it: only an assigned pair is in the reviewer's gsi1 partition. */
function reviewerItem(p: ReviewerRecord) {
  return { ...keys.reviewer(p.caseId, p.sub), ...(p.state === 'assigned' ? keys.assignmentOf(p.sub, p.caseId) : {}), type: 'reviewer', ...p };
}

function reviewItem(r: ReviewRecord) {
  return { ...keys.review(r.caseId, r.reviewerId), type: 'review', ...r };
}

/** Scores that vary from case to case (1 to 10 per criterion), from two small numbers. */
function scoresOf(i: number, k: number): Scores {
  return Object.fromEntries(CRITERIA.map((c, j) => [c, ((i * 7 + k * 3 + j * (k + 2)) % 10) + 1])) as Scores;
}

/**
 * The committee's items in the closed edition 2023: its submitted cases (three in each shard; categories,
 * countries, owners and review aggregates vary, some have no review yet) with their upload counts, the
 * REVIEWER's assignments, and on REVIEW_CASE_ID two reviews (the REVIEWER's and SECOND_REVIEWER's), their
 * pairs and a declared conflict, the case's aggregate computed from the two reviews.
 */
function committeeItems(t: number): Item[] {
  const deadline = t - 340 * DAY;
  const at = (ms: number) => new Date(ms).toISOString();
  const items: Item[] = [];
  const reviewOf = (who: { sub: string; email: string }, k: number, version: number): ReviewRecord => ({
    caseId: REVIEW_CASE_ID,
    editionId: REVIEW_EDITION_ID,
    reviewerId: who.sub,
    reviewerEmail: who.email,
    scores: scoresOf(0, k),
    recommendation: RECOMMENDATIONS[k % RECOMMENDATIONS.length]!,
    comment: 'Strong cooperation across three countries; the sustainability plan after the grant ends is thin. '.repeat(4).trim(),
    createdAt: at(deadline + (10 + k) * DAY),
    updatedAt: at(deadline + (12 + k) * DAY),
    version,
  });
  const reviews = [reviewOf(REVIEWER, 1, MY_REVIEW_VERSION), reviewOf(SECOND_REVIEWER, 2, 1)];
  SUBMITTED_IDS.forEach((caseId, i) => {
    const owner = committeeOwner(i);
    const decision = decisionOf2023(i);
    const state = RECIPIENT_STATES[SELECTED_2023.indexOf(caseId)];
    const review = caseId === REVIEW_CASE_ID ? aggregateOf(reviews) : aggregateOf(Array.from({ length: i % 4 }, (_, k) => ({ scores: scoresOf(i, k), recommendation: RECOMMENDATIONS[(i + k) % 3]! })));
    const submittedAt = at(deadline - (i + 1) * 3_600_000);
    items.push(
      ...caseItems(caseId, REVIEW_EDITION_ID, new Date(deadline - (30 + i) * DAY), 4, {
        ...CASE_FIELDS,
        title: `${CASE_FIELDS.title} (${i + 1})`,
        category: CATEGORY_IDS[i % CATEGORY_IDS.length],
        countries: [['CN', 'KE', 'BR'], ['DE', 'IN'], ['ZA', 'EG', 'NG', 'GH'], ['FR', 'VN']][i % 4],
        contact: { name: 'Contact person', email: owner.email },
      }, owner, {
        status: 'submitted',
        receipt: { submittedAt, sha256: `${String(i).padStart(4, '0')}c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855`.slice(0, 64) },
        updatedAt: submittedAt,
        // A case nobody has reviewed yet has no aggregate (it ranks last).
        ...(review.count ? { review, reviewRev: caseId === REVIEW_CASE_ID ? 4 : review.count } : {}),
        ...(decision ? { decision, decidedAt: decidedAtOf2023(t, i), decidedBy: ORGANISER_SUB } : {}),
        // The owners the run has sent their notice to may see the decision.
        ...(state === 'sent' || state === 'delivered' ? { notifiedAt: at(t - 4 * 60_000 + i * 1000) } : {}),
      }),
      { ...keys.uploadCounts(caseId), supporting: 1 + (i % 3), ...(i % 2 ? { presentation: 1 } : {}) },
    );
  });
  const pair = (caseId: string, sub: string, more: Partial<ReviewerRecord> = {}): ReviewerRecord => ({
    caseId, editionId: REVIEW_EDITION_ID, sub, state: 'assigned', assignedAt: at(deadline + 2 * DAY), assignedBy: ORGANISER_SUB, ...more,
  });
  for (const caseId of SUBMITTED_IDS.slice(0, ASSIGNED_TO_REVIEWER)) {
    items.push(reviewerItem(pair(caseId, REVIEWER.sub, caseId === REVIEW_CASE_ID ? { reviewedAt: reviews[0]!.updatedAt } : {})));
  }
  items.push(
    reviewerItem(pair(REVIEW_CASE_ID, SECOND_REVIEWER.sub, { reviewedAt: reviews[1]!.updatedAt })),
    reviewerItem(pair(REVIEW_CASE_ID, CONFLICTED_REVIEWER.sub, { state: 'conflicted', conflictReason: 'I advised the applicant organisation in 2022.', declaredAt: at(deadline + 3 * DAY) })),
    ...reviews.map(reviewItem),
  );
  return items;
}

const runItem = (r: RunRecord) => ({ ...keys.run(r.editionId, r.runId), type: 'run', ...r });
const recipientItem = (r: RecipientRecord) => ({ ...keys.recipient(r.editionId, r.caseId), type: 'recipient', ...r });

/**
 * The selection notices (issue 6). In 2023 (decisions in committeeItems): the run NOTIFY_RUN_ID going on, holding
 * the edition's lock, and its first recipients (RECIPIENT_STATES). Edition 2022, released, with its decided
 * cases (every selected owner notified), its first run finished and the lock free.
 */
function notificationItems(t: number): Item[] {
  const at = (ms: number) => new Date(ms).toISOString();
  const items: Item[] = [];

  // 2023: the run started five minutes ago; the page of selected cases is counted, seven recipients reached.
  const runStarted = t - 5 * 60_000;
  const recipients = RECIPIENT_STATES.map((status, k): RecipientRecord => {
    const caseId = SELECTED_2023[k]!;
    const i = SUBMITTED_IDS.indexOf(caseId);
    const updatedAt = at(runStarted + 60_000 + i * 1000);
    const base: RecipientRecord = { editionId: REVIEW_EDITION_ID, caseId, email: committeeOwner(i).email, decision: decisionOf2023(i) as SelectedDecision, status, attempts: 1, runId: NOTIFY_RUN_ID, updatedAt };
    switch (status) {
      case 'sent':
      case 'delivered':
        return { ...base, messageId: messageIdOf(caseId) };
      case 'pending':
        return { ...base, lastError: 'Throttling: Maximum sending rate exceeded.' };
      default:
        return { ...base, attempts: 2, lastError: `PermanentMailError: MessageRejected: Email address is not verified. The following identities failed the check: ${base.email}` };
    }
  });
  const tally = (...statuses: RecipientStatus[]) => recipients.filter((r) => statuses.includes(r.status)).length;
  items.push(
    { ...keys.notifyLock(REVIEW_EDITION_ID), activeRun: NOTIFY_RUN_ID, seq: 1 },
    runItem({
      editionId: REVIEW_EDITION_ID, runId: NOTIFY_RUN_ID, status: 'running', startedAt: at(runStarted), startedBy: ORGANISER_SUB,
      counts: { total: SELECTED_2023.length, sent: tally('sent', 'delivered'), failed: tally('failed'), skipped: 0 },
    }),
    ...recipients.map(recipientItem),
    // Its audit trail (every audited change appends to it): the decisions as they were taken, then the run's start.
    ...auditItems(REVIEW_EDITION_ID, [
      ...SUBMITTED_IDS.flatMap((caseId, i): AuditLine[] => {
        const decision = decisionOf2023(i);
        return decision ? [[new Date(decidedAtOf2023(t, i)), 'decision-recorded', caseId, { decision }]] : [];
      }).sort(([a], [b]) => a.getTime() - b.getTime()),
      [new Date(runStarted), 'notifications-started', NOTIFY_RUN_ID, {}],
    ]),
  );

  // 2022: closed by its deadline, results released; run 0001 notified every selected owner but one (SES
  // rejected the second case's notice), whom the second run will try again.
  const opensAt = t - 765 * DAY;
  const deadline = t - 705 * DAY;
  const released = deadline + 75 * DAY;
  items.push(editionItem(RESULTS_EDITION_ID, new Date(opensAt), new Date(deadline), 9, {
    closedAt: at(deadline), closedBy: SCHEDULE, releasedAt: at(released), releasedBy: ORGANISER_SUB, updatedAt: at(released),
  }));
  let selected = 0;
  const audit2022: AuditLine[] = [[new Date(deadline), 'edition-closed', RESULTS_EDITION_ID, { reason: 'the deadline passed' }, SCHEDULE]];
  RESULTS_IDS.forEach((caseId, i) => {
    const owner = { sub: `0b2c3d4e-0000-4000-8000-${String(i).padStart(12, '0')}`, email: `entrant-${String(i).padStart(3, '0')}@example.org` };
    const decision = RESULTS_DECISIONS[i % RESULTS_DECISIONS.length]!;
    const submittedAt = at(deadline - (i + 1) * 3_600_000);
    if (isSelected(decision)) selected++;
    audit2022.push([new Date(deadline + 40 * DAY), 'decision-recorded', caseId, { decision }]);
    items.push(...caseItems(caseId, RESULTS_EDITION_ID, new Date(deadline - (40 + i) * DAY), 5, {
      ...CASE_FIELDS,
      title: `${RESULTS_TITLES[i % RESULTS_TITLES.length]} (${i + 1})`,
      category: CATEGORY_IDS[i % CATEGORY_IDS.length],
      countries: [['ID', 'MY', 'TH'], ['AR', 'CL'], ['KE', 'TZ', 'UG'], ['PK', 'CN']][i % 4],
      contact: { name: 'Contact person', email: owner.email },
    }, owner, {
      status: 'submitted',
      receipt: { submittedAt, sha256: createHash('sha256').update(caseId).digest('hex') },
      updatedAt: submittedAt,
      decision,
      decidedAt: at(deadline + 40 * DAY),
      decidedBy: ORGANISER_SUB,
      ...(isSelected(decision) && i !== 1 ? { notifiedAt: at(deadline + 45 * DAY) } : {}),
    }));
  });
  items.push(
    { ...keys.notifyLock(RESULTS_EDITION_ID), seq: 1 },
    runItem({
      editionId: RESULTS_EDITION_ID, runId: runIdOf(RESULTS_EDITION_ID, 1), status: 'succeeded', startedAt: at(deadline + 45 * DAY), startedBy: ORGANISER_SUB,
      finishedAt: at(deadline + 45 * DAY + 20 * 60_000), counts: { total: selected, sent: selected - 1, failed: 1, skipped: 0 },
    }),
    ...auditItems(RESULTS_EDITION_ID, [
      ...audit2022,
      [new Date(deadline + 45 * DAY), 'notifications-started', runIdOf(RESULTS_EDITION_ID, 1), {}],
      [new Date(deadline + 45 * DAY + 20 * 60_000), 'notifications-finished', runIdOf(RESULTS_EDITION_ID, 1), { status: 'succeeded', sent: String(selected - 1), failed: '1', skipped: '0' }],
      [new Date(released), 'results-released', RESULTS_EDITION_ID, {}],
    ]),
  );
  return items;
}

function attachmentItem(attachmentId: string, status: AttachmentRecord['status'], createdAt: Date, uploadBy: Date, extra: Partial<AttachmentRecord> = {}) {
  const a: AttachmentRecord = {
    attachmentId,
    caseId: CASE_ID,
    editionId: EDITION_ID,
    ownerId: CALLER.sub,
    purpose: 'supporting',
    fileName: 'report.pdf',
    contentType: 'application/pdf',
    size: FILE_SIZE,
    status,
    uploadBy: uploadBy.toISOString(),
    createdAt: createdAt.toISOString(),
    updatedAt: createdAt.toISOString(),
    ...extra,
  };
  return { ...keys.attachment(a.caseId, a.attachmentId), type: 'attachment', ...a };
}

/** One audited change: when, what, about what, its details, and who (the organiser unless named). */
type AuditLine = [Date, AuditRecord['action'], string, Record<string, string>, string?];

/** The code sent to CONTACT's address at `sentAt` (valid for CONTACT_CODE_TTL_SECONDS), as contact-repo.ts stores it. */
function contactCodeItem(caseId: string, sentAt: Date) {
  const salt = '5f0e3c9a1b7d2e4f6a8c0b1d3e5f7a9c';
  const code: ContactCodeRecord = {
    caseId,
    email: CONTACT.email,
    salt,
    codeHash: hashContactCode(CONTACT_CODE, salt),
    codeExpiresAt: new Date(sentAt.getTime() + CONTACT_CODE_TTL_SECONDS * 1000).toISOString(),
    attempts: 0,
    lastSentAt: sentAt.toISOString(),
    day: utcDay(sentAt),
    sentThatDay: 1,
    updatedAt: sentAt.toISOString(),
  };
  return { ...keys.contactCode(caseId), type: 'contact-code', ...code, [TTL_ATTRIBUTE]: Math.floor(sentAt.getTime() / 1000) + 2 * 24 * 3600 };
}

/** An edition's audit trail as stored: a valid hash chain of the entries, in order (by the organiser unless one names another). */
function auditItems(editionId: string, entries: AuditLine[]) {
  let prev: AuditEntry | undefined;
  return entries.map(([at, action, subject, details, by = ORGANISER_SUB]) => {
    prev = chainedEntry({ editionId, at: at.toISOString(), action, by, subject, details }, prev);
    return { ...keys.auditEntry(editionId, prev.seq), type: 'audit', ...prev };
  });
}

/** The organiser who granted the extensions of the audit trail. */
const ORGANISER_SUB = '5a7c9e1b-3d5f-4b6a-8c0e-2f4a6c8e0b1d';

/** Mail ids, one in each queue shard (keys.mailQueue spreads mails by a hash of the id). */
const MAIL_IDS: string[] = (() => {
  const ids = new Map<number, string>();
  for (let i = 0; ids.size < MAIL_SHARDS; i++) {
    const id = `01J8Z9MA${String(i).padStart(18, '0')}`;
    const shard = shardOf(id) % MAIL_SHARDS;
    if (!ids.has(shard)) ids.set(shard, id);
  }
  return [...ids.values()];
})();

/** A submission confirmation of the submitted `caseRecord` whose first attempt failed with a throttling error and that is due again. */
function mailItem(mailId: string, createdAt: Date, due: Date, edition: object, caseRecord: object) {
  const c = caseRecord as unknown as CaseRecord;
  const created = createdAt.toISOString();
  const m: MailRecord = {
    ...submissionConfirmation('en', c, edition as unknown as EditionRecord, c.receipt!),
    mailId,
    kind: 'submission-confirmation',
    caseId: c.caseId,
    editionId: c.editionId,
    status: 'pending',
    attempts: 1,
    nextAttemptAt: due.toISOString(),
    lastError: 'Throttling: Maximum sending rate exceeded.',
    createdAt: created,
    updatedAt: created,
  };
  return { ...keys.mail(mailId), ...keys.mailQueue(mailId, m.nextAttemptAt), type: 'mail', ...m };
}

type Item = Record<string, unknown> & { pk: string; sk: string };

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

/**
 * The table's content, relative to `now`: edition 2024 open (opened 30 days ago, closes in 30), edition
 * 2023 past its deadline, the caller's cases in both, and three attachments of the caller's open case (one
 * verified, one pending whose file has just been uploaded, one rejected) with the case's upload counts;
 * another applicant's complete case with one verified attachment (submitCase), two audit entries of 2024,
 * one due confirmation mail in each queue shard (retryMail) and the review committee's work in 2023
 * (committeeItems: 48 submitted cases, assignments, reviews, a declared conflict, the decisions), its
 * notification run going on and edition 2022, released (notificationItems). Frozen: a handler that mutated
 * what the SDK returned would throw (and the bench fail) instead of silently changing what later iterations
 * measure.
 */
export function cannedItems(now: Date): Item[] {
  const t = now.getTime();
  const edition = editionItem(EDITION_ID, new Date(t - 30 * DAY), new Date(t + 30 * DAY), VERSION);
  const callerCase = caseItems(CASE_ID, EDITION_ID, new Date(t - 3 * DAY), VERSION, CASE_FIELDS);
  // Submitted yesterday: a confirmation is rendered from its case as a strongly consistent read finds it, and the
  // stub applies no writes, so the case submitCase (re-)submits and the mails retryMail sends must confirm a case
  // that is submitted as stored.
  const submittedAt = new Date(t - DAY).toISOString();
  const submitterCase = caseItems(SUBMIT_CASE_ID, EDITION_ID, new Date(t - 5 * DAY), VERSION, CASE_FIELDS, SUBMITTER, {
    status: 'submitted',
    receipt: { submittedAt, sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    updatedAt: submittedAt,
  });
  const items: Item[] = [
    edition,
    editionItem('2023', new Date(t - 400 * DAY), new Date(t - 340 * DAY), 5),
    ...callerCase,
    ...caseItems(CONTACT_CASE_ID, EDITION_ID, new Date(t - 4 * DAY), 1, { title: 'A second draft', contact: CONTACT }),
    contactCodeItem(CONTACT_CASE_ID, new Date(t - 15 * 60_000)),
    ...caseItems('01HZ3N4QK7M2XG5V6R9T0BCDE2', '2023', new Date(t - 380 * DAY), 4, CASE_FIELDS),
    ...caseItems('01HZ3N4QK7M2XG5V6R9T0BCDE3', '2023', new Date(t - 390 * DAY), 2, { ...CASE_FIELDS, countries: ['CN'] }),
    attachmentItem(ATTACHMENT_ID, 'ready', new Date(t - 2 * DAY), new Date(t - 2 * DAY + 15 * 60_000), {
      sha256: '9f2c4be1d0a7c3e5f6b8a9d0c1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0',
      updatedAt: new Date(t - 2 * DAY + 60_000).toISOString(),
    }),
    // Created 5 minutes ago, uploaded just now: well inside its 15-minute window.
    attachmentItem(PENDING_ATTACHMENT_ID, 'pending', new Date(t - 5 * 60_000), new Date(t + 10 * 60_000)),
    attachmentItem('01J8Z4C9GM2N7XF4V5R8T0BCA3', 'rejected', new Date(t - DAY), new Date(t - DAY + 15 * 60_000), {
      fileName: 'scan.pdf',
      rejection: { key: 'rejection.type-mismatch', params: { seen: { key: 'fileKind.image/png' }, declared: 'application/pdf', seenType: 'image/png' } },
    }),
    // Live (not rejected) attachments per purpose, as the transactions keep them.
    { ...keys.uploadCounts(CASE_ID), supporting: 2 },
    // The case submitCase submits, and its one verified attachment.
    ...submitterCase,
    attachmentItem(SUBMIT_ATTACHMENT_ID, 'ready', new Date(t - 4 * DAY), new Date(t - 4 * DAY + 15 * 60_000), {
      caseId: SUBMIT_CASE_ID,
      ownerId: SUBMITTER.sub,
      sha256: '4b227777d4dd1fc61c6f884f48641d02b4d121d3fd328cb08b5531fcacdabf8a',
      updatedAt: new Date(t - 4 * DAY + 60_000).toISOString(),
    }),
    // The audit trail of the open edition (listAudit): two extensions granted.
    ...auditItems(EDITION_ID, [
      [new Date(t - 2 * DAY), 'extension-granted', EXTENDED_SUB, { deadline: new Date(t + 32 * DAY).toISOString(), reason: 'Power outage in the region' }],
      [new Date(t - DAY), 'extension-granted', SUBMITTER.sub, { deadline: new Date(t + 31 * DAY).toISOString(), reason: 'Visa appointment' }],
    ]),
    // Confirmations of the submitter's case whose first attempt failed, one due in each queue shard (retryMail sends them).
    ...MAIL_IDS.map((mailId) => mailItem(mailId, new Date(submittedAt), new Date(t - 60_000), edition, Object.assign({}, ...submitterCase))),
    // The review committee's work in 2023.
    ...committeeItems(t),
    // Decisions and notices: 2023's run going on, and edition 2022, released.
    ...notificationItems(t),
  ];
  return deepFreeze(items);
}

/** What the stubbed table saw: how many updates set an item's status, by the status they set. */
export interface TableStats {
  /** UpdateItem requests. */
  statusSets: Record<string, number>;
  /** The Updates of TransactWriteItems requests. */
  transactStatusSets: Record<string, number>;
}

const SET_PATTERNS = new Map<string, RegExp>();

/** The status an UpdateExpression sets (`SET #s = :ready` with #s → status, :ready → 'ready'), if any. */
function statusSetBy(input: { UpdateExpression?: string; ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> }): string | undefined {
  const name = Object.entries(input.ExpressionAttributeNames ?? {}).find(([, v]) => v === 'status')?.[0] ?? 'status';
  let pattern = SET_PATTERNS.get(name);
  if (!pattern) {
    pattern = new RegExp(`\\bSET\\b.*?[\\s,]${name.replace(/[#$]/g, '\\$&')}\\s*=\\s*(:\\w+)`);
    SET_PATTERNS.set(name, pattern);
  }
  const m = pattern.exec(input.UpdateExpression ?? '');
  const value = m ? input.ExpressionAttributeValues?.[m[1]!] : undefined;
  return typeof value === 'string' ? value : undefined;
}

/**
 * A FilterExpression as a test of an item, for the forms the stub evaluates: terms joined by AND, each
 * `a = :v`, `a IN (:v, ...)`, `attribute_exists(a)`, `attribute_not_exists(a)` or `contains(a, :v)` (a name
 * or a #placeholder). Anything else fails the run: the stub would answer something DynamoDB would not.
 */
function filterTest(expression: string, names: Record<string, string> = {}, values: Record<string, unknown> = {}): (item: Item) => boolean {
  const attr = (n: string) => names[n] ?? n;
  const value = (v: string) => {
    if (!(v in values)) throw new Error(`bench: the FilterExpression ${expression} uses ${v}, which has no value`);
    return values[v];
  };
  const tests = expression.split(/\s+AND\s+/).map((raw): ((item: Item) => boolean) => {
    const term = raw.trim();
    let m: RegExpExecArray | null;
    if ((m = /^([#\w]+)\s*=\s*(:\w+)$/.exec(term))) {
      const [a, v] = [attr(m[1]!), value(m[2]!)];
      return (i) => i[a] === v;
    }
    if ((m = /^([#\w]+)\s+IN\s*\(([^)]*)\)$/.exec(term))) {
      const a = attr(m[1]!);
      const vs = m[2]!.split(',').map((p) => value(p.trim()));
      return (i) => vs.includes(i[a]);
    }
    if ((m = /^attribute_(not_)?exists\(\s*([#\w]+)\s*\)$/.exec(term))) {
      const [absent, a] = [m[1] !== undefined, attr(m[2]!)];
      return (i) => (i[a] === undefined) === absent;
    }
    if ((m = /^contains\(\s*([#\w]+)\s*,\s*(:\w+)\s*\)$/.exec(term))) {
      const [a, v] = [attr(m[1]!), value(m[2]!)];
      return (i) => {
        const x = i[a];
        return Array.isArray(x) ? x.includes(v) : typeof x === 'string' && x.includes(String(v));
      };
    }
    throw new Error(`bench: the stubbed table does not evaluate "${term}" (FilterExpression ${expression}); teach filterTest in test/bench/fixtures.ts`);
  });
  return (item) => tests.every((t) => t(item));
}

/**
 * Answers the document client's commands from `items`: GetItem and BatchGetItem by key, Query by the
 * (index) partition and a begins_with or BETWEEN on the sort key, writes succeed. Anything else is left unstubbed (it
 * resolves to undefined, the handler fails, and the bench stops with its status code). The returned stats
 * count the updates that set a status (alone and in transactions), so a worker's success can be checked.
 *
 * A Query names its partition in the first `key = :value` of its KeyConditionExpression (`pk = :pk`,
 * `#ipk = :ipk`), a sort key prefix in `begins_with(key, :value)`, a range in `key BETWEEN :from AND :to`;
 * other sort key conditions (`<= :due`) are not applied. It reads from ExclusiveStartKey on, takes at most Limit items and returns LastEvaluatedKey when
 * more are left, as DynamoDB does (not when exactly Limit were left: the next Query would find none). A
 * FilterExpression (the forms of filterTest) then drops items from those Limit, as DynamoDB's does: Count
 * is what is left, ScannedCount what was read. An index with a projection (INCLUDE) returns what DynamoDB
 * would: the table's and the index's keys and the projected attributes. Select COUNT answers the count alone.
 * A Query of a partition (and prefix) that holds nothing fails the run: the canned items are missing something.
 */
export function stubTable(mock: AwsClientStub<DynamoDBDocumentClient>, items: Item[]): TableStats {
  const stats: TableStats = { statusSets: {}, transactStatusSets: {} };
  const byKey = new Map(items.map((i) => [`${i.pk}|${i.sk}`, i]));
  const find = (key: { pk?: unknown; sk?: unknown }) => byKey.get(`${String(key.pk)}|${String(key.sk)}`);
  const indexes: Record<string, IndexDesign> = INDEXES;
  const table: IndexDesign = { name: '', partitionKey: TABLE_KEYS.partitionKey, sortKey: TABLE_KEYS.sortKey };

  /** Per index (and the table, ''): partition → its items as the index holds them, in sort key order. */
  const partitions = new Map<string, Map<string, Item[]>>();
  for (const index of [table, ...Object.values(indexes)]) {
    const keep = index.projection && new Set([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, index.partitionKey, index.sortKey, ...index.projection]);
    const byPartition = new Map<string, Item[]>();
    for (const item of items) {
      const partition = item[index.partitionKey];
      if (typeof partition !== 'string' || typeof item[index.sortKey] !== 'string') continue;
      const held = keep ? deepFreeze(Object.fromEntries(Object.entries(item).filter(([k]) => keep.has(k))) as Item) : item;
      byPartition.set(partition, [...(byPartition.get(partition) ?? []), held]);
    }
    for (const list of byPartition.values()) list.sort((a, b) => (String(a[index.sortKey]) < String(b[index.sortKey]) ? -1 : 1));
    partitions.set(index.name, byPartition);
  }

  mock.on(GetCommand).callsFake((input: { Key: { pk?: unknown; sk?: unknown } }) => {
    const item = find(input.Key);
    return item ? { Item: item } : {};
  });
  mock.on(BatchGetCommand).callsFake((input: { RequestItems: Record<string, { Keys: { pk?: unknown; sk?: unknown }[] }> }) => ({
    Responses: Object.fromEntries(
      Object.entries(input.RequestItems).map(([table, req]) => [table, req.Keys.map(find).filter((i) => i !== undefined)]),
    ),
    UnprocessedKeys: {},
  }));
  mock.on(QueryCommand).callsFake(
    (input: {
      IndexName?: string; KeyConditionExpression?: string; FilterExpression?: string;
      ExpressionAttributeNames?: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown>;
      Limit?: number; ScanIndexForward?: boolean; ExclusiveStartKey?: Record<string, unknown>; Select?: string;
    }) => {
      const index = input.IndexName ? indexes[input.IndexName] : table;
      if (!index) throw new Error(`bench: a Query on an unknown index ${input.IndexName}`);
      const keep = input.FilterExpression ? filterTest(input.FilterExpression, input.ExpressionAttributeNames, input.ExpressionAttributeValues) : undefined;
      const condition = input.KeyConditionExpression ?? '';
      const partitionPlaceholder = /^\s*[#\w]+\s*=\s*(:\w+)/.exec(condition)?.[1];
      const partition = partitionPlaceholder ? input.ExpressionAttributeValues?.[partitionPlaceholder] : undefined;
      const prefixPlaceholder = /begins_with\(\s*[#\w]+\s*,\s*(:\w+)\s*\)/.exec(condition)?.[1];
      const prefix = prefixPlaceholder ? String(input.ExpressionAttributeValues?.[prefixPlaceholder]) : '';
      const range = /BETWEEN\s+(:\w+)\s+AND\s+(:\w+)/.exec(condition)?.slice(1).map((p) => String(input.ExpressionAttributeValues?.[p]));
      const sk = index.sortKey;
      const inRange = (v: string) => !range || (v >= range[0]! && v <= range[1]!);
      let hits = (partitions.get(index.name)?.get(String(partition)) ?? []).filter((i) => String(i[sk]).startsWith(prefix) && inRange(String(i[sk])));
      if (input.ScanIndexForward === false) hits = [...hits].reverse();
      const start = input.ExclusiveStartKey?.[sk];
      if (start !== undefined) hits = hits.filter((i) => (input.ScanIndexForward === false ? String(i[sk]) < String(start) : String(i[sk]) > String(start)));
      if (hits.length === 0) throw new Error(`bench: no canned items for a Query on partition ${String(partition)}${prefix ? ` and prefix ${prefix}` : ''}${start !== undefined ? ` after ${String(start)}` : ''}`);
      const page = hits.slice(0, input.Limit ?? hits.length);
      const last = page.length < hits.length ? page.at(-1) : undefined;
      const lastKey = last && Object.fromEntries([...new Set([TABLE_KEYS.partitionKey, TABLE_KEYS.sortKey, index.partitionKey, sk])].map((k) => [k, last[k]]));
      const kept = keep ? page.filter(keep) : page;
      if (input.Select === 'COUNT') return { Count: kept.length, ScannedCount: page.length, ...(lastKey ? { LastEvaluatedKey: lastKey } : {}) };
      return { Items: kept, Count: kept.length, ScannedCount: page.length, ...(lastKey ? { LastEvaluatedKey: lastKey } : {}) };
    },
  );
  // Items written lately, so that an update asking for ReturnValues (claiming a mail the same invocation
  // recorded) gets the item back; bounded, so that thousands of invocations do not pile up memory.
  const written = new Map<string, Record<string, unknown>>();
  const remember = (item: Record<string, unknown> | undefined) => {
    if (!item) return;
    const key = `${String(item.pk)}|${String(item.sk)}`;
    written.delete(key);
    written.set(key, item);
    if (written.size > 64) written.delete(written.keys().next().value!);
  };
  mock.on(PutCommand).callsFake((input: { Item?: Record<string, unknown> }) => {
    remember(input.Item);
    return {};
  });
  mock.on(TransactWriteCommand).callsFake((input: { TransactItems?: { Put?: { Item?: Record<string, unknown> }; Update?: Parameters<typeof statusSetBy>[0] }[] }) => {
    for (const i of input.TransactItems ?? []) {
      remember(i.Put?.Item);
      const status = i.Update && statusSetBy(i.Update);
      if (status) stats.transactStatusSets[status] = (stats.transactStatusSets[status] ?? 0) + 1;
    }
    return {};
  });
  mock.on(UpdateCommand).callsFake((input: Parameters<typeof statusSetBy>[0] & { Key: { pk?: unknown; sk?: unknown }; ReturnValues?: string }) => {
    const status = statusSetBy(input);
    if (status) stats.statusSets[status] = (stats.statusSets[status] ?? 0) + 1;
    if (!input.ReturnValues || input.ReturnValues === 'NONE') return {};
    const item = written.get(`${String(input.Key.pk)}|${String(input.Key.sk)}`) ?? find(input.Key);
    return item ? { Attributes: item } : {};
  });
  mock.on(DeleteCommand).resolves({});
  return stats;
}

// ---------- the media bucket ----------

/** The file the uploader sent for the pending attachment: FILE_SIZE bytes that start as a PDF does. */
export function uploadedFile(): Buffer {
  const head = Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n', 'latin1');
  const body = Buffer.alloc(FILE_SIZE, 0x20);
  head.copy(body);
  body.write('\n%%EOF\n', FILE_SIZE - 7, 'latin1');
  return body;
}

/** The uploaded object's version, as S3 names it (the bucket is versioned), and its ETag: a single-part upload's MD5. */
const UPLOAD_VERSION_ID = '3HL4kqtJlcpXroDTDmJ.rmSpXd3dIbrHY.MTRCxf3vjVBH40Nr8X8gdRQBpUMLUo';
const eTagOf = (file: Buffer) => createHash('md5').update(file).digest('hex');

/**
 * Answers the S3 client's commands about `file` (whatever the key): HeadObject with its size, GetObject
 * with a fresh stream of its bytes on every call (a stream can be read once), both with the version and ETag the
 * upload's event names, CopyObject and DeleteObject succeed. Anything else is left unstubbed.
 */
export function stubBucket(mock: AwsClientStub<S3Client>, file: Buffer): void {
  const version = { ETag: `"${eTagOf(file)}"`, VersionId: UPLOAD_VERSION_ID };
  mock.on(HeadObjectCommand).resolves({ ContentLength: file.length, ContentType: 'application/pdf', ...version });
  mock.on(GetObjectCommand).callsFake(() => ({ Body: Readable.from([file]), ContentLength: file.length, ContentType: 'application/pdf', ...version }));
  mock.on(CopyObjectCommand).resolves({});
  mock.on(DeleteObjectCommand).resolves({});
}

/**
 * The event S3 sends when the browser's presigned POST has put the pending attachment's file into
 * quarantine/: one ObjectCreated:Post record, the key URL-encoded as S3 sends it, naming the object's version
 * and ETag (the verifier pins every read to them, and claims the attachment with the version).
 */
export function s3EventFor(now: Date): S3Event {
  const key = objectKeys.quarantine({ editionId: EDITION_ID, caseId: CASE_ID, attachmentId: PENDING_ATTACHMENT_ID });
  const encoded = key.split('/').map((part) => encodeURIComponent(part).replace(/%20/g, '+')).join('/');
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: 'eu-west-1',
        eventTime: now.toISOString(),
        eventName: 'ObjectCreated:Post',
        userIdentity: { principalId: 'AWS:AROABENCHBENCHBENCH0:practice-cases-prod-createAttachment' },
        requestParameters: { sourceIPAddress: '203.0.113.7' },
        responseElements: { 'x-amz-request-id': 'C3D13FE58DE4C810', 'x-amz-id-2': 'FMyUVURIY8/IgAtTv8xRjskZQpcIZ9KG4V5Wp6S7S/JRWeUWerMUE5JgHvANOjpD' },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'verify-upload',
          bucket: { name: BUCKET, ownerIdentity: { principalId: 'A3NL1KOZZKExample' }, arn: `arn:aws:s3:::${BUCKET}` },
          object: { key: encoded, size: FILE_SIZE, eTag: eTagOf(uploadedFile()), versionId: UPLOAD_VERSION_ID, sequencer: '0066A1B2C3D4E5F601' },
        },
      },
    ],
  };
}

/** INSERTs of the table's stream in Lambda's shape: each item's keys and the string attributes of its new image. */
function streamInsertsOf(now: Date, items: Record<string, string>[]): DynamoDBStreamEvent {
  return {
    Records: items.map((item, i) => ({
      eventID: `bench-${i}`,
      eventName: 'INSERT',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'eu-west-1',
      eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/practice-cases-prod-Table/stream/2026-01-01T00:00:00.000',
      dynamodb: {
        ApproximateCreationDateTime: Math.floor(now.getTime() / 1000),
        Keys: { pk: { S: item.pk! }, sk: { S: item.sk! } },
        NewImage: Object.fromEntries(Object.entries(item).map(([k, v]) => [k, { S: v }])),
        SequenceNumber: String(1000 + i),
        SizeBytes: 200,
        StreamViewType: 'NEW_IMAGE',
      },
    })),
  };
}

/**
 * What the table's stream delivers to sendNewMail when the confirmations of MAIL_IDS were just recorded: one INSERT
 * each, with the attributes the mapping's filter and the handler read.
 */
export function newMailStreamEventFor(now: Date): DynamoDBStreamEvent {
  const due = new Date(now.getTime() - 60_000).toISOString();
  return streamInsertsOf(now, MAIL_IDS.map((mailId) => ({ ...keys.mail(mailId), type: 'mail', mailId, status: 'pending', nextAttemptAt: due })));
}

/**
 * What the table's stream delivers to startNotificationRun when POST .../notifications has just recorded 2023's run
 * NOTIFY_RUN_ID (the canned run, running): its INSERT, with the attributes the mapping's filter and the handler read.
 */
export function newRunStreamEventFor(now: Date): DynamoDBStreamEvent {
  return streamInsertsOf(now, [{ ...keys.run(REVIEW_EDITION_ID, NOTIFY_RUN_ID), type: 'run', editionId: REVIEW_EDITION_ID, runId: NOTIFY_RUN_ID, status: 'running' }]);
}

/** The event EventBridge sends for a scheduled rule (closeDueEditions, retryMail, startStalledNotificationRuns). */
export function scheduledEventFor(now: Date, worker: string): ScheduledEvent {
  return {
    version: '0',
    id: '53dc4d37-cffa-4f76-80c9-8b7d4a4d2eaa',
    'detail-type': 'Scheduled Event',
    source: 'aws.events',
    account: '123456789012',
    time: new Date(Math.floor(now.getTime() / 60_000) * 60_000).toISOString().replace('.000Z', 'Z'),
    region: 'eu-west-1',
    resources: [`arn:aws:events:eu-west-1:123456789012:rule/practice-cases-prod-${worker}`],
    detail: {},
  };
}

// ---------- the mail service ----------

/** SES accepts every message. */
export function stubMail(mock: AwsClientStub<SESClient>): void {
  mock.on(SendEmailCommand).resolves({ MessageId: '0102018f3c2a7b1e-5d6c4f3a-8b9e-4c1d-a2f3-6e7d8c9b0a1f-000000' });
}

// ---------- the notification workflow (issue 6) ----------

/**
 * The user pool's committee calls: an account invited (its temporary password not yet replaced), the reviewers group and
 * a reviewer to remove (EXTENDED_SUB, PATH_SAMPLES). The accounts are 2023's reviewers: the canned table has their
 * assignments, whose load the invitation and the list count.
 */
export function stubDirectory(mock: AwsClientStub<CognitoIdentityProviderClient>): void {
  const user = (sub: string, status: UserStatusType = 'CONFIRMED') => ({
    Username: sub,
    UserStatus: status,
    Enabled: true,
    Attributes: [
      { Name: 'sub', Value: sub },
      { Name: 'email', Value: `${sub.slice(0, 8)}@example.org` },
      { Name: 'email_verified', Value: 'true' },
      { Name: 'name', Value: `Reviewer ${sub.slice(0, 4)}` },
      { Name: 'locale', Value: 'zh-CN' },
    ],
  });
  mock.on(AdminCreateUserCommand).resolves({ User: user(SECOND_REVIEWER.sub, 'FORCE_CHANGE_PASSWORD') });
  mock.on(AdminGetUserCommand).resolves({ ...user(SECOND_REVIEWER.sub), UserAttributes: user(SECOND_REVIEWER.sub).Attributes });
  mock.on(AdminAddUserToGroupCommand).resolves({});
  mock.on(ListUsersInGroupCommand).resolves({ Users: [REVIEWER.sub, SECOND_REVIEWER.sub].map((sub) => user(sub)) });
  mock.on(AdminListGroupsForUserCommand).resolves({ Groups: [{ GroupName: 'reviewers' }] });
  mock.on(AdminRemoveUserFromGroupCommand).resolves({});
}

/** Step Functions starts every execution it is asked for (a Standard workflow's answer: its ARN and start date). */
export function stubWorkflow(mock: AwsClientStub<SFNClient>): void {
  mock.on(StartExecutionCommand).callsFake((input: { stateMachineArn?: string; name?: string }) => ({
    executionArn: `${String(input.stateMachineArn).replace(':stateMachine:', ':execution:')}:${String(input.name)}`,
    startDate: new Date(),
  }));
}

/**
 * What the notification state machine (functions/shared/notify-workflow.ts) passes each task of 2023's run
 * NOTIFY_RUN_ID: its Lambda integration invokes the function with the state's Payload, plain JSON.
 * - pageSelected: the run's first page (Page), the page size the stage's SES rate gives (pageSizeFor);
 * - sendNotification: one item of the Map (SendOne), the recipient due again after a throttle;
 * - markNotificationFailed: the Map's Catch (MarkFailed) after SES rejected a notice for good, with the error
 *   as Step Functions hands it on: the error name and, as Cause, Lambda's JSON of the thrown error;
 * - finishNotificationRun: the run's last state (Finish).
 */
export function workflowPayloads() {
  const run = { editionId: REVIEW_EDITION_ID, runId: NOTIFY_RUN_ID };
  const failedEmail = committeeOwner(SUBMITTED_IDS.indexOf(NOTIFY_FAILED_CASE_ID)).email;
  const message = `PermanentMailError: MessageRejected: Email address is not verified. The following identities failed the check: ${failedEmail}`;
  return {
    pageSelected: { ...run, cursor: null, pageSize: pageSizeFor(STAGE_SES_RATE) },
    sendNotification: { ...run, caseId: NOTIFY_SEND_CASE_ID },
    markNotificationFailed: {
      ...run,
      caseId: NOTIFY_FAILED_CASE_ID,
      error: {
        Error: 'MailPermanent',
        Cause: JSON.stringify({
          errorType: 'MailPermanent',
          errorMessage: message,
          trace: [`MailPermanent: ${message}`, '    at sendNotification (file:///var/task/index.mjs:3:41871)', '    at process.processTicksAndRejections (node:internal/process/task_queues:105:5)'],
        }),
      },
    },
    finishNotificationRun: { ...run, status: 'succeeded' as const },
  };
}

/**
 * The event SES publishes through EventBridge when the notice sent to NOTIFY_DELIVERED_CASE_ID's owner is
 * delivered (configuration set event destination, detail-type "Email Delivered"): the mail's headers and
 * tags (SES's own and the ones the workflow sent: editionId, caseId, runId) and the delivery.
 */
export function sesDeliveryEventFor(now: Date) {
  const caseId = NOTIFY_DELIVERED_CASE_ID;
  const i = SUBMITTED_IDS.indexOf(caseId);
  const to = committeeOwner(i).email;
  const messageId = messageIdOf(caseId);
  const sentAt = new Date(now.getTime() - 2_400).toISOString();
  const from = 'Practice Cases <no-reply@practice-cases.dev>';
  const subject = `${decisionOf2023(i) === 'outstanding' ? 'Outstanding case' : 'Selected for the case collection'}: ${CASE_FIELDS.title} (${i + 1})`;
  return {
    version: '0',
    id: '9d1c6e2a-4b7f-4e3d-a5c8-2f0b1e9d7c63',
    'detail-type': 'Email Delivered',
    source: 'aws.ses',
    account: '123456789012',
    time: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    region: 'eu-west-1',
    resources: ['arn:aws:ses:eu-west-1:123456789012:configuration-set/practice-cases-prod'],
    detail: {
      eventType: 'Delivery',
      mail: {
        timestamp: sentAt,
        source: from,
        sourceArn: 'arn:aws:ses:eu-west-1:123456789012:identity/practice-cases.dev',
        sendingAccountId: '123456789012',
        messageId,
        destination: [to],
        headersTruncated: false,
        headers: [
          { name: 'From', value: from },
          { name: 'To', value: to },
          { name: 'Subject', value: subject },
          { name: 'MIME-Version', value: '1.0' },
          { name: 'Content-Type', value: 'multipart/alternative; boundary="----=_Part_1834021_1946152730.1717430400000"' },
        ],
        commonHeaders: { from: [from], to: [to], messageId, subject },
        tags: {
          'ses:source-tls-version': ['TLSv1.3'],
          'ses:operation': ['SendEmail'],
          'ses:configuration-set': ['practice-cases-prod'],
          'ses:source-ip': ['3.248.0.17'],
          'ses:from-domain': ['practice-cases.dev'],
          'ses:caller-identity': ['practice-cases-prod-sendNotification-role'],
          'ses:outgoing-ip': ['54.240.4.12'],
          editionId: [REVIEW_EDITION_ID],
          caseId: [caseId],
          runId: [NOTIFY_RUN_ID],
        },
      },
      delivery: {
        timestamp: now.toISOString(),
        processingTimeMillis: 2_400,
        recipients: [to],
        smtpResponse: '250 2.0.0 OK  1717430402 d75a77b69052e-43ff2596e3fsi1234567qtb.120 - gsmtp',
        reportingMTA: 'a4-12.smtp-out.eu-west-1.amazonses.com',
        remoteMtaIp: '142.250.27.26',
      },
    },
  };
}

// ---------- Cognito's own mails (issue 15) ----------

/** Cognito's placeholder for the code in a message: its custom message trigger must keep it as it came. */
export const COGNITO_CODE_PARAMETER = '{####}';

/**
 * What the user pool sends its custom message trigger (customMessage) before it mails the sign-up code of a user who
 * signed up in Chinese (locale zh-CN), as Cognito sends it: its placeholders for the code and the link, no SMS text.
 */
export function cognitoSignUpEvent(): CustomMessageTriggerEvent {
  const sub = '3c9a7e15-2b84-4d0f-9e61-7a5c2f8b4d03';
  return {
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_Bench0001',
    triggerSource: 'CustomMessage_SignUp',
    userName: sub,
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: '5h2k9q8m3n7p1r4t6v0w2x4y6z' },
    request: {
      userAttributes: { sub, 'cognito:user_status': 'UNCONFIRMED', email_verified: 'false', locale: 'zh-CN', email: 'zhang.min@example.cn' },
      codeParameter: COGNITO_CODE_PARAMETER,
      linkParameter: '{##Click Here##}',
      usernameParameter: null,
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  };
}

// ---------- request bodies ----------

/** A valid body for each body schema in use; a route with another schema needs one here. */
export function sampleBodies(now: Date): Map<z.ZodMiniType, unknown> {
  const t = now.getTime();
  return new Map<z.ZodMiniType, unknown>([
    [EditionInput, {
      name: 'Global Call for Practice Cases 2024',
      opensAt: new Date(t - 30 * DAY).toISOString(),
      deadline: new Date(t + 45 * DAY).toISOString(),
      timeZone: 'Asia/Shanghai',
      materialsDeadline: new Date(t + 60 * DAY).toISOString(),
      contact: { name: 'Call secretariat', email: 'secretariat@example.org', phone: '+86 10 5555 0100' },
    }],
    [CaseCreateInput, CASE_FIELDS],
    [ContactConfirmInput, { code: CONTACT_CODE }],
    [AttachmentInput, { fileName: 'report.pdf', contentType: 'application/pdf', size: FILE_SIZE, purpose: 'supporting' }],
    [ExtensionInput, { deadline: new Date(t + 37 * DAY).toISOString(), reason: 'The applicant\'s organisation was hit by floods in the week before the deadline.' }],
    [CasePatchInput, {
      title: 'Community broadband for 140 mountain villages',
      countries: ['CN', 'KE', 'BR', 'HK'],
      partners: null,
      contact: { name: 'Amina Okafor', email: CALLER.email },
    }],
    // Two new reviewers on three cases of 2023 (REVIEW_CASE_ID among them), and one reviewer who has
    // reviewed REVIEW_CASE_ID taken off it (which recomputes its aggregate without their review).
    [AssignmentsInput, {
      assign: SUBMITTED_IDS.slice(0, 3).flatMap((caseId) => NEW_REVIEWERS.map((sub) => ({ caseId, sub }))),
      unassign: [{ caseId: REVIEW_CASE_ID, sub: SECOND_REVIEWER.sub }],
    }],
    [ConflictInput, { reason: 'I was an external evaluator of this project for the funding agency in 2021.' }],
    [DecisionInput, { decision: 'outstanding', note: 'Committee vote 6-1 on 12 June; strongest evidence of impact in the round.' }],
    [PreferencesInput, { locale: 'zh-CN' }],
    [ReviewerInvitationInput, { email: 'li.wei@example.org', name: 'Li Wei', locale: 'zh-CN' }],
    [ReviewInput, {
      scores: { innovation: 8, impact: 7, cooperation: 9, sustainability: 6 },
      recommendation: 'collection',
      comment: 'Convincing evidence of impact in all three countries; the plan for after the grant is still thin. '.repeat(3).trim(),
    }],
  ]);
}

// ---------- event and context ----------

/**
 * The event API Gateway's REST proxy integration sends for `route`: CloudFront-style headers, the Cognito
 * authorizer's claims (strings, as the REST authorizer passes them) for non-public routes, path parameters
 * from PATH_SAMPLES, the sample body for routes that take one and If-Match naming the stored version.
 * `overrides` replaces path parameters, the caller, the query string and the version If-Match names (the
 * submit benchmark submits many cases, each by its own owner; the ranking benchmark pages with a cursor).
 */
export function eventFor(
  route: RouteSpec,
  bodies: Map<z.ZodMiniType, unknown>,
  overrides: { params?: Record<string, string>; caller?: { sub: string; email: string }; version?: number; query?: Record<string, string> } = {},
): APIGatewayProxyEvent {
  const caller = overrides.caller ?? ROUTE_SAMPLES[route.operationId]?.caller ?? CALLER;
  const query = overrides.query ?? ROUTE_SAMPLES[route.operationId]?.query;
  if (query && !route.query) throw new Error(`bench: ${route.operationId} takes no query string`);
  if (query) {
    const check = route.query!.safeParse(query);
    if (!check.success) throw new Error(`bench: the sample query of ${route.operationId} is not valid: ${check.error.message}`);
  }
  const hasQuery = query !== undefined && Object.keys(query).length > 0;
  const pathParameters: Record<string, string> = {};
  const path = route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    const v = overrides.params?.[name] ?? ROUTE_SAMPLES[route.operationId]?.params?.[name] ?? PATH_SAMPLES[name];
    if (v === undefined) throw new Error(`bench: no sample value for path parameter {${name}} of ${route.operationId}; add one to PATH_SAMPLES in test/bench/fixtures.ts`);
    pathParameters[name] = v;
    return v;
  });

  let body: string | null = null;
  if (route.body) {
    if (!bodies.has(route.body)) throw new Error(`bench: no sample body for ${route.operationId}; add one to sampleBodies in test/bench/fixtures.ts`);
    const sample = bodies.get(route.body);
    const check = route.body.safeParse(sample);
    if (!check.success) throw new Error(`bench: the sample body for ${route.operationId} is not valid: ${check.error.message}`);
    body = JSON.stringify(sample);
  }

  const signedIn = route.access !== 'public';
  const now = Date.now();
  const claims = signedIn
    ? {
        sub: caller.sub,
        email: caller.email,
        email_verified: 'true',
        // Cognito sends the claim only for members of a group; an applicant has none.
        ...(route.access !== 'signed-in' ? { 'cognito:groups': route.access } : {}),
        'cognito:username': caller.sub,
        iss: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Bench0001',
        aud: '5n1bench0client0id00000000',
        token_use: 'id',
        auth_time: String(Math.floor(now / 1000) - 600),
        iat: String(Math.floor(now / 1000) - 600),
        exp: String(Math.floor(now / 1000) + 3000),
        event_id: '6c9a3d1e-6b1f-4a55-8a5e-9f0d4b2c7e31',
      }
    : undefined;

  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Encoding': 'gzip, deflate, br',
    'Accept-Language': 'en-GB,en;q=0.9,zh-CN;q=0.8',
    'CloudFront-Forwarded-Proto': 'https',
    'CloudFront-Is-Desktop-Viewer': 'true',
    'CloudFront-Is-Mobile-Viewer': 'false',
    'CloudFront-Viewer-Country': 'CN',
    Host: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
    Origin: 'https://practice-cases.dev',
    Referer: 'https://practice-cases.dev/',
    'User-Agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36',
    Via: '2.0 7f3e1b2c9d8a6e5f4a3b2c1d0e9f8a7b.cloudfront.net (CloudFront)',
    'X-Amz-Cf-Id': 'kT3Vb0m7dQ9nJx2rL5pW8yZ1cF4gH6jK0aS3dE5fG7hJ9kL1zX==',
    'X-Amzn-Trace-Id': 'Root=1-66a1b2c3-4d5e6f708192a3b4c5d6e7f8',
    'X-Forwarded-For': '203.0.113.7, 130.176.0.1',
    'X-Forwarded-Port': '443',
    'X-Forwarded-Proto': 'https',
    ...(signedIn ? { Authorization: 'Bearer eyJraWQiOiJiZW5jaCIsImFsZyI6IlJTMjU2In0.eyJzdWIiOiJiZW5jaCJ9.c2lnbmF0dXJl' } : {}),
    ...(body !== null ? { 'Content-Type': 'application/json' } : {}),
    ...(route.ifMatch ? { 'If-Match': `"${overrides.version ?? VERSION}"` } : {}),
  };

  return {
    resource: route.path,
    path,
    httpMethod: route.method,
    headers,
    multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
    queryStringParameters: hasQuery ? { ...query } : null,
    multiValueQueryStringParameters: hasQuery ? Object.fromEntries(Object.entries(query).map(([k, v]) => [k, [v]])) : null,
    pathParameters: Object.keys(pathParameters).length ? pathParameters : null,
    stageVariables: null,
    requestContext: {
      accountId: '123456789012',
      apiId: 'a1b2c3d4e5',
      authorizer: claims ? { claims } : null,
      domainName: 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com',
      domainPrefix: 'a1b2c3d4e5',
      extendedRequestId: 'Bq3sWF0XoAMEbXw=',
      httpMethod: route.method,
      identity: {
        accessKey: null, accountId: null, apiKey: null, apiKeyId: null, caller: null, clientCert: null,
        cognitoAuthenticationProvider: null, cognitoAuthenticationType: null, cognitoIdentityId: null,
        cognitoIdentityPoolId: null, principalOrgId: null, sourceIp: '203.0.113.7', user: null,
        userAgent: headers['User-Agent'] ?? null, userArn: null,
      },
      path: `/prod${path}`,
      protocol: 'HTTP/1.1',
      requestId: 'c6af9ac6-7b61-11e6-9a41-93e8deadbeef',
      requestTime: '04/Mar/2024:10:15:30 +0000',
      requestTimeEpoch: now,
      resourceId: 'x1y2z3',
      resourcePath: route.path,
      stage: 'prod',
    },
    body,
    isBase64Encoded: false,
  };
}

/**
 * A Lambda context. It has getRemainingTimeInMillis, as on Lambda, so middy arms (and clears) its
 * early-timeout timer on every invocation just as in production. The value is fixed so the timer never
 * fires however long the bench runs.
 */
export function lambdaContext(operationId: string): Context {
  const functionName = `practice-cases-prod-${operationId}`;
  return {
    callbackWaitsForEmptyEventLoop: true,
    functionName,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:eu-west-1:123456789012:function:${functionName}`,
    memoryLimitInMB: '1024',
    awsRequestId: '0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9',
    logGroupName: `/aws/lambda/${functionName}`,
    logStreamName: '2024/03/04/[$LATEST]0123456789abcdef0123456789abcdef',
    getRemainingTimeInMillis: () => 10_000,
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}
