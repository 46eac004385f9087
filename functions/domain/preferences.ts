/** What an account prefers. Today its language alone: every e-mail to the account is written in it. */
import type { Caller } from './caller.ts';
import type { Locale } from './i18n/catalogues.ts';

export interface PreferencesRecord {
  locale: Locale;
  /** Whether the account chose it (PUT /me/preferences), or it was taken from their first request. */
  chosen: boolean;
  updatedAt: string;
}

/** The language an account gets until it chooses one: the one it signed up with, else that of the request at hand. */
export const defaultLocale = (caller: Caller, requestLocale: Locale): Locale => caller.locale ?? requestLocale;
