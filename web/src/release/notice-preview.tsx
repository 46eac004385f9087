/**
 * The notice a selected case's owner would receive, exactly (GET …/notifications/preview): in the owner's language
 * whatever the page's (Content-Language says which), then the same notice in every other language (`lang`), side by
 * side, so that the organisers read each wording before anything is sent. Each is marked with its language.
 */
import { useState } from 'preact/hooks';
import { ok, type ApiClient } from '../api/client';
import { useApp } from '../app-context';
import { labelOf, titleOf, type Vocabulary } from '../cases/queries';
import { LOCALES, type Locale } from '../i18n/i18n';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import type { CaseSummary } from './queries';

async function loadPreview(api: ApiClient, editionId: string, caseId: string, lang?: Locale) {
  const pending = api.GET('/editions/{editionId}/notifications/preview', { params: { path: { editionId }, query: { caseId, ...(lang ? { lang } : {}) } } });
  const notice = await ok(pending);
  const language = (await pending).response.headers.get('content-language');
  return { notice, lang: LOCALES.find((l) => l === language) };
}

/** The notice as it will be sent (first), then in each other language. */
async function loadPreviews(api: ApiClient, editionId: string, caseId: string) {
  const sent = await loadPreview(api, editionId, caseId);
  const others = await Promise.all(LOCALES.filter((l) => l !== sent.lang).map((l) => loadPreview(api, editionId, caseId, l)));
  return [{ ...sent, sent: true }, ...others.map((o) => ({ ...o, sent: false }))];
}

export function NoticePreview({ editionId, cases, vocabulary }: { editionId: string; cases: CaseSummary[]; vocabulary: Vocabulary }) {
  const { t, locale } = useApp();
  const [caseId, setCaseId] = useState(cases[0]?.caseId ?? '');
  return (
    <section class="release-preview" aria-labelledby="preview-title">
      <h2 id="preview-title">{t('release.preview.title')}</h2>
      {cases.length === 0 ? (
        <p class="empty">{t('release.preview.none')}</p>
      ) : (
        <>
          <div class="field">
            <label for="preview-case">{t('release.preview.case')}</label>
            <p class="hint" id="preview-case-hint">
              {t('release.preview.hint')}
            </p>
            <select id="preview-case" aria-describedby="preview-case-hint" value={caseId} onChange={(e) => setCaseId(e.currentTarget.value)}>
              {cases.map((c) => (
                <option key={c.caseId} value={c.caseId}>
                  {t('release.preview.option', { title: titleOf(c, locale) ?? c.caseId, decision: labelOf(vocabulary.decisions, c.decision ?? '') })}
                </option>
              ))}
            </select>
          </div>
          <Notice editionId={editionId} caseId={caseId} />
        </>
      )}
    </section>
  );
}

function Notice({ editionId, caseId }: { editionId: string; caseId: string }) {
  const { api, locale } = useApp();
  // The page's language is asked for too: a refusal (a problem) comes in it.
  const [preview, retry] = useResource(() => loadPreviews(api, editionId, caseId), [api, editionId, caseId, locale]);
  if (preview.state === 'loading') return <Loading />;
  if (preview.state === 'failed') return <Failure error={preview.error} retry={retry} />;
  return (
    <div class="release-mails">
      {preview.data.map((p) => (
        <Mail key={p.lang} {...p} />
      ))}
    </div>
  );
}

function Mail({ notice, lang, sent }: Awaited<ReturnType<typeof loadPreviews>>[number]) {
  const { t, locale } = useApp();
  return (
    <article class="release-mail" aria-label={notice.subject} lang={lang}>
      {lang && (
        <p class="release-mail-language" lang={locale}>
          {t(sent ? 'release.preview.language' : 'release.preview.otherLanguage', { language: t(`release.language.${lang}`) })}
        </p>
      )}
      <dl lang={locale}>
        <div>
          <dt>{t('release.preview.to')}</dt>
          <dd>{notice.to.join(', ')}</dd>
        </div>
        {notice.cc.length > 0 && (
          <div>
            <dt>{t('release.preview.cc')}</dt>
            <dd>{notice.cc.join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('release.preview.subject')}</dt>
          <dd lang={lang}>{notice.subject}</dd>
        </div>
      </dl>
      <h3 class="release-mail-body-title" lang={locale}>
        {t('release.preview.body')}
      </h3>
      <pre class="release-mail-body">{notice.text}</pre>
    </article>
  );
}
