/**
 * The reads the case pages share, kept for the page's life: the vocabulary per language (the API caches it for an
 * hour too) and the editions. A failed read is forgotten, so that a retry asks again.
 */
import { ok, type ApiClient, type Schemas } from '../api/client';
import type { Attachment } from '../api/upload';
import type { Locale } from '../i18n/i18n';

export type Vocabulary = Schemas['Vocabulary'];
export type Edition = Schemas['Edition'];
export type Case = Schemas['Case'];

const vocabularies = new Map<Locale, Promise<Vocabulary>>();
let editions: Promise<Edition[]> | undefined;

function kept<T>(pending: Promise<T>, forget: () => void): Promise<T> {
  pending.catch(forget);
  return pending;
}

export function loadVocabulary(api: ApiClient, locale: Locale): Promise<Vocabulary> {
  let found = vocabularies.get(locale);
  if (!found) {
    found = kept(ok(api.GET('/vocabulary', { params: { query: { lang: locale } } })), () => vocabularies.delete(locale));
    vocabularies.set(locale, found);
  }
  return found;
}

/** Every edition, newest first (a call has one a year: one page holds them). */
export function loadEditions(api: ApiClient): Promise<Edition[]> {
  editions ??= kept(
    ok(api.GET('/editions', { params: { query: { limit: 100 } } })).then((page) => page.items),
    () => (editions = undefined),
  );
  return editions;
}

/** The largest page of a case's files: a case holds at most 2 × MAX_ATTACHMENTS_PER_PURPOSE live files, so one or two pages. */
const ATTACHMENTS_PAGE = 100;

/** Every file of a case, every page. */
export async function listAttachments(api: ApiClient, caseId: string): Promise<Attachment[]> {
  const items: Attachment[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(api.GET('/cases/{caseId}/attachments', { params: { path: { caseId }, query: { limit: ATTACHMENTS_PAGE, ...(cursor ? { cursor } : {}) } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** A label from the vocabulary, else the id itself (a value newer than this page's vocabulary). */
export const labelOf = (list: readonly { id: string; label: string }[], id: string): string => list.find((entry) => entry.id === id)?.label ?? id;

/** The title to show: the Chinese one on a Chinese page when there is one, else whichever the case has. */
export const titleOf = (c: Pick<Case, 'title' | 'titleZh'>, locale: Locale): string | null =>
  (locale === 'zh-CN' ? (c.titleZh ?? c.title) : (c.title ?? c.titleZh)) || null;
