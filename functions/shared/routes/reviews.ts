/** Review: assignments, conflicts of interest and the reviews themselves. Part of the route table (shared/routes.ts). */
import { route, schemasFrom, type RouteSpec } from '../route-spec.ts';

/**
 * This area's request schemas (route-spec.ts, schemas): `kit` loads only the building blocks (path parameters, paging),
 * which is all a read route needs; `inputs` also the request bodies.
 */
const kit = schemasFrom(() => import('#domain/schema-kit'));
const inputs = schemasFrom(async () => ({ ...(await import('#domain/review-input')), ...(await import('#domain/schema-kit')) }));

export const routes = {
  bulkAssign: route({
    operationId: 'bulkAssign', method: 'POST', path: '/editions/{editionId}/assignments', entry: 'reviews/bulk-assign.ts', access: 'organisers',
    tag: 'Review', summary: 'Assign and unassign many reviewers at once, all or nothing',
    description:
      'Every pair is checked first; if any cannot be applied, nothing changes and the 409 lists each refused pair (errors[].path = assign.<i> or unassign.<i>). ' +
      'Otherwise all are written in one transaction. Pairs already in the asked state are reported unchanged. One request makes at most 100 writes ' +
      '(an assignment is one, an unassignment one or two, plus one per case): 30 pairs always fit.',
    schemas: inputs((i) => ({ params: i.EditionParams, body: i.AssignmentsInput })),
    responses: { 200: { description: 'What changed', schema: (v) => v.BulkAssignmentResult } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  listCaseReviewers: route({
    operationId: 'listCaseReviewers', method: 'GET', path: '/cases/{caseId}/reviewers', entry: 'reviews/list-case-reviewers.ts', access: 'organisers',
    tag: 'Review', summary: "A case's reviewers: assigned, and those who declared a conflict",
    description: 'Not for the owner of the case, even as an organiser (403: a conflict of interest).',
    schemas: kit((i) => ({ params: i.CaseParams, query: i.PageQuery })),
    responses: { 200: { description: 'A page of reviewers', schema: (v) => v.page(v.Reviewer) } },
    problems: ['not-found', 'forbidden'], table: 'read',
  }),
  assignReviewer: route({
    operationId: 'assignReviewer', method: 'PUT', path: '/cases/{caseId}/reviewers/{sub}', entry: 'reviews/assign-reviewer.ts', access: 'organisers',
    tag: 'Review', summary: 'Assign a reviewer to a case',
    description: 'Only submitted cases of a closed edition. 409 when the reviewer declared a conflict of interest on the case, or owns it; 403 on a case the calling organiser owns. Assigning again changes nothing (200).',
    schemas: kit((i) => ({ params: i.ReviewerParams })),
    responses: { 200: { description: 'Already assigned', schema: (v) => v.Reviewer }, 201: { description: 'Assigned', schema: (v) => v.Reviewer } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'write',
  }),
  unassignReviewer: route({
    operationId: 'unassignReviewer', method: 'DELETE', path: '/cases/{caseId}/reviewers/{sub}', entry: 'reviews/unassign-reviewer.ts', access: 'organisers',
    tag: 'Review', summary: 'Unassign a reviewer', description: "Removes the assignment and the reviewer's review, if any, from the aggregate. 409 once a decision makes the reviews final; 403 on a case the calling organiser owns.",
    schemas: kit((i) => ({ params: i.ReviewerParams })),
    responses: { 204: { description: 'Unassigned' } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'write',
  }),
  listMyAssignments: route({
    operationId: 'listMyAssignments', method: 'GET', path: '/me/assignments', entry: 'reviews/list-my-assignments.ts', access: 'reviewers',
    tag: 'Review', summary: "The caller's assigned cases, and whether they have reviewed each",
    description: 'Reviewers: the cases they are assigned to (not those they declared a conflict on), with the case status and whether and when they saved a review. Read each with GET /cases/{caseId}.',
    schemas: kit((i) => ({ query: i.PageQuery })),
    responses: { 200: { description: 'A page of assignments', schema: (v) => v.page(v.MyAssignment) } },
    problems: [], table: 'read',
  }),
  declareConflict: route({
    operationId: 'declareConflict', method: 'POST', path: '/cases/{caseId}/conflict', entry: 'reviews/declare-conflict.ts', access: 'reviewers',
    tag: 'Review', summary: 'Declare a conflict of interest',
    description: 'For an assigned reviewer: removes the assignment and their review, and records the conflict so that nobody can assign them to the case again. Declaring it again changes nothing.',
    schemas: inputs((i) => ({ params: i.CaseParams, body: i.ConflictInput })),
    responses: { 200: { description: 'The recorded conflict', schema: (v) => v.Reviewer } },
    problems: ['not-found', 'conflict'], table: 'write',
  }),
  putMyReview: route({
    operationId: 'putMyReview', method: 'PUT', path: '/cases/{caseId}/reviews/me', entry: 'reviews/put-my-review.ts', access: 'reviewers',
    tag: 'Review', summary: "Save the caller's review of a case",
    description: 'For an assigned reviewer, until the organisers record a decision on the case (then 409). Creates (201) or replaces (200) the review; If-Match guards against overwriting an edit made elsewhere.',
    schemas: inputs((i) => ({ params: i.CaseParams, body: i.ReviewInput })),
    responses: { 200: { description: 'Replaced', schema: (v) => v.Review, etag: true }, 201: { description: 'Created', schema: (v) => v.Review, etag: true } },
    problems: ['not-found', 'conflict', 'precondition-failed'], table: 'write', ifMatch: true,
  }),
  getMyReview: route({
    operationId: 'getMyReview', method: 'GET', path: '/cases/{caseId}/reviews/me', entry: 'reviews/get-my-review.ts', access: 'reviewers',
    tag: 'Review', summary: "The caller's own review of a case", description: 'A reviewer sees only their own review, never another reviewer\'s.',
    schemas: kit((i) => ({ params: i.CaseParams })),
    responses: { 200: { description: 'The review', schema: (v) => v.Review, etag: true } },
    problems: ['not-found'], table: 'read',
  }),
  listReviews: route({
    operationId: 'listReviews', method: 'GET', path: '/cases/{caseId}/reviews', entry: 'reviews/list-reviews.ts', access: 'organisers',
    tag: 'Review', summary: "A case's reviews and their aggregate",
    description: 'Not for the owner of the case, even as an organiser (403: a conflict of interest).',
    schemas: kit((i) => ({ params: i.CaseParams, query: i.PageQuery })),
    responses: { 200: { description: 'The aggregate over all reviews, and a page of them', schema: (v) => v.CaseReviews } },
    problems: ['not-found', 'forbidden'], table: 'read',
  }),
} satisfies Record<string, RouteSpec>;
