/**
 * Screenshots for the README (`npm run screenshots`), in English and in Chinese, written to web/screenshots/. The app
 * runs as the browser tests run it (the built app on the local environment).
 *
 * The applicant portal: the sign-in page, "My cases" and the case editor, on a phone (360 px) and a desktop (1440 px).
 * One applicant holds a case in English and one in Chinese, both short of a few fields so that the readiness checklist
 * has something to list. The edition closes in 29 h 15 min of the pages' fixed clock, so the countdown always reads the
 * same. Fails (exit code 1) when a page is wider than the phone's screen.
 *
 * The organisers' console, the reviewer's scoring page and the public results, at 1440 px: a call of its own run
 * through the API as the organisers would, its pages shot as it goes (consoleShots below).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { buildWebAppIfStale, WEB_DIR } from '../../lib/local/web-build.ts';
import { startAppEnvironment, type AppEnvironment } from '../../test/browser/support/app.ts';
import { launchChromium } from '../../test/browser/support/browser.ts';
import { format } from '../../functions/domain/i18n/catalogues.ts';
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
const DESKTOP = { width: 1440, height: 900 } as const;
const VIEWPORTS = [{ width: PHONE_WIDTH, height: 800 }, DESKTOP] as const;

const APPLICANT = { sub: 'chen.jing', email: 'chen.jing@example.org' };
const ORGANISER = { sub: 'secretariat', email: 'practice@example.org', groups: ['organisers'] };

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
type Language = (typeof LANGUAGES)[number];

/** A local token (POST /local/token), for an applicant, an organiser or a reviewer (an invitee: by their address). */
async function tokenFor(app: AppEnvironment, who: { sub: string; email: string; groups?: string[] }): Promise<string> {
  const { token } = await call<{ token: string }>(app, '', 'POST', '/local/token', { groups: [], ...who });
  return token;
}

