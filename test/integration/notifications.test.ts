/**
 * Decisions, the notification workflow and the release, end to end: the local server, DynamoDB Local, the
 * state machine definition run by aws-local-stepfunctions with its tasks bound to the real handlers, and the
 * real SES client talking to a fault-injecting SES stand-in (throttling on first tries, one address rejected
 * for good, one timeout after SES accepted the message). A run is started as on AWS: the request records it, and the
 * table's stream hands it to the run worker, which starts the execution; a run written while nothing polls the
 * stream (a crash between the write and the start) still runs, once. A table of its own on the shared DynamoDB
 * Local, so that this file's stream poller starts this file's runs only.
 */
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { ensureTable } from '../../lib/local/dynamodb.ts';
import { startFakeSes, type FakeSes } from '../../lib/local/ses.ts';
import type { LocalStepFunctions } from '../../lib/local/stepfunctions.ts';
import type { StreamPoller } from '../../lib/local/streams.ts';
import type { LocalApi } from './local-api.ts';

const endpoint = inject('dynamoEndpoint');
const TABLE = `it-notify-${process.pid}-${Date.now()}`;
await ensureTable(endpoint, TABLE);
process.env.TABLE_NAME = TABLE;
// The setup file loaded the adapters for the shared table: load them afresh, for this one.
vi.resetModules();
const { env } = await import('../../functions/adapters/clients.ts');
const { completeFields, openEdition, uniq } = await import('./helpers.ts');
const { startLocalApi } = await import('./local-api.ts');
const { setLocalWorkflowEnv, startLocalWorkflows } = await import('../../lib/local/environment.ts');
const { executionStarted, startRunStream } = await import('../support/run-stream.ts');

let api: LocalApi;
let ses: FakeSes;
let flows: LocalStepFunctions;
let runStream: StreamPoller | undefined;
const streamLog: string[] = [];
const events: { 'detail-type': string; detail: Record<string, unknown> }[] = [];
const SELECTION = /^(Outstanding case|Selected for the case collection)/;

beforeAll(async () => {
  expect(env.TABLE_NAME).toBe(TABLE); // the adapters were loaded for this file's table
  ses = await startFakeSes({
    holdMs: 1500,
    onEvent: (e) => events.push(e),
    fault: (to, subject, attempt) => {
      if (!SELECTION.test(subject)) return undefined;
      if (to.startsWith('slow-') && attempt <= 2) return 'throttle';
      if (to.startsWith('flaky-') && attempt === 1) return 'server-error';
      if (to.startsWith('bad-')) return 'reject';
      if (to.startsWith('late-') && attempt === 1) return 'timeout-after-send';
      return undefined;
    },
  });
  // The production mailer with SES's real client, pointed at the stand-in (set before any handler loads).
  Object.assign(process.env, {
    MAIL_TRANSPORT: 'ses',
    SES_SENDER: 'no-reply@it.example.org',
    SES_CONFIGURATION_SET: 'it-config-set',
    AWS_ENDPOINT_URL_SES: ses.endpoint,
    SES_TIMEOUT_MS: '400',
    NOTIFY_PACE_MS: '0',
    // Presigning an upload form needs a bucket name, not a running S3.
    BUCKET_NAME: 'it-media',
    AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9',
    S3_FORCE_PATH_STYLE: 'true',
  });
  flows = await startLocalWorkflows(() => undefined, 10);
  setLocalWorkflowEnv(flows.endpoint);
  runStream = await startRunStream(endpoint, TABLE, (line) => streamLog.push(line));
  api = await startLocalApi();
});
afterAll(async () => {
  await runStream?.stop();
  await api.close();
  await flows.idle();
  await flows.stop();
  await ses.stop();
  expect(streamLog.filter((l) => /dead-letter|fail/i.test(l))).toEqual([]);
});

/** The run's execution, once the stream has started it and every execution has ended. */
async function ran(runId: string) {
  await executionStarted(flows, runId);
  await flows.idle();
  return flows.executions.get(runId);
}

/** The stand-in's accepted selection notices, by address. */
const noticesTo = (email: string) => ses.accepted.filter((m) => m.to[0] === email && SELECTION.test(m.subject));

