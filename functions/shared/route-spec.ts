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
  responses: Record<number, { description: string; schema?: (v: ResponseSchemas) => z.ZodMiniType; contentType?: string; etag?: boolean }>;
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

/** Declares a route, keeping its literal type (handlers read their own route's schemas from it). */
export const route = <const T extends RouteSpec>(r: T): T => r;
