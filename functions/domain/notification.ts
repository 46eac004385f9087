/**
 * The selection notification: who gets it, what it says, and the records of a run and of each recipient.
 * The templates are here and nowhere else: the workflow sends them and the preview route shows them.
 */
import { isSelected, type CaseRecord } from './case.ts';
import type { EditionRecord } from './edition.ts';
import { recipients, type MailMessage } from './mail.ts';
import { formatInZone } from './receipt.ts';
import type { RecipientStatus, RunStatus, SelectedDecision } from './vocabulary.ts';

/** One selected case's owner, across runs: a recipient is sent to at most once, whichever run does it. */
export interface RecipientRecord {
  editionId: string;
  caseId: string;
  email: string;
  decision: SelectedDecision;
  status: RecipientStatus;
  attempts: number;
  /** The run that last claimed it. */
  runId: string;
  messageId?: string;
  lastError?: string;
  /**
   * Set when a send may have reached SES without us knowing (a timeout after the request left): never sent
   * again automatically; the SES send or delivery event settles it.
   */
  uncertain?: boolean;
  /** While sending: another claim may take it over only after this (a crashed sender's claim is uncertain). */
  claimExpiresAt?: string;
  updatedAt: string;
}

export interface RunCounts {
  total: number;
  sent: number;
  failed: number;
  skipped: number;
}

export interface RunRecord {
  editionId: string;
  runId: string;
  status: RunStatus;
  startedAt: string;
  startedBy: string;
  finishedAt?: string;
  error?: string;
  counts: RunCounts;
}

export const EMPTY_COUNTS: RunCounts = { total: 0, sent: 0, failed: 0, skipped: 0 };

/** The run id is also the Step Functions execution name: deterministic, so a repeated start cannot make two runs. */
export const runIdOf = (editionId: string, seq: number): string => `notify-${editionId}-${String(seq).padStart(4, '0')}`;

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** What the owner of a selected case receives: at their account address, the contact in copy only once confirmed (mail.ts, recipients). */
export function selectionNotice(c: CaseRecord, e: EditionRecord): MailMessage {
  if (!isSelected(c.decision)) throw new Error(`Case ${c.caseId} is not selected`);
  const title = c.title ?? '(untitled)';
  const contact = e.contact ? `${e.contact.name} <${e.contact.email}>${e.contact.phone ? `, ${e.contact.phone}` : ''}` : 'the organisers (reply to this e-mail)';
  const materials = e.materialsDeadline ? `${formatInZone(e.materialsDeadline, e.timeZone)} (${e.timeZone})` : null;
  const outstanding = c.decision === 'outstanding';
  const lines = outstanding
    ? [
        `Congratulations: the expert committee of ${e.name} selected your case "${title}" as an outstanding case.`,
        '',
        'Outstanding cases are presented at the summit. Please send your presentation materials (audio, video, graphics or documents)',
        materials ? `by ${materials}: sign in and add them to your case as presentation files.` : 'when the organisers announce the deadline: sign in and add them to your case as presentation files.',
        '',
        `Questions: ${contact}.`,
        `Case: ${c.caseId}`,
      ]
    : [
        `Congratulations: the expert committee of ${e.name} selected your case "${title}" for the case collection.`,
        '',
        'The collection is published with the results at the summit. Nothing more is needed from you now.',
        '',
        `Questions: ${contact}.`,
        `Case: ${c.caseId}`,
      ];
  const html = lines
    .filter((l, i, all) => l !== '' || all[i - 1] !== '')
    .map((l) => (l === '' ? '' : `<p>${esc(l).replace(esc(`"${title}"`), `<b>${esc(title)}</b>`)}</p>`))
    .join('');
  return {
    ...recipients(c),
    // Fixed wording and the case id: nothing the applicant typed goes into a header.
    subject: outstanding ? `Outstanding case: ${c.caseId}` : `Selected for the case collection: ${c.caseId}`,
    text: lines.join('\n'),
    html,
  };
}
