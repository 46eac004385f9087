/**
 * The data the fuzzer runs against, seeded over HTTP before the run, in two parts:
 *
 * - the victim's: editions, cases, attachments, an extension, reviewer pairs, reviews, a decision and a
 *   notification run, none of which any fuzzed caller may change. Their partitions are snapshotted before
 *   the run and compared after each route. Every victim case carries a canary string that no fuzzed
 *   caller may ever see.
 * - the playground: editions in every state with the fuzzed owner's cases, the fuzzed reviewer's
 *   assignments and reviews, where the fuzzed callers may legitimately change things. The organiser gets
 *   a sandbox inside it (organisers may change anything, so they never get a victim id).
 *
 * The pools are the ids each caller draws from; requests that create something add it to the pools.
 */
import { randomBytes } from 'node:crypto';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { ddb, env } from '../../functions/adapters/clients.ts';
import { getAttachment, markReady } from '../../functions/adapters/attachments-repo.ts';
import { keys } from '../../functions/adapters/table-design.ts';
import { completeFields, openEdition, uniq } from '../integration/helpers.ts';
import type { LocalApi } from '../integration/local-api.ts';

export interface Pools {
  editions: string[];
  cases: string[];
  /** caseId/attachmentId pairs. */
  attachments: string[];
}

export interface World {
  subs: {
    victim: string;
    victimReviewer: string;
    seedOrganiser: string;
    owner: string;
    applicant: string;
    reviewer: string;
    organiser: string;
  };
  /** Strings planted in the victim's data: no response to a fuzzed caller may contain one. */
  canaries: string[];
  victim: Pools;
  /** Everything the owner, the applicant and the reviewer may address besides the victim's ids. */
  playground: Pools;
  /** The organiser's part of the playground (also in `playground`). */
  sandbox: Pools;
  /** The cases the fuzzed reviewer is assigned to. */
  assigned: string[];
  /** The partitions that hold the victim's items. */
  victimPartitions: string[];
}

const DAY = 86_400_000;

