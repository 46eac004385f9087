/**
 * The shell: language, session, the API client that carries both, and the routes. Signed out, every route shows the
 * sign-in in its place, so that signing in (again, after a 401) returns to the same page with what was typed.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LocationProvider, Route, Router, useLocation } from 'preact-iso/router';
import { AppContext, useApp, type AppContextValue } from './app-context';
import { CaseEditorPage } from './cases/case-editor-page';
import { MyCasesPage } from './cases/my-cases-page';
import type { AppConfig } from './config';
import { applyLocale, otherLocale, translator, type Locale } from './i18n/i18n';
import { createAppApi } from './shared/api';
import { lazyPage } from './shared/lazy-page';
import { OfflineBanner } from './shared/ui';
import { CallbackPage } from './session/callback-page';
import { CALLBACK_PATH } from './session/session';
import { signOutLocally } from './session/local';
import type { Session } from './session/session';
import { SignInPage } from './session/sign-in-page';

const AssignmentsPage = lazyPage(() => import('./review/assignments-page').then((m) => m.AssignmentsPage));
const ReviewPage = lazyPage(() => import('./review/review-page').then((m) => m.ReviewPage));
const NotificationsPage = lazyPage(() => import('./release/notifications-page').then((m) => m.NotificationsPage));
const ReleasePage = lazyPage(() => import('./release/release-page').then((m) => m.ReleasePage));
const ResultsIndexPage = lazyPage(() => import('./release/results-index-page').then((m) => m.ResultsIndexPage));
const ResultsPage = lazyPage(() => import('./release/results-page').then((m) => m.ResultsPage));
const EditionsPage = lazyPage(() => import('./console/editions-page').then((m) => m.EditionsPage));
const NewEditionPage = lazyPage(() => import('./console/edition-page').then((m) => m.NewEditionPage));
const EditionPage = lazyPage(() => import('./console/edition-page').then((m) => m.EditionPage));
const ConsoleCasesPage = lazyPage(() => import('./console/cases-page').then((m) => m.CasesPage));
const AssignPage = lazyPage(() => import('./console/assign-page').then((m) => m.AssignPage));
const PeoplePage = lazyPage(() => import('./console/people-page').then((m) => m.PeoplePage));

interface AppProps {
  config: AppConfig;
  initialLocale: Locale;
  initialSession: Session | undefined;
}

export function App({ config, initialLocale, initialSession }: AppProps) {
  const [locale, setLocaleState] = useState(initialLocale);
  const [session, setSession] = useState(initialSession);
  const [expired, setExpired] = useState(false);
  const t = useMemo(() => translator(locale), [locale]);
  // The client reads the current values at each request: it is made once.
  const current = useRef({ locale, session });
  current.current = { locale, session };

  /** Forgets the token; `leave` also ends the session at Cognito's managed login (which navigates away). */
  const forget = async (leave: boolean): Promise<void> => {
    if (config.auth.kind === 'local') return signOutLocally();
    const cognito = await import('./session/cognito');
    await (leave ? cognito.signOutCognito(config.auth) : cognito.forgetCognito(config.auth));
  };

  const api = useMemo(
    () =>
      createAppApi(config.apiUrl, {
        token: () => current.current.session?.token,
        locale: () => current.current.locale,
        unauthorized: () => {
          if (!current.current.session) return;
          void forget(false);
          setSession(undefined);
          setExpired(true);
        },
      }),
    [config],
  );

  useEffect(() => {
    applyLocale(locale);
    document.title = t('app.title');
  }, [locale, t]);

  // Signed in, the account's language wins once the account has chosen one (GET /me/preferences).
  useEffect(() => {
    if (!session) return;
    let current = true;
    api.GET('/me/preferences').then(({ data }) => {
      if (current && data?.chosen) setLocaleState(data.locale);
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [api, session]);

  const value: AppContextValue = {
    config,
    api,
    locale,
    t,
    setLocale: (next) => {
      setLocaleState(next);
      // The account's language (its e-mails follow it); a failure leaves the page's choice, which is what counts here.
      if (current.current.session) api.PUT('/me/preferences', { body: { locale: next } }).catch(() => undefined);
    },
    session,
    signedIn: (next) => {
      setExpired(false);
      setSession(next);
    },
    signOut: () => {
      setSession(undefined);
      void forget(true);
    },
  };

  return (
    <AppContext.Provider value={value}>
      <LocationProvider>
        <Header />
        <OfflineBanner />
        <main id="main" tabIndex={-1}>
          <Pages expired={expired} />
        </main>
      </LocationProvider>
    </AppContext.Provider>
  );
}

function Pages({ expired }: { expired: boolean }) {
  const { session, config } = useApp();
  const { path } = useLocation();
  if (config.auth.kind === 'cognito' && path === CALLBACK_PATH) return <CallbackPage auth={config.auth} />;
  // Pages of the desks are fetched only when opened (shared/lazy-page.tsx), so that an applicant's first load carries none.
  // The published results (release/, under PUBLIC_PREFIX) need no sign-in: they are routed before this check.
  if (path === PUBLIC_PREFIX || path.startsWith(`${PUBLIC_PREFIX}/`)) {
    return (
      <Router>
        <Route path={PUBLIC_PREFIX} component={ResultsIndexPage} />
        <Route path={`${PUBLIC_PREFIX}/:editionId`} component={ResultsPage} />
      </Router>
    );
  }
  if (!session) return <SignInPage expired={expired} />;
  return (
    <Router>
      <Route path="/" component={MyCasesPage} />
      <Route path="/cases/:caseId" component={CaseEditorPage} />
      {/* review/: the reviewers' desk, under /reviews */}
      <Route path="/reviews" component={AssignmentsPage} />
      <Route path="/reviews/:caseId" component={ReviewPage} />
      {/* console/: the organisers' console, under /console */}
      <Route path="/console" component={EditionsPage} />
      <Route path="/console/new" component={NewEditionPage} />
      <Route path="/console/people" component={PeoplePage} />
      <Route path="/console/editions/:editionId" component={EditionPage} />
      <Route path="/console/editions/:editionId/cases" component={ConsoleCasesPage} />
      <Route path="/console/editions/:editionId/assignments" component={AssignPage} />
      {/* release/: notifications and the release, under /console/editions/:editionId/… */}
      <Route path="/console/editions/:editionId/notifications" component={NotificationsPage} />
      <Route path="/console/editions/:editionId/release" component={ReleasePage} />
      <Route default component={MyCasesPage} />
    </Router>
  );
}

/** Pages anyone may open, signed in or not. */
const PUBLIC_PREFIX = '/results';

/** The sections the header links to: each desk only for its group (the API checks it again on every call). */
const SECTIONS = [
  { href: '/', label: 'nav.cases', group: undefined },
  { href: '/reviews', label: 'nav.reviews', group: 'reviewers' },
  { href: '/console', label: 'nav.console', group: 'organisers' },
] as const;

function Header() {
  const { t, locale, setLocale, session, signOut } = useApp();
  const { path } = useLocation();
  const other = otherLocale(locale);
  const current = (href: string) => (href === '/' ? path === '/' || path.startsWith('/cases/') : path === href || path.startsWith(`${href}/`));
  const sections = session ? SECTIONS.filter((s) => !s.group || session.groups.includes(s.group)) : [];
  return (
    <header class="site-header">
      <a class="skip" href="#main">
        {t('app.skip')}
      </a>
      <a class="brand" href="/">
        {t('app.title')}
      </a>
      <nav class="sections" aria-label={t('nav.label')}>
        {[...sections, { href: PUBLIC_PREFIX, label: 'nav.results' } as const].map((s) => (
          <a key={s.href} href={s.href} {...(current(s.href) ? { 'aria-current': 'page' as const } : {})}>
            {t(s.label)}
          </a>
        ))}
      </nav>
      <div class="header-actions">
        <button type="button" class="link" lang={other} onClick={() => setLocale(other)}>
          {t('lang.other')}
        </button>
        {session && (
          <>
            <span class="who">{t('session.signedInAs', { name: session.name })}</span>
            <button type="button" class="link" onClick={signOut}>
              {t('session.signOut')}
            </button>
          </>
        )}
      </div>
    </header>
  );
}
