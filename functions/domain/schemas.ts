/**
 * The shapes of the API, as zod schemas. Types come from here (z.infer); the OpenAPI document is generated
 * from here and the route table (shared/routes.ts).
 */
import * as z from 'zod';
import { CASE_TYPES, CATEGORY_IDS } from './categories.ts';
import { isCountryCode } from './countries.ts';
import { EDITION_ID_PATTERN, ULID_PATTERN } from './ids.ts';

// ---------- building blocks ----------

/** A field problem code travels in a custom issue's params, so every layer reports the same code. */
const withCode = (code: string, message: string) => ({ message, params: { code } });

export const text = (max: number) => z.string().trim().min(1).max(max);

export const Instant = z.iso
  .datetime({ offset: true })
  .transform((s) => new Date(s).toISOString())
  .meta({ description: 'ISO 8601 instant; returned in UTC', example: '2024-06-20T16:00:00.000Z' });

export const CalendarDate = z.iso.date().meta({ description: 'YYYY-MM-DD', example: '2019-05-01' });

export const TimeZone = z
  .string()
  .max(64)
  .refine((tz) => isTimeZone(tz), withCode('unknown-time-zone', 'Not an IANA time zone'))
  .meta({ example: 'Asia/Shanghai' });

/** Zones already found valid: checking one builds a formatter (~50 µs), so each is checked once. */
const TIME_ZONES = new Set<string>();

/** An IANA zone the runtime knows, canonical or alias. */
export function isTimeZone(tz: string): boolean {
  if (TIME_ZONES.has(tz)) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
  } catch {
    return false;
  }
  TIME_ZONES.add(tz); // only valid zones are kept, so the set stays bounded
  return true;
}

export const CountryCode = z
  .string()
  .refine(isCountryCode, withCode('unknown-country', 'Not an ISO 3166-1 alpha-2 code (upper case)'))
  .meta({ description: 'ISO 3166-1 alpha-2 code of a country or region', example: 'CN' });

export const Email = z.email().max(254);
export const Phone = z.string().trim().regex(/^[+()0-9 .\-/]{5,40}$/, 'A phone number: digits, spaces, + ( ) . - /');

export const EditionId = z.string().regex(EDITION_ID_PATTERN, 'An edition id such as 2024 or 2025-pilot').meta({ example: '2024' });
export const Ulid = z.string().regex(ULID_PATTERN, 'A ULID').meta({ example: '01J8Z3N4QK7M2XG5V6R9T0BCDE' });

export const Category = z.enum(CATEGORY_IDS);
export const CaseType = z.enum(CASE_TYPES);

export const Contact = z.strictObject({ name: text(200), email: Email, phone: Phone.optional() });

// ---------- pagination ----------

export const PageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().min(1).max(2048).optional(),
});

export const page = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });

// ---------- problems ----------

export const FieldProblemSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const ProblemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    code: z.string(),
    detail: z.string().optional(),
    instance: z.string().optional(),
    errors: z.array(FieldProblemSchema).optional(),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details' });

// ---------- editions ----------

export const EditionInput = z
  .strictObject({
    name: text(200),
    opensAt: Instant,
    deadline: Instant,
    timeZone: TimeZone,
    materialsDeadline: Instant.nullable().optional(),
    contact: Contact.nullable().optional(),
  })
  .superRefine((e, ctx) => {
    if (e.deadline <= e.opensAt) {
      ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'The deadline must be after opensAt', params: { code: 'deadline-before-opening' } });
    }
    if (e.materialsDeadline && e.materialsDeadline <= e.deadline) {
      ctx.addIssue({ code: 'custom', path: ['materialsDeadline'], message: 'The materials deadline must be after the deadline', params: { code: 'materials-before-deadline' } });
    }
  })
  .meta({ id: 'EditionInput' });
export type EditionInput = z.infer<typeof EditionInput>;

export const EditionStatus = z.enum(['upcoming', 'open', 'closed', 'released']);
export type EditionStatus = z.infer<typeof EditionStatus>;

export const Rules = z.object({ implementedOnOrAfter: CalendarDate, minCountries: z.number().int().min(1) });
export type Rules = z.infer<typeof Rules>;

