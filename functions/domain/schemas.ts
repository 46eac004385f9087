/**
 * The shapes of the API, as zod schemas. Types come from here (z.infer); the OpenAPI document is generated
 * from here and the route table (shared/routes.ts).
 *
 * zod/mini, not classic zod: the same validation and JSON Schema output, at about a third of the cold-start
 * cost (npm run bench), which every function pays.
 */
import * as z from 'zod/mini';
import en from 'zod/v4/locales/en.js';
import { CASE_TYPES, CATEGORY_IDS } from './categories.ts';
import { isCountryCode } from './countries.ts';
import { EDITION_ID_PATTERN, ULID_PATTERN } from './ids.ts';
import { CONTENT_TYPES, labelOf, maxBytesOf, PURPOSES, UPLOAD_KINDS } from './uploads.ts';
import { AUDIT_ACTIONS } from './edition.ts';
import { PAGE_SIZE_DEFAULT, PAGE_SIZE_MAX } from './limits.ts';
import { CRITERIA, RECOMMENDATIONS, SCORE_MAX, SCORE_MIN, type Criterion } from './review.ts';
import { CONTROL_CHARACTER, FORMAT_CHARACTER, hasNoFormatCharacter, isMultiLineText, isSingleLine } from './text.ts';

// English messages in problem details (zod/mini ships without a locale).
z.config(en());

// ---------- building blocks ----------

/** A field problem code travels in a custom issue's params, so every layer reports the same code. */
const withCode = (code: string, message: string) => ({ message, params: { code } });

/** Registers a schema as a named component of the OpenAPI document. */
function named<T extends z.ZodMiniType>(schema: T, id: string, description?: string): T {
  z.globalRegistry.add(schema, { id, ...(description ? { description } : {}) });
  return schema;
}

/** One line of free text (a title, a name, a reason): no control characters, no tabs or line breaks (text.ts). */
export const text = (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.refine(isSingleLine, withCode(CONTROL_CHARACTER, 'No control characters, tabs or line breaks in this field')));

/** Long free text (a summary, a description, a comment): tabs and line breaks allowed, no other control character. */
export const longText = (max: number) =>
  z.string().check(z.trim(), z.minLength(1), z.maxLength(max), z.refine(isMultiLineText, withCode(CONTROL_CHARACTER, 'No control characters in this field (tabs and line breaks are fine)')));

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

export const TimeZone = z
  .string()
  .check(z.maxLength(64), z.refine((tz) => isTimeZone(tz), withCode('unknown-time-zone', 'Not an IANA time zone')))
  .register(z.globalRegistry, { examples: ['Asia/Shanghai'] });

export const CountryCode = z
  .string()
  .check(z.refine(isCountryCode, withCode('unknown-country', 'Not an ISO 3166-1 alpha-2 code (upper case)')))
  .register(z.globalRegistry, { description: 'ISO 3166-1 alpha-2 code of a country or region', examples: ['CN'] });

export const Email = z.email().check(z.maxLength(254));
export const Phone = z.string().check(z.trim(), z.regex(/^[+()0-9 .\-/]{5,40}$/, 'A phone number: digits, spaces, + ( ) . - /'));

export const EditionId = z.string().check(z.regex(EDITION_ID_PATTERN, 'An edition id such as 2024 or 2025-pilot')).register(z.globalRegistry, { examples: ['2024'] });
export const Ulid = z.string().check(z.regex(ULID_PATTERN, 'A ULID')).register(z.globalRegistry, { examples: ['01J8Z3N4QK7M2XG5V6R9T0BCDE'] });

export const Category = z.enum(CATEGORY_IDS);
export const CaseType = z.enum(CASE_TYPES);

export const Contact = z.strictObject({ name: text(200), email: Email, phone: z.optional(Phone) });

// ---------- pagination ----------

