/** Selection: the organisers' lists of an edition's cases and their decisions. Part of the route table (shared/routes.ts). */
import { route, schemasFrom, type RouteSpec } from '../route-spec.ts';

/** This area's request schemas (route-spec.ts, schemas). */
const inputs = schemasFrom(async () => ({ ...(await import('#domain/selection-input')), ...(await import('#domain/schema-kit')) }));

export const routes = {
  listEditionCases: route({
    operationId: 'listEditionCases', method: 'GET', path: '/editions/{editionId}/cases', entry: 'selection/list-edition-cases.ts', access: 'organisers',
    tag: 'Selection', summary: "An edition's cases, with decision and review aggregate",
    description:
      'Newest first, or with sort=score the submitted cases ranked by mean total score (best first; cases without reviews last). Filters combine: ' +
      'status, category, country (any of the case\'s countries), decision (none for undecided). Served by Query on sharded indexes, never a Scan. ' +
      'A cursor belongs to its filters and sort: reuse it only with the same ones.',
    schemas: inputs((i) => ({ params: i.EditionParams, query: i.EditionCasesQuery })),
    responses: { 200: { description: 'A page of cases', schema: (v) => v.page(v.CaseSummary) } },
    problems: ['not-found'], table: 'read',
  }),
  exportEditionCases: route({
    operationId: 'exportEditionCases', method: 'GET', path: '/editions/{editionId}/cases.csv', entry: 'selection/export-edition-cases.ts', access: 'organisers',
    tag: 'Selection', summary: "An edition's cases as CSV",
    description:
      'One row per case, with the same filters and sort as the list, and no paging: the fields (the title and summary in English and Chinese, ' +
      'title, titleZh, summary, summaryZh; not the description), countries, the attachment count, ' +
      'the review aggregate and the decision. UTF-8 with a byte order mark and CRLF line ends (RFC 4180); a cell that a spreadsheet would read as a ' +
      "formula (starting with = + - @, tab or carriage return) is prefixed with '.",
    schemas: inputs((i) => ({ params: i.EditionParams, query: i.EditionCasesCsvQuery })),
    responses: { 200: { description: 'CSV', contentType: 'text/csv' } },
    problems: ['not-found', 'payload-too-large'], table: 'read',
  }),
  putDecision: route({
    operationId: 'putDecision', method: 'PUT', path: '/cases/{caseId}/decision', entry: 'selection/put-decision.ts', access: 'organisers',
    tag: 'Selection', summary: "Record the organisers' decision on a case",
    description:
      'outstanding, collection or not-selected, with an optional note (audited, never shown to the owner). Only for submitted cases of a closed, unreleased edition. ' +
      "The owner sees the decision once their notice is sent or the results are released; after the notice it can no longer change (409). It also makes the case's reviews final, " +
      'freezes the case for its owner (their writes answer 409, extension or not) and ends the granting of extensions for the edition. ' +
      'The owner of the case cannot decide it, even as an organiser (403).',
    schemas: inputs((i) => ({ params: i.CaseParams, body: i.DecisionInput })),
    responses: { 200: { description: 'The case with its decision', schema: (v) => v.Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'write',
  }),
} satisfies Record<string, RouteSpec>;