async function replayEvents() {
  const pending = events.splice(0);
  for (const e of pending) expect((await api.call('POST', '/local/mail-events', { body: e })).status).toBe(200);
}

describe('decisions, the notification workflow and the release', () => {
  it('notifies every selected owner exactly once through throttles, 5xx, a rejection and a timeout; a second run sends nothing twice', async () => {
    const org = api.token(uniq('olga'), ['organisers']);
    const editionId = await openEdition();
    const settings = await api.call('GET', `/editions/${editionId}`);
    const materialsDeadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const put = await api.call('PUT', `/editions/${editionId}`, {
      token: org,
      headers: { 'if-match': `"${String(settings.json?.version)}"` },
      body: { name: 'Notify edition', opensAt: settings.json?.opensAt, deadline: settings.json?.deadline, timeZone: 'Asia/Shanghai', materialsDeadline, contact: { name: 'Secretariat', email: 'cases@example.org' } },
    });
    expect(put.status).toBe(200);

    const owners = {
      a: uniq('ok'), b: uniq('ok'), c: uniq('ok'), d: uniq('ok'), slow: uniq('slow'), flaky: uniq('flaky'), bad: uniq('bad'), late: uniq('late'), no: uniq('no'),
    };
    const decisions: Record<keyof typeof owners, 'outstanding' | 'collection' | 'not-selected'> = {
      a: 'outstanding', b: 'outstanding', c: 'collection', d: 'collection', slow: 'outstanding', flaky: 'collection', bad: 'collection', late: 'outstanding', no: 'not-selected',
    };
    const cases = {} as Record<keyof typeof owners, string>;
    for (const [k, sub] of Object.entries(owners) as [keyof typeof owners, string][]) {
      const t = api.token(sub);
      const id = String((await api.call('POST', `/editions/${editionId}/cases`, { token: t, body: { ...completeFields, title: `Case of ${k}` } })).json?.caseId);
      expect((await api.call('POST', `/cases/${id}/submit`, { token: t })).status).toBe(200);
      cases[k] = id;
    }
    expect((await api.call('PUT', `/cases/${cases.a}/decision`, { token: org, body: { decision: 'outstanding' } })).status).toBe(409); // still open
    expect((await api.call('POST', `/editions/${editionId}/notifications`, { token: org })).status).toBe(409);
    await api.call('POST', `/editions/${editionId}/close`, { token: org });
    for (const k of Object.keys(owners) as (keyof typeof owners)[]) {
      const res = await api.call('PUT', `/cases/${cases[k]}/decision`, { token: org, body: { decision: decisions[k], note: 'Committee vote 5-2' } });
      expect(res.status, res.text).toBe(200);
      expect(res.json?.decision).toBe(decisions[k]);
    }
    // Before the notice, the owner does not see the decision; organisers do, reviewers never.
    expect((await api.call('GET', `/cases/${cases.a}`, { token: api.token(owners.a) })).json?.decision).toBeNull();

    const preview = await api.call('GET', `/editions/${editionId}/notifications/preview?caseId=${cases.a}`, { token: org });
    // The owner's own address; the contact (never confirmed) is not copied, and no title is in the subject.
    expect(preview.json).toMatchObject({ to: [`${owners.a}@example.org`], cc: [], subject: `Outstanding case: ${cases.a}` });
    expect(String(preview.json?.text)).toContain('Secretariat <cases@example.org>');
    expect((await api.call('GET', `/editions/${editionId}/notifications/preview?caseId=${cases.no}`, { token: org })).status).toBe(409);

    // Two starts at once: one run.
    const starts = await Promise.all([1, 2].map(() => api.call('POST', `/editions/${editionId}/notifications`, { token: org })));
    expect(starts.map((s) => s.status).sort()).toEqual([202, 409]);
    const first = starts.find((s) => s.status === 202)!.json as { runId: string; status: string };
    expect(first).toEqual({ runId: `notify-${editionId}-0001`, status: 'running' });
    expect((await ran(first.runId))?.status).toBe('SUCCEEDED');
    await replayEvents();

    const selected = (Object.keys(owners) as (keyof typeof owners)[]).filter((k) => decisions[k] !== 'not-selected');
    for (const k of selected) expect(noticesTo(`${owners[k]}@example.org`), k).toHaveLength(k === 'bad' ? 0 : 1);
    expect(noticesTo(`${owners.no}@example.org`)).toHaveLength(0);
    expect(ses.attempts.get(`${owners.slow}@example.org Outstanding case: ${cases.slow}`)).toBe(3);

    let listed = await api.call('GET', `/editions/${editionId}/notifications?limit=100`, { token: org });
    const runs = listed.json?.runs as { runId: string; status: string; counts: Record<string, number> }[];
    expect(runs[0]).toMatchObject({ runId: first.runId, status: 'succeeded', counts: { total: 8, sent: 6, failed: 2, skipped: 0 } });
    const byCase = (items: unknown) => new Map((items as { caseId: string; status: string; lastError: string | null; attempts: number }[]).map((r) => [r.caseId, r]));
    let recipients = byCase(listed.json?.recipients);
    expect(recipients.size).toBe(8);
    expect(recipients.get(cases.bad)).toMatchObject({ status: 'failed', lastError: expect.stringContaining('not verified') });
    // The timeout was accepted by SES: its send and delivery events settle it, once.
    expect(recipients.get(cases.late)).toMatchObject({ status: 'delivered' });
    expect(recipients.get(cases.a)).toMatchObject({ status: 'delivered', attempts: 1 });
    expect(recipients.get(cases.slow)?.attempts).toBe(3);

    // The notified owner now sees the decision and may upload presentation materials; the rejected one does not.
    expect((await api.call('GET', `/cases/${cases.a}`, { token: api.token(owners.a) })).json?.decision).toBe('outstanding');
    expect((await api.call('GET', `/cases/${cases.bad}`, { token: api.token(owners.bad) })).json?.decision).toBeNull();
    const materials = await api.call('POST', `/cases/${cases.a}/attachments`, {
      token: api.token(owners.a),
      body: { fileName: 'talk.mp4', contentType: 'video/mp4', size: 1_000_000, purpose: 'presentation' },
    });
    expect(materials.status, materials.text).toBe(201);
    // A notified owner's decision can no longer change.
    expect((await api.call('PUT', `/cases/${cases.a}/decision`, { token: org, body: { decision: 'collection' } })).status).toBe(409);

    // A second run sends to nobody twice; the address rejected for good is tried again (and fails again).
    const second = await api.call('POST', `/editions/${editionId}/notifications`, { token: org });
    expect(second.json).toEqual({ runId: `notify-${editionId}-0002`, status: 'running' });
    await ran(`notify-${editionId}-0002`);
    for (const k of selected) expect(noticesTo(`${owners[k]}@example.org`), k).toHaveLength(k === 'bad' ? 0 : 1);
    listed = await api.call('GET', `/editions/${editionId}/notifications`, { token: org });
    expect((listed.json?.runs as { counts: unknown }[])[0]?.counts).toEqual({ total: 8, sent: 0, failed: 1, skipped: 7 });
    recipients = byCase(listed.json?.recipients);
    expect(recipients.get(cases.bad)).toMatchObject({ status: 'failed', attempts: 2 });

    // The release: every decision visible to its owner, public results without contact details.
    expect((await api.call('GET', `/editions/${editionId}/results`)).status).toBe(404);
    expect((await api.call('POST', `/editions/${editionId}/release`, { token: api.token(owners.a) })).status).toBe(403);
    const released = await api.call('POST', `/editions/${editionId}/release`, { token: org });
    expect(released.json?.status).toBe('released');
    expect((await api.call('POST', `/editions/${editionId}/release`, { token: org })).status).toBe(200);
    expect((await api.call('GET', `/cases/${cases.bad}`, { token: api.token(owners.bad) })).json?.decision).toBe('collection');
    expect((await api.call('GET', `/cases/${cases.no}`, { token: api.token(owners.no) })).json?.decision).toBe('not-selected');
    expect((await api.call('GET', `/cases/${cases.no}`, { token: api.token(uniq('stranger')) })).status).toBe(404);
    const results = await api.call('GET', `/editions/${editionId}/results`);
    expect(results.status).toBe(200);
    expect((results.json?.outstanding as { title: string }[]).map((c) => c.title)).toEqual(['Case of a', 'Case of b', 'Case of late', 'Case of slow']);
    expect((results.json?.collection as { title: string }[]).map((c) => c.title)).toEqual(['Case of bad', 'Case of c', 'Case of d', 'Case of flaky']);
    expect(results.text).not.toContain('@');
    expect(results.text).not.toMatch(/"(contact|ownerId|ownerEmail|review|decisionNote|scores)"/);
    expect((await api.call('PUT', `/cases/${cases.c}/decision`, { token: org, body: { decision: 'outstanding' } })).status).toBe(409);
  });

  it("notifies a Chinese-speaking owner in Chinese, and previews the notice so to an organiser who reads English", async () => {
    const { putPreferences } = await import('../../functions/adapters/preferences-repo.ts');
    const org = api.token(uniq('olga'), ['organisers']);
    const editionId = await openEdition();
    const settings = await api.call('GET', `/editions/${editionId}`);
    // Midnight in Beijing, a month ahead: written 24:00 of the day before.
    const materialsDeadline = new Date(Math.floor((Date.now() + 30 * 86_400_000) / 86_400_000) * 86_400_000 + 16 * 3_600_000);
    const put = await api.call('PUT', `/editions/${editionId}`, {
      token: org,
      headers: { 'if-match': `"${String(settings.json?.version)}"` },
      body: { name: 'Notify edition', opensAt: settings.json?.opensAt, deadline: settings.json?.deadline, timeZone: 'Asia/Shanghai', materialsDeadline: materialsDeadline.toISOString() },
    });
    expect(put.status, put.text).toBe(200);
    const li = uniq('ok');
    const caseId = String((await api.call('POST', `/editions/${editionId}/cases`, { token: api.token(li), body: { ...completeFields, titleZh: '跨境网络应急联合培训' } })).json?.caseId);
    await putPreferences(li, { locale: 'zh-CN', chosen: true, updatedAt: new Date().toISOString() });
    expect((await api.call('POST', `/cases/${caseId}/submit`, { token: api.token(li) })).status).toBe(200);
    await api.call('POST', `/editions/${editionId}/close`, { token: org });
    expect((await api.call('PUT', `/cases/${caseId}/decision`, { token: org, body: { decision: 'outstanding' } })).status).toBe(200);

    const day = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: 'long', day: 'numeric' }).format(new Date(materialsDeadline.getTime() - 1));
    const preview = await api.call('GET', `/editions/${editionId}/notifications/preview?caseId=${caseId}`, { token: org, headers: { 'accept-language': 'en' } });
    expect(preview.json).toMatchObject({ to: [`${li}@example.org`], subject: `优秀案例：${caseId}` });
    expect(preview.headers.get('content-language')).toBe('zh-CN');
    // The organiser may read the same notice in English before sending it (lang), and that changes nothing sent.
    const inEnglish = await api.call('GET', `/editions/${editionId}/notifications/preview?caseId=${caseId}&lang=en`, { token: org });
    expect(inEnglish.json).toMatchObject({ to: [`${li}@example.org`], subject: `Outstanding case: ${caseId}` });
    expect(inEnglish.headers.get('content-language')).toBe('en');
    expect((await api.call('GET', `/editions/${editionId}/notifications/preview?caseId=${caseId}&lang=fr`, { token: org })).status).toBe(400);

    const run = await api.call('POST', `/editions/${editionId}/notifications`, { token: org });
    expect(run.status).toBe(202);
    expect((await ran(String(run.json?.runId)))?.status).toBe('SUCCEEDED');
    const notices = ses.accepted.filter((m) => m.to[0] === `${li}@example.org`);
    expect(notices.map((m) => m.subject)).toEqual([`优秀案例：${caseId}`]);
    expect(notices[0]!.text).toContain('专家委员会已将您的案例“跨境网络应急联合培训”评选为优秀案例。');
    expect(notices[0]!.text).toContain(`请于${day} 24:00（北京时间）前提交展示材料`);
    expect(notices[0]!.html).toContain('<b>跨境网络应急联合培训</b>');
    expect(notices[0]!.text).toBe(preview.json?.text);
  });

  it('refuses notifications and the release before the edition closes, and a decision on a draft', async () => {
    const org = api.token(uniq('olga'), ['organisers']);
    const editionId = await openEdition();
    expect((await api.call('POST', `/editions/${editionId}/release`, { token: org })).status).toBe(409);
    expect((await api.call('POST', '/editions/2000-none/release', { token: org })).status).toBe(404);
    expect((await api.call('GET', `/editions/${editionId}/notifications`, { token: org })).json).toEqual({ runs: [], recipients: [], nextCursor: null });
    const t = api.token(uniq('ann'));
    const draft = String((await api.call('POST', `/editions/${editionId}/cases`, { token: t, body: { title: 'Draft' } })).json?.caseId);
    await api.call('POST', `/editions/${editionId}/close`, { token: org });
    const refused = await api.call('PUT', `/cases/${draft}/decision`, { token: org, body: { decision: 'collection' } });
    expect(refused.status).toBe(409);
    expect((await api.call('PUT', `/cases/${draft}/decision`, { token: org, body: { decision: 'maybe' } })).status).toBe(400);
    expect((await api.call('PUT', `/cases/${draft}/decision`, { token: t, body: { decision: 'collection' } })).status).toBe(403);
  });
});

