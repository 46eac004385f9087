/**
 * What notify.ts reports (one JSON line on stdout, after NOTIFY_RESULT_PREFIX) and how run.ts prints it.
 * No imports of the functions here: run.ts loads this without setting up any environment.
 */
import { fixed, table } from './stats.ts';

export const NOTIFY_RESULT_PREFIX = 'NOTIFY_RESULT ';

/** The achieved rate that counts as keeping up with SES: at least this fraction of R. */
export const RATE_TARGET = 0.9;

/** What one sending loop (the workflow's run, or the baseline's paced loop) got through the SES stand-in. */
export interface Sending {
  /** Messages the stand-in accepted. */
  accepted: number;
  /** SendEmail calls it received for them, accepted or not. */
  attempts: number;
  /** ms from the start (the POST for the workflow, the loop's first send for the baseline) to the last accepted message. */
  toLastMs: number;
  /** ms between the first and the last accepted message. */
  spanMs: number;
  /** Messages a second: the least-squares slope of the accepted messages over time (notify.ts, `slope`). */
  slopeRate: number;
}

export interface NotifyResult {
  dynamoLocal: string;
  /** Selected cases of the edition: the recipients. */
  cases: number;
  outstanding: number;
  /** R: the stand-in's send rate, the Map's MaxConcurrency (LOCAL_SES_RATE). */
  rate: number;
  /** The stack's largest allowed rate (an inline Map's concurrency), for the note when R is above it. */
  stackMaxRate: number;
  paceMs: number;
  pageSize: number;
  /** The unmeasured run first, on another edition. */
  warmupCases: number;
  seedMs: number;
  runId: string;
  workflow: Sending & {
    /** ms from the start to the execution's end (idle). */
    toIdleMs: number;
    executionStatus: string;
    /** Addresses with more than one accepted selection notice, and the notices past the first. */
    duplicateAddresses: number;
    duplicateNotices: number;
    /** Selected cases without an accepted notice, or whose recipient is not `sent`. */
    lost: number;
    /** Accepted notices that do not match their case (another address, another decision, a case not selected). */
    mismatched: number;
    /** Recipients by status, as the table holds them after the run. */
    recipients: Record<string, number>;
    /** Claims of recipients (their `attempts`), summed: one per send, plus one per retry after a throttle. */
    claims: number;
    /** Per page of the run: its first and last accepted message, ms after the start. */
    pages: { firstMs: number; lastMs: number }[];
  };
  /** The machine's 1-minute load average just before the run and at its end, and its cores. */
  load: { before: number; after: number; cores: number };
  /** The run as GET /editions/{editionId}/notifications shows it. */
  listed: { status: string; counts: Record<string, number> };
  baseline: Sending;
  /** Why the run failed the bench (duplicates, lost...); empty when it passed. */
  failures: string[];
  verified: string;
}

const int = (v: number) => Math.round(v).toLocaleString('en');
const seconds = (ms: number) => `${fixed(ms / 1000, 2)} s`;

/** accepted / (last − first), the figure issue 6 asks for. */
export const plainRate = (s: Sending) => (s.accepted * 1000) / s.spanMs;

