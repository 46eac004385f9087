/**
 * The whole call in the built app, in headless Chromium, in English and in Chinese, every step through the pages, each
 * person in a tab of their own: an organiser opens an edition in the form and invites two reviewers on the People page;
 * two applicants each fill in and submit a case; the organiser closes the edition and assigns both reviewers to both
 * cases from the balanced suggestion; the reviewers sign in with the addresses invited, one scores both cases, the
 * other scores one and declares a conflict of interest on the other; the organiser reads the reviews on the case list
 * and decides (one outstanding, one not selected), previews the notice, sends it and watches the run finish, and
 * releases the results; the applicant notified sees the decision, the other sees theirs once released, and the public
 * page lists the selected case alone. Besides what the pages show, what each browser received is asserted: a
 * reviewer's never carries contact details, an applicant's no decision before the notice, the public results no e-mail
 * address. Only the local outbox is read outside the pages.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { app, browser, withAppAndBrowser } from './support/suite.ts';
import { bodies, fill, seriousViolations, signedInAs, visitor, type Person, type Visit } from './support/journey.ts';

withAppAndBrowser();

const HOUR = 3_600_000;
const BEIJING_OFFSET = 8 * HOUR;
/** An instant as Beijing's wall clock, to the minute, as the edition form's datetime-local inputs take it. */
const beijingWall = (ms: number) => new Date(ms + BEIJING_OFFSET).toISOString().slice(0, 16);

/** Each language's run fills the case in that language's fields. */
const LOCALES = [
  {
    locale: 'en',
    browserLocale: 'en-GB',
    words: en,
    fields: { title: en['field.title'], summary: en['field.summary'] },
    titles: { selected: 'Broadband for highland villages', passed: 'A shared school of cyber defence' },
  },
  {
    locale: 'zh-CN',
    browserLocale: 'zh-CN',
    words: zhCN,
    fields: { title: zhCN['field.titleZh'], summary: zhCN['field.summaryZh'] },
    titles: { selected: '高原村庄宽带建设', passed: '网络安全联合培训学校' },
  },
] as const;

type Label = { id: string; label: string };
interface Vocabulary {
  categories: Label[];
  criteria: Label[];
  recommendations: Label[];
  decisions: Label[];
  editionStatuses: Label[];
}

interface OutboxMail {
  to: string[];
  subject: string;
  tags: Record<string, string>;
}

const outbox = async () => ((await (await fetch(`${app.apiUrl}/local/outbox`)).json()) as { items: OutboxMail[] }).items;

/** Any e-mail address: the public results may carry none. */
const EMAIL = /[^\s"@]+@[^\s"@]+\.[a-z]{2,}/i;

