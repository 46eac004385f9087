/**
 * The reads the release pages share. The edition is read afresh on each page (not from cases/queries.ts' cache): its
 * status is what these pages change and check (closed, then released).
 */
import { ok, type ApiClient, type Schemas } from '../api/client';
import { titleOf } from '../cases/queries';
import type { Locale } from '../i18n/i18n';

export type CaseSummary = Schemas['CaseSummary'];
export type SelectedDecision = 'outstanding' | 'collection';

/** The decisions that are notified and published, in the order the pages show them. */
export const SELECTED: readonly SelectedDecision[] = ['outstanding', 'collection'];

/** The largest page the API gives: an edition selects a few dozen cases, so one or two pages each. */
const PAGE = 100;

export const loadEdition = (api: ApiClient, editionId: string) => ok(api.GET('/editions/{editionId}', { params: { path: { editionId } } }));

/** Every case of the edition with `decision`, every page. */
async function casesDecided(api: ApiClient, editionId: string, decision: SelectedDecision): Promise<CaseSummary[]> {
  const items: CaseSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await ok(api.GET('/editions/{editionId}/cases', { params: { path: { editionId }, query: { decision, limit: PAGE, ...(cursor ? { cursor } : {}) } } }));
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** The selected cases by decision: those the notices go to and the results publish. */
export async function selectedCases(api: ApiClient, editionId: string): Promise<Record<SelectedDecision, CaseSummary[]>> {
  const [outstanding, collection] = await Promise.all([casesDecided(api, editionId, 'outstanding'), casesDecided(api, editionId, 'collection')]);
  return { outstanding, collection };
}

/**
 * A text the case may give in English (`en`) and in Chinese (`zh`), chosen as titles are (cases/queries.ts titleOf),
 * with the language it is in: an English title on a Chinese page is read by a screen reader in English.
 */
export function inPageLanguage(en: string | null, zh: string | null, locale: Locale): { text: string; lang: Locale } | null {
  const text = titleOf({ title: en, titleZh: zh }, locale);
  return text === null ? null : { text, lang: text === zh ? 'zh-CN' : 'en' };
}
