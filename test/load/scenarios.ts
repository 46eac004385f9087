/**
 * The scenarios of `npm run load`, in the order they run, each built so that every request it sends is
 * legitimately 2xx: the caller may do it, the resource exists, no limit is reached and no two connections
 * write the same case at once.
 */
import { MAX_CASES_PER_APPLICANT } from '../../functions/domain/limits.ts';
import { MAX_ATTACHMENTS_PER_PURPOSE } from '../../functions/domain/uploads.ts';
import { routes } from '../../functions/shared/routes.ts';
import type { RouteSpec } from '../../functions/shared/routes.ts';
import { caseFields } from '../support/cases.ts';
import type { RequestTemplate, Rotation } from './protocol.ts';

/** The most supporting files a case may have. */
export const FILES_PER_CASE = MAX_ATTACHMENTS_PER_PURPOSE;
/** The most cases an applicant may create in an edition. */
export const CASES_PER_APPLICANT = MAX_CASES_PER_APPLICANT;

/** What may be done only so many more times: an applicant's cases in the edition, a case's supporting files. */
export interface Allowance {
  left: number;
}

export interface Applicant {
  sub: string;
  token: string;
  cases: Allowance;
}

export interface LoadCase {
  caseId: string;
  owner: Applicant;
  files: Allowance;
}

/** What the scenarios work on, seeded by run.ts and grown by the scenarios that create. */
export interface Fixture {
  editionId: string;
  organiserToken: string;
  /** Every applicant: the seeded ones first, then those added when the others' allowance of cases ran low. */
  applicants: Applicant[];
  /** The cases seeded before the first scenario, one per applicant then. */
  seeded: LoadCase[];
  /** The cases made since (createCase's, and more seeded for createAttachment), in the order created. */
  created: LoadCase[];
}

export interface Scenario {
  name: string;
  route: RouteSpec;
  rotation: Rotation;
  /** Built when the scenario starts (the fixture grows as scenarios run). */
  templates(f: Fixture): RequestTemplate[];
  /** createCase: the 2xx answers' case ids are added to fixture.created, owned by the template's applicant. */
  collectCaseIds?: boolean;
  owners?(f: Fixture): Applicant[];
  /**
   * A scenario whose requests each use up an allowance: which one (run.ts makes sure there is enough before a
   * run), and the allowances behind the templates, in the templates' order (each template's `uses` is its
   * allowance's `left`; what a run used is deducted).
   */
  spends?: 'cases' | 'files';
  allowances?(f: Fixture): Allowance[];
}

const json = { 'content-type': 'application/json' };
const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const pathOf = (route: RouteSpec, params: Record<string, string>) => route.path.replace(/\{(\w+)\}/g, (_, k: string) => encodeURIComponent(params[k]!));

/** The cases that may still take a supporting file: the drafts createCase made first, then the seeded ones. */
export function attachableCases(f: Fixture): LoadCase[] {
  return [...f.created, ...f.seeded].filter((c) => c.files.left > 0);
}

/** The applicants who may still create a case in the edition. */
export function creators(f: Fixture): Applicant[] {
  return f.applicants.filter((a) => a.cases.left > 0);
}

export const SCENARIOS: Scenario[] = [
  {
    name: 'getEdition',
    route: routes.getEdition,
    rotation: 'shared',
    templates: (f) => [{ method: 'GET', path: pathOf(routes.getEdition, { editionId: f.editionId }), headers: {} }],
  },
  {
    name: 'getCase',
    route: routes.getCase,
    rotation: 'shared',
    templates: (f) => f.seeded.map((c) => ({ method: 'GET', path: pathOf(routes.getCase, { caseId: c.caseId }), headers: bearer(c.owner.token) })),
  },
  {
    name: 'listMyCases',
    route: routes.listMyCases,
    rotation: 'shared',
    templates: (f) => f.seeded.map((c) => ({ method: 'GET', path: routes.listMyCases.path, headers: bearer(c.owner.token) })),
  },
  {
    // A merge without If-Match: each connection edits its own cases, so no write races another to a case.
    name: 'patchCase',
    route: routes.patchCase,
    rotation: 'per-connection',
    templates: (f) =>
      f.seeded.map((c) => ({
        method: 'PATCH',
        path: pathOf(routes.patchCase, { caseId: c.caseId }),
        headers: { ...bearer(c.owner.token), ...json },
        body: JSON.stringify({ summary: 'Fixed wireless broadband for 140 villages, built by a cooperative of local operators (edit {n}).' }),
      })),
  },
  {
    // Drafts in one open edition, spread over the applicants: each may create at most 20 cases in it, so each
    // template (an applicant) carries the cases they may still create.
    name: 'createCase',
    route: routes.createCase,
    rotation: 'shared',
    collectCaseIds: true,
    spends: 'cases',
    owners: creators,
    allowances: (f) => creators(f).map((a) => a.cases),
    templates: (f) =>
      creators(f).map((a) => ({
        method: 'POST',
        path: pathOf(routes.createCase, { editionId: f.editionId }),
        headers: { ...bearer(a.token), ...json },
        body: JSON.stringify(caseFields('Community broadband for mountain villages ({n})', `${a.sub}@example.org`)),
        uses: a.cases.left,
      })),
  },
  {
    // The upload-URL route: a pending attachment and a presigned POST. At most 10 supporting files a case, so
    // each template (a case) carries the files it may still take, and each connection works on its own cases.
    name: 'createAttachment',
    route: routes.createAttachment,
    rotation: 'per-connection',
    spends: 'files',
    allowances: (f) => attachableCases(f).map((c) => c.files),
    templates: (f) =>
      attachableCases(f).map((c) => ({
        method: 'POST',
        path: pathOf(routes.createAttachment, { caseId: c.caseId }),
        headers: { ...bearer(c.owner.token), ...json },
        body: JSON.stringify({ fileName: 'evidence-{n}.pdf', contentType: 'application/pdf', size: 245_760, purpose: 'supporting' }),
        uses: c.files.left,
      })),
  },
  {
    // The organisers' list: a page of 25, newest first, merged from the edition's 16 index shards.
    name: 'listEditionCases',
    route: routes.listEditionCases,
    rotation: 'shared',
    templates: (f) => [{ method: 'GET', path: pathOf(routes.listEditionCases, { editionId: f.editionId }), headers: bearer(f.organiserToken) }],
  },
];
