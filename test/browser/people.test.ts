/**
 * The People page of the organisers' console in the built app, in headless Chromium, in English and in Chinese: an
 * organiser opens it from the console and sees the empty committee; invites two reviewers (one invitation in English,
 * one in Chinese), both listed as invited with no load, each invitation in the outbox in its language; inviting the
 * first again says they were added without a new invitation; a bad e-mail address is shown against its field; one
 * invitee signs in on the local sign-in page and is then listed as active; the other is removed after confirming, and
 * one removed meanwhile elsewhere answers 404 on the page; a longer committee comes a page at a time. No request carries a sub the organiser typed: the only sub
 * sent is the DELETE's, the one the list gave. axe finds no serious or critical violation; the pages log no error.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accountMailSubject } from '../../functions/domain/account-mail.ts';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { app, browser, withAppAndBrowser } from './support/suite.ts';

withAppAndBrowser();

const LOCALES = [
  { locale: 'en', browserLocale: 'en-GB', words: en },
  { locale: 'zh-CN', browserLocale: 'zh-CN', words: zhCN },
] as const;

interface Member {
  sub: string;
  email: string;
  name: string;
  status: string;
  load: { assigned: number; reviewed: number };
}

interface OutboxMail {
  to: string[];
  subject: string;
  html: string;
  tags: Record<string, string>;
}

/** What a request to the API carried, and what it was answered. */
interface Exchange {
  method: string;
  path: string;
  body: string | null;
  status: number;
  answer: Promise<string>;
}

async function call(method: string, path: string, token?: string, body?: unknown): Promise<Record<string, unknown>> {
  const res = await fetch(`${app.apiUrl}${path}`, {
    method,
    headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : {}) as Record<string, unknown>;
}

const fill = (text: string, params: Record<string, string | number>) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, String(v)), text);

