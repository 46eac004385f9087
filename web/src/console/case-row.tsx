/**
 * A case in the organisers' list: what it is, whose it is, its review aggregate (mean total, spread, the reviewers'
 * recommendations), its decision (PUT /cases/{caseId}/decision, with a note for the audit trail) and an extension for
 * its applicant (PUT /editions/{editionId}/extensions/{sub}, the sub taken from the row so nobody types it). What the
 * API refuses (403 on the organiser's own case, 409 once notified or released) is shown on the row.
 */
import { useState } from 'preact/hooks';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { labelOf, titleOf, type Edition, type Vocabulary } from '../cases/queries';
import { countryName, localTime, zonedTime } from '../i18n/i18n';
import { failureText } from '../shared/api';
import { Field } from '../shared/field';
import type { CaseSummary, Decision } from './queries';
import { fromZonedInput } from './zoned-input';

interface CaseRowProps {
  item: CaseSummary;
  edition: Edition;
  vocabulary: Vocabulary;
  onDecided: () => void;
}

type Outcome = { ok: true; text: string } | { ok: false; text: string };

function RowMessage({ outcome }: { outcome: Outcome | undefined }) {
  if (!outcome) return <p role="status" class="console-row-message" />;
  return outcome.ok ? (
    <p role="status" class="console-row-message">
      {outcome.text}
    </p>
  ) : (
    <p role="alert" class="console-row-message error">
      {outcome.text}
    </p>
  );
}

