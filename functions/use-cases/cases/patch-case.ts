/**
 * Primary course:
 * 1. Read the case: 404 unless the caller may see it, 403 unless they own it, 412 if If-Match names
 *    another version.
 * 2. Check that the edition (or the owner's extension) accepts edits now (409) and that the case is not withdrawn (409).
 * 3. Merge the patch. A submitted case must stay eligible (422 listing every problem) and gets a new receipt.
 * 4. Write it in one transaction, conditioned on the version read and on the deadline.
 *    A concurrent edit is a 412 with If-Match; without it, the merge is redone on the fresh case.
 */
import { fieldsOf, patchedCase } from '#domain/case';
import type { CasePatch } from '#domain/case-input';
import type { Caller } from '#domain/caller';
import { assertVersion, changedMeanwhile, type IfMatch } from '#domain/concurrency';
import { AppError } from '#domain/errors';
import { readiness } from '#domain/rules';
import { stamp } from '#domain/submission';
import { caseFor, type CaseAccessPorts, type CaseInEdition } from '../case-access.ts';
import { gateFor, refusal, type GatePorts, type RefusalPorts } from '../deadline.ts';
import type { Attachments, Cases } from '../ports.ts';
import { attachmentsOf } from '../receipts.ts';

const ATTEMPTS = 3;

export type PatchCasePorts = CaseAccessPorts &
  GatePorts &
  RefusalPorts & { cases: Pick<Cases, 'replaceCase'>; attachments: Pick<Attachments, 'listAttachments'> };

export async function patchCase(
  ports: PatchCasePorts,
  input: { caseId: string; caller: Caller; patch: CasePatch; ifMatch: IfMatch; now: Date },
): Promise<CaseInEdition> {
  const { ifMatch, now } = input;
  for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
    const { record: current, edition, extension } = await caseFor(ports, input.caseId, input.caller, 'edit');
    assertVersion(ifMatch, current.version, 'case');
    const gate = gateFor(ports, edition, extension, now);
    if (current.status === 'withdrawn') throw new AppError('conflict', 'detail.case-withdrawn');

    let next = patchedCase(current, input.patch, now);
    if (next.status === 'submitted') {
      const r = readiness(fieldsOf(next), edition.rules, edition.timeZone, now);
      if (!r.ready) throw new AppError('not-eligible', 'detail.case-must-stay-eligible', r.problems);
      next = stamp(next, await attachmentsOf(ports, next.caseId), now);
    }

    const outcome = await ports.cases.replaceCase(next, current, gate.checks);
    if (outcome === 'ok') return { record: next, edition, extension };
    if (outcome === 'gate-closed') throw await refusal(ports, edition, now);
    if (typeof ifMatch === 'number') throw changedMeanwhile('case');
  }
  throw new AppError('conflict', 'detail.case-being-changed');
}
