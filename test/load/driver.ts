/**
 * The load driver: a child process of run.ts that runs autocannon for one scenario at a time (a LoadJob over
 * IPC) and answers with what it measured (a LoadResult). It runs apart from the server so that making and
 * timing requests never waits for the server's event loop, nor the server for it.
 */
import autocannon from 'autocannon';
import { EXHAUSTED_PATH, type DriverMessage, type LoadJob, type LoadResult, type RequestTemplate } from './protocol.ts';

const MAX_SAMPLES = 5;

function caseIdOf(body: string): string | undefined {
  try {
    const caseId = (JSON.parse(body) as { caseId?: unknown }).caseId;
    return typeof caseId === 'string' ? caseId : undefined;
  } catch {
    return undefined;
  }
}

/** Picks the next template for a connection; -1 when the connection has none left to send. */
type Picker = (client: number) => number;

function picker(job: LoadJob, remaining: (number | undefined)[]): Picker {
  const n = job.templates.length;
  const available = (i: number) => remaining[i] === undefined || remaining[i] > 0;
  if (job.rotation === 'shared') {
    let next = 0;
    return () => {
      for (let tried = 0; tried < n; tried++) {
        const i = next;
        next = (next + 1) % n;
        if (available(i)) return i;
      }
      return -1;
    };
  }
  // per-connection: connection k owns templates k, k + C, k + 2C...
  const cursors = new Map<number, number>();
  return (client) => {
    const owned = Math.ceil((n - client) / job.connections);
    for (let tried = 0; tried < owned; tried++) {
      const step = cursors.get(client) ?? 0;
      cursors.set(client, (step + 1) % owned);
      const i = client + step * job.connections;
      if (available(i)) return i;
    }
    return -1;
  };
}

async function run(job: LoadJob): Promise<LoadResult> {
  if (job.rotation === 'per-connection' && job.templates.length < job.connections) {
    throw new Error(`${job.name}: ${job.templates.length} templates cannot give each of ${job.connections} connections its own`);
  }
  const url = new URL(job.url);
  const remaining = job.templates.map((t) => t.uses);
  const used = job.templates.map(() => 0);
  const pick = picker(job, remaining);
  const latenciesMs: number[] = [];
  const receivedAtMs: number[] = [];
  const t0 = performance.now();
  const samples: LoadResult['samples'] = [];
  const created: [number, string][] = [];
  const errorMessages = new Map<string, number>();
  let exhausted = 0;
  let counter = 0;
  let clients = 0;

  const build = (t: RequestTemplate) => {
    const n = String(counter++);
    return {
      method: t.method,
      path: t.path.replaceAll('{n}', n),
      headers: { host: url.host, ...t.headers },
      ...(t.body === undefined ? {} : { body: t.body.replaceAll('{n}', n) }),
    };
  };

  const options: autocannon.Options = {
    url: job.url,
    connections: job.connections,
    duration: job.durationSeconds,
    // One request per connection at a time: a browser-like client, and the latency is the request's own.
    pipelining: 1,
    timeout: 10,
    setupClient(client) {
      const k = clients++;
      let current = -1;
      client.setRequests([
        {
          setupRequest(req) {
            current = pick(k);
            if (current < 0) {
              exhausted++;
              return { ...req, method: 'GET', path: EXHAUSTED_PATH, headers: { host: url.host }, body: '' };
            }
            used[current]!++;
            if (remaining[current] !== undefined) remaining[current]!--;
            return { ...req, ...build(job.templates[current]!) };
          },
          onResponse(status, body) {
            if (status >= 200 && status < 300) {
              if (job.collectCaseIds && current >= 0) {
                const caseId = caseIdOf(body);
                if (caseId) created.push([current, caseId]);
              }
            } else if (samples.length < MAX_SAMPLES) {
              samples.push({ status, body: body.slice(0, 300) });
            }
          },
        },
      ]);
    },
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (err: Error | null, res) => (err ? reject(err) : resolve(res)));
    instance.on('response', (_client, _status, _bytes, responseTime) => {
      latenciesMs.push(responseTime);
      receivedAtMs.push(performance.now() - t0);
    });
    instance.on('reqError', (err: Error) => errorMessages.set(err.message, (errorMessages.get(err.message) ?? 0) + 1));
  });
  const statusCounts: Record<string, number> = {};
  for (const [code, { count }] of Object.entries(result.statusCodeStats ?? {})) statusCounts[code] = count ?? 0;
  for (const [message, count] of errorMessages) {
    if (samples.length < MAX_SAMPLES) samples.push({ status: 0, body: `${message} (×${count})` });
  }
  return {
    kind: 'result',
    name: job.name,
    durationSeconds: result.duration,
    responses: latenciesMs.length,
    requestsPerSecond: result.requests.average,
    latenciesMs,
    receivedAtMs,
    statusCounts,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    exhausted,
    samples,
    used,
    created,
  };
}

process.on('message', (job: LoadJob) => {
  run(job)
    .then((r) => r as DriverMessage)
    .catch((err: Error) => ({ kind: 'failure', name: job.name, message: err.stack ?? err.message }) as DriverMessage)
    .then((msg) => process.send?.(msg));
});
process.on('disconnect', () => process.exit(0));
