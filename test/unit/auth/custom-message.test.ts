/** Cognito's own mails in the user's language: the custom message trigger (functions/auth/custom-message.ts). */
import type { Context, CustomMessageTriggerEvent } from 'aws-lambda';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../../../functions/auth/custom-message.ts';
import { LOCALES } from '#domain/i18n/catalogues';

const CODE = '{####}';
const USERNAME = '{username}';
const context = { awsRequestId: 'req-1', functionName: 'customMessage' } as Context;

type Source = CustomMessageTriggerEvent['triggerSource'];

function cognitoEvent(triggerSource: Source, attributes: Record<string, string> = {}): CustomMessageTriggerEvent {
  return {
    version: '1',
    region: 'eu-west-1',
    userPoolId: 'eu-west-1_Example',
    triggerSource,
    userName: 'a3f1c2d4-0000-4000-8000-000000000001',
    callerContext: { awsSdkVersion: 'aws-sdk-unknown-unknown', clientId: 'web-client' },
    request: {
      userAttributes: { sub: 'a3f1c2d4-0000-4000-8000-000000000001', email: 'li.wei@example.org', ...attributes },
      codeParameter: CODE,
      linkParameter: '{##Click Here##}',
      usernameParameter: triggerSource === 'CustomMessage_AdminCreateUser' ? USERNAME : null,
    },
    response: { smsMessage: null, emailMessage: null, emailSubject: null },
  } as CustomMessageTriggerEvent;
}

const invoke = (event: CustomMessageTriggerEvent) => handler(event, context) as Promise<CustomMessageTriggerEvent>;

/** The subjects, written out here so that a change of wording, or a mail in the wrong language, is a deliberate one. */
const SUBJECTS: Record<Exclude<Source, 'CustomMessage_Authentication'>, { en: string; 'zh-CN': string }> = {
  CustomMessage_SignUp: { en: 'Confirm your e-mail address', 'zh-CN': '请验证您的电子邮件地址' },
  CustomMessage_ResendCode: { en: 'Confirm your e-mail address', 'zh-CN': '请验证您的电子邮件地址' },
  CustomMessage_ForgotPassword: { en: 'Reset your password', 'zh-CN': '重置您的密码' },
  CustomMessage_UpdateUserAttribute: { en: 'Confirm your new e-mail address', 'zh-CN': '请验证您的新电子邮件地址' },
  CustomMessage_VerifyUserAttribute: { en: 'Confirm your new e-mail address', 'zh-CN': '请验证您的新电子邮件地址' },
  CustomMessage_AdminCreateUser: { en: 'Your account has been created', 'zh-CN': '您的账户已创建' },
};
const SOURCES = Object.keys(SUBJECTS) as (keyof typeof SUBJECTS)[];

const HAN = /\p{Script=Han}/u;
/** The message's words, its markup and Cognito's placeholders left out. */
const wordsOf = (html: string) => html.replace(/<[^>]*>/g, ' ').replaceAll(CODE, ' ').replaceAll(USERNAME, ' ');
const count = (text: string, part: string) => text.split(part).length - 1;

describe.each(SOURCES)('%s', (source) => {
  it.each([
    ['en', 'en'],
    ['zh-CN', 'zh-CN'],
  ] as const)('is written in %s for a user whose locale is %s', async (locale, attribute) => {
    // Act
    const result = await invoke(cognitoEvent(source, { locale: attribute }));
    // Assess
    expect(result.response.emailSubject).toBe(SUBJECTS[source][locale]);
    const html = result.response.emailMessage ?? '';
    expect(html.startsWith(`<div lang="${locale}"><p>`)).toBe(true);
    expect(html.length).toBeLessThan(20_000);
    // Cognito refuses a message without its code placeholder (and, for an invitation, the user name's): each once, as sent.
    expect(count(html, `<b>${CODE}</b>`)).toBe(1);
    expect(count(html, USERNAME)).toBe(source === 'CustomMessage_AdminCreateUser' ? 1 : 0);
    const words = wordsOf(html);
    if (locale === 'zh-CN') expect(words).toMatch(HAN);
    else expect(words).not.toMatch(HAN);
    // Nothing else of the event changes: no SMS text, the request as it came.
    expect(result.response.smsMessage).toBeNull();
    expect(result.request).toEqual(cognitoEvent(source, { locale: attribute }).request);
  });
});

