/**
 * Declaring a conflict of interest on an assigned case: the reason, then a confirmation, since the API then takes the
 * case off the reviewer's list for good (and deletes their review of it).
 */
import { useRef, useState } from 'preact/hooks';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { failureText, fieldProblems } from '../shared/api';
import { ConfirmButton } from '../shared/confirm-button';
import { Field } from '../shared/field';

export function ConflictOfInterest({ caseId, onDeclared }: { caseId: string; onDeclared: () => void }) {
  const { api, t, locale } = useApp();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);

  const declare = async () => {
    if (!reason.trim()) {
      setError(t('review.coi.reasonMissing'));
      requestAnimationFrame(() => field.current?.focus());
      return;
    }
    setError(undefined);
    setBusy(true);
    try {
      await ok(api.POST('/cases/{caseId}/conflict', { params: { path: { caseId } }, body: { reason: reason.trim() } }));
      onDeclared();
    } catch (failed) {
      setError(fieldProblems(failed)[0]?.message ?? failureText(failed, t, locale));
      setBusy(false);
    }
  };

  return (
    <section class="review-coi" aria-labelledby="review-coi-heading">
      <h2 id="review-coi-heading">{t('review.coi.title')}</h2>
      <p>{t('review.coi.intro')}</p>
      <fieldset class="plain" disabled={busy}>
        <Field id="review-coi-reason" label={t('review.coi.reason')} hint={t('review.coi.reasonHint')} error={error}>
          {(control) => <textarea {...control} ref={field} rows={3} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <ConfirmButton
          id="review-coi"
          button={t('review.coi.button')}
          title={t('review.coi.confirmTitle')}
          text={t('review.coi.confirmText')}
          confirm={t('review.coi.confirm')}
          cancel={t('review.coi.cancel')}
          onConfirm={() => void declare()}
        />
      </fieldset>
    </section>
  );
}
