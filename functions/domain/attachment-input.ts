/** What an applicant sends to start an upload. */
import * as z from 'zod/mini';
import { CONTROL_CHARACTER, FORMAT_CHARACTER, hasNoFormatCharacter, isSingleLine } from './text.ts';
import { labelOf, LARGEST_UPLOAD_BYTES, maxBytesOf } from './uploads.ts';
import { CONTENT_TYPES, PURPOSES } from './vocabulary.ts';
import { named, withCode } from './schema-kit.ts';

/** A file name as a person gave it: no folders, no control or format characters (bidi overrides), at most 255 characters. */
const FileName = z.string().check(
  z.trim(),
  z.minLength(1),
  z.maxLength(255),
  z.refine((n) => !/[/\\]/.test(n), withCode('path-separator', 'A file name cannot contain / or \\')),
  z.refine(isSingleLine, withCode(CONTROL_CHARACTER, 'A file name cannot contain control characters')),
  z.refine(hasNoFormatCharacter, withCode(FORMAT_CHARACTER, 'A file name cannot contain format characters such as bidirectional overrides')),
  z.refine((n) => n !== '.' && n !== '..', withCode('invalid-file-name', 'Not a file name')),
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
          ctx.addIssue({ code: 'custom', path: ['size'], message: `${labelOf(a.contentType)} may be at most ${max / 1024 / 1024} MiB`, params: { code: 'file-too-large' } });
        }
      }),
    ),
  'AttachmentInput',
);
export type AttachmentInput = z.infer<typeof AttachmentInput>;

export { AttachmentParams } from './schema-kit.ts';
