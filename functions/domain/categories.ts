import { en } from './i18n/en.ts';
import { CATEGORY_IDS, type CategoryId } from './vocabulary.ts';

/** The categories of the call with their English names (the ids and their order: vocabulary.ts; the names: i18n/en.ts). */
export const CATEGORIES: readonly { id: CategoryId; name: string }[] = CATEGORY_IDS.map((id) => ({ id, name: en[`category.${id}`] }));

/** Rules every new edition starts with ("implemented or deployed after 2015", "at least two countries or regions"). */
export const DEFAULT_RULES = { implementedOnOrAfter: '2016-01-01', minCountries: 2 } as const;
