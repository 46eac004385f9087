/**
 * Primary course:
 * 1. The directory creates the account with that e-mail address and sends its invitation in the invitee's language,
 *    or finds the existing account (an applicant, an organiser, a reviewer removed before: no second invitation).
 * 2. Either way the account joins the reviewers group.
 * 3. The answer is the reviewer with their load (an existing account may have assignments already).
 *
 * Logged, not audited: the audit trail is per edition, and the committee is not.
 */
import type { Caller } from '#domain/caller';
import { normalisedEmail, type DirectoryAccount, type ReviewerLoad } from '#domain/committee';
import type { ReviewerInvitationInput } from '#domain/committee-input';
import type { Directory, Log } from '../ports.ts';
import { withLoads, type LoadPorts } from './reviewer-load.ts';

export type InvitePorts = LoadPorts & { directory: Pick<Directory, 'inviteReviewer'>; log: Log };

export async function inviteReviewer(
  ports: InvitePorts,
  input: { invitation: ReviewerInvitationInput; caller: Caller; now: Date },
): Promise<{ reviewer: DirectoryAccount & { load: ReviewerLoad }; created: boolean }> {
  const { email, name, locale } = input.invitation;
  const { account, created } = await ports.directory.inviteReviewer({ email: normalisedEmail(email), name, locale });
  ports.log.info('reviewer invited', { sub: account.sub, created, by: input.caller.sub });
  const [reviewer] = await withLoads(ports, [account], input.now);
  return { reviewer: reviewer!, created };
}
