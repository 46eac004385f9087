/**
 * Per-stage settings, read from the `stages` key of cdk.json's context and checked once, loudly, before any
 * construct is built. `cdk deploy -c stage=prod` picks the prod block; nothing else differs between stages.
 */
import { readFileSync } from 'node:fs';
import { RemovalPolicy } from 'aws-cdk-lib';
import { RetentionDays } from 'aws-cdk-lib/aws-logs';
import * as z from 'zod';

export const STAGE_NAMES = ['dev', 'prod'] as const;
export type StageName = (typeof STAGE_NAMES)[number];

/** An origin as a browser sends it: scheme, host and port, no path and no trailing slash. */
const Origin = z.url().refine((value) => new URL(value).origin === value, {
  message: 'must be a bare origin such as https://cases.example.org (no path, no trailing slash)',
});

const RETENTION_DAYS = new Set<number>(Object.values(RetentionDays).filter((v): v is number => typeof v === 'number'));

export const StageSettings = z
  .object({
    /** destroy: stateful resources go with the stack (dev). retain: they stay, and the table gets deletion protection (prod). */
    removal: z.enum(['destroy', 'retain']),
    /** Browser origins allowed to call the API (CORS). */
    corsOrigins: z.array(Origin).min(1),
    /**
     * The address mails are sent from (lib/constructs/mail.ts). It, or its domain, must be a verified SES identity in
     * the stack's account and region; the stack does not create it.
     */
    sesSender: z.email(),
    /**
     * Who sends Cognito's sign-up and recovery mails: `cognito` (Cognito's own sender, capped at 50 mails a day, fine
     * for dev) or `ses` (sesSender, which must be a verified SES identity in the stack's region).
     */
    cognitoEmail: z.enum(['cognito', 'ses']),
    /** SES sending from the workflows (lib/constructs/workflow.ts). */
    ses: z
      .object({
        /**
         * The account's SES maximum send rate in this stage's region, in messages per second: 1 in the SES sandbox,
         * 14 when production access is first granted, more after a quota increase. It MUST match the account's actual
         * quota (`aws sesv2 get-account` → SendQuota.MaxSendRate): the notification workflow's Map sends this many
         * notices at once, each holding its slot for at least a second, so a higher value only buys throttling
         * (retried with backoff) and a lower one only slows the run down. At most 40, the concurrency of an inline Map.
         */
        maxSendRate: z.number().int().min(1, { message: 'must be at least 1 (0 would mean unlimited concurrency)' }).max(40, {
          message: 'must be at most 40, the most iterations an inline Map state runs at once',
        }),
      })
      .strict(),
    /** Where operational alarms go (used by the ops construct). */
    alarmEmail: z.email(),
    /** API Gateway stage throttling: steady requests per second and burst, for the whole stage. */
    apiThrottle: z.object({ rateLimit: z.number().positive(), burstLimit: z.number().int().positive() }).strict(),
    /**
     * WAF rate-based rule (lib/constructs/api.ts): requests per source IP address in a sliding 5-minute window; over
     * it, that address gets 429 answers until its rate drops below. It exists to stop one client (a script, a scraper,
     * a password-guessing loop) from taking the stage's capacity; the stage throttle (apiThrottle) caps everyone.
     *
     * Size it for the deadline rush, when the cost of a wrong block is highest: an applicant's upload flow is about
     * 10 API requests (create the attachment, list attachments while the verifier runs, read and save the case, submit;
     * the file itself goes to S3, not the API), so an applicant working through a case makes some 30 requests in five
     * minutes. Many applicants share one address: a university's NAT, a student residence, a mobile carrier's
     * carrier-grade NAT. Allowing for 100 applicants behind one address in the last hour, that is 100 x 30 = 3,000
     * requests per 5 minutes, so prod allows twice that (6,000, i.e. 20 requests per second sustained, 1% of prod's
     * stage rate): a whole university finishing at once is not blocked, while a script is stopped within minutes.
     * Dev allows 1,000: a few developers and test runs from one address, low enough to trip the rule on purpose.
     * WAF accepts 10 to 2,000,000,000.
     */
    wafRateLimit: z.number().int().min(10).max(2_000_000_000),
    /**
     * Retention in days of every log group of the stack: each function's, the API's access and execution logs, the
     * notification state machine's, and those of CDK's own deployment-time handlers. Must be a value CloudWatch Logs accepts.
     */
    logRetentionDays: z.number().int().refine((d) => RETENTION_DAYS.has(d), {
      message: `must be one of ${[...RETENTION_DAYS].sort((a, b) => a - b).join(', ')}`,
    }),
    /** The log level of every function (POWERTOOLS_LOG_LEVEL, read by functions/shared/logger.ts). */
    logLevel: z.enum(['DEBUG', 'INFO', 'WARN', 'ERROR']),
    /** The media bucket (lib/constructs/storage.ts). */
    media: z
      .object({
        /** Days its server access logs are kept in the log bucket. */
        accessLogDays: z.number().int().min(1),
        /** Days a deleted or overwritten file's old version is kept (to undo a mistake) before it is removed for good. */
        noncurrentVersionDays: z.number().int().min(1),
      })
      .strict(),
    /** The web app (lib/constructs/web.ts). */
    web: z
      .object({
        /**
         * The CloudFront edge locations that serve the app: PriceClass_100 (North America, Europe, Israel), PriceClass_200
         * (and Asia, the Middle East, Africa) or PriceClass_All (and South America, Oceania). Viewers elsewhere are served
         * from the nearest included location, only slower.
         */
        priceClass: z.enum(['PriceClass_100', 'PriceClass_200', 'PriceClass_All']),
        /** Days the distribution's access logs and the app bucket's server access logs are kept. */
        accessLogDays: z.number().int().min(1),
        /**
         * Origins of a developer's copy of the app (npm start, npm run dev) that may sign in to this stage's user pool:
         * Cognito accepts their /callback and / as redirects, besides the distribution's. Each must be in corsOrigins.
         */
        localOrigins: z.array(Origin),
      })
      .strict(),
  })
  .strict()
  .superRefine((settings, ctx) => {
    for (const [index, origin] of settings.web.localOrigins.entries()) {
      if (!settings.corsOrigins.includes(origin)) {
        ctx.addIssue({ code: 'custom', path: ['web', 'localOrigins', index], message: `${origin} must be in corsOrigins too, or the app there could not call the API` });
      }
    }
  });

