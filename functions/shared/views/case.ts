import { decisionFor, editableUntil, fieldsOf, reviewsFor, type CaseRecord } from '#domain/case';
import { contactConfirmed } from '#domain/contact';
import { fieldProblemIn } from '#domain/errors';
import type { Locale } from '#domain/i18n/catalogues';
import type { EditionRecord, ExtensionRecord } from '#domain/edition';
import { readiness } from '#domain/rules';
import type { Viewer } from '#domain/vocabulary';
import type { ResponseBody } from '../responses.ts';

/** What every view of a case starts with. */
const headOf = (c: Pick<CaseRecord, 'caseId' | 'editionId' | 'status' | 'title' | 'titleZh' | 'category' | 'caseType'>) => ({
  caseId: c.caseId,
  editionId: c.editionId,
  status: c.status,
  title: c.title ?? null,
  titleZh: c.titleZh ?? null,
  category: c.category ?? null,
  caseType: c.caseType ?? null,
});

/**
 * A case as `viewer` may see it, its readiness worded in `locale`: reviewers get it without contact details; its
 * owner gets until when they may change it, and `extension`, theirs for the edition if they hold one.
 */
export function caseView(c: CaseRecord, edition: EditionRecord, viewer: Viewer, now: Date, locale: Locale, extension?: ExtensionRecord): ResponseBody<'Case'> {
  const ready = readiness(fieldsOf(c), edition.rules, edition.timeZone, now);
  const view: ResponseBody<'Case'> = {
    ...headOf(c),
    summary: c.summary ?? null,
    summaryZh: c.summaryZh ?? null,
    description: c.description ?? null,
    implementedOn: c.implementedOn ?? null,
    countries: c.countries ?? null,
    organisation: c.organisation ?? null,
    partners: c.partners ?? null,
    contact: c.contact ?? null,
    links: c.links ?? null,
    readiness: { ready: ready.ready, problems: ready.problems.map((p) => fieldProblemIn(locale, p)) },
    receipt: c.receipt ?? null,
    decision: decisionFor(c, edition, viewer),
    locale: c.locale ?? null,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    version: c.version,
  };
  if (c.contact?.email) view.contactConfirmed = contactConfirmed(c);
  if (viewer === 'owner') {
    view.editableUntil = editableUntil(c, edition, extension, now);
    view.extension = extension ? { deadline: extension.deadline } : null;
  }
  if (viewer === 'reviewer') {
    delete view.contact;
    delete view.contactConfirmed;
  }
  return view;
}

/**
 * A case as the organisers' list shows it to `viewerSub`: no long texts, with its owner, decision and review
 * aggregate (null on the viewer's own case).
 */
export function caseSummary(c: Omit<CaseRecord, 'summary' | 'summaryZh' | 'description' | 'version'>, viewerSub: string): ResponseBody<'CaseSummary'> {
  return {
    ...headOf(c),
    implementedOn: c.implementedOn ?? null,
    countries: c.countries ?? [],
    organisation: c.organisation ?? null,
    owner: { sub: c.ownerId, email: c.ownerEmail },
    receipt: c.receipt ?? null,
    decision: c.decision ?? null,
    reviews: reviewsFor(c, viewerSub),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  };
}

/** What the published results show of a case: no e-mail addresses, contact details, reviews or notes. */
export function publicCase(c: CaseRecord): ResponseBody<'PublicCase'> {
  return {
    caseId: c.caseId,
    title: c.title ?? null,
    titleZh: c.titleZh ?? null,
    category: c.category ?? null,
    caseType: c.caseType ?? null,
    summary: c.summary ?? null,
    summaryZh: c.summaryZh ?? null,
    countries: c.countries ?? [],
    organisation: c.organisation ?? null,
    partners: c.partners ?? [],
  };
}
