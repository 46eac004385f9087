/**
 * The API reference page: Swagger UI on the OpenAPI document. Every URL in it is relative to
 * the page, so under a stage path (/dev/docs) it loads /dev/openapi.json and /dev/docs/assets/...; nothing is fetched
 * from anywhere else. The script that starts Swagger UI is a served file (docs.js) and reads its settings from data
 * attributes, so the content security policy allows scripts of the page's own origin only.
 */
import { escapeHtml } from '#domain/text';

/**
 * Only the page's own origin, for everything: no inline script or style, no eval, no frames, no form posting away,
 * no other host reached by a request ("Try it out" and the local sign-in call this same API). Images: the style
 * sheet's icons are data: URIs.
 */
export const DOCS_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "form-action 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

export interface DocsPageOptions {
  title: string;
  /** The style sheets and scripts to load, in order, relative to the page (functions/docs/assets.ts). */
  styles: string[];
  scripts: string[];
  /** The local token route relative to the page (npm start only): shows the local sign-in form. */
  localTokenHref?: string;
}

/** The local sign-in: a token for any subject and role, from POST /local/token, handed to Swagger UI's Authorize. */
function localSignIn(href: string): string {
  const role = (value: string, label: string, checked = false) =>
    `<div class="role"><input type="radio" id="role-${value}" name="role" value="${value}"${checked ? ' checked' : ''}><label for="role-${value}">${label}</label></div>`;
  return `<section class="local-sign-in" aria-labelledby="local-sign-in-title">
<h2 id="local-sign-in-title">Local sign-in</h2>
<p>This API runs locally: get a token for anyone, in any role. It is put into Authorize, so "Try it out" sends it.</p>
<form id="local-sign-in" data-token-url="${escapeHtml(href)}" novalidate>
<div class="field"><label for="sub">Subject</label><span class="hint" id="sub-hint">The user id, e.g. ann</span>
<input id="sub" name="sub" type="text" autocomplete="off" spellcheck="false" aria-describedby="sub-hint" value="ann" required></div>
<div class="field"><label for="email">E-mail</label>
<input id="email" name="email" type="email" autocomplete="off" spellcheck="false" value="ann@example.org" required></div>
<fieldset><legend>Role</legend>
${role('applicant', 'Applicant (no group)', true)}
${role('reviewers', 'Reviewer (group reviewers)')}
${role('organisers', 'Organiser (group organisers)')}
</fieldset>
<button type="submit">Get a token</button>
<p id="local-sign-in-status" role="status" aria-live="polite"></p>
</form>
</section>`;
}

export function renderDocsPage(options: DocsPageOptions): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(options.title)}</title>
<link rel="icon" href="data:,">
${options.styles.map((href) => `<link rel="stylesheet" href="${escapeHtml(href)}">`).join('\n')}
</head>
<body>
<main>
${options.localTokenHref ? localSignIn(options.localTokenHref) : ''}
<div id="swagger-ui" data-openapi-url="openapi.json"></div>
<noscript><p>The reference needs JavaScript. The document itself: <a href="openapi.json">openapi.json</a>.</p></noscript>
</main>
${options.scripts.map((src) => `<script src="${escapeHtml(src)}"></script>`).join('\n')}
</body>
</html>
`;
}
