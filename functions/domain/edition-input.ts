/** What organisers send about an edition and its extensions. */
import * as z from 'zod/mini';
import { customIssue, Email, Instant, named, Phone, text, TimeZone } from './schema-kit.ts';

export const Contact = z.strictObject({ name: text(200), email: Email, phone: z.optional(Phone) });

export const EditionInput = named(
  z.strictObject({
    name: text(200),
    opensAt: Instant,
    deadline: Instant,
    timeZone: TimeZone,
    materialsDeadline: z.optional(z.nullable(Instant)),
    contact: z.optional(z.nullable(Contact)),
  }).check(
    z.superRefine((e, ctx) => {
      if (e.deadline <= e.opensAt) {
        ctx.addIssue(customIssue(['deadline'], 'deadline-before-opening'));
      }
      if (e.materialsDeadline && e.materialsDeadline <= e.deadline) {
        ctx.addIssue(customIssue(['materialsDeadline'], 'materials-before-deadline'));
      }
    }),
  ),
  'EditionInput',
);
export type EditionInput = z.infer<typeof EditionInput>;

export { EditionParams, ExtensionParams } from './schema-kit.ts';

export const ExtensionInput = named(z.strictObject({ deadline: Instant, reason: text(500) }), 'ExtensionInput');
