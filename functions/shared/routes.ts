/**
 * The route table: the one declaration of the HTTP API. API Gateway (lib/constructs/api.ts), the local
 * server (lib/local/server.ts) and the OpenAPI document (shared/openapi.ts) all read it. Each route is
 * one Lambda function, with the grants listed here and nothing more.
 */
import type * as z from 'zod/mini';
import { AttachmentInput, AttachmentParams } from '#domain/attachment-input';
import { CaseCreateInput, CaseParams, CasePatchInput, ContactConfirmInput } from '#domain/case-input';
import { EditionInput, EditionParams, ExtensionInput, ExtensionParams } from '#domain/edition-input';
import { AssignmentsInput, ConflictInput, ReviewerParams, ReviewInput } from '#domain/review-input';
import { PageQuery } from '#domain/schema-kit';
import { DecisionInput, EditionCasesCsvQuery, EditionCasesQuery, PreviewQuery } from '#domain/selection-input';
import { CONTACT_CODE_MAX_ATTEMPTS, CONTACT_CODE_RESEND_SECONDS, CONTACT_CODES_PER_APPLICANT_PER_DAY, CONTACT_CODES_PER_CASE_PER_DAY } from '#domain/limits';
import type { Group } from '#domain/vocabulary';
import type { ProblemCode } from '#domain/errors';
import type { Prefix } from '#adapters/bucket-design';
import { responseSchemas } from './responses.ts';

/**
 * What a function may do in the media bucket, per prefix: read (GetObject; what a presigned GET needs),
 * write (PutObject; what a presigned POST needs) and delete (DeleteObject); readVersion and deleteVersion
 * (GetObjectVersion, DeleteObjectVersion) do the same on one version named by its id, as the verifier does.
 */
export type BucketAccess = 'read' | 'write' | 'delete' | 'readVersion' | 'deleteVersion';
export type BucketGrants = Partial<Record<Prefix, BucketAccess[]>>;

export type Method = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** Who may call: anyone, any signed-in user, or members of a group. */
export type Access = 'public' | 'signed-in' | Group;

export interface RouteSpec {
  operationId: string;
  method: Method;
  /** API Gateway style: /cases/{caseId} */
  path: string;
  /** The handler module, relative to functions/; it exports `handler`. */
  entry: string;
  access: Access;
  summary: string;
  description?: string;
  tag: string;
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /** Success responses: status → description and schema (none for an empty body), built only for the OpenAPI document. */
  responses: Record<number, { description: string; schema?: () => z.ZodMiniType; contentType?: string; etag?: boolean }>;
  /** Problem codes this route can answer besides the ones every route can (validation, auth, rate limit). */
  problems: ProblemCode[];
  /** Grants: the single table, read-only or read-write. */
  table?: 'read' | 'write';
  /** Grants on the media bucket, by prefix (see FunctionGrants). */
  bucket?: BucketGrants;
  /** Sends e-mail through the stage's SES identity and configuration set. */
  mail?: true;
  /** Reads If-Match for optimistic concurrency. */
  ifMatch?: boolean;
  /** Starts executions of the notification workflow (states:StartExecution on that state machine only). */
  workflow?: true;
}

const route = <const T extends RouteSpec>(r: T): T => r;
const view = responseSchemas;

