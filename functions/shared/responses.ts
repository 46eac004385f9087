/**
 * The response bodies of the API, as zod schemas, for the OpenAPI document (openapi.ts) and for the types the
 * views (views/*.ts) declare. Handlers never validate their answers, so the schemas are built on first use by
 * the document, never in a function's cold start: everything else imports only the types.
 */
import * as z from 'zod/mini';
import { Category, CaseType } from '#domain/case-input';
import { Contact } from '#domain/edition-input';
import { Pair } from '#domain/review-input';
import { LOCALES } from '#domain/i18n/catalogues';
import { CalendarDate, EditionId, named, Ulid } from '#domain/schema-kit';
import {
  ATTACHMENT_STATUSES,
  AUDIT_ACTIONS,
  CASE_STATUSES,
  CASE_TYPES,
  CATEGORY_IDS,
  CONTENT_TYPES,
  CRITERIA,
  DECISIONS,
  EDITION_STATUSES,
  MEMBER_STATUSES,
  PURPOSES,
  RECOMMENDATIONS,
  REJECTION_CODES,
  REPORTED_RECIPIENT_STATUSES,
  REVIEWER_STATES,
  RUN_STATUSES,
  SELECTED_DECISIONS,
  type Criterion,
  type Recommendation,
} from '#domain/vocabulary';

