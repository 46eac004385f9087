/** What an account may set about itself (PUT /me/preferences). */
import * as z from 'zod/mini';
import { LOCALES } from './i18n/catalogues.ts';
import { named } from './schema-kit.ts';

export const PreferencesInput = named(z.strictObject({ locale: z.enum(LOCALES) }), 'PreferencesInput');
export type PreferencesInput = z.infer<typeof PreferencesInput>;
