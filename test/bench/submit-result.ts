/**
 * What submit.ts reports (one JSON line on stdout, after SUBMIT_RESULT_PREFIX) and how run.ts prints it.
 * No imports of the functions here: run.ts loads this without setting up any environment.
 */
import { fixed, median, table } from './stats.ts';

export const SUBMIT_RESULT_PREFIX = 'SUBMIT_RESULT ';

/** The three loops timed in every round, with the same pool of requests in flight. */
export const LOOPS = ['submit', 'bareCalls', 'bareTx'] as const;
export type Loop = (typeof LOOPS)[number];

export interface LoopRound {
  /** Requests in the loop. */
  n: number;
  /** Completed requests per second while the pool was full (see submit.ts, `pool`). */
  rate: number;
  p50: number;
  p99: number;
}

/** One DynamoDB request of a submit, with what it consumed, per submit (averaged over the capacity pass). */
export interface CapacityRow {
  /** GetItem, TransactWriteItems... */
  op: string;
  /** What it touches, derived from its input: `CASE`, `ConditionCheck EDITION + Update CASE + Put MAIL`... */
  target: string;
  kind: 'read' | 'write' | 'transaction';
  /** CapacityUnits as DynamoDB Local returned them (ReturnConsumedCapacity INDEXES): table + indexes. */
  units: number;
  table: number;
  indexes: Record<string, number>;
}

/**
 * Issue 14's "before": the submit as it was at commit 9ca7ac6 (Get case, BatchGet edition + extension, Query
 * attachments, Get confirmation slot, the transaction, then the mail's claim, the case and edition read again to
 * render it, SES, and the mail recorded sent), measured by this bench on this machine at that commit (2026-12-07,
 * `npm run bench -- --only-submit`, 32 in flight). Printed next to this run's figures; it cannot be re-measured
 * without that code, so its latency is also given against the bare transaction of its own run.
 */
export const BEFORE_ISSUE_14 = {
  commit: '9ca7ac6',
  requests: 'GetItem+BatchGetItem+Query+GetItem+TransactWriteItems+UpdateItem+GetItem×2+UpdateItem',
  roundTrips: 9,
  mailsInRequest: 1,
  units: 39.5,
  wcu: 34,
  rcu: 5.5,
  p50: 826,
  p99: 1334,
  bareTxP50: 316,
} as const;

/** Issue 14's targets for the request path of a submit. */
export const SUBMIT_TARGETS = { roundTrips: 3, units: 20, mailsInRequest: 0 } as const;

export interface SubmitResult {
  inFlight: number;
  submits: number;
  rounds: number;
  warmup: number;
  dynamoLocal: string;
  /** The requests one submit makes, in order: Get+BatchGet+Query+TransactWrite+Update×2. */
  calls: string;
  loops: Record<Loop, LoopRound[]>;
  /** Transactions cancelled by a conflict (and retried) during the measured rounds, per loop. */
  conflicts: Record<Loop, number>;
  /** Submits measured for capacity (the warm-up). */
  capacitySubmits: number;
  capacity: CapacityRow[];
  /** The deadline ConditionCheck sent alone in a transaction: what DynamoDB Local charges for it. */
  conditionCheckUnits: number;
  /** Item sizes by DynamoDB's rules (bytes): the edition, a draft case, the submitted case, its long texts, the mail record. */
  sizes: { edition: number; draft: number; submitted: number; text: number; mail: number };
  /** Mails the first submit sent before it answered (files in the local outbox when the handler returned). */
  mailsInRequest: number;
  /** What was verified at the end. */
  verified: string;
}

const KB = 1024;
const ceilDiv = (bytes: number, unit: number) => Math.max(1, Math.ceil(bytes / unit));
const sum = (xs: number[]) => xs.reduce((a, x) => a + x, 0);
const int = (v: number) => Math.round(v).toLocaleString('en');

