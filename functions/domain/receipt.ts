/**
 * Receipts: proof of what was submitted and when. What is hashed, and how: receipt-document.ts. An applicant can
 * recompute the hash from GET /cases/{id} and its attachments (the web app does, and offers the exact bytes).
 */
import { createHash } from 'node:crypto';
import { receiptText, type ReceiptInput } from './receipt-document.ts';

export function receiptHash(r: ReceiptInput): string {
  return createHash('sha256').update(receiptText(r), 'utf8').digest('hex');
}
