/**
 * Primary course:
 * 1. Read the edition and the caller's extension in one request (404 if no edition); check that it accepts
 *    drafts from this caller now (409 otherwise).
 * 2. Write the draft in one transaction conditioned on the same deadline, so it holds even for a request that
 *    raced past step 1.
 */
import { newCase, type CaseRecord } from '#domain/case';
import type { CaseFields } from '#domain/case-input';
import type { Caller } from '#domain/caller';
import type { EditionRecord } from '#domain/edition';
import { AppError, notFound } from '#domain/errors';
import { ulid } from '#domain/ids';
import { MAX_CASES_PER_APPLICANT } from '#domain/limits';
import { gateFor, refusal, type GatePorts, type RefusalPorts } from '../deadline.ts';
import type { Cases, Editions } from '../ports.ts';

export type CreateCasePorts = GatePorts & RefusalPorts & { cases: Pick<Cases, 'createCase'>; editions: Pick<Editions, 'getEditionFor'> };

export async function createCase(
  ports: CreateCasePorts,
  input: { editionId: string; caller: Caller; fields: CaseFields; now: Date },
): Promise<{ record: CaseRecord; edition: EditionRecord }> {
  const { caller, now } = input;
  const { edition, extension } = await ports.editions.getEditionFor(input.editionId, caller.sub);
  if (!edition) throw notFound('The edition');
  const gate = gateFor(ports, edition, extension, now);

  const record = newCase(ulid(now.getTime()), edition.editionId, caller, input.fields, now);
  const outcome = await ports.cases.createCase(record, gate.checks);
  if (outcome === 'limit-reached') {
    throw new AppError('conflict', `An applicant can create at most ${MAX_CASES_PER_APPLICANT} cases in an edition; edit one of yours instead.`);
  }
  if (outcome !== 'ok') throw await refusal(ports, edition, now);
  return { record, edition };
}