describe.each(LOCALES)('the committee on the People page ($locale)', ({ locale, browserLocale, words }) => {
  const run = `${locale.toLowerCase()}-${Date.now().toString(36)}`;
  const organiser = `org-${run}`;
  const people = {
    ana: { name: `Ana Souza ${run}`, email: `ana-${run}@example.org`, locale: 'en' },
    li: { name: `李伟 ${run}`, email: `li-${run}@example.org`, locale: 'zh-CN' },
  } as const;
  const exchanges: Exchange[] = [];
  const pageErrors: string[] = [];
  let organiserToken: string;
  let context: BrowserContext;
  let page: Page;

  beforeAll(async () => {
    organiserToken = String((await call('POST', '/local/token', undefined, { sub: organiser, email: `${organiser}@example.org`, groups: ['organisers'] })).token);
    context = await browser.newContext({ locale: browserLocale });
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
    // Recorded as the answer arrives, before the page can show anything of it.
    page.on('response', (response) => {
      const request = response.request();
      if (!request.url().startsWith(app.apiUrl)) return;
      const answer = request.method() === 'GET' ? response.text().catch(() => '') : Promise.resolve('');
      exchanges.push({ method: request.method(), path: new URL(request.url()).pathname, body: request.postData(), status: response.status(), answer });
    });
    await page.goto(`${app.appUrl}/console`);
    await page.getByLabel(words['signIn.name'], { exact: true }).fill(organiser);
    await page.getByLabel(words['signIn.email'], { exact: true }).fill(`${organiser}@example.org`);
    await page.getByLabel(words['signIn.role.organiser'], { exact: true }).check();
    await page.getByRole('button', { name: words['signIn.submit'] }).click();
    await page.getByRole('heading', { name: words['console.title'], level: 1 }).waitFor();
  }, 60_000);

  // The committee is the environment's: each run leaves it empty, as the other run expects to find it.
  afterAll(async () => {
    await context?.close();
    const left = (await call('GET', '/reviewers?limit=100', organiserToken)).items as Member[];
    for (const m of left) await call('DELETE', `/reviewers/${m.sub}`, organiserToken);
  });

  const seriousViolations = async () =>
    (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
  const rowOf = (name: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name, level: 3 }) });
  const status = (text: string) => page.getByRole('status').filter({ hasText: text });
  const invite = async (p: { name: string; email: string; locale: string }) => {
    await page.getByLabel(words['console.people.invite.name'], { exact: true }).fill(p.name);
    await page.getByLabel(words['console.people.invite.email'], { exact: true }).fill(p.email);
    await page.getByLabel(words[`console.people.locale.${p.locale as 'en' | 'zh-CN'}`], { exact: true }).check();
    await page.getByRole('button', { name: words['console.people.invite.submit'] }).click();
  };
  const invitations = async (email: string) =>
    ((await call('GET', '/local/outbox')).items as OutboxMail[]).filter((m) => m.to.includes(email) && m.tags.kind === 'invitation');
  const openPeople = async () => {
    await page.getByRole('navigation', { name: words['nav.label'] }).getByRole('link', { name: words['nav.console'] }).click();
    await page.getByRole('link', { name: words['console.people.title'] }).click();
    await expect.poll(() => page.getByRole('heading', { name: words['console.people.title'], level: 1 }).isVisible()).toBe(true);
  };

  it('opens People from the console and shows the committee empty', async () => {
    await page.getByRole('link', { name: words['console.people.title'] }).click();
    await expect.poll(() => page.getByRole('heading', { name: words['console.people.title'], level: 1 }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText(words['console.people.empty']).isVisible()).toBe(true);
    expect(exchanges.filter((x) => x.method === 'GET' && x.path === '/reviewers').map((x) => x.status)).toEqual([200]);
    // The invitation's language is the page's unless chosen.
    expect(await page.getByLabel(words[`console.people.locale.${locale}`], { exact: true }).isChecked()).toBe(true);
    expect(await seriousViolations()).toEqual([]);
  });

  it('invites two reviewers, one in Chinese: both listed as invited with no load, each invitation in its language', async () => {
    for (const p of Object.values(people)) {
      await invite(p);
      await expect.poll(() => status(fill(words['console.people.invite.sent'], { name: p.name, email: p.email })).isVisible()).toBe(true);
      // The form is empty again for the next one.
      expect(await page.getByLabel(words['console.people.invite.email'], { exact: true }).inputValue()).toBe('');
    }
    for (const p of Object.values(people)) {
      const row = rowOf(p.name);
      await expect.poll(() => row.isVisible()).toBe(true);
      expect(await row.getByText(p.email, { exact: true }).isVisible()).toBe(true);
      expect(await row.getByText(words['console.people.status.invited'], { exact: true }).isVisible()).toBe(true);
      expect(await row.getByText(fill(words['console.people.loadValue'], { assigned: 0, reviewed: 0 }), { exact: true }).isVisible()).toBe(true);
    }
    const posted = exchanges.filter((x) => x.method === 'POST' && x.path === '/reviewers');
    expect(posted.map((x) => x.status)).toEqual([201, 201]);
    expect(posted.map((x) => JSON.parse(x.body ?? '{}'))).toEqual(Object.values(people).map(({ name, email, locale: l }) => ({ name, email, locale: l })));

    for (const p of Object.values(people)) {
      const mails = await invitations(p.email);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe(accountMailSubject(p.locale, 'invitation'));
      expect(mails[0]?.html).toContain(`lang="${p.locale}"`);
    }
    expect(await seriousViolations()).toEqual([]);
  });

  it('says the first was added without a new invitation when invited again, and shows a bad address against its field', async () => {
    await invite(people.ana);
    await expect.poll(() => status(fill(words['console.people.invite.added'], { email: people.ana.email })).isVisible()).toBe(true);
    expect(exchanges.filter((x) => x.method === 'POST' && x.path === '/reviewers').at(-1)?.status).toBe(200);
    expect(await invitations(people.ana.email)).toHaveLength(1);

    await invite({ name: `Nobody ${run}`, email: 'not-an-address', locale });
    const email = page.getByLabel(words['console.people.invite.email'], { exact: true });
    await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
    const errorId = (await email.getAttribute('aria-describedby'))?.split(' ').find((id) => id.endsWith('-error'));
    expect(errorId).toBe('invite-email-error');
    const message = (await page.locator(`#${errorId}`).textContent()) ?? '';
    expect(message.length).toBeGreaterThan(0);
    expect(await page.getByRole('alert').filter({ hasText: words['error.summary'] }).getByRole('link', { name: message }).isVisible()).toBe(true);
    // What was typed stays, to be corrected; the name is not in error.
    expect(await email.inputValue()).toBe('not-an-address');
    expect(await page.getByLabel(words['console.people.invite.name'], { exact: true }).getAttribute('aria-invalid')).toBeNull();
    expect(exchanges.filter((x) => x.method === 'POST' && x.path === '/reviewers').at(-1)?.status).toBe(400);
    expect(await seriousViolations()).toEqual([]);
  });

  it('lists an invitee as active once they have signed in on the local sign-in page', async () => {
    const invitee = await browser.newContext({ locale: browserLocale });
    const tab = await invitee.newPage();
    tab.on('pageerror', (err) => pageErrors.push(err.message));
    await tab.goto(`${app.appUrl}/reviews`);
    // Any name: the e-mail address invited is what makes them that account.
    await tab.getByLabel(words['signIn.name'], { exact: true }).fill(`li-${run}`);
    await tab.getByLabel(words['signIn.email'], { exact: true }).fill(people.li.email);
    await tab.getByLabel(words['signIn.role.reviewer'], { exact: true }).check();
    await tab.getByRole('button', { name: words['signIn.submit'] }).click();
    await expect.poll(() => tab.getByRole('heading', { name: words['review.title'], level: 1 }).isVisible()).toBe(true);
    await invitee.close();

    await openPeople();
    const li = rowOf(people.li.name);
    await expect.poll(() => li.getByText(words['console.people.status.active'], { exact: true }).isVisible()).toBe(true);
    expect(await rowOf(people.ana.name).getByText(words['console.people.status.invited'], { exact: true }).isVisible()).toBe(true);
  });

  it('removes the other after confirming, naming the sub the list gave', async () => {
    const ana = rowOf(people.ana.name);
    await ana.getByRole('button', { name: fill(words['console.people.remove'], { name: people.ana.name }) }).click();
    const dialog = page.getByRole('dialog', { name: fill(words['console.people.removeTitle'], { name: people.ana.name, email: people.ana.email }) });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByText(words['console.people.removeText']).isVisible()).toBe(true);
    expect(await seriousViolations()).toEqual([]);
    await dialog.getByRole('button', { name: words['console.people.removeConfirm'] }).click();
    await expect.poll(() => status(fill(words['console.people.removed'], { name: people.ana.name })).isVisible()).toBe(true);
    await expect.poll(() => ana.count()).toBe(0);
    await expect.poll(() => rowOf(people.li.name).isVisible()).toBe(true);

    // The sub the DELETE named is the one the list answered for that address, before the removal.
    const deleted = exchanges.filter((x) => x.method === 'DELETE');
    expect(deleted.map((x) => x.status)).toEqual([204]);
    const deleteAt = exchanges.indexOf(deleted[0]!);
    const listed = await Promise.all(exchanges.slice(0, deleteAt).filter((x) => x.method === 'GET' && x.path === '/reviewers').map(async (x) => JSON.parse(await x.answer).items as Member[]));
    const anaSub = listed.flat().find((m) => m.email === people.ana.email)?.sub;
    expect(anaSub).toBeTruthy();
    expect(deleted[0]?.path).toBe(`/reviewers/${anaSub}`);
    // No other request carried a sub: besides the organiser's own sign-in, the writes were the invitations (name,
    // e-mail, language) and the removal.
    const writes = exchanges.filter((x) => x.method !== 'GET' && x.path !== '/local/token');
    expect(writes.filter((x) => x.method === 'POST').every((x) => x.path === '/reviewers' && Object.keys(JSON.parse(x.body ?? '{}')).sort().join() === 'email,locale,name')).toBe(true);
    expect(writes.filter((x) => x.method !== 'POST' && x.method !== 'DELETE').map((x) => `${x.method} ${x.path}`)).toEqual([]);
    const committee = (await call('GET', '/reviewers?limit=100', organiserToken)).items as Member[];
    expect(committee.map((m) => m.email)).toEqual([people.li.email]);
  });

  it('shows a 404 when the reviewer was removed elsewhere meanwhile, and the list as it is now', async () => {
    const carol = { name: `Carol ${run}`, email: `carol-${run}@example.org` };
    const { sub } = await call('POST', '/reviewers', organiserToken, { ...carol, locale });
    await openPeople();
    const row = rowOf(carol.name);
    await expect.poll(() => row.isVisible()).toBe(true);
    await call('DELETE', `/reviewers/${String(sub)}`, organiserToken);
    await row.getByRole('button', { name: fill(words['console.people.remove'], { name: carol.name }) }).click();
    await page.getByRole('dialog').getByRole('button', { name: words['console.people.removeConfirm'] }).click();
    // What the API says of that sub now, in the page's language, is what the page shows.
    const again = await fetch(`${app.apiUrl}/reviewers/${String(sub)}`, { method: 'DELETE', headers: { authorization: `Bearer ${organiserToken}`, 'accept-language': locale } });
    const problem = (await again.json()) as { status: number; title: string; detail?: string };
    expect(problem.status).toBe(404);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: problem.detail ?? problem.title }).isVisible()).toBe(true);
    expect(exchanges.filter((x) => x.method === 'DELETE').map((x) => x.status)).toEqual([204, 404]);
    await expect.poll(() => row.count()).toBe(0);
    expect(await status(fill(words['console.people.removed'], { name: carol.name })).count()).toBe(0);
  });

  it('shows the committee a page at a time, the next one on asking', async () => {
    // With the one left, a page and one more (the page reads 25 at a time).
    for (let i = 1; i <= 25; i++) await call('POST', '/reviewers', organiserToken, { name: `Member ${i} ${run}`, email: `member-${i}-${run}@example.org`, locale });
    await openPeople();
    const rows = page.getByRole('region', { name: words['console.people.list'] }).getByRole('listitem');
    await expect.poll(() => rows.count()).toBe(25);
    await page.getByRole('button', { name: words['console.people.more'] }).click();
    await expect.poll(() => rows.count()).toBe(26);
    expect(await page.getByRole('button', { name: words['console.people.more'] }).count()).toBe(0);
    const pages = exchanges.filter((x) => x.method === 'GET' && x.path === '/reviewers').slice(-2);
    expect(pages.map((x) => x.status)).toEqual([200, 200]);
    expect(JSON.parse(await pages[0]!.answer).nextCursor).toBeTruthy();
    expect(JSON.parse(await pages[1]!.answer).nextCursor).toBeNull();
  });

  it('stays usable 360 px wide, and logged no error on the pages', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(360);
    expect(pageErrors).toEqual([]);
  });
});
