/**
 * The notification runs of an edition, followed live: the latest run with its counts, every run, and the recipients a
 * page at a time with their delivery status. While a run is going the page asks again every few seconds by itself.
 * Starting a run, or another one for those not yet sent (the API sends each owner their notice once), asks first.
 */
import { useEffect, useState } from 'preact/hooks';
import { ok, type Schemas } from '../api/client';
import { useApp } from '../app-context';
import { labelOf, titleOf, type Vocabulary } from '../cases/queries';
import { zonedTime } from '../i18n/i18n';
import { ConfirmButton } from '../shared/confirm-button';
import { Failure, Loading } from '../shared/ui';
import type { CaseSummary } from './queries';

type Notifications = Schemas['Notifications'];
type Run = Schemas['NotificationRun'];
type Recipient = Schemas['Recipient'];

/** How often a running run is read again. */
const POLL_MS = 2000;
const RECIPIENTS_PAGE = 25;

interface Loaded {
  data?: Notifications;
  error?: unknown;
  at?: Date;
}

/** The runs and a page of recipients (`cursor`), read again on refresh() and every POLL_MS while the latest run is running. */
function useNotifications(editionId: string, cursor: string | undefined): [Loaded, () => void] {
  const { api } = useApp();
  const [loaded, setLoaded] = useState<Loaded>({});
  const [tick, setTick] = useState(0);
  useEffect(() => {
    let current = true;
    const query = { limit: RECIPIENTS_PAGE, ...(cursor ? { cursor } : {}) };
    ok(api.GET('/editions/{editionId}/notifications', { params: { path: { editionId }, query } })).then(
      (data) => current && setLoaded({ data, at: new Date() }),
      // What was shown stays: a failed refresh of a running run is tried again at the next tick.
      (error: unknown) => current && setLoaded((before) => ({ ...before, error })),
    );
    return () => {
      current = false;
    };
  }, [api, editionId, cursor, tick]);
  const running = loaded.data?.runs[0]?.status === 'running';
  useEffect(() => {
    if (!running) return;
    const timer = setTimeout(() => setTick((n) => n + 1), POLL_MS);
    return () => clearTimeout(timer);
  }, [running, loaded]);
  return [loaded, () => setTick((n) => n + 1)];
}

interface NotificationRunProps {
  edition: Schemas['Edition'];
  selected: CaseSummary[];
  vocabulary: Vocabulary;
}

export function NotificationRun({ edition, selected, vocabulary }: NotificationRunProps) {
  const { t } = useApp();
  // The cursors of the pages before the one shown: "previous" pops one.
  const [cursors, setCursors] = useState<string[]>([]);
  const [loaded, refresh] = useNotifications(edition.editionId, cursors.at(-1));
  const latest = loaded.data?.runs[0];
  const nextCursor = loaded.data?.nextCursor;
  return (
    <section class="release-run" aria-labelledby="run-title">
      <h2 id="run-title">{t('release.run.title')}</h2>
      {!loaded.data && !loaded.error && <Loading />}
      {loaded.error !== undefined && <Failure error={loaded.error} retry={refresh} />}
      {loaded.data && (
        <>
          <div class={latest ? `release-latest release-run-${latest.status}` : undefined}>
            {/* Only the run's state is announced as it changes, not each count and refresh. */}
            <p class={latest ? 'release-latest-status' : 'empty'} aria-live="polite">
              {latest ? t('release.run.latest', { status: t(`release.run.status.${latest.status}`) }) : t('release.run.none')}
            </p>
            {latest && <RunSummary run={latest} timeZone={edition.timeZone} at={loaded.at} />}
          </div>
          {/* Deliveries, bounces and complaints are reported after the run, sometimes much later. */}
          {latest && latest.status !== 'running' && (
            <p>
              <button type="button" class="secondary" onClick={refresh}>
                {t('release.run.refresh')}
              </button>
            </p>
          )}
          <StartRun edition={edition} vocabulary={vocabulary} latest={latest} count={selected.length} started={refresh} />
          {loaded.data.runs.length > 1 && <RunHistory runs={loaded.data.runs} timeZone={edition.timeZone} />}
          <Recipients
            page={loaded.data}
            number={cursors.length + 1}
            titles={new Map(selected.map((c) => [c.caseId, c]))}
            vocabulary={vocabulary}
            timeZone={edition.timeZone}
            previous={cursors.length > 0 ? () => setCursors(cursors.slice(0, -1)) : undefined}
            next={nextCursor ? () => setCursors([...cursors, nextCursor]) : undefined}
          />
        </>
      )}
    </section>
  );
}

const COUNTS = ['total', 'sent', 'failed', 'skipped'] as const;

/** The latest run's counts and times. */
function RunSummary({ run, timeZone, at }: { run: Run; timeZone: string; at: Date | undefined }) {
  const { t } = useApp();
  return (
    <>
      <dl class="release-counts">
        {COUNTS.map((count) => (
          <div key={count}>
            <dt>{t(`release.run.${count}`)}</dt>
            <dd>{run.counts[count]}</dd>
          </div>
        ))}
        <div>
          <dt>{t('release.run.startedAt')}</dt>
          <dd>{zonedTime(t, run.startedAt, timeZone)}</dd>
        </div>
        {run.finishedAt && (
          <div>
            <dt>{t('release.run.finishedAt')}</dt>
            <dd>{zonedTime(t, run.finishedAt, timeZone)}</dd>
          </div>
        )}
      </dl>
      {run.status === 'running' && at && (
        <p class="hint">{t('release.run.following', { time: new Intl.DateTimeFormat(t('time.intlLocale'), { timeStyle: 'medium' }).format(at) })}</p>
      )}
    </>
  );
}

