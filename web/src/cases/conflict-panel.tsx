import { useApp } from '../app-context';
import type { WebMessageKey } from '../i18n/i18n';
import { patchOf, sameValue, type Draft, type DraftKey } from './case-draft';

/** Each field's name, as its label in the form says it. */
const LABELS: Readonly<Record<DraftKey, WebMessageKey>> = {
  title: 'field.title',
  titleZh: 'field.titleZh',
  category: 'field.category',
  caseType: 'field.caseType',
  summary: 'field.summary',
  summaryZh: 'field.summaryZh',
  description: 'field.description',
  implementedOn: 'field.implementedOn',
  countries: 'field.countries',
  organisation: 'field.organisation',
  partners: 'field.partners',
  contact: 'field.contact',
  links: 'field.links',
};

/** A 412: the fields changed here and not saved, as saved elsewhere and as typed here; the person chooses. */
export function ConflictPanel({ mine, theirs, dirty, onResolve }: { mine: Draft; theirs: Draft; dirty: ReadonlySet<DraftKey>; onResolve: (keepMine: boolean) => void }) {
  const { t } = useApp();
  const shown = (d: Draft, key: DraftKey) => {
    const value = Object.values(patchOf(d, [key]))[0];
    return value === null || value === undefined ? t('editor.empty') : typeof value === 'string' ? value : JSON.stringify(value);
  };
  const differing = [...dirty].filter((key) => !sameValue(mine, theirs, key));
  return (
    <section class="conflict" role="alert" aria-labelledby="conflict-title">
      <h2 id="conflict-title">{t('editor.conflict.title')}</h2>
      <p>{t('editor.conflict.text')}</p>
      <dl>
        {differing.map((key) => (
          <div key={key}>
            <dt>{t(LABELS[key])}</dt>
            <dd>{t('editor.conflict.theirs', { value: shown(theirs, key) })}</dd>
            <dd>{t('editor.conflict.yours', { value: shown(mine, key) })}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => onResolve(true)}>
        {t('editor.conflict.keep')}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => onResolve(false)}>
        {t('editor.conflict.reload')}
      </button>
    </section>
  );
}
