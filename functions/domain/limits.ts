/**
 * The API's abuse limits that are not a rule of the call itself, by name (README, "Limits"). Upload types
 * and sizes are in uploads.ts, the committee's in review.ts and review-input.ts (BULK_MAX_PAIRS); the WAF rate and
 * API throttling are stage settings (cdk.json).
 */

/** Request bodies above this are refused with 413 before they are parsed; the largest valid case is far smaller. */
export const BODY_MAX_BYTES = 256 * 1024;

/** `?v=` of a file of the API reference page (GET /docs/assets/{file}): the longest version it reads. */
export const DOCS_ASSET_VERSION_MAX = 64;

/** `?limit=` of every list: at most this many items a page, this many when not given. */
export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 25;

/**
 * Cases one applicant may create in one edition (drafts, submitted or withdrawn alike). An organisation with
 * several practices creates several cases; a script creating thousands is stopped here, race-free (a counter
 * conditioned in the same transaction as the draft).
 */
export const MAX_CASES_PER_APPLICANT = 20;

/**
 * Submission confirmations (domain/mail.ts): at most one a case per this many seconds. Re-submits in between
 * still get their receipt in the answer; they are coalesced into one mail, sent when the interval is over,
 * which says the case's receipt at that moment.
 */
export const CONFIRMATION_INTERVAL_SECONDS = 3600;
/** Submission confirmations queued for one applicant in one UTC day, all cases together; beyond it, none. */
export const CONFIRMATIONS_PER_APPLICANT_PER_DAY = 10;

/** Contact confirmation (domain/contact.ts): how long a code sent to the contact address is valid. */
export const CONTACT_CODE_TTL_SECONDS = 30 * 60;
/** Wrong codes tried against one sent code before it is locked (a new code must be asked for). */
export const CONTACT_CODE_MAX_ATTEMPTS = 5;
/** The least time between two codes sent for one case. */
export const CONTACT_CODE_RESEND_SECONDS = 10 * 60;
/** Codes sent for one case in one UTC day. */
export const CONTACT_CODES_PER_CASE_PER_DAY = 3;
/** Codes one applicant may have sent in one UTC day, all cases together: a stranger's inbox is not a relay. */
export const CONTACT_CODES_PER_APPLICANT_PER_DAY = 5;
