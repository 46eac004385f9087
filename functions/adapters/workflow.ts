/**
 * Starting the notification workflow: a Step Functions StartExecution, named with the run id. On AWS the
 * stage's state machine; locally the same API served by the local environment (AWS_ENDPOINT_URL_SFN).
 */
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import * as z from 'zod/mini';
import { loadEnv } from '#config/env';

const workflowEnv = loadEnv({ NOTIFY_STATE_MACHINE_ARN: z.string().check(z.minLength(1)) });
const sfn = new SFNClient({});

export interface NotifyRunInput {
  editionId: string;
  runId: string;
  cursor: null;
  /** The starting request's correlation id: every task logs it. */
  correlationId: string;
}

/**
 * Starts the run's execution. The name is the run id, so a repeated start of the same run (a retry after a
 * timeout) is the same execution: Step Functions answers the existing one, or ExecutionAlreadyExists when it
 * has finished, and never runs it twice.
 */
export async function startNotifyExecution(input: NotifyRunInput): Promise<string | undefined> {
  try {
    const out = await sfn.send(new StartExecutionCommand({ stateMachineArn: workflowEnv.NOTIFY_STATE_MACHINE_ARN, name: input.runId, input: JSON.stringify(input) }));
    return out.executionArn;
  } catch (err) {
    if (err instanceof ExecutionAlreadyExists) return undefined;
    throw err;
  }
}
