/** Editions: their settings, deadline extensions, closing, the audit trail, release and results. Part of the route table (shared/routes.ts). */
import { route, schemasFrom, type RouteSpec } from '../route-spec.ts';

/**
 * This area's request schemas (route-spec.ts, schemas): `kit` loads only the building blocks (path parameters, paging),
 * which is all a read route needs; `inputs` also the request bodies.
 */
const kit = schemasFrom(() => import('#domain/schema-kit'));
const inputs = schemasFrom(async () => ({ ...(await import('#domain/edition-input')), ...(await import('#domain/schema-kit')) }));

export const routes = {
  listEditions: route({
    operationId: 'listEditions', method: 'GET', path: '/editions', entry: 'editions/list-editions.ts', access: 'public',
    tag: 'Editions', summary: 'Editions, newest first',
    description: 'Every edition, the latest opening first, with its dates, time zone, categories and rules. An applicant picks the one whose status is open to draft a case in it.',
    schemas: kit((i) => ({ query: i.PageQuery })),
    responses: { 200: { description: 'A page of editions', schema: (v) => v.page(v.Edition) } },
    problems: [], table: 'read',
  }),
  getEdition: route({
    operationId: 'getEdition', method: 'GET', path: '/editions/{editionId}', entry: 'editions/get-edition.ts', access: 'public',
    tag: 'Editions', summary: 'One edition',
    description: 'The deadline is an instant; timeZone says how to show it (24:00 Beijing time is 16:00 UTC the day before). The ETag is the version to send in If-Match with PUT. 404 for an unknown edition.',
    schemas: kit((i) => ({ params: i.EditionParams })),
    responses: { 200: { description: 'The edition', schema: (v) => v.Edition, etag: true } },
    problems: ['not-found'], table: 'read',
  }),
  putEdition: route({
    operationId: 'putEdition', method: 'PUT', path: '/editions/{editionId}', entry: 'editions/put-edition.ts', access: 'organisers',
    tag: 'Editions', summary: 'Create or update an edition',
    description: 'Creates the edition (201) or replaces its settings (200). Refused with 409 once the results are released.',
    schemas: inputs((i) => ({ params: i.EditionParams, body: i.EditionInput })),
    responses: {
      200: { description: 'Updated', schema: (v) => v.Edition, etag: true },
      201: { description: 'Created', schema: (v) => v.Edition, etag: true },
    },
    problems: ['conflict', 'precondition-failed'], table: 'write', ifMatch: true,
  }),
  closeEdition: route({
    operationId: 'closeEdition', method: 'POST', path: '/editions/{editionId}/close', entry: 'editions/close-edition.ts', access: 'organisers',
    tag: 'Editions', summary: 'Close the edition now', description: 'Idempotent: closing a closed edition changes nothing. Recorded in the audit trail.',
    schemas: kit((i) => ({ params: i.EditionParams })),
    responses: { 200: { description: 'The closed edition', schema: (v) => v.Edition, etag: true } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  putExtension: route({
    operationId: 'putExtension', method: 'PUT', path: '/editions/{editionId}/extensions/{sub}', entry: 'editions/put-extension.ts', access: 'organisers',
    tag: 'Editions', summary: "Give one applicant a later deadline",
    description: 'Creates or replaces the extension. Recorded in the audit trail. Refused (409) once the results are released or a decision has been recorded for the edition.',
    schemas: inputs((i) => ({ params: i.ExtensionParams, body: i.ExtensionInput })),
    responses: { 200: { description: 'The extension', schema: (v) => v.Extension } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  listAudit: route({
    operationId: 'listAudit', method: 'GET', path: '/editions/{editionId}/audit', entry: 'editions/list-audit.ts', access: 'organisers',
    tag: 'Editions', summary: 'The audit trail of an edition, newest first',
    description:
      'Every change that matters later: edition created and edited, closed (by hand or schedule), extensions, reviewers assigned and unassigned, ' +
      'conflicts declared, withdrawals, decisions, notification runs started and finished, the release. Entries are write-once and hash-chained; ' +
      'chainValid says whether the whole chain holds (consecutive seqs from 1, every hash recomputes, every prevHash matches).',
    schemas: kit((i) => ({ params: i.EditionParams, query: i.PageQuery })),
    responses: { 200: { description: 'A page of audit entries and whether the chain holds', schema: (v) => v.AuditPage } },
    problems: ['not-found'], table: 'read',
  }),
  releaseEdition: route({
    operationId: 'releaseEdition', method: 'POST', path: '/editions/{editionId}/release', entry: 'editions/release-edition.ts', access: 'organisers',
    tag: 'Selection', summary: 'Publish the results',
    description: 'Every decision becomes visible to its owner, and the results are public. Closed editions only (409); releasing again changes nothing. Audited.',
    schemas: kit((i) => ({ params: i.EditionParams })),
    responses: { 200: { description: 'The released edition', schema: (v) => v.Edition, etag: true } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  getResults: route({
    operationId: 'getResults', method: 'GET', path: '/editions/{editionId}/results', entry: 'editions/get-results.ts', access: 'public',
    tag: 'Selection', summary: 'The published results',
    description: '404 until the edition is released. Outstanding and collection cases, by title, with public fields only (the title and summary in English and Chinese where the case gives them): no e-mail addresses, contact details or reviews.',
    schemas: kit((i) => ({ params: i.EditionParams })),
    responses: { 200: { description: 'The results', schema: (v) => v.Results } },
    problems: ['not-found'], table: 'read',
  }),
} satisfies Record<string, RouteSpec>;
