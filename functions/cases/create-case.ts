import { newCase } from '#domain/case';
import { caseView } from '#shared/views/case';
import { AppError, notFound } from '#domain/errors';
import { MAX_CASES_PER_APPLICANT } from '#domain/limits';
import { ulid } from '#domain/ids';
import { createCase } from '#adapters/cases-repo';
import { getEditionFor } from '#adapters/editions-repo';
import { gateFor, refusal } from '#shared/deadline';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { BUSINESS_METRICS, count } from '#shared/metrics';

/**
 * Primary course:
 * 1. Read the edition and the caller's extension in one request (404 if no edition); check that it accepts
 *    drafts from this caller now (409 otherwise).
 * 2. Write the draft in one transaction conditioned on the same deadline, so it holds even for a request that
 *    raced past step 1.
 */
export const handler = httpHandler(routes.createCase, async ({ params, body, caller, now }) => {
  const { edition, extension } = await getEditionFor(params.editionId, caller.sub);
  if (!edition) throw notFound('The edition');
  const gate = gateFor(edition, extension, now);

  const record = newCase(ulid(now.getTime()), edition.editionId, caller, body, now);
  const outcome = await createCase(record, gate.checks);
  if (outcome === 'limit-reached') {
    throw new AppError('conflict', `An applicant can create at most ${MAX_CASES_PER_APPLICANT} cases in an edition; edit one of yours instead.`);
  }
  if (outcome !== 'ok') throw await refusal(edition, now);
  count(BUSINESS_METRICS.casesCreated);
  return { status: 201, body: caseView(record, edition, 'owner', now), version: record.version, headers: { location: `/cases/${record.caseId}` } };
});
