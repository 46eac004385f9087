/**
 * Primary course:
 * 1. Read the edition and the caller's extension in one request (404 if no edition); check that it accepts
 *    drafts from this caller now (409 otherwise).
 * 2. Write the draft in one transaction conditioned on the same deadline, so it holds even for a request that
 *    raced past step 1. The case is in the language the fields name, else the caller's (defaultLocale), which the
 *    same transaction records as the account's if it has none yet: a first case is often an account's first request.
 */
import { newCase } from '#domain/case';
import type { CaseFields } from '#domain/case-input';
import type { Caller } from '#domain/caller';
import { AppError, notFound } from '#domain/errors';
import type { Locale } from '#domain/i18n/catalogues';
import { ulid } from '#domain/ids';
import { defaultLocale } from '#domain/preferences';
import { MAX_CASES_PER_APPLICANT } from '#domain/limits';
import { gateFor, refusal, type GatePorts, type RefusalPorts } from '../deadline.ts';
import type { Cases, Editions, Preferences } from '../ports.ts';
import type { CaseInEdition } from '../case-access.ts';

export type CreateCasePorts = GatePorts & RefusalPorts & {
  cases: Pick<Cases, 'createCase'>;
  editions: Pick<Editions, 'getEditionFor'>;
  preferences: Pick<Preferences, 'firstLocaleItem'>;
};

export async function createCase(
  ports: CreateCasePorts,
  /** locale: the request's language (Accept-Language). */
  input: { editionId: string; caller: Caller; fields: CaseFields; locale: Locale; now: Date },
): Promise<CaseInEdition> {
  const { caller, now } = input;
  const { edition, extension } = await ports.editions.getEditionFor(input.editionId, caller.sub);
  if (!edition) throw notFound('edition');
  const gate = gateFor(ports, edition, extension, now);

  const locale = defaultLocale(caller, input.locale);
  const record = newCase(ulid(now.getTime()), edition.editionId, caller, input.fields, locale, now);
  const outcome = await ports.cases.createCase(record, gate.checks, [ports.preferences.firstLocaleItem(caller.sub, locale, now)]);
  if (outcome === 'limit-reached') {
    throw new AppError('conflict', { key: 'detail.cases-per-applicant', params: { max: MAX_CASES_PER_APPLICANT } });
  }
  if (outcome !== 'ok') throw await refusal(ports, edition, now);
  return { record, edition, extension };
}
