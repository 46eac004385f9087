import { CATEGORIES, DEFAULT_RULES } from './categories.ts';
import { editionStatus } from './rules.ts';
import type { Edition, EditionInput, Rules } from './schemas.ts';

/** An edition as stored. */
export interface EditionRecord {
  editionId: string;
  name: string;
  opensAt: string;
  deadline: string;
  timeZone: string;
  materialsDeadline?: string | null;
  contact?: EditionInput['contact'];
  rules: Rules;
  closedAt?: string;
  releasedAt?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function newEdition(editionId: string, input: EditionInput, now: Date): EditionRecord {
  const t = now.toISOString();
  return { editionId, ...input, rules: { ...DEFAULT_RULES }, createdAt: t, updatedAt: t, version: 1 };
}

/** The organiser's new settings over the stored edition; what they do not set (rules, close, release) stays. */
export function updatedEdition(current: EditionRecord, input: EditionInput, now: Date): EditionRecord {
  const { materialsDeadline: _m, contact: _c, ...kept } = current;
  return { ...kept, ...input, updatedAt: now.toISOString(), version: current.version + 1 };
}

export function editionView(e: EditionRecord, now: Date): Edition {
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
