import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import * as transactions from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { caseView } from '#shared/views/case';
import { withdrawCase } from '#use-cases/cases/withdraw-case';

const ports = { cases, editions, reviews, transactions };

export const handler = httpHandler(routes.withdrawCase, async ({ params, caller, ifMatch, now }) => {
  const { record, edition } = await withdrawCase(ports, { caseId: params.caseId, caller, ifMatch, now });
  return { status: 200, body: caseView(record, edition, 'owner', now), version: record.version };
});