function buildResponseSchemas() {
  /** Every instant the API sends (views write them with toISOString). Named, so the document states the format once. */
  const Timestamp = named(z.iso.datetime(), 'Timestamp', 'An instant, ISO 8601 in UTC, such as 2024-06-20T16:00:00.000Z');
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
      status: z.enum(EDITION_STATUSES),
      opensAt: Timestamp,
      deadline: Timestamp,
      timeZone: z.string(),
      materialsDeadline: z.nullable(Timestamp),
      categories: z.array(z.object({ id: Category, name: z.string() })),
      rules: Rules,
      contact: z.nullable(Contact),
      version: z.number().check(z.int()),
    }),
    'Edition',
  );
  const Readiness = z.object({ ready: z.boolean(), problems: z.array(FieldProblem) });
  /** A case's title or summary in Chinese, beside the English one: a case has either or both. */
  const inChinese = (what: string) =>
    z.nullable(z.string()).register(z.globalRegistry, { description: `The ${what} in Chinese; \`${what}\` holds the English one. A case needs either to be submitted.` });
  const TitleZh = inChinese('title');
  const SummaryZh = inChinese('summary');
  /** What every view of a case starts with. */
  const caseHead = {
    caseId: Ulid,
    editionId: EditionId,
    status: z.enum(CASE_STATUSES),
    title: z.nullable(z.string()),
    titleZh: TitleZh,
    category: z.nullable(Category),
    caseType: z.nullable(CaseType),
  };
  const OrganisationOut = z.object({ name: z.optional(z.string()), country: z.optional(z.string()) });
  const PartnerOut = z.object({ name: z.string(), country: z.string() });
  const Case = named(
    z.object({
      ...caseHead,
      summary: z.nullable(z.string()),
      summaryZh: SummaryZh,
      description: z.nullable(z.string()),
      implementedOn: z.nullable(CalendarDate),
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
      receipt: z.nullable(z.object({ submittedAt: Timestamp, sha256: z.string() })),
      decision: z.nullable(z.enum(DECISIONS)),
      locale: z.nullable(z.enum(LOCALES)).register(z.globalRegistry, {
        description: "The case's language: e-mails to its contact are written in it. Null on a case created before cases had one (English).",
      }),
      editableUntil: z.optional(
        z.nullable(Timestamp).register(z.globalRegistry, {
          description:
            "Given to the owner: until when they may change and submit the case (the edition's deadline, or their extension's when later); null when they may not now (the edition not open yet, closed or released; the case withdrawn, decided or its owner notified).",
        }),
      ),
      extension: z.optional(
        z.nullable(z.object({ deadline: Timestamp })).register(z.globalRegistry, {
          description: 'Given to the owner: the extension the organisers granted them for this edition (its deadline), or null.',
        }),
      ),
      createdAt: Timestamp,
      updatedAt: Timestamp,
      version: z.number().check(z.int()),
    }),
    'Case',
    'A case. Reviewers get it without contact details.',
  );
  const page = <T extends z.ZodMiniType>(item: T) => z.object({ items: z.array(item), nextCursor: z.nullable(z.string()) });
  const ContactVerification = named(
    z.object({ sentTo: z.string(), expiresAt: Timestamp, nextCodeAfter: Timestamp }),
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
      status: z.enum(ATTACHMENT_STATUSES),
      rejectionCode: z.nullable(z.enum(REJECTION_CODES)).register(z.globalRegistry, {
        description: 'Why a rejected file was rejected: late (the upload started after its window), size-mismatch, type-mismatch (the bytes are another accepted type), unrecognised (no accepted type), replaced (another upload to the same form replaced it while it was checked). Null unless rejected (and on files rejected before codes were kept).',
      }),
      rejectionReason: z.nullable(z.string()).register(z.globalRegistry, { description: 'What to do about a rejected file, in the language of the answer.' }),
      sha256: z.nullable(z.string()),
      createdAt: Timestamp,
      downloadUrl: z.optional(z.string()),
    }),
    'Attachment',
    'A file of a case. downloadUrl (a presigned GET valid a few minutes) is given on the single read, once the file is verified.',
  );
  const Upload = z.object({
    method: z.literal('POST'),
    url: z.string(),
    fields: z.record(z.string(), z.string()),
    expiresAt: Timestamp,
  });
  const NewAttachment = named(z.object({ attachment: Attachment, upload: Upload }), 'NewAttachment', 'Send a multipart/form-data POST of upload.fields plus `file` to upload.url.');
  const Extension = named(
    z.object({ editionId: EditionId, sub: z.string(), deadline: Timestamp, reason: z.string(), grantedBy: z.string(), grantedAt: Timestamp }),
    'Extension',
  );
  const AuditEntry = named(
    z.object({
      seq: z.number().check(z.int()),
      at: Timestamp,
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
      recommendations: z.object(Object.fromEntries(RECOMMENDATIONS.map((r) => [r, z.number().check(z.int())])) as Record<Recommendation, z.ZodMiniNumber>),
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
      createdAt: Timestamp,
      updatedAt: Timestamp,
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
      state: z.enum(REVIEWER_STATES),
      assignedAt: Timestamp,
      assignedBy: z.string(),
      reviewedAt: z.nullable(Timestamp),
      conflict: z.nullable(z.object({ reason: z.string(), declaredAt: Timestamp })),
    }),
    'Reviewer',
    'A reviewer on a case: assigned, or conflicted (declared a conflict of interest, and so cannot be assigned again).',
  );
  const CommitteeMember = named(
    z.object({
      sub: z.string().register(z.globalRegistry, { description: 'The account: what the assignment routes take as {sub}' }),
      email: z.string(),
      name: z.string(),
      status: z.enum(MEMBER_STATUSES).register(z.globalRegistry, { description: 'invited until the first sign-in (the temporary password not yet replaced), then active' }),
      load: z.object({ assigned: z.number().check(z.int()), reviewed: z.number().check(z.int()) }),
    }),
    'CommitteeMember',
    'A member of the reviewers group, with their live assignments and reviews over the editions not yet released.',
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
      titleZh: TitleZh,
      category: z.nullable(Category),
      caseStatus: z.enum(CASE_STATUSES),
      assignedAt: Timestamp,
      reviewed: z.boolean(),
      reviewedAt: z.nullable(Timestamp),
    }),
    'MyAssignment',
  );
  const CaseSummary = named(
    z.object({
      ...caseHead,
      implementedOn: z.nullable(CalendarDate),
      countries: z.array(z.string()),
      organisation: z.nullable(OrganisationOut),
      owner: z.object({ sub: z.string(), email: z.string() }),
      receipt: z.nullable(z.object({ submittedAt: Timestamp, sha256: z.string() })),
      decision: z.nullable(z.enum(DECISIONS)),
      reviews: z.nullable(ReviewAggregate),
      createdAt: Timestamp,
      updatedAt: Timestamp,
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
    z.object({ runId: z.string(), status: z.enum(RUN_STATUSES), startedAt: Timestamp, finishedAt: z.nullable(Timestamp), counts: RunCountsOut }),
    'NotificationRun',
  );
  const Recipient = named(
    z.object({
      caseId: Ulid,
      email: z.string(),
      decision: z.enum(SELECTED_DECISIONS),
      status: z.enum(REPORTED_RECIPIENT_STATUSES),
      attempts: z.number().check(z.int()),
      messageId: z.nullable(z.string()),
      lastError: z.nullable(z.string()),
      updatedAt: Timestamp,
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
      titleZh: TitleZh,
      category: z.nullable(Category),
      caseType: z.nullable(CaseType),
      summary: z.nullable(z.string()),
      summaryZh: SummaryZh,
      countries: z.array(z.string()),
      organisation: z.nullable(OrganisationOut),
      partners: z.array(PartnerOut),
    }),
    'PublicCase',
  );
  const Results = named(
    z.object({ editionId: EditionId, releasedAt: Timestamp, outstanding: z.array(PublicCase), collection: z.array(PublicCase) }),
    'Results',
  );
  /** An id of a closed list and its label in the answer's language. */
  const labelled = <const T extends readonly [string, ...string[]]>(ids: T) => z.array(z.object({ id: z.enum(ids), label: z.string() }));
  const Vocabulary = named(
    z.object({
      locale: z.enum(LOCALES),
      categories: labelled(CATEGORY_IDS),
      caseTypes: labelled(CASE_TYPES),
      criteria: z.array(
        z.object({
          id: z.enum(CRITERIA),
          label: z.string(),
          guidance: z.string().register(z.globalRegistry, { description: 'What a reviewer weighs under the criterion, in `locale`' }),
        }),
      ),
      recommendations: labelled(RECOMMENDATIONS),
      decisions: labelled(DECISIONS),
      caseStatuses: labelled(CASE_STATUSES),
      editionStatuses: labelled(EDITION_STATUSES),
    }),
    'Vocabulary',
    'Each list in the order the API defines it; labels in `locale`.',
  );
  const Preferences = named(
    z.object({
      locale: z.enum(LOCALES),
      chosen: z.boolean().register(z.globalRegistry, { description: 'Whether the account chose the language (PUT), rather than it being the default' }),
      updatedAt: Timestamp,
    }),
    'Preferences',
  );
  return {
    Preferences, Vocabulary, MailPreview, NotificationRun, Recipient, Notifications, RunStarted, PublicCase, Results,
    FieldProblem, Problem, Rules, Edition, Readiness, Case, ContactVerification, Attachment, NewAttachment, Extension, AuditEntry, AuditPage, page,
    ReviewAggregate, Review, CaseReviews, Reviewer, CommitteeMember, BulkAssignmentResult, MyAssignment, CaseSummary,
  };
}

let cache: ReturnType<typeof buildResponseSchemas> | undefined;
export const responseSchemas = () => (cache ??= buildResponseSchemas());

type Schemas = ReturnType<typeof buildResponseSchemas>;
/** The response schemas, as a route's `schema` receives them (route-spec.ts). */
export type ResponseSchemas = Schemas;
/** The body a response schema describes: what a view returns. */
export type ResponseBody<K extends Exclude<keyof Schemas, 'page'>> = z.infer<Schemas[K]>;