export const routes = {
  listEditions: route({
    operationId: 'listEditions', method: 'GET', path: '/editions', entry: 'editions/list-editions.ts', access: 'public',
    tag: 'Editions', summary: 'Editions, newest first', query: PageQuery,
    responses: { 200: { description: 'A page of editions', schema: () => view().page(view().Edition) } },
    problems: [], table: 'read',
  }),
  getEdition: route({
    operationId: 'getEdition', method: 'GET', path: '/editions/{editionId}', entry: 'editions/get-edition.ts', access: 'public',
    tag: 'Editions', summary: 'One edition', params: EditionParams,
    responses: { 200: { description: 'The edition', schema: () => view().Edition, etag: true } },
    problems: ['not-found'], table: 'read',
  }),
  putEdition: route({
    operationId: 'putEdition', method: 'PUT', path: '/editions/{editionId}', entry: 'editions/put-edition.ts', access: 'organisers',
    tag: 'Editions', summary: 'Create or update an edition',
    description: 'Creates the edition (201) or replaces its settings (200). Refused with 409 once the results are released.',
    params: EditionParams, body: EditionInput,
    responses: {
      200: { description: 'Updated', schema: () => view().Edition, etag: true },
      201: { description: 'Created', schema: () => view().Edition, etag: true },
    },
    problems: ['conflict', 'precondition-failed'], table: 'write', ifMatch: true,
  }),
  createCase: route({
    operationId: 'createCase', method: 'POST', path: '/editions/{editionId}/cases', entry: 'cases/create-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Draft a new case', description: 'Any field may be missing in a draft; readiness lists what stands between it and submission.',
    params: EditionParams, body: CaseCreateInput,
    responses: { 201: { description: 'The new draft', schema: () => view().Case, etag: true } },
    problems: ['not-found', 'edition-not-open', 'deadline-passed'], table: 'write',
  }),
  listMyCases: route({
    operationId: 'listMyCases', method: 'GET', path: '/me/cases', entry: 'cases/list-my-cases.ts', access: 'signed-in',
    tag: 'Cases', summary: "The caller's cases, all editions, newest first", query: PageQuery,
    responses: { 200: { description: 'A page of cases', schema: () => view().page(view().Case) } },
    problems: [], table: 'read',
  }),
  getCase: route({
    operationId: 'getCase', method: 'GET', path: '/cases/{caseId}', entry: 'cases/get-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'One case', description: 'For its owner, organisers and assigned reviewers (who get it without contact details). Anyone else gets 404.',
    params: CaseParams,
    responses: { 200: { description: 'The case', schema: () => view().Case, etag: true } },
    problems: ['not-found'], table: 'read',
  }),
  patchCase: route({
    operationId: 'patchCase', method: 'PATCH', path: '/cases/{caseId}', entry: 'cases/patch-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Change fields of a case',
    description: 'Merge: a given field replaces the stored one, null removes it. Only while the edition accepts submissions. A submitted case must stay eligible (422).',
    params: CaseParams, body: CasePatchInput,
    responses: { 200: { description: 'The case as stored', schema: () => view().Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed', 'precondition-failed', 'not-eligible'],
    table: 'write', ifMatch: true,
  }),
  submitCase: route({
    operationId: 'submitCase', method: 'POST', path: '/cases/{caseId}/submit', entry: 'cases/submit-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Submit a case',
    description:
      'Checks every rule at once (422 not-eligible lists all problems), then marks the case submitted with a receipt: the server time and a SHA-256 ' +
      'over the canonical form of the submitted fields and the verified attachments (see the README, "Receipts"). Sends a confirmation e-mail to the ' +
      "owner's account address (the contact in copy once confirmed), at most one a case an hour: a re-submit within the hour still answers with its " +
      'new receipt, and the next confirmation, at the end of the hour, says the receipt current then. Submitting again, or editing a submitted case, issues a new receipt.',
    params: CaseParams,
    responses: { 200: { description: 'The submitted case with its receipt', schema: () => view().Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed', 'not-eligible', 'precondition-failed'],
    table: 'write', mail: true, ifMatch: true,
  }),
  sendContactCode: route({
    operationId: 'sendContactCode', method: 'POST', path: '/cases/{caseId}/contact/verification', entry: 'cases/contact-verification.ts', access: 'signed-in',
    tag: 'Cases', summary: "Send a code to the case's contact address",
    description:
      "E-mails to a case go to its owner's account address; the contact is copied only once its address is confirmed. This sends a code to that " +
      `address (and nowhere else); the owner then enters it with POST /cases/{caseId}/contact/confirm. One code a case every ${CONTACT_CODE_RESEND_SECONDS / 60} minutes, ` +
      `${CONTACT_CODES_PER_CASE_PER_DAY} a day, ${CONTACT_CODES_PER_APPLICANT_PER_DAY} a day for all of an applicant's cases (429 beyond). 409 when the case has no contact address, it is already confirmed, or the case is withdrawn.`,
    params: CaseParams,
    responses: { 202: { description: 'The code is on its way', schema: () => view().ContactVerification } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'write', mail: true,
  }),
  confirmContact: route({
    operationId: 'confirmContact', method: 'POST', path: '/cases/{caseId}/contact/confirm', entry: 'cases/contact-confirm.ts', access: 'signed-in',
    tag: 'Cases', summary: "Confirm the case's contact address with the code sent to it",
    description:
      `A wrong code is a 400 (field problem wrong-code; expired: code-expired); after ${CONTACT_CODE_MAX_ATTEMPTS} wrong codes the code is locked (409) and a new one must be asked for. ` +
      'Confirmed, the contact is copied on the e-mails about the case, until its address changes. Confirming again changes nothing.',
    params: CaseParams, body: ContactConfirmInput,
    responses: { 200: { description: 'The case, its contact confirmed', schema: () => view().Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'write',
  }),
  withdrawCase: route({
    operationId: 'withdrawCase', method: 'POST', path: '/cases/{caseId}/withdraw', entry: 'cases/withdraw-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Withdraw a case', description: 'Until the results are released. A withdrawn case can no longer change.',
    params: CaseParams,
    responses: { 200: { description: 'The withdrawn case', schema: () => view().Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict', 'precondition-failed'],
    table: 'write', ifMatch: true,
  }),
  closeEdition: route({
    operationId: 'closeEdition', method: 'POST', path: '/editions/{editionId}/close', entry: 'editions/close-edition.ts', access: 'organisers',
    tag: 'Editions', summary: 'Close the edition now', description: 'Idempotent: closing a closed edition changes nothing. Recorded in the audit trail.',
    params: EditionParams,
    responses: { 200: { description: 'The closed edition', schema: () => view().Edition, etag: true } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  putExtension: route({
    operationId: 'putExtension', method: 'PUT', path: '/editions/{editionId}/extensions/{sub}', entry: 'editions/put-extension.ts', access: 'organisers',
    tag: 'Editions', summary: "Give one applicant a later deadline",
    description: 'Creates or replaces the extension. Recorded in the audit trail. Refused (409) once the results are released or a decision has been recorded for the edition.',
    params: ExtensionParams, body: ExtensionInput,
    responses: { 200: { description: 'The extension', schema: () => view().Extension } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  listAudit: route({
    operationId: 'listAudit', method: 'GET', path: '/editions/{editionId}/audit', entry: 'editions/list-audit.ts', access: 'organisers',
    tag: 'Editions', summary: 'The audit trail of an edition, newest first',
    description:
      'Every change that matters later: edition created and edited, closed (by hand or schedule), extensions, reviewers assigned and unassigned, ' +
      'conflicts declared, withdrawals, decisions, notification runs started and finished, the release. Entries are write-once and hash-chained; ' +
      'chainValid says whether the whole chain holds (consecutive seqs from 1, every hash recomputes, every prevHash matches).',
    params: EditionParams, query: PageQuery,
    responses: { 200: { description: 'A page of audit entries and whether the chain holds', schema: () => view().AuditPage } },
    problems: ['not-found'], table: 'read',
  }),
  createAttachment: route({
    operationId: 'createAttachment', method: 'POST', path: '/cases/{caseId}/attachments', entry: 'attachments/create-attachment.ts', access: 'signed-in',
    tag: 'Attachments', summary: 'Start an upload',
    description:
      'Records a pending attachment and returns a presigned POST (valid at most 15 minutes, and never past the deadline) whose policy pins the key, the content type and the exact size. ' +
      'Upload with multipart/form-data: every upload.fields entry, then the file as `file`. The file is verified before anyone can read it: its status turns ready, or rejected with a reason.',
    params: CaseParams, body: AttachmentInput,
    responses: { 201: { description: 'The pending attachment and its upload form', schema: () => view().NewAttachment } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed'],
    table: 'write', bucket: { quarantine: ['write'] },
  }),
  listAttachments: route({
    operationId: 'listAttachments', method: 'GET', path: '/cases/{caseId}/attachments', entry: 'attachments/list-attachments.ts', access: 'signed-in',
    tag: 'Attachments', summary: "A case's attachments", params: CaseParams, query: PageQuery,
    responses: { 200: { description: 'A page of attachments', schema: () => view().page(view().Attachment) } },
    problems: ['not-found'], table: 'read',
  }),
  getAttachment: route({
    operationId: 'getAttachment', method: 'GET', path: '/cases/{caseId}/attachments/{attachmentId}', entry: 'attachments/get-attachment.ts', access: 'signed-in',
    tag: 'Attachments', summary: 'One attachment, with a short-lived download URL once verified', params: AttachmentParams,
    responses: { 200: { description: 'The attachment', schema: () => view().Attachment } },
    problems: ['not-found'], table: 'read', bucket: { cases: ['read'] },
  }),
  deleteAttachment: route({
    operationId: 'deleteAttachment', method: 'DELETE', path: '/cases/{caseId}/attachments/{attachmentId}', entry: 'attachments/delete-attachment.ts', access: 'signed-in',
    tag: 'Attachments', summary: 'Remove an attachment and its file', description: 'While the case is editable (presentation files: until the materials deadline).',
    params: AttachmentParams,
    responses: { 204: { description: 'Removed' } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed'],
    table: 'write', bucket: { quarantine: ['delete'], cases: ['delete'] },
  }),
  listEditionCases: route({
    operationId: 'listEditionCases', method: 'GET', path: '/editions/{editionId}/cases', entry: 'selection/list-edition-cases.ts', access: 'organisers',
    tag: 'Selection', summary: "An edition's cases, with decision and review aggregate",
    description:
      'Newest first, or with sort=score the submitted cases ranked by mean total score (best first; cases without reviews last). Filters combine: ' +
      'status, category, country (any of the case\'s countries), decision (none for undecided). Served by Query on sharded indexes, never a Scan. ' +
      'A cursor belongs to its filters and sort: reuse it only with the same ones.',
    params: EditionParams, query: EditionCasesQuery,
    responses: { 200: { description: 'A page of cases', schema: () => view().page(view().CaseSummary) } },
    problems: ['not-found'], table: 'read',
  }),
  exportEditionCases: route({
    operationId: 'exportEditionCases', method: 'GET', path: '/editions/{editionId}/cases.csv', entry: 'selection/export-edition-cases.ts', access: 'organisers',
    tag: 'Selection', summary: "An edition's cases as CSV",
    description:
      'One row per case, with the same filters and sort as the list, and no paging: the fields (without the long texts), countries, the attachment count, ' +
      'the review aggregate and the decision. UTF-8 with a byte order mark and CRLF line ends (RFC 4180); a cell that a spreadsheet would read as a ' +
      "formula (starting with = + - @, tab or carriage return) is prefixed with '.",
    params: EditionParams, query: EditionCasesCsvQuery,
    responses: { 200: { description: 'CSV', contentType: 'text/csv' } },
    problems: ['not-found', 'payload-too-large'], table: 'read',
  }),
  bulkAssign: route({
    operationId: 'bulkAssign', method: 'POST', path: '/editions/{editionId}/assignments', entry: 'reviews/bulk-assign.ts', access: 'organisers',
    tag: 'Review', summary: 'Assign and unassign many reviewers at once, all or nothing',
    description:
      'Every pair is checked first; if any cannot be applied, nothing changes and the 409 lists each refused pair (errors[].path = assign.<i> or unassign.<i>). ' +
      'Otherwise all are written in one transaction. Pairs already in the asked state are reported unchanged. One request makes at most 100 writes ' +
      '(an assignment is one, an unassignment one or two, plus one per case): 30 pairs always fit.',
    params: EditionParams, body: AssignmentsInput,
    responses: { 200: { description: 'What changed', schema: () => view().BulkAssignmentResult } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  listCaseReviewers: route({
    operationId: 'listCaseReviewers', method: 'GET', path: '/cases/{caseId}/reviewers', entry: 'reviews/list-case-reviewers.ts', access: 'organisers',
    tag: 'Review', summary: "A case's reviewers: assigned, and those who declared a conflict",
    description: 'Not for the owner of the case, even as an organiser (403: a conflict of interest).', params: CaseParams, query: PageQuery,
    responses: { 200: { description: 'A page of reviewers', schema: () => view().page(view().Reviewer) } },
    problems: ['not-found', 'forbidden'], table: 'read',
  }),
  assignReviewer: route({
    operationId: 'assignReviewer', method: 'PUT', path: '/cases/{caseId}/reviewers/{sub}', entry: 'reviews/assign-reviewer.ts', access: 'organisers',
    tag: 'Review', summary: 'Assign a reviewer to a case',
    description: 'Only submitted cases of a closed edition. 409 when the reviewer declared a conflict of interest on the case, or owns it; 403 on a case the calling organiser owns. Assigning again changes nothing (200).',
    params: ReviewerParams,
    responses: { 200: { description: 'Already assigned', schema: () => view().Reviewer }, 201: { description: 'Assigned', schema: () => view().Reviewer } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'write',
  }),
  unassignReviewer: route({
    operationId: 'unassignReviewer', method: 'DELETE', path: '/cases/{caseId}/reviewers/{sub}', entry: 'reviews/unassign-reviewer.ts', access: 'organisers',
    tag: 'Review', summary: 'Unassign a reviewer', description: "Removes the assignment and the reviewer's review, if any, from the aggregate. 409 once a decision makes the reviews final; 403 on a case the calling organiser owns.",
    params: ReviewerParams,
    responses: { 204: { description: 'Unassigned' } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'write',
  }),
  listMyAssignments: route({
    operationId: 'listMyAssignments', method: 'GET', path: '/me/assignments', entry: 'reviews/list-my-assignments.ts', access: 'reviewers',
    tag: 'Review', summary: "The caller's assigned cases, and whether they have reviewed each", query: PageQuery,
    responses: { 200: { description: 'A page of assignments', schema: () => view().page(view().MyAssignment) } },
    problems: [], table: 'read',
  }),
  declareConflict: route({
    operationId: 'declareConflict', method: 'POST', path: '/cases/{caseId}/conflict', entry: 'reviews/declare-conflict.ts', access: 'reviewers',
    tag: 'Review', summary: 'Declare a conflict of interest',
    description: 'For an assigned reviewer: removes the assignment and their review, and records the conflict so that nobody can assign them to the case again. Declaring it again changes nothing.',
    params: CaseParams, body: ConflictInput,
    responses: { 200: { description: 'The recorded conflict', schema: () => view().Reviewer } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  putMyReview: route({
    operationId: 'putMyReview', method: 'PUT', path: '/cases/{caseId}/reviews/me', entry: 'reviews/put-my-review.ts', access: 'reviewers',
    tag: 'Review', summary: "Save the caller's review of a case",
    description: 'For an assigned reviewer, until the organisers record a decision on the case (then 409). Creates (201) or replaces (200) the review; If-Match guards against overwriting an edit made elsewhere.',
    params: CaseParams, body: ReviewInput,
    responses: { 200: { description: 'Replaced', schema: () => view().Review, etag: true }, 201: { description: 'Created', schema: () => view().Review, etag: true } },
    problems: ['not-found', 'conflict', 'precondition-failed'], table: 'write', ifMatch: true,
  }),
  getMyReview: route({
    operationId: 'getMyReview', method: 'GET', path: '/cases/{caseId}/reviews/me', entry: 'reviews/get-my-review.ts', access: 'reviewers',
    tag: 'Review', summary: "The caller's own review of a case", description: 'A reviewer sees only their own review, never another reviewer\'s.',
    params: CaseParams,
    responses: { 200: { description: 'The review', schema: () => view().Review, etag: true } },
    problems: ['not-found'], table: 'read',
  }),
  listReviews: route({
    operationId: 'listReviews', method: 'GET', path: '/cases/{caseId}/reviews', entry: 'reviews/list-reviews.ts', access: 'organisers',
    tag: 'Review', summary: "A case's reviews and their aggregate",
    description: 'Not for the owner of the case, even as an organiser (403: a conflict of interest).', params: CaseParams, query: PageQuery,
    responses: { 200: { description: 'The aggregate over all reviews, and a page of them', schema: () => view().CaseReviews } },
    problems: ['not-found', 'forbidden'], table: 'read',
  }),
  putDecision: route({
    operationId: 'putDecision', method: 'PUT', path: '/cases/{caseId}/decision', entry: 'selection/put-decision.ts', access: 'organisers',
    tag: 'Selection', summary: "Record the organisers' decision on a case",
    description:
      'outstanding, collection or not-selected, with an optional note (audited, never shown to the owner). Only for submitted cases of a closed, unreleased edition. ' +
      "The owner sees the decision once their notice is sent or the results are released; after the notice it can no longer change (409). It also makes the case's reviews final, " +
      'freezes the case for its owner (their writes answer 409, extension or not) and ends the granting of extensions for the edition. ' +
      'The owner of the case cannot decide it, even as an organiser (403).',
    params: CaseParams, body: DecisionInput,
    responses: { 200: { description: 'The case with its decision', schema: () => view().Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'write',
  }),
  startNotifications: route({
    operationId: 'startNotifications', method: 'POST', path: '/editions/{editionId}/notifications', entry: 'notifications/start-notifications.ts', access: 'organisers',
    tag: 'Selection', summary: 'Notify the owners of every outstanding and collection case',
    description:
      'Starts the notification workflow (a Step Functions execution named with the run id) and answers 202 at once. 409 while a run is going. ' +
      'Each owner is sent the notice at most once, whichever run does it: a new run sends only to those not yet sent (and retries those that failed for sure).',
    params: EditionParams,
    responses: { 202: { description: 'The run started', schema: () => view().RunStarted } },
    problems: ['not-found', 'conflict'], table: 'write', workflow: true,
  }),
  listNotifications: route({
    operationId: 'listNotifications', method: 'GET', path: '/editions/{editionId}/notifications', entry: 'notifications/list-notifications.ts', access: 'organisers',
    tag: 'Selection', summary: 'Notification runs and recipients with their delivery status', params: EditionParams, query: PageQuery,
    responses: { 200: { description: 'Runs and a page of recipients', schema: () => view().Notifications } },
    problems: ['not-found'], table: 'read',
  }),
  previewNotification: route({
    operationId: 'previewNotification', method: 'GET', path: '/editions/{editionId}/notifications/preview', entry: 'notifications/preview-notification.ts', access: 'organisers',
    tag: 'Selection', summary: "The exact notice a case's owner would receive",
    description: 'Not for the owner of the case, even as an organiser (403: it tells the decision).', params: EditionParams, query: PreviewQuery,
    responses: { 200: { description: 'Recipients, subject, text and HTML', schema: () => view().MailPreview } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'read',
  }),
  releaseEdition: route({
    operationId: 'releaseEdition', method: 'POST', path: '/editions/{editionId}/release', entry: 'editions/release-edition.ts', access: 'organisers',
    tag: 'Selection', summary: 'Publish the results',
    description: 'Every decision becomes visible to its owner, and the results are public. Closed editions only (409); releasing again changes nothing. Audited.',
    params: EditionParams,
    responses: { 200: { description: 'The released edition', schema: () => view().Edition, etag: true } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  getResults: route({
    operationId: 'getResults', method: 'GET', path: '/editions/{editionId}/results', entry: 'editions/get-results.ts', access: 'public',
    tag: 'Selection', summary: 'The published results',
    description: '404 until the edition is released. Outstanding and collection cases, by title, with public fields only: no e-mail addresses, contact details or reviews.',
    params: EditionParams,
    responses: { 200: { description: 'The results', schema: () => view().Results } },
    problems: ['not-found'], table: 'read',
  }),
  openapi: route({
    operationId: 'getOpenApi', method: 'GET', path: '/openapi.json', entry: 'docs/openapi.ts', access: 'public',
    tag: 'Docs', summary: 'This OpenAPI document',
    responses: { 200: { description: 'OpenAPI 3.1', contentType: 'application/json' } },
    problems: [],
  }),
  docs: route({
    operationId: 'getDocs', method: 'GET', path: '/docs', entry: 'docs/docs.ts', access: 'public',
    tag: 'Docs', summary: 'The API reference, rendered',
    responses: { 200: { description: 'HTML', contentType: 'text/html' } },
    problems: [],
  }),
} satisfies Record<string, RouteSpec>;

export const ROUTES: RouteSpec[] = Object.values(routes);
