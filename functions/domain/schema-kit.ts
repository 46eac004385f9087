/**
 * The building blocks of the request schemas (edition-input.ts, case-input.ts, attachment-input.ts,
 * review-input.ts, selection-input.ts): free text, instants and dates, ids, paging. Types come from the schemas
 * (z.infer); the OpenAPI document is generated from them and the route table (shared/routes.ts).
 *
 * zod/mini, not classic zod: the same validation and JSON Schema output, at about a third of the cold-start
 * cost (npm run bench), which every function pays.
 */
import * as z from 'zod/mini';
import { isCountryCode } from './countries.ts';
import type { FieldCode, FieldKey, Message } from './i18n/catalogues.ts';
import { EDITION_ID_PATTERN, ULID_PATTERN } from './ids.ts';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './limits.ts';
import { CONTROL_CHARACTER, isMultiLineText, isSingleLine } from './text.ts';

/**
 * A check's message is a catalogue key, worded in the reader's language when the problem is answered (shared/http.ts,
 * fieldProblems); zod's own issues get theirs there too, so zod/mini loads no locale.
 */
export const says = (key: FieldKey) => ({ message: key });

/** A field problem code travels in a custom issue's params, so every layer reports the same code; its text is `field.<code>` or the variant `key`. */
export const withCode = (code: FieldCode, key: FieldKey = `field.${code}`) => ({ message: key, params: { code } });

/** A custom issue of a superRefine: its code, its text (`field.<code>` or the variant `key`) and the text's params. */
export const customIssue = (path: PropertyKey[], code: FieldCode, params: Message['params'] = {}, key: FieldKey = `field.${code}`) => ({
  code: 'custom' as const,
  path,
  message: key,
  params: { ...params, code },
});

/** Registers a schema as a named component of the OpenAPI document. */
export function named<T extends z.ZodMiniType>(schema: T, id: string, description?: string): T {
  z.globalRegistry.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

/** One line of free text (a title, a name, a reason): no control characters, no tabs or line breaks (text.ts). */
export const text = (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.refine(isSingleLine, withCode(CONTROL_CHARACTER)));

/** Long free text (a summary, a description, a comment): tabs and line breaks allowed, no other control character. */
export const longText = (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.refine(isMultiLineText, withCode(CONTROL_CHARACTER, 'field.control-character.long-text')));

export const Instant = z
  .pipe(
    z.iso.datetime({ offset: true }),
    z.transform((s: string) => new Date(s).toISOString()),
  )
  .register(z.globalRegistry, { description: 'ISO 8601 instant; returned in UTC', examples: ['2024-06-20T16:00:00.000Z'] });

export const CalendarDate = z.iso.date().register(z.globalRegistry, { description: 'YYYY-MM-DD', examples: ['2019-05-01'] });

/** Zones already found valid: checking one builds a formatter (~50 µs), so each is checked once. */
const TIME_ZONES = new Set<string>();

/** An IANA zone the runtime knows, canonical or alias. */
function isTimeZone(tz: string): boolean {
  if (TIME_ZONES.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  TIME_ZONES.add(tz); // only valid zones are kept, so the set stays bounded
  return true;
}

export const TimeZone = z
  .string()
  .check(z.maxLength(64), z.refine((tz) => isTimeZone(tz), withCode('unknown-time-zone')))
  .register(z.globalRegistry, { examples: ['Asia/Shanghai'] });

export const CountryCode = z
  .string()
  .check(z.refine(isCountryCode, withCode('unknown-country')))
  .register(z.globalRegistry, { description: 'ISO 3166-1 alpha-2 code of a country or region', examples: ['CN'] });

export const Email = z.email().check(z.maxLength(254));
export const Phone = z.string().check(z.trim(), z.regex(/^[+()0-9 .\-/]{5,40}$/, says('field.phone')));

export const EditionId = z.string().check(z.regex(EDITION_ID_PATTERN, says('field.edition-id'))).register(z.globalRegistry, { examples: ['2024'] });
export const Ulid = z.string().check(z.regex(ULID_PATTERN, says('field.ulid'))).register(z.globalRegistry, { examples: ['01J8Z3N4QK7M2XG5V6R9T0BCDE'] });
/** A Cognito sub (a UUID) or a local test user's id. */
export const Sub = z.string().check(z.regex(/^[A-Za-z0-9._@:+-]{1,128}$/, says('field.sub')));

/**
 * The path parameters of the routes, here rather than with their area's bodies: a read route's first request (which
 * loads its schemas, shared/route-spec.ts) then builds these building blocks only, not the area's request bodies.
 */
export const CaseParams = z.strictObject({ caseId: Ulid });
export const EditionParams = z.strictObject({ editionId: EditionId });
export const ExtensionParams = z.strictObject({ editionId: EditionId, sub: Sub });
export const AttachmentParams = z.strictObject({ caseId: Ulid, attachmentId: Ulid });
export const ReviewerParams = z.strictObject({ caseId: Ulid, sub: Sub });

export const PageQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(PAGE_SIZE_MAX)), PAGE_SIZE_DEFAULT),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
});