export type StageSettings = z.infer<typeof StageSettings>;

/** destroy (dev): stateful resources go with the stack. retain (prod): they stay. */
export type Removal = StageSettings['removal'];

/** The removal policy of every stateful resource of a stage. */
export const removalPolicy = (removal: Removal): RemovalPolicy => (removal === 'retain' ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY);

export interface Stage {
  name: StageName;
  settings: StageSettings;
}

/** A stage that does not exist or settings that do not parse: a message for the person running cdk, not a bug. */
export class StageConfigError extends Error {
  override readonly name = 'StageConfigError';
}

const isStageName = (name: string): name is StageName => (STAGE_NAMES as readonly string[]).includes(name);

/** The named stage's settings from the `stages` context value. Throws with a message that says what to fix. */
export function resolveStage(name: unknown, stages: unknown): Stage {
  const stageName = name === undefined ? 'dev' : String(name);
  if (!isStageName(stageName)) {
    throw new StageConfigError(`Unknown stage "${stageName}". Use -c stage=${STAGE_NAMES.join(' or -c stage=')}.`);
  }
  if (typeof stages !== 'object' || stages === null || !(stageName in stages)) {
    throw new StageConfigError(`No settings for stage "${stageName}": add "stages": { "${stageName}": { ... } } to the context in cdk.json.`);
  }
  const parsed = StageSettings.safeParse((stages as Record<string, unknown>)[stageName]);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `  stages.${stageName}.${i.path.join('.')}: ${i.message}`).join('\n');
    throw new StageConfigError(`Invalid settings for stage "${stageName}" in cdk.json:\n${problems}`);
  }
  return { name: stageName, settings: parsed.data };
}

/** A stage's settings as cdk.json declares them: what the local environment reads for the stage it plays. */
export function stageFromCdkJson(name: StageName): Stage {
  const cdkJson = JSON.parse(readFileSync(new URL('../cdk.json', import.meta.url), 'utf8')) as { context?: { stages?: unknown } };
  return resolveStage(name, cdkJson.context?.stages);
}

/** The dev stage's corsOrigins: the only origins the local environment answers with CORS headers (lib/local). */
export const devCorsOrigins = (): string[] => stageFromCdkJson('dev').settings.corsOrigins;
