/**
 * An edition's deadline: in the edition's zone (Beijing time), in the viewer's, and counted down in its last 48 hours
 * while the edition is open (one closed by hand before its deadline counts nothing down).
 */
import { useEffect, useState } from 'preact/hooks';
import { useApp } from '../app-context';
import { localTime, zonedTime } from '../i18n/i18n';
import type { Edition } from './queries';

const COUNTDOWN_MS = 48 * 3600 * 1000;
const MINUTE_MS = 60 * 1000;

export function Deadline({ edition }: { edition: Pick<Edition, 'deadline' | 'timeZone'> & { status?: Edition['status'] } }) {
  const { t } = useApp();
  const [now, setNow] = useState(Date.now());
  const left = Date.parse(edition.deadline) - now;
  const counting = left > 0 && left <= COUNTDOWN_MS && (edition.status === undefined || edition.status === 'open');
  useEffect(() => {
    if (!counting) return;
    const timer = setInterval(() => setNow(Date.now()), MINUTE_MS / 2);
    return () => clearInterval(timer);
  }, [counting]);
  const minutes = Math.floor(left / MINUTE_MS);
  return (
    <span class="deadline">
      <time dateTime={edition.deadline}>{zonedTime(t, edition.deadline, edition.timeZone)}</time>
      <span class="hint">{localTime(t, edition.deadline)}</span>
      {counting && <strong class="countdown">{t('time.countdown', { hours: Math.floor(minutes / 60), minutes: minutes % 60 })}</strong>}
    </span>
  );
}
