/**
 * The notification workflow, locally: the Step Functions API calls the functions make (StartExecution,
 * DescribeExecution; AWS JSON 1.0, what @aws-sdk/client-sfn speaks), served on a free port, running the
 * state machine definition of functions/shared/notify-workflow.ts with aws-local-stepfunctions. Each task
 * state is bound, by name, to the same worker handler the stack deploys.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { StateMachine, type StateMachineDefinition } from 'aws-local-stepfunctions';
import { NOTIFY_TASKS, notifyWorkflowDefinition, type NotifyTaskState, type NotifyTaskWorker } from '../../functions/shared/notify-workflow.ts';
import { listen, LOOPBACK, reachableHost } from './server.ts';

export const LOCAL_NOTIFY_ARN = 'arn:aws:states:local:000000000000:stateMachine:notify';

export interface Execution {
  name: string;
  input: string;
  status: 'RUNNING' | 'SUCCEEDED' | 'FAILED';
  startDate: number;
  stopDate?: number;
  output?: string;
  error?: string;
  done: Promise<void>;
}

export interface LocalStepFunctions {
  endpoint: string;
  stateMachineArn: string;
  executions: Map<string, Execution>;
  /** Resolves once every execution started so far has ended. */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export interface LocalStepFunctionsOptions {
  /** The Map's MaxConcurrency: the SES send rate this environment stands for. */
  maxConcurrency: number;
  /** The worker handler for each task (by worker name, as in functions/shared/workers.ts). */
  load: (worker: NotifyTaskWorker) => Promise<(payload: unknown) => Promise<unknown>>;
  /** Fixed wait between retries, in milliseconds, instead of the definition's backoff (tests). */
  retryIntervalMs?: number;
  log?: (line: string) => void;
  /** The address to listen on (127.0.0.1 by default). */
  host?: string;
}

const lambdaArn = (name: string) => `arn:aws:lambda:local:000000000000:function:${name}`;

function awsError(res: ServerResponse, status: number, type: string, message: string) {
  res.writeHead(status, { 'content-type': 'application/x-amz-json-1.0' });
  res.end(JSON.stringify({ __type: type, message }));
}

export async function startLocalStepFunctions(opts: LocalStepFunctionsOptions): Promise<LocalStepFunctions> {
  const functions = Object.fromEntries(Object.values(NOTIFY_TASKS).map((w) => [w, lambdaArn(w)])) as Record<NotifyTaskWorker, string>;
  const machine = new StateMachine(notifyWorkflowDefinition({ functions, maxConcurrency: opts.maxConcurrency }) as unknown as StateMachineDefinition);
  const states = Object.keys(NOTIFY_TASKS) as NotifyTaskState[];
  // A lambda:invoke task gets { FunctionName, Payload } and answers { Payload }, as the Lambda integration does.
  const taskResourceLocalHandlers = Object.fromEntries(
    states.map((state) => [
      state,
      async (input: unknown) => {
        const handler = await opts.load(NOTIFY_TASKS[state]);
        return { Payload: (await handler((input as { Payload: unknown }).Payload)) ?? null } as never;
      },
    ]),
  );
  const retryIntervalOverrides = opts.retryIntervalMs === undefined ? undefined : Object.fromEntries(states.map((s) => [s, opts.retryIntervalMs!]));
  const executions = new Map<string, Execution>();
  const arnOf = (name: string) => `${LOCAL_NOTIFY_ARN.replace(':stateMachine:', ':execution:')}:${name}`;

  const start = (name: string, input: string): Execution => {
    const run = machine.run(JSON.parse(input) as never, { overrides: { taskResourceLocalHandlers, ...(retryIntervalOverrides ? { retryIntervalOverrides } : {}) } });
    const execution: Execution = { name, input, status: 'RUNNING', startDate: Date.now() / 1000, done: Promise.resolve() };
    execution.done = run.result.then(
      (output) => {
        Object.assign(execution, { status: 'SUCCEEDED', output: JSON.stringify(output), stopDate: Date.now() / 1000 });
      },
      (err: Error) => {
        Object.assign(execution, { status: 'FAILED', error: `${err.name}: ${err.message}`, stopDate: Date.now() / 1000 });
        opts.log?.(`notification workflow ${name} failed: ${err.name}: ${err.message}`);
      },
    );
    executions.set(name, execution);
    return execution;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}') as Record<string, string>;
    const target = String(req.headers['x-amz-target'] ?? '');
    if (target === 'AWSStepFunctions.StartExecution') {
      if (body.stateMachineArn !== LOCAL_NOTIFY_ARN) return awsError(res, 400, 'StateMachineDoesNotExist', `State Machine Does Not Exist: '${body.stateMachineArn}'`);
      const name = body.name ?? '';
      const input = body.input ?? '{}';
      const existing = executions.get(name);
      // As Step Functions does for a Standard workflow: the same name and input while running is the same execution.
      if (existing && !(existing.status === 'RUNNING' && existing.input === input)) return awsError(res, 400, 'ExecutionAlreadyExists', `Execution Already Exists: '${arnOf(name)}'`);
      const execution = existing ?? start(name, input);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      return res.end(JSON.stringify({ executionArn: arnOf(name), startDate: execution.startDate }));
    }
    if (target === 'AWSStepFunctions.DescribeExecution') {
      const name = String(body.executionArn ?? '').split(':').at(-1) ?? '';
      const e = executions.get(name);
      if (!e) return awsError(res, 400, 'ExecutionDoesNotExist', `Execution Does Not Exist: '${body.executionArn}'`);
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' });
      return res.end(JSON.stringify({
        executionArn: arnOf(name), stateMachineArn: LOCAL_NOTIFY_ARN, name, status: e.status, startDate: e.startDate, input: e.input,
        ...(e.stopDate ? { stopDate: e.stopDate } : {}), ...(e.output ? { output: e.output } : {}), ...(e.error ? { error: e.error } : {}),
      }));
    }
    return awsError(res, 400, 'UnknownOperationException', `${target} is not served by the local Step Functions`);
  };

  const server = createServer((req, res) => void handle(req, res).catch((err: Error) => awsError(res, 500, 'InternalFailure', err.message)));
  const host = opts.host ?? LOOPBACK;
  const port = await listen(server, 0, host);
  return {
    endpoint: `http://${reachableHost(host)}:${port}`,
    stateMachineArn: LOCAL_NOTIFY_ARN,
    executions,
    async idle() {
      for (;;) {
        const running = [...executions.values()].filter((e) => e.status === 'RUNNING');
        if (running.length === 0) return;
        await Promise.all(running.map((e) => e.done));
      }
    },
    async stop() {
      await new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      });
    },
  };
}
