import * as attachments from '#adapters/attachments-repo';
import * as cases from '#adapters/cases-repo';
import * as editions from '#adapters/editions-repo';
import * as mails from '#adapters/mail-repo';
import * as mailer from '#adapters/mailer';
import * as reviews from '#adapters/reviews-repo';
import * as transactions from '#adapters/transact';
import { httpHandler } from '#shared/handler';
import { logger } from '#shared/logger';
import { BUSINESS_METRICS, count } from '#shared/metrics';
import { routes } from '#shared/routes';
import { caseView } from '#shared/views/case';
import { submitCase } from '#use-cases/cases/submit-case';

const ports = { attachments, cases, editions, mails, mailer, reviews, transactions, clock: () => new Date(), log: logger };

export const handler = httpHandler(routes.submitCase, async ({ params, caller, ifMatch, now }) => {
  const { record, edition } = await submitCase(ports, { caseId: params.caseId, caller, ifMatch, now });
  count(BUSINESS_METRICS.casesSubmitted);
  return { status: 200, body: caseView(record, edition, 'owner', now), version: record.version };
});