describe('every language', () => {
  it.each(LOCALES)("keeps Cognito's placeholders in every mail in %s, each once", async (locale) => {
    for (const source of SOURCES) {
      const html = (await invoke(cognitoEvent(source, { locale }))).response.emailMessage ?? '';
      expect(html, source).toContain(`<div lang="${locale}">`);
      expect(count(html, CODE), source).toBe(1);
      expect(count(html, USERNAME), source).toBe(source === 'CustomMessage_AdminCreateUser' ? 1 : 0);
    }
  });
});

describe('the language of the mail', () => {
  it.each(['zh', 'zh-CN', 'zh-Hans', 'zh-SG', 'zh_CN', 'ZH-cn'])('is Chinese for the locale %s', async (attribute) => {
    const result = await invoke(cognitoEvent('CustomMessage_ForgotPassword', { locale: attribute }));
    expect(result.response.emailSubject).toBe('重置您的密码');
  });

  it.each([undefined, '', 'en', 'en-GB', 'fr', 'zh-TW', 'zh-Hant', 'not a tag', 'zh-CN;q=1'])('is English for the locale %s', async (attribute) => {
    const result = await invoke(cognitoEvent('CustomMessage_ForgotPassword', attribute === undefined ? {} : { locale: attribute }));
    expect(result.response.emailSubject).toBe('Reset your password');
    expect(result.response.emailMessage).toContain('<div lang="en">');
  });
});

describe('the invitation', () => {
  it('names the user name and the temporary password, in that order, each in bold', async () => {
    const html = (await invoke(cognitoEvent('CustomMessage_AdminCreateUser', { locale: 'zh-CN' }))).response.emailMessage ?? '';
    expect(html).toContain(`<p>用户名：<b>${USERNAME}</b></p><p>临时密码：<b>${CODE}</b></p>`);
    const en = (await invoke(cognitoEvent('CustomMessage_AdminCreateUser'))).response.emailMessage ?? '';
    expect(en).toContain(`<p>User name: <b>${USERNAME}</b></p><p>Temporary password: <b>${CODE}</b></p>`);
  });

  it("keeps Cognito's own text when Cognito gives no user name placeholder (our text would be refused)", async () => {
    const event = { ...cognitoEvent('CustomMessage_AdminCreateUser'), request: { ...cognitoEvent('CustomMessage_AdminCreateUser').request, usernameParameter: null } };
    const result = await invoke(event as CustomMessageTriggerEvent);
    expect(result.response).toEqual({ smsMessage: null, emailMessage: null, emailSubject: null });
  });
});

describe('other messages', () => {
  it.each(['CustomMessage_Authentication', 'CustomMessage_SomethingNew'])('leaves %s as Cognito wrote it', async (source) => {
    const event = cognitoEvent(source as Source, { locale: 'zh-CN' });
    const result = await invoke(event);
    expect(result).toEqual(cognitoEvent(source as Source, { locale: 'zh-CN' }));
  });
});

describe('escaping', () => {
  afterEach(() => {
    vi.doUnmock('../../../functions/domain/i18n/en.ts');
    vi.resetModules();
  });

  it("escapes the catalogue's text and puts Cognito's placeholders in as they are", async () => {
    // Prepare: a catalogue text with markup and quotes in it.
    vi.resetModules();
    vi.doMock('../../../functions/domain/i18n/en.ts', async (importOriginal) => {
      const { en } = await importOriginal<typeof import('../../../functions/domain/i18n/en.ts')>();
      return { en: { ...en, 'cognito.forgotPassword.body': `Enter <i>this</i> & "that" 'code': {code}`, 'cognito.forgotPassword.subject': 'Reset & <go>' } };
    });
    const fresh = (await import('../../../functions/auth/custom-message.ts')).handler;
    // Act
    const result = (await fresh(cognitoEvent('CustomMessage_ForgotPassword'), context)) as CustomMessageTriggerEvent;
    // Assess: markup in the text is shown, not obeyed; the subject is plain text, not HTML.
    expect(result.response.emailMessage).toContain(`<p>Enter &lt;i&gt;this&lt;/i&gt; &amp; &quot;that&quot; &#39;code&#39;: <b>${CODE}</b></p>`);
    expect(result.response.emailSubject).toBe('Reset & <go>');
  });
});
