/**
 * What may be uploaded: the size limit of each kind of file (the kinds and their content types: vocabulary.ts)
 * and how each type is recognised from its first bytes. The one place these facts live.
 */
import type { Message } from './i18n/catalogues.ts';
import { UPLOAD_KINDS, type ContentType, type RejectionCode, type UploadKind } from './vocabulary.ts';

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

/** Why a file was rejected, as its owner reads it in their language: `rejection.<code>` with what it names. */
export interface Rejection extends Message {
  key: `rejection.${RejectionCode}`;
}

export const rejectionCodeOf = (r: Rejection): RejectionCode => r.key.slice('rejection.'.length) as RejectionCode;

const fileSize = (n: number): Message => (n >= MiB ? { key: 'fileSize.mib', params: { n: (n / MiB).toFixed(1) } } : { key: 'fileSize.bytes', params: { n } });
/** What a person calls each type ("a PDF"). */
const fileKind = (t: ContentType): Message => ({ key: `fileKind.${t}` });

export const rejections = {
  /** It landed after the upload window (`at`) and its grace: it cannot have started in time. */
  late: (at: string): Rejection => ({ key: 'rejection.late', params: { at } }),
  sizeMismatch: (actual: number, declared: number): Rejection => ({ key: 'rejection.size-mismatch', params: { actual: fileSize(actual), declared: fileSize(declared) } }),
  /** The bytes do not fit the declared type: what they are, when recognised. */
  typeMismatch(declared: ContentType, b: Uint8Array): Rejection {
    const seen = sniff(b);
    return seen
      ? { key: 'rejection.type-mismatch', params: { seen: fileKind(seen), declared, seenType: seen } }
      : { key: 'rejection.unrecognised', params: { expected: fileKind(declared) } };
  },
  replaced: (): Rejection => ({ key: 'rejection.replaced' }),
};
