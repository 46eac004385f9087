/** The committee as the organisers see it: reviewers' accounts and how much each has to do. */
import type { Locale } from './i18n/catalogues.ts';
import type { MemberStatus } from './vocabulary.ts';

/** An account of the directory (the user pool, or its local stand-in) in the reviewers group. */
export interface DirectoryAccount {
  sub: string;
  email: string;
  name: string;
  status: MemberStatus;
  locale?: Locale;
}

/** A reviewer's live assignments and how many of them they have reviewed. */
export interface ReviewerLoad {
  assigned: number;
  reviewed: number;
}

/** E-mail addresses name one account whatever their case (Cognito's e-mail sign-in alias is case-insensitive). */
export const normalisedEmail = (email: string): string => email.trim().toLowerCase();

/** The load of a reviewer's assignments, counting only those of the editions in `counted` (the unreleased ones). */
export function loadOf(assignments: readonly { editionId: string; reviewedAt?: string }[], counted: ReadonlySet<string>): ReviewerLoad {
  const live = assignments.filter((a) => counted.has(a.editionId));
  return { assigned: live.length, reviewed: live.filter((a) => a.reviewedAt !== undefined).length };
}

/** Whom an organiser invites: the account's e-mail address, name and language. */
export interface Invitation {
  email: string;
  name: string;
  locale: Locale;
}

/**
 * The accounts and their reviewers group: the user pool on AWS (adapters/cognito-directory.ts), the table locally
 * (adapters/table-directory.ts). adapters/directory.ts picks one at start-up.
 */
export interface AccountDirectory {
  /** Creates the account and sends its invitation, or finds the account with that e-mail; either way adds it to the reviewers. */
  inviteReviewer(invitation: Invitation): Promise<{ account: DirectoryAccount; created: boolean }>;
  /** A page of the reviewers group; `cursor` is one this list issued. */
  listReviewers(limit: number, cursor: string | undefined): Promise<{ items: DirectoryAccount[]; nextCursor: string | null }>;
  /** Takes the account out of the reviewers group: false when it was not in it (or does not exist). */
  removeReviewer(sub: string): Promise<boolean>;
}
