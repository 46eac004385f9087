/**
 * An account's preferences.
 * Reading them (primary course): 1. Record the account's default language if it has none yet (the language it
 * gave at sign-up, else this request's), in one conditional update that never overwrites one recorded. 2. Answer
 * what is recorded.
 * Setting them: 1. Replace them whole, as chosen by the account.
 */
import type { Caller } from '#domain/caller';
import type { Locale } from '#domain/i18n/catalogues';
import { defaultLocale, type PreferencesRecord } from '#domain/preferences';
import type { PreferencesInput } from '#domain/preferences-input';
import type { Preferences } from '../ports.ts';

export function getMyPreferences(
  ports: { preferences: Pick<Preferences, 'rememberFirstLocale'> },
  input: { caller: Caller; locale: Locale; now: Date },
): Promise<PreferencesRecord> {
  return ports.preferences.rememberFirstLocale(input.caller.sub, defaultLocale(input.caller, input.locale), input.now);
}

export async function putMyPreferences(
  ports: { preferences: Pick<Preferences, 'putPreferences'> },
  input: { caller: Caller; preferences: PreferencesInput; now: Date },
): Promise<PreferencesRecord> {
  const record: PreferencesRecord = { locale: input.preferences.locale, chosen: true, updatedAt: input.now.toISOString() };
  await ports.preferences.putPreferences(input.caller.sub, record);
  return record;
}