async function call<T>(app: AppEnvironment, token: string, method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${app.apiUrl}${path}`, {
    method,
    headers: {
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/** The first 24:00 in Beijing at least `hours` hours from now, in ms. */
function beijingMidnightAfter(hours: number): number {
  const soonest = new Date(Date.now() + hours * HOUR_MS);
  // 24:00 in Beijing (UTC+8, no daylight saving) is 16:00 UTC.
  const deadline = Date.UTC(soonest.getUTCFullYear(), soonest.getUTCMonth(), soonest.getUTCDate(), 16);
  return deadline < soonest.getTime() ? deadline + 24 * HOUR_MS : deadline;
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
  const deadline = beijingMidnightAfter(5);
  const organiser = await tokenFor(app, ORGANISER);
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

/** The console's call: an edition of its own, run through the API as the organisers would. */
const CALL = {
  editionId: `${new Date().getUTCFullYear()}-autumn`,
  name: `Practice Cases of Jointly Building a Community with a Shared Future in Cyberspace ${new Date().getUTCFullYear()}, autumn call`,
};

type Decision = Schemas['DecisionInput']['decision'];
interface ConsoleCase {
  owner: { sub: string; email: string; locale: 'en' | 'zh-CN' };
  fields: Schemas['CaseCreateInput'];
  decision: Decision;
  note: string;
}

/** Four submitted cases, each of its own applicant: the two above, completed, and two more, in both languages. */
const CONSOLE_CASES = {
  cert: {
    owner: { sub: 'wanjiru.kamau', email: 'wanjiru.kamau@example.org', locale: 'en' },
    fields: {
      ...ENGLISH_CASE,
      description: 'Each exercise replayed a real incident from one of the partners, with the other teams as responders; response times fell by a third over the year.',
      contact: { name: 'Wanjiru Kamau', email: 'wanjiru.kamau@example.org', phone: '+254 20 555 0100' },
    },
    decision: 'outstanding',
    note: 'Measured results across four countries.',
  },
  ecommerce: {
    owner: { sub: 'li.na', email: 'li.na@example.org', locale: 'zh-CN' },
    fields: { ...CHINESE_CASE, contact: { name: '李娜', email: 'li.na@example.org' } },
    decision: 'outstanding',
    note: '规模大，成效可量化。',
  },
  museum: {
    owner: { sub: 'aziza.karimova', email: 'aziza.karimova@example.org', locale: 'en' },
    fields: {
      locale: 'en',
      title: 'Silk Road Digital Museum Alliance',
      titleZh: '丝绸之路数字博物馆联盟',
      category: 'cultural-exchange',
      caseType: 'initiative',
      summary: 'Twelve museums in six countries share 3D scans of their collections in one open online exhibition.',
      summaryZh: '六国十二家博物馆以三维扫描共享馆藏，共建开放的线上展览。',
      description: 'Curators agreed on one open licence and one catalogue format; the exhibition has had 2.4 million visits in five languages.',
      implementedOn: '2021-05-18',
      countries: ['UZ', 'CN', 'KZ', 'TR', 'IT', 'IR'],
      organisation: { name: 'Samarkand State Museum-Reserve', country: 'UZ' },
      partners: [
        { name: 'Dunhuang Academy', country: 'CN' },
        { name: 'Museo delle Civiltà', country: 'IT' },
      ],
      contact: { name: 'Aziza Karimova', email: 'aziza.karimova@example.org' },
    },
    decision: 'collection',
    note: 'Good reach; little evidence of lasting cooperation yet.',
  },
  broadband: {
    owner: { sub: 'prakash.thapa', email: 'prakash.thapa@example.org', locale: 'en' },
    fields: {
      locale: 'en',
      title: 'Solar-powered broadband for highland schools',
      category: 'internet-infrastructure',
      caseType: 'project',
      summary: 'A university and two local operators connected 40 mountain schools with solar-powered wireless links.',
      description: 'The links were built and are maintained by trained villagers; the schools now hold weekly online classes with city teachers.',
      implementedOn: '2019-09-02',
      countries: ['NP', 'CN'],
      organisation: { name: 'Kathmandu Institute of Technology', country: 'NP' },
      partners: [{ name: 'Tibet Telecom Research Centre', country: 'CN' }],
      contact: { name: 'Prakash Thapa', email: 'prakash.thapa@example.org' },
    },
    decision: 'not-selected',
    note: 'Small scale; strong local ownership.',
  },
} as const satisfies Record<string, ConsoleCase>;
type CaseKey = keyof typeof CONSOLE_CASES;

/** The committee, invited by e-mail. */
const REVIEWERS = {
  amara: { name: 'Amara Nwosu', email: 'amara.nwosu@example.org', locale: 'en' },
  li: { name: '李晓明', email: 'li.xiaoming@example.org', locale: 'zh-CN' },
  sofia: { name: 'Sofia Almeida', email: 'sofia.almeida@example.org', locale: 'en' },
} as const satisfies Record<string, Schemas['ReviewerInvitationInput']>;
type ReviewerKey = keyof typeof REVIEWERS;

/** Two reviewers per case, so that a balanced suggestion for three has something to add. */
const ASSIGNED: Record<CaseKey, ReviewerKey[]> = { cert: ['amara', 'li'], ecommerce: ['li', 'sofia'], museum: ['amara', 'sofia'], broadband: ['amara', 'li'] };

/** The review each language's scoring page shows: a reviewer reading that language, on a case written in it. */
const REVIEWS: Record<Language['locale'], { reviewer: ReviewerKey; case: CaseKey; title: string; review: Schemas['ReviewInput'] }> = {
  en: {
    reviewer: 'amara',
    case: 'cert',
    title: ENGLISH_CASE.title,
    review: {
      scores: { innovation: 8, impact: 9, cooperation: 9, sustainability: 7 },
      recommendation: 'outstanding',
      comment: 'Twelve exercises with measured response times: the clearest evidence of cooperation in the call.',
    },
  },
  'zh-CN': {
    reviewer: 'li',
    case: 'ecommerce',
    title: CHINESE_CASE.titleZh,
    review: { scores: { innovation: 7, impact: 9, cooperation: 8, sustainability: 8 }, recommendation: 'outstanding', comment: '培训规模大、成效可量化，农产品进入跨境电商平台带来了持续收入。' },
  },
};

/** How a reviewer signs in: an invitee is their directory account by their address, whatever name is typed (lib/local/environment.ts). */
const reviewerLogin = (key: ReviewerKey) => ({ sub: REVIEWERS[key].email.split('@')[0]!, email: REVIEWERS[key].email });
const reviewerToken = (app: AppEnvironment, key: ReviewerKey) => tokenFor(app, { ...reviewerLogin(key), groups: ['reviewers'] });

/**
 * The call up to the reviews: the edition opened, the four cases submitted (the Chinese owner's account reads Chinese),
 * an extension granted, the edition closed by hand, the committee invited and assigned, and two reviews saved.
 */
async function runCallToReviews(app: AppEnvironment, organiser: string): Promise<Record<CaseKey, string>> {
  const deadline = beijingMidnightAfter(2);
  await call(app, organiser, 'PUT', `/editions/${CALL.editionId}`, {
    name: CALL.name,
    opensAt: new Date(deadline - 45 * 24 * HOUR_MS).toISOString(),
    deadline: new Date(deadline).toISOString(),
    timeZone: 'Asia/Shanghai',
    materialsDeadline: new Date(deadline + 60 * 24 * HOUR_MS).toISOString(),
    contact: { name: 'Call secretariat', email: 'practice@example.org', phone: '+86 10 0000 0000' },
  } satisfies Schemas['EditionInput']);
  const caseIds = {} as Record<CaseKey, string>;
  for (const [key, { owner, fields }] of Object.entries(CONSOLE_CASES) as [CaseKey, ConsoleCase][]) {
    const token = await tokenFor(app, owner);
    await call(app, token, 'PUT', '/me/preferences', { locale: owner.locale });
    caseIds[key] = (await call<{ caseId: string }>(app, token, 'POST', `/editions/${CALL.editionId}/cases`, fields)).caseId;
    await call(app, token, 'POST', `/cases/${caseIds[key]}/submit`);
  }
  await call(app, organiser, 'PUT', `/editions/${CALL.editionId}/extensions/${CONSOLE_CASES.broadband.owner.sub}`, {
    deadline: new Date(deadline + 3 * 24 * HOUR_MS).toISOString(),
    reason: 'Floods cut the school network off for a week before the deadline.',
  });
  await call(app, organiser, 'POST', `/editions/${CALL.editionId}/close`);
  const subs = {} as Record<ReviewerKey, string>;
  for (const [key, invitation] of Object.entries(REVIEWERS) as [ReviewerKey, Schemas['ReviewerInvitationInput']][]) {
    subs[key] = (await call<{ sub: string }>(app, organiser, 'POST', '/reviewers', invitation)).sub;
  }
  const assign = (Object.keys(ASSIGNED) as CaseKey[]).flatMap((c) => ASSIGNED[c].map((r) => ({ caseId: caseIds[c], sub: subs[r] })));
  await call(app, organiser, 'POST', `/editions/${CALL.editionId}/assignments`, { assign });
  for (const { reviewer, case: key, review } of Object.values(REVIEWS)) await call(app, await reviewerToken(app, reviewer), 'PUT', `/cases/${caseIds[key]}/reviews/me`, review);
  return caseIds;
}

/** The decisions with their notes, and the notification run started and waited for until it has finished. */
async function decideAndNotify(app: AppEnvironment, organiser: string, caseIds: Record<CaseKey, string>): Promise<void> {
  for (const [key, { decision, note }] of Object.entries(CONSOLE_CASES) as [CaseKey, ConsoleCase][]) {
    await call(app, organiser, 'PUT', `/cases/${caseIds[key]}/decision`, { decision, note });
  }
  await call(app, organiser, 'POST', `/editions/${CALL.editionId}/notifications`);
  for (const until = Date.now() + 60_000; ; ) {
    const { runs } = await call<Schemas['Notifications']>(app, organiser, 'GET', `/editions/${CALL.editionId}/notifications`);
    if (runs[0]?.status === 'succeeded') return;
    if (runs[0]?.status !== 'running' || Date.now() > until) throw new Error(`The notification run ended ${runs[0]?.status ?? 'missing'}.`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

type Role = 'applicant' | 'reviewer' | 'organiser';

/** Signs in on the local sign-in page that stands in for the page asked for, as a person would. */
async function signIn(page: Page, words: Language['words'], who: { sub: string; email: string }, role: Role): Promise<void> {
  await page.getByLabel(words['signIn.name'], { exact: true }).fill(who.sub);
  await page.getByLabel(words['signIn.email'], { exact: true }).fill(who.email);
  await page.getByLabel(words[`signIn.role.${role}`], { exact: true }).check();
  await page.getByRole('button', { name: words['signIn.submit'] }).click();
}

const heading = (page: Page, name: string) => page.getByRole('heading', { name, level: 1 }).waitFor();

/** Writes web/screenshots/<name>-<locale>-<width>.png once the page's fonts have loaded. */
async function writeShot(page: Page, name: string, locale: string, fullPage: boolean): Promise<void> {
  await page.evaluate('document.fonts.ready');
  const path = join(OUT_DIR, `${name}-${locale}-${page.viewportSize()?.width ?? 0}.png`);
  await page.screenshot({ path, fullPage, animations: 'disabled', caret: 'hide' });
  console.log(`wrote ${path}`);
}

/** A whole desktop page, once nothing on it is loading any more. */
async function desktopShot(page: Page, name: string, locale: string): Promise<void> {
  await page.waitForFunction(`!document.querySelector('main .loading')`);
  await writeShot(page, name, locale, true);
}

/**
 * The console's pages at 1440 px in each language, shot as the call goes: the assignment board (with a balanced
 * suggestion for three reviewers a case) and each reviewer's scoring page after the reviews; the editions, the
 * edition (form, extensions, audit), its cases with their decisions and the notifications once the run has finished;
 * the public results last, after the release.
 */
async function consoleShots(app: AppEnvironment, browser: Browser): Promise<void> {
  const organiser = await tokenFor(app, ORGANISER);
  const caseIds = await runCallToReviews(app, organiser);
  const tab = async ({ locale, timezoneId }: Language, path: string): Promise<Page> => {
    const context = await browser.newContext({ locale, timezoneId, viewport: DESKTOP, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(`${app.appUrl}${path}`);
    return page;
  };
  const edition = `/console/editions/${CALL.editionId}`;

  for (const language of LANGUAGES) {
    const { locale, words } = language;
    const board = await tab(language, `${edition}/assignments`);
    await signIn(board, words, ORGANISER, 'organiser');
    await heading(board, format(words['console.assign.title'], { name: CALL.name }));
    await board.getByRole('button', { name: words['console.assign.suggest'] }).click();
    await board.getByRole('region', { name: format(words['console.assign.plan'], { count: Object.keys(CONSOLE_CASES).length }) }).waitFor();
    await desktopShot(board, 'console-assign', locale);
    await board.context().close();

    const { reviewer, case: key, title } = REVIEWS[locale];
    const scoring = await tab(language, `/reviews/${caseIds[key]}`);
    await signIn(scoring, words, reviewerLogin(reviewer), 'reviewer');
    await heading(scoring, title);
    await desktopShot(scoring, 'review', locale);
    await scoring.context().close();
  }

  await decideAndNotify(app, organiser, caseIds);
  const outstanding = Object.values(CONSOLE_CASES).filter((c) => c.decision === 'outstanding').length;
  for (const language of LANGUAGES) {
    const { locale, words } = language;
    const page = await tab(language, '/console');
    await signIn(page, words, ORGANISER, 'organiser');
    await heading(page, words['console.title']);
    await page.getByRole('link', { name: CALL.name, exact: true }).waitFor();
    await desktopShot(page, 'console-editions', locale);

    await page.getByRole('link', { name: CALL.name, exact: true }).click();
    await heading(page, CALL.name);
    await page.getByText(words['console.audit.chainValid'], { exact: true }).waitFor();
    await desktopShot(page, 'console-edition', locale);

    await page.getByRole('link', { name: words['console.cases.link'] }).click();
    await heading(page, format(words['console.cases.title'], { name: CALL.name }));
    await page.getByText(format(words['console.decision.count'], { count: outstanding, target: 12 }), { exact: true }).waitFor();
    await desktopShot(page, 'console-cases', locale);

    await page.goto(`${app.appUrl}${edition}/notifications`);
    await heading(page, format(words['release.notify.title'], { edition: CALL.name }));
    await page.getByText(format(words['release.run.latest'], { status: words['release.run.status.succeeded'] }), { exact: true }).waitFor();
    await page.locator('article.release-mail').first().waitFor();
    await desktopShot(page, 'console-notifications', locale);
    await page.context().close();
  }

  await call(app, organiser, 'POST', `/editions/${CALL.editionId}/release`);
  for (const language of LANGUAGES) {
    const page = await tab(language, `/results/${CALL.editionId}`);
    await heading(page, format(language.words['release.results.edition'], { edition: CALL.name }));
    await desktopShot(page, 'results', language.locale);
    await page.context().close();
  }
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
          if (viewport.width === PHONE_WIDTH) {
            const wide = (await page.evaluate(OVERFLOWING)) as string[];
            if (wide.length > 0) overflows.push(`${name} (${locale}): ${wide.join(', ')}`);
          }
          await writeShot(page, name, locale, fullPage);
        };

        await page.goto(`${app.appUrl}/`);
        await heading(page, words['signIn.title']);
        await shoot('sign-in', true);

        await signIn(page, words, APPLICANT, 'applicant');
        await heading(page, words['cases.title']);
        await page.getByRole('link', { name: caseTitle }).waitFor();
        await shoot('my-cases', true);

        await page.getByRole('link', { name: caseTitle }).click();
        await heading(page, caseTitle);
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
    await consoleShots(app, browser);
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
