/**
 * The texts of the account's own mails (sign-up and recovery codes, verification, the invitation): the paragraphs each
 * is made of, in the account's language. The user pool's custom message trigger (auth/custom-message.ts) words
 * Cognito's mails with them, and the local directory (adapters/table-directory.ts) its invitations, so both say the same.
 */
import { format, t, type Locale, type MessageKey } from './i18n/catalogues.ts';
import { escapeHtml } from './text.ts';

export type AccountMail = 'signUp' | 'forgotPassword' | 'verifyEmail' | 'invitation';

/** Each mail's paragraphs, in order; `{code}` and `{username}` are where Cognito's placeholders go. */
const PARAGRAPHS: Record<AccountMail, MessageKey[]> = {
  signUp: ['cognito.signUp.body', 'cognito.signUp.ignore'],
  forgotPassword: ['cognito.forgotPassword.body', 'cognito.forgotPassword.ignore'],
  verifyEmail: ['cognito.verifyEmail.body', 'cognito.verifyEmail.ignore'],
  invitation: ['cognito.invitation.body', 'cognito.invitation.username', 'cognito.invitation.password', 'cognito.invitation.expiry'],
};

export const accountMailSubject = (locale: Locale, mail: AccountMail): string => t(locale, `cognito.${mail}.subject`);

/**
 * The message as HTML: the catalogue's text escaped, then the placeholders put in unescaped (Cognito looks for its own
 * as it sent them), in bold. `extra` paragraphs follow the mail's own.
 */
export function accountMailHtml(locale: Locale, mail: AccountMail, placeholders: Record<string, string>, extra: MessageKey[] = []): string {
  const bold = Object.fromEntries(Object.entries(placeholders).map(([name, value]) => [name, `<b>${value}</b>`]));
  const paragraphs = [...PARAGRAPHS[mail], ...extra].map((key) => `<p>${format(escapeHtml(t(locale, key)), bold)}</p>`);
  return `<div lang="${locale}">${paragraphs.join('')}</div>`;
}

/** The same message as plain text, one paragraph after another. */
export const accountMailText = (locale: Locale, mail: AccountMail, placeholders: Record<string, string>, extra: MessageKey[] = []): string =>
  [...PARAGRAPHS[mail], ...extra].map((key) => t(locale, key, placeholders)).join('\n\n');