describe("a run whose start was lost", () => {
  /** A closed edition with `n` submitted cases decided for the collection; their owners' addresses. */
  async function decidedEdition(n: number): Promise<{ editionId: string; org: string; owners: string[] }> {
    const org = api.token(uniq('olga'), ['organisers']);
    const editionId = await openEdition();
    const owners: string[] = [];
    const caseIds: string[] = [];
    for (let i = 0; i < n; i++) {
      const sub = uniq('ok');
      const caseId = String((await api.call('POST', `/editions/${editionId}/cases`, { token: api.token(sub), body: completeFields })).json?.caseId);
      expect((await api.call('POST', `/cases/${caseId}/submit`, { token: api.token(sub) })).status).toBe(200);
      owners.push(`${sub}@example.org`);
      caseIds.push(caseId);
    }
    await api.call('POST', `/editions/${editionId}/close`, { token: org });
    for (const caseId of caseIds) expect((await api.call('PUT', `/cases/${caseId}/decision`, { token: org, body: { decision: 'collection' } })).status).toBe(200);
    return { editionId, org, owners };
  }

  /** POST .../notifications while nothing polls the stream: the run is recorded (202) and no execution starts. */
  async function startUnpolled(editionId: string, org: string): Promise<string> {
    await runStream?.stop();
    runStream = undefined;
    const res = await api.call('POST', `/editions/${editionId}/notifications`, { token: org });
    expect(res.status).toBe(202);
    const runId = String(res.json?.runId);
    await new Promise((r) => setTimeout(r, 500));
    expect(flows.executions.has(runId)).toBe(false);
    const listed = await api.call('GET', `/editions/${editionId}/notifications`, { token: org });
    expect((listed.json?.runs as { runId: string; status: string }[])[0]).toMatchObject({ runId, status: 'running' });
    return runId;
  }

  /** The run as listed, and how many notices each owner got. */
  async function outcome(editionId: string, org: string, owners: string[]) {
    const listed = await api.call('GET', `/editions/${editionId}/notifications`, { token: org });
    const audit = await api.call('GET', `/editions/${editionId}/audit?limit=100`, { token: org });
    return {
      runs: (listed.json?.runs as { status: string; counts: unknown }[]).map((r) => ({ status: r.status, counts: r.counts })),
      notices: owners.map((o) => noticesTo(o).length),
      audited: (audit.json?.items as { action: string }[]).map((e) => e.action).filter((a) => a.startsWith('notifications-')),
    };
  }

  it('runs once when the run was recorded while nothing polled the stream (a crash between the write and the start), delivered twice', async () => {
    const { editionId, org, owners } = await decidedEdition(2);
    const runId = await startUnpolled(editionId, org);
    // The stream is read again from its oldest record, by two pollers at once: every run's INSERT is delivered twice.
    const again = await startRunStream(endpoint, TABLE, (line) => streamLog.push(line));
    runStream = await startRunStream(endpoint, TABLE, (line) => streamLog.push(line));
    try {
      expect((await ran(runId))?.status).toBe('SUCCEEDED');
    } finally {
      await again.stop();
    }
    expect(await outcome(editionId, org, owners)).toEqual({
      runs: [{ status: 'succeeded', counts: { total: 2, sent: 2, failed: 0, skipped: 0 } }],
      notices: [1, 1],
      audited: ['notifications-finished', 'notifications-started'],
    });
  });

  it('is started by the catch-up pass once it has gone minutes without an execution, and only then', async () => {
    const { editionId, org, owners } = await decidedEdition(1);
    const runId = await startUnpolled(editionId, org);
    const { startStalledRuns, STALLED_AFTER_MS } = await import('../../functions/use-cases/notifications/start-stalled-runs.ts');
    const { allEditions } = await import('../../functions/adapters/editions-repo.ts');
    const { finishRun, getActiveRun, getRun } = await import('../../functions/adapters/notifications-repo.ts');
    const { startNotifyExecution, startRefused } = await import('../../functions/adapters/workflow.ts');
    const { logger } = await import('../../functions/shared/logger.ts');
    const pass = (clock: () => Date) =>
      startStalledRuns({ editions: { allEditions }, notifications: { finishRun, getActiveRun, getRun }, workflow: { startNotifyExecution, startRefused }, clock, log: logger });

    expect(await pass(() => new Date())).toEqual([]);
    const later = () => new Date(Date.now() + STALLED_AFTER_MS + 60_000);
    expect(await pass(later)).toEqual([runId]);
    expect((await ran(runId))?.status).toBe('SUCCEEDED');
    expect(await pass(later)).toEqual([]);
    // The stream, polled again, delivers the run's INSERT too late: the run has ended, nothing starts.
    runStream = await startRunStream(endpoint, TABLE, (line) => streamLog.push(line));
    await new Promise((r) => setTimeout(r, 500));
    await flows.idle();
    expect(await outcome(editionId, org, owners)).toEqual({
      runs: [{ status: 'succeeded', counts: { total: 1, sent: 1, failed: 0, skipped: 0 } }],
      notices: [1],
      audited: ['notifications-finished', 'notifications-started'],
    });
  });
});

