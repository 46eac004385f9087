/**
 * Until when the edition takes reviews. The API has no review deadline (the Edition schema holds none): reviews are
 * taken once the edition has closed, each until the organisers record a decision on its case, and none after release.
 */
import { useApp } from '../app-context';
import { zonedTime } from '../i18n/i18n';
import type { Edition } from '../cases/queries';

export function ReviewWindow({ edition }: { edition: Edition }) {
  const { t } = useApp();
  if (edition.status === 'released') return <p class="notice">{t('review.window.released')}</p>;
  if (edition.status !== 'closed') return <p class="notice">{t('review.window.notYet', { deadline: zonedTime(t, edition.deadline, edition.timeZone) })}</p>;
  return <p class="notice">{t('review.window.open')}</p>;
}
