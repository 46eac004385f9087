/**
 * The case editor: every field of the case, saved as the person types (a debounced PATCH with If-Match, so that a
 * change made elsewhere is shown, never overwritten), the readiness checklist of the last save, submit and its
 * receipt, withdraw. Read-only when the case takes no changes from its owner (the API says until when it does: the
 * edition's deadline or their extension), with the reason; the decision once the owner may know it.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { useRoute } from 'preact-iso/router';
import { ApiProblem, ok } from '../api/client';
import { useApp } from '../app-context';
import { zonedTime, type Translate } from '../i18n/i18n';
import { failureText, fieldProblems, problemCode } from '../shared/api';
import { Field } from '../shared/field';
import { useOnline } from '../shared/online';
import { Failure, Loading } from '../shared/ui';
import { useResource } from '../shared/use-resource';
import { draftOf, keepUnsaved, patchOf, sameValue, unsavedOf, type Draft, type DraftKey } from './case-draft';
import { ConflictPanel } from './conflict-panel';
import { CountriesPicker, CountrySelect } from './country-fields';
import { FieldLink } from './field-link';
import { FilesSection } from './files-section';
import { Partners } from './partners-field';
import { labelOf, loadEditions, loadVocabulary, type Case, type Edition, type Vocabulary } from './queries';
import { Receipt } from './receipt';
import { ConfirmButton } from '../shared/confirm-button';
import { DecisionPanel } from './decision';

/** How long typing may pause before the changes are saved. */
const SAVE_DELAY_MS = 800;

/** The answers that mean the edition takes no more changes from this person (or the case is frozen by a decision). */
const LOCKING_CODES = new Set(['deadline-passed', 'edition-not-open', 'conflict']);

/** How long to wait after a 429 that does not say (Retry-After). */
const RATE_LIMIT_WAIT_S = 5;

/** The contract's entity tag of a version (API.md, "Optimistic concurrency"). */
const ifMatch = (c: Case): string => `"${c.version}"`;

export function CaseEditorPage() {
  const { api, locale } = useApp();
  const { params } = useRoute();
  const caseId = params.caseId ?? '';
  const [loaded, retry] = useResource(async () => {
    const theCase = await ok(api.GET('/cases/{caseId}', { params: { path: { caseId } } }));
    const [vocabulary, editions] = await Promise.all([loadVocabulary(api, locale), loadEditions(api)]);
    const edition = editions.find((e) => e.editionId === theCase.editionId) ?? (await ok(api.GET('/editions/{editionId}', { params: { path: { editionId: theCase.editionId } } })));
    return { theCase, vocabulary, edition };
  }, [api, caseId, locale]);
  if (loaded.state === 'loading') return <Loading />;
  if (loaded.state === 'failed') return <Failure error={loaded.error} retry={retry} />;
  // A new key per case: another case starts from its own saved state.
  return <Editor key={caseId} initial={loaded.data.theCase} edition={loaded.data.edition} vocabulary={loaded.data.vocabulary} />;
}

type SaveState = 'saved' | 'pending' | 'saving' | 'invalid' | 'offline' | 'failed' | 'conflict';

interface Problem {
  path: string;
  message: string;
}

interface EditorProps {
  initial: Case;
  edition: Edition;
  vocabulary: Vocabulary;
}

