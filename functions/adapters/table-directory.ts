/**
 * The user pool's stand-in for `npm start` and the tests (DIRECTORY=table): accounts are items of the table, and an
 * invitation is a mail in the local outbox, worded with the same texts as Cognito's (domain/account-mail.ts). There
 * are no passwords locally: an invitee signs in on the local sign-in page with their e-mail address, and POST
 * /local/token (lib/local/environment.ts) gives them this account's sub and groups (localSignIn).
 *
 * Never in a Lambda bundle: adapters/directory.ts loads it by URL, locally only.
 *
 * An account's sub is derived from its e-mail address (localSubOf), so it is the same on every machine and after a
 * restart with fresh data.
 */
import { createHash } from 'node:crypto';
import { accountMailHtml, accountMailSubject, accountMailText } from '#domain/account-mail';
import { normalisedEmail, type AccountDirectory, type DirectoryAccount, type Invitation } from '#domain/committee';
import { t, type Locale } from '#domain/i18n/catalogues';
import { escapeHtml } from '#domain/text';
import type { Group } from '#domain/vocabulary';
import { mailer } from './mailer.ts';
import { queryPage } from './paging.ts';
import { conditionally } from './table.ts';
import { ENTITIES, INDEXES, keys, recordOf } from './table-design.ts';
import * as table from './table-io.ts';

const REVIEWERS: Group = 'reviewers';

/**
 * The local sub of an e-mail address: the first 128 bits of SHA-256("directory:" + the address in lower case),
 * written as a UUID (Cognito's subs are UUIDs).
 */
export function localSubOf(email: string): string {
  const hex = createHash('sha256').update(`directory:${normalisedEmail(email)}`).digest('hex');
  return [hex.slice(0, 8), hex.slice(8, 12), hex.slice(12, 16), hex.slice(16, 20), hex.slice(20, 32)].join('-');
}

type Stored = DirectoryAccount & { createdAt: string };

const fromItem = (item: Record<string, unknown>): DirectoryAccount => {
  const { createdAt: _createdAt, ...account } = recordOf<Stored>(item);
  return account;
};

async function getAccount(sub: string): Promise<{ account: DirectoryAccount; member: boolean } | undefined> {
  const out = await table.get({ Key: keys.directoryAccount(sub), ConsistentRead: true });
  return out.Item ? { account: fromItem(out.Item), member: out.Item.gsi1pk !== undefined } : undefined;
}

/** What Cognito would mail: the invitation in the invitee's language, with no password and how to sign in locally instead. */
async function sendInvitation(email: string, locale: Locale): Promise<void> {
  const placeholders = { username: email, code: t(locale, 'committee.local.password') };
  const extra = ['committee.local.signIn'] as const;
  await mailer.send(
    {
      to: [email],
      cc: [],
      subject: accountMailSubject(locale, 'invitation'),
      text: accountMailText(locale, 'invitation', placeholders, [...extra]),
      html: accountMailHtml(locale, 'invitation', { username: escapeHtml(email), code: escapeHtml(placeholders.code) }, [...extra]),
    },
    { kind: 'invitation' },
  );
}

const joinGroup = (account: DirectoryAccount) =>
  table.update({
    Key: keys.directoryAccount(account.sub),
    UpdateExpression: 'SET gsi1pk = :pk, gsi1sk = :sk',
    ExpressionAttributeValues: { ':pk': keys.groupPartition(REVIEWERS), ':sk': account.email },
  });

async function inviteReviewer({ email, name, locale }: Invitation): Promise<{ account: DirectoryAccount; created: boolean }> {
  const address = normalisedEmail(email);
  const sub = localSubOf(address);
  const existing = await getAccount(sub);
  if (existing) {
    if (!existing.member) await joinGroup(existing.account);
    return { account: existing.account, created: false };
  }
  const account: DirectoryAccount = { sub, email: address, name, status: 'invited', locale };
  const created = await conditionally(
    table.put({
      Item: { ...keys.directoryAccount(sub), ...keys.groupMember(REVIEWERS, address), type: ENTITIES.directoryAccount.type, ...account, createdAt: new Date().toISOString() },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  // Invited by another request meanwhile: that one sent the invitation.
  if (!created) return inviteReviewer({ email, name, locale });
  await sendInvitation(address, locale);
  return { account, created: true };
}

async function removeReviewer(sub: string): Promise<boolean> {
  const out = await conditionally(
    table.update({ Key: keys.directoryAccount(sub), UpdateExpression: 'REMOVE gsi1pk, gsi1sk', ConditionExpression: 'attribute_exists(gsi1pk)' }),
  );
  return out !== undefined;
}

export const tableDirectory: AccountDirectory = {
  inviteReviewer,
  listReviewers: (limit, cursor) => queryPage({ index: INDEXES.gsi1, partition: keys.groupPartition(REVIEWERS) }, limit, cursor, fromItem),
  removeReviewer,
};

/**
 * The local sign-in of a directory account: its sub, whether it is a reviewer and its language, or undefined for an
 * address the directory does not hold. The first sign-in makes an invited account active, as choosing a password does.
 */
export async function localSignIn(email: string): Promise<{ sub: string; reviewer: boolean; locale?: Locale } | undefined> {
  const found = await getAccount(localSubOf(email));
  if (!found) return undefined;
  const { account, member } = found;
  if (account.status === 'invited') {
    await table.update({ Key: keys.directoryAccount(account.sub), UpdateExpression: 'SET #status = :active', ExpressionAttributeNames: { '#status': 'status' }, ExpressionAttributeValues: { ':active': 'active' } });
  }
  return { sub: account.sub, reviewer: member, ...(account.locale ? { locale: account.locale } : {}) };
}
