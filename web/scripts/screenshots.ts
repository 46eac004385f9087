/**
 * Screenshots of the applicant portal for the README (`npm run screenshots`): the sign-in page, "My cases" and the case
 * editor, in English and in Chinese, on a phone (360 px) and a desktop (1440 px), written to web/screenshots/. The app
 * runs as the browser tests run it (the built app on the local environment); one applicant holds a case in English and
 * one in Chinese, both short of a few fields so that the readiness checklist has something to list. The edition closes
 * in 29 h 15 min of the pages' fixed clock, so the countdown always reads the same. Fails (exit code 1) when a page is
 * wider than the phone's screen.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { buildWebAppIfStale, WEB_DIR } from '../../lib/local/web-build.ts';
import { startAppEnvironment, type AppEnvironment } from '../../test/browser/support/app.ts';
import { launchChromium } from '../../test/browser/support/browser.ts';
import type { components } from '../src/api/schema.js';
import { en } from '../src/i18n/en.ts';
import { zhCN } from '../src/i18n/zh-CN.ts';

type Schemas = components['schemas'];
type Edition = Schemas['Edition'];

const OUT_DIR = join(WEB_DIR, 'screenshots');
const HOUR_MS = 3_600_000;
/** How long before the deadline the pages' clock stands: inside the last 48 hours, where the countdown shows. */
const BEFORE_DEADLINE_MS = 29 * HOUR_MS + 15 * 60_000;
const PHONE_WIDTH = 360;
const VIEWPORTS = [
  { width: PHONE_WIDTH, height: 800 },
  { width: 1440, height: 900 },
] as const;

const APPLICANT = { sub: 'chen.jing', email: 'chen.jing@example.org' };

const ENGLISH_CASE = {
  locale: 'en',
  title: 'Joint incident-response training for East African CERTs',
  category: 'cybersecurity',
  caseType: 'training',
  summary: 'Three national response teams and a Chinese training centre ran twelve joint exercises on ransomware and DDoS response.',
  implementedOn: '2022-03-14',
  countries: ['KE', 'TZ', 'UG', 'CN'],
  organisation: { name: 'Nairobi Cyber Response Centre', country: 'KE' },
  partners: [
    { name: 'Dar es Salaam Network Security Lab', country: 'TZ' },
    { name: 'Kampala Digital Trust Institute', country: 'UG' },
    { name: 'Guangzhou Cybersecurity Training Centre', country: 'CN' },
  ],
} satisfies Schemas['CaseCreateInput'];

const CHINESE_CASE = {
  locale: 'zh-CN',
  titleZh: '澜湄流域乡村电子商务人才培养计划',
  category: 'digital-economy',
  caseType: 'program',
  summaryZh: '面向老挝、泰国、柬埔寨和越南的乡村青年，开展为期三年的电子商务技能培训，累计培训学员两千余人。',
  description: '项目联合四国高校与企业，建设线上课程与实训基地，帮助农产品进入跨境电商平台。',
  implementedOn: '2020-10-09',
  countries: ['CN', 'LA', 'TH', 'KH', 'VN'],
  organisation: { name: '云南数字经济发展研究院', country: 'CN' },
  partners: [
    { name: '老挝国立大学信息技术学院', country: 'LA' },
    { name: '清迈数字创新中心', country: 'TH' },
  ],
} satisfies Schemas['CaseCreateInput'];

const LANGUAGES = [
  { locale: 'en', timezoneId: 'Europe/London', words: en, caseTitle: ENGLISH_CASE.title },
  { locale: 'zh-CN', timezoneId: 'Asia/Shanghai', words: zhCN, caseTitle: CHINESE_CASE.titleZh },
] as const;

/** A local token (POST /local/token), for the applicant or an organiser. */
async function tokenFor(app: AppEnvironment, who: { sub: string; email: string; groups?: string[] }): Promise<string> {
  const { token } = await call<{ token: string }>(app, '', 'POST', '/local/token', { groups: [], ...who });
  return token;
}

