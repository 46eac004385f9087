/**
 * Inviting a reviewer by e-mail (POST /reviewers): a new address gets an account and an invitation in the language
 * chosen (201); an address that has an account joins the committee without a second one (200). The API checks the
 * fields: its problems are shown against them.
 */
import { useRef, useState } from 'preact/hooks';
import { ok } from '../api/client';
import { useApp } from '../app-context';
import { LOCALES, type Locale, type WebMessageKey } from '../i18n/i18n';
import { failureText, fieldProblems } from '../shared/api';
import { Field, FieldNotes, describedBy } from '../shared/field';
import { ErrorSummary } from '../shared/error-summary';

type Key = 'name' | 'email' | 'locale';
type Errors = Partial<Record<Key | '', string>>;

const LABELS: Readonly<Record<Key, WebMessageKey>> = {
  name: 'console.people.invite.name',
  email: 'console.people.invite.email',
  locale: 'console.people.invite.locale',
};
const isKey = (path: string): path is Key => Object.hasOwn(LABELS, path);
const localeId = (locale: Locale) => `invite-locale-${locale}`;

export function InviteForm({ onInvited }: { onInvited: () => void }) {
  const { api, t, locale } = useApp();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [language, setLanguage] = useState<Locale>(locale);
  const [errors, setErrors] = useState<Errors>({});
  const [outcome, setOutcome] = useState('');
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  /** The control a problem takes the person to: the chosen language's radio for `locale`. */
  const controlId = (key: Key) => (key === 'locale' ? localeId(language) : `invite-${key}`);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setOutcome('');
    try {
      const pending = api.POST('/reviewers', { body: { name: name.trim(), email: email.trim(), locale: language } });
      const member = await ok(pending);
      const { response } = await pending;
      setErrors({});
      setName('');
      setEmail('');
      setOutcome(response.status === 201 ? t('console.people.invite.sent', { name: member.name, email: member.email }) : t('console.people.invite.added', { email: member.email }));
      onInvited();
    } catch (error) {
      const found: Errors = {};
      for (const p of fieldProblems(error)) {
        const key = isKey(p.path) ? p.path : '';
        found[key] = found[key] ? `${found[key]} ${p.message}` : p.message;
      }
      setErrors(Object.keys(found).length ? found : { '': failureText(error, t, locale) });
      requestAnimationFrame(() => summary.current?.focus());
    } finally {
      setBusy(false);
    }
  };

  const problems = Object.entries(errors) as [Key | '', string][];
  const localeDescribed = describedBy('invite-locale', t('console.people.invite.localeHint'), errors.locale);
  return (
    <form class="console-form" onSubmit={submit} noValidate aria-labelledby="invite-title">
      <h2 id="invite-title">{t('console.people.invite.title')}</h2>
      <ErrorSummary id="invite-errors-title" level={3} focusRef={summary} items={problems.map(([key, text]) => ({ target: key ? controlId(key) : undefined, text }))} />
      <Field id="invite-name" label={t(LABELS.name)} error={errors.name}>
        {(control) => <input {...control} type="text" autocomplete="off" value={name} onInput={(e) => setName(e.currentTarget.value)} />}
      </Field>
      <Field id="invite-email" label={t(LABELS.email)} hint={t('console.people.invite.emailHint')} error={errors.email}>
        {(control) => <input {...control} type="email" autocomplete="off" spellcheck={false} value={email} onInput={(e) => setEmail(e.currentTarget.value)} />}
      </Field>
      <fieldset class={errors.locale ? 'field invalid' : 'field'} {...(localeDescribed ? { 'aria-describedby': localeDescribed } : {})}>
        <legend>{t(LABELS.locale)}</legend>
        <FieldNotes id="invite-locale" hint={t('console.people.invite.localeHint')} error={errors.locale} />
        {LOCALES.map((l) => (
          <div class="choice" key={l}>
            <input type="radio" name="invite-locale" id={localeId(l)} value={l} checked={language === l} onChange={() => setLanguage(l)} />
            <label for={localeId(l)}>{t(`console.people.locale.${l}`)}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('console.people.invite.submit')}
      </button>
      <p role="status" class="console-saved">
        {outcome}
      </p>
    </form>
  );
}
