/** An account's preferences (domain/preferences.ts): one item, USER#<sub> / PREFERENCES. */
import type { Locale } from '#domain/i18n/catalogues';
import type { PreferencesRecord } from '#domain/preferences';
import { ENTITIES, keys, recordOf } from './table-design.ts';
import * as table from './table-io.ts';
import { tx, type TransactItem } from './table.ts';

export async function getPreferences(sub: string): Promise<PreferencesRecord | undefined> {
  const out = await table.get({ Key: keys.preferences(sub) });
  return out.Item ? recordOf<PreferencesRecord>(out.Item) : undefined;
}

export async function putPreferences(sub: string, prefs: PreferencesRecord): Promise<void> {
  await table.put({ Item: { ...keys.preferences(sub), type: ENTITIES.preferences.type, ...prefs } });
}

/** The language of a first request, kept unless the account has preferences already: an Update, never a failed condition. */
const defaultUpdate = (sub: string, locale: Locale, now: Date) => ({
  Key: keys.preferences(sub),
  UpdateExpression: 'SET #type = if_not_exists(#type, :type), locale = if_not_exists(locale, :locale), chosen = if_not_exists(chosen, :no), updatedAt = if_not_exists(updatedAt, :now)',
  ExpressionAttributeNames: { '#type': 'type' },
  ExpressionAttributeValues: { ':type': ENTITIES.preferences.type, ':locale': locale, ':no': false, ':now': now.toISOString() },
});

/** Records `locale` as the account's language if it has none yet, and answers the preferences as they now stand. */
export async function rememberFirstLocale(sub: string, locale: Locale, now: Date): Promise<PreferencesRecord> {
  const out = await table.update({ ...defaultUpdate(sub, locale, now), ReturnValues: 'ALL_NEW' });
  return recordOf<PreferencesRecord>(out.Attributes ?? {});
}

/** The same, as one item of a transaction (create-case's). */
export const firstLocaleItem = (sub: string, locale: Locale, now: Date): TransactItem => tx.update(defaultUpdate(sub, locale, now));
