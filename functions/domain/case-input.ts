/** What applicants send about their cases: the fields they own, as a draft takes them and as a patch changes them. */
import * as z from 'zod/mini';
import { CONTROL_CHARACTER, isSingleLine } from './text.ts';
import { CASE_FIELDS, CASE_TYPES, CATEGORY_IDS, type CaseFieldName } from './vocabulary.ts';
import { LOCALES } from './i18n/catalogues.ts';
import { CalendarDate, CountryCode, customIssue, Email, longText, named, Phone, says, text, withCode } from './schema-kit.ts';

export const Category = z.enum(CATEGORY_IDS);
export const CaseType = z.enum(CASE_TYPES);

const Countries = z.array(CountryCode).check(
  z.maxLength(60),
  z.superRefine((codes, ctx) => {
    const seen = new Set<string>();
    codes.forEach((c, i) => {
      if (seen.has(c)) ctx.addIssue(customIssue([i], 'duplicate-country', { country: c }));
      seen.add(c);
    });
  }),
);

const Organisation = z.strictObject({ name: z.optional(text(200)), country: z.optional(CountryCode) });
const Partner = z.strictObject({ name: text(200), country: CountryCode });
/** A draft's contact may be incomplete; readiness says what is missing. */
const DraftContact = z.strictObject({ name: z.optional(text(200)), email: z.optional(Email), phone: z.optional(Phone) });
// zod's URL check silently drops tabs and line breaks, so the text rule looks at the link as given, first.
const Link = z
  .pipe(
    z.string().check(z.maxLength(2000), z.refine(isSingleLine, withCode(CONTROL_CHARACTER, 'field.control-character.link'))),
    z.url({ protocol: /^https?$/, hostname: z.regexes.domain }),
  )
  .register(z.globalRegistry, { format: 'uri' });

/** The fields an applicant owns. Every one may be missing in a draft. */
const caseFieldShape = {
  title: text(200),
  titleZh: text(200).register(z.globalRegistry, { description: 'The title in Chinese; `title` holds the English one. Either is enough to submit.' }),
  category: Category,
  caseType: CaseType,
  summary: longText(2000),
  summaryZh: longText(2000).register(z.globalRegistry, { description: 'The summary in Chinese; `summary` holds the English one. Either is enough to submit.' }),
  description: longText(20000),
  implementedOn: CalendarDate,
  countries: Countries,
  organisation: Organisation,
  partners: z.array(Partner).check(z.maxLength(50)),
  contact: DraftContact,
  links: z.array(Link).check(z.maxLength(20)),
} satisfies Record<CaseFieldName, z.ZodMiniType>;

/**
 * The case's language: the e-mails to its contact are written in it. Not a field of the content: left out of the
 * readiness and the receipt, and never removed (a case always has one).
 */
const CaseLocale = z.enum(LOCALES).register(z.globalRegistry, { description: "The case's language: e-mails to its contact are written in it. Defaults to the creator's language." });

export const CaseCreateInput = named(z.partial(z.strictObject({ ...caseFieldShape, locale: CaseLocale })), 'CaseCreateInput');
export type CaseFields = z.infer<typeof CaseCreateInput>;

/** PATCH merges: a given field replaces the stored one; null removes it. */
export const CasePatchInput = named(
  z
    .strictObject({
      ...(Object.fromEntries(CASE_FIELDS.map((k) => [k, z.optional(z.nullable(caseFieldShape[k]))])) as {
        [K in CaseFieldName]: z.ZodMiniOptional<z.ZodMiniNullable<(typeof caseFieldShape)[K]>>;
      }),
      locale: z.optional(CaseLocale),
    })
    .check(z.refine((p) => Object.keys(p).length > 0, withCode('empty-patch'))),
  'CasePatchInput',
);
export type CasePatch = z.infer<typeof CasePatchInput>;

export { CaseParams } from './schema-kit.ts';

/** The code sent to a case's contact address (domain/contact.ts), as typed: 8 letters or digits, maybe split by - or a space. */
export const ContactConfirmInput = named(
  z.strictObject({ code: z.string().check(z.trim(), z.regex(/^[0-9A-Za-z]{4}[- ]?[0-9A-Za-z]{4}$/, says('field.contact-code'))) }),
  'ContactConfirmInput',
);
