import { fieldsOf, patchedCase } from '#domain/case';
import { caseView } from '#shared/views/case';
import { AppError } from '#domain/errors';
import { readiness } from '#domain/rules';
import { replaceCase } from '#adapters/cases-repo';
import { caseFor } from '#shared/case-access';
import { gateFor, refusal } from '#shared/deadline';
import { httpHandler } from '#shared/handler';
import { attachmentsOf, stamp } from '#shared/receipts';
import { routes } from '#shared/routes';

const ATTEMPTS = 3;

/**
 * Primary course:
 * 1. Read the case: 404 unless the caller may see it, 403 unless they own it, 412 if If-Match names
 *    another version.
 * 2. Check that the edition (or the owner's extension) accepts edits now (409) and that the case is not withdrawn (409).
 * 3. Merge the patch. A submitted case must stay eligible (422 listing every problem) and gets a new receipt.
 * 4. Write it in one transaction, conditioned on the version read and on the deadline.
 *    A concurrent edit is a 412 with If-Match; without it, the merge is redone on the fresh case.
 */
export const handler = httpHandler(routes.patchCase, async ({ params, body, caller, ifMatch, now }) => {
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { record: current, edition, extension } = await caseFor(params.caseId, caller, 'edit');
    if (typeof ifMatch === 'number' && ifMatch !== current.version) {
      throw new AppError('precondition-failed', `The case is at version ${current.version}.`);
    }
    const gate = gateFor(edition, extension, now);
    if (current.status === 'withdrawn') throw new AppError('conflict', 'The case is withdrawn.');

    let next = patchedCase(current, body, now);
    if (next.status === 'submitted') {
      const r = readiness(fieldsOf(next), edition.rules, edition.timeZone, now);
      if (!r.ready) throw new AppError('not-eligible', 'A submitted case must stay eligible.', r.problems);
      next = stamp(next, await attachmentsOf(next.caseId), now);
    }

    const outcome = await replaceCase(next, current.version, gate.checks);
    if (outcome === 'ok') return { status: 200, body: caseView(next, edition, 'owner', now), version: next.version };
    if (outcome === 'gate-closed') throw await refusal(edition, now);
    if (typeof ifMatch === 'number') throw new AppError('precondition-failed', 'The case changed while you were editing it.');
  }
  throw new AppError('conflict', 'The case is being changed elsewhere; try again.');
});
