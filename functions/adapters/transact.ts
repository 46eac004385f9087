import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { AppError } from '#domain/errors';
import { ddb } from './clients.ts';
import { keys } from './table-design.ts';
import { tx, type TransactItem } from './table.ts';

/** Attempts for a transaction that DynamoDB cancelled because another one touched the same item. */
export const CONFLICT_ATTEMPTS = 5;
/** Full-jitter backoff before attempt `attempt + 1`: up to 25 ms * 2^attempt, capped at 500 ms. */
export const backoff = (attempt: number) => new Promise((r) => setTimeout(r, Math.random() * Math.min(500, 25 * 2 ** attempt)));

/**
 * Runs a transaction whose items each carry the outcome to report when their own condition fails. Returns
 * 'ok' or the outcome of the first failed condition. Every case write of an edition condition-checks the
 * same edition item, so in the deadline rush DynamoDB cancels some with TransactionConflict: those are
 * retried with full-jitter backoff, and only a lasting conflict reaches the caller, as a 429.
 */
export async function transact<O extends string>(items: { item: TransactItem; onFail?: O }[]): Promise<'ok' | O> {
  for (let attempt = 1; ; attempt++) {
    try {
      await ddb.send(new TransactWriteCommand({ TransactItems: items.map((i) => i.item) }));
      return 'ok';
    } catch (err) {
      if (!(err instanceof TransactionCanceledException)) throw err;
      const codes = (err.CancellationReasons ?? []).map((r) => r.Code);
      const failed = codes.findIndex((c) => c === 'ConditionalCheckFailed');
      if (failed >= 0) {
        const outcome = items[failed]?.onFail;
        if (outcome) return outcome;
        throw err;
      }
      if (!codes.includes('TransactionConflict')) throw err;
      if (attempt >= CONFLICT_ATTEMPTS) throw new AppError('rate-limited', 'detail.edition-busy');
      await backoff(attempt);
    }
  }
}

/**
 * The deadline, enforced by DynamoDB in the same transaction as the write: the edition has opened, its
 * deadline is later than the server's clock, it was not closed by hand and is not released. A request
 * that passed the handler's check a moment before the deadline still fails here if it lands after it.
 */
export function editionOpenCheck(editionId: string, now: string): TransactItem {
  return tx.check({
    Key: keys.edition(editionId),
    ConditionExpression: 'opensAt <= :now AND deadline > :now AND attribute_not_exists(closedAt) AND attribute_not_exists(releasedAt)',
    ExpressionAttributeValues: { ':now': now },
  });
}

/** The edition's results are not released yet (withdrawals, extensions). */
export function notReleasedCheck(editionId: string): TransactItem {
  return tx.check({ Key: keys.edition(editionId), ConditionExpression: 'attribute_not_exists(releasedAt)' });
}

/**
 * The same rule for an applicant with an extension: their own deadline is later than the server's clock,
 * and the edition is not released.
 */
export function extensionOpenChecks(editionId: string, sub: string, now: string): TransactItem[] {
  return [
    tx.check({ Key: keys.extension(editionId, sub), ConditionExpression: 'deadline > :now', ExpressionAttributeValues: { ':now': now } }),
    notReleasedCheck(editionId),
  ];
}

/** The deadline checks for a write by `sub`: through their extension when that is what keeps them in. */
export function deadlineChecks(editionId: string, now: string, viaExtensionOf?: string): TransactItem[] {
  return viaExtensionOf ? extensionOpenChecks(editionId, viaExtensionOf, now) : [editionOpenCheck(editionId, now)];
}

/** The edition is closed (by hand or by its deadline) and its results are not released. */
export function editionClosedCheck(editionId: string, now: string): TransactItem {
  return tx.check({
    Key: keys.edition(editionId),
    ConditionExpression: '(attribute_exists(closedAt) OR deadline <= :now) AND attribute_not_exists(releasedAt)',
    ExpressionAttributeValues: { ':now': now },
  });
}
