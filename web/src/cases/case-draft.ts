/**
 * The editor's copy of a case: every field as the form holds it (text as typed, empty for absent), what a field's
 * value becomes in a PATCH (a merge: each field given replaces the stored one, null clears it), and the changes not
 * saved yet, kept in this tab's sessionStorage so that an expired session, a lost network or a reload loses nothing.
 */
import type { Schemas } from '../api/client';
import type { Case } from './queries';

type Patch = Schemas['CasePatchInput'];

export interface Partner {
  name: string;
  country: string;
}

export interface Draft {
  title: string;
  titleZh: string;
  category: string;
  caseType: string;
  summary: string;
  summaryZh: string;
  description: string;
  implementedOn: string;
  countries: string[];
  organisation: { name: string; country: string };
  partners: Partner[];
  contact: { name: string; email: string; phone: string };
  /** One address per line. */
  links: string;
}

export type DraftKey = keyof Draft;

export function draftOf(c: Case): Draft {
  return {
    title: c.title ?? '',
    titleZh: c.titleZh ?? '',
    category: c.category ?? '',
    caseType: c.caseType ?? '',
    summary: c.summary ?? '',
    summaryZh: c.summaryZh ?? '',
    description: c.description ?? '',
    implementedOn: c.implementedOn ?? '',
    countries: c.countries ?? [],
    organisation: { name: c.organisation?.name ?? '', country: c.organisation?.country ?? '' },
    partners: c.partners ?? [],
    contact: { name: c.contact?.name ?? '', email: c.contact?.email ?? '', phone: c.contact?.phone ?? '' },
    links: (c.links ?? []).join('\n'),
  };
}

const text = (value: string): string | null => value.trim() || null;

/** The members that are filled in, or null when none is. */
function someOf<T extends Record<string, string>>(value: T): Partial<T> | null {
  const filled = Object.entries(value).filter(([, v]) => v.trim() !== '');
  return filled.length ? (Object.fromEntries(filled.map(([k, v]) => [k, v.trim()])) as Partial<T>) : null;
}

/** A partner is sent once it has a name and a country (the API takes no half partner). */
export const isComplete = (p: Partner): boolean => p.name.trim() !== '' && p.country !== '';

const linesOf = (value: string): string[] =>
  value
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);

/** The PATCH body that stores `keys` of `draft`. */
export function patchOf(draft: Draft, keys: Iterable<DraftKey>): Patch {
  const patch: Patch = {};
  for (const key of keys) {
    switch (key) {
      case 'category':
        patch.category = (draft.category || null) as Patch['category'];
        break;
      case 'caseType':
        patch.caseType = (draft.caseType || null) as Patch['caseType'];
        break;
      case 'implementedOn':
        patch.implementedOn = draft.implementedOn || null;
        break;
      case 'countries':
        patch.countries = draft.countries.length ? draft.countries : null;
        break;
      case 'organisation':
        patch.organisation = someOf(draft.organisation);
        break;
      case 'contact':
        patch.contact = someOf(draft.contact);
        break;
      case 'partners': {
        const complete = draft.partners.filter(isComplete).map((p) => ({ name: p.name.trim(), country: p.country }));
        patch.partners = complete.length ? complete : null;
        break;
      }
      case 'links': {
        const links = linesOf(draft.links);
        patch.links = links.length ? links : null;
        break;
      }
      default:
        patch[key] = text(draft[key]);
    }
  }
  return patch;
}

/** Whether two drafts would store the same value for `key`. */
export const sameValue = (a: Draft, b: Draft, key: DraftKey): boolean => JSON.stringify(patchOf(a, [key])) === JSON.stringify(patchOf(b, [key]));

/** Changes not yet saved: the draft, which of its fields changed, and the version they were made on. */
export interface Unsaved {
  draft: Draft;
  dirty: DraftKey[];
  version: number;
}

const unsavedKey = (caseId: string) => `practice-cases.unsaved.${caseId}`;

export function keepUnsaved(caseId: string, unsaved: Unsaved | undefined): void {
  if (unsaved && unsaved.dirty.length) sessionStorage.setItem(unsavedKey(caseId), JSON.stringify(unsaved));
  else sessionStorage.removeItem(unsavedKey(caseId));
}

export function unsavedOf(caseId: string): Unsaved | undefined {
  const kept = sessionStorage.getItem(unsavedKey(caseId));
  if (!kept) return undefined;
  try {
    return JSON.parse(kept) as Unsaved;
  } catch {
    return undefined;
  }
}
