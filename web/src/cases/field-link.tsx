/** Problems that take the person to their field: the readiness checklist and the error summary (GOV.UK's pattern). */
import { useApp } from '../app-context';

/** The control a problem's path names (`contact.email`, `partners.1.country`, `organisation`), or its nearest. */
function fieldFor(path: string, inChinese: boolean): HTMLElement | null {
  // A title or summary missing in both languages: the Chinese page points at the Chinese one.
  const first = inChinese && (path === 'title' || path === 'summary') ? `${path}Zh` : path;
  for (let p = first; p; p = p.split('.').slice(0, -1).join('.')) {
    const prefix = `[id^="case-${CSS.escape(p)}."]`;
    // A control only: a field's hint and error have ids under the same prefix.
    const found = document.getElementById(`case-${p}`) ?? document.querySelector<HTMLElement>(['input', 'select', 'textarea'].map((tag) => tag + prefix).join());
    if (found) return found;
  }
  return null;
}

export function FieldLink({ path, text }: { path: string; text: string }) {
  const { locale } = useApp();
  return (
    <a
      href={`#case-${path}`}
      onClick={(e) => {
        const target = fieldFor(path, locale === 'zh-CN');
        if (!target) return;
        e.preventDefault();
        target.scrollIntoView({ block: 'center' });
        target.focus();
      }}
    >
      {text}
    </a>
  );
}
