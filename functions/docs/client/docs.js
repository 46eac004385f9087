/**
 * Starts Swagger UI on the page's OpenAPI document (served as a file, so the page's content security policy can
 * forbid inline scripts) and, when the API runs locally, wires the local sign-in form to Swagger UI's Authorize.
 */
/* global SwaggerUIBundle, document, fetch, FormData */
(() => {
  const root = document.getElementById('swagger-ui');
  const ui = SwaggerUIBundle({
    // Relative to the page: /dev/docs loads /dev/openapi.json.
    url: root.dataset.openapiUrl,
    dom_id: '#swagger-ui',
    deepLinking: true,
    filter: true,
    persistAuthorization: true,
    displayRequestDuration: true,
    // No call to validator.swagger.io (its default): nothing leaves the API's own origin.
    validatorUrl: null,
  });

  const form = document.getElementById('local-sign-in');
  if (!form) return;
  const status = document.getElementById('local-sign-in-status');
  const show = (text, failed) => {
    status.textContent = text;
    status.classList.toggle('failed', failed);
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const role = String(data.get('role') ?? 'applicant');
    const request = {
      sub: String(data.get('sub') ?? '').trim(),
      email: String(data.get('email') ?? '').trim(),
      groups: role === 'applicant' ? [] : [role],
    };
    show('Getting a token…', false);
    try {
      const res = await fetch(form.dataset.tokenUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(request),
      });
      const body = await res.json();
      if (!res.ok || typeof body.token !== 'string') {
        const fields = Array.isArray(body.errors) ? body.errors.map((e) => `${e.path || 'body'}: ${e.message}`).join('; ') : '';
        show(`No token: ${body.detail ?? res.statusText}${fields ? ` (${fields})` : ''}`, true);
        return;
      }
      // The security scheme of the document is named bearer (functions/shared/openapi.ts).
      ui.preauthorizeApiKey('bearer', body.token);
      show(`Signed in as ${request.sub} (${role}). "Try it out" now sends this token.`, false);
    } catch (err) {
      show(`No token: ${err instanceof Error ? err.message : String(err)}`, true);
    }
  });
})();
