import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import type { ApiClient } from './api/client';
import type { AppConfig } from './config';
import type { Locale, Translate } from './i18n/i18n';
import type { Session } from './session/session';

/** What every page reads: the configuration, the API client, the language and who is signed in. */
export interface AppContextValue {
  config: AppConfig;
  api: ApiClient;
  locale: Locale;
  t: Translate;
  setLocale: (locale: Locale) => void;
  session: Session | undefined;
  signedIn: (session: Session) => void;
  signOut: () => void;
}

export const AppContext = createContext<AppContextValue | undefined>(undefined);

export function useApp(): AppContextValue {
  const value = useContext(AppContext);
  if (!value) throw new Error('useApp() outside <AppContext.Provider>');
  return value;
}
