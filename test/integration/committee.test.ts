/**
 * The committee by e-mail, over HTTP against DynamoDB Local, with the local directory (DIRECTORY=table) that `npm start`
 * uses: an organiser invites a reviewer, the invitation waits in the outbox in the invitee's language, the invitee signs
 * in locally as their directory account, their load follows their assignments and reviews, and a removal takes them
 * out of the committee.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localSubOf } from '../../functions/adapters/table-directory.ts';
import { completeFields, openEdition, uniq } from './helpers.ts';
import { startLocalApi, type LocalApi } from './local-api.ts';

let api: LocalApi;
beforeAll(async () => {
  api = await startLocalApi();
});
afterAll(() => api.close());

interface Member {
  sub: string;
  email: string;
  name: string;
  status: string;
  load: { assigned: number; reviewed: number };
}

/** The mails the outbox holds for `address` (setLocalEnv points the mailer at OUTBOX_DIR). */
function mailsTo(address: string): { to: string[]; subject: string; text: string; html: string }[] {
  const dir = process.env.OUTBOX_DIR!;
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as { to: string[]; subject: string; text: string; html: string })
    .filter((m) => m.to.includes(address));
}

/** The whole committee, page by page (other tests may have invited reviewers too). */
async function committee(token: string): Promise<Member[]> {
  const out: Member[] = [];
  let cursor: string | undefined;
  do {
    const res = await api.call('GET', `/reviewers?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { token });
    expect(res.status, res.text).toBe(200);
    out.push(...(res.json!.items as Member[]));
    cursor = (res.json!.nextCursor as string | null) ?? undefined;
  } while (cursor);
  return out;
}

/** The claims of a local token. */
const claimsOf = (token: string) => JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8')) as { sub: string; 'cognito:groups': string[]; locale?: string };

async function localSignIn(email: string, groups: string[]): Promise<string> {
  const res = await api.call('POST', '/local/token', { body: { sub: uniq('typed'), email, groups } });
  expect(res.status, res.text).toBe(200);
  return String(res.json!.token);
}

describe('the committee, managed by e-mail', () => {
  it('invites, lists with the load, signs the invitee in as their account, and removes them', async () => {
    const organiser = api.token(uniq('olga'), ['organisers']);
    const email = `${uniq('li.wei')}@example.org`;
    const sub = localSubOf(email);

    // 1. The invitation: a new account, invited, its mail in the outbox in Chinese with the local sign-in hint.
    const invited = await api.call('POST', '/reviewers', { token: organiser, body: { email: email.toUpperCase(), name: 'Li Wei', locale: 'zh-CN' } });
    expect(invited.status, invited.text).toBe(201);
    expect(invited.json).toEqual({ sub, email, name: 'Li Wei', status: 'invited', load: { assigned: 0, reviewed: 0 } });
    const [mail, ...more] = mailsTo(email);
    expect(more).toEqual([]);
    expect(mail!.subject).toBe('您的账户已创建');
    expect(mail!.text).toContain(`用户名：${email}`);
    expect(mail!.text).toContain('选择“评审专家”角色');
    expect(mail!.html).toContain('lang="zh-CN"');

    // 2. Inviting the same address again: the same account, no second mail.
    const again = await api.call('POST', '/reviewers', { token: organiser, body: { email, name: 'Li Wei', locale: 'en' } });
    expect(again.status, again.text).toBe(200);
    expect(again.json).toMatchObject({ sub, status: 'invited' });
    expect(mailsTo(email)).toHaveLength(1);

    // 3. The invitee signs in locally with whatever sub was typed, and asked for no group: they get the account's.
    const reviewerToken = await localSignIn(email, []);
    expect(claimsOf(reviewerToken)).toMatchObject({ sub, 'cognito:groups': ['reviewers'], locale: 'zh-CN' });

    // 4. Assigned to a submitted case of a closed edition, then reviewing it: the load follows.
    const editionId = await openEdition();
    const owner = api.token(uniq('ann'));
    const created = await api.call('POST', `/editions/${editionId}/cases`, { token: owner, body: completeFields });
    const caseId = String(created.json!.caseId);
    expect((await api.call('POST', `/cases/${caseId}/submit`, { token: owner })).status).toBe(200);
    expect((await api.call('POST', `/editions/${editionId}/close`, { token: organiser })).status).toBe(200);
    expect((await api.call('PUT', `/cases/${caseId}/reviewers/${sub}`, { token: organiser })).status).toBe(201);
    expect((await committee(organiser)).find((m) => m.sub === sub)).toEqual({ sub, email, name: 'Li Wei', status: 'active', load: { assigned: 1, reviewed: 0 } });

    const review = { scores: { innovation: 8, impact: 7, cooperation: 9, sustainability: 6 }, recommendation: 'collection', comment: 'Solid.' };
    const saved = await api.call('PUT', `/cases/${caseId}/reviews/me`, { token: reviewerToken, body: review });
    expect(saved.status, saved.text).toBe(201);
    expect((await committee(organiser)).find((m) => m.sub === sub)?.load).toEqual({ assigned: 1, reviewed: 1 });

    // 5. Removed: out of the list, a second removal is a 404, and a new sign-in is no longer a reviewer's.
    expect((await api.call('DELETE', `/reviewers/${sub}`, { token: organiser })).status).toBe(204);
    expect((await committee(organiser)).map((m) => m.sub)).not.toContain(sub);
    const twice = await api.call('DELETE', `/reviewers/${sub}`, { token: organiser });
    expect(twice.status).toBe(404);
    expect(twice.json).toMatchObject({ code: 'not-found' });
    expect(claimsOf(await localSignIn(email, ['reviewers']))).toMatchObject({ sub, 'cognito:groups': [] });

    // Their assignment stays for the organisers to unassign.
    const reviewers = await api.call('GET', `/cases/${caseId}/reviewers`, { token: organiser });
    expect((reviewers.json!.items as { sub: string }[]).map((r) => r.sub)).toContain(sub);
  });

  it('leaves an address the directory does not hold to sign in as typed', async () => {
    const res = await api.call('POST', '/local/token', { body: { sub: 'typed-sub', email: `${uniq('nobody')}@example.org`, groups: ['reviewers'] } });
    expect(claimsOf(String(res.json!.token))).toMatchObject({ sub: 'typed-sub', 'cognito:groups': ['reviewers'] });
  });

  it('is for organisers only', async () => {
    const email = `${uniq('x')}@example.org`;
    for (const token of [api.token(uniq('ben')), api.token(uniq('rita'), ['reviewers'])]) {
      expect((await api.call('POST', '/reviewers', { token, body: { email, name: 'X', locale: 'en' } })).status).toBe(403);
      expect((await api.call('GET', '/reviewers', { token })).status).toBe(403);
      expect((await api.call('DELETE', `/reviewers/${localSubOf(email)}`, { token })).status).toBe(403);
    }
    expect(mailsTo(email)).toEqual([]);
  });
});
