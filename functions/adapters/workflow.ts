/**
 * Starting the notification workflow: a Step Functions StartExecution, named with the run id. On AWS the
 * stage's state machine; locally the same API served by the local environment (AWS_ENDPOINT_URL_SFN).
 */
import { ExecutionAlreadyExists, SFNClient, StartExecutionCommand } from '@aws-sdk/client-sfn';
import { loadEnv, required } from '#config/env';

const workflowEnv = loadEnv({ NOTIFY_STATE_MACHINE_ARN: required() });
const sfn = new SFNClient({});

export interface NotifyRunInput {
  editionId: string;
  runId: string;
  cursor: null;
  /** The starting request's correlation id: every task logs it. */
  correlationId: string;
}

/**
 * Starts the run's execution. The name is the run id, so a repeated start of the same run (a record delivered
 * again, the catch-up pass) is the same execution: Step Functions answers the running one for the same name and
 * input, or ExecutionAlreadyExists once the name was used, and never runs it twice. Either way it was started.
 */
export async function startNotifyExecution(input: NotifyRunInput): Promise<'started' | 'already-started'> {
  try {
    await sfn.send(new StartExecutionCommand({ stateMachineArn: workflowEnv.NOTIFY_STATE_MACHINE_ARN, name: input.runId, input: JSON.stringify(input) }));
    return 'started';
  } catch (err) {
    if (err instanceof ExecutionAlreadyExists) return 'already-started';
    throw err;
  }
}

/**
 * StartExecution's errors that no repeat of the same request can cure: no such state machine (or one being
 * deleted), or a request it finds invalid. Throttling, the KMS key, the open executions' limit, the network and the
 * service itself may pass.
 */
const REFUSED = new Set(['StateMachineDoesNotExist', 'StateMachineDeleting', 'InvalidArn', 'InvalidName', 'InvalidExecutionInput', 'ValidationException']);

/** Whether a failed start was refused for good (REFUSED) rather than worth another try. */
export const startRefused = (err: unknown): boolean => REFUSED.has(String((err as { name?: unknown } | null)?.name));
