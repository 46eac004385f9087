/**
 * The files of a case in the built app, in headless Chromium, in English and in Chinese: a PDF chosen with the picker
 * is sent with a progress bar (held by the test until it has seen it) and turns ready; an image is previewed from the
 * bucket (the page's content security policy lets it load); a file of a type the server refuses is refused before
 * any request; a cancelled upload leaves nothing behind; delete asks first. What the page shows and what the network
 * carried is asserted; axe finds no serious or critical violation on the editor with files listed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { render } from '../../functions/domain/i18n/catalogues.ts';
import { en } from '../../web/src/i18n/en.ts';
import { zhCN } from '../../web/src/i18n/zh-CN.ts';
import { app, browser, withAppAndBrowser } from './support/suite.ts';

withAppAndBrowser();

/** A small PDF: the signature the verifier checks, then filler. */
const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(40_000, 0x41)]);
/** A 1×1 PNG the browser can draw. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

const LOCALES = [
  { locale: 'en', browserLocale: 'en-GB', words: en },
  { locale: 'zh-CN', browserLocale: 'zh-CN', words: zhCN },
] as const;

describe.each(LOCALES)('the files of a case ($locale)', ({ locale, browserLocale, words }) => {
  let context: BrowserContext;
  let page: Page;
  /** Every call to the API, as "METHOD /path". */
  const sent: string[] = [];
  /** Uploads to storage (any POST off the API's and the app's origins) wait here until the test lets them go. */
  let held: Route[] = [];
  let holding = false;
  const pageErrors: string[] = [];
  const fill = (text: string, params: Record<string, string>) => Object.entries(params).reduce((s, [k, v]) => s.replace(`{${k}}`, v), text);

  beforeAll(async () => {
    context = await browser.newContext({ locale: browserLocale });
    context.on('request', (request) => {
      if (request.url().startsWith(app.apiUrl) && request.method() !== 'OPTIONS') sent.push(`${request.method()} ${new URL(request.url()).pathname}`);
    });
    await context.route(
      (url) => !url.href.startsWith(app.apiUrl) && !url.href.startsWith(app.appUrl),
      (route) => (holding && route.request().method() === 'POST' ? void held.push(route) : route.fallback()),
    );
    page = await context.newPage();
    page.on('pageerror', (err) => pageErrors.push(err.message));
  });

  afterAll(async () => {
    await context?.close();
  });

  const files = () => page.getByRole('region', { name: words['files.title'] });
  const item = (name: string) => files().getByRole('listitem').filter({ has: page.getByText(name, { exact: true }) });
  const picker = () => page.getByLabel(words['files.choose'], { exact: true });
  const attachmentPosts = () => sent.filter((s) => /^POST \/cases\/[^/]+\/attachments$/.test(s)).length;
  const releaseUploads = async () => {
    holding = false;
    // A cancelled upload's request is gone already: nothing to let go.
    await Promise.all(held.map((route) => route.fallback().catch(() => undefined)));
    held = [];
  };

  it('shows a new case with no files, and the limits the server sets', async () => {
    await page.goto(`${app.appUrl}/`);
    await page.getByLabel(words['signIn.name'], { exact: true }).fill(`files-${locale}-${Date.now()}`);
    await page.getByLabel(words['signIn.email'], { exact: true }).fill(`files-${locale}@example.org`);
    await page.getByRole('button', { name: words['signIn.submit'] }).click();
    await page.getByRole('button', { name: words['cases.new'] }).click();
    await expect.poll(() => files().getByText(words['files.empty']).isVisible()).toBe(true);
    // The picker says what the server accepts (functions/domain/uploads.ts), in the page's language.
    const hint = (await files().locator('#files-input-hint').textContent()) ?? '';
    expect(hint).toContain(fill(words['files.limit'], { types: 'MP4, MOV', size: new Intl.NumberFormat(locale, { style: 'unit', unit: 'gigabyte', unitDisplay: 'short' }).format(2) }));
  });

  it('sends a PDF chosen with the picker, with a progress bar, and shows it ready', async () => {
    holding = true;
    await picker().setInputFiles({ name: 'case-study.pdf', mimeType: 'application/pdf', buffer: PDF });
    const bar = page.getByRole('progressbar', { name: fill(words['files.uploading'], { name: 'case-study.pdf' }) });
    await expect.poll(() => bar.isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: fill(words['files.cancel'], { name: 'case-study.pdf' }) }).isVisible()).toBe(true);
    await expect.poll(() => held.length).toBe(1);
    await releaseUploads();

    await expect.poll(() => item('case-study.pdf').getByText(words['files.status.ready'], { exact: true }).isVisible()).toBe(true);
    expect(await bar.count()).toBe(0);
    expect(await item('case-study.pdf').getByText(words['files.purpose.supporting'], { exact: true }).isVisible()).toBe(true);
    const link = item('case-study.pdf').getByRole('link', { name: fill(words['files.open'], { name: 'case-study.pdf' }) });
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(attachmentPosts()).toBe(1);
  });

  it('previews a ready image from the bucket', async () => {
    await picker().setInputFiles({ name: 'team.png', mimeType: 'image/png', buffer: PNG });
    const image = item('team.png').getByRole('img', { name: fill(words['files.preview'], { name: 'team.png' }) });
    await expect.poll(() => image.isVisible()).toBe(true);
    // Drawn, so the content security policy let it load.
    await expect.poll(() => image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth)).toBe(1);
  });

  it('shows a file whose bytes are not of its declared type as rejected, and why', async () => {
    await picker().setInputFiles({ name: 'renamed.pdf', mimeType: 'application/pdf', buffer: PNG });
    await expect.poll(() => item('renamed.pdf').getByText(words['files.status.rejected'], { exact: true }).isVisible()).toBe(true);
    // The verifier's reason, after the page's own words, in the page's language.
    const reason = render(locale, { key: 'rejection.type-mismatch', params: { seen: { key: 'fileKind.image/png' }, declared: 'application/pdf', seenType: 'image/png' } });
    expect(await item('renamed.pdf').getByText(words['files.rejectedWhy']).textContent()).toContain(reason);
  });

  it('refuses a file of a type the server does not accept, before any request, and says why', async () => {
    const before = sent.length;
    await picker().setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('plain text') });
    const why = fill(words['files.refused.type'], { name: 'notes.txt', types: 'PDF, JPEG, PNG, MP3, M4A, WAV, MP4, MOV' });
    await expect.poll(() => files().getByText(why).isVisible()).toBe(true);
    expect(sent.slice(before)).toEqual([]);
    expect(await item('notes.txt').count()).toBe(0);
  });

  it('cancels an upload under way and leaves no file behind', async () => {
    holding = true;
    await picker().setInputFiles({ name: 'draft.pdf', mimeType: 'application/pdf', buffer: PDF });
    await expect.poll(() => held.length).toBe(1);
    await page.getByRole('button', { name: fill(words['files.cancel'], { name: 'draft.pdf' }) }).click();
    await expect.poll(() => files().getByText(fill(words['files.cancelled'], { name: 'draft.pdf' })).isVisible()).toBe(true);
    await releaseUploads();
    // The attachment the API had created for it is deleted.
    await expect.poll(() => sent.filter((s) => s.startsWith('DELETE /cases/')).length).toBe(1);
    await expect.poll(() => files().getByRole('button', { name: fill(words['files.cancel'], { name: 'draft.pdf' }) }).count()).toBe(0);
    expect(await item('draft.pdf').count()).toBe(0);
  });

  it('has no serious or critical accessibility violation with files listed', async () => {
    const violations = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  });

  it('deletes a file only once confirmed', async () => {
    const deleteButton = item('case-study.pdf').getByRole('button', { name: fill(words['files.delete'], { name: 'case-study.pdf' }) });
    const dialog = page.getByRole('dialog', { name: words['files.deleteTitle'] });
    await deleteButton.click();
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('button', { name: words['files.deleteCancel'] }).click();
    expect(await dialog.isVisible()).toBe(false);
    expect(await item('case-study.pdf').count()).toBe(1);

    const deletes = sent.filter((s) => s.startsWith('DELETE /cases/')).length;
    await deleteButton.click();
    await dialog.getByRole('button', { name: words['files.deleteConfirm'] }).click();
    await expect.poll(() => files().getByText(fill(words['files.deleted'], { name: 'case-study.pdf' })).isVisible()).toBe(true);
    expect(await item('case-study.pdf').count()).toBe(0);
    expect(sent.filter((s) => s.startsWith('DELETE /cases/')).length).toBe(deletes + 1);

    // Gone on the server too: a fresh page lists only the image.
    await page.reload();
    await expect.poll(() => item('team.png').isVisible()).toBe(true);
    expect(await item('case-study.pdf').count()).toBe(0);
  });

  it('logged no error on the page', () => {
    expect(pageErrors).toEqual([]);
  });
});
