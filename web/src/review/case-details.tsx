/**
 * A case as its reviewers read it: every field the API gives them (it gives no contact details), each text in its
 * language, the countries by name.
 */
import type { ComponentChildren } from 'preact';
import { useApp } from '../app-context';
import { countryName, type WebMessageKey } from '../i18n/i18n';
import { labelOf, type Case, type Vocabulary } from '../cases/queries';

export function CaseDetails({ theCase: c, vocabulary }: { theCase: Case; vocabulary: Vocabulary }) {
  const { t, locale } = useApp();
  const country = (code: string) => countryName(locale, t, code);
  const implementedOn = c.implementedOn && new Intl.DateTimeFormat(t('time.intlLocale'), { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(`${c.implementedOn}T00:00:00Z`));
  return (
    <section class="review-details" aria-labelledby="review-details-title">
      <h2 id="review-details-title">{t('review.case.title')}</h2>
      <dl>
        <Entry label="field.title" lang="en" value={c.title} />
        <Entry label="field.titleZh" lang="zh-CN" value={c.titleZh} />
        <Entry label="field.category" value={c.category && labelOf(vocabulary.categories, c.category)} />
        <Entry label="field.caseType" value={c.caseType && labelOf(vocabulary.caseTypes, c.caseType)} />
        <Entry label="field.implementedOn" value={implementedOn} />
        <Entry label="field.summary" lang="en" value={c.summary} />
        <Entry label="field.summaryZh" lang="zh-CN" value={c.summaryZh} />
        <Entry label="field.description" value={c.description} />
        <Entry label="field.countries" value={c.countries?.length ? c.countries.map(country).join(t('review.case.listJoin')) : null} />
        <Entry label="review.case.organisation" value={c.organisation?.name && [c.organisation.name, c.organisation.country && country(c.organisation.country)].filter(Boolean).join(' · ')} />
        <Entry
          label="review.case.partners"
          value={
            c.partners?.length ? (
              <ul>
                {c.partners.map((p) => (
                  <li key={`${p.name}:${p.country}`}>
                    {p.name} · {country(p.country)}
                  </li>
                ))}
              </ul>
            ) : null
          }
        />
        <Entry
          label="review.case.links"
          value={
            c.links?.length ? (
              <ul>
                {c.links.map((href) => (
                  <li key={href}>
                    <a href={href} rel="noreferrer">
                      {href}
                    </a>
                  </li>
                ))}
              </ul>
            ) : null
          }
        />
      </dl>
    </section>
  );
}

/** One field; an empty one is said to be empty (a reviewer should know it was left out, not wonder whether it failed to load). */
function Entry({ label, value, lang }: { label: WebMessageKey; value: ComponentChildren; lang?: string }) {
  const { t } = useApp();
  const empty = value === null || value === undefined || value === '' || value === false;
  return (
    <div>
      <dt>{t(label)}</dt>
      {empty ? <dd class="meta">{t('review.case.empty')}</dd> : <dd lang={lang}>{value}</dd>}
    </div>
  );
}
