/**
 * Cognito's own mails in the user's language: the user pool's custom message trigger (workers.ts, customMessage).
 * Cognito calls it before it mails a sign-up or recovery code or an invitation, with placeholders for the code or
 * temporary password ({####}) and, in an invitation, the user name; it fills them in after, so the message must
 * carry them as they came. The language is the user's `locale` attribute: English without one, or for a language we
 * do not speak. The texts are domain/account-mail.ts's, which the local directory's invitations use too. Any other message (CustomMessage_Authentication, an MFA code; SMS) keeps Cognito's own text.
 *
 * Only text work, on text Cognito gives: a throw here would fail the user's sign-up or recovery.
 */
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import { accountMailHtml, accountMailSubject, type AccountMail } from '#domain/account-mail';
import { DEFAULT_LOCALE, type Locale } from '#domain/i18n/catalogues';
import { localeOfTag } from '#domain/i18n/negotiate';
import { workerHandler } from '#shared/worker-handler';
import { workers } from '#shared/workers';

/** The mail each trigger source asks for. A resent code is the sign-up's again; the pool verifies e-mail only. */
const MAIL_OF: Partial<Record<CustomMessageTriggerEvent['triggerSource'], AccountMail>> = {
  CustomMessage_SignUp: 'signUp',
  CustomMessage_ResendCode: 'signUp',
  CustomMessage_ForgotPassword: 'forgotPassword',
  CustomMessage_UpdateUserAttribute: 'verifyEmail',
  CustomMessage_VerifyUserAttribute: 'verifyEmail',
  CustomMessage_AdminCreateUser: 'invitation',
};

/** The language of the user's mails: their `locale` attribute, as the sign-up or an organiser set it. */
const localeOfUser = (attributes: Readonly<Record<string, string>>): Locale => localeOfTag(attributes.locale ?? '') ?? DEFAULT_LOCALE;

/** The event with the subject and message of its mail set, in the user's language; unchanged for any other message. */
export function customMessage(event: CustomMessageTriggerEvent): CustomMessageTriggerEvent {
  const mail = MAIL_OF[event.triggerSource];
  if (!mail) return event;
  const { codeParameter, usernameParameter, userAttributes } = event.request;
  const placeholders: Record<string, string> = { code: codeParameter };
  if (mail === 'invitation') {
    // Always given with an invitation; without it Cognito would refuse our text, so it keeps its own.
    if (!usernameParameter) return event;
    placeholders.username = usernameParameter;
  }
  const locale = localeOfUser(userAttributes);
  return {
    ...event,
    response: { ...event.response, emailSubject: accountMailSubject(locale, mail), emailMessage: accountMailHtml(locale, mail, placeholders) },
  };
}

export const handler = workerHandler(workers.customMessage, async (event: CustomMessageTriggerEvent) => customMessage(event));
