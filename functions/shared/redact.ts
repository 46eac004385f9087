/**
 * What must never reach a log line: e-mail addresses, bearer tokens and JWTs, presigned URLs (their query
 * string is a credential) and AWS access keys. Applied to every string the logger writes (logger.ts).
 */
const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
const BEARER = /\bBearer\s+[A-Za-z0-9._~+/=-]+/gi;
const JWT = /\beyJ[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/** A URL carrying a signature (SigV4 query string, or a POST policy's). */
const SIGNED_URL = /https?:\/\/[^\s"'<>]*[?&](?:X-Amz-Signature|X-Amz-Credential|Signature|AWSAccessKeyId)=[^\s"'<>,;)\]]*/gi;
const ACCESS_KEY = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/g;

export function redact(text: string): string {
  return text
    .replace(SIGNED_URL, '<presigned-url>')
    .replace(BEARER, 'Bearer <token>')
    .replace(JWT, '<token>')
    .replace(EMAIL, '<email>')
    .replace(ACCESS_KEY, '<access-key>');
}

/** Keys whose values are secrets whatever they look like. */
const SECRET_KEYS = /^(authorization|token|password|policy|x-amz-signature|signature|cookie)$/i;

/** A JSON.stringify replacer: redacts every string, and drops the values of secret-named keys. */
export function redactingReplacer(key: string, value: unknown): unknown {
  if (SECRET_KEYS.test(key) && value !== undefined && value !== null) return '<redacted>';
  return typeof value === 'string' ? redact(value) : value;
}
