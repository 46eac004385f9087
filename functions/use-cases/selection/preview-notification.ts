/**
 * Primary course:
 * 1. The edition and the case in it exist (404 otherwise); the caller does not own the case: the notice tells
 *    the decision, so its owner cannot preview it even as an organiser (403).
 * 2. The case is selected (409 otherwise): exactly what the workflow would send to its owner, the same template
 *    and the same data, in the owner's language (recipient-locale.ts) whatever the organiser's, or in `lang` when
 *    asked (the organisers read a notice in every language before sending); answered with it.
 */
import type { Caller } from '#domain/caller';
import { isSelectedCase } from '#domain/case';
import { AppError, notFound } from '#domain/errors';
import type { Locale } from '#domain/i18n/catalogues';
import type { MailMessage } from '#domain/mail';
import { selectionNotice } from '#domain/notification';
import { assertNotOwner } from '../case-access.ts';
import type { Cases, Editions } from '../ports.ts';
import { ownerLocale, type RecipientLocalePorts } from '../recipient-locale.ts';

export async function previewNotification(
  ports: RecipientLocalePorts & { editions: Pick<Editions, 'getEdition'>; cases: Pick<Cases, 'getCase'> },
  input: { editionId: string; caseId: string; caller: Caller; lang?: Locale | undefined },
): Promise<{ notice: MailMessage; locale: Locale }> {
  const [edition, c] = await Promise.all([ports.editions.getEdition(input.editionId), ports.cases.getCase(input.caseId)]);
  if (!edition) throw notFound('edition');
  if (!c || c.editionId !== input.editionId) throw notFound('case');
  assertNotOwner(c, input.caller);
  if (!isSelectedCase(c)) throw new AppError('conflict', 'detail.preview-not-selected');
  const locale = input.lang ?? (await ownerLocale(ports, c));
  return { notice: selectionNotice(locale, c, edition), locale };
}
