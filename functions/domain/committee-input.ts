/** The committee's requests (shared/routes/committee.ts): inviting a reviewer by e-mail, naming a member by sub. */
import * as z from 'zod/mini';
import { LOCALES } from './i18n/catalogues.ts';
import { Email, named, Sub, text } from './schema-kit.ts';

export const ReviewerInvitationInput = named(
  z.strictObject({
    email: Email,
    name: text(200),
    locale: z.enum(LOCALES).register(z.globalRegistry, { description: 'The language of the invitation and of every later e-mail to the account' }),
  }),
  'ReviewerInvitationInput',
);
export type ReviewerInvitationInput = z.infer<typeof ReviewerInvitationInput>;

export const MemberParams = z.strictObject({ sub: Sub });