interface StartRunProps {
  edition: Schemas['Edition'];
  vocabulary: Vocabulary;
  latest: Run | undefined;
  count: number;
  started: () => void;
}

/** The first run, or another for those not yet sent; offered while none is going. What the last start answered stays. */
function StartRun({ edition, vocabulary, latest, count, started }: StartRunProps) {
  const { api, t } = useApp();
  const [state, setState] = useState<{ done?: boolean; error?: unknown }>({});
  if (edition.status !== 'closed' && edition.status !== 'released') {
    return <p class="notice">{t('release.run.notClosed', { status: labelOf(vocabulary.editionStatuses, edition.status) })}</p>;
  }
  const again = latest !== undefined;
  const start = async () => {
    setState({});
    try {
      await ok(api.POST('/editions/{editionId}/notifications', { params: { path: { editionId: edition.editionId } } }));
      setState({ done: true });
    } catch (error) {
      setState({ error });
    }
    // Either way the runs have news: the one started, or the one going that refused this start (409).
    started();
  };
  return (
    <div class="release-start">
      {latest?.status !== 'running' && (
        <>
          {again && <p class="hint">{t('release.run.againText')}</p>}
          <ConfirmButton
            id="start-run"
            button={t(again ? 'release.run.again' : 'release.run.start')}
            title={t(again ? 'release.run.againTitle' : 'release.run.startTitle')}
            text={again ? t('release.run.againText') : t('release.run.startText', { count })}
            confirm={t('release.run.confirm')}
            cancel={t('release.run.cancel')}
            onConfirm={() => void start()}
          />
        </>
      )}
      <p role="status">{state.done ? t('release.run.started') : ''}</p>
      {state.error !== undefined && <Failure error={state.error} />}
    </div>
  );
}

function RunHistory({ runs, timeZone }: { runs: Run[]; timeZone: string }) {
  const { t } = useApp();
  return (
    <div class="release-scroll" role="region" aria-labelledby="runs-title" tabIndex={0}>
      <table>
        <caption id="runs-title">{t('release.run.history')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('release.run.startedAt')}</th>
            <th scope="col">{t('release.recipients.status')}</th>
            {COUNTS.map((count) => (
              <th key={count} scope="col">
                {t(`release.run.${count}`)}
              </th>
            ))}
            <th scope="col">{t('release.run.finishedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {runs.map((run) => (
            <tr key={run.runId}>
              <td>{zonedTime(t, run.startedAt, timeZone)}</td>
              <td>{t(`release.run.status.${run.status}`)}</td>
              {COUNTS.map((count) => (
                <td key={count}>{run.counts[count]}</td>
              ))}
              <td>{run.finishedAt ? zonedTime(t, run.finishedAt, timeZone) : ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface RecipientsProps {
  page: Notifications;
  number: number;
  titles: Map<string, CaseSummary>;
  vocabulary: Vocabulary;
  timeZone: string;
  previous: (() => void) | undefined;
  next: (() => void) | undefined;
}

function Recipients({ page, number, titles, vocabulary, timeZone, previous, next }: RecipientsProps) {
  const { t, locale } = useApp();
  const title = (r: Recipient) => {
    const c = titles.get(r.caseId);
    return (c && titleOf(c, locale)) ?? r.caseId;
  };
  return (
    // Not a region itself: the table's scrolling box is the one, named by this heading.
    <div class="release-recipients">
      <h3 id="recipients-title">{t('release.recipients.title')}</h3>
      {page.recipients.length === 0 ? (
        <p class="empty">{t('release.recipients.empty')}</p>
      ) : (
        <div class="release-scroll" role="region" aria-labelledby="recipients-title" tabIndex={0}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t('release.recipients.case')}</th>
                <th scope="col">{t('release.recipients.email')}</th>
                <th scope="col">{t('release.recipients.decision')}</th>
                <th scope="col">{t('release.recipients.status')}</th>
                <th scope="col">{t('release.recipients.attempts')}</th>
                <th scope="col">{t('release.recipients.lastError')}</th>
                <th scope="col">{t('release.recipients.updated')}</th>
              </tr>
            </thead>
            <tbody>
              {page.recipients.map((r) => (
                <tr key={r.caseId}>
                  <th scope="row">{title(r)}</th>
                  <td class="release-email">{r.email}</td>
                  <td>{labelOf(vocabulary.decisions, r.decision)}</td>
                  <td class={`release-status release-status-${r.status}`}>{t(`release.recipients.status.${r.status}`)}</td>
                  <td>{r.attempts}</td>
                  <td>{r.lastError ?? ''}</td>
                  <td>{zonedTime(t, r.updatedAt, timeZone)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(previous || next) && (
        <nav class="release-pager" aria-label={t('release.recipients.title')}>
          {previous && (
            <button type="button" class="secondary" onClick={previous}>
              {t('release.recipients.previous')}
            </button>
          )}
          <span>{t('release.recipients.page', { n: number })}</span>
          {next && (
            <button type="button" class="secondary" onClick={next}>
              {t('release.recipients.next')}
            </button>
          )}
        </nav>
      )}
    </div>
  );
}
