/**
 * The API's abuse limits that are not a rule of the call itself, by name (README, "Limits"). Upload types
 * and sizes are in uploads.ts, the committee's in review.ts and schemas.ts (BULK_MAX_PAIRS); the WAF rate and
 * API throttling are stage settings (cdk.json).
 */

/** Request bodies above this are refused with 413 before they are parsed; the largest valid case is far smaller. */
export const BODY_MAX_BYTES = 256 * 1024;

/** `?limit=` of every list: at most this many items a page, this many when not given. */
export const PAGE_SIZE_MAX = 100;
export const PAGE_SIZE_DEFAULT = 25;

/**
 * Cases one applicant may create in one edition (drafts, submitted or withdrawn alike). An organisation with
 * several practices creates several cases; a script creating thousands is stopped here, race-free (a counter
 * conditioned in the same transaction as the draft).
 */
export const MAX_CASES_PER_APPLICANT = 20;
