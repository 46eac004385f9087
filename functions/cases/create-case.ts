import { caseView, newCase } from '#domain/case';
import { notFound } from '#domain/errors';
import { ulid } from '#domain/ids';
import { assertAccepting, gateRefusal } from '#domain/rules';
import { createCase } from '#adapters/cases-repo';
import { getEdition } from '#adapters/editions-repo';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';

/**
 * Primary course:
 * 1. Read the edition (404 if unknown) and check that it accepts drafts now (409 otherwise).
 * 2. Write the draft in one transaction with a condition on the edition's dates, so the deadline holds
 *    even for a request that raced past step 1.
 */
export const handler = httpHandler(routes.createCase, async ({ params, body, caller, now }) => {
  const edition = await getEdition(params.editionId);
  if (!edition) throw notFound('The edition');
  assertAccepting(edition, now);

  const record = newCase(ulid(now.getTime()), edition.editionId, caller, body, now);
  if ((await createCase(record, now.toISOString())) !== 'ok') {
    throw gateRefusal((await getEdition(edition.editionId)) ?? edition, now);
  }
  return { status: 201, body: caseView(record, edition, 'owner', now), version: record.version, headers: { location: `/cases/${record.caseId}` } };
});