export const PageQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(PAGE_SIZE_MAX)), PAGE_SIZE_DEFAULT),
  cursor: z.optional(z.string().check(z.minLength(1), z.maxLength(2048))),
});




// ---------- editions ----------

export const EditionInput = named(
  z.strictObject({
    name: text(200),
    opensAt: Instant,
    deadline: Instant,
    timeZone: TimeZone,
    materialsDeadline: z.optional(z.nullable(Instant)),
    contact: z.optional(z.nullable(Contact)),
  }).check(
    z.superRefine((e, ctx) => {
      if (e.deadline <= e.opensAt) {
        ctx.addIssue({ code: 'custom', path: ['deadline'], message: 'The deadline must be after opensAt', params: { code: 'deadline-before-opening' } });
      }
      if (e.materialsDeadline && e.materialsDeadline <= e.deadline) {
        ctx.addIssue({ code: 'custom', path: ['materialsDeadline'], message: 'The materials deadline must be after the deadline', params: { code: 'materials-before-deadline' } });
      }
    }),
  ),
  'EditionInput',
);
export type EditionInput = z.infer<typeof EditionInput>;

export const EditionStatus = z.enum(['upcoming', 'open', 'closed', 'released']);
export type EditionStatus = z.infer<typeof EditionStatus>;



export const EditionParams = z.strictObject({ editionId: EditionId });

// ---------- cases ----------

const Countries = z.array(CountryCode).check(
  z.maxLength(60),
  z.superRefine((codes, ctx) => {
    const seen = new Set<string>();
    codes.forEach((c, i) => {
      if (seen.has(c)) ctx.addIssue({ code: 'custom', path: [i], message: `${c} is listed twice`, params: { code: 'duplicate-country' } });
      seen.add(c);
    });
  }),
);

const Organisation = z.strictObject({ name: z.optional(text(200)), country: z.optional(CountryCode) });
const Partner = z.strictObject({ name: text(200), country: CountryCode });
/** A draft's contact may be incomplete; readiness says what is missing. */
const DraftContact = z.strictObject({ name: z.optional(text(200)), email: z.optional(Email), phone: z.optional(Phone) });
// zod's URL check silently drops tabs and line breaks, so the text rule looks at the link as given, first.
const Link = z
  .pipe(
    z.string().check(z.maxLength(2000), z.refine(isSingleLine, withCode(CONTROL_CHARACTER, 'No control characters or line breaks in a link'))),
    z.url({ protocol: /^https?$/, hostname: z.regexes.domain }),
  )
  .register(z.globalRegistry, { format: 'uri' });

/** The fields an applicant owns. Every one may be missing in a draft. */
export const caseFieldShape = {
  title: text(200),
  category: Category,
  caseType: CaseType,
  summary: longText(2000),
  description: longText(20000),
  implementedOn: CalendarDate,
  countries: Countries,
  organisation: Organisation,
  partners: z.array(Partner).check(z.maxLength(50)),
  contact: DraftContact,
  links: z.array(Link).check(z.maxLength(20)),
};
export type CaseFieldName = keyof typeof caseFieldShape;
export const CASE_FIELD_NAMES = Object.keys(caseFieldShape) as CaseFieldName[];

export const CaseCreateInput = named(z.partial(z.strictObject(caseFieldShape)), 'CaseCreateInput');
export type CaseFields = z.infer<typeof CaseCreateInput>;

/** PATCH merges: a given field replaces the stored one; null removes it. */
export const CasePatchInput = named(
  z
    .strictObject(
      Object.fromEntries(CASE_FIELD_NAMES.map((k) => [k, z.optional(z.nullable(caseFieldShape[k]))])) as {
        [K in CaseFieldName]: z.ZodMiniOptional<z.ZodMiniNullable<(typeof caseFieldShape)[K]>>;
      },
    )
    .check(z.refine((p) => Object.keys(p).length > 0, withCode('empty-patch', 'Give at least one field to change'))),
  'CasePatchInput',
);
export type CasePatch = z.infer<typeof CasePatchInput>;

