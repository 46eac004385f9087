/**
 * One edition for its organisers: its settings (edition-form.tsx), closing it by hand, the extensions granted, and the
 * audit trail with whether its hash chain holds. A new edition is the same form without an edition.
 */
import { useState } from 'preact/hooks';
import { useLocation, useRoute } from 'preact-iso/router';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { Deadline } from '../cases/deadline';
import { labelOf, loadVocabulary, type Edition, type Vocabulary } from '../cases/queries';
import { failureText } from '../shared/api';
import { ConfirmButton } from '../shared/confirm-button';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { AuditTrail, Extensions } from './audit-trail';
import { EditionForm } from './edition-form';
import { loadEdition } from './queries';

export function NewEditionPage() {
  const { t } = useApp();
  const { route } = useLocation();
  return (
    <section aria-labelledby="new-edition-title">
      <p>
        <a href="/console">{t('console.back')}</a>
      </p>
      <h1 id="new-edition-title">{t('console.edition.new')}</h1>
      <EditionForm edition={undefined} onSaved={(saved) => route(`/console/editions/${saved.editionId}`)} />
    </section>
  );
}

export function EditionPage() {
  const { api, locale } = useApp();
  const { params } = useRoute();
  const editionId = params.editionId ?? '';
  const [loaded, retry] = useResource(() => Promise.all([loadEdition(api, editionId), loadVocabulary(api, locale)]), [api, editionId, locale]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Failure error={loaded.error} retry={retry} />;
  return <EditionView key={editionId} initial={loaded.data[0]} vocabulary={loaded.data[1]} />;
}

function EditionView({ initial, vocabulary }: { initial: Edition; vocabulary: Vocabulary }) {
  const { t } = useApp();
  const [edition, setEdition] = useState(initial);
  const { editionId } = edition;
  return (
    <article aria-labelledby="edition-title">
      <p>
        <a href="/console">{t('console.back')}</a>
      </p>
      <h1 id="edition-title">{edition.name}</h1>
      <p class="meta">
        {editionId} · {labelOf(vocabulary.editionStatuses, edition.status)} · {t('console.edition.deadline')}: <Deadline edition={edition} />
      </p>
      <ul class="console-links">
        <li>
          <a href={`/console/editions/${editionId}/cases`}>{t('console.cases.link')}</a>
        </li>
        <li>
          <a href={`/console/editions/${editionId}/assignments`}>{t('console.assign.link')}</a>
        </li>
        <li>
          <a href={`/console/editions/${editionId}/notifications`}>{t('release.toNotifications')}</a>
        </li>
        <li>
          <a href={`/console/editions/${editionId}/release`}>{t('release.toRelease')}</a>
        </li>
      </ul>
      <CloseEdition edition={edition} onClosed={setEdition} />
      <EditionForm edition={edition} onSaved={setEdition} />
      <Extensions edition={edition} />
      <AuditTrail editionId={editionId} version={edition.version} />
    </article>
  );
}

function CloseEdition({ edition, onClosed }: { edition: Edition; onClosed: (closed: Edition) => void }) {
  const { api, t, locale } = useApp();
  const [failure, setFailure] = useState<string>();
  if (edition.status !== 'open' && edition.status !== 'upcoming') return null;
  const close = async () => {
    setFailure(undefined);
    try {
      onClosed(await ok(api.POST('/editions/{editionId}/close', { params: { path: { editionId: edition.editionId } } })));
    } catch (error) {
      setFailure(failureText(error, t, locale));
    }
  };
  return (
    <section class="console-close" aria-labelledby="close-title">
      <h2 id="close-title">{t('console.close.title')}</h2>
      <p>{t('console.close.text')}</p>
      <ConfirmButton
        id="close-edition"
        button={t('console.close.button')}
        title={t('console.close.confirmTitle', { name: edition.name })}
        text={t('console.close.confirmText')}
        confirm={t('console.close.confirm')}
        cancel={t('console.close.cancel')}
        onConfirm={close}
      />
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
    </section>
  );
}
