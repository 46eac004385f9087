/**
 * Confirming a case's contact address. The contact is whatever address the applicant typed, so no e-mail copies
 * it until its owner proved they read it: the case owner asks for a code, the code goes to the contact address
 * (and nowhere else), and the owner enters it. Only then is the contact copied on the case's e-mails
 * (mail.ts, recipients). Changing the contact address drops the confirmation.
 *
 * The code is stored hashed (salted SHA-256), valid for CONTACT_CODE_TTL_SECONDS, locked after
 * CONTACT_CODE_MAX_ATTEMPTS wrong tries; sending is limited per case and per applicant (limits.ts).
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  CONTACT_CODE_MAX_ATTEMPTS,
  CONTACT_CODE_RESEND_SECONDS,
  CONTACT_CODE_TTL_SECONDS,
  CONTACT_CODES_PER_CASE_PER_DAY,
} from './limits.ts';
import type { Message } from './i18n/catalogues.ts';

/** The same mailbox, as far as we may assume: the domain is case-insensitive, and nobody relies on the local part's case. */
export const sameAddress = (a: string | undefined, b: string | undefined): boolean => !!a && !!b && a.toLowerCase() === b.toLowerCase();

export interface ContactState {
  ownerEmail: string;
  contact?: { email?: string | undefined } | undefined;
  /** The contact address the owner confirmed with a code (server-owned; dropped when the contact address changes). */
  contactConfirmedEmail?: string | undefined;
}

/** The contact may be written to: it is the owner's own (verified) address, or it was confirmed with a code. */
export function contactConfirmed(c: ContactState): boolean {
  const email = c.contact?.email;
  return sameAddress(email, c.ownerEmail) || sameAddress(email, c.contactConfirmedEmail);
}

/** The confirmation a changed case keeps: none once its contact address is no longer the confirmed one. */
export const keptConfirmation = (c: ContactState): string | undefined => (sameAddress(c.contact?.email, c.contactConfirmedEmail) ? c.contactConfirmedEmail : undefined);

/** The code outstanding for a case's contact, and what limits the next one. One item a case. */
export interface ContactCodeRecord {
  caseId: string;
  /** The address the latest code was sent to. */
  email: string;
  /** Absent once the code was used. */
  codeHash?: string;
  salt: string;
  codeExpiresAt: string;
  attempts: number;
  lastSentAt: string;
  /** The UTC day of `lastSentAt`, and how many codes were sent for the case that day. */
  day: string;
  sentThatDay: number;
  updatedAt: string;
}

/** Crockford's base32 without the letters people misread; 8 characters are 40 bits. */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** A new code, shown as XXXX-XXXX. */
export function newContactCode(): string {
  const bytes = randomBytes(8);
  const chars = [...bytes].map((b) => ALPHABET[b % 32]);
  return `${chars.slice(0, 4).join('')}-${chars.slice(4).join('')}`;
}

/** As typed: case, the separator and the letters Crockford maps (O to 0, I and L to 1) do not matter. */
const normalise = (code: string) => code.toUpperCase().replace(/[- ]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');

export const hashContactCode = (code: string, salt: string): string => createHash('sha256').update(`${salt}:${normalise(code)}`).digest('hex');

export const newSalt = (): string => randomBytes(16).toString('hex');

export const utcDay = (at: Date): string => at.toISOString().slice(0, 10);

/** Why no code may be sent for the case now (a 429's detail), or undefined. */
export function codeSendRefusal(prev: ContactCodeRecord | undefined, now: Date): Message | undefined {
  if (!prev) return undefined;
  const next = Date.parse(prev.lastSentAt) + CONTACT_CODE_RESEND_SECONDS * 1000;
  if (next > now.getTime()) return { key: 'detail.code-sent-at', params: { sentAt: prev.lastSentAt, after: new Date(next).toISOString() } };
  if (prev.day === utcDay(now) && prev.sentThatDay >= CONTACT_CODES_PER_CASE_PER_DAY) {
    return { key: 'detail.codes-per-case', params: { max: CONTACT_CODES_PER_CASE_PER_DAY } };
  }
  return undefined;
}

/** The record of a new code sent now to `email`. */
export function issuedCode(caseId: string, email: string, code: string, prev: ContactCodeRecord | undefined, now: Date): ContactCodeRecord {
  const salt = newSalt();
  const day = utcDay(now);
  return {
    caseId,
    email,
    salt,
    codeHash: hashContactCode(code, salt),
    codeExpiresAt: new Date(now.getTime() + CONTACT_CODE_TTL_SECONDS * 1000).toISOString(),
    attempts: 0,
    lastSentAt: now.toISOString(),
    day,
    sentThatDay: prev?.day === day ? prev.sentThatDay + 1 : 1,
    updatedAt: now.toISOString(),
  };
}

export type CodeCheck = 'ok' | 'none' | 'locked' | 'expired' | 'wrong';

/** What a code entered for the case's current contact address `email` is worth. */
export function checkContactCode(rec: ContactCodeRecord | undefined, email: string | undefined, code: string, now: Date): CodeCheck {
  if (!rec?.codeHash || !sameAddress(rec.email, email)) return 'none';
  if (rec.attempts >= CONTACT_CODE_MAX_ATTEMPTS) return 'locked';
  if (Date.parse(rec.codeExpiresAt) <= now.getTime()) return 'expired';
  const given = Buffer.from(hashContactCode(code, rec.salt), 'hex');
  const stored = Buffer.from(rec.codeHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored) ? 'ok' : 'wrong';
}