export const CaseStatus = z.enum(['draft', 'submitted', 'withdrawn']);
export type CaseStatus = z.infer<typeof CaseStatus>;
export const Decision = z.enum(['outstanding', 'collection', 'not-selected']);
export type Decision = z.infer<typeof Decision>;



export const CaseParams = z.strictObject({ caseId: Ulid });

/** The code sent to a case's contact address (domain/contact.ts), as typed: 8 letters or digits, maybe split by - or a space. */
export const ContactConfirmInput = named(
  z.strictObject({ code: z.string().check(z.trim(), z.regex(/^[0-9A-Za-z]{4}[- ]?[0-9A-Za-z]{4}$/, 'The 8-character code from the e-mail, such as 7K3Q-M9XA')) }),
  'ContactConfirmInput',
);

// ---------- extensions ----------

/** A Cognito sub (a UUID) or a local test user's id. */
export const Sub = z.string().check(z.regex(/^[A-Za-z0-9._@:+-]{1,128}$/, 'A user id (the sub claim)'));
export const ExtensionParams = z.strictObject({ editionId: EditionId, sub: Sub });
export const ExtensionInput = named(z.strictObject({ deadline: Instant, reason: text(500) }), 'ExtensionInput');
export type ExtensionInput = z.infer<typeof ExtensionInput>;

// ---------- review ----------

export const ReviewerParams = z.strictObject({ caseId: Ulid, sub: Sub });

const Score = z.number().check(z.int(), z.gte(SCORE_MIN), z.lte(SCORE_MAX));
export const ReviewInput = named(
  z.strictObject({
    scores: z.strictObject(Object.fromEntries(CRITERIA.map((c) => [c, Score])) as Record<Criterion, typeof Score>),
    recommendation: z.enum(RECOMMENDATIONS),
    comment: z.optional(z.nullable(longText(10000))),
  }),
  'ReviewInput',
  `Integer scores from ${SCORE_MIN} to ${SCORE_MAX} for each criterion, a recommendation and an optional comment.`,
);
export type ReviewInput = z.infer<typeof ReviewInput>;

export const ConflictInput = named(z.strictObject({ reason: text(1000) }), 'ConflictInput');

/** Pairs one bulk request may change; the transaction limit (100 writes) can make the real bound lower. */
export const BULK_MAX_PAIRS = 100;
const Pair = z.strictObject({ caseId: Ulid, sub: Sub });
export const AssignmentsInput = named(
  z
    .strictObject({
      assign: z.optional(z.array(Pair).check(z.maxLength(BULK_MAX_PAIRS))),
      unassign: z.optional(z.array(Pair).check(z.maxLength(BULK_MAX_PAIRS))),
    })
    .check(
      z.superRefine((b, ctx) => {
        const all = [...(b.assign ?? []).map((p, i) => ({ p, path: ['assign', i] })), ...(b.unassign ?? []).map((p, i) => ({ p, path: ['unassign', i] }))];
        if (all.length === 0) ctx.addIssue({ code: 'custom', path: [], message: 'List at least one pair to assign or unassign', params: { code: 'empty-bulk' } });
        if (all.length > BULK_MAX_PAIRS) ctx.addIssue({ code: 'custom', path: [], message: `At most ${BULK_MAX_PAIRS} pairs at once`, params: { code: 'too-many-pairs' } });
        const seen = new Set<string>();
        for (const { p, path } of all) {
          const k = `${p.caseId}/${p.sub}`;
          if (seen.has(k)) ctx.addIssue({ code: 'custom', path, message: `${p.sub} on ${p.caseId} is listed twice`, params: { code: 'duplicate-pair' } });
          seen.add(k);
        }
      }),
    ),
  'AssignmentsInput',
  'Case-reviewer pairs to assign and to unassign, all applied or none.',
);
export type AssignmentsInput = z.infer<typeof AssignmentsInput>;
export type Pair = z.infer<typeof Pair>;

