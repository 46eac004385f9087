/**
 * Domain rules: pure functions of their inputs and the clock (passed in, never read here).
 */
import { AppError, type FieldProblem } from './errors.ts';
import type { Message } from './i18n/catalogues.ts';
import type { CaseFields } from './case-input.ts';
import type { CaseFieldName, EditionStatus } from './vocabulary.ts';

/** What a case must meet to be submitted, per edition. */
export interface Rules {
  implementedOnOrAfter: string;
  minCountries: number;
}

/** Whether a case may be submitted, and everything that stands in the way. */
export interface Readiness {
  ready: boolean;
  problems: FieldProblem[];
}

/** What the rules need to know of an edition. */
export interface EditionClock {
  opensAt: string;
  deadline: string;
  closedAt?: string | null | undefined;
  releasedAt?: string | null | undefined;
}

/** upcoming before opensAt, open until the deadline or an earlier manual close, closed after, released once published. */
export function editionStatus(e: EditionClock, now: Date): EditionStatus {
  const t = now.toISOString();
  if (e.releasedAt) return 'released';
  if (e.closedAt && e.closedAt <= t) return 'closed';
  if (t < e.opensAt) return 'upcoming';
  if (t >= e.deadline) return 'closed';
  return 'open';
}

export type Acceptance = { ok: true; until: string; viaExtension: boolean } | { ok: false; code: 'edition-not-open' | 'deadline-passed'; detail: Message };

/**
 * Whether the edition takes new cases and edits from this caller now. An extension lets one applicant go on
 * after the deadline. The same rule is enforced again in the write itself (the repository's condition
 * expression), so a late request cannot slip through between check and write.
 */
export function acceptance(e: EditionClock, now: Date, extensionDeadline?: string | null): Acceptance {
  const t = now.toISOString();
  if (e.releasedAt) return { ok: false, code: 'deadline-passed', detail: { key: 'detail.edition-published' } };
  const edition = acceptanceOfEdition(e, now);
  if (extensionDeadline && t < extensionDeadline && (!edition.ok || extensionDeadline > edition.until)) return { ok: true, until: extensionDeadline, viaExtension: true };
  return edition;
}

function acceptanceOfEdition(e: EditionClock, now: Date): Acceptance {
  const status = editionStatus(e, now);
  if (status === 'upcoming') return { ok: false, code: 'edition-not-open', detail: { key: 'detail.edition-opens', params: { at: e.opensAt } } };
  if (status === 'closed') return { ok: false, code: 'deadline-passed', detail: { key: 'detail.edition-closed', params: { at: e.closedAt && e.closedAt < e.deadline ? e.closedAt : e.deadline } } };
  return { ok: true, until: e.deadline, viaExtension: false };
}

/** The calendar date (YYYY-MM-DD) at `now` in an IANA time zone. */
export function dateIn(timeZone: string, now: Date): string {
  let format = DATE_FORMATS.get(timeZone);
  if (!format) {
    // en-CA formats as YYYY-MM-DD. Building a formatter costs ~50 µs: one per zone, kept (zones are few).
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    DATE_FORMATS.set(timeZone, format);
  }
  return format.format(now);
}

const DATE_FORMATS = new Map<string, Intl.DateTimeFormat>();

const REQUIRED: CaseFieldName[] = ['title', 'category', 'caseType', 'summary', 'description', 'implementedOn', 'countries', 'organisation', 'contact'];
/** The fields a case may carry in either language: one of the two is enough. */
const OR_IN_CHINESE: Partial<Record<CaseFieldName, CaseFieldName>> = { title: 'titleZh', summary: 'summaryZh' };

/**
 * Everything that stands between a case and submission, all at once. "Today" is the date in the edition's
 * time zone, so an applicant in Beijing can enter today's date on the morning of the deadline.
 */
export function readiness(c: CaseFields, rules: Rules, timeZone: string, now: Date): Readiness {
  const problems: FieldProblem[] = [];
  /** `what`: the words for the missing field. */
  const missing = (path: string, what: Message) => problems.push({ path, code: 'required', message: { key: 'field.required-to-submit', params: { what } } });

  const absent = (f: keyof CaseFields) => c[f] === undefined || c[f] === null;
  for (const f of REQUIRED) {
    const zh = OR_IN_CHINESE[f];
    const name = (field: CaseFieldName): Message => ({ key: `caseField.${field}` });
    if (absent(f) && (!zh || absent(zh))) missing(f, zh ? { key: 'field.required.either', params: { field: name(f), other: name(zh) } } : name(f));
  }

  if (c.implementedOn) {
    if (c.implementedOn < rules.implementedOnOrAfter) {
      problems.push({ path: 'implementedOn', code: 'implemented-too-early', message: { key: 'field.implemented-too-early', params: { date: rules.implementedOnOrAfter } } });
    } else if (c.implementedOn > dateIn(timeZone, now)) {
      problems.push({ path: 'implementedOn', code: 'implemented-in-future', message: { key: 'field.implemented-in-future' } });
    }
  }

  if (c.countries) {
    const distinct = new Set(c.countries);
    if (distinct.size !== c.countries.length) {
      problems.push({ path: 'countries', code: 'duplicate-country', message: { key: 'field.duplicate-country.any' } });
    }
    if (distinct.size < rules.minCountries) {
      problems.push({ path: 'countries', code: 'min-countries', message: { key: 'field.min-countries', params: { min: rules.minCountries } } });
    }
  }

  if (c.organisation) {
    if (!c.organisation.name) missing('organisation.name', { key: 'field.required.organisation-name' });
    if (!c.organisation.country) missing('organisation.country', { key: 'field.required.organisation-country' });
  }
  if (c.contact) {
    if (!c.contact.name) missing('contact.name', { key: 'field.required.contact-name' });
    if (!c.contact.email) missing('contact.email', { key: 'field.required.contact-email' });
  }

  return { ready: problems.length === 0, problems };
}

/** The API's 409 when the edition does not accept this caller's writes now, else undefined. */
function acceptanceError(e: EditionClock, now: Date, extensionDeadline?: string | null): AppError | undefined {
  const a = acceptance(e, now, extensionDeadline);
  return a.ok ? undefined : new AppError(a.code, a.detail);
}

/** The write's own deadline condition refused it: say why, from a fresh read of the edition. */
export function gateRefusal(fresh: EditionClock, now: Date): AppError {
  return acceptanceError(fresh, now) ?? new AppError('deadline-passed', 'detail.edition-stopped');
}
