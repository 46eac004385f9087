/**
 * What may be uploaded: the size limit of each kind of file (the kinds and their content types: vocabulary.ts)
 * and how each type is recognised from its first bytes. The one place these facts live.
 */
import { UPLOAD_KINDS, type ContentType, type UploadKind } from './vocabulary.ts';

const MiB = 1024 * 1024;

/** The largest file of each kind. */
const MAX_BYTES: Record<UploadKind, number> = { document: 20 * MiB, image: 20 * MiB, audio: 200 * MiB, video: 2 * 1024 * MiB };

/** The largest file of any kind: the bound of every declared size. */
export const LARGEST_UPLOAD_BYTES = Math.max(...Object.values(MAX_BYTES));

/** At most this many attachments of each purpose per case. */
export const MAX_ATTACHMENTS_PER_PURPOSE = 10;

/** How long a presigned upload and a presigned download stay valid. */
export const UPLOAD_URL_SECONDS = 15 * 60;
export const DOWNLOAD_URL_SECONDS = 5 * 60;
/**
 * S3 checks a POST policy's expiry when the upload starts; a 2 GiB upload may finish long after. An object
 * that lands later than this past the expiry cannot have started in time (S3 would have refused it), and
 * the verifier rejects it: the same rule holds where the storage does not check policies (locally).
 */
export const TRANSFER_GRACE_SECONDS = 60 * 60;

/** How many leading bytes the verifier reads to recognise a file. */
export const SNIFF_BYTES = 64;

export function kindOf(contentType: ContentType): UploadKind {
  for (const [kind, types] of Object.entries(UPLOAD_KINDS) as [UploadKind, readonly ContentType[]][]) {
    if (types.includes(contentType)) return kind;
  }
  throw new Error(`unknown content type ${contentType}`);
}

export const maxBytesOf = (contentType: ContentType): number => MAX_BYTES[kindOf(contentType)];

/** What a person calls each type, for rejection reasons they can act on. */
const LABELS: Record<ContentType, string> = {
  'application/pdf': 'a PDF',
  'image/jpeg': 'a JPEG image',
  'image/png': 'a PNG image',
  'audio/mpeg': 'an MP3 audio file',
  'audio/mp4': 'an M4A audio file',
  'audio/wav': 'a WAV audio file',
  'video/mp4': 'an MP4 video',
  'video/quicktime': 'a QuickTime (MOV) video',
};
export const labelOf = (t: ContentType): string => LABELS[t];

const ascii = (b: Uint8Array, from: number, to: number) => String.fromCharCode(...b.subarray(from, to));
const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((v, i) => b[at + i] === v);

/** ISO base media brands (the `ftyp` box) by the type they announce. */
const QUICKTIME_BRANDS = new Set(['qt  ']);
const M4A_BRANDS = new Set(['M4A ', 'M4B ', 'M4P ', 'F4A ']);

/**
 * The content type the first bytes show, or undefined when they match none of the accepted types.
 * MP4-family files are told apart by their major brand: `qt  ` is QuickTime, `M4A ` audio, the rest video.
 */
export function sniff(b: Uint8Array): ContentType | undefined {
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf'; // %PDF-
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(b, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(b, [0x49, 0x44, 0x33])) return 'audio/mpeg'; // ID3 tag
  if (b.length >= 2 && b[0] === 0xff && (b[1]! & 0xe0) === 0xe0 && (b[1]! & 0x06) !== 0) return 'audio/mpeg'; // MPEG audio frame sync, layer set
  if (b.length >= 12 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 12) === 'WAVE') return 'audio/wav';
  if (b.length >= 12 && ascii(b, 4, 8) === 'ftyp') {
    const brand = ascii(b, 8, 12);
    if (QUICKTIME_BRANDS.has(brand)) return 'video/quicktime';
    if (M4A_BRANDS.has(brand)) return 'audio/mp4';
    return 'video/mp4';
  }
  return undefined;
}

/** Whether the bytes fit the declared type. An MP4 container with a video brand may still hold only audio. */
export function matchesDeclared(declared: ContentType, b: Uint8Array): boolean {
  const seen = sniff(b);
  if (seen === declared) return true;
  return declared === 'audio/mp4' && seen === 'video/mp4';
}

/** The reason a person reads when the bytes do not fit the declared type. */
export function mismatchReason(declared: ContentType, b: Uint8Array): string {
  const seen = sniff(b);
  return seen
    ? `The file is ${labelOf(seen)} but was declared as ${declared}. Upload it again with the type ${seen}.`
    : `The file is not ${labelOf(declared)} (its first bytes match none of the accepted types). Check the file and upload it again.`;
}
