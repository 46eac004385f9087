/**
 * The language of an e-mail, chosen when it is rendered (by a worker, or the notification workflow): to a case's
 * owner, the language their account prefers now; to anyone else (the case contact), the case's language. Either
 * falls back to the case's language, then the default.
 */
import type { CaseRecord } from '#domain/case';
import { DEFAULT_LOCALE, type Locale } from '#domain/i18n/catalogues';
import type { Preferences } from './ports.ts';

export interface RecipientLocalePorts {
  preferences: Pick<Preferences, 'getPreferences'>;
}

export const caseLocale = (c: Pick<CaseRecord, 'locale'>): Locale => c.locale ?? DEFAULT_LOCALE;

export async function ownerLocale(ports: RecipientLocalePorts, c: Pick<CaseRecord, 'ownerId' | 'locale'>): Promise<Locale> {
  return (await ports.preferences.getPreferences(c.ownerId))?.locale ?? caseLocale(c);
}
