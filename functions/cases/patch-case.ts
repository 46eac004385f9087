import * as attachments from '#adapters/attachments-repo';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as reviews from '#adapters/reviews-repo';
import * as transactions from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { routes } from '#shared/routes';
import { caseView } from '#shared/views/case';
import { patchCase } from '#use-cases/cases/patch-case';

const ports = { attachments, cases, editions, reviews, transactions };

export const handler = httpHandler(routes.patchCase, async ({ params, body, caller, ifMatch, now }) => {
  const { record, edition } = await patchCase(ports, { caseId: params.caseId, caller, patch: body, ifMatch, now });
  return { status: 200, body: caseView(record, edition, 'owner', now), version: record.version };
});
