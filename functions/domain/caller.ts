import type { Locale } from './i18n/catalogues.ts';
import type { Group } from './vocabulary.ts';

/** Who makes a request: the verified claims of their token (shared/auth.ts reads them). */
export interface Caller {
  sub: string;
  email: string;
  groups: Group[];
  /** The language the account gave at sign-up (its `locale` attribute), when it is one we speak. */
  locale?: Locale;
}
