/** The committee: the organisers invite reviewers by e-mail, list them with their load, and remove them. Part of the route table (shared/routes.ts). */
import { route, schemasFrom, type RouteSpec } from '../route-spec.ts';

const kit = schemasFrom(() => import('#domain/schema-kit'));
const inputs = schemasFrom(() => import('#domain/committee-input'));

const LOAD =
  'load counts the live assignments (not the cases the reviewer declared a conflict on) and those reviewed, over the editions not yet released.';

export const routes = {
  inviteReviewer: route({
    operationId: 'inviteReviewer', method: 'POST', path: '/reviewers', entry: 'committee/invite-reviewer.ts', access: 'organisers',
    tag: 'Review', summary: 'Invite a reviewer by e-mail',
    description:
      'A new address gets an account and an e-mail with a temporary password, in `locale` (201). An address that already has an account ' +
      '(an applicant, an organiser, a reviewer removed before) joins the reviewers without a second invitation (200). Either way the answer ' +
      `is the reviewer with their sub, which the assignment routes take. ${LOAD}`,
    schemas: inputs((i) => ({ body: i.ReviewerInvitationInput })),
    responses: {
      200: { description: 'An existing account, now a reviewer', schema: (v) => v.CommitteeMember },
      201: { description: 'Invited', schema: (v) => v.CommitteeMember },
    },
    problems: [], table: 'read', directory: 'invite',
  }),
  listCommittee: route({
    operationId: 'listCommittee', method: 'GET', path: '/reviewers', entry: 'committee/list-committee.ts', access: 'organisers',
    tag: 'Review', summary: 'The reviewers, with their load',
    description: `Every member of the reviewers group: name, e-mail address, whether they have signed in yet (invited, active), and their load. ${LOAD}`,
    schemas: kit((i) => ({ query: i.PageQuery })),
    responses: { 200: { description: 'A page of reviewers', schema: (v) => v.page(v.CommitteeMember) } },
    problems: [], table: 'read', directory: 'list',
  }),
  removeReviewer: route({
    operationId: 'removeReviewer', method: 'DELETE', path: '/reviewers/{sub}', entry: 'committee/remove-reviewer.ts', access: 'organisers',
    tag: 'Review', summary: 'Remove a reviewer from the committee',
    description:
      'The account leaves the reviewers group (it is not deleted): from their next sign-in they are no longer a reviewer. Their assignments ' +
      'and reviews stay: unassign them case by case (DELETE /cases/{caseId}/reviewers/{sub}) or in bulk while the edition allows. 404 when the sub is not a reviewer\'s.',
    schemas: inputs((i) => ({ params: i.MemberParams })),
    responses: { 204: { description: 'Removed' } },
    problems: ['not-found'], directory: 'remove',
  }),
} satisfies Record<string, RouteSpec>;
