/**
 * The committee's decision, as its owner sees it once their notice is sent or the results are released (before, the
 * API shows none). An outstanding case is asked for presentation materials until the edition's materials deadline: the
 * files section below takes them.
 */
import { useApp } from '../app-context';
import { zonedTime } from '../i18n/i18n';
import { labelOf, type Case, type Edition, type Vocabulary } from './queries';

type Decision = NonNullable<Case['decision']>;

export function DecisionPanel({ decision, edition, vocabulary }: { decision: Decision; edition: Edition; vocabulary: Vocabulary }) {
  const { t } = useApp();
  const due = edition.materialsDeadline;
  return (
    <section class={`decision decision-${decision}`} aria-labelledby="decision-title">
      <h2 id="decision-title">
        {t('decision.title')}: {labelOf(vocabulary.decisions, decision)}
      </h2>
      <p>{t(`decision.${decision}`)}</p>
      {decision === 'outstanding' && (
        <p>
          {!due
            ? t('decision.materialsLater')
            : t(Date.now() < Date.parse(due) ? 'decision.materials' : 'decision.materialsClosed', { deadline: zonedTime(t, due, edition.timeZone) })}
        </p>
      )}
    </section>
  );
}
