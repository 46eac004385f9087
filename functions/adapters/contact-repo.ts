/**
 * Confirming a case's contact address (domain/contact.ts): the code item of a case (CASE#<caseId> / CONTACTCODE)
 * and the confirmation on the case item.
 */
import type { CaseRecord } from '#domain/case';
import type { ContactCodeRecord } from '#domain/contact';
import { CONTACT_CODE_MAX_ATTEMPTS, CONTACT_CODES_PER_APPLICANT_PER_DAY } from '#domain/limits';
import type { MailRecord } from '#domain/mail';
import { applicantMailCount, mailPut } from './mail-repo.ts';
import { ENTITIES, keys, recordOf, TTL_ATTRIBUTE } from './table-design.ts';
import { transact } from './transact.ts';
import * as table from './table-io.ts';
import { conditionally, tx } from './table.ts';

export async function getContactCode(caseId: string): Promise<ContactCodeRecord | undefined> {
  const out = await table.get({ Key: keys.contactCode(caseId), ConsistentRead: true });
  return out.Item ? recordOf<ContactCodeRecord>(out.Item) : undefined;
}

/**
 * Replaces the case's code with a new one and queues the mail that carries it, if the code item is still the one
 * read (so two requests cannot both pass the per-case limits) and the applicant is under their daily cap. The item
 * expires (TTL) two days after the code was sent.
 */
export function issueContactCode(ownerId: string, code: ContactCodeRecord, previous: ContactCodeRecord | undefined, mail: MailRecord): Promise<'ok' | 'changed' | 'applicant-limit'> {
  const ttl = Math.floor(Date.parse(code.lastSentAt) / 1000) + 2 * 24 * 3600;
  return transact([
    {
      item: tx.put({
        Item: { ...keys.contactCode(code.caseId), type: ENTITIES.contactCode.type, ...code, [TTL_ATTRIBUTE]: ttl },
        ConditionExpression: previous ? 'lastSentAt = :prev' : 'attribute_not_exists(pk)',
        ...(previous ? { ExpressionAttributeValues: { ':prev': previous.lastSentAt } } : {}),
      }),
      onFail: 'changed' as const,
    },
    { item: applicantMailCount(ownerId, code.day, 'contactCodes', CONTACT_CODES_PER_APPLICANT_PER_DAY), onFail: 'applicant-limit' as const },
    { item: mailPut(mail) },
  ]);
}

/** Counts a wrong code against the code it was tried on (not against a newer one). */
export async function recordWrongCode(caseId: string, codeHash: string, now: Date): Promise<void> {
  await conditionally(table.update({
    Key: keys.contactCode(caseId),
    UpdateExpression: 'SET attempts = attempts + :one, updatedAt = :now',
    ConditionExpression: 'codeHash = :h',
    ExpressionAttributeValues: { ':one': 1, ':now': now.toISOString(), ':h': codeHash },
  }));
}

/**
 * Confirms the contact address: uses up the code (if it is still the one checked, with tries left) and marks the
 * case, if it is still at the version read with that contact address. The case's version moves on, since its
 * view changes (contactConfirmed); an owner's write read before this one is then a version mismatch, and cannot
 * put back a stale confirmation.
 */
export function confirmContact(c: CaseRecord, email: string, codeHash: string, now: Date): Promise<'ok' | 'case-changed' | 'code-changed'> {
  const t = now.toISOString();
  return transact([
    {
      item: tx.update({
        Key: keys.contactCode(c.caseId),
        UpdateExpression: 'SET confirmedAt = :now, updatedAt = :now REMOVE codeHash',
        ConditionExpression: 'codeHash = :h AND attempts < :max AND codeExpiresAt > :now',
        ExpressionAttributeValues: { ':h': codeHash, ':max': CONTACT_CODE_MAX_ATTEMPTS, ':now': t },
      }),
      onFail: 'code-changed' as const,
    },
    {
      item: tx.update({
        Key: keys.case(c.caseId),
        UpdateExpression: 'SET contactConfirmedEmail = :e, updatedAt = :now, #v = :next',
        ConditionExpression: '#v = :v AND #contact.#email = :e',
        ExpressionAttributeNames: { '#v': 'version', '#contact': 'contact', '#email': 'email' },
        ExpressionAttributeValues: { ':e': email, ':now': t, ':v': c.version, ':next': c.version + 1 },
      }),
      onFail: 'case-changed' as const,
    },
  ]);
}
