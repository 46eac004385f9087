/**
 * Assigning the committee to an edition's submitted cases: choose cases and reviewers and add the pairs, or ask for a
 * balanced suggestion (suggest-assignment.ts), edit the plan, then save it in one request (POST
 * /editions/{editionId}/assignments, all or nothing); each pair the API refuses (the reviewer owns the case, declared
 * a conflict, too many reviewers) is shown on its row. Reviewers are named by name and e-mail, never by sub.
 */
import { useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { ok, type ApiClient } from '../api/client';
import { useApp } from '../app-context';
import { titleOf, type Edition } from '../cases/queries';
import { failureText, fieldProblems, problemCode } from '../shared/api';
import { Field } from '../shared/field';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { allPages, loadAllCases, loadCommittee, loadEdition, MAX_PAGE, type CaseSummary, type CommitteeMember } from './queries';
import { suggestAssignment, type CaseToStaff, type Pair } from './suggest-assignment';

const DEFAULT_PER_CASE = 3;

/** A case with who reviews it and who may not; `own` when it is the organiser's (the API keeps its reviewers from them). */
interface Staffed extends CaseToStaff {
  summary: CaseSummary;
  own: boolean;
}

async function staffed(api: ApiClient, c: CaseSummary): Promise<Staffed> {
  const base = { caseId: c.caseId, ownerSub: c.owner.sub, summary: c };
  try {
    const reviewers = await allPages((cursor) => ok(api.GET('/cases/{caseId}/reviewers', { params: { path: { caseId: c.caseId }, query: { limit: MAX_PAGE, ...(cursor ? { cursor } : {}) } } })));
    return { ...base, own: false, assigned: reviewers.filter((r) => r.state === 'assigned').map((r) => r.sub), conflicted: reviewers.filter((r) => r.state === 'conflicted').map((r) => r.sub) };
  } catch (error) {
    if (problemCode(error) !== 'forbidden') throw error;
    return { ...base, own: true, assigned: [], conflicted: [] };
  }
}

async function loadBoard(api: ApiClient, editionId: string) {
  const [edition, cases, committee] = await Promise.all([loadEdition(api, editionId), loadAllCases(api, editionId, { status: 'submitted' }), loadCommittee(api)]);
  return { edition, committee, cases: await Promise.all(cases.map((c) => staffed(api, c))) };
}

export function AssignPage() {
  const { api } = useApp();
  const { params } = useRoute();
  const editionId = params.editionId ?? '';
  const [loaded, retry] = useResource(() => loadBoard(api, editionId), [api, editionId]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Failure error={loaded.error} retry={retry} />;
  return <Board key={editionId} {...loaded.data} />;
}

const pairKey = (p: Pair) => `${p.caseId} ${p.sub}`;

interface BoardProps {
  edition: Edition;
  cases: Staffed[];
  committee: CommitteeMember[];
}

function Board({ edition, ...initial }: BoardProps) {
  const { api, t, locale } = useApp();
  // Refreshed in place after a save, so that its outcome stays on the page with the new reviewers and loads.
  const [cases, setCases] = useState(initial.cases);
  const [committee, setCommittee] = useState(initial.committee);
  const [pickedCases, setPickedCases] = useState<ReadonlySet<string>>(new Set());
  const [pickedReviewers, setPickedReviewers] = useState<ReadonlySet<string>>(new Set());
  const [perCase, setPerCase] = useState(DEFAULT_PER_CASE);
  const [plan, setPlan] = useState<Pair[]>([]);
  const [refusals, setRefusals] = useState<ReadonlyMap<string, string>>(new Map());
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState<unknown>();
  const open = cases.filter((c) => !c.own);
  const who = (sub: string) => {
    const m = committee.find((r) => r.sub === sub);
    return m ? `${m.name} (${m.email})` : sub;
  };
  const titleOfCase = (caseId: string) => {
    const c = cases.find((x) => x.caseId === caseId);
    return (c && titleOf(c.summary, locale)) ?? t('console.cases.untitled');
  };
  const toggle = (set: ReadonlySet<string>, value: string) => {
    const next = new Set(set);
    if (!next.delete(value)) next.add(value);
    return next;
  };
  const addToPlan = (pairs: Pair[]) => {
    const seen = new Set(plan.map(pairKey));
    const added = pairs.filter((p) => {
      if (seen.has(pairKey(p))) return false;
      seen.add(pairKey(p));
      return true;
    });
    setPlan([...plan, ...added]);
    setRefusals(new Map());
  };
  const chosenCases = () => open.filter((c) => pickedCases.size === 0 || pickedCases.has(c.caseId));
  const chosenReviewers = () => committee.filter((r) => pickedReviewers.size === 0 || pickedReviewers.has(r.sub));

  const suggest = () => {
    // The plan so far counts as assigned, so that a second suggestion adds to it.
    const planned = (caseId: string) => plan.filter((p) => p.caseId === caseId).map((p) => p.sub);
    const load = (sub: string) => plan.filter((p) => p.sub === sub).length;
    const { pairs, short } = suggestAssignment(
      chosenCases().map((c) => ({ ...c, assigned: [...c.assigned, ...planned(c.caseId)] })),
      chosenReviewers().map((r) => ({ sub: r.sub, load: r.load.assigned + load(r.sub) })),
      perCase,
    );
    addToPlan(pairs);
    setNotice(short.length ? { ok: false, text: t('console.assign.short', { cases: short.map(titleOfCase).join(', ') }) } : undefined);
  };

  const addPicked = () => {
    const pairs = open.filter((c) => pickedCases.has(c.caseId)).flatMap((c) => [...pickedReviewers].filter((sub) => !c.assigned.includes(sub)).map((sub) => ({ caseId: c.caseId, sub })));
    addToPlan(pairs);
  };

  /** The cases' reviewers and the committee's loads as they are now. */
  const refresh = async () => {
    setStale(undefined);
    try {
      const [staffedAgain, committeeAgain] = await Promise.all([Promise.all(cases.map((c) => staffed(api, c.summary))), loadCommittee(api)]);
      setCases(staffedAgain);
      setCommittee(committeeAgain);
    } catch (error) {
      setStale(error);
    }
  };

  const save = async () => {
    setBusy(true);
    setNotice(undefined);
    const sent = plan;
    try {
      const result = await ok(api.POST('/editions/{editionId}/assignments', { params: { path: { editionId: edition.editionId } }, body: { assign: sent } }));
      setPlan([]);
      setRefusals(new Map());
      setNotice({ ok: true, text: t('console.assign.saved', { assigned: result.assigned.length, unchanged: result.unchanged.length }) });
      void refresh();
    } catch (error) {
      const byPair = new Map<string, string>();
      for (const p of fieldProblems(error)) {
        const index = /^assign\.(\d+)$/.exec(p.path)?.[1];
        const pair = index === undefined ? undefined : sent[Number(index)];
        if (pair) byPair.set(pairKey(pair), byPair.has(pairKey(pair)) ? `${byPair.get(pairKey(pair))} ${p.message}` : p.message);
      }
      setRefusals(byPair);
      setNotice({ ok: false, text: byPair.size ? t('console.assign.refused', { count: byPair.size }) : failureText(error, t, locale) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <article aria-labelledby="assign-title">
      <p>
        <a href={`/console/editions/${edition.editionId}`}>{t('console.cases.back', { name: edition.name })}</a>
      </p>
      <h1 id="assign-title">{t('console.assign.title', { name: edition.name })}</h1>
      {edition.status !== 'closed' && <p class="notice">{t('console.assign.notClosed')}</p>}
      {stale !== undefined && <Failure error={stale} retry={refresh} />}
      <div class="console-assign">
        <fieldset class="group">
          <legend>{t('console.assign.cases')}</legend>
          {cases.length === 0 && <p class="empty">{t('console.assign.noCases')}</p>}
          {cases.map((c) => (
            <div class="choice" key={c.caseId}>
              <input type="checkbox" id={`pick-case-${c.caseId}`} disabled={c.own} checked={pickedCases.has(c.caseId)} onChange={() => setPickedCases(toggle(pickedCases, c.caseId))} />
              <label for={`pick-case-${c.caseId}`}>
                {titleOfCase(c.caseId)}{' '}
                <span class="hint">
                  {c.own ? t('console.assign.own') : t('console.assign.caseReviewers', { count: c.assigned.length, names: c.assigned.map(who).join(', ') || '—' })}
                </span>
              </label>
            </div>
          ))}
        </fieldset>
        <fieldset class="group">
          <legend>{t('console.assign.reviewers')}</legend>
          {committee.length === 0 && <p class="empty">{t('console.assign.noReviewers')}</p>}
          {committee.map((r) => (
            <div class="choice" key={r.sub}>
              <input type="checkbox" id={`pick-reviewer-${r.sub}`} checked={pickedReviewers.has(r.sub)} onChange={() => setPickedReviewers(toggle(pickedReviewers, r.sub))} />
              <label for={`pick-reviewer-${r.sub}`}>
                {who(r.sub)} <span class="hint">{t('console.assign.load', { assigned: r.load.assigned, reviewed: r.load.reviewed })}</span>
              </label>
            </div>
          ))}
        </fieldset>
      </div>
      <p class="hint">{t('console.assign.pickHint')}</p>
      <div class="console-toolbar">
        <button type="button" class="secondary" onClick={addPicked} disabled={pickedCases.size === 0 || pickedReviewers.size === 0}>
          {t('console.assign.addPicked')}
        </button>
        <Field id="assign-per-case" label={t('console.assign.perCase')}>
          {(control) => <input {...control} type="number" min={1} max={20} value={perCase} onInput={(e) => setPerCase(Math.max(1, Number(e.currentTarget.value) || 1))} />}
        </Field>
        <button type="button" class="secondary" onClick={suggest} disabled={committee.length === 0}>
          {t('console.assign.suggest')}
        </button>
      </div>
      <section aria-labelledby="plan-title">
        <h2 id="plan-title">{t('console.assign.plan', { count: plan.length })}</h2>
        {notice && (
          <p class={notice.ok ? 'notice' : 'error'} role={notice.ok ? 'status' : 'alert'}>
            {notice.text}
          </p>
        )}
        {plan.length === 0 ? (
          <p class="empty">{t('console.assign.planEmpty')}</p>
        ) : (
          <ul class="cases">
            {plan.map((p) => (
              <li class={refusals.has(pairKey(p)) ? 'case console-refused' : 'case'} key={pairKey(p)}>
                <p>{t('console.assign.pair', { title: titleOfCase(p.caseId), reviewer: who(p.sub) })}</p>
                {refusals.has(pairKey(p)) && <p class="error">{refusals.get(pairKey(p))}</p>}
                <button type="button" class="link" onClick={() => setPlan(plan.filter((q) => pairKey(q) !== pairKey(p)))}>
                  {t('console.assign.remove', { title: titleOfCase(p.caseId), reviewer: who(p.sub) })}
                </button>
              </li>
            ))}
          </ul>
        )}
        <button type="button" onClick={save} disabled={busy || plan.length === 0}>
          {t('console.assign.save')}
        </button>
      </section>
    </article>
  );
}
