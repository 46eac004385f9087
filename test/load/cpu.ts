/**
 * CPU time of the processes under load, from /proc (Linux): this process (the server and every handler),
 * DynamoDB Local (its Java child) and the load driver. Elsewhere the figures are left out.
 */
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100;

/** User + system CPU seconds of a process, or undefined when /proc cannot tell. */
function cpuSeconds(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may hold spaces, inside parentheses): state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

function sumOf(pids: number[]): number | undefined {
  if (pids.length === 0) return undefined;
  let total = 0;
  for (const pid of pids) {
    const s = cpuSeconds(pid);
    if (s === undefined) return undefined;
    total += s;
  }
  return total;
}

/** The Java processes among this process's children: DynamoDB Local. */
function javaChildren(): number[] {
  try {
    return readdirSync('/proc')
      .filter((d) => /^\d+$/.test(d))
      .filter((d) => {
        try {
          const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
          const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
          const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
          return comm === 'java' && ppid === process.pid;
        } catch {
          return false;
        }
      })
      .map(Number);
  } catch {
    return [];
  }
}

/** CPU seconds the whole machine spent busy (all cores), from /proc/stat. */
function machineBusySeconds(): number | undefined {
  try {
    const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already in user)
    const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
    return (user + nice + system + irq + softirq + steal) / TICKS_PER_SECOND;
  } catch {
    return undefined;
  }
}

export interface CpuShares {
  /** Mean cores busy over the interval: 1.0 = one core all the time. */
  server?: number;
  dynamo?: number;
  driver?: number;
  /** Every other process on the machine (tests, builds, another benchmark): what competed with the run. */
  others?: number;
}

/** Starts a measurement; the returned function ends it and gives each process's mean cores busy. */
export function cpuMeter(driverPid: number | undefined): () => CpuShares {
  const java = javaChildren();
  const read = () => ({
    server: cpuSeconds(process.pid),
    dynamo: sumOf(java),
    driver: driverPid === undefined ? undefined : cpuSeconds(driverPid),
    machine: machineBusySeconds(),
  });
  const start = read();
  const t0 = performance.now();
  return () => {
    const end = read();
    const seconds = (performance.now() - t0) / 1000;
    const share = (a: number | undefined, b: number | undefined) => (a === undefined || b === undefined ? undefined : (b - a) / seconds);
    const shares: CpuShares = { server: share(start.server, end.server), dynamo: share(start.dynamo, end.dynamo), driver: share(start.driver, end.driver) };
    const machine = share(start.machine, end.machine);
    if (machine !== undefined && shares.server !== undefined && shares.dynamo !== undefined && shares.driver !== undefined) {
      shares.others = Math.max(0, machine - shares.server - shares.dynamo - shares.driver);
    }
    return shares;
  };
}
