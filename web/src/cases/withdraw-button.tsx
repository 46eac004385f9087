import { useRef } from 'preact/hooks';
import { useApp } from '../app-context';

/** Withdrawing asks first, in a modal dialog (focus kept inside, Escape cancels). */
export function WithdrawButton({ onConfirm }: { onConfirm: () => void }) {
  const { t } = useApp();
  const dialog = useRef<HTMLDialogElement>(null);
  return (
    <>
      <button type="button" class="danger" onClick={() => dialog.current?.showModal()}>
        {t('withdraw.button')}
      </button>
      <dialog ref={dialog} aria-labelledby="withdraw-title">
        <h2 id="withdraw-title">{t('withdraw.title')}</h2>
        <p>{t('withdraw.text')}</p>
        <form method="dialog">
          <button type="submit" class="danger" onClick={onConfirm}>
            {t('withdraw.confirm')}
          </button>{' '}
          <button type="submit" class="secondary" autofocus>
            {t('withdraw.cancel')}
          </button>
        </form>
      </dialog>
    </>
  );
}
