/** A case as the results publish it: the public fields only, the title and summary in the page's language when the case has it. */
import type { Schemas } from '../api/client';
import { useApp } from '../app-context';
import { labelOf, type Vocabulary } from '../cases/queries';
import { countryName } from '../i18n/i18n';
import { inPageLanguage } from './queries';

type PublicCase = Schemas['PublicCase'];

/** What the results publish of a case (GET /editions/{editionId}/results): the release page names them before. */
export const PUBLIC_FIELDS = ['title', 'category', 'caseType', 'summary', 'countries', 'organisation', 'partners'] as const;

export function PublicCaseItem({ item, vocabulary }: { item: PublicCase; vocabulary: Vocabulary }) {
  const { t, locale } = useApp();
  const title = inPageLanguage(item.title, item.titleZh, locale);
  const summary = inPageLanguage(item.summary, item.summaryZh, locale);
  const place = (name: string, country: string | undefined) => (country ? t('release.field.place', { name, country: countryName(locale, t, country) }) : name);
  return (
    <li class="release-case">
      <h3 lang={title?.lang}>{title?.text ?? item.caseId}</h3>
      {summary && <p lang={summary.lang}>{summary.text}</p>}
      <dl>
        {item.category && (
          <div>
            <dt>{t('release.field.category')}</dt>
            <dd>{labelOf(vocabulary.categories, item.category)}</dd>
          </div>
        )}
        {item.caseType && (
          <div>
            <dt>{t('release.field.caseType')}</dt>
            <dd>{labelOf(vocabulary.caseTypes, item.caseType)}</dd>
          </div>
        )}
        {item.countries.length > 0 && (
          <div>
            <dt>{t('release.field.countries')}</dt>
            <dd>{item.countries.map((c) => countryName(locale, t, c)).join(t('release.list.separator'))}</dd>
          </div>
        )}
        {item.organisation?.name && (
          <div>
            <dt>{t('release.field.organisation')}</dt>
            <dd>{place(item.organisation.name, item.organisation.country)}</dd>
          </div>
        )}
        {item.partners.length > 0 && (
          <div>
            <dt>{t('release.field.partners')}</dt>
            <dd>{item.partners.map((p) => place(p.name, p.country)).join(t('release.list.separator'))}</dd>
          </div>
        )}
      </dl>
    </li>
  );
}
