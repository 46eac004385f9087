/**
 * The receipt of a submitted case: when, and the SHA-256 of what. The page rebuilds what was hashed from the case and
 * its verified files (functions/domain/receipt-document.ts, the API's own definition) and, when its SHA-256 is the
 * receipt, offers exactly those bytes: the person can hash the file with any tool and get the receipt. When files
 * changed since (a file verified or deleted after submitting), or the files could not be read, it offers the receipt
 * alone.
 */
import type { RefObject } from 'preact';
import { useEffect, useMemo } from 'preact/hooks';
import type { CaseFields } from '../../../functions/domain/case-input.ts';
import { receiptText } from '../../../functions/domain/receipt-document.ts';
import { CASE_FIELDS } from '../../../functions/domain/vocabulary.ts';
import { useApp } from '../app-context';
import { localTime, zonedTime } from '../i18n/i18n';
import { useResource } from '../shared/use-resource';
import { listAttachments, type Case, type Edition } from './queries';

/** The fields as the receipt holds them: those the case has (the API shows a missing one as null). */
const fieldsOf = (c: Case): CaseFields => Object.fromEntries(CASE_FIELDS.filter((k) => c[k] !== null && c[k] !== undefined).map((k) => [k, c[k]])) as CaseFields;

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export function Receipt({ theCase, edition, heading }: { theCase: Case; edition: Edition; heading: RefObject<HTMLHeadingElement | null> }) {
  const { api, t } = useApp();
  const receipt = theCase.receipt!;
  const { caseId, editionId } = theCase;
  const [hashed] = useResource(async () => {
    const text = receiptText({ caseId, editionId, submittedAt: receipt.submittedAt, fields: fieldsOf(theCase), attachments: await listAttachments(api, caseId) });
    return (await sha256Hex(text)) === receipt.sha256 ? text : undefined;
  }, [api, caseId, receipt.sha256]);
  const rebuilt = hashed.state === 'ready' ? hashed.data : undefined;
  const fileName = rebuilt ? `receipt-document-${caseId}.json` : `receipt-${caseId}.json`;
  const href = useMemo(() => {
    const body = rebuilt ?? JSON.stringify({ caseId, editionId, submittedAt: receipt.submittedAt, sha256: receipt.sha256 }, null, 2);
    return URL.createObjectURL(new Blob([body], { type: 'application/json' }));
  }, [rebuilt, caseId, editionId, receipt.submittedAt, receipt.sha256]);
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
      {hashed.state === 'loading' ? (
        <p class="hint" role="status">
          {t('receipt.checking')}
        </p>
      ) : (
        <>
          <p>
            <a href={href} download={fileName}>
              {t(rebuilt ? 'receipt.downloadDocument' : 'receipt.download')}
            </a>
          </p>
          {rebuilt ? (
            <>
              <p class="verified">{t('receipt.verified')}</p>
              <p class="hint">
                {t('receipt.recompute', { linux: `sha256sum ${fileName}`, mac: `shasum -a 256 ${fileName}`, windows: `certutil -hashfile ${fileName} SHA256` })}
              </p>
            </>
          ) : (
            hashed.state === 'ready' && <p class="hint">{t('receipt.changedSince')}</p>
          )}
        </>
      )}
      <p class="hint">{t('receipt.edits')}</p>
    </section>
  );
}