// ---------- decisions and notifications ----------

export const DecisionInput = named(
  z.strictObject({ decision: Decision, note: z.optional(z.nullable(longText(2000))) }),
  'DecisionInput',
  'The organisers\' decision on a submitted case, with an optional note for the audit trail (never shown to the owner).',
);
export const PreviewQuery = z.strictObject({ caseId: Ulid });

// ---------- the organisers' lists ----------

export const DecisionFilter = z.enum([...Decision.options, 'none']);
const listFilters = {
  status: z.optional(CaseStatus),
  category: z.optional(Category),
  country: z.optional(CountryCode),
  decision: z.optional(DecisionFilter),
  sort: z._default(z.enum(['newest', 'score']), 'newest'),
};
const rankedNeedsSubmitted = z.superRefine((q: { sort: string; status?: string | undefined }, ctx) => {
  if (q.sort === 'score' && q.status !== undefined && q.status !== 'submitted') {
    ctx.addIssue({ code: 'custom', path: ['status'], message: 'Only submitted cases are ranked: with sort=score, leave status out or give submitted', params: { code: 'not-ranked' } });
  }
});
export const EditionCasesQuery = z.strictObject({ ...PageQuery.shape, ...listFilters }).check(rankedNeedsSubmitted);
export type EditionCasesQuery = z.infer<typeof EditionCasesQuery>;
export const EditionCasesCsvQuery = z.strictObject(listFilters).check(rankedNeedsSubmitted);
export type CaseListFilters = z.infer<typeof EditionCasesCsvQuery>;

// ---------- attachments ----------

/** A file name as a person gave it: no folders, no control or format characters (bidi overrides), at most 255 characters. */
export const FileName = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(255),
  z.refine((n) => !/[/\\]/.test(n), withCode('path-separator', 'A file name cannot contain / or \\')),
  z.refine(isSingleLine, withCode(CONTROL_CHARACTER, 'A file name cannot contain control characters')),
  z.refine(hasNoFormatCharacter, withCode(FORMAT_CHARACTER, 'A file name cannot contain format characters such as bidirectional overrides')),
  z.refine((n) => n !== '.' && n !== '..', withCode('invalid-file-name', 'Not a file name')),
);

const LARGEST_UPLOAD = Math.max(...Object.values(UPLOAD_KINDS).map((k) => k.maxBytes));

export const AttachmentInput = named(
  z
    .strictObject({
      fileName: FileName,
      contentType: z.enum(CONTENT_TYPES),
      size: z.number().check(z.int(), z.gte(1), z.lte(LARGEST_UPLOAD)),
      purpose: z.enum(PURPOSES),
    })
    .check(
      z.superRefine((a, ctx) => {
        const max = maxBytesOf(a.contentType);
        if (a.size > max) {
          ctx.addIssue({ code: 'custom', path: ['size'], message: `${labelOf(a.contentType)} may be at most ${max / 1024 / 1024} MiB`, params: { code: 'file-too-large' } });
        }
      }),
    ),
  'AttachmentInput',
);
export type AttachmentInput = z.infer<typeof AttachmentInput>;

export const AttachmentStatus = z.enum(['pending', 'ready', 'rejected']);
export type AttachmentStatus = z.infer<typeof AttachmentStatus>;

export const AttachmentParams = z.strictObject({ caseId: Ulid, attachmentId: Ulid });

// ---------- responses ----------

/**
 * Response shapes. Handlers build responses from typed domain objects and never validate them, so these are
 * needed only by the OpenAPI document: they are built on first use, not in every function's cold start.
 */
