import { caseView } from '#shared/views/case';
import { checkContactCode, contactConfirmed } from '#domain/contact';
import { AppError } from '#domain/errors';
import { CONTACT_CODE_MAX_ATTEMPTS } from '#domain/limits';
import { confirmContact, getContactCode, recordWrongCode } from '#adapters/contact-repo';
import { caseFor } from '#shared/case-access';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

const codeProblem = (code: string, message: string) => new AppError('validation-failed', 'The code is not valid.', [{ path: 'code', code, message }]);

/**
 * Primary course:
 * 1. The caller owns the case (404 / 403). Already confirmed: the case as it is (confirming again changes nothing).
 * 2. The code is checked against the one sent to the case's current contact address: none outstanding, or locked
 *    after CONTACT_CODE_MAX_ATTEMPTS wrong ones, is a 409; expired or wrong a 400 (a wrong one is counted).
 * 3. One transaction uses up the code and marks the case confirmed, if neither changed since they were read.
 */
export const handler = httpHandler(routes.confirmContact, async ({ params, body, caller, now }) => {
  const { record, edition } = await caseFor(params.caseId, caller, 'own');
  if (contactConfirmed(record)) return { status: 200, body: caseView(record, edition, 'owner', now), version: record.version };
  const email = record.contact?.email;

  const code = await getContactCode(record.caseId);
  const check = checkContactCode(code, email, body.code, now);
  if (check === 'none') throw new AppError('conflict', 'No code is outstanding for the current contact address; ask for one (POST /cases/{caseId}/contact/verification).');
  if (check === 'locked') throw new AppError('conflict', `${CONTACT_CODE_MAX_ATTEMPTS} wrong codes were tried: this code is locked; ask for a new one.`);
  if (check === 'expired') throw codeProblem('code-expired', 'The code has expired; ask for a new one.');
  if (check === 'wrong') {
    await recordWrongCode(record.caseId, code!.codeHash!, now);
    const left = Math.max(0, CONTACT_CODE_MAX_ATTEMPTS - code!.attempts - 1);
    throw codeProblem('wrong-code', `That is not the code that was sent; ${left} ${left === 1 ? 'try' : 'tries'} left.`);
  }

  const outcome = await confirmContact(record, email!, code!.codeHash!, now);
  if (outcome === 'code-changed') throw new AppError('conflict', 'The code was used or replaced meanwhile; ask for a new one.');
  if (outcome === 'case-changed') throw new AppError('conflict', 'The case changed meanwhile; read it again and retry.');
  const confirmed = { ...record, contactConfirmedEmail: email!, updatedAt: now.toISOString(), version: record.version + 1 };
  return { status: 200, body: caseView(confirmed, edition, 'owner', now), version: confirmed.version };
});
