/** What an applicant sends to start an upload. */
import * as z from 'zod/mini';
import { CONTROL_CHARACTER, FORMAT_CHARACTER, hasNoFormatCharacter, isSingleLine } from './text.ts';
import { LARGEST_UPLOAD_BYTES, maxBytesOf } from './uploads.ts';
import { CONTENT_TYPES, PURPOSES } from './vocabulary.ts';
import { customIssue, named, withCode } from './schema-kit.ts';

/** A file name as a person gave it: no folders, no control or format characters (bidi overrides), at most 255 characters. */
const FileName = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(255),
  z.refine((n) => !/[/\\]/.test(n), withCode('path-separator')),
  z.refine(isSingleLine, withCode(CONTROL_CHARACTER, 'field.control-character.file-name')),
  z.refine(hasNoFormatCharacter, withCode(FORMAT_CHARACTER)),
  z.refine((n) => n !== '.' && n !== '..', withCode('invalid-file-name')),
);

export const AttachmentInput = named(
  z
    .strictObject({
      fileName: FileName,
      contentType: z.enum(CONTENT_TYPES),
      size: z.number().check(z.int(), z.gte(1), z.lte(LARGEST_UPLOAD_BYTES)),
      purpose: z.enum(PURPOSES),
    })
    .check(
      z.superRefine((a, ctx) => {
        const max = maxBytesOf(a.contentType);
        if (a.size > max) {
          ctx.addIssue(customIssue(['size'], 'file-too-large', { label: { key: `field.file-type.${a.contentType}` }, mib: max / 1024 / 1024 }));
        }
      }),
    ),
  'AttachmentInput',
);
export type AttachmentInput = z.infer<typeof AttachmentInput>;

export { AttachmentParams } from './schema-kit.ts';