function buildResponseSchemas() {
  const FieldProblem = z.object({ path: z.string(), code: z.string(), message: z.string() });
  const Problem = named(
    z.object({
      type: z.string(),
      title: z.string(),
      status: z.number().check(z.int()),
      code: z.string(),
      detail: z.optional(z.string()),
      instance: z.optional(z.string()),
      errors: z.optional(z.array(FieldProblem)),
    }),
    'Problem',
    'RFC 9457 problem details',
  );
  const Rules = z.object({ implementedOnOrAfter: CalendarDate, minCountries: z.number().check(z.int(), z.gte(1)) });
  const Edition = named(
    z.object({
      editionId: EditionId,
      name: z.string(),
      status: EditionStatus,
      opensAt: z.string(),
      deadline: z.string(),
      timeZone: z.string(),
      materialsDeadline: z.nullable(z.string()),
      categories: z.array(z.object({ id: Category, name: z.string() })),
      rules: Rules,
      contact: z.nullable(Contact),
      version: z.number().check(z.int()),
    }),
    'Edition',
  );
  const Readiness = z.object({ ready: z.boolean(), problems: z.array(FieldProblem) });
  /** What every view of a case starts with. */
  const caseHead = {
    caseId: Ulid,
    editionId: EditionId,
    status: CaseStatus,
    title: z.nullable(z.string()),
    category: z.nullable(Category),
    caseType: z.nullable(CaseType),
  };
  const OrganisationOut = z.object({ name: z.optional(z.string()), country: z.optional(z.string()) });
  const PartnerOut = z.object({ name: z.string(), country: z.string() });
  const Case = named(
    z.object({
      ...caseHead,
      summary: z.nullable(z.string()),
      description: z.nullable(z.string()),
      implementedOn: z.nullable(z.string()),
      countries: z.nullable(z.array(z.string())),
      organisation: z.nullable(OrganisationOut),
      partners: z.nullable(z.array(PartnerOut)),
      contact: z.optional(z.nullable(z.object({ name: z.optional(z.string()), email: z.optional(z.string()), phone: z.optional(z.string()) }))),
      contactConfirmed: z.optional(
        z.boolean().register(z.globalRegistry, {
          description: 'Given when the contact has an e-mail address: whether it is confirmed (POST /cases/{caseId}/contact/confirm) and so copied on the e-mails about the case.',
        }),
      ),
      links: z.nullable(z.array(z.string())),
      readiness: Readiness,
      receipt: z.nullable(z.object({ submittedAt: z.string(), sha256: z.string() })),
      decision: z.nullable(Decision),
      createdAt: z.string(),
      updatedAt: z.string(),
      version: z.number().check(z.int()),
    }),
    'Case',
    'A case. Reviewers get it without contact details.',
  );
  const page = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
  const ContactVerification = named(
    z.object({ sentTo: z.string(), expiresAt: z.string(), nextCodeAfter: z.string() }),
    'ContactVerification',
    'A code is on its way to the contact address: valid until expiresAt; another can be asked for from nextCodeAfter.',
  );
  const Attachment = named(
    z.object({
      attachmentId: Ulid,
      caseId: Ulid,
      purpose: z.enum(PURPOSES),
      fileName: z.string(),
      contentType: z.enum(CONTENT_TYPES),
      size: z.number().check(z.int()),
      status: AttachmentStatus,
      rejectionReason: z.nullable(z.string()),
      sha256: z.nullable(z.string()),
      createdAt: z.string(),
      downloadUrl: z.optional(z.string()),
    }),
    'Attachment',
    'A file of a case. downloadUrl (a presigned GET valid a few minutes) is given on the single read, once the file is verified.',
  );
  const Upload = z.object({
    method: z.literal('POST'),
    url: z.string(),
    fields: z.record(z.string(), z.string()),
    expiresAt: z.string(),
  });
  const NewAttachment = named(z.object({ attachment: Attachment, upload: Upload }), 'NewAttachment', 'Send a multipart/form-data POST of upload.fields plus `file` to upload.url.');
  const Extension = named(
    z.object({ editionId: EditionId, sub: z.string(), deadline: z.string(), reason: z.string(), grantedBy: z.string(), grantedAt: z.string() }),
    'Extension',
  );
  const AuditEntry = named(
    z.object({
      seq: z.number().check(z.int()),
      at: z.string(),
      action: z.enum(AUDIT_ACTIONS),
      by: z.string().register(z.globalRegistry, { description: 'Who acted (a sub), "schedule" for the scheduled close, "system" for seeding' }),
      subject: z.string(),
      details: z.record(z.string(), z.string()),
      prevHash: z.string(),
      hash: z.string(),
    }),
    'AuditEntry',
    'One entry of the edition\'s hash chain: seq counts 1, 2, 3 ...; prevHash is the previous entry\'s hash (64 zeros for the first); ' +
      'hash is the SHA-256 (hex) of the canonical JSON of the stored entry without hash (editionId, seq, at, action, by, subject, details, prevHash).',
  );
  const AuditPage = named(
    z.object({ items: z.array(AuditEntry), nextCursor: z.nullable(z.string()), chainValid: z.boolean() }),
    'AuditPage',
    'A page of the trail, newest first. chainValid is computed over the whole chain, not this page: false when an entry was edited, removed or re-ordered.',
  );
  const ScoresOut = z.object(Object.fromEntries(CRITERIA.map((c) => [c, z.number()])) as Record<Criterion, z.ZodMiniNumber>);
  const ReviewAggregate = named(
    z.object({
      count: z.number().check(z.int()),
      mean: z.nullable(ScoresOut),
      meanTotal: z.nullable(z.number()),
      minTotal: z.nullable(z.number()),
      maxTotal: z.nullable(z.number()),
      spread: z.nullable(z.number()),
      stdDev: z.nullable(z.number()),
      recommendations: z.object(Object.fromEntries(RECOMMENDATIONS.map((r) => [r, z.number().check(z.int())])) as Record<(typeof RECOMMENDATIONS)[number], z.ZodMiniNumber>),
    }),
    'ReviewAggregate',
    'The reviews of a case taken together: mean per criterion, mean total (4-40), the lowest and highest total and their spread, the standard deviation, and the recommendations tally.',
  );
  const Review = named(
    z.object({
      caseId: Ulid,
      reviewer: z.object({ sub: z.string(), email: z.string() }),
      scores: ScoresOut,
      total: z.number().check(z.int()),
      recommendation: z.enum(RECOMMENDATIONS),
      comment: z.nullable(z.string()),
      createdAt: z.string(),
      updatedAt: z.string(),
      version: z.number().check(z.int()),
    }),
    'Review',
  );
  const CaseReviews = named(
    z.object({ aggregate: ReviewAggregate, items: z.array(Review), nextCursor: z.nullable(z.string()) }),
    'CaseReviews',
  );
  const Reviewer = named(
    z.object({
      caseId: Ulid,
      sub: z.string(),
      state: z.enum(['assigned', 'conflicted']),
      assignedAt: z.string(),
      assignedBy: z.string(),
      reviewedAt: z.nullable(z.string()),
      conflict: z.nullable(z.object({ reason: z.string(), declaredAt: z.string() })),
    }),
    'Reviewer',
    'A reviewer on a case: assigned, or conflicted (declared a conflict of interest, and so cannot be assigned again).',
  );
  const BulkAssignmentResult = named(
    z.object({ assigned: z.array(Pair), unassigned: z.array(Pair), unchanged: z.array(Pair) }),
    'BulkAssignmentResult',
  );
  const MyAssignment = named(
    z.object({
      caseId: Ulid,
      editionId: EditionId,
      title: z.nullable(z.string()),
      category: z.nullable(Category),
      caseStatus: CaseStatus,
      assignedAt: z.string(),
      reviewed: z.boolean(),
      reviewedAt: z.nullable(z.string()),
    }),
    'MyAssignment',
  );
  const CaseSummary = named(
    z.object({
      ...caseHead,
      implementedOn: z.nullable(z.string()),
      countries: z.array(z.string()),
      organisation: z.nullable(OrganisationOut),
      owner: z.object({ sub: z.string(), email: z.string() }),
      receipt: z.nullable(z.object({ submittedAt: z.string(), sha256: z.string() })),
      decision: z.nullable(Decision),
      reviews: z.nullable(ReviewAggregate),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
    'CaseSummary',
    "A row of the organisers' list: the case without its long texts, with its decision and review aggregate (null on a case the caller owns: a conflict of interest).",
  );
  const MailPreview = named(
    z.object({ to: z.array(z.string()), cc: z.array(z.string()), subject: z.string(), text: z.string(), html: z.string() }),
    'MailPreview',
    'Exactly what the owner would receive.',
  );
  const RunCountsOut = z.object({ total: z.number().check(z.int()), sent: z.number().check(z.int()), failed: z.number().check(z.int()), skipped: z.number().check(z.int()) });
  const NotificationRun = named(
    z.object({ runId: z.string(), status: z.enum(['running', 'succeeded', 'failed']), startedAt: z.string(), finishedAt: z.nullable(z.string()), counts: RunCountsOut }),
    'NotificationRun',
  );
  const Recipient = named(
    z.object({
      caseId: Ulid,
      email: z.string(),
      decision: z.enum(['outstanding', 'collection']),
      status: z.enum(['pending', 'sent', 'delivered', 'bounced', 'complained', 'failed']),
      attempts: z.number().check(z.int()),
      messageId: z.nullable(z.string()),
      lastError: z.nullable(z.string()),
      updatedAt: z.string(),
    }),
    'Recipient',
  );
  const Notifications = named(
    z.object({ runs: z.array(NotificationRun), recipients: z.array(Recipient), nextCursor: z.nullable(z.string()) }),
    'Notifications',
    'The latest runs, newest first, and a page of recipients (limit and cursor page the recipients).',
  );
  const RunStarted = named(z.object({ runId: z.string(), status: z.literal('running') }), 'RunStarted');
  const PublicCase = named(
    z.object({
      caseId: Ulid,
      title: z.nullable(z.string()),
      category: z.nullable(Category),
      caseType: z.nullable(CaseType),
      summary: z.nullable(z.string()),
      countries: z.array(z.string()),
      organisation: z.nullable(OrganisationOut),
      partners: z.array(PartnerOut),
    }),
    'PublicCase',
  );
  const Results = named(
    z.object({ editionId: EditionId, releasedAt: z.string(), outstanding: z.array(PublicCase), collection: z.array(PublicCase) }),
    'Results',
  );
  return {
    MailPreview, NotificationRun, Recipient, Notifications, RunStarted, PublicCase, Results,
    FieldProblem, Problem, Rules, Edition, Readiness, Case, ContactVerification, Attachment, NewAttachment, Extension, AuditEntry, AuditPage, page,
    ReviewAggregate, Review, CaseReviews, Reviewer, BulkAssignmentResult, MyAssignment, CaseSummary,
  };
}

let responseSchemaCache: ReturnType<typeof buildResponseSchemas> | undefined;
export const responseSchemas = () => (responseSchemaCache ??= buildResponseSchemas());
type Responses = ReturnType<typeof buildResponseSchemas>;

export type Rules = z.infer<Responses['Rules']>;
export type Edition = z.infer<Responses['Edition']>;
export type Readiness = z.infer<Responses['Readiness']>;
export type CaseView = z.infer<Responses['Case']>;
export type AttachmentView = z.infer<Responses['Attachment']>;
export type NewAttachmentView = z.infer<Responses['NewAttachment']>;
export type ExtensionView = z.infer<Responses['Extension']>;
export type AuditEntryView = z.infer<Responses['AuditEntry']>;
export type CaseSummaryView = z.infer<Responses['CaseSummary']>;
export type MyAssignmentView = z.infer<Responses['MyAssignment']>;