function Editor({ initial, edition, vocabulary }: EditorProps) {
  const { api, t, locale } = useApp();
  const caseId = initial.caseId;
  const kept = useMemo(() => unsavedOf(caseId), [caseId]);

  // What the server holds, the form's values and the fields changed since the last save. Read by the save that a
  // timer starts, after the render that scheduled it: refs, with a render asked for on each change.
  const state = useRef({
    saved: initial,
    draft: kept?.draft ?? draftOf(initial),
    dirty: new Set<DraftKey>(kept?.dirty ?? []),
    saving: false,
    /** A conflict to settle, or an edition that takes no more changes: nothing is sent. */
    blocked: false,
    timer: undefined as ReturnType<typeof setTimeout> | undefined,
  });
  const [, setTick] = useState(0);
  const refresh = () => setTick((n) => n + 1);
  const [saveState, setSaveState] = useState<SaveState>(kept ? 'pending' : 'saved');
  const [failure, setFailure] = useState<string>();
  const [problems, setProblems] = useState<Problem[]>([]);
  const [conflict, setConflict] = useState<Case | undefined>(
    // Changes kept from an earlier visit were made on a version that is no longer the stored one.
    kept && kept.version !== initial.version ? initial : undefined,
  );
  const [locked, setLocked] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  /** The last submit was refused (422): the problems are the reasons, not a failed save. */
  const [refused, setRefused] = useState(false);
  const [notice, setNotice] = useState<string>();
  const summary = useRef<HTMLDivElement>(null);
  const receiptHeading = useRef<HTMLHeadingElement>(null);
  const online = useOnline();

  const { saved, draft, dirty } = state.current;
  const readOnly = Boolean(locked) || !saved.editableUntil;
  const extended = saved.extension && saved.editableUntil === saved.extension.deadline ? saved.editableUntil : undefined;
  state.current.blocked = readOnly || Boolean(conflict);

  const persist = () => {
    const s = state.current;
    keepUnsaved(caseId, { draft: s.draft, dirty: [...s.dirty], version: s.saved.version });
  };

  /** What a failed write means for the page: a conflict, a lock, field problems, the network, or words to show. */
  const failed = async (error: unknown) => {
    const code = problemCode(error);
    if (code === 'precondition-failed') {
      setSaveState('conflict');
      try {
        setConflict(await ok(api.GET('/cases/{caseId}', { params: { path: { caseId } } })));
      } catch (again) {
        setFailure(failureText(again, t, locale));
      }
    } else if (code && LOCKING_CODES.has(code)) {
      setLocked(failureText(error, t, locale));
      setSaveState('failed');
    } else if (error instanceof ApiProblem && error.status === 429) {
      // Throttled: nothing is lost (the draft is kept); the save is tried again when the API says.
      const seconds = Math.max(1, error.retryAfterSeconds ?? RATE_LIMIT_WAIT_S);
      setFailure(t('error.rateLimited', { seconds }));
      setSaveState('failed');
      const s = state.current;
      clearTimeout(s.timer);
      s.timer = setTimeout(() => void save(), seconds * 1000);
    } else if (fieldProblems(error).length) {
      setProblems(fieldProblems(error));
      setSaveState('invalid');
    } else if (error instanceof TypeError) {
      setSaveState('offline');
    } else {
      setFailure(failureText(error, t, locale));
      setSaveState('failed');
    }
  };

  /** Sends the changed fields; whether everything is saved afterwards. */
  const save = async (): Promise<boolean> => {
    const s = state.current;
    clearTimeout(s.timer);
    if (s.saving || s.blocked) return false;
    if (s.dirty.size === 0) return true;
    s.saving = true;
    setSaveState('saving');
    const keys = [...s.dirty];
    const sent = s.draft;
    try {
      const stored = await ok(
        api.PATCH('/cases/{caseId}', { params: { path: { caseId }, header: { 'If-Match': ifMatch(s.saved) } }, body: patchOf(sent, keys) }),
      );
      s.saved = stored;
      // A field typed into while the save was under way stays to be saved.
      for (const key of keys) if (sameValue(s.draft, sent, key)) s.dirty.delete(key);
      persist();
      setProblems([]);
      setRefused(false);
      setFailure(undefined);
      setSaveState(s.dirty.size ? 'pending' : 'saved');
      if (s.dirty.size) schedule();
      return s.dirty.size === 0;
    } catch (error) {
      await failed(error);
      return false;
    } finally {
      s.saving = false;
      refresh();
    }
  };

  const schedule = () => {
    const s = state.current;
    clearTimeout(s.timer);
    s.timer = setTimeout(() => void save(), SAVE_DELAY_MS);
  };

  const edit = <K extends DraftKey>(key: K, value: Draft[K]) => {
    const s = state.current;
    s.draft = { ...s.draft, [key]: value };
    s.dirty.add(key);
    persist();
    setSaveState('pending');
    refresh();
    schedule();
  };

  // Changes kept from before (an expired session, a reload) are saved at once; offline ones when the network returns.
  useEffect(() => {
    if (online && state.current.dirty.size && !conflict) schedule();
    return () => clearTimeout(state.current.timer);
  }, [online, conflict]);
  // Leaving the page sends what the timer had not sent yet (it stays kept in this tab if that fails).
  useEffect(() => () => void save(), []);

  const resolve = (keepMine: boolean) => {
    if (!conflict) return;
    const s = state.current;
    s.saved = conflict;
    if (!keepMine) {
      s.draft = draftOf(conflict);
      s.dirty.clear();
    }
    persist();
    setConflict(undefined);
    setSaveState(s.dirty.size ? 'pending' : 'saved');
    refresh();
  };

  const submit = async () => {
    const s = state.current;
    setNotice(undefined);
    if (!(await save())) return;
    setSubmitting(true);
    try {
      s.saved = await ok(api.POST('/cases/{caseId}/submit', { params: { path: { caseId }, header: { 'If-Match': ifMatch(s.saved) } } }));
      setProblems([]);
      setRefused(false);
      setFailure(undefined);
      requestAnimationFrame(() => receiptHeading.current?.focus());
    } catch (error) {
      if (problemCode(error) === 'not-eligible') {
        setProblems(fieldProblems(error));
        setRefused(true);
        requestAnimationFrame(() => summary.current?.focus());
      } else {
        await failed(error);
      }
    } finally {
      setSubmitting(false);
      refresh();
    }
  };

  const withdraw = async () => {
    const s = state.current;
    try {
      s.saved = await ok(api.POST('/cases/{caseId}/withdraw', { params: { path: { caseId }, header: { 'If-Match': ifMatch(s.saved) } } }));
      setNotice(t('withdraw.done'));
    } catch (error) {
      await failed(error);
    }
    refresh();
  };

  /** The problems at `path`, and (unless `exact`) under it: `partners` holds `partners.1.country`. */
  const errorAt = (path: string, exact = false): string | undefined => {
    const found = problems.filter((p) => p.path === path || (!exact && p.path.startsWith(`${path}.`))).map((p) => p.message);
    return found.length ? found.join(' ') : undefined;
  };

  const textField = (key: 'title' | 'titleZh' | 'summary' | 'summaryZh' | 'description', label: string, multiline: boolean, hint?: string) => (
    <Field id={`case-${key}`} label={label} hint={hint} error={errorAt(key)}>
      {(control) =>
        multiline ? (
          <textarea {...control} rows={key === 'description' ? 10 : 4} value={draft[key]} onInput={(e) => edit(key, e.currentTarget.value)} />
        ) : (
          <input {...control} type="text" value={draft[key]} onInput={(e) => edit(key, e.currentTarget.value)} />
        )
      }
    </Field>
  );
  const inChinese = locale === 'zh-CN';
  const bothLanguages = (english: 'title' | 'summary', chinese: 'titleZh' | 'summaryZh', multiline: boolean) => {
    const fields = [textField(english, t(`field.${english}`), multiline, t('field.bilingualHint')), textField(chinese, t(`field.${chinese}`), multiline, t('field.bilingualHint'))];
    return inChinese ? fields.reverse() : fields;
  };
  const today = new Date().toISOString().slice(0, 10);

  return (
    <article class="editor" aria-labelledby="editor-title">
      <p>
        <a href="/">{t('editor.back')}</a>
      </p>
      <h1 id="editor-title">{(inChinese ? draft.titleZh || draft.title : draft.title || draft.titleZh) || t('cases.untitled')}</h1>
      <p class="meta">
        {edition.name} · {labelOf(vocabulary.caseStatuses, saved.status)} · {t('cases.deadline')}: {zonedTime(t, edition.deadline, edition.timeZone)}
      </p>

      <p class={`save-state save-${saveState}`} role="status" aria-live="polite">
        {readOnly ? '' : saveText(saveState, failure, t)}
      </p>
      {saved.decision && <DecisionPanel decision={saved.decision} edition={edition} vocabulary={vocabulary} />}
      {(locked || (readOnly && !notice && !saved.decision)) && (
        <p class="notice" role="alert">
          {locked ?? readOnlyText(saved, edition, t)}
        </p>
      )}
      {extended && !readOnly && (
        <p class="notice" role="status">
          {t('editor.extension', { time: zonedTime(t, extended, edition.timeZone) })}
        </p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice}
        </p>
      )}
      {conflict && <ConflictPanel mine={draft} dirty={dirty} theirs={draftOf(conflict)} onResolve={resolve} />}
      {problems.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary} aria-labelledby="error-summary-title">
          <h2 id="error-summary-title">{t('error.summary')}</h2>
          <p>{refused ? t('submit.failed') : t('editor.save.invalid')}</p>
          <ul>
            {problems.map((p) => (
              <li key={`${p.path}:${p.message}`}>
                <FieldLink path={p.path} text={p.message} />
              </li>
            ))}
          </ul>
        </div>
      )}

      {saved.receipt && saved.status === 'submitted' && <Receipt theCase={saved} edition={edition} heading={receiptHeading} />}

      <div class="editor-layout">
        <form class="case-form" onSubmit={(e) => e.preventDefault()} noValidate>
          <fieldset class="plain" disabled={readOnly}>
            {bothLanguages('title', 'titleZh', false)}

            <fieldset class={errorAt('category') ? 'field invalid' : 'field'}>
              <legend>{t('field.category')}</legend>
              {errorAt('category') && <p class="error">{errorAt('category')}</p>}
              {vocabulary.categories.map((c, i) => (
                <div class="choice" key={c.id}>
                  <input
                    type="radio"
                    name="category"
                    id={i === 0 ? 'case-category' : `case-category-${c.id}`}
                    value={c.id}
                    checked={draft.category === c.id}
                    onChange={() => edit('category', c.id)}
                  />
                  <label for={i === 0 ? 'case-category' : `case-category-${c.id}`}>{c.label}</label>
                </div>
              ))}
            </fieldset>

            <Field id="case-caseType" label={t('field.caseType')} error={errorAt('caseType')}>
              {(control) => (
                <select {...control} value={draft.caseType} onChange={(e) => edit('caseType', e.currentTarget.value)}>
                  <option value="">{t('field.choose')}</option>
                  {vocabulary.caseTypes.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.label}
                    </option>
                  ))}
                </select>
              )}
            </Field>

            {bothLanguages('summary', 'summaryZh', true)}
            {textField('description', t('field.description'), true)}

            <Field
              id="case-implementedOn"
              label={t('field.implementedOn')}
              hint={t('field.implementedOnHint', { date: edition.rules.implementedOnOrAfter })}
              error={errorAt('implementedOn')}
            >
              {(control) => (
                <input {...control} type="date" min={edition.rules.implementedOnOrAfter} max={today} value={draft.implementedOn} onInput={(e) => edit('implementedOn', e.currentTarget.value)} />
              )}
            </Field>

            <CountriesPicker
              id="case-countries"
              legend={t('field.countries')}
              hint={t('field.countriesHint', { min: edition.rules.minCountries })}
              error={errorAt('countries')}
              value={draft.countries}
              onChange={(codes) => edit('countries', codes)}
            />

            <fieldset class="group">
              <legend>{t('field.organisation')}</legend>
              <Field id="case-organisation.name" label={t('field.organisation.name')} error={errorAt('organisation.name') ?? errorAt('organisation', true)}>
                {(control) => (
                  <input {...control} type="text" autocomplete="organization" value={draft.organisation.name} onInput={(e) => edit('organisation', { ...draft.organisation, name: e.currentTarget.value })} />
                )}
              </Field>
              <Field id="case-organisation.country" label={t('field.organisation.country')} error={errorAt('organisation.country')}>
                {(control) => <CountrySelect {...control} value={draft.organisation.country} onChange={(country) => edit('organisation', { ...draft.organisation, country })} />}
              </Field>
            </fieldset>

            <Partners partners={draft.partners} onChange={(partners) => edit('partners', partners)} errorAt={errorAt} />

            <fieldset class="group">
              <legend>{t('field.contact')}</legend>
              <Field id="case-contact.name" label={t('field.contact.name')} error={errorAt('contact.name') ?? errorAt('contact', true)}>
                {(control) => <input {...control} type="text" autocomplete="name" value={draft.contact.name} onInput={(e) => edit('contact', { ...draft.contact, name: e.currentTarget.value })} />}
              </Field>
              <Field id="case-contact.email" label={t('field.contact.email')} error={errorAt('contact.email')}>
                {(control) => <input {...control} type="email" autocomplete="email" value={draft.contact.email} onInput={(e) => edit('contact', { ...draft.contact, email: e.currentTarget.value })} />}
              </Field>
              <Field id="case-contact.phone" label={t('field.contact.phone')} error={errorAt('contact.phone')}>
                {(control) => <input {...control} type="tel" autocomplete="tel" value={draft.contact.phone} onInput={(e) => edit('contact', { ...draft.contact, phone: e.currentTarget.value })} />}
              </Field>
            </fieldset>

            <Field id="case-links" label={t('field.links')} hint={t('field.linksHint')} error={errorAt('links')}>
              {(control) => <textarea {...control} rows={3} value={draft.links} onInput={(e) => edit('links', e.currentTarget.value)} />}
            </Field>
          </fieldset>
        </form>

        <aside class="readiness" aria-labelledby="readiness-title">
          <h2 id="readiness-title">{t('readiness.title')}</h2>
          {saved.readiness.ready ? (
            <p>{t('readiness.ready')}</p>
          ) : (
            <ul>
              {saved.readiness.problems.map((p) => (
                <li key={`${p.path}:${p.code}`}>
                  <FieldLink path={p.path} text={p.message} />
                </li>
              ))}
            </ul>
          )}
          {!readOnly && saved.status === 'draft' && (
            <button type="button" onClick={submit} disabled={submitting}>
              {submitting ? t('submit.submitting') : t('submit.button')}
            </button>
          )}
          {!readOnly && (
            <ConfirmButton
              id="withdraw"
              button={t('withdraw.button')}
              title={t('withdraw.title')}
              text={t('withdraw.text')}
              confirm={t('withdraw.confirm')}
              cancel={t('withdraw.cancel')}
              onConfirm={withdraw}
            />
          )}
        </aside>

        <FilesSection theCase={saved} edition={edition} editable={!readOnly} />
      </div>
    </article>
  );
}

/** Why the owner may not change the case now (the API's editableUntil is null). */
function readOnlyText(c: Case, edition: Edition, t: Translate): string {
  if (c.status === 'withdrawn') return t('editor.readOnly.withdrawn');
  if (edition.status === 'upcoming') return t('editor.readOnly.upcoming');
  return t('editor.readOnly');
}

function saveText(state: SaveState, failure: string | undefined, t: Translate): string {
  switch (state) {
    case 'saved':
      return t('editor.save.saved');
    case 'pending':
      return t('editor.save.pending');
    case 'saving':
      return t('editor.save.saving');
    case 'invalid':
      return t('editor.save.invalid');
    case 'offline':
      return t('editor.save.offline');
    case 'conflict':
      return t('editor.conflict.title');
    case 'failed':
      return t('editor.save.failed', { reason: failure ?? '' });
  }
}
