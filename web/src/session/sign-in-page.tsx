/**
 * Sign-in, in place of whatever page was asked for. Locally: a name and an e-mail address (POST /local/token). On AWS:
 * Cognito's managed login, which comes back to /callback and from there to this page's address.
 */
import { useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { useApp } from '../app-context';
import { Field } from '../shared/field';
import { LOCAL_ROLES, LOCAL_SUB, signInLocally, type LocalRole } from './local';
import { rememberReturn } from './session';

export function SignInPage({ expired }: { expired: boolean }) {
  const { t, config } = useApp();
  const { url } = useLocation();
  return (
    <section class="narrow" aria-labelledby="sign-in-title">
      <h1 id="sign-in-title">{t('signIn.title')}</h1>
      {expired && (
        <p class="notice" role="alert">
          {t('signIn.expired')}
        </p>
      )}
      {config.auth.kind === 'local' ? (
        <LocalSignInForm />
      ) : (
        <>
          <p>{t('signIn.cognitoIntro')}</p>
          <button
            type="button"
            onClick={async () => {
              if (config.auth.kind !== 'cognito') return;
              rememberReturn(url);
              await (await import('./cognito')).startCognitoSignIn(config.auth);
            }}
          >
            {t('signIn.cognito')}
          </button>
        </>
      )}
    </section>
  );
}

function LocalSignInForm() {
  const { t, locale, config, signedIn } = useApp();
  const [sub, setSub] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<LocalRole>('applicant');
  const [errors, setErrors] = useState<{ sub?: string; email?: string }>({});
  const [failure, setFailure] = useState<string>();
  const [busy, setBusy] = useState(false);
  const summary = useRef<HTMLDivElement>(null);

  const submit = async (event: Event) => {
    event.preventDefault();
    const found = {
      ...(LOCAL_SUB.test(sub) ? {} : { sub: t('signIn.nameInvalid') }),
      ...(/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email) ? {} : { email: t('signIn.emailInvalid') }),
    };
    setErrors(found);
    setFailure(undefined);
    if (found.sub || found.email) {
      requestAnimationFrame(() => summary.current?.focus());
      return;
    }
    setBusy(true);
    try {
      signedIn(await signInLocally(config.apiUrl, { sub, email, locale, role }));
    } catch (error) {
      setFailure(error instanceof Error && !(error instanceof TypeError) ? error.message : t('error.network'));
    } finally {
      setBusy(false);
    }
  };

  const problems = [errors.sub && { id: 'sign-in-sub', text: errors.sub }, errors.email && { id: 'sign-in-email', text: errors.email }].filter(
    (p): p is { id: string; text: string } => Boolean(p),
  );
  return (
    <form onSubmit={submit} noValidate>
      <p>{t('signIn.localIntro')}</p>
      {problems.length > 0 && (
        <div class="error-summary" role="alert" tabIndex={-1} ref={summary}>
          <h2>{t('error.summary')}</h2>
          <ul>
            {problems.map((p) => (
              <li key={p.id}>
                <a href={`#${p.id}`}>{p.text}</a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {failure && (
        <p class="error" role="alert">
          {failure}
        </p>
      )}
      <Field id="sign-in-sub" label={t('signIn.name')} hint={t('signIn.nameHint')} error={errors.sub}>
        {(props) => <input {...props} type="text" autocomplete="username" value={sub} onInput={(e) => setSub(e.currentTarget.value.trim())} />}
      </Field>
      <Field id="sign-in-email" label={t('signIn.email')} error={errors.email}>
        {(props) => <input {...props} type="email" autocomplete="email" value={email} onInput={(e) => setEmail(e.currentTarget.value.trim())} />}
      </Field>
      <fieldset class="field">
        <legend>{t('signIn.role')}</legend>
        {(Object.keys(LOCAL_ROLES) as LocalRole[]).map((r) => (
          <div class="choice" key={r}>
            <input type="radio" name="role" id={`sign-in-role-${r}`} value={r} checked={role === r} onChange={() => setRole(r)} />
            <label for={`sign-in-role-${r}`}>{t(`signIn.role.${r}`)}</label>
          </div>
        ))}
      </fieldset>
      <button type="submit" disabled={busy}>
        {t('signIn.submit')}
      </button>
    </form>
  );
}