async function call<T>(app: AppEnvironment, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${app.apiUrl}${path}`, {
    method,
    headers: {
      'content-type': 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * Moves the open edition's deadline to the next 24:00 in Beijing at least 5 hours away (so it stays open while the
 * script runs) and returns the instant the pages' clock shows: BEFORE_DEADLINE_MS before it, never later than now, so
 * the local token (12 hours) is still valid in the pages.
 */
async function prepareEdition(app: AppEnvironment): Promise<{ editionId: string; clock: number }> {
  const { items } = await call<{ items: Edition[] }>(app, '', 'GET', '/editions');
  const edition = items.find((e) => e.status === 'open');
  if (!edition) throw new Error('The local environment has no open edition.');
  const soonest = new Date(Date.now() + 5 * HOUR_MS);
  // 24:00 in Beijing (UTC+8, no daylight saving) is 16:00 UTC.
  let deadline = Date.UTC(soonest.getUTCFullYear(), soonest.getUTCMonth(), soonest.getUTCDate(), 16);
  if (deadline < soonest.getTime()) deadline += 24 * HOUR_MS;
  const organiser = await tokenFor(app, { sub: 'secretariat', email: 'practice@example.org', groups: ['organisers'] });
  const input: Schemas['EditionInput'] = {
    name: edition.name,
    opensAt: edition.opensAt,
    deadline: new Date(deadline).toISOString(),
    timeZone: edition.timeZone,
    materialsDeadline: new Date(deadline + 60 * 24 * HOUR_MS).toISOString(),
    contact: edition.contact,
  };
  await call(app, organiser, 'PUT', `/editions/${edition.editionId}`, input);
  return { editionId: edition.editionId, clock: deadline - BEFORE_DEADLINE_MS };
}

/** What is wider than the page at phone width, to say where the overflow comes from; empty when nothing is. */
const OVERFLOWING = `(() => {
  if (document.documentElement.scrollWidth <= innerWidth) return [];
  return [...document.querySelectorAll('body *')]
    .filter((el) => el.getBoundingClientRect().right > innerWidth)
    .map((el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + String(el.className).split(' ').join('.') : '') + ' (' + Math.round(el.getBoundingClientRect().right) + ' px)')
    .slice(0, 10);
})()`;

async function main(): Promise<void> {
  // Without a Chinese font the Chinese pages would show empty boxes.
  if (execFileSync('fc-list', [':lang=zh-cn', 'family'], { encoding: 'utf8' }).trim() === '') {
    throw new Error('No Chinese font on this machine: install one (apt-get install fonts-noto-cjk).');
  }
  await buildWebAppIfStale();
  mkdirSync(OUT_DIR, { recursive: true });
  const app = await startAppEnvironment();
  let browser: Browser | undefined;
  const overflows: string[] = [];
  try {
    browser = await launchChromium();
    const { editionId, clock } = await prepareEdition(app);
    const applicant = await tokenFor(app, APPLICANT);
    for (const draft of [ENGLISH_CASE, CHINESE_CASE]) await call(app, applicant, 'POST', `/editions/${editionId}/cases`, draft);

    for (const { locale, timezoneId, words, caseTitle } of LANGUAGES) {
      for (const viewport of VIEWPORTS) {
        const context = await browser.newContext({ locale, timezoneId, viewport, deviceScaleFactor: 1 });
        const page = await context.newPage();
        await page.clock.setFixedTime(clock);
        const shoot = async (name: string, fullPage: boolean) => {
          await page.evaluate('document.fonts.ready');
          if (viewport.width === PHONE_WIDTH) {
            const wide = (await page.evaluate(OVERFLOWING)) as string[];
            if (wide.length > 0) overflows.push(`${name} (${locale}): ${wide.join(', ')}`);
          }
          const path = join(OUT_DIR, `${name}-${locale}-${viewport.width}.png`);
          await page.screenshot({ path, fullPage, animations: 'disabled', caret: 'hide' });
          console.log(`wrote ${path}`);
        };
        const heading = (name: string) => page.getByRole('heading', { name, level: 1 }).waitFor();

        await page.goto(`${app.appUrl}/`);
        await heading(words['signIn.title']);
        await shoot('sign-in', true);

        await page.getByLabel(words['signIn.name'], { exact: true }).fill(APPLICANT.sub);
        await page.getByLabel(words['signIn.email'], { exact: true }).fill(APPLICANT.email);
        await page.getByRole('button', { name: words['signIn.submit'] }).click();
        await heading(words['cases.title']);
        await page.getByRole('link', { name: caseTitle }).waitFor();
        await shoot('my-cases', true);

        await page.getByRole('link', { name: caseTitle }).click();
        await heading(caseTitle);
        await page.locator('.readiness li').first().waitFor();
        // The editor is long: its top, and on a phone its checklist (below the form; on a desktop it is beside the top).
        await shoot('editor', false);
        if (viewport.width === PHONE_WIDTH) {
          await page.evaluate(`document.querySelector('.readiness').scrollIntoView({ block: 'start' })`);
          await shoot('checklist', false);
        }
        await context.close();
      }
    }
  } finally {
    await browser?.close();
    await app.close();
  }
  if (overflows.length > 0) {
    console.error(`Wider than ${PHONE_WIDTH} px:\n${overflows.join('\n')}`);
    process.exitCode = 1;
  }
}

await main();
