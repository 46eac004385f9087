/**
 * Primary course:
 * 1. The edition exists (404).
 * 2. A page of its trail, newest first, and whether its whole chain holds (every entry, not just this page).
 */
import type { AuditEntry } from '#domain/edition';
import type { AuditTrail, Editions } from '../ports.ts';
import { getEdition } from './get-edition.ts';

export type ListAuditPorts = { editions: Pick<Editions, 'getEdition'>; audit: Pick<AuditTrail, 'listAudit' | 'auditChainValid'> };

export async function listAudit(
  ports: ListAuditPorts,
  input: { editionId: string; limit: number; cursor?: string | undefined },
): Promise<{ items: AuditEntry[]; nextCursor: string | null; chainValid: boolean }> {
  await getEdition(ports, input);
  const [page, chainValid] = await Promise.all([ports.audit.listAudit(input.editionId, input.limit, input.cursor), ports.audit.auditChainValid(input.editionId)]);
  return { items: page.items, nextCursor: page.nextCursor, chainValid };
}