/** The notification section of the report. */
export function notifyReport(r: NotifyResult): string {
  const out: string[] = [];
  const w = r.workflow;
  const b = r.baseline;
  const R = r.rate;
  const waves = Math.ceil(r.cases / R);
  out.push(`\n## Notifications: ${int(r.cases)} selection notices through the local workflow, the SES stand-in limited to R = ${R}/s\n`);
  out.push(
    `One closed edition, ${int(r.cases)} submitted cases decided outstanding (${int(r.outstanding)}) or collection (${int(r.cases - r.outstanding)}), items from cases-repo's` +
      `\ncaseItems written with BatchWriteItem in ${fixed(r.seedMs / 1000, 1)} s, against ${r.dynamoLocal}. The real startNotifications handler records ${r.runId}` +
      `\nand the table's stream (lib/local/streams.ts) hands it to startNotificationRun, which starts the execution;` +
      `\nthe state machine (functions/shared/notify-workflow.ts) runs in aws-local-stepfunctions with its tasks bound to the real handlers; the` +
      `\nproduction mailer (MAIL_TRANSPORT=ses, SES's client) sends to the SES stand-in (lib/local/ses.ts: a token bucket of R a second, Throttling above).` +
      `\nMap MaxConcurrency = R (LOCAL_SES_RATE), NOTIFY_PACE_MS ${r.paceMs}, pages of ${r.pageSize} (${w.pages.length}); retries as the definition has them (1 s doubling,` +
      `\nfull jitter). An unmeasured run of ${int(r.warmupCases)} recipients on another edition came first (DynamoDB Local's JVM, the handlers' imports).` +
      `\nBaseline, same run: the same SES client (the mailer) sending the same ${int(r.cases)} notices from a loop paced at R (message i at i/R s), no workflow.\n`,
  );
  const rate = (v: number) => `${fixed(v, 1)}/s = ${fixed(v / R, 2)} R`;
  out.push(
    table(
      ['', 'workflow', 'baseline: paced loop', 'workflow ÷ baseline'],
      [
        ['accepted', int(w.accepted), int(b.accepted), ''],
        ['wall: start → last accepted', seconds(w.toLastMs), seconds(b.toLastMs), fixed(w.toLastMs / b.toLastMs, 2)],
        ['start → first accepted', seconds(w.toLastMs - w.spanMs), seconds(b.toLastMs - b.spanMs), ''],
        ['first → last accepted', seconds(w.spanMs), seconds(b.spanMs), fixed(w.spanMs / b.spanMs, 2)],
        ['rate: accepted / (last − first)', rate(plainRate(w)), rate(plainRate(b)), fixed(plainRate(w) / plainRate(b), 2)],
        ['rate: least-squares slope', rate(w.slopeRate), rate(b.slopeRate), fixed(w.slopeRate / b.slopeRate, 2)],
        ['throttles (attempts − accepted)', int(w.attempts - w.accepted), int(b.attempts - b.accepted), ''],
        ['duplicates (addresses with > 1 notice)', int(w.duplicateAddresses), '-', ''],
        ['lost (no notice, or recipient not sent)', int(w.lost), '-', ''],
      ],
    ),
  );
  const counts = Object.entries(r.listed.counts).map(([k, v]) => `${k} ${int(v)}`).join(', ');
  const recipients = Object.entries(w.recipients).map(([k, v]) => `${k} ${int(v)}`).join(', ');
  const within = w.pages.map((p) => seconds(p.lastMs - p.firstMs)).join(', ');
  const between = w.pages.slice(1).map((p, k) => seconds(p.firstMs - w.pages[k]!.lastMs)).join(', ');
  const ideal = (Math.min(r.pageSize, r.cases) / R - 1).toFixed(0);
  out.push(
    `\nGET /editions/{editionId}/notifications: run ${r.runId} ${r.listed.status}, counts ${counts}. Recipients in the table: ${recipients || 'none'};` +
      ` claims ${int(w.claims)}.` +
      `\nThe execution ended ${w.executionStatus} ${seconds(w.toIdleMs)} after the start (the last sends hold their slot ${r.paceMs} ms, then Finish).` +
      ` Load average (1 min) before and after the run: ${fixed(r.load.before, 1)}, ${fixed(r.load.after, 1)} on ${r.load.cores} cores.` +
      `\nBy page, first → last accepted: ${within} (${ideal} s if each wave of R followed the last by exactly the pace)` +
      (between ? `;\nlast of a page → first of the next: ${between} (the Map waits for the page's slowest send and its pace, then Page runs).` : '.') +
      `\nThe sends go out in about ${int(waves)} waves of R (MaxConcurrency), the first as a burst (the stand-in's bucket, like SES, holds a second of sends),` +
      `\nso accepted / (last − first) counts ${int(waves)} waves over ${int(waves - 1)} intervals and reads up to R × ${waves}/${waves - 1} for a sender that keeps SES busy;` +
      `\nthe least-squares slope of the count over time reads R for that sender as for the paced loop.` +
      (R > r.stackMaxRate ? `\nNote: R = ${R} is above what the stack deploys (maxSendRate at most ${r.stackMaxRate}, an inline Map's concurrency; lib/stage-config.ts).` : ''),
  );
  const achieved = Math.min(plainRate(w), w.slopeRate) / R;
  out.push(
    `Targets: rate ≥ ${RATE_TARGET} R (the lower of the two): ${achieved >= RATE_TARGET ? 'met' : 'MISSED'} (${fixed(achieved, 2)} R);` +
      ` duplicates ${int(w.duplicateAddresses)} and lost ${int(w.lost)} (target 0): ${w.duplicateAddresses === 0 && w.lost === 0 ? 'met' : 'MISSED'}.`,
  );
  if (r.failures.length) out.push(`FAILED: ${r.failures.join('; ')}`);
  else out.push(r.verified);
  return out.join('\n');
}
