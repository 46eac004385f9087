/**
 * What a route declares (the route table is shared/routes.ts, one module per area in shared/routes/). Each route is
 * one Lambda function, with the grants listed here and nothing more. Response schemas are named through the
 * argument `v` (shared/responses.ts), so that a route module, and so every handler, loads none of them.
 */
import type * as z from 'zod/mini';
import type { Group } from '#domain/vocabulary';
import type { ProblemCode } from '#domain/errors';
import type { Prefix } from '#adapters/bucket-design';
import type { ResponseSchemas } from './responses.ts';

/**
 * What a function may do in the media bucket, per prefix: read (GetObject; what a presigned GET needs),
 * write (PutObject; what a presigned POST needs) and delete (DeleteObject); readVersion and deleteVersion
 * (GetObjectVersion, DeleteObjectVersion) do the same on one version named by its id, as the verifier does.
 */
export type BucketAccess = 'read' | 'write' | 'delete' | 'readVersion' | 'deleteVersion';
export type BucketGrants = Partial<Record<Prefix, BucketAccess[]>>;

/** What a route does with the committee's accounts: invite (create or find, and add to the group), list the group, remove from it. */
export type DirectoryAccess = 'invite' | 'list' | 'remove';

export type Method = 'GET' | 'PUT' | 'POST' | 'PATCH' | 'DELETE';

/** Who may call: anyone, any signed-in user, or members of a group. */
export type Access = 'public' | 'signed-in' | Group;

/** The groups of operations in the OpenAPI document and the reference, each with what it covers. */
export const TAGS = {
  Editions: 'The yearly calls: their dates (deadlines in Beijing time or the zone an edition names), rules and categories; per-applicant extensions, closing and the audit trail. Anyone may read them; organisers change them.',
  Cases: "An applicant's cases: drafting, confirming the contact address, submission with a receipt, withdrawal. Each case is seen by its owner, the organisers and its assigned reviewers only.",
  Attachments: "A case's files: a presigned form to upload straight to storage, verification (size, type, SHA-256) before anyone can read them, short-lived download links.",
  Review: 'The expert committee: organisers assign reviewers to submitted cases of a closed edition; reviewers score them or declare a conflict of interest.',
  Selection: "The organisers' lists and decisions, the notices to the owners of selected cases, and the published results.",
  Preferences: "What an account sets about itself: the language of the e-mails it receives.",
  Vocabulary: 'The closed lists of the call (categories, case types, review criteria, decisions, statuses) with their labels in English or Simplified Chinese, so that a front end hard-codes none of them.',
  Docs: 'The API describing itself: this document and its rendered reference.',
} as const;
export type Tag = keyof typeof TAGS;

/** A success response of a route, built only for the OpenAPI document. */
export interface ResponseSpec {
  description: string;
  /** The body's schema, none for an empty body. */
  schema?: (v: ResponseSchemas) => z.ZodMiniType;
  contentType?: string;
  /** Sends the resource's version as the ETag. */
  etag?: boolean;
  /** Sends a Location: the resource created, or where to follow what was started. */
  location?: true;
}

export interface RouteSpec {
  operationId: string;
  method: Method;
  /** API Gateway style: /cases/{caseId} */
  path: string;
  /** The handler module, relative to functions/; it exports `handler`. */
  entry: string;
  access: Access;
  summary: string;
  /** What the operation does, who may call it and its notable answers (the reference shows it under the summary). */
  description: string;
  tag: Tag;
  /** The request's schemas. An area module (shared/routes/) gives them as `schemas`; the route table (shared/routes.ts) has them here. */
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  /**
   * Loads the request's schemas (a dynamic import): a function builds zod and its schemas on its first request, not at
   * cold start, where they were most of what it imported besides the SDK (npm run bench).
   */
  schemas?: () => Promise<RouteSchemas>;
  /** Success responses, by status. */
  responses: Record<number, ResponseSpec>;
  /** Problem codes this route can answer besides the ones every route can (validation, auth, rate limit). */
  problems: ProblemCode[];
  /** Grants: the single table, read-only or read-write. */
  table?: 'read' | 'write';
  /** Grants on the media bucket, by prefix (see FunctionGrants). */
  bucket?: BucketGrants;
  /** Grants on the user pool, for what the route does to the reviewers group (lib/constructs/function.ts, DIRECTORY_ACTIONS). */
  directory?: DirectoryAccess;
  /** Reads If-Match for optimistic concurrency. */
  ifMatch?: boolean;
}

export type RouteSchemas = Pick<RouteSpec, 'params' | 'query' | 'body'>;

/** A route's request schemas: those its `schemas` loads, or its own. */
export type SchemasOf<R extends RouteSpec> = R extends { schemas: () => Promise<infer S> } ? S : R;

/**
 * The `schemas` of an area's routes: `load` imports the area's request schemas, `pick` names a route's among them.
 * Dynamically imported, so a function's bundle evaluates them (and zod) on its first request.
 */
export const schemasFrom =
  <M>(load: () => Promise<M>) =>
  <const S extends RouteSchemas>(pick: (inputs: M) => S) =>
  async (): Promise<S> =>
    pick(await load());

/** Declares a route, keeping its literal type (handlers read their own route's schemas from it). */
export const route = <const T extends RouteSpec>(r: T): T => r;
