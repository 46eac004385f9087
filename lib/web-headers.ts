/**
 * The web app's security headers, declared once: CloudFront's response headers policy (lib/constructs/web.ts) sets
 * them on AWS and the local static server (lib/local/web.ts) sets the same ones, so what the browser tests see is
 * what is deployed. It imports nothing, so either side may use it; origins may be CDK tokens (they are only joined).
 */

/** The origins the app talks to, each bare (scheme, host and port; no path, no trailing slash). */
export interface WebAppOrigins {
  /** The API's origin. */
  api: string;
  /** The media bucket's origin: uploads (presigned POST), downloads and previews of images, videos and PDFs. */
  media: string;
  /** Other origins the app fetches from: the sign-in's (Cognito's login domain and its issuer) on AWS; none locally. */
  signIn?: readonly string[];
}

/** Two years, subdomains included, as the API's own answers (functions/shared/http-headers.ts). */
const HSTS_MAX_AGE_SECONDS = 63_072_000;
/** The app's URLs name cases and attachments: no other site learns them from a Referer. */
export const WEB_REFERRER_POLICY = 'no-referrer';

/**
 * The content security policy: the app's own scripts and styles only, calls to the API, the media bucket and the
 * sign-in only, previews from the bucket (or a blob the page made), never framed, no plugins, no <base>, no forms
 * posted anywhere (uploads are XMLHttpRequests).
 */
export function webContentSecurityPolicy(origins: WebAppOrigins): string {
  const connect = [...new Set([origins.api, origins.media, ...(origins.signIn ?? [])])];
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    `img-src 'self' data: blob: ${origins.media}`,
    `media-src blob: ${origins.media}`,
    `frame-src blob: ${origins.media}`,
    "font-src 'self'",
    "manifest-src 'self'",
    `connect-src 'self' ${connect.join(' ')}`,
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Every security header of the app's answers, by lower-case name, as the local server sends them. */
export function webSecurityHeaders(origins: WebAppOrigins): Record<string, string> {
  return {
    'content-security-policy': webContentSecurityPolicy(origins),
    'strict-transport-security': `max-age=${HSTS_MAX_AGE_SECONDS}; includeSubDomains`,
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'referrer-policy': WEB_REFERRER_POLICY,
  };
}
