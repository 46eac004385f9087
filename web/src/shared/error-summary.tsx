/**
 * A form's problems at its top (GOV.UK's error summary): announced, focusable, each linking to its field and taking
 * the focus there; a problem of no field is plain text. The case editor's links find their field by its path
 * (cases/field-link.tsx); other forms name the control's id.
 */
import type { RefObject } from 'preact';
import { useApp } from '../app-context';

export interface SummaryItem {
  /** The id of the control the problem is about; none for a problem of the whole form. */
  target?: string | undefined;
  text: string;
}

export function ErrorSummary({ id, items, focusRef, level = 2 }: { id: string; items: SummaryItem[]; focusRef: RefObject<HTMLDivElement | null>; level?: 2 | 3 }) {
  const { t } = useApp();
  if (items.length === 0) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div class="error-summary" role="alert" tabIndex={-1} ref={focusRef} aria-labelledby={id}>
      <Heading id={id}>{t('error.summary')}</Heading>
      <ul>
        {items.map(({ target, text }) => (
          <li key={`${target ?? ''}:${text}`}>
            {target ? (
              <a
                href={`#${target}`}
                onClick={(e) => {
                  const control = document.getElementById(target);
                  if (!control) return;
                  e.preventDefault();
                  control.focus();
                }}
              >
                {text}
              </a>
            ) : (
              text
            )}
          </li>
        ))}
      </ul>
    </div>
  );
}
