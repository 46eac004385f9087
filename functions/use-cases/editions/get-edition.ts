/**
 * Primary course:
 * 1. Read the edition; 404 when there is none.
 */
import type { EditionRecord } from '#domain/edition';
import { notFound } from '#domain/errors';
import type { Editions } from '../ports.ts';

export type GetEditionPorts = { editions: Pick<Editions, 'getEdition'> };

export async function getEdition(ports: GetEditionPorts, input: { editionId: string }): Promise<EditionRecord> {
  const edition = await ports.editions.getEdition(input.editionId);
  if (!edition) throw notFound('edition');
  return edition;
}
