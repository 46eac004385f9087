import { CATEGORIES } from '#domain/categories';
import type { EditionRecord } from '#domain/edition';
import { editionStatus } from '#domain/rules';
import type { ResponseBody } from '../responses.ts';

export function editionView(e: EditionRecord, now: Date): ResponseBody<'Edition'> {
  return {
    editionId: e.editionId,
    name: e.name,
    status: editionStatus(e, now),
    opensAt: e.opensAt,
    deadline: e.deadline,
    timeZone: e.timeZone,
    materialsDeadline: e.materialsDeadline ?? null,
    categories: CATEGORIES.map((c) => ({ ...c })),
    rules: e.rules,
    contact: e.contact ?? null,
    version: e.version,
  };
}
