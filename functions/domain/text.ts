/**
 * What free text may contain: the one rule behind every text field of every request body (schema-kit.ts, text
 * and longText; attachment-input.ts, FileName) and behind every e-mail header (adapters/mailer.ts). A line break or
 * another control character in a title would otherwise reach an e-mail header, a log line or a CSV row; a bidi
 * override in a file name makes `cv\u202Efdp.exe` show as `cvexe.pdf`.
 */

/* eslint-disable no-control-regex */
/** C0 controls but tab, LF and CR; DEL; C1 controls. Never in any text. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/u;
/** What breaks a line (or moves to the next tab stop): allowed only in the long multi-line fields. */
const LINE_BREAK = /[\t\n\r\u2028\u2029]/u;
/* eslint-enable no-control-regex */
/**
 * Unicode format characters (general category Cf): the bidi embeddings, overrides and isolates
 * (U+202A-U+202E, U+2066-U+2069), the marks (U+200E, U+200F, U+061C), zero-width characters and the like.
 * Legitimate in prose, never needed in a file name.
 */
const FORMAT = /\p{Cf}/u;

/** One line of text: no control character, no tab and no line break. */
export const isSingleLine = (s: string): boolean => !CONTROL.test(s) && !LINE_BREAK.test(s);

/** Multi-line text: tab, LF and CR (so CRLF) are allowed, no other control character. */
export const isMultiLineText = (s: string): boolean => !CONTROL.test(s);

/** No Unicode format character (bidi controls included). */
export const hasNoFormatCharacter = (s: string): boolean => !FORMAT.test(s);

/** The field problem code of every refusal above. */
export const CONTROL_CHARACTER = 'control-character';
export const FORMAT_CHARACTER = 'format-character';

const HTML_ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML element content or a quoted attribute value: the one escaping of every page and e-mail the product writes. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
