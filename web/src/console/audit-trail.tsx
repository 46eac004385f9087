/**
 * The edition's audit trail (GET /editions/{editionId}/audit), newest first, a page at a time, with whether its hash
 * chain holds over the whole trail; and the extensions granted, read from it: the API has no list of extensions, and
 * each grant is an `extension-granted` entry (subject: the applicant's sub; details: deadline, reason).
 */
import { ok, type ApiClient } from '../api/client';
import { useApp } from '../app-context';
import type { Edition } from '../cases/queries';
import { localTime, zonedTime } from '../i18n/i18n';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { allPages, MAX_PAGE, type AuditEntry } from './queries';
import { useMore } from '../shared/use-more';

const PAGE_SIZE = 25;

const auditPage = (api: ApiClient, editionId: string, limit: number, cursor?: string) =>
  ok(api.GET('/editions/{editionId}/audit', { params: { path: { editionId }, query: { limit, ...(cursor ? { cursor } : {}) } } }));

/** `version` reloads it: a save or a close writes an entry. */
export function AuditTrail({ editionId, version }: { editionId: string; version: number }) {
  const { api, t } = useApp();
  const [first, retry] = useResource(() => auditPage(api, editionId, PAGE_SIZE), [api, editionId, version]);
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t('console.audit.title')}</h2>
      {first.state === 'loading' && <Loading />}
      {first.state === 'failed' && <Failure error={first.error} retry={retry} />}
      {first.state === 'ready' && <AuditList key={version} editionId={editionId} first={first.data} />}
    </section>
  );
}

function AuditList({ editionId, first }: { editionId: string; first: { items: AuditEntry[]; nextCursor: string | null; chainValid: boolean } }) {
  const { api, t } = useApp();
  const { items, hasMore, busy, error, loadMore } = useMore(first, (cursor) => auditPage(api, editionId, PAGE_SIZE, cursor));
  return (
    <>
      {first.chainValid ? (
        <p class="console-chain console-chain-valid" role="status">
          {t('console.audit.chainValid')}
        </p>
      ) : (
        <p class="console-chain console-chain-broken" role="alert">
          {t('console.audit.chainBroken')}
        </p>
      )}
      {items.length === 0 ? (
        <p class="empty">{t('console.audit.empty')}</p>
      ) : (
        <ol class="console-audit" reversed>
          {items.map((entry) => (
            <AuditItem key={entry.seq} entry={entry} />
          ))}
        </ol>
      )}
      {hasMore && (
        <button type="button" class="secondary" onClick={loadMore} disabled={busy}>
          {t('console.audit.more')}
        </button>
      )}
      {error !== undefined && <Failure error={error} retry={loadMore} />}
    </>
  );
}

function AuditItem({ entry }: { entry: AuditEntry }) {
  const { t } = useApp();
  return (
    <li class="console-audit-entry">
      <p>
        <strong>{t(`console.audit.action.${entry.action}`)}</strong> · <time dateTime={entry.at}>{localTime(t, entry.at)}</time>
      </p>
      <dl>
        <div>
          <dt>{t('console.audit.seq')}</dt>
          <dd>{entry.seq}</dd>
        </div>
        <div>
          <dt>{t('console.audit.by')}</dt>
          <dd>{entry.by}</dd>
        </div>
        <div>
          <dt>{t('console.audit.subject')}</dt>
          <dd>{entry.subject}</dd>
        </div>
        {Object.entries(entry.details).map(([key, value]) => (
          <div key={key}>
            <dt>{key}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

/** The extensions in force: the latest grant per applicant (a grant replaces the one before). */
export function Extensions({ edition }: { edition: Edition }) {
  const { api, t } = useApp();
  const { editionId } = edition;
  const [loaded, retry] = useResource(
    () => allPages((cursor) => auditPage(api, editionId, MAX_PAGE, cursor)).then((all) => all.filter((e) => e.action === 'extension-granted')),
    [api, editionId],
  );
  const latest = loaded.state === 'ready' ? [...new Map(loaded.data.map((e) => [e.subject, e] as const)).values()] : [];
  return (
    <section aria-labelledby="extensions-title">
      <h2 id="extensions-title">{t('console.extensions.title')}</h2>
      <p class="hint">{t('console.extensions.hint')}</p>
      {loaded.state === 'loading' && <Loading />}
      {loaded.state === 'failed' && <Failure error={loaded.error} retry={retry} />}
      {loaded.state === 'ready' &&
        (latest.length === 0 ? (
          <p class="empty">{t('console.extensions.empty')}</p>
        ) : (
          <ul class="cases">
            {latest.map((e) => (
              <li class="case" key={e.subject}>
                <dl>
                  <div>
                    <dt>{t('console.extensions.applicant')}</dt>
                    <dd>{e.subject}</dd>
                  </div>
                  {e.details.deadline && (
                    <div>
                      <dt>{t('console.extensions.deadline')}</dt>
                      <dd>
                        <time dateTime={e.details.deadline}>{zonedTime(t, e.details.deadline, edition.timeZone)}</time> <span class="hint">{localTime(t, e.details.deadline)}</span>
                      </dd>
                    </div>
                  )}
                  <div>
                    <dt>{t('console.extensions.reason')}</dt>
                    <dd>{e.details.reason}</dd>
                  </div>
                  <div>
                    <dt>{t('console.extensions.grantedBy')}</dt>
                    <dd>
                      {e.by} · <time dateTime={e.at}>{localTime(t, e.at)}</time>
                    </dd>
                  </div>
                </dl>
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}
