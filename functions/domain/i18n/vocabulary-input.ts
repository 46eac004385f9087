/** The query of GET /vocabulary (shared/routes/vocabulary.ts). */
import * as z from 'zod/mini';
// For its English messages (z.config) in the problems this query gives.
import '../schema-kit.ts';
import { LOCALES } from './catalogues.ts';

/** lang: the labels' language, before Accept-Language. */
export const VocabularyQuery = z.strictObject({ lang: z.optional(z.enum(LOCALES)) });
