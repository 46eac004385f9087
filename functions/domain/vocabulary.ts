/**
 * Every closed list of the product, each written once: the stored records, the request and response schemas
 * and the rules take their unions from here. A leaf (it imports nothing), so any module may import it
 * without making a cycle.
 */

// ---------- people ----------

/** The Cognito groups that carry a role. */
export const GROUPS = ['organisers', 'reviewers'] as const;
export type Group = (typeof GROUPS)[number];

/** A committee member's account: invited until they first sign in and choose their password (Cognito's FORCE_CHANGE_PASSWORD), then active. */
export const MEMBER_STATUSES = ['invited', 'active'] as const;
export type MemberStatus = (typeof MEMBER_STATUSES)[number];

/** Who the caller is to a case. */
export const VIEWERS = ['owner', 'organiser', 'reviewer'] as const;
export type Viewer = (typeof VIEWERS)[number];

// ---------- editions ----------

/** upcoming before it opens, open until the deadline or a manual close, closed after, released once published. */
export const EDITION_STATUSES = ['upcoming', 'open', 'closed', 'released'] as const;
export type EditionStatus = (typeof EDITION_STATUSES)[number];

/** What the audit trail records: every state change of an edition that matters later. */
export const AUDIT_ACTIONS = [
  'edition-created', 'edition-updated', 'edition-closed', 'extension-granted', 'reviewers-assigned', 'reviewers-unassigned',
  'conflict-declared', 'case-withdrawn', 'decision-recorded', 'notifications-started', 'notifications-finished', 'results-released',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

// ---------- cases ----------

export const CASE_STATUSES = ['draft', 'submitted', 'withdrawn'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** The five categories of the call (their names: categories.ts). */
export const CATEGORY_IDS = ['internet-infrastructure', 'cultural-exchange', 'digital-economy', 'cybersecurity', 'global-governance'] as const;
export type CategoryId = (typeof CATEGORY_IDS)[number];

export const CASE_TYPES = [
  'project', 'initiative', 'program', 'action', 'meeting',
  'training', 'communication', 'product', 'service', 'other',
] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** The organisers' decision on a submitted case. */
export const DECISIONS = ['outstanding', 'collection', 'not-selected'] as const;
export type Decision = (typeof DECISIONS)[number];

/** The decisions whose owners are notified and whose cases are published. */
export const SELECTED_DECISIONS = ['outstanding', 'collection'] as const satisfies readonly Decision[];
export type SelectedDecision = (typeof SELECTED_DECISIONS)[number];

/** The organisers' list filters by decision; none is a case not decided yet. */
export const DECISION_FILTERS = [...DECISIONS, 'none'] as const;

/** The organisers' list orders: newest first, or the submitted cases by mean total score. */
export const CASE_SORTS = ['newest', 'score'] as const;

// ---------- review ----------

/** The four criteria every review scores (limits: review.ts). */
export const CRITERIA = ['innovation', 'impact', 'cooperation', 'sustainability'] as const;
/** Every criterion is scored with an integer from SCORE_MIN to SCORE_MAX. */
export const SCORE_MIN = 1;
export const SCORE_MAX = 10;
export type Criterion = (typeof CRITERIA)[number];

export const RECOMMENDATIONS = ['outstanding', 'collection', 'not-selected'] as const satisfies readonly Decision[];
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** A conflicted reviewer stays on the case, so that nobody can assign them to it again. */
export const REVIEWER_STATES = ['assigned', 'conflicted'] as const;
export type ReviewerState = (typeof REVIEWER_STATES)[number];

// ---------- attachments ----------

export const PURPOSES = ['supporting', 'presentation'] as const;
export type Purpose = (typeof PURPOSES)[number];

/** The accepted content types by kind of file (each kind's size limit and signature: uploads.ts). */
export const UPLOAD_KINDS = {
  document: ['application/pdf'],
  image: ['image/jpeg', 'image/png'],
  audio: ['audio/mpeg', 'audio/mp4', 'audio/wav'],
  video: ['video/mp4', 'video/quicktime'],
} as const;
export type UploadKind = keyof typeof UPLOAD_KINDS;
export type ContentType = (typeof UPLOAD_KINDS)[UploadKind][number];
export const CONTENT_TYPES = Object.values(UPLOAD_KINDS).flat() as [ContentType, ...ContentType[]];

/** pending until the verifier has checked the uploaded object. */
export const ATTACHMENT_STATUSES = ['pending', 'ready', 'rejected'] as const;
/** Why a file was rejected (its `rejection.<code>` text says what to do about it). */
export const REJECTION_CODES = ['late', 'size-mismatch', 'type-mismatch', 'unrecognised', 'replaced'] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];
export type AttachmentStatus = (typeof ATTACHMENT_STATUSES)[number];

// ---------- e-mail ----------

/**
 * submission-confirmation: to the owner, rendered again from the case when it is sent, so that it says the latest
 * receipt. contact-verification: the code, to the contact address only; its text is blanked once sent.
 */
export const MAIL_KINDS = ['submission-confirmation', 'contact-verification'] as const;
export type MailKind = (typeof MAIL_KINDS)[number];

/** cancelled: nothing left to say when it was due (a confirmation of a case withdrawn meanwhile). */
export const MAIL_STATUSES = ['pending', 'sent', 'failed', 'cancelled'] as const;
export type MailStatus = (typeof MAIL_STATUSES)[number];

// ---------- selection notifications ----------

export const RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** A recipient's status as organisers see it. */
export const REPORTED_RECIPIENT_STATUSES = ['pending', 'sent', 'delivered', 'bounced', 'complained', 'failed'] as const;
/** As stored: sending is internal (claimed, not settled), reported as pending. */
export const RECIPIENT_STATUSES = [...REPORTED_RECIPIENT_STATUSES, 'sending'] as const;
export type RecipientStatus = (typeof RECIPIENT_STATUSES)[number];

/** The fields an applicant writes on a case, in the order the API lists them. */
export const CASE_FIELDS = ['title', 'titleZh', 'category', 'caseType', 'summary', 'summaryZh', 'description', 'implementedOn', 'countries', 'organisation', 'partners', 'contact', 'links'] as const;
export type CaseFieldName = (typeof CASE_FIELDS)[number];
