/**
 * People in the built app, each in a tab of their own (the session is per tab): signed in on the local sign-in page
 * with the role chosen there, every answer the API gave that tab recorded, and what axe finds serious on a page.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import type { WebMessageKey } from '../../../web/src/i18n/en.ts';

export type Words = Readonly<Record<WebMessageKey, string>>;
export type Role = 'applicant' | 'reviewer' | 'organiser';

/** What the API answered a tab; its body is read as it arrives, before the page can show any of it. */
export interface Answer {
  method: string;
  path: string;
  query: string;
  status: number;
  body: Promise<string>;
}

export interface Person {
  page: Page;
  answers: Answer[];
  /** Errors the page threw. */
  errors: string[];
  close(): Promise<void>;
}

export interface Visit {
  browser: Browser;
  appUrl: string;
  apiUrl: string;
  browserLocale: string;
  words: Words;
}

/** A tab of its own (a new browser context), at `path`, signed in there as `who` in `role`. */
export async function signedInAs(visit: Visit, path: string, who: { sub: string; email: string }, role: Role): Promise<Person> {
  const person = await visitor(visit, path);
  const { page } = person;
  const { words } = visit;
  await page.getByLabel(words['signIn.name'], { exact: true }).fill(who.sub);
  await page.getByLabel(words['signIn.email'], { exact: true }).fill(who.email);
  await page.getByLabel(words[`signIn.role.${role}`], { exact: true }).check();
  await page.getByRole('button', { name: words['signIn.submit'] }).click();
  return person;
}

/** A tab of its own at `path`, signed in as nobody. */
export async function visitor({ browser, appUrl, apiUrl, browserLocale }: Visit, path: string): Promise<Person> {
  const context = await browser.newContext({ locale: browserLocale });
  const page = await context.newPage();
  const person: Person = { page, answers: [], errors: [], close: () => context.close() };
  page.on('pageerror', (err) => person.errors.push(err.message));
  page.on('response', (response) => {
    const request = response.request();
    if (!request.url().startsWith(apiUrl) || request.method() === 'OPTIONS') return;
    const url = new URL(request.url());
    person.answers.push({ method: request.method(), path: url.pathname, query: url.search, status: response.status(), body: response.text().catch(() => '') });
  });
  await page.goto(`${appUrl}${path}`);
  return person;
}

/** The bodies of the answers a tab got, as text, with their paths. */
export const bodies = (person: Person, method?: string): Promise<{ path: string; query: string; status: number; text: string }[]> =>
  Promise.all(person.answers.filter((a) => !method || a.method === method).map(async (a) => ({ path: a.path, query: a.query, status: a.status, text: await a.body })));

/** A text of the catalogue with its `{name}` placeholders filled. */
export const fill = (text: string, params: Readonly<Record<string, string | number>>): string =>
  Object.entries(params).reduce((s, [k, v]) => s.replaceAll(`{${k}}`, String(v)), text);

export const seriousViolations = async (page: Page): Promise<string[]> =>
  (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