describe.each(LOCALES)('the whole call ($locale)', ({ locale, browserLocale, words, fields, titles }) => {
  const run = `${locale.toLowerCase()}-${Date.now().toString(36)}`;
  const editionId = `2033-${run}`;
  const editionName = `Whole call ${run}`;
  const organiser = { sub: `org-${run}`, email: `org-${run}@example.org` };
  const reviewers = {
    ana: { name: `Ana ${run}`, email: `ana-${run}@example.org` },
    bo: { name: `Bo ${run}`, email: `bo-${run}@example.org` },
  } as const;
  const applicants = {
    selected: { sub: `sel-${run}`, email: `sel-${run}@example.org`, contact: 'Amina Okafor', title: titles.selected },
    passed: { sub: `pas-${run}`, email: `pas-${run}@example.org`, contact: 'Wei Zhang', title: titles.passed },
  } as const;
  type Who = keyof typeof applicants;
  const people = {} as Record<'organiser' | 'ana' | 'bo' | Who | 'public', Person>;
  const caseOf = {} as Record<Who, string>;
  let vocabulary: Vocabulary;
  let visit: Visit;
  let previewedSubject: string;

  beforeAll(() => {
    visit = { browser, appUrl: app.appUrl, apiUrl: app.apiUrl, browserLocale, words };
  });

  afterAll(async () => {
    for (const person of Object.values(people)) await person.close();
  });

  const heading = (person: Person, name: string) => person.page.getByRole('heading', { name, level: 1, exact: true });
  const label = (list: Label[], id: string) => list.find((x) => x.id === id)!.label;
  const nav = (person: Person, key: 'nav.cases' | 'nav.reviews' | 'nav.console') => person.page.getByRole('navigation', { name: words['nav.label'] }).getByRole('link', { name: words[key] });
  const openEdition = async () => {
    const { page } = people.organiser;
    await nav(people.organiser, 'nav.console').click();
    await page.getByRole('link', { name: editionName, exact: true }).click();
    await expect.poll(() => heading(people.organiser, editionName).isVisible()).toBe(true);
  };

  it('the organiser opens an edition in the form and invites two reviewers on the People page', async () => {
    people.organiser = await signedInAs(visit, '/console', organiser, 'organiser');
    const { page } = people.organiser;
    await expect.poll(() => heading(people.organiser, words['console.title']).isVisible()).toBe(true);
    // The labels of the vocabulary, as the console's own request got them.
    await expect.poll(() => people.organiser.answers.filter((a) => a.path === '/vocabulary').length).toBeGreaterThan(0);
    vocabulary = JSON.parse(await people.organiser.answers.find((a) => a.path === '/vocabulary')!.body) as Vocabulary;

    await page.getByRole('link', { name: words['console.edition.new'] }).click();
    await page.getByLabel(words['console.edition.id'], { exact: true }).fill(editionId);
    await page.getByLabel(words['console.edition.name'], { exact: true }).fill(editionName);
    await page.getByLabel(words['console.edition.opensAt'], { exact: true }).fill(beijingWall(Date.now() - HOUR));
    await page.getByLabel(words['console.edition.deadline'], { exact: true }).fill(beijingWall(Date.now() + 3 * HOUR));
    await page.getByRole('button', { name: words['console.edition.create'] }).click();
    await expect.poll(() => heading(people.organiser, editionName).isVisible()).toBe(true);
    expect(await page.locator('.meta').textContent()).toContain(label(vocabulary.editionStatuses, 'open'));
    expect(people.organiser.answers.filter((a) => a.method === 'PUT' && a.path === `/editions/${editionId}`).map((a) => a.status)).toEqual([201]);

    await page.getByRole('link', { name: words['console.back'] }).click();
    await page.getByRole('link', { name: words['console.people.title'] }).click();
    await expect.poll(() => heading(people.organiser, words['console.people.title']).isVisible()).toBe(true);
    for (const r of Object.values(reviewers)) {
      await page.getByLabel(words['console.people.invite.name'], { exact: true }).fill(r.name);
      await page.getByLabel(words['console.people.invite.email'], { exact: true }).fill(r.email);
      await page.getByRole('button', { name: words['console.people.invite.submit'] }).click();
      await expect.poll(() => page.getByRole('status').filter({ hasText: fill(words['console.people.invite.sent'], r) }).isVisible()).toBe(true);
    }
    for (const r of Object.values(reviewers)) {
      const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: r.name, level: 3 }) });
      await expect.poll(() => row.getByText(words['console.people.status.invited'], { exact: true }).isVisible()).toBe(true);
    }
    // Each invitation is in the outbox, in the page's language (the invitation's unless chosen).
    const mails = await outbox();
    for (const r of Object.values(reviewers)) expect(mails.filter((m) => m.to.includes(r.email) && m.tags.kind === 'invitation')).toHaveLength(1);
  });

  it('two applicants each fill in their case and submit it', async () => {
    for (const who of Object.keys(applicants) as Who[]) {
      const applicant = applicants[who];
      const person = (people[who] = await signedInAs(visit, '/', applicant, 'applicant'));
      const { page } = person;
      await expect.poll(() => heading(person, words['cases.title']).isVisible()).toBe(true);
      await expect.poll(() => page.getByText(words['cases.empty']).isVisible()).toBe(true);
      await page.getByLabel(words['cases.newEdition'], { exact: true }).selectOption({ label: editionName });
      await page.getByRole('button', { name: words['cases.new'] }).click();
      await expect.poll(() => heading(person, words['cases.untitled']).isVisible()).toBe(true);
      caseOf[who] = new URL(page.url()).pathname.split('/').pop()!;

      await page.getByLabel(fields.title, { exact: true }).fill(applicant.title);
      await page.getByLabel(label(vocabulary.categories, 'internet-infrastructure'), { exact: true }).check();
      await page.getByLabel(words['field.caseType'], { exact: true }).selectOption({ index: 1 });
      await page.getByLabel(fields.summary, { exact: true }).fill(`${applicant.title}: ${applicant.title}.`);
      await page.getByLabel(words['field.description'], { exact: true }).fill('A year of work, village by village.');
      await page.getByLabel(words['field.implementedOn'], { exact: true }).fill('2021-09-01');
      for (const code of ['KE', 'CN']) {
        await page.getByLabel(words['field.countries.choose'], { exact: true }).selectOption(code);
        await page.getByRole('button', { name: words['field.countries.add'], exact: true }).click();
      }
      await page.getByLabel(words['field.organisation.name'], { exact: true }).fill('Highland Connectivity Cooperative');
      await page.getByLabel(words['field.organisation.country'], { exact: true }).selectOption('KE');
      await page.getByLabel(words['field.contact.name'], { exact: true }).fill(applicant.contact);
      await page.getByLabel(words['field.contact.email'], { exact: true }).fill(applicant.email);
      await expect.poll(() => page.locator('.save-state').textContent()).toBe(words['editor.save.saved']);
      await expect.poll(() => page.getByText(words['readiness.ready']).isVisible()).toBe(true);

      await page.getByRole('button', { name: words['submit.button'] }).click();
      await expect.poll(() => page.getByRole('heading', { name: words['receipt.title'] }).isVisible()).toBe(true);
      expect(person.answers.filter((a) => a.method === 'POST' && a.path === `/cases/${caseOf[who]}/submit`).map((a) => a.status)).toEqual([200]);
    }
  });

  it('the organiser closes the edition and assigns both reviewers to both cases from the suggestion', async () => {
    const { page } = people.organiser;
    await openEdition();
    await page.getByRole('button', { name: words['console.close.button'] }).click();
    const dialog = page.getByRole('dialog', { name: fill(words['console.close.confirmTitle'], { name: editionName }) });
    await dialog.getByRole('button', { name: words['console.close.confirm'] }).click();
    await expect.poll(() => page.locator('.meta').textContent()).toContain(label(vocabulary.editionStatuses, 'closed'));

    await page.getByRole('link', { name: words['console.assign.link'] }).click();
    await expect.poll(() => heading(people.organiser, fill(words['console.assign.title'], { name: editionName })).isVisible()).toBe(true);
    const who = (r: { name: string; email: string }) => `${r.name} (${r.email})`;
    // The committee serves every edition (the other language's run invites its own): this run's two are ticked.
    for (const r of Object.values(reviewers)) await page.getByLabel(who(r), { exact: false }).check();
    await page.getByLabel(words['console.assign.perCase'], { exact: true }).fill('2');
    await page.getByRole('button', { name: words['console.assign.suggest'] }).click();
    const plan = page.getByRole('region', { name: fill(words['console.assign.plan'], { count: 4 }) });
    await expect.poll(() => plan.isVisible()).toBe(true);
    for (const { title } of Object.values(applicants)) {
      for (const r of Object.values(reviewers)) expect(await plan.getByText(fill(words['console.assign.pair'], { title, reviewer: who(r) }), { exact: true }).count()).toBe(1);
    }
    await page.getByRole('button', { name: words['console.assign.save'], exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: fill(words['console.assign.saved'], { assigned: 4, unchanged: 0 }) }).isVisible()).toBe(true);
    expect(people.organiser.answers.filter((a) => a.method === 'POST' && a.path === `/editions/${editionId}/assignments`).map((a) => a.status)).toEqual([200]);
  });

  /** Scores every criterion, recommends `collection` and saves, on the reviewer's open case. */
  const score = async (person: Person, title: string, points: number) => {
    const { page } = person;
    await page.getByRole('link', { name: title }).click();
    await expect.poll(() => heading(person, title).isVisible()).toBe(true);
    for (const c of vocabulary.criteria) await page.getByLabel(c.label, { exact: true }).fill(String(points));
    await page.getByLabel(label(vocabulary.recommendations, 'collection'), { exact: true }).check();
    await expect.poll(() => page.getByText(fill(words['review.total'], { total: points * vocabulary.criteria.length, max: 10 * vocabulary.criteria.length })).isVisible()).toBe(true);
    await page.getByRole('button', { name: words['review.save'] }).click();
    await expect.poll(() => page.locator('.review-form .save-state').textContent()).toBe(words['review.save.saved']);
  };
  const backToList = async (person: Person) => {
    await person.page.getByRole('link', { name: words['review.back'] }).click();
    await expect.poll(() => heading(person, words['review.title']).isVisible()).toBe(true);
  };
  const progress = (person: Person, reviewed: number, total: number) =>
    person.page.getByRole('region', { name: editionName }).getByText(fill(words['review.progress'], { reviewed, total }));

  it('the reviewers sign in with the addresses invited: one scores both cases, the other one of them, and declares a conflict on the other', async () => {
    // Any name: the address invited is what makes them the invited account, in the reviewers' group.
    people.ana = await signedInAs(visit, '/reviews', { sub: `ana-signs-in-${run}`, email: reviewers.ana.email }, 'reviewer');
    await expect.poll(() => progress(people.ana, 0, 2).isVisible()).toBe(true);
    await score(people.ana, titles.selected, 8);
    expect(await seriousViolations(people.ana.page)).toEqual([]);
    await backToList(people.ana);
    await score(people.ana, titles.passed, 5);
    await backToList(people.ana);
    await expect.poll(() => progress(people.ana, 2, 2).isVisible()).toBe(true);

    people.bo = await signedInAs(visit, '/reviews', { sub: `bo-signs-in-${run}`, email: reviewers.bo.email }, 'reviewer');
    await expect.poll(() => progress(people.bo, 0, 2).isVisible()).toBe(true);
    await score(people.bo, titles.selected, 6);
    await backToList(people.bo);
    const { page } = people.bo;
    await page.getByRole('link', { name: titles.passed }).click();
    await page.getByLabel(words['review.coi.reason'], { exact: true }).fill('I taught at this school.');
    await page.getByRole('button', { name: words['review.coi.button'] }).click();
    await page.getByRole('dialog', { name: words['review.coi.confirmTitle'] }).getByRole('button', { name: words['review.coi.confirm'] }).click();
    await expect.poll(() => heading(people.bo, words['review.coi.doneTitle']).isVisible()).toBe(true);
    await backToList(people.bo);
    await expect.poll(() => progress(people.bo, 1, 1).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: titles.passed }).count()).toBe(0);

    // Neither reviewer's browser received an applicant's contact details or address, in the case or anywhere else.
    const secrets = Object.values(applicants).flatMap((a) => [a.contact, a.email]);
    for (const reviewer of ['ana', 'bo'] as const) {
      const received = await bodies(people[reviewer]);
      const cases = received.filter((a) => a.path === `/cases/${caseOf.selected}` || a.path === `/cases/${caseOf.passed}`);
      expect(cases.length).toBeGreaterThanOrEqual(reviewer === 'ana' ? 2 : 1);
      for (const c of cases) expect(Object.keys(JSON.parse(c.text) as object)).not.toContain('contact');
      for (const a of received) for (const secret of secrets) expect(a.text).not.toContain(secret);
    }
  });

  it('the organiser sees both reviewers active, reads the reviews on the case list and decides: one outstanding, one not selected', async () => {
    const { page } = people.organiser;
    // Signed in by the address invited, each is the account invited.
    await nav(people.organiser, 'nav.console').click();
    await page.getByRole('link', { name: words['console.people.title'] }).click();
    for (const r of Object.values(reviewers)) {
      const row = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: r.name, level: 3 }) });
      await expect.poll(() => row.getByText(words['console.people.status.active'], { exact: true }).isVisible()).toBe(true);
    }
    await openEdition();
    await page.getByRole('link', { name: words['console.cases.link'] }).click();
    await expect.poll(() => heading(people.organiser, fill(words['console.cases.title'], { name: editionName })).isVisible()).toBe(true);
    const rowOf = (title: string) => page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: title, level: 2 }) });
    const n = vocabulary.criteria.length;
    await expect.poll(() => rowOf(titles.selected).getByText(fill(words['console.cases.aggregate'], { count: 2, mean: (7 * n).toFixed(1), spread: (2 * n).toFixed(1) })).isVisible()).toBe(true);
    // The conflict left one review of the other case.
    expect(await rowOf(titles.passed).getByText(fill(words['console.cases.aggregate'], { count: 1, mean: (5 * n).toFixed(1), spread: (0).toFixed(1) })).isVisible()).toBe(true);
    expect(await seriousViolations(page)).toEqual([]);

    for (const [who, decision] of [['selected', 'outstanding'], ['passed', 'not-selected']] as const) {
      const row = rowOf(titles[who]);
      await row.getByLabel(label(vocabulary.decisions, decision), { exact: true }).check();
      await row.getByRole('button', { name: words['console.decision.save'] }).click();
      await expect.poll(() => row.getByRole('status').filter({ hasText: fill(words['console.decision.saved'], { decision: label(vocabulary.decisions, decision) }) }).isVisible()).toBe(true);
    }
    await expect.poll(() => page.getByText(fill(words['console.decision.count'], { count: 1, target: 12 })).isVisible()).toBe(true);
    expect(people.organiser.answers.filter((a) => a.method === 'PUT' && a.path.endsWith('/decision')).map((a) => a.status)).toEqual([200, 200]);
  });

  /** Opens "My cases" and the applicant's case from it; what the API answers the tab from here on is returned. */
  const openOwnCase = async (who: Who) => {
    const person = people[who];
    const from = person.answers.length;
    await nav(person, 'nav.cases').click();
    await expect.poll(() => person.page.getByRole('link', { name: applicants[who].title }).isVisible()).toBe(true);
    await person.page.getByRole('link', { name: applicants[who].title }).click();
    await expect.poll(() => heading(person, applicants[who].title).isVisible()).toBe(true);
    const read = async () => {
      const got = person.answers.slice(from).filter((a) => a.method === 'GET' && (a.path === '/me/cases' || a.path === `/cases/${caseOf[who]}`));
      const texts = await Promise.all(got.map((a) => a.body));
      return texts.flatMap((t) => {
        const body = JSON.parse(t) as { items?: { caseId: string; decision: unknown }[]; caseId?: string; decision?: unknown };
        return (body.items ?? [body]).filter((c) => c.caseId === caseOf[who]).map((c) => c.decision);
      });
    };
    return read;
  };
  const decisionPanel = (who: Who, decision: string) => people[who].page.getByRole('region', { name: `${words['decision.title']}: ${label(vocabulary.decisions, decision)}` });

  it('before the notice, neither applicant sees a decision, nor did their browser receive one', async () => {
    for (const who of Object.keys(applicants) as Who[]) {
      const read = await openOwnCase(who);
      await expect.poll(async () => (await read()).length).toBeGreaterThanOrEqual(2);
      expect(new Set(await read())).toEqual(new Set([null]));
      expect(await people[who].page.getByRole('heading', { name: words['decision.title'], exact: false }).count()).toBe(0);
    }
  });

  it('the organiser previews the notice, sends it and watches the run finish', async () => {
    const { page } = people.organiser;
    // From the edition's page, as an organiser finds it.
    await page.goto(`${app.appUrl}/console/editions/${editionId}`);
    await page.getByRole('link', { name: words['release.toNotifications'], exact: true }).click();
    await expect.poll(() => heading(people.organiser, fill(words['release.notify.title'], { edition: editionName })).isVisible()).toBe(true);
    // Only the selected case is offered, and its notice goes to its owner.
    const options = page.getByLabel(words['release.preview.case'], { exact: true }).locator('option');
    await expect.poll(() => options.allTextContents()).toEqual([fill(words['release.preview.option'], { title: titles.selected, decision: label(vocabulary.decisions, 'outstanding') })]);
    const notice = page.locator('article.release-mail').first();
    await expect.poll(() => notice.getByText(applicants.selected.email, { exact: true }).isVisible()).toBe(true);
    previewedSubject = (await notice.getAttribute('aria-label')) ?? '';
    expect(previewedSubject).not.toBe('');

    await page.getByRole('button', { name: words['release.run.start'], exact: true }).click();
    const dialog = page.getByRole('dialog', { name: words['release.run.startTitle'] });
    await expect.poll(() => dialog.getByText(fill(words['release.run.startText'], { count: 1 }), { exact: true }).isVisible()).toBe(true);
    await dialog.getByRole('button', { name: words['release.run.confirm'] }).click();
    const succeeded = fill(words['release.run.latest'], { status: words['release.run.status.succeeded'] });
    await expect.poll(() => page.locator('.release-latest').getByText(succeeded, { exact: true }).isVisible(), { timeout: 60_000 }).toBe(true);
    const recipients = page.getByRole('region', { name: words['release.recipients.title'] }).getByRole('row');
    expect(await recipients.filter({ hasText: applicants.selected.email }).getByText(words['release.recipients.status.sent'], { exact: true }).isVisible()).toBe(true);
    expect(await recipients.filter({ hasText: applicants.passed.email }).count()).toBe(0);
    expect(people.organiser.answers.filter((a) => a.method === 'POST' && a.path === `/editions/${editionId}/notifications`).map((a) => a.status)).toEqual([202]);

    // The outbox holds the notice previewed, to the selected case's owner alone.
    const notices = (await outbox()).filter((m) => m.tags.editionId === editionId);
    expect(notices.map((m) => [m.to, m.subject])).toEqual([[[applicants.selected.email], previewedSubject]]);
  });

  it('the applicant notified sees the decision; the other still sees none', async () => {
    const selected = await openOwnCase('selected');
    await expect.poll(() => decisionPanel('selected', 'outstanding').isVisible()).toBe(true);
    expect(await decisionPanel('selected', 'outstanding').getByText(words['decision.outstanding']).isVisible()).toBe(true);
    expect(await selected()).toContain('outstanding');

    const passed = await openOwnCase('passed');
    await expect.poll(async () => (await passed()).length).toBeGreaterThanOrEqual(2);
    expect(new Set(await passed())).toEqual(new Set([null]));
  });

  it('the organiser releases; the public page lists the selected case alone, and its answer names no e-mail address', async () => {
    const { page } = people.organiser;
    await page.getByRole('link', { name: words['release.toRelease'] }).click();
    await expect.poll(() => heading(people.organiser, fill(words['release.release.title'], { edition: editionName })).isVisible()).toBe(true);
    const what = page.getByRole('region', { name: words['release.release.what'] });
    expect(await what.getByText(fill(words['release.release.outstanding'], { count: 1 }), { exact: true }).isVisible()).toBe(true);
    await page.getByRole('button', { name: words['release.release.button'] }).click();
    await page.getByRole('dialog', { name: words['release.release.confirmTitle'] }).getByRole('button', { name: words['release.release.confirm'] }).click();
    await expect.poll(() => heading(people.organiser, fill(words['release.results.edition'], { edition: editionName })).isVisible()).toBe(true);
    expect(people.organiser.answers.filter((a) => a.method === 'POST' && a.path === `/editions/${editionId}/release`).map((a) => a.status)).toEqual([200]);

    people.public = await visitor(visit, '/results');
    const visitorPage = people.public.page;
    await expect.poll(() => heading(people.public, words['release.results.title']).isVisible()).toBe(true);
    await visitorPage.getByRole('link', { name: editionName, exact: true }).click();
    await expect.poll(() => heading(people.public, fill(words['release.results.edition'], { edition: editionName })).isVisible()).toBe(true);
    const outstanding = visitorPage.getByRole('region', { name: words['release.results.outstanding'] });
    await expect.poll(() => outstanding.getByRole('heading', { name: titles.selected, exact: true }).isVisible()).toBe(true);
    expect(await visitorPage.getByText(titles.passed).count()).toBe(0);
    const results = (await bodies(people.public)).filter((a) => a.path === `/editions/${editionId}/results`);
    expect(results.map((r) => r.status)).toEqual([200]);
    expect(results[0]!.text).toContain(titles.selected);
    expect(results[0]!.text).not.toContain(titles.passed);
    expect(results[0]!.text).not.toMatch(EMAIL);
  });

  it('once released, the applicant not selected sees their decision too', async () => {
    const passed = await openOwnCase('passed');
    await expect.poll(() => decisionPanel('passed', 'not-selected').isVisible()).toBe(true);
    expect(await passed()).toContain('not-selected');
  });

  it('logged no error on any page', () => {
    expect(Object.entries(people).flatMap(([who, p]) => p.errors.map((e) => `${who}: ${e}`))).toEqual([]);
  });
}, 240_000);
