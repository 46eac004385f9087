/**
 * Primary course:
 * 1. The caller owns the case (404 / 403). Already confirmed: the case as it is (confirming again changes nothing).
 * 2. The code is checked against the one sent to the case's current contact address: none outstanding, or locked
 *    after CONTACT_CODE_MAX_ATTEMPTS wrong ones, is a 409; expired or wrong a 400 (a wrong one is counted).
 * 3. One transaction uses up the code and marks the case confirmed, if neither changed since they were read.
 */
import type { Caller } from '#domain/caller';
import { checkContactCode, contactConfirmed } from '#domain/contact';
import { AppError } from '#domain/errors';
import type { Message } from '#domain/i18n/catalogues';
import { CONTACT_CODE_MAX_ATTEMPTS } from '#domain/limits';
import { caseFor, type CaseAccessPorts, type CaseInEdition } from '../case-access.ts';
import type { Contacts } from '../ports.ts';

export type ConfirmContactPorts = CaseAccessPorts & { contacts: Pick<Contacts, 'getContactCode' | 'recordWrongCode' | 'confirmContact'> };

const codeProblem = (code: string, message: Message) => new AppError('validation-failed', 'detail.code-invalid', [{ path: 'code', code, message }]);

export async function confirmContact(
  ports: ConfirmContactPorts,
  input: { caseId: string; caller: Caller; code: string; now: Date },
): Promise<CaseInEdition> {
  const { now } = input;
  const { record, edition, extension } = await caseFor(ports, input.caseId, input.caller, 'own');
  if (contactConfirmed(record)) return { record, edition, extension };
  const email = record.contact?.email;

  const code = await ports.contacts.getContactCode(record.caseId);
  const check = checkContactCode(code, email, input.code, now);
  if (check === 'none') throw new AppError('conflict', 'detail.no-code');
  if (check === 'locked') throw new AppError('conflict', { key: 'detail.code-locked', params: { max: CONTACT_CODE_MAX_ATTEMPTS } });
  if (check === 'expired') throw codeProblem('code-expired', { key: 'field.code-expired' });
  if (check === 'wrong') {
    await ports.contacts.recordWrongCode(record.caseId, code!.codeHash!, now);
    const left = Math.max(0, CONTACT_CODE_MAX_ATTEMPTS - code!.attempts - 1);
    throw codeProblem('wrong-code', { key: left === 1 ? 'field.wrong-code.one' : 'field.wrong-code.other', params: { left } });
  }

  const outcome = await ports.contacts.confirmContact(record, email!, code!.codeHash!, now);
  if (outcome === 'code-changed') throw new AppError('conflict', 'detail.code-replaced');
  if (outcome === 'case-changed') throw new AppError('conflict', 'detail.case-changed-retry');
  return { record: { ...record, contactConfirmedEmail: email!, updatedAt: now.toISOString(), version: record.version + 1 }, edition, extension };
}
