/**
 * One form field as the GOV.UK Design System lays it out: its label, a hint, the error written as what to do, then
 * the control, which gets the id and the descriptions to point at.
 */
import type { ComponentChildren } from 'preact';

export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

interface FieldProps {
  id: string;
  label: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: (props: ControlProps) => ComponentChildren;
}

/** The ids of a field's hint and error, as its control's aria-describedby names them. */
export const describedBy = (id: string, hint: string | undefined, error: string | undefined): string =>
  [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(' ');

/** A field's hint and error, with the ids describedBy names (a fieldset of several controls uses them too). */
export function FieldNotes({ id, hint, error }: { id: string; hint?: string | undefined; error?: string | undefined }) {
  return (
    <>
      {hint && (
        <p class="hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p class="error" id={`${id}-error`}>
          {error}
        </p>
      )}
    </>
  );
}

export function Field({ id, label, hint, error, children }: FieldProps) {
  const described = describedBy(id, hint, error);
  return (
    <div class={error ? 'field invalid' : 'field'}>
      <label for={id}>{label}</label>
      <FieldNotes id={id} hint={hint} error={error} />
      {children({ id, ...(described ? { 'aria-describedby': described } : {}), ...(error ? { 'aria-invalid': true } : {}) })}
    </div>
  );
}