/** Every item of the victim's partitions, read consistently, in key order. */
export async function snapshot(partitions: string[]): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const pk of partitions) {
    const items: unknown[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const page = await ddb.send(
        new QueryCommand({ TableName: env.TABLE_NAME, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': pk }, ConsistentRead: true, ExclusiveStartKey: start }),
      );
      items.push(...(page.Items ?? []));
      start = page.LastEvaluatedKey;
    } while (start);
    out[pk] = items;
  }
  return out;
}

/** `ran` waits for the run's execution (started from the table's stream) to end. */
export async function seedWorld(api: LocalApi, ran: (runId: string) => Promise<void>): Promise<World> {
  const tag = randomBytes(4).toString('hex');
  const subs = {
    victim: uniq('victim'),
    victimReviewer: uniq('vreviewer'),
    seedOrganiser: uniq('seed-org'),
    owner: uniq('owner'),
    applicant: uniq('applicant'),
    reviewer: uniq('reviewer'),
    organiser: uniq('organiser'),
  };
  const canaries = [`CANARY${tag}TITLE`, `canary${tag}@victim.example.org`, `CANARY${tag}REVIEW`, `CANARY${tag}NOTE`];
  const t = (sub: string, groups: ('organisers' | 'reviewers')[] = []) => api.token(sub, groups);
  const org = t(subs.seedOrganiser, ['organisers']);

  async function ok(method: string, path: string, token: string, body?: unknown, headers?: Record<string, string>) {
    const res = await api.call(method, path, { token, ...(body === undefined ? {} : { body }), ...(headers ? { headers } : {}) });
    if (res.status >= 300) throw new Error(`seeding: ${method} ${path} answered ${res.status} ${res.text.slice(0, 300)}`);
    return res;
  }
  /** An open edition with a materials deadline and a contact, so that notices and presentation files work. */
  async function edition(): Promise<string> {
    const editionId = await openEdition();
    const e = await ok('GET', `/editions/${editionId}`, org);
    await ok('PUT', `/editions/${editionId}`, org, {
      name: `Fuzz edition ${editionId}`, opensAt: e.json?.opensAt, deadline: e.json?.deadline, timeZone: 'Asia/Shanghai',
      materialsDeadline: new Date(Date.now() + 30 * DAY).toISOString(), contact: { name: 'Secretariat', email: 'cases@example.org' },
    }, { 'if-match': `"${String(e.json?.version)}"` });
    return editionId;
  }
  async function draft(sub: string, editionId: string, fields: Record<string, unknown> = completeFields): Promise<string> {
    return String((await ok('POST', `/editions/${editionId}/cases`, t(sub), fields)).json?.caseId);
  }
  async function submitted(sub: string, editionId: string, fields: Record<string, unknown> = completeFields): Promise<string> {
    const caseId = await draft(sub, editionId, fields);
    await ok('POST', `/cases/${caseId}/submit`, t(sub));
    return caseId;
  }
  async function attachment(sub: string, caseId: string, ready: boolean): Promise<string> {
    const res = await ok('POST', `/cases/${caseId}/attachments`, t(sub), { fileName: 'evidence.pdf', contentType: 'application/pdf', size: 1234, purpose: 'supporting' });
    const attachmentId = String((res.json?.attachment as { attachmentId: string }).attachmentId);
    if (ready) {
      const record = await getAttachment(caseId, attachmentId);
      if (!record || !(await markReady(record, 'ab'.repeat(32), new Date().toISOString()))) throw new Error('seeding: attachment not marked ready');
    }
    return `${caseId}/${attachmentId}`;
  }
  const close = (editionId: string) => ok('POST', `/editions/${editionId}/close`, org);
  const assign = (caseId: string, sub: string) => ok('PUT', `/cases/${caseId}/reviewers/${sub}`, org);
  const review = (sub: string, caseId: string, comment: string) =>
    ok('PUT', `/cases/${caseId}/reviews/me`, t(sub, ['reviewers']), { scores: { innovation: 7, impact: 6, cooperation: 8, sustainability: 5 }, recommendation: 'collection', comment });
  const decide = (caseId: string, decision: string, note?: string) => ok('PUT', `/cases/${caseId}/decision`, org, { decision, ...(note ? { note } : {}) });
  async function notify(editionId: string) {
    const started = await ok('POST', `/editions/${editionId}/notifications`, org);
    await ran(String(started.json?.runId));
  }

  // ---------- the victim ----------
  const victimFields = { ...completeFields, title: `${canaries[0]} case`, contact: { name: 'Victor Victim', email: canaries[1] } };
  const vOpen = await edition();
  const vDraft = await draft(subs.victim, vOpen, victimFields);
  const vSubmitted = await submitted(subs.victim, vOpen, victimFields);
  const vAttachments = [await attachment(subs.victim, vDraft, false), await attachment(subs.victim, vDraft, true), await attachment(subs.victim, vSubmitted, true)];
  await ok('PUT', `/editions/${vOpen}/extensions/${subs.victim}`, org, { deadline: new Date(Date.now() + 2 * DAY).toISOString(), reason: 'Victim was ill' });

  const vClosed = await edition();
  const vReviewed = await submitted(subs.victim, vClosed, victimFields);
  const vDecided = await submitted(subs.victim, vClosed, victimFields);
  const vDraftClosed = await draft(subs.victim, vClosed, victimFields);
  vAttachments.push(await attachment(subs.victim, vReviewed, true));
  await close(vClosed);
  for (const c of [vReviewed, vDecided]) await assign(c, subs.victimReviewer);
  await review(subs.victimReviewer, vReviewed, `${canaries[2]} solid work`);
  await review(subs.victimReviewer, vDecided, `${canaries[2]} fine`);
  await decide(vDecided, 'outstanding', canaries[3]);
  await notify(vClosed);
  const victimCases = [vDraft, vSubmitted, vReviewed, vDecided, vDraftClosed];

  // ---------- the playground: the owner's cases, the reviewer's assignments ----------
  const owner = subs.owner;
  const pOpen = await edition();
  const pCases = [await draft(owner, pOpen), await draft(owner, pOpen, { title: 'An early draft' }), await submitted(owner, pOpen), await submitted(owner, pOpen)];
  const pAttachments = [await attachment(owner, pCases[0]!, false), await attachment(owner, pCases[0]!, true), await attachment(owner, pCases[2]!, true)];

  const pClosed = await edition();
  const pClosedCases = [await submitted(owner, pClosed), await submitted(owner, pClosed), await submitted(owner, pClosed)];
  await close(pClosed);
  for (const c of pClosedCases) await assign(c, subs.reviewer);
  await review(subs.reviewer, pClosedCases[0]!, 'My first review');

  // ---------- the organiser's sandbox ----------
  const oOpen = await edition();
  const oOpenCases = [await draft(owner, oOpen), await submitted(owner, oOpen)];
  const oAttachments = [await attachment(owner, oOpenCases[1]!, true)];
  const oClosed = await edition();
  const oClosedCases = [await submitted(owner, oClosed), await submitted(owner, oClosed), await submitted(owner, oClosed), await draft(owner, oClosed)];
  await close(oClosed);
  await assign(oClosedCases[0]!, subs.reviewer);
  await review(subs.reviewer, oClosedCases[0]!, 'Sandbox review');
  await decide(oClosedCases[1]!, 'collection');
  const released = await edition();
  const releasedCases = [await submitted(owner, released), await submitted(owner, released)];
  await close(released);
  await decide(releasedCases[0]!, 'outstanding');
  await decide(releasedCases[1]!, 'not-selected');
  await ok('POST', `/editions/${released}/release`, org);

  const sandbox: Pools = { editions: [oOpen, oClosed, released], cases: [...oOpenCases, ...oClosedCases, ...releasedCases], attachments: oAttachments };
  return {
    subs,
    canaries,
    victim: { editions: [vOpen, vClosed], cases: victimCases, attachments: vAttachments },
    playground: {
      editions: [pOpen, pClosed, ...sandbox.editions],
      cases: [...pCases, ...pClosedCases, ...sandbox.cases],
      attachments: [...pAttachments, ...sandbox.attachments],
    },
    sandbox,
    assigned: [...pClosedCases, oClosedCases[0]!],
    victimPartitions: [...[vOpen, vClosed].map((e) => keys.editionPartition(e)), ...victimCases.map((c) => keys.casePartition(c))],
  };
}

