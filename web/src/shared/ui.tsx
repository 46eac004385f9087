/** The few pieces every page shares: loading, a failure with its retry, the offline banner. */
import { useApp } from '../app-context';
import { ApiProblem } from '../api/client';
import { failureText } from './api';
import { useOnline } from './online';

export function Loading() {
  const { t } = useApp();
  return (
    <p class="loading" role="status">
      {t('status.loading')}
    </p>
  );
}

/** A failed load, in the person's language, with the id to quote and a way to try again. */
export function Failure({ error, retry }: { error: unknown; retry?: () => void }) {
  const { t, locale } = useApp();
  const reference = error instanceof ApiProblem ? error.correlationId : null;
  return (
    <div class="failure" role="alert">
      <p>{failureText(error, t, locale)}</p>
      {reference && <p class="hint">{t('error.reference', { id: reference })}</p>}
      {retry && (
        <button type="button" class="secondary" onClick={retry}>
          {t('action.retry')}
        </button>
      )}
    </div>
  );
}

export function OfflineBanner() {
  const { t } = useApp();
  const online = useOnline();
  // Always in the page, so that screen readers announce the change when it fills.
  return (
    <div class={online ? 'offline-banner hidden' : 'offline-banner'} role="status" aria-live="polite">
      {online ? '' : t('error.offline')}
    </div>
  );
}
