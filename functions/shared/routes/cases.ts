/** Cases: an applicant's drafts, contact confirmation, submission and withdrawal. Part of the route table (shared/routes.ts). */
import { CONTACT_CODE_MAX_ATTEMPTS, CONTACT_CODE_RESEND_SECONDS, CONTACT_CODES_PER_APPLICANT_PER_DAY, CONTACT_CODES_PER_CASE_PER_DAY } from '#domain/limits';
import { route, schemasFrom, type RouteSpec } from '../route-spec.ts';

/**
 * This area's request schemas (route-spec.ts, schemas): `kit` loads only the building blocks (path parameters, paging),
 * which is all a read route needs; `inputs` also the request bodies.
 */
const kit = schemasFrom(() => import('#domain/schema-kit'));
const inputs = schemasFrom(async () => ({ ...(await import('#domain/case-input')), ...(await import('#domain/schema-kit')) }));

export const routes = {
  createCase: route({
    operationId: 'createCase', method: 'POST', path: '/editions/{editionId}/cases', entry: 'cases/create-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Draft a new case',
    description: 'Any signed-in user, while the edition is open (409 edition-not-open before it opens, deadline-passed after). Any field may be missing in a draft; readiness lists what stands between it and submission. The title and summary may be given in English (title, summary), in Chinese (titleZh, summaryZh) or both. locale, the language of the case (and of the e-mails to its contact), defaults to that of the request (Accept-Language). Answers 201 with the case, its version as the ETag and its URL as the Location.',
    schemas: inputs((i) => ({ params: i.EditionParams, body: i.CaseCreateInput })),
    responses: { 201: { description: 'The new draft', schema: (v) => v.Case, etag: true, location: true } },
    problems: ['not-found', 'edition-not-open', 'deadline-passed'], table: 'write',
  }),
  listMyCases: route({
    operationId: 'listMyCases', method: 'GET', path: '/me/cases', entry: 'cases/list-my-cases.ts', access: 'signed-in',
    tag: 'Cases', summary: "The caller's cases, all editions, newest first",
    description: 'Any signed-in user: the cases they own, drafts, submitted and withdrawn, each as GET /cases/{caseId} shows it to its owner. Never anyone else\'s.',
    schemas: kit((i) => ({ query: i.PageQuery })),
    responses: { 200: { description: 'A page of cases', schema: (v) => v.page(v.Case) } },
    problems: [], table: 'read',
  }),
  getCase: route({
    operationId: 'getCase', method: 'GET', path: '/cases/{caseId}', entry: 'cases/get-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'One case', description: 'For its owner, organisers and assigned reviewers (who get it without contact details). Anyone else gets 404.',
    schemas: kit((i) => ({ params: i.CaseParams })),
    responses: { 200: { description: 'The case', schema: (v) => v.Case, etag: true } },
    problems: ['not-found'], table: 'read',
  }),
  patchCase: route({
    operationId: 'patchCase', method: 'PATCH', path: '/cases/{caseId}', entry: 'cases/patch-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Change fields of a case',
    description: 'Merge: a given field replaces the stored one, null removes it (but locale, which a case always has). Only while the edition accepts submissions. A submitted case must stay eligible (422).',
    schemas: inputs((i) => ({ params: i.CaseParams, body: i.CasePatchInput })),
    responses: { 200: { description: 'The case as stored', schema: (v) => v.Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed', 'precondition-failed', 'not-eligible'],
    table: 'write', ifMatch: true,
  }),
  submitCase: route({
    operationId: 'submitCase', method: 'POST', path: '/cases/{caseId}/submit', entry: 'cases/submit-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Submit a case',
    description:
      'Checks every rule at once (422 not-eligible lists all problems), then marks the case submitted with a receipt: the server time and a SHA-256 ' +
      'over the canonical form of the submitted fields and the verified attachments (see the README, "Receipts"). Queues a confirmation e-mail to the ' +
      "owner's account address (the contact in copy once confirmed), sent moments after the answer, at most one a case an hour: a re-submit within the hour still answers with its " +
      'new receipt, and the next confirmation, at the end of the hour, says the receipt current then. Submitting again, or editing a submitted case, issues a new receipt.',
    schemas: kit((i) => ({ params: i.CaseParams })),
    responses: { 200: { description: 'The submitted case with its receipt', schema: (v) => v.Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict', 'edition-not-open', 'deadline-passed', 'not-eligible', 'precondition-failed'],
    table: 'write', ifMatch: true,
  }),
  sendContactCode: route({
    operationId: 'sendContactCode', method: 'POST', path: '/cases/{caseId}/contact/verification', entry: 'cases/contact-verification.ts', access: 'signed-in',
    tag: 'Cases', summary: "Send a code to the case's contact address",
    description:
      "E-mails to a case go to its owner's account address; the contact is copied only once its address is confirmed. This sends a code to that " +
      `address (and nowhere else); the owner then enters it with POST /cases/{caseId}/contact/confirm. One code a case every ${CONTACT_CODE_RESEND_SECONDS / 60} minutes, ` +
      `${CONTACT_CODES_PER_CASE_PER_DAY} a day, ${CONTACT_CODES_PER_APPLICANT_PER_DAY} a day for all of an applicant's cases (429 beyond). 409 when the case has no contact address, it is already confirmed, or the case is withdrawn.`,
    schemas: kit((i) => ({ params: i.CaseParams })),
    responses: { 202: { description: 'The code is on its way', schema: (v) => v.ContactVerification } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'write',
  }),
  confirmContact: route({
    operationId: 'confirmContact', method: 'POST', path: '/cases/{caseId}/contact/confirm', entry: 'cases/contact-confirm.ts', access: 'signed-in',
    tag: 'Cases', summary: "Confirm the case's contact address with the code sent to it",
    description:
      `A wrong code is a 400 (field problem wrong-code; expired: code-expired); after ${CONTACT_CODE_MAX_ATTEMPTS} wrong codes the code is locked (409) and a new one must be asked for. ` +
      'Confirmed, the contact is copied on the e-mails about the case, until its address changes. Confirming again changes nothing.',
    schemas: inputs((i) => ({ params: i.CaseParams, body: i.ContactConfirmInput })),
    responses: { 200: { description: 'The case, its contact confirmed', schema: (v) => v.Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict'], table: 'write',
  }),
  withdrawCase: route({
    operationId: 'withdrawCase', method: 'POST', path: '/cases/{caseId}/withdraw', entry: 'cases/withdraw-case.ts', access: 'signed-in',
    tag: 'Cases', summary: 'Withdraw a case', description: 'Until the results are released. A withdrawn case can no longer change.',
    schemas: kit((i) => ({ params: i.CaseParams })),
    responses: { 200: { description: 'The withdrawn case', schema: (v) => v.Case, etag: true } },
    problems: ['not-found', 'forbidden', 'conflict', 'precondition-failed'],
    table: 'write', ifMatch: true,
  }),
} satisfies Record<string, RouteSpec>;
