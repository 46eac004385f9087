/**
 * The ports a use case takes: the adapter modules' own types, so a handler passes the adapter functions the use
 * case names (`{ cases: { getCase, replaceCase } }`: named imports, so each bundle keeps only those) and a test passes
 * a plain object with the same functions. Type-only imports: nothing here loads an adapter or the AWS SDK.
 */
import type * as AttachmentsRepo from '#adapters/attachments-repo';
import type * as Audit from '#adapters/audit';
import type * as CaseListing from '#adapters/case-listing';
import type * as CasesRepo from '#adapters/cases-repo';
import type * as ContactRepo from '#adapters/contact-repo';
import type * as DirectoryModule from '#adapters/directory';
import type * as EditionsRepo from '#adapters/editions-repo';
import type * as MailRepo from '#adapters/mail-repo';
import type * as MailerModule from '#adapters/mailer';
import type * as MediaStore from '#adapters/media-store';
import type * as NotificationsRepo from '#adapters/notifications-repo';
import type * as PreferencesRepo from '#adapters/preferences-repo';
import type * as ReviewsRepo from '#adapters/reviews-repo';
import type * as Transact from '#adapters/transact';
import type * as Workflow from '#adapters/workflow';

export type Attachments = typeof AttachmentsRepo;
export type AuditTrail = typeof Audit;
export type Listing = typeof CaseListing;
export type Cases = typeof CasesRepo;
export type Contacts = typeof ContactRepo;
/** The accounts and the reviewers group (Cognito's user pool, or the table locally). */
export type Directory = typeof DirectoryModule;
export type Editions = typeof EditionsRepo;
export type Mails = typeof MailRepo;
export type Mailer = typeof MailerModule;
export type Media = typeof MediaStore;
export type Notifications = typeof NotificationsRepo;
export type Preferences = typeof PreferencesRepo;
export type Reviews = typeof ReviewsRepo;
export type Transactions = typeof Transact;
export type Workflows = typeof Workflow;

/** Where a use case reports what its answer does not say (the handler passes the structured logger). */
export interface Log {
  info(message: string, attributes: Record<string, unknown>): void;
  warn(message: string, attributes: Record<string, unknown>): void;
}
