/**
 * GET /vocabulary: the closed lists with their labels. On the light wrapper (shared/static-handler.ts), like the
 * documents: it uses no SDK client, so it must import in under 10 ms (issue 14, goal 2), and its one query field is
 * checked here against LOCALES without loading zod.
 */
import { AppError } from '#domain/errors';
import { LOCALES, t, type Locale } from '#domain/i18n/catalogues';
import { negotiateLocale } from '#domain/i18n/negotiate';
import { CASE_STATUSES, CASE_TYPES, CATEGORY_IDS, CRITERIA, DECISIONS, EDITION_STATUSES, RECOMMENDATIONS } from '#domain/vocabulary';
import type { ResponseBody } from '#shared/responses';
import { staticHandler, unknownQueryFields } from '#shared/static-handler';

/** The same for every caller of a language: shared caches may keep it. */
const CACHE_CONTROL = 'public, max-age=3600';

/** Each id of `ids` with its label, in their order. */
const labelled = <Id extends string>(ids: readonly Id[], label: (id: Id) => string) => ids.map((id) => ({ id, label: label(id) }));

export function vocabularyIn(locale: Locale): ResponseBody<'Vocabulary'> {
  return {
    locale,
    categories: labelled(CATEGORY_IDS, (id) => t(locale, `category.${id}`)),
    caseTypes: labelled(CASE_TYPES, (id) => t(locale, `caseType.${id}`)),
    criteria: labelled(CRITERIA, (id) => t(locale, `criterion.${id}`)).map((c) => ({ ...c, guidance: t(locale, `criterion.${c.id}.guidance`) })),
    // A reviewer recommends what the organisers decide: one set of labels.
    recommendations: labelled(RECOMMENDATIONS, (id) => t(locale, `decision.${id}`)),
    decisions: labelled(DECISIONS, (id) => t(locale, `decision.${id}`)),
    caseStatuses: labelled(CASE_STATUSES, (id) => t(locale, `caseStatus.${id}`)),
    editionStatuses: labelled(EDITION_STATUSES, (id) => t(locale, `editionStatus.${id}`)),
  };
}

const isLocale = (v: string): v is Locale => (LOCALES as readonly string[]).includes(v);

/**
 * The query the route declares (shared/routes/vocabulary.ts, VocabularyQuery: `lang`, one of LOCALES), with the
 * codes validation gives every other route.
 */
export function langAsked(query: Readonly<Record<string, string>>): Locale | undefined {
  const errors = unknownQueryFields(query, ['lang']);
  const lang = Object.hasOwn(query, 'lang') ? query.lang : undefined;
  if (lang !== undefined && !isLocale(lang)) errors.push({ path: 'query.lang', code: 'invalid-value', message: { key: 'field.one-of', params: { values: LOCALES.join(', ') } } });
  if (errors.length) throw new AppError('validation-failed', 'detail.invalid-query', errors);
  return lang as Locale | undefined;
}

export const handler = staticHandler(({ query, headers }) => {
  const locale = langAsked(query) ?? negotiateLocale(headers['accept-language']);
  return { status: 200, body: vocabularyIn(locale), headers: { 'cache-control': CACHE_CONTROL, 'content-language': locale } };
});
