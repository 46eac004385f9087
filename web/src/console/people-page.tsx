/**
 * People: the expert committee by name and e-mail address, never by sub (issue 17). The organiser invites a reviewer
 * (invite-form.tsx), reads each one's status and load a page at a time, and removes one after confirming; the sub a
 * removal names is the one the list gave.
 */
import { useState } from 'preact/hooks';
import { ok, type ApiClient } from '../api/client';
import { useApp } from '../app-context';
import { ConfirmButton } from '../shared/confirm-button';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { InviteForm } from './invite-form';
import type { CommitteeMember } from './queries';
import { useMore, type Page } from '../shared/use-more';

const PAGE_SIZE = 25;

const committeePage = (api: ApiClient, cursor?: string) => ok(api.GET('/reviewers', { params: { query: { limit: PAGE_SIZE, ...(cursor ? { cursor } : {}) } } }));

/** What became of the last removal: said until the next one. */
type Removal = { removed: string } | { error: unknown };

export function PeoplePage() {
  const { api, t } = useApp();
  // Bumped by an invitation or a removal: the list is read again from its first page.
  const [version, setVersion] = useState(0);
  const [first, retry] = useResource(() => committeePage(api), [api, version]);
  const [removal, setRemoval] = useState<Removal>();
  const changed = () => setVersion((v) => v + 1);

  const remove = async (member: CommitteeMember) => {
    try {
      await ok(api.DELETE('/reviewers/{sub}', { params: { path: { sub: member.sub } } }));
      setRemoval({ removed: t('console.people.removed', { name: member.name }) });
    } catch (error) {
      setRemoval({ error });
    }
    // Also after a 404: whoever removed them first, the list shows the committee as it is now.
    changed();
  };

  return (
    <section class="console-people" aria-labelledby="people-title">
      <p>
        <a href="/console">{t('console.back')}</a>
      </p>
      <h1 id="people-title">{t('console.people.title')}</h1>
      <p class="hint">{t('console.people.intro')}</p>
      <InviteForm
        onInvited={() => {
          setRemoval(undefined);
          changed();
        }}
      />
      <section aria-labelledby="people-list-title">
        <h2 id="people-list-title">{t('console.people.list')}</h2>
        <p role="status" class="console-saved">
          {removal && 'removed' in removal ? removal.removed : ''}
        </p>
        {removal && 'error' in removal && <Failure error={removal.error} />}
        {first.state === 'loading' && <Loading />}
        {first.state === 'failed' && <Failure error={first.error} retry={retry} />}
        {first.state === 'ready' && <Members key={version} first={first.data} onRemove={remove} />}
      </section>
    </section>
  );
}

function Members({ first, onRemove }: { first: Page<CommitteeMember>; onRemove: (member: CommitteeMember) => void }) {
  const { api, t } = useApp();
  const { items, hasMore, busy, error, loadMore } = useMore(first, (cursor) => committeePage(api, cursor));
  if (items.length === 0) return <p class="empty">{t('console.people.empty')}</p>;
  return (
    <>
      <ul class="cases">
        {items.map((m) => (
          <Member key={m.sub} member={m} onRemove={() => onRemove(m)} />
        ))}
      </ul>
      {hasMore && (
        <button type="button" class="secondary" onClick={loadMore} disabled={busy}>
          {t('console.people.more')}
        </button>
      )}
      {error !== undefined && <Failure error={error} retry={loadMore} />}
    </>
  );
}

function Member({ member: m, onRemove }: { member: CommitteeMember; onRemove: () => void }) {
  const { t } = useApp();
  return (
    <li class="case">
      <h3>{m.name}</h3>
      <dl>
        <div>
          <dt>{t('console.people.email')}</dt>
          <dd>{m.email}</dd>
        </div>
        <div>
          <dt>{t('console.people.status')}</dt>
          <dd>{t(`console.people.status.${m.status}`)}</dd>
        </div>
        <div>
          <dt>{t('console.people.load')}</dt>
          <dd>{t('console.people.loadValue', { assigned: m.load.assigned, reviewed: m.load.reviewed })}</dd>
        </div>
      </dl>
      <ConfirmButton
        id={`remove-${m.sub}`}
        button={t('console.people.remove', { name: m.name })}
        title={t('console.people.removeTitle', { name: m.name, email: m.email })}
        text={t('console.people.removeText')}
        confirm={t('console.people.removeConfirm')}
        cancel={t('console.people.cancel')}
        onConfirm={onRemove}
      />
    </li>
  );
}
