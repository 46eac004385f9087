import type { RefObject } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import { useApp } from '../app-context';
import { localTime, zonedTime } from '../i18n/i18n';
import type { Case, Edition } from './queries';

/** The receipt of a submitted case: when, the SHA-256 of what, and the same as a small JSON file to keep. */
export function Receipt({ theCase, edition, heading }: { theCase: Case; edition: Edition; heading: RefObject<HTMLHeadingElement | null> }) {
  const { t } = useApp();
  const receipt = theCase.receipt!;
  const href = useMemo(
    () =>
      URL.createObjectURL(
        new Blob([JSON.stringify({ caseId: theCase.caseId, editionId: theCase.editionId, submittedAt: receipt.submittedAt, sha256: receipt.sha256 }, null, 2)], {
          type: 'application/json',
        }),
      ),
    [theCase.caseId, theCase.editionId, receipt.submittedAt, receipt.sha256],
  );
  useEffect(() => () => URL.revokeObjectURL(href), [href]);
  return (
    <section class="receipt" aria-labelledby="receipt-title">
      <h2 id="receipt-title" tabIndex={-1} ref={heading}>
        {t('receipt.title')}
      </h2>
      <dl>
        <dt>{t('receipt.submittedAt')}</dt>
        <dd>
          <time dateTime={receipt.submittedAt}>{zonedTime(t, receipt.submittedAt, edition.timeZone)}</time>
          <span class="hint">{localTime(t, receipt.submittedAt)}</span>
        </dd>
        <dt>{t('receipt.sha256')}</dt>
        <dd>
          <code class="hash">{receipt.sha256}</code>
        </dd>
      </dl>
      <p>
        <a href={href} download={`receipt-${theCase.caseId}.json`}>
          {t('receipt.download')}
        </a>
      </p>
      <p class="hint">{t('receipt.edits')}</p>
    </section>
  );
}