describe('who may call the decision, notification and release routes', () => {
  it('answers 401 without a token and 403 to applicants (the owner too) and reviewers; the results are public but 404 until released', async () => {
    const org = api.token(uniq('olga'), ['organisers']);
    const editionId = await openEdition();
    const ownerSub = uniq('ann');
    const caseId = String((await api.call('POST', `/editions/${editionId}/cases`, { token: api.token(ownerSub), body: completeFields })).json?.caseId);
    await api.call('POST', `/cases/${caseId}/submit`, { token: api.token(ownerSub) });
    await api.call('POST', `/editions/${editionId}/close`, { token: org });
    const rows: { method: string; path: string; body?: unknown }[] = [
      { method: 'PUT', path: `/cases/${caseId}/decision`, body: { decision: 'collection' } },
      { method: 'POST', path: `/editions/${editionId}/notifications` },
      { method: 'GET', path: `/editions/${editionId}/notifications` },
      { method: 'GET', path: `/editions/${editionId}/notifications/preview?caseId=${caseId}` },
      { method: 'POST', path: `/editions/${editionId}/release` },
    ];
    const callers: [string | undefined, number][] = [
      [undefined, 401],
      [api.token(ownerSub), 403],
      [api.token(uniq('ben')), 403],
      [api.token(uniq('rita'), ['reviewers']), 403],
    ];
    for (const row of rows) {
      for (const [t, status] of callers) {
        const res = await api.call(row.method, row.path, { token: t, ...(row.body ? { body: row.body } : {}) });
        expect(res.status, `${row.method} ${row.path}`).toBe(status);
      }
    }
    for (const [t] of [...callers, [org, 0] as [string, number]]) expect((await api.call('GET', `/editions/${editionId}/results`, { token: t })).status).toBe(404);
    // An organiser's decision on a case of another edition through the preview is not found.
    const other = await openEdition();
    expect((await api.call('GET', `/editions/${other}/notifications/preview?caseId=${caseId}`, { token: org })).status).toBe(404);
  });
});
