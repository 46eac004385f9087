import type { DirectoryAccount, ReviewerLoad } from '#domain/committee';
import type { ResponseBody } from '#shared/responses';

/** A reviewer as the organisers' list shows them (the account's language stays with the account). */
export function memberView(m: DirectoryAccount & { load: ReviewerLoad }): ResponseBody<'CommitteeMember'> {
  return { sub: m.sub, email: m.email, name: m.name, status: m.status, load: m.load };
}
