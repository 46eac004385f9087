/**
 * The selection notification workflow: the one definition of the Step Functions state machine (Amazon States
 * Language, JSONPath). The CDK stack deploys it with the task functions' ARNs; the local environment runs it
 * with aws-local-stepfunctions, binding each task state (by name) to the same handler.
 *
 *   Page ──▶ Send (Map over the page's case ids, MaxConcurrency from the stage's SES rate)
 *    ▲          └─ SendOne ── retry MailThrottled / MailTransient with backoff and full jitter
 *    │                     └─ catch anything else ──▶ MarkFailed (recorded with the reason)
 *    └── NextPage ◀── More? ──▶ Finish (counts are on the run item; frees the edition for a new run)
 *   Any state that fails the run ──▶ RunFailed ──▶ Failed
 *
 * No state's payload grows with the number of cases: a page is at most NOTIFY_PAGE_SIZE ids, and the Map
 * discards its results (ResultPath null); the outcome of each recipient is in the table.
 */

/** The task states and the worker (workers.ts) each one invokes. */
export const NOTIFY_TASKS = {
  Page: 'pageSelected',
  SendOne: 'sendNotification',
  MarkFailed: 'markNotificationFailed',
  Finish: 'finishNotificationRun',
  RunFailed: 'finishNotificationRun',
} as const;
export type NotifyTaskState = keyof typeof NOTIFY_TASKS;
export type NotifyTaskWorker = (typeof NOTIFY_TASKS)[NotifyTaskState];

export interface NotifyWorkflowParams {
  /** Function name or ARN per worker. */
  functions: Record<NotifyTaskWorker, string>;
  /** Recipients sent at once: the stage's SES maximum send rate (per second), so a second of sends is one wave. */
  maxConcurrency: number;
}

/**
 * Cases per page: a whole number of waves of MaxConcurrency sends (about 1,000 ids, some 30 KB of payload), so
 * that no wave of the Map runs part-empty except the very last, and the pause between pages comes seldom.
 */
export const pageSizeFor = (maxConcurrency: number): number => maxConcurrency * Math.max(1, Math.floor(1000 / maxConcurrency));

/** Retries for the Lambda service itself (a throttled or restarted invoke), on every task. */
const LAMBDA_RETRY = {
  ErrorEquals: ['Lambda.ServiceException', 'Lambda.AWSLambdaException', 'Lambda.SdkClientException', 'Lambda.TooManyRequestsException'],
  IntervalSeconds: 1,
  MaxAttempts: 4,
  BackoffRate: 2,
  JitterStrategy: 'FULL',
};

/** SES throttling and transient errors: up to 8 attempts, 1 s doubling to at most 30 s, with full jitter. */
export const MAIL_RETRY = {
  ErrorEquals: ['MailThrottled', 'MailTransient'],
  IntervalSeconds: 1,
  MaxAttempts: 8,
  BackoffRate: 2,
  MaxDelaySeconds: 30,
  JitterStrategy: 'FULL',
};

const invoke = (functionName: string, payload: Record<string, string | number>) => ({
  Type: 'Task',
  Resource: 'arn:aws:states:::lambda:invoke',
  Parameters: { FunctionName: functionName, Payload: payload },
});

export function notifyWorkflowDefinition(p: NotifyWorkflowParams) {
  const fn = (state: NotifyTaskState) => p.functions[NOTIFY_TASKS[state]];
  // What every state passes on: the run, and the correlation id of the request that started it (for the logs).
  const run = { 'editionId.$': '$.editionId', 'runId.$': '$.runId', 'correlationId.$': '$.correlationId' };
  const failRun = { ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'RunFailed' };
  return {
    Comment: 'Selection notices: each selected owner exactly once (see functions/shared/notify-workflow.ts)',
    StartAt: 'Page',
    States: {
      Page: {
        ...invoke(fn('Page'), { ...run, 'cursor.$': '$.cursor', pageSize: pageSizeFor(p.maxConcurrency) }),
        ResultSelector: { 'caseIds.$': '$.Payload.caseIds', 'nextCursor.$': '$.Payload.nextCursor' },
        ResultPath: '$.page',
        Retry: [LAMBDA_RETRY],
        Catch: [failRun],
        Next: 'Send',
      },
      Send: {
        Type: 'Map',
        ItemsPath: '$.page.caseIds',
        ItemSelector: { ...run, 'caseId.$': '$$.Map.Item.Value' },
        MaxConcurrency: p.maxConcurrency,
        ItemProcessor: {
          ProcessorConfig: { Mode: 'INLINE' },
          StartAt: 'SendOne',
          States: {
            SendOne: {
              ...invoke(fn('SendOne'), { ...run, 'caseId.$': '$.caseId' }),
              ResultPath: null,
              Retry: [MAIL_RETRY, LAMBDA_RETRY],
              Catch: [{ ErrorEquals: ['States.ALL'], ResultPath: '$.error', Next: 'MarkFailed' }],
              End: true,
            },
            MarkFailed: {
              ...invoke(fn('MarkFailed'), { ...run, 'caseId.$': '$.caseId', 'error.$': '$.error' }),
              ResultPath: null,
              Retry: [LAMBDA_RETRY],
              End: true,
            },
          },
        },
        ResultPath: null,
        Catch: [failRun],
        Next: 'More',
      },
      More: {
        Type: 'Choice',
        Choices: [{ Variable: '$.page.nextCursor', IsString: true, Next: 'NextPage' }],
        Default: 'Finish',
      },
      NextPage: { Type: 'Pass', Parameters: { ...run, 'cursor.$': '$.page.nextCursor' }, Next: 'Page' },
      Finish: {
        ...invoke(fn('Finish'), { ...run, status: 'succeeded' }),
        ResultSelector: { 'run.$': '$.Payload' },
        Retry: [LAMBDA_RETRY],
        End: true,
      },
      RunFailed: {
        ...invoke(fn('RunFailed'), { ...run, status: 'failed', 'error.$': '$.error' }),
        Retry: [LAMBDA_RETRY],
        Next: 'Failed',
      },
      Failed: { Type: 'Fail', Error: 'NotificationRunFailed', Cause: 'A page or the fan-out failed; see the run record for the reason.' },
    },
  };
}
