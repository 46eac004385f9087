/** Cognito's managed login sends the browser back here with a code: exchange it, then return where sign-in began. */
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso/router';
import { useApp } from '../app-context';
import type { CognitoAuth } from '../config';
import { takeReturn } from './session';

export function CallbackPage({ auth }: { auth: CognitoAuth }) {
  const { t, signedIn } = useApp();
  const { route } = useLocation();
  const [failure, setFailure] = useState<string>();
  useEffect(() => {
    import('./cognito')
      .then(({ completeCognitoSignIn }) => completeCognitoSignIn(auth))
      .then(
        (session) => {
          signedIn(session);
          route(takeReturn(), true);
        },
        (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)),
      );
    // Once: the code in the URL can be exchanged only once.
  }, []);
  return failure ? (
    <p role="alert">{t('callback.failed', { reason: failure })}</p>
  ) : (
    <p role="status">{t('callback.working')}</p>
  );
}