export function CaseRow({ item, edition, vocabulary, onDecided }: CaseRowProps) {
  const { t, locale } = useApp();
  const [decision, setDecision] = useState(item.decision);
  const title = titleOf(item, locale) ?? t('console.cases.untitled');
  const titleId = `case-${item.caseId}-title`;
  const r = item.reviews;
  return (
    <li class="case console-case" aria-labelledby={titleId}>
      <h2 id={titleId}>{title}</h2>
      <dl>
        <div>
          <dt>{t('console.cases.owner')}</dt>
          <dd>
            {item.owner.email} <span class="hint">({item.owner.sub})</span>
          </dd>
        </div>
        <div>
          <dt>{t('console.cases.status')}</dt>
          <dd>{labelOf(vocabulary.caseStatuses, item.status)}</dd>
        </div>
        {item.category && (
          <div>
            <dt>{t('console.cases.category')}</dt>
            <dd>{labelOf(vocabulary.categories, item.category)}</dd>
          </div>
        )}
        {item.countries.length > 0 && (
          <div>
            <dt>{t('console.cases.countries')}</dt>
            <dd>{item.countries.map((c) => countryName(locale, t, c)).join(', ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('console.cases.reviews')}</dt>
          <dd>
            {r === null
              ? t('console.cases.reviewsHidden')
              : r.count === 0
                ? t('console.cases.noReviews')
                : t('console.cases.aggregate', { count: r.count, mean: (r.meanTotal ?? 0).toFixed(1), spread: (r.spread ?? 0).toFixed(1) })}
          </dd>
        </div>
        {r !== null && r.count > 0 && (
          <div>
            <dt>{t('console.cases.recommendations')}</dt>
            <dd>{vocabulary.recommendations.map((rec) => `${rec.label} ${r.recommendations[rec.id]}`).join(' · ')}</dd>
          </div>
        )}
        <div>
          <dt>{t('console.cases.decision')}</dt>
          <dd class={decision ? `decision-${decision}` : ''}>{decision ? labelOf(vocabulary.decisions, decision) : t('console.cases.undecided')}</dd>
        </div>
      </dl>
      {item.status === 'submitted' && (edition.status === 'closed' ? (
        <DecisionForm item={item} title={title} vocabulary={vocabulary} current={decision} onDecided={(d) => {
            setDecision(d);
            onDecided();
          }} />
      ) : (
        edition.status !== 'released' && <p class="hint">{t('console.decision.notYet')}</p>
      ))}
      <ExtensionForm item={item} edition={edition} />
    </li>
  );
}

function DecisionForm({ item, title, vocabulary, current, onDecided }: { item: CaseSummary; title: string; vocabulary: Vocabulary; current: Decision | null; onDecided: (d: Decision) => void }) {
  const { api, t, locale } = useApp();
  const [chosen, setChosen] = useState<Decision | null>(current);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const id = `decision-${item.caseId}`;
  const decide = async (event: Event) => {
    event.preventDefault();
    if (!chosen) return setOutcome({ ok: false, text: t('console.decision.choose') });
    setBusy(true);
    try {
      const saved = await ok(api.PUT('/cases/{caseId}/decision', { params: { path: { caseId: item.caseId } }, body: { decision: chosen, note: note.trim() || null } }));
      setOutcome({ ok: true, text: t('console.decision.saved', { decision: labelOf(vocabulary.decisions, saved.decision ?? chosen) }) });
      setNote('');
      onDecided(chosen);
    } catch (error) {
      setOutcome({ ok: false, text: failureText(error, t, locale) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form class="console-decision" onSubmit={decide} aria-label={t('console.decision.formLabel', { title })}>
      <fieldset class="field">
        <legend>{t('console.decision.legend')}</legend>
        <div class="console-choices">
          {vocabulary.decisions.map((d) => (
            <div class="choice" key={d.id}>
              <input type="radio" id={`${id}-${d.id}`} name={id} value={d.id} checked={chosen === d.id} onChange={() => setChosen(d.id)} />
              <label for={`${id}-${d.id}`}>{d.label}</label>
            </div>
          ))}
        </div>
      </fieldset>
      <Field id={`${id}-note`} label={t('console.decision.note')} hint={t('console.decision.noteHint')}>
        {(control) => <textarea {...control} rows={2} maxLength={2000} value={note} onInput={(e) => setNote(e.currentTarget.value)} />}
      </Field>
      <button type="submit" disabled={busy}>
        {t('console.decision.save')}
      </button>
      <RowMessage outcome={outcome} />
    </form>
  );
}

function ExtensionForm({ item, edition }: { item: CaseSummary; edition: Edition }) {
  const { api, t, locale } = useApp();
  const [wall, setWall] = useState('');
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>();
  const id = `extension-${item.caseId}`;
  const at = fromZonedInput(wall, edition.timeZone);
  const grant = async (event: Event) => {
    event.preventDefault();
    if (!at || !reason.trim()) return setOutcome({ ok: false, text: t('console.extension.incomplete') });
    setBusy(true);
    try {
      const granted = await ok(
        api.PUT('/editions/{editionId}/extensions/{sub}', { params: { path: { editionId: edition.editionId, sub: item.owner.sub } }, body: { deadline: at, reason: reason.trim() } }),
      );
      setOutcome({ ok: true, text: t('console.extension.granted', { email: item.owner.email, time: zonedTime(t, granted.deadline, edition.timeZone) }) });
    } catch (error) {
      setOutcome({ ok: false, text: failureText(error, t, locale) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <details class="console-extension">
      <summary>{t('console.extension.open', { email: item.owner.email })}</summary>
      <form onSubmit={grant}>
        <Field id={`${id}-deadline`} label={t('console.extension.deadline')} hint={t('console.edition.timeHint', { zone: edition.timeZone })}>
          {(control) => (
            <>
              <input {...control} type="datetime-local" class="console-time" value={wall} onInput={(e) => setWall(e.currentTarget.value)} />
              {at && (
                <p class="console-instant">
                  <time dateTime={at}>{zonedTime(t, at, edition.timeZone)}</time>
                  <span class="hint">{localTime(t, at)}</span>
                </p>
              )}
            </>
          )}
        </Field>
        <Field id={`${id}-reason`} label={t('console.extension.reason')}>
          {(control) => <input {...control} type="text" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />}
        </Field>
        <button type="submit" class="secondary" disabled={busy}>
          {t('console.extension.grant')}
        </button>
        <RowMessage outcome={outcome} />
      </form>
    </details>
  );
}
