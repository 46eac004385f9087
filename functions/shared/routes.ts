/**
 * The route table: the one declaration of the HTTP API. API Gateway (lib/constructs/api.ts), the local
 * server (lib/local/server.ts) and the OpenAPI document (shared/openapi.ts) all read it. Each route is
 * one Lambda function, with the grants listed here and nothing more.
 */
import type * as z from 'zod/mini';
import * as s from '#domain/schemas';
import type { Group } from './auth.ts';
import type { ProblemCode } from '#domain/errors';
import type { Prefix } from '#adapters/bucket-design';

/**
 * What a function may do in the media bucket, per prefix: read (GetObject; what a presigned GET needs),
 * write (PutObject; what a presigned POST needs) and delete (DeleteObject).
 */
export type BucketAccess = 'read' | 'write' | 'delete';
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
}

const route = <const T extends RouteSpec>(r: T): T => r;
const view = s.responseSchemas;

export const routes = {
  listEditions: route({
    operationId: 'listEditions', method: 'GET', path: '/editions', entry: 'editions/list-editions.ts', access: 'public',
    tag: 'Editions', summary: 'Editions, newest first', query: s.PageQuery,
    responses: { 200: { description: 'A page of editions', schema: () => view().page(view().Edition) } },
    problems: [], table: 'read',
  }),
  getEdition: route({
    operationId: 'getEdition', method: 'GET', path: '/editions/{editionId}', entry: 'editions/get-edition.ts', access: 'public',
    tag: 'Editions', summary: 'One edition', params: s.EditionParams,
    responses: { 200: { description: 'The edition', schema: () => view().Edition, etag: true } },
    problems: ['not-found'], table: 'read',
  }),
  putEdition: route({
    operationId: 'putEdition', method: 'PUT', path: '/editions/{editionId}', entry: 'editions/put-edition.ts', access: 'organisers',
    tag: 'Editions', summary: 'Create or update an edition',
    description: 'Creates the edition (201) or replaces its settings (200). Refused with 409 once the results are released.',
    params: s.EditionParams, body: s.EditionInput,
    responses: {
      200: { description: 'Updated', schema: () => view().Edition, etag: true },
      201: { description: 'Created', schema: () => view().Edition, etag: true },
    },
    problems: ['conflict', 'precondition-failed'], table: 'write', ifMatch: true,
  }),
  createCase: route({
    operationId: 'createCase', method: 'POST', path: '/editions/{editionId}/cases', entry: 'cases/create-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Draft a new case', description: 'Any field may be missing in a draft; readiness lists what stands between it and submission.',
    params: s.EditionParams, body: s.CaseCreateInput,
    responses: { 201: { description: 'The new draft', schema: () => view().Case, etag: true } },
    problems: ['not-found', 'edition-not-open', 'deadline-passed'], table: 'write',
  }),
  listMyCases: route({
    operationId: 'listMyCases', method: 'GET', path: '/me/cases', entry: 'cases/list-my-cases.ts', access: 'signed-in',
    tag: 'Cases', summary: "The caller's cases, all editions, newest first", query: s.PageQuery,
    responses: { 200: { description: 'A page of cases', schema: () => view().page(view().Case) } },
    problems: [], table: 'read',
  }),
  getCase: route({
    operationId: 'getCase', method: 'GET', path: '/cases/{caseId}', entry: 'cases/get-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'One case', description: 'For its owner and organisers. Anyone else gets 404.',
    params: s.CaseParams,
    responses: { 200: { description: 'The case', schema: () => view().Case, etag: true } },
    problems: ['not-found'], table: 'read',
  }),
  patchCase: route({
    operationId: 'patchCase', method: 'PATCH', path: '/cases/{caseId}', entry: 'cases/patch-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Change fields of a case',
    description: 'Merge: a given field replaces the stored one, null removes it. Only while the edition accepts submissions. A submitted case must stay eligible (422).',
    params: s.CaseParams, body: s.CasePatchInput,
    responses: { 200: { description: 'The case as stored', schema: () => view().Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed', 'precondition-failed', 'not-eligible'],
    table: 'write', ifMatch: true,
  }),
  submitCase: route({
    operationId: 'submitCase', method: 'POST', path: '/cases/{caseId}/submit', entry: 'cases/submit-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Submit a case',
    description:
      'Checks every rule at once (422 not-eligible lists all problems), then marks the case submitted with a receipt: the server time and a SHA-256 ' +
      'over the canonical form of the submitted fields and the verified attachments (see the README, "Receipts"). Sends a confirmation e-mail. ' +
      'Submitting again, or editing a submitted case, issues a new receipt.',
    params: s.CaseParams,
    responses: { 200: { description: 'The submitted case with its receipt', schema: () => view().Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed', 'not-eligible', 'precondition-failed'],
    table: 'write', mail: true, ifMatch: true,
  }),
  withdrawCase: route({
    operationId: 'withdrawCase', method: 'POST', path: '/cases/{caseId}/withdraw', entry: 'cases/withdraw-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Withdraw a case', description: 'Until the results are released. A withdrawn case can no longer change.',
    params: s.CaseParams,
    responses: { 200: { description: 'The withdrawn case', schema: () => view().Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict', 'precondition-failed'],
    table: 'write', ifMatch: true,
  }),
  closeEdition: route({
    operationId: 'closeEdition', method: 'POST', path: '/editions/{editionId}/close', entry: 'editions/close-edition.ts', access: 'organisers',
    tag: 'Editions', summary: 'Close the edition now', description: 'Idempotent: closing a closed edition changes nothing. Recorded in the audit trail.',
    params: s.EditionParams,
    responses: { 200: { description: 'The closed edition', schema: () => view().Edition, etag: true } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  putExtension: route({
    operationId: 'putExtension', method: 'PUT', path: '/editions/{editionId}/extensions/{sub}', entry: 'editions/put-extension.ts', access: 'organisers',
    tag: 'Editions', summary: "Give one applicant a later deadline", description: 'Creates or replaces the extension. Recorded in the audit trail.',
    params: s.ExtensionParams, body: s.ExtensionInput,
    responses: { 200: { description: 'The extension', schema: () => view().Extension } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  listAudit: route({
    operationId: 'listAudit', method: 'GET', path: '/editions/{editionId}/audit', entry: 'editions/list-audit.ts', access: 'organisers',
    tag: 'Editions', summary: 'The audit trail of an edition, newest first', description: 'Who closed it, extended whose deadline, when and why.',
    params: s.EditionParams, query: s.PageQuery,
    responses: { 200: { description: 'A page of audit entries', schema: () => view().page(view().AuditEntry) } },
    problems: ['not-found'], table: 'read',
  }),
  createAttachment: route({
    operationId: 'createAttachment', method: 'POST', path: '/cases/{caseId}/attachments', entry: 'attachments/create-attachment.ts', access: 'signed-in',
    tag: 'Attachments', summary: 'Start an upload',
    description:
      'Records a pending attachment and returns a presigned POST (valid at most 15 minutes, and never past the deadline) whose policy pins the key, the content type and the exact size. ' +
      'Upload with multipart/form-data: every upload.fields entry, then the file as `file`. The file is verified before anyone can read it: its status turns ready, or rejected with a reason.',
    params: s.CaseParams, body: s.AttachmentInput,
    responses: { 201: { description: 'The pending attachment and its upload form', schema: () => view().NewAttachment } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed'],
    table: 'write', bucket: { quarantine: ['write'] },
  }),
  listAttachments: route({
    operationId: 'listAttachments', method: 'GET', path: '/cases/{caseId}/attachments', entry: 'attachments/list-attachments.ts', access: 'signed-in',
    tag: 'Attachments', summary: "A case's attachments", params: s.CaseParams, query: s.PageQuery,
    responses: { 200: { description: 'A page of attachments', schema: () => view().page(view().Attachment) } },
    problems: ['not-found'], table: 'read',
  }),
  getAttachment: route({
    operationId: 'getAttachment', method: 'GET', path: '/cases/{caseId}/attachments/{attachmentId}', entry: 'attachments/get-attachment.ts', access: 'signed-in',
    tag: 'Attachments', summary: 'One attachment, with a short-lived download URL once verified', params: s.AttachmentParams,
    responses: { 200: { description: 'The attachment', schema: () => view().Attachment } },
    problems: ['not-found'], table: 'read', bucket: { cases: ['read'] },
  }),
  deleteAttachment: route({
    operationId: 'deleteAttachment', method: 'DELETE', path: '/cases/{caseId}/attachments/{attachmentId}', entry: 'attachments/delete-attachment.ts', access: 'signed-in',
    tag: 'Attachments', summary: 'Remove an attachment and its file', description: 'While the case is editable (presentation files: until the materials deadline).',
    params: s.AttachmentParams,
    responses: { 204: { description: 'Removed' } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed'],
    table: 'write', bucket: { quarantine: ['delete'], cases: ['delete'] },
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

export type RouteName = keyof typeof routes;
export const ROUTES: RouteSpec[] = Object.values(routes);