export const Edition = z
  .object({
    editionId: EditionId,
    name: z.string(),
    status: EditionStatus,
    opensAt: z.string(),
    deadline: z.string(),
    timeZone: z.string(),
    materialsDeadline: z.string().nullable(),
    categories: z.array(z.object({ id: Category, name: z.string() })),
    rules: Rules,
    contact: Contact.nullable(),
    version: z.number().int(),
  })
  .meta({ id: 'Edition' });
export type Edition = z.infer<typeof Edition>;

export const EditionParams = z.strictObject({ editionId: EditionId });

// ---------- cases ----------

const Countries = z
  .array(CountryCode)
  .max(60)
  .superRefine((codes, ctx) => {
    const seen = new Set<string>();
    codes.forEach((c, i) => {
      if (seen.has(c)) ctx.addIssue({ code: 'custom', path: [i], message: `${c} is listed twice`, params: { code: 'duplicate-country' } });
      seen.add(c);
    });
  });

const Organisation = z.strictObject({ name: text(200).optional(), country: CountryCode.optional() });
const Partner = z.strictObject({ name: text(200), country: CountryCode });
/** A draft's contact may be incomplete; readiness says what is missing. */
const DraftContact = z.strictObject({ name: text(200).optional(), email: Email.optional(), phone: Phone.optional() });
const Link = z.url({ protocol: /^https?$/, hostname: z.regexes.domain }).max(2000);

/** The fields an applicant owns. Every one may be missing in a draft. */
export const caseFieldShape = {
  title: text(200),
  category: Category,
  caseType: CaseType,
  summary: text(2000),
  description: text(20000),
  implementedOn: CalendarDate,
  countries: Countries,
  organisation: Organisation,
  partners: z.array(Partner).max(50),
  contact: DraftContact,
  links: z.array(Link).max(20),
};
export type CaseFieldName = keyof typeof caseFieldShape;
export const CASE_FIELD_NAMES = Object.keys(caseFieldShape) as CaseFieldName[];

export const CaseCreateInput = z.strictObject(caseFieldShape).partial().meta({ id: 'CaseCreateInput' });
export type CaseFields = z.infer<typeof CaseCreateInput>;

/** PATCH merges: a given field replaces the stored one; null removes it. */
export const CasePatchInput = z
  .strictObject(
    Object.fromEntries(CASE_FIELD_NAMES.map((k) => [k, caseFieldShape[k].nullable().optional()])) as {
      [K in CaseFieldName]: z.ZodOptional<z.ZodNullable<(typeof caseFieldShape)[K]>>;
    },
  )
  .refine((p) => Object.keys(p).length > 0, withCode('empty-patch', 'Give at least one field to change'))
  .meta({ id: 'CasePatchInput' });
export type CasePatch = z.infer<typeof CasePatchInput>;

export const CaseStatus = z.enum(['draft', 'submitted', 'withdrawn']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const Decision = z.enum(['outstanding', 'collection', 'not-selected']);

export const Readiness = z.object({ ready: z.boolean(), problems: z.array(FieldProblemSchema) });
export type Readiness = z.infer<typeof Readiness>;

const nullableField = <T extends z.ZodType>(s: T) => s.nullable();

export const Case = z
  .object({
    caseId: Ulid,
    editionId: EditionId,
    status: CaseStatus,
    title: nullableField(z.string()),
    category: nullableField(Category),
    caseType: nullableField(CaseType),
    summary: nullableField(z.string()),
    description: nullableField(z.string()),
    implementedOn: nullableField(z.string()),
    countries: nullableField(z.array(z.string())),
    organisation: nullableField(z.object({ name: z.string().optional(), country: z.string().optional() })),
    partners: nullableField(z.array(z.object({ name: z.string(), country: z.string() }))),
    contact: nullableField(z.object({ name: z.string().optional(), email: z.string().optional(), phone: z.string().optional() })).optional(),
    links: nullableField(z.array(z.string())),
    readiness: Readiness,
    receipt: z.object({ submittedAt: z.string(), sha256: z.string() }).nullable(),
    decision: Decision.nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
    version: z.number().int(),
  })
  .meta({ id: 'Case', description: 'A case. Reviewers get it without contact details.' });
export type CaseView = z.infer<typeof Case>;

export const CaseParams = z.strictObject({ caseId: Ulid });
