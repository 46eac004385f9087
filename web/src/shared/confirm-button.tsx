import { useRef } from 'preact/hooks';

interface ConfirmButtonProps {
  /** Unique on the page: the dialog's title is named by it. */
  id: string;
  button: string;
  title: string;
  text: string;
  confirm: string;
  cancel: string;
  onConfirm: () => void;
}

/** A destructive action that asks first, in a modal dialog (focus kept inside, Escape cancels; Cancel has the focus). */
export function ConfirmButton({ id, button, title, text, confirm, cancel, onConfirm }: ConfirmButtonProps) {
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = `${id}-title`;
  return (
    <>
      <button type="button" class="danger" onClick={() => dialog.current?.showModal()}>
        {button}
      </button>
      <dialog ref={dialog} aria-labelledby={titleId}>
        <h2 id={titleId}>{title}</h2>
        <p>{text}</p>
        <form method="dialog">
          <button type="submit" class="danger" onClick={onConfirm}>
            {confirm}
          </button>{' '}
          <button type="submit" class="secondary" autofocus>
            {cancel}
          </button>
        </form>
      </dialog>
    </>
  );
}
