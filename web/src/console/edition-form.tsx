/**
 * An edition's settings (PUT /editions/{editionId}): its name, its dates typed as the edition's wall clock (Beijing
 * time by default) with the instant shown beside in the zone and in the organiser's own, its zone and contact. An
 * update sends If-Match: a change saved elsewhere meanwhile (412) is shown beside what was typed, which stays.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import type { Edition } from '../cases/queries';
import { localTime, zonedTime, type WebMessageKey } from '../i18n/i18n';
import { failureText, fieldProblems, problemCode } from '../shared/api';
import { Field } from '../shared/field';
import { ifMatch, loadEdition } from './queries';
import { fromZonedInput, isTimeZone, toZonedInput } from './zoned-input';
import { ErrorSummary } from '../shared/error-summary';

const DEFAULT_ZONE = 'Asia/Shanghai';
/** The API's pattern of an edition id (API.md, "Ids"). */
const EDITION_ID = /^[0-9]{4}(-[a-z0-9-]{1,40})?$/;

interface Values {
  editionId: string;
  name: string;
  opensAt: string;
  deadline: string;
  materialsDeadline: string;
  timeZone: string;
  'contact.name': string;
  'contact.email': string;
  'contact.phone': string;
}
type Key = keyof Values;

const TIMES = ['opensAt', 'deadline', 'materialsDeadline'] as const;
const LABELS: Readonly<Record<Key, WebMessageKey>> = {
  editionId: 'console.edition.id',
  name: 'console.edition.name',
  opensAt: 'console.edition.opensAt',
  deadline: 'console.edition.deadline',
  materialsDeadline: 'console.edition.materialsDeadline',
  timeZone: 'console.edition.timeZone',
  'contact.name': 'console.edition.contactName',
  'contact.email': 'console.edition.contactEmail',
  'contact.phone': 'console.edition.contactPhone',
};
const KEYS = Object.keys(LABELS) as Key[];

function valuesOf(e: Edition | undefined): Values {
  const zone = e?.timeZone ?? DEFAULT_ZONE;
  return {
    editionId: e?.editionId ?? '',
    name: e?.name ?? '',
    opensAt: e ? toZonedInput(e.opensAt, zone) : '',
    deadline: e ? toZonedInput(e.deadline, zone) : '',
    materialsDeadline: e?.materialsDeadline ? toZonedInput(e.materialsDeadline, zone) : '',
    timeZone: zone,
    'contact.name': e?.contact?.name ?? '',
    'contact.email': e?.contact?.email ?? '',
    'contact.phone': e?.contact?.phone ?? '',
  };
}

type Errors = Partial<Record<Key | '', string>>;

const fieldId = (key: Key) => `edition-${key}`;

