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
  /** Who closed it: an organiser's sub, or 'schedule'. */
  closedBy?: string;
  releasedAt?: string;
  releasedBy?: string;
  createdAt: string;
  updatedAt: string;
  version: number;
}

export function newEdition(editionId: string, input: EditionInput, now: Date): EditionRecord {
  const t = now.toISOString();
  return { editionId, ...input, rules: { ...DEFAULT_RULES }, createdAt: t, updatedAt: t, version: 1 };
}

/**
 * The organiser's new settings over the stored edition; what they do not set (rules, close, release) stays.
 * A deadline moved into the future reopens an edition the schedule had closed; a manual close stays.
 */
export function updatedEdition(current: EditionRecord, input: EditionInput, now: Date): EditionRecord {
  const { materialsDeadline: _m, contact: _c, ...kept } = current;
  const next: EditionRecord = { ...kept, ...input, updatedAt: now.toISOString(), version: current.version + 1 };
  if (current.closedBy === SCHEDULE && input.deadline > now.toISOString()) {
    delete next.closedAt;
    delete next.closedBy;
  }
  return next;
}

/** Who closes an edition when its deadline passes. */
export const SCHEDULE = 'schedule';

/** An applicant's own later deadline. */
export interface ExtensionRecord {
  editionId: string;
  sub: string;
  deadline: string;
  reason: string;
  grantedBy: string;
  grantedAt: string;
}

/** What the audit trail records. */
export const AUDIT_ACTIONS = ['edition-closed', 'extension-granted', 'decision-recorded', 'notifications-started', 'results-released'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditRecord {
  editionId: string;
  at: string;
  action: AuditAction;
  by: string;
  subject: string;
  details: Record<string, string>;
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