/** The submit section of the report. */
export function submitReport(r: SubmitResult): string {
  const out: string[] = [];
  const mid = (loop: Loop, key: 'rate' | 'p50' | 'p99') => median(r.loops[loop].map((x) => x[key]));
  /** submit ÷ loop within each round (the two ran back to back), median over the rounds. */
  const ratio = (loop: Loop) => median(r.loops.submit.map((x, i) => x.rate / (r.loops[loop][i]?.rate ?? Number.NaN)));
  const labels: Record<Loop, string> = {
    submit: `submit: the handler (${r.calls})`,
    bareCalls: 'bare: the same requests, no handler',
    bareTx: 'bare: its TransactWriteItems alone',
  };
  out.push(`\n## Submit: POST /cases/{caseId}/submit against ${r.dynamoLocal}, ${r.inFlight} in flight\n`);
  out.push(
    `${r.warmup} warm-up submits (metered for capacity), a warm-up round, then ${r.rounds} rounds: each times the three loops, ${r.submits} requests each, order rotated.` +
      `\nEvery request has its own draft case and owner. req/s: completions while all ${r.inFlight} were in flight, median of the rounds (each round in brackets).\n`,
  );
  out.push(
    table(
      ['loop', 'req/s', 'rounds', 'p50 ms', 'p99 ms', 'submit ÷ loop', 'conflicts'],
      LOOPS.map((loop) => [
        labels[loop],
        fixed(mid(loop, 'rate'), 0),
        `(${r.loops[loop].map((x) => fixed(x.rate, 0)).join(', ')})`,
        fixed(mid(loop, 'p50'), 0),
        fixed(mid(loop, 'p99'), 0),
        loop === 'submit' ? '' : fixed(ratio(loop), 2),
        String(r.conflicts[loop]),
      ]),
    ),
  );
  out.push(
    `\nsubmit ÷ loop is taken within each round (median of the rounds). Against the bare same requests it is what the handler's own work leaves of` +
      `\nDynamoDB Local's throughput (1.00: it costs nothing); against the transaction alone, submits per second next to what DynamoDB Local sustains` +
      `\nfor the submit's one write. DynamoDB Local (Java) and the handler share the machine's cores: absolute figures say little about AWS.` +
      `\nconflicts: transactions cancelled with TransactionConflict and retried (transact.ts for the handler, the same backoff for bare).`,
  );

  const of = (kind: CapacityRow['kind']) => r.capacity.filter((c) => c.kind === kind);
  const reads = sum(of('read').map((c) => c.units));
  const tx = sum(of('transaction').map((c) => c.units));
  const writes = sum(of('write').map((c) => c.units));
  const txWrite = tx - r.conditionCheckUnits;
  const rcu = reads + r.conditionCheckUnits;
  const wcu = writes + txWrite;
  const indexNames = [...new Set(r.capacity.flatMap((c) => Object.keys(c.indexes)))].sort();
  const indexWcu = sum([...of('transaction'), ...of('write')].flatMap((c) => Object.values(c.indexes)));
  const b = BEFORE_ISSUE_14;
  const t = SUBMIT_TARGETS;
  const now = { roundTrips: r.capacity.length, units: reads + tx + writes, wcu, rcu, mails: r.mailsInRequest };
  const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
  out.push(`\n### The request path of a submit, before and after (issue 14, goal 3)\n`);
  out.push(
    table(
      ['', 'sequential DynamoDB round trips', 'capacity units', 'WCU', 'RCU', 'mails sent in the request', 'p50 ms', 'p99 ms', 'p50 ÷ bare transaction'],
      [
        [`before (commit ${b.commit}, recorded)`, String(b.roundTrips), fixed(b.units, 1), fixed(b.wcu, 1), fixed(b.rcu, 1), String(b.mailsInRequest), String(b.p50), String(b.p99), fixed(b.p50 / b.bareTxP50, 2)],
        ['after (this run)', String(now.roundTrips), fixed(now.units, 1), fixed(now.wcu, 1), fixed(now.rcu, 1), String(now.mails), fixed(mid('submit', 'p50'), 0), fixed(mid('submit', 'p99'), 0), fixed(mid('submit', 'p50') / mid('bareTx', 'p50'), 2)],
        ['target', `≤ ${t.roundTrips}`, `≤ ${t.units}`, '', '', String(t.mailsInRequest), '', '', ''],
        ['', verdict(now.roundTrips <= t.roundTrips), verdict(now.units <= t.units), '', '', verdict(now.mails <= t.mailsInRequest), '', '', ''],
      ],
    ),
  );
  out.push(
    `Before: ${b.requests} and one SES call. After: ${r.calls}; the confirmation is sent from the table's stream after the answer.` +
      `\nLatency at ${r.inFlight} in flight; the same-run baseline is the bare transaction's p50 (the before figures: the same, in their own run).`,
  );
  out.push(`\n### Consumed capacity per submit, as DynamoDB Local reports it (ReturnConsumedCapacity INDEXES), mean of ${r.capacitySubmits} submits\n`);
  out.push(
    table(
      ['request: what it touches', 'units', 'table', ...indexNames, 'counted as'],
      [
        ...r.capacity.map((c) => [
          `${c.op}: ${c.target}`,
          fixed(c.units, 1),
          fixed(c.table, 1),
          ...indexNames.map((i) => fixed(c.indexes[i] ?? 0, 1)),
          c.kind === 'read' ? 'RCU' : c.kind === 'write' ? 'WCU' : 'WCU + RCU *',
        ]),
        ['per submit', fixed(reads + tx + writes, 1), fixed(sum(r.capacity.map((c) => c.table)), 1), ...indexNames.map((i) => fixed(sum(r.capacity.map((c) => c.indexes[i] ?? 0)), 1)), ''],
      ],
    ),
  );
  out.push(`* of which ${fixed(r.conditionCheckUnits, 1)} RCU for the ConditionCheck: what a transaction of the check alone consumes.`);
  const s = r.sizes;
  const rules = { cc: 2 * ceilDiv(s.edition, 4 * KB), tx: 2 * (ceilDiv(Math.max(s.draft, s.submitted), KB) + (s.mail ? ceilDiv(s.mail, KB) : 0)) };
  const localTable = sum(of('transaction').map((c) => c.table));
  const txIndexes = [...new Set(of('transaction').flatMap((c) => Object.keys(c.indexes).filter((i) => (c.indexes[i] ?? 0) > 0)))].sort();
  out.push(
    `\nPer submit: ${fixed(wcu, 1)} WCU (TransactWriteItems ${fixed(txWrite, 1)}, UpdateItems ${fixed(writes, 1)}; ${fixed(indexWcu, 1)} of it in the indexes)` +
      ` and ${fixed(rcu, 1)} RCU (reads ${fixed(reads, 1)}, eventually consistent; ConditionCheck ${fixed(r.conditionCheckUnits, 1)}, transactional).` +
      `\nItem sizes by DynamoDB's rules: edition ${s.edition} B, draft case ${s.draft} B, submitted case ${s.submitted} B (its long texts, not rewritten by a submit: ${s.text} B), mail ${s.mail} B. AWS's rules give the` +
      `\ntransaction's table share as 2 × ⌈${s.edition} B / 4 KB⌉ = ${rules.cc} RCU for the check and 2 × (⌈${Math.max(s.draft, s.submitted)} B / 1 KB⌉ + ⌈${s.mail} B / 1 KB⌉) = ${rules.tx} WCU` +
      ` for the writes (the case, the mail): ${rules.cc + rules.tx}, ${localTable === rules.cc + rules.tx ? 'as DynamoDB Local reports' : `DynamoDB Local reports ${fixed(localTable, 1)}`}.` +
      `\nWrites are charged per started KB; the case item a submit rewrites holds no long texts, so its cost does not grow with them (indexes written: ${txIndexes.join(', ') || 'none'}).`,
  );
  const at = (perSecond: number) => `${int(perSecond)} submits/s need ≈ ${int(perSecond * wcu)} WCU/s and ${int(perSecond * rcu)} RCU/s`;
  out.push(
    `\nAt the deadline rush: ${at(100)}; ${at(1000)} (on demand: the same numbers of write and read request units).` +
      `\nEvery submit's ConditionCheck reads the one edition item (${fixed(r.conditionCheckUnits, 1)} RCU); one partition serves at most 3,000 RCU/s, so that item caps` +
      ` the edition at about ${r.conditionCheckUnits > 0 ? int(3000 / r.conditionCheckUnits) : '-'}` +
      `\nchecked writes per second (submits, creates, edits, uploads together) whatever the table's capacity; on AWS concurrent transactions that include` +
      `\nthe same item are also cancelled with TransactionConflict (transact.ts retries them), which lowers that ceiling.` +
      `\n${r.verified}`,
  );
  return out.join('\n');
}