export function EditionForm({ edition, onSaved }: { edition: Edition | undefined; onSaved: (saved: Edition, created: boolean) => void }) {
  const { api, t, locale } = useApp();
  const [base, setBase] = useState(edition);
  const [values, setValues] = useState(() => valuesOf(edition));
  const [errors, setErrors] = useState<Errors>({});
  const [conflict, setConflict] = useState<Edition>();
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  // A close made on this page writes a new version, and changes none of these fields: the next save names it.
  useEffect(() => {
    if (edition && base && edition.version > base.version) setBase(edition);
  }, [edition?.version]);
  const zoneOk = isTimeZone(values.timeZone);
  const instant = (key: (typeof TIMES)[number]) => (zoneOk ? fromZonedInput(values[key], values.timeZone) : undefined);

  const set = (key: Key, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setSaved(false);
  };

  /** What the page can tell before asking: the API checks again, and more (the order of the dates). */
  const check = (): Errors => {
    const found: Errors = {};
    if (!base && !EDITION_ID.test(values.editionId)) found.editionId = t('console.edition.idInvalid');
    if (!values.name.trim()) found.name = t('console.edition.nameMissing');
    if (!zoneOk) found.timeZone = t('console.edition.timeZoneInvalid');
    for (const key of TIMES) if ((key !== 'materialsDeadline' || values[key]) && zoneOk && !instant(key)) found[key] = t('console.edition.timeInvalid');
    return found;
  };

  const body = () => {
    const hasContact = values['contact.name'] || values['contact.email'] || values['contact.phone'];
    return {
      name: values.name.trim(),
      opensAt: instant('opensAt') ?? '',
      deadline: instant('deadline') ?? '',
      materialsDeadline: instant('materialsDeadline') ?? null,
      timeZone: values.timeZone,
      contact: hasContact ? { name: values['contact.name'], email: values['contact.email'], ...(values['contact.phone'] ? { phone: values['contact.phone'] } : {}) } : null,
    };
  };

  const idTaken = (editionId: string) =>
    loadEdition(api, editionId).then(
      () => true,
      (error: unknown) => {
        if (problemCode(error) === 'not-found') return false;
        throw error;
      },
    );

  const show = (found: Errors) => {
    setErrors(found);
    requestAnimationFrame(() => summary.current?.focus());
  };

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = check();
    if (Object.keys(found).length) return show(found);
    setBusy(true);
    const editionId = base?.editionId ?? values.editionId;
    try {
      // PUT creates or replaces: a new edition must not take the id of one that exists.
      if (!base && (await idTaken(editionId))) return show({ editionId: t('console.edition.idTaken') });
      const stored = await ok(
        api.PUT('/editions/{editionId}', { params: { path: { editionId }, ...(base ? { header: { 'If-Match': ifMatch(base.version) } } : {}) }, body: body() }),
      );
      setErrors({});
      setBase(stored);
      setValues(valuesOf(stored));
      setSaved(true);
      onSaved(stored, !base);
    } catch (error) {
      if (problemCode(error) === 'precondition-failed') {
        setErrors({});
        loadEdition(api, editionId).then(setConflict, (again: unknown) => show({ '': failureText(again, t, locale) }));
      } else {
        const byField: Errors = {};
        for (const p of fieldProblems(error)) {
          const key = (KEYS.find((k) => k === p.path) ?? (p.path === 'contact' ? 'contact.name' : '')) as Key | '';
          byField[key] = byField[key] ? `${byField[key]} ${p.message}` : p.message;
        }
        show(Object.keys(byField).length ? byField : { '': failureText(error, t, locale) });
      }
    } finally {
      setBusy(false);
    }
  };

  const resolve = (keepMine: boolean) => {
    if (!conflict) return;
    setBase(conflict);
    if (!keepMine) setValues(valuesOf(conflict));
    setConflict(undefined);
  };

  const text = (key: Key, type: 'text' | 'email' | 'tel', hint?: string) => (
    <Field id={fieldId(key)} label={t(LABELS[key])} hint={hint} error={errors[key]}>
      {(control) => {
        const common = { ...control, value: values[key], onInput: (e: { currentTarget: HTMLInputElement }) => set(key, e.currentTarget.value) };
        // One element per type: Preact's typings tell a text input (which may name a list) from the others.
        return type === 'email' ? <input {...common} type="email" /> : type === 'tel' ? <input {...common} type="tel" /> : <input {...common} type="text" />;
      }}
    </Field>
  );

  const time = (key: (typeof TIMES)[number], optional: boolean) => {
    const at = instant(key);
    return (
      <Field id={fieldId(key)} label={t(LABELS[key])} hint={t(optional ? 'console.edition.timeHintOptional' : 'console.edition.timeHint', { zone: values.timeZone })} error={errors[key]}>
        {(control) => (
          <>
            <input {...control} type="datetime-local" class="console-time" value={values[key]} onInput={(e) => set(key, e.currentTarget.value)} />
            {at && (
              <p class="console-instant">
                <time dateTime={at}>{zonedTime(t, at, values.timeZone)}</time>
                <span class="hint">{localTime(t, at)}</span>
              </p>
            )}
          </>
        )}
      </Field>
    );
  };

  const problems = Object.entries(errors) as [Key | '', string][];
  return (
    <form class="console-form" onSubmit={submit} noValidate aria-labelledby="edition-form-title">
      <h2 id="edition-form-title">{t(base ? 'console.edition.settings' : 'console.edition.new')}</h2>
      <ErrorSummary id="edition-errors-title" level={3} focusRef={summary} items={problems.map(([key, text]) => ({ target: key ? fieldId(key) : undefined, text }))} />
      {conflict && <EditionConflict mine={values} theirs={valuesOf(conflict)} onResolve={resolve} />}
      {!base && text('editionId', 'text', t('console.edition.idHint'))}
      {text('name', 'text')}
      {text('timeZone', 'text', t('console.edition.timeZoneHint'))}
      {time('opensAt', false)}
      {time('deadline', false)}
      {time('materialsDeadline', true)}
      <fieldset class="group">
        <legend>{t('console.edition.contact')}</legend>
        {text('contact.name', 'text')}
        {text('contact.email', 'email')}
        {text('contact.phone', 'tel')}
      </fieldset>
      <button type="submit" disabled={busy || Boolean(conflict)}>
        {t(base ? 'console.edition.save' : 'console.edition.create')}
      </button>
      <p role="status" class="console-saved">
        {saved ? t('console.edition.saved') : ''}
      </p>
    </form>
  );
}

/** A 412: the settings as saved elsewhere and as typed here, where they differ; the organiser chooses. */
function EditionConflict({ mine, theirs, onResolve }: { mine: Values; theirs: Values; onResolve: (keepMine: boolean) => void }) {
  const { t } = useApp();
  const differing = KEYS.filter((key) => mine[key] !== theirs[key]);
  return (
    <section class="conflict" role="alert" aria-labelledby="edition-conflict-title">
      <h3 id="edition-conflict-title">{t('console.conflict.title')}</h3>
      <p>{t('console.conflict.text')}</p>
      <dl>
        {differing.map((key) => (
          <div key={key}>
            <dt>{t(LABELS[key])}</dt>
            <dd>{t('editor.conflict.theirs', { value: theirs[key] || t('editor.empty') })}</dd>
            <dd>{t('editor.conflict.yours', { value: mine[key] || t('editor.empty') })}</dd>
          </div>
        ))}
      </dl>
      <button type="button" onClick={() => onResolve(true)}>
        {t('console.conflict.keep')}
      </button>{' '}
      <button type="button" class="secondary" onClick={() => onResolve(false)}>
        {t('console.conflict.reload')}
      </button>
    </section>
  );
}
