/** A self-contained HTML rendering of the OpenAPI document: no CDN, no script, readable offline. */
type Json = Record<string, unknown>;

const esc = (s: unknown): string =>
  String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const pre = (v: unknown) => `<pre>${esc(JSON.stringify(v, null, 2))}</pre>`;

export function renderDocs(doc: Json): string {
  const info = doc.info as Json;
  const paths = doc.paths as Record<string, Record<string, Json>>;
  const ops: { tag: string; html: string }[] = [];
  for (const [path, methods] of Object.entries(paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const params = (op.parameters as Json[] | undefined) ?? [];
      const responses = Object.entries(op.responses as Record<string, Json>);
      const access = op.security ? 'public' : String(op['x-access'] ?? 'signed-in');
      ops.push({
        tag: String((op.tags as string[])[0]),
        html: `<section id="${esc(op.operationId)}">
<h3><span class="m ${esc(method)}">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code> <small>${esc(access)}</small></h3>
<p>${esc(op.summary)}</p>${op.description ? `<p>${esc(op.description)}</p>` : ''}
${params.length ? `<table><tr><th>parameter</th><th>in</th><th>required</th><th>schema</th></tr>${params
          .map((p) => `<tr><td><code>${esc(p.name)}</code></td><td>${esc(p.in)}</td><td>${p.required ? 'yes' : 'no'}</td><td><code>${esc(JSON.stringify(p.schema))}</code></td></tr>`)
          .join('')}</table>` : ''}
${op.requestBody ? `<details><summary>Request body</summary>${pre((op.requestBody as Json).content)}</details>` : ''}
<ul>${responses.map(([status, r]) => `<li><b>${esc(status)}</b> ${esc(r.description)}</li>`).join('')}</ul>
</section>`,
      });
    }
  }
  const tags = [...new Set(ops.map((o) => o.tag))];
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc(info.title)}</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}
code,pre{font:13px ui-monospace,monospace}pre{background:#f6f6f6;padding:.5rem;overflow:auto}
section{border-top:1px solid #ddd;padding:.5rem 0}.m{display:inline-block;min-width:4.5rem;font-size:12px;padding:2px 6px;border-radius:3px;background:#eee}
.get{background:#e3f2fd}.post{background:#e8f5e9}.put,.patch{background:#fff3e0}.delete{background:#ffebee}
table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:2px 6px;text-align:left}small{color:#777}</style></head>
<body><h1>${esc(info.title)} <small>${esc(info.version)}</small></h1><p>${esc(info.description)}</p>
<p>Machine-readable: <a href="openapi.json">openapi.json</a></p>
<nav><ul>${tags.map((t) => `<li><a href="#tag-${esc(t)}">${esc(t)}</a></li>`).join('')}</ul></nav>
${tags.map((t) => `<h2 id="tag-${esc(t)}">${esc(t)}</h2>${ops.filter((o) => o.tag === t).map((o) => o.html).join('\n')}`).join('\n')}
<h2>Schemas</h2>${pre((doc.components as Json).schemas)}
</body></html>`;
}
